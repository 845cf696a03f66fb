/**
 * Annotations from other tools into user annotations: brat standoff (entities, `N` and `A`
 * lines, and attributions as in PolNeAR → quotes with speakers), JSON lines (doccano, ours,
 * Prodigy `spans`, Label Studio) and W3C Web Annotation. Offsets count code points; when the
 * file's text is not the article's (CRLF, a BOM, an edit since), each span is found again by
 * its words and context with the sidecars' anchoring. What does not fit is reported, never
 * guessed, and labels we do not know are reported (a label map names them).
 */
import type { EntityType } from '../entities/mentions';
import { codePointOffsets, fromCodePoints, universalNewlines } from '../export/text';
import type { Origin } from '../export/exportArticle';
import { BRAT_SPAN, readAttributions, readBratAttributes, readBratNormalizations, readBratNotes, readBratSpans, type BratSpan } from '../quotes/brat';
import { makeAnchor, reanchor, type TextAnchor } from './anchor';
import type { UserAnnotation } from './annotations';

export { fromCodePoints } from '../export/text';

export interface ImportResult {
  readonly annotations: UserAnnotation[];
  readonly problems: string[];
  /** The origin the file gives each annotation (by annotation id), where it gives one. */
  readonly origins: Readonly<Record<string, Origin>>;
  /** Labels not imported because neither we nor the label map know them, with their counts (also in `problems`). */
  readonly unknownLabels: Readonly<Record<string, number>>;
}

/** Foreign label → PER, ORG, LOC, MISC, DATE, TIME or QUOTE; null (or "") imports it as nothing, silently. */
export type LabelMap = Readonly<Record<string, string | null>>;

export interface ImportOptions {
  readonly labelMap?: LabelMap;
  /** Keep only what the file marks as the user's (files that mark nothing keep everything). */
  readonly userOnly?: boolean;
}

type Target = EntityType | 'QUOTE';
const TARGETS = new Set<string>(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'QUOTE']);

/** Other tools' names for our types (OntoNotes, ACE and brat's examples included). */
const BUILT_IN: Record<string, Target> = {
  PER: 'PER',
  PERSON: 'PER',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  LOC: 'LOC',
  LOCATION: 'LOC',
  GPE: 'LOC',
  'GEO-POLITICAL-ENTITY': 'LOC',
  MISC: 'MISC',
  MISCELLANEOUS: 'MISC',
  PERS: 'PER',
  NORP: 'MISC',
  DATE: 'DATE',
  TIME: 'TIME',
  QUOTE: 'QUOTE',
};

/**
 * Reads a label map: a JSON object (`{"Geo-political-entity": "LOC", "Money": null}`) or one
 * `label<TAB>type` (or `label = type`) a line; `#` starts a comment.
 */
export function parseLabelMap(content: string): { map: Record<string, string | null>; problems: string[] } {
  const map: Record<string, string | null> = {};
  const problems: string[] = [];
  const add = (from: string, to: unknown, where: string) => {
    const value = to === null || to === '' ? null : typeof to === 'string' ? to.trim().toUpperCase() : undefined;
    if (value === undefined || (value !== null && !TARGETS.has(value))) problems.push(`${where}: "${String(to)}" is not one of PER, ORG, LOC, MISC, DATE, TIME, QUOTE (or null to skip "${from}")`);
    else map[from] = value;
  };
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      for (const [from, to] of Object.entries(json)) add(from, to, `"${from}"`);
    } catch (e) {
      problems.push(`not valid JSON: ${(e as Error).message}`);
    }
    return { map, problems };
  }
  trimmed.split(/\r?\n/).forEach((line, i) => {
    const body = line.replace(/(^|\s)#.*$/, '').trim();
    if (!body) return;
    const m = /^(.+?)\s*(?:\t|=)\s*(\S*)$/.exec(body);
    if (!m) problems.push(`line ${i + 1}: expected "label<TAB>type" or "label = type"`);
    else add(m[1].trim(), m[2], `line ${i + 1}`);
  });
  return { map, problems };
}

/** Our entity kind (or QUOTE) for another tool's label when it is a known name of one ("Person" → PER). */
export function knownLabel(label: string): string | undefined {
  return BUILT_IN[label.toUpperCase()];
}

