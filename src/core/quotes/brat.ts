/** Reading brat standoff attribution files (PolNeAR: Source, Cue, Content linked by events). */

export interface BratSpan {
  readonly id: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Discontinuous spans ("315 448;463 553") as [start, end] pieces; one piece otherwise. */
  readonly fragments: ReadonlyArray<readonly [number, number]>;
}

export interface Attribution {
  /** The event's id ("E3"). */
  readonly id: string;
  readonly trigger: BratSpan | null;
  /** The event's last Content argument (brat numbers a repeated role: Content, Content2). */
  readonly content: BratSpan | null;
  /**
   * Every Content argument in the event's order: a speaker's second quote a sentence on
   * (`"Subpoenas are not optional," … said … "Mr. Pagliano is a crucial fact witness …"`) is a
   * second Content of the same attribution, not a replacement of the first.
   */
  readonly contents: readonly BratSpan[];
  /** The event's last Source argument. */
  readonly source: BratSpan | null;
  /** Every Source argument in the event's order (Source, Source2, …). */
  readonly sources: readonly BratSpan[];
  /** The event's last Cue argument. */
  readonly cue: BratSpan | null;
  /** Every Cue argument in the event's order (Cue, Cue2, …). */
  readonly cues: readonly BratSpan[];
  /** Arguments ("Content:T9") whose id names no text-bound annotation in the file. */
  readonly unresolved: readonly string[];
}

/** A text-bound line: id, type, fragments, text (which may itself hold a tab). */
export const BRAT_SPAN = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;

export function readBratSpans(ann: string): Map<string, BratSpan> {
  const spans = new Map<string, BratSpan>();
  for (const line of ann.split(/\r?\n/)) {
    const m = BRAT_SPAN.exec(line);
    if (!m) continue;
    const fragments = m[3].split(';').map((f) => f.split(' ').map(Number) as [number, number]);
    spans.set(m[1], { id: m[1], label: m[2], start: fragments[0][0], end: fragments[fragments.length - 1][1], text: m[4], fragments });
  }
  return spans;
}

/** The attributions of a PolNeAR .ann file: E lines tie a Content to its Source and Cue. */
export function readAttributions(ann: string): Attribution[] {
  const spans = readBratSpans(ann);
  const out: Attribution[] = [];
  for (const line of ann.split(/\r?\n/)) {
    const event = /^(E\d+)\t(.*)$/.exec(line);
    if (!event) continue;
    // Brat numbers a repeated role (Content, Content2, Source2…): every argument is kept under its role.
    const byRole = new Map<string, BratSpan[]>();
    const lastId = new Map<string, string>();
    const unresolved: string[] = [];
    const [trigger, ...args] = event[2].trim().split(/\s+/);
    for (const part of args) {
      const [role, id] = part.split(':');
      if (!role || !id) continue;
      const base = role.replace(/\d+$/, '');
      lastId.set(base, id);
      const span = spans.get(id);
      if (span) byRole.set(base, [...(byRole.get(base) ?? []), span]);
      else unresolved.push(part);
    }
    const all = (role: string) => byRole.get(role) ?? [];
    const last = (role: string) => spans.get(lastId.get(role) ?? '') ?? null;
    out.push({
      id: event[1],
      trigger: spans.get(trigger?.split(':')[1] ?? '') ?? null,
      content: last('Content'),
      contents: all('Content'),
      source: last('Source'),
      sources: all('Source'),
      cue: last('Cue'),
      cues: all('Cue'),
      unresolved,
    });
  }
  return out;
}

const QUOTE_MARKS = /^["“”‘’'«»„]/;

/**
 * Gold direct quotes by the evaluation's rule: Content spans that start with a quote mark, one
 * entry for each such Content of an attribution (with it as `content`), sharing its Source.
 */
export function goldQuotes(attributions: readonly Attribution[]): Attribution[] {
  return attributions.flatMap((a) => a.contents.filter((c) => QUOTE_MARKS.test(c.text)).map((content) => ({ ...a, content })));
}

/** `A` lines: annotation id → attribute name → value (`true` for a binary attribute). */
export function readBratAttributes(ann: string): Map<string, Map<string, string | true>> {
  const out = new Map<string, Map<string, string | true>>();
  for (const m of ann.matchAll(/^[AM]\d+\t(\S+) (\S+)(?: (\S+))?\s*$/gm)) {
    const of = out.get(m[2]) ?? new Map<string, string | true>();
    of.set(m[1], m[3] ?? true);
    out.set(m[2], of);
  }
  return out;
}

/** `N` lines: annotation id → its references (database, id and name). */
export function readBratNormalizations(ann: string): Map<string, Array<{ db: string; id: string; name: string }>> {
  const out = new Map<string, Array<{ db: string; id: string; name: string }>>();
  for (const m of ann.matchAll(/^N\d+\t\S+ (\S+) (\S+?):(\S+)(?:\t(.*))?$/gm)) out.set(m[1], [...(out.get(m[1]) ?? []), { db: m[2], id: m[3], name: (m[4] ?? '').trim() }]);
  return out;
}

/** `#` AnnotatorNotes lines: annotation id → note. */
export function readBratNotes(ann: string): Map<string, string> {
  const notes = new Map<string, string>();
  for (const m of ann.matchAll(/^#\d*\tAnnotatorNotes (\S+)\t(.*)$/gm)) notes.set(m[1], m[2].trim());
  return notes;
}
