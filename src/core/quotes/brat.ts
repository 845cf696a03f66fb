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
  readonly content: BratSpan | null;
  readonly source: BratSpan | null;
  readonly cue: BratSpan | null;
}

export function readBratSpans(ann: string): Map<string, BratSpan> {
  const spans = new Map<string, BratSpan>();
  for (const line of ann.split(/\r?\n/)) {
    const m = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
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
    if (!/^E\d+\t/.test(line)) continue;
    const roles = new Map<string, string>();
    for (const part of line.split('\t')[1].split(/\s+/)) {
      const [role, id] = part.split(':');
      if (role && id) roles.set(role.replace(/\d+$/, ''), id);
    }
    const get = (role: string) => (roles.has(role) ? (spans.get(roles.get(role)!) ?? null) : null);
    out.push({ content: get('Content'), source: get('Source'), cue: get('Cue') });
  }
  return out;
}

const QUOTE_MARKS = /^["“”‘’'«»„]/;

/** Gold direct quotes by the evaluation's rule: Content spans that start with a quote mark. */
export function goldQuotes(attributions: readonly Attribution[]): Attribution[] {
  return attributions.filter((a) => a.content && QUOTE_MARKS.test(a.content.text));
}