/** Label → our type; null: skip silently (mapped to nothing); undefined: unknown. */
function labelResolver(map: LabelMap = {}): (label: string) => Target | null | undefined {
  const folded = new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  return (label) => {
    const mapped = label in map ? map[label] : folded.get(label.toLowerCase());
    if (mapped !== undefined) return mapped === null || mapped === '' ? null : (mapped.toUpperCase() as Target);
    return BUILT_IN[label.toUpperCase()];
  };
}

/** The entity type a label from another tool stands for, if any ("PERSON" → PER), the label map first. */
export function entityTypeForLabel(label: string, labelMap?: LabelMap): EntityType | undefined {
  const type = labelResolver(labelMap)(label);
  return type && type !== 'QUOTE' ? type : undefined;
}

/** Counts unknown labels and reports each once. */
class UnknownLabels {
  readonly counts = new Map<string, number>();
  add(label: string) {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }
  report(problems: string[]) {
    for (const [label, n] of this.counts) problems.push(`unknown label "${label}" (${n} span${n === 1 ? '' : 's'}): not imported; a label map can name its type (PER, ORG, LOC, MISC, DATE, TIME, QUOTE)`);
  }
}

/**
 * Where [start, end) of `source` lies in `text`: the same place when the texts agree (or
 * differ only by a BOM and line ends), else found again by words and context.
 */
function place(source: string, start: number, end: number, text: string): TextAnchor | null {
  if (source === text) return makeAnchor(text, start, end);
  const a = universalNewlines(source);
  const b = universalNewlines(text);
  if (a.text === b.text) {
    const s = b.toOriginal(a.toNormalised(start));
    const e = b.toOriginal(a.toNormalised(end));
    if (s >= 0 && e >= s) return makeAnchor(text, s, e);
  }
  return reanchor(makeAnchor(source, start, end), text);
}

class Collector {
  readonly annotations: UserAnnotation[] = [];
  readonly problems: string[] = [];
  readonly origins: Record<string, Origin> = {};
  readonly unknown = new UnknownLabels();
  constructor(private readonly options: ImportOptions) {}
  add(a: Omit<Extract<UserAnnotation, { kind: 'entity' }>, 'id'> | Omit<Extract<UserAnnotation, { kind: 'quote' }>, 'id'>, origin: Origin | undefined) {
    if (this.options.userOnly && origin === 'automatic') return;
    const id = `i${this.annotations.length + 1}`;
    // An automatic result someone accepted stays marked so (the export's "accepted").
    this.annotations.push({ id, ...a, ...(origin === 'accepted' ? { decision: 'accepted' } : {}) } as UserAnnotation);
    if (origin) this.origins[id] = origin;
  }
  result(): ImportResult {
    this.unknown.report(this.problems);
    return {
      annotations: this.annotations.sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end),
      problems: this.problems,
      origins: this.origins,
      unknownLabels: Object.fromEntries(this.unknown.counts),
    };
  }
}

const asOrigin = (v: unknown): Origin | undefined => (v === 'user' || v === 'automatic' || v === 'accepted' ? v : undefined);

// ---------------------------------------------------------------- brat

/**
 * One `.ann` for the article `text`. Brat counts code points in its `.txt` read with
 * universal newlines; give that `.txt` as `bratText` when it may differ from the article
 * (otherwise the article read that way is assumed).
 */
export function importBrat(annRaw: string, text: string, options: ImportOptions & { bratText?: string } = {}): ImportResult {
  const ann = annRaw.replace(/\r\n?/g, '\n');
  const out = new Collector(options);
  const norm = universalNewlines(text);
  const txt = options.bratText !== undefined ? universalNewlines(options.bratText).text : norm.text;
  const toIndex = fromCodePoints(txt);
  const resolve = labelResolver(options.labelMap);
  const unknown = out.unknown;
  ann.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    if (!/^([TERAMN]\d+|#\d*|\*)\t/.test(line)) out.problems.push(`line ${i + 1}: not a brat annotation line`);
    else if (line.startsWith('T') && !BRAT_SPAN.test(line)) out.problems.push(`line ${i + 1}: a text-bound line needs "T<n><TAB>type start end[;start end…]<TAB>text"`);
  });
  const spans = readBratSpans(ann);
  const attributes = readBratAttributes(ann);
  const references = readBratNormalizations(ann);
  const notes = readBratNotes(ann);
  const originOf = (id: string) => asOrigin(attributes.get(id)?.get('Origin'));
  /** A span's pieces in the article: one when its fragments are apart only by white space (line breaks). */
  const pieces = (s: BratSpan): TextAnchor[] | null => {
    const frags = s.fragments.map(([a, b]) => [toIndex(a), toIndex(b)] as const);
    if (frags.some(([a, b]) => a > b || b > txt.length)) return null;
    // Brat's rule: the text is the fragments joined by one space (ours, and PolNeAR's, spacing aside).
    if (frags.map(([a, b]) => txt.slice(a, b)).join(' ').replace(/\s+/g, ' ') !== s.text.replace(/\s+/g, ' ')) return null;
    const joined: Array<[number, number]> = [];
    for (const [a, b] of frags) {
      const last = joined[joined.length - 1];
      if (last && /^\s*$/.test(txt.slice(last[1], a))) last[1] = b;
      else joined.push([a, b]);
    }
    const anchors = joined.map(([a, b]) => (txt === norm.text ? makeAnchor(text, norm.toOriginal(a), norm.toOriginal(b)) : place(txt, a, b, text)));
    return anchors.every((x): x is TextAnchor => x !== null) ? anchors : null;
  };
  // Relations (`R`, Arg1/Arg2) and equivalences (`*`) have no annotation of ours: said, not skipped in silence.
  const links = new Map<string, number>();
  for (const m of ann.matchAll(/^(?:R\d+|\*)\t(\S+)/gm)) links.set(m[1], (links.get(m[1]) ?? 0) + 1);
  for (const [type, n] of links) out.problems.push(`${n} "${type}" relation${n === 1 ? '' : 's'} (R or * lines): not imported (entities and quotes are, not the links between them)`);
  const misfit = (s: BratSpan) => out.problems.push(`${s.id}: its text does not match the article at ${s.fragments.map((f) => f.join('–')).join(';')}`);
  /** Who a Source names: its note, its reference's name, else its words. */
  const sourceName = (s: BratSpan) => notes.get(s.id) ?? references.get(s.id)?.[0]?.name ?? s.text.replace(/\s+/g, ' ');
  const inAttribution = new Set<string>();
  for (const a of readAttributions(ann)) {
    // A dangling argument is the annotator's data we cannot place: said, not dropped in silence.
    for (const arg of a.unresolved) out.problems.push(`${a.id}: its argument ${arg} names no text-bound annotation in the file; not imported`);
    // Brat numbers a repeated role (Content, Content2; Source2, Cue2): each argument is the attribution's.
    for (const s of [a.trigger, ...a.contents, ...a.sources, ...a.cues]) if (s) inAttribution.add(s.id);
    const speaker = notes.get(a.id) ?? spokenBy([...new Set(a.sources.map(sourceName).filter((n) => n))]);
    // Each Content is a quote of the attribution's speaker (a second one a sentence on, or after the cue).
    for (const content of new Map(a.contents.map((c) => [c.id, c])).values()) {
      const where = pieces(content);
      if (!where) {
        misfit(content);
        continue;
      }
      // A quote interrupted by its cue comes in pieces; each piece is a quote of the same speaker.
      for (const anchor of where) out.add({ kind: 'quote', speaker: speaker || null, anchor }, originOf(a.id));
    }
  }
  for (const s of spans.values()) {
    if (inAttribution.has(s.id)) continue;
    const type = resolve(s.label);
    if (type === null) continue;
    if (type === undefined) {
      unknown.add(s.label);
      continue;
    }
    const where = pieces(s);
    if (!where || (type !== 'QUOTE' && where.length > 1)) {
      misfit(s);
      continue;
    }
    const name = references.get(s.id)?.find((r) => r.name)?.name ?? null;
    if (type === 'QUOTE') out.add({ kind: 'quote', speaker: notes.get(s.id) ?? null, anchor: where[0] }, originOf(s.id));
    else out.add({ kind: 'entity', type, name, anchor: where[0] }, originOf(s.id));
  }
  return out.result();
}

/** One speaker for an attribution's Sources: several (Source, Source2) say it together ("Ana and Rui"). */
function spokenBy(names: readonly string[]): string | null {
  if (names.length <= 1) return names[0] ?? null;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------- JSON lines

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** The records of a JSON-lines file, or of a JSON array (Label Studio's export). */
export function readJsonRecords(content: string): { records: Array<{ where: string; record: Json }>; problems: string[] } {
  const records: Array<{ where: string; record: Json }> = [];
  const problems: string[] = [];
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    try {
      const all = JSON.parse(trimmed) as unknown[];
      all.forEach((r, i) => (isObject(r) ? records.push({ where: `item ${i + 1}`, record: r }) : problems.push(`item ${i + 1}: not a JSON object`)));
    } catch (e) {
      problems.push(`not valid JSON: ${(e as Error).message}`);
    }
    return { records, problems };
  }
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const r = JSON.parse(line) as unknown;
      if (isObject(r)) records.push({ where: `line ${i + 1}`, record: r });
      else problems.push(`line ${i + 1}: not a JSON object`);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON`);
    }
  });
  return { records, problems };
}

/** The article a record names (ours: `document`/`file`; doccano and Label Studio keep it in metadata or `data`). */
export function recordFile(record: Json): string | null {
  const data = isObject(record.data) ? record.data : {};
  const meta = isObject(record.meta) ? record.meta : isObject(record.metadata) ? record.metadata : {};
  for (const v of [record.file, record.document, data.file, data.document, meta.file, meta.document, record.path]) if (typeof v === 'string' && v) return v;
  return null;
}

/** A record's text (doccano, Prodigy: `text`; Label Studio: `data.text`). */
export function recordText(record: Json): string | null {
  if (typeof record.text === 'string') return record.text;
  if (isObject(record.data) && typeof record.data.text === 'string') return record.data.text;
  return null;
}

interface RawSpan {
  start: number;
  end: number;
  label: string;
  text?: string;
  speaker?: string | null;
  origin?: Origin;
  name?: string | null;
}

/** The spans of any of the forms we read, offsets as the record gives them. */
function rawSpans(record: Json, where: (i: number) => string, problems: string[]): RawSpan[] {
  const out: RawSpan[] = [];
  const bad = (i: number, what: string) => problems.push(`${where(i)}: ${what}`);
  // doccano ≥ 1.6 and ours: entities (+ our quotes).
  if (Array.isArray(record.entities)) {
    record.entities.forEach((e, i) => {
      const start = isObject(e) ? num(e.start_offset ?? e.start) : undefined;
      const end = isObject(e) ? num(e.end_offset ?? e.end) : undefined;
      if (!isObject(e) || start === undefined || end === undefined || typeof e.label !== 'string') return bad(i, 'an entity needs "start_offset", "end_offset" and "label"');
      out.push({ start, end, label: e.label, origin: asOrigin(e.origin), name: typeof e.name === 'string' ? e.name : null });
    });
  }
  if (Array.isArray(record.quotes)) {
    record.quotes.forEach((q, i) => {
      const start = isObject(q) ? num(q.start_offset) : undefined;
      const end = isObject(q) ? num(q.end_offset) : undefined;
      if (!isObject(q) || start === undefined || end === undefined) return bad(i, 'a quote needs "start_offset" and "end_offset"');
      const speaker = isObject(q.speaker) && typeof q.speaker.name === 'string' ? q.speaker.name : null;
      out.push({ start, end, label: 'QUOTE', text: typeof q.text === 'string' ? q.text : undefined, speaker, origin: asOrigin(q.origin) });
    });
  }
  // Prodigy.
  if (Array.isArray(record.spans)) {
    record.spans.forEach((s, i) => {
      const start = isObject(s) ? num(s.start) : undefined;
      const end = isObject(s) ? num(s.end) : undefined;
      if (!isObject(s) || start === undefined || end === undefined || typeof s.label !== 'string') return bad(i, 'a span needs "start", "end" and "label"');
      out.push({ start, end, label: s.label, text: typeof s.text === 'string' ? s.text : undefined });
    });
  }
  // doccano sequence labelling ([start, end, label]) and Label Studio's JSON-MIN ({start, end, text, labels}).
  if (Array.isArray(record.label)) {
    record.label.forEach((l, i) => {
      if (Array.isArray(l) && num(l[0]) !== undefined && num(l[1]) !== undefined && typeof l[2] === 'string') out.push({ start: l[0] as number, end: l[1] as number, label: l[2] });
      else if (isObject(l) && num(l.start) !== undefined && num(l.end) !== undefined && Array.isArray(l.labels) && typeof l.labels[0] === 'string') out.push({ start: l.start as number, end: l.end as number, label: l.labels[0], text: typeof l.text === 'string' ? l.text : undefined });
      else bad(i, 'expected [start, end, label]');
    });
  }
  // Label Studio's JSON export: the first annotation not cancelled (predictions are the machine's).
  if (Array.isArray(record.annotations)) {
    const chosen = record.annotations.find((a) => isObject(a) && !a.was_cancelled && Array.isArray(a.result));
    const results = isObject(chosen) && Array.isArray(chosen.result) ? chosen.result : [];
    results.forEach((r, i) => {
      const v = isObject(r) && isObject(r.value) ? r.value : null;
      if (!v) return;
      const labels = Array.isArray(v.labels) ? v.labels : Array.isArray(v.hypertextlabels) ? v.hypertextlabels : null;
      if (num(v.start) === undefined || num(v.end) === undefined || !labels || typeof labels[0] !== 'string') {
        if (labels) bad(i, 'a Label Studio region needs "start", "end" and "labels"');
        return;
      }
      out.push({ start: v.start as number, end: v.end as number, label: labels[0], text: typeof v.text === 'string' ? v.text : undefined, origin: 'user' });
    });
  }
  return out;
}

/**
 * One JSON record for the article `text`: ours or doccano's (`entities`, `relations`, our
 * `quotes`), doccano's `label` arrays, Prodigy's `spans` or one Label Studio task. Offsets
 * count code points; a span that gives its words is checked against them (and, failing
 * that, read as UTF-16 indices, as some JavaScript tools count).
 */
export function importJsonLine(record: Json, text: string, options: ImportOptions = {}): ImportResult {
  const out = new Collector(options);
  if (record.answer === 'reject' || record.answer === 'ignore') {
    out.problems.push(`the record was answered "${record.answer}" in Prodigy; not imported`);
    return out.result();
  }
  const source = recordText(record) ?? text;
  const toIndex = fromCodePoints(source);
  const cpLength = codePointOffsets(source)(source.length);
  const resolve = labelResolver(options.labelMap);
  const unknown = out.unknown;
  const spans = rawSpans(record, (i) => `span ${i + 1}`, out.problems);
  spans.forEach((s, i) => {
    const type = resolve(s.label);
    if (type === null) return;
    if (type === undefined) return unknown.add(s.label);
    if (s.start < 0 || s.end > cpLength || s.start >= s.end) return out.problems.push(`span ${i + 1} (${s.label}): ${s.start}–${s.end} is outside the text`);
    let start = toIndex(s.start);
    let end = toIndex(s.end);
    if (s.text !== undefined && source.slice(start, end) !== s.text) {
      if (source.slice(s.start, s.end) === s.text) [start, end] = [s.start, s.end];
      else return out.problems.push(`span ${i + 1} (${s.label}): "${s.text}" is not at ${s.start}–${s.end}`);
    }
    const anchor = place(source, start, end, text);
    if (!anchor) return out.problems.push(`span ${i + 1} (${s.label}): "${source.slice(start, end)}" is not in the article (or is in several places alike)`);
    if (type === 'QUOTE') out.add({ kind: 'quote', speaker: s.speaker ?? null, anchor }, s.origin);
    else out.add({ kind: 'entity', type, name: s.name ?? null, anchor }, s.origin);
  });
  return out.result();
}

// ---------------------------------------------------------------- W3C Web Annotation

interface W3cItem {
  body?: unknown;
  target?: unknown;
  origin?: unknown;
  generator?: unknown;
  creator?: unknown;
}

/** The items of a W3C document (a collection, a page, an array or one annotation), by target source. */
export function w3cItemsBySource(doc: unknown): Map<string, W3cItem[]> {
  const d = doc as { first?: { items?: unknown }; items?: unknown };
  const items = (Array.isArray(doc) ? doc : Array.isArray(d?.first?.items) ? d.first.items : Array.isArray(d?.items) ? d.items : isObject(doc) && doc.type === 'Annotation' ? [doc] : []) as W3cItem[];
  const out = new Map<string, W3cItem[]>();
  for (const item of items) {
    const target = isObject(item?.target) ? item.target : null;
    const source = typeof item?.target === 'string' ? item.target : typeof target?.source === 'string' ? target.source : typeof target?.id === 'string' ? target.id : '';
    out.set(source, [...(out.get(source) ?? []), item]);
  }
  return out;
}

/**
 * The article path a W3C source names: relative as our exports write it (`asia/001.txt`),
 * with `baseUri` taken off when given, or a `file://` URI's path.
 */
export function w3cSourcePath(source: string, baseUri = ''): string {
  let s = source;
  const base = baseUri && !/[/#]$/.test(baseUri) ? `${baseUri}/` : baseUri;
  if (base && s.startsWith(base)) s = s.slice(base.length);
  else if (/^file:\/\//i.test(s)) s = s.replace(/^file:\/\/[^/]*/i, '');
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * W3C Web Annotation items of one article, anchored the way the sidecars are: the
 * TextPositionSelector says where (code points), the TextQuoteSelector's exact words and
 * prefix/suffix decide where the text has changed.
 */
export function importW3c(items: readonly W3cItem[], text: string, options: ImportOptions = {}): ImportResult {
  const out = new Collector(options);
  const toIndex = fromCodePoints(text);
  const resolve = labelResolver(options.labelMap);
  const unknown = out.unknown;
  items.forEach((item, i) => {
    const target = isObject(item.target) ? item.target : null;
    const selectors = (Array.isArray(target?.selector) ? target!.selector : [target?.selector]).filter(isObject);
    // The article's own description (metadata, event) has no selector: nothing to anchor.
    if (!selectors.length) return;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const start = num(position?.start) !== undefined ? toIndex(position!.start as number) : 0;
    const end = num(position?.end) !== undefined ? toIndex(position!.end as number) : 0;
    let anchor: TextAnchor | null = null;
    if (quote && typeof quote.exact === 'string') {
      anchor = reanchor({ start, end: Math.max(start, end), exact: quote.exact, prefix: typeof quote.prefix === 'string' ? quote.prefix : '', suffix: typeof quote.suffix === 'string' ? quote.suffix : '' }, text);
    } else if (position && end > start) anchor = makeAnchor(text, start, end);
    if (!anchor) return out.problems.push(`item ${i + 1}: its words are not in the article (or are in several places alike)`);
    const bodies = (Array.isArray(item.body) ? item.body : [item.body]).filter(isObject);
    const tag = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string')?.value ?? bodies.find((b) => typeof b.value === 'string')?.value;
    const label = typeof tag === 'string' ? tag : '';
    const origin = asOrigin(item.origin) ?? (item.generator ? 'automatic' : item.creator ? 'user' : undefined);
    // Older exports (and free-text tools) say "Quote by NAME".
    const freeText = /^quote(?: by (.+))?$/i.exec(label);
    if (freeText) {
      const speakerBody = bodies.find((b) => b.role === 'speaker' && typeof b.value === 'string');
      return out.add({ kind: 'quote', speaker: (speakerBody?.value as string | undefined) ?? freeText[1] ?? null, anchor }, origin);
    }
    const type = resolve(label);
    if (type === null) return;
    if (type === undefined) return label ? unknown.add(label) : out.problems.push(`item ${i + 1}: no entity type or quote in its body`);
    if (type === 'QUOTE') return out.add({ kind: 'quote', speaker: null, anchor }, origin);
    const named = bodies.find((b) => b.purpose === 'identifying' && typeof b.value === 'string')?.value;
    out.add({ kind: 'entity', type, name: typeof named === 'string' ? named : null, anchor }, origin);
  });
  return out.result();
}
