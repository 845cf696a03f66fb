/**
 * Annotations from other tools into user annotations: brat standoff (entities, and
 * attributions as in PolNeAR → quotes with speakers), doccano-style JSON lines and W3C Web
 * Annotation. Offsets are checked against the text; what does not fit is reported, not guessed.
 */
import type { EntityType } from '../entities/mentions';
import { readAttributions, readBratSpans } from '../quotes/brat';
import { makeAnchor } from './anchor';
import type { UserAnnotation } from './annotations';

export interface ImportResult {
  readonly annotations: UserAnnotation[];
  readonly problems: string[];
}

const ENTITY_TYPES: Record<string, EntityType> = { PER: 'PER', PERSON: 'PER', ORG: 'ORG', ORGANIZATION: 'ORG', LOC: 'LOC', LOCATION: 'LOC', GPE: 'LOC', MISC: 'MISC', NORP: 'MISC', DATE: 'DATE', TIME: 'TIME' };

/** The entity type a label from another tool stands for, if any ("PERSON" → PER). */
export function entityTypeForLabel(label: string): EntityType | undefined {
  return ENTITY_TYPES[label.toUpperCase()];
}

/** Code-point offsets (brat, W3C) to JavaScript string indices. */
export function fromCodePoints(text: string): (offset: number) => number {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  starts.push(text.length);
  return (o) => starts[Math.min(o, starts.length - 1)];
}

export function importBrat(ann: string, text: string): ImportResult {
  const problems: string[] = [];
  const toIndex = fromCodePoints(text);
  const annotations: UserAnnotation[] = [];
  let n = 0;
  const spans = readBratSpans(ann);
  ann.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() && !/^[TEARMN#*]\d*\t/.test(line) && !/^\*\t/.test(line)) problems.push(`line ${i + 1}: not a brat annotation line`);
  });
  // Our own exports name each speaker in an AnnotatorNotes line; other tools' notes are free text too.
  const notes = new Map<string, string>();
  for (const m of ann.matchAll(/^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/gm)) notes.set(m[1], m[2].trim());
  const inAttribution = new Set<string>();
  for (const a of readAttributions(ann)) {
    for (const s of [a.content, a.source, a.cue]) if (s) inAttribution.add(s.id);
    if (!a.content) continue;
    // A quote interrupted by its cue comes in pieces; each piece is a quote of the same speaker.
    const pieces = a.content.fragments.map(([s, e]) => [toIndex(s), toIndex(e)] as const);
    if (pieces.map(([s, e]) => text.slice(s, e)).join(' ').replace(/\s+/g, ' ') !== a.content.text.replace(/\s+/g, ' ')) {
      problems.push(`${a.content.id}: its text does not match the article at ${a.content.start}–${a.content.end}`);
      continue;
    }
    const speaker = a.source ? (notes.get(a.source.id) ?? a.source.text.replace(/\s+/g, ' ')) : null;
    for (const [start, end] of pieces) annotations.push({ id: `i${++n}`, kind: 'quote', speaker, anchor: makeAnchor(text, start, end) });
  }
  for (const s of spans.values()) {
    if (inAttribution.has(s.id)) continue;
    const type = ENTITY_TYPES[s.label.toUpperCase()];
    if (!type) continue;
    const start = toIndex(s.start);
    const end = toIndex(s.end);
    if (s.fragments.length > 1 || text.slice(start, end) !== s.text) {
      problems.push(`${s.id}: its text does not match the article at ${s.start}–${s.end}`);
      continue;
    }
    annotations.push({ id: `i${++n}`, kind: 'entity', type, name: null, anchor: makeAnchor(text, start, end) });
  }
  return { annotations: annotations.sort((a, b) => a.anchor.start - b.anchor.start), problems };
}

/** One doccano / Label Studio style record: {"text", "label": [[start, end, label], …]}. */
export function importJsonLine(record: { text?: unknown; label?: unknown }, text: string): ImportResult {
  const problems: string[] = [];
  const annotations: UserAnnotation[] = [];
  if (record.text !== undefined && record.text !== text) problems.push('the record\'s "text" differs from the article; offsets checked one by one');
  const labels = Array.isArray(record.label) ? record.label : [];
  labels.forEach((l, i) => {
    if (!Array.isArray(l) || typeof l[0] !== 'number' || typeof l[1] !== 'number' || typeof l[2] !== 'string') {
      problems.push(`label ${i + 1}: expected [start, end, label]`);
      return;
    }
    const [start, end, label] = l as [number, number, string];
    if (start < 0 || end > text.length || start >= end) {
      problems.push(`label ${i + 1}: ${start}–${end} is outside the article`);
      return;
    }
    const type = ENTITY_TYPES[label.toUpperCase()];
    if (label.toUpperCase() === 'QUOTE') annotations.push({ id: `i${i + 1}`, kind: 'quote', speaker: null, anchor: makeAnchor(text, start, end) });
    else if (type) annotations.push({ id: `i${i + 1}`, kind: 'entity', type, name: null, anchor: makeAnchor(text, start, end) });
    else problems.push(`label ${i + 1}: unknown label "${label}"`);
  });
  return { annotations, problems };
}

interface W3cItem {
  body?: unknown;
  target?: { selector?: unknown };
}

/** W3C Web Annotation items: the TextQuoteSelector decides, the TextPositionSelector says where. */
export function importW3c(items: readonly W3cItem[], text: string): ImportResult {
  const problems: string[] = [];
  const annotations: UserAnnotation[] = [];
  const toIndex = fromCodePoints(text);
  items.forEach((item, i) => {
    const selectors = Array.isArray(item.target?.selector) ? item.target!.selector : [item.target?.selector];
    const quote = selectors.find((s: { type?: string }) => s?.type === 'TextQuoteSelector') as { exact?: string; prefix?: string; suffix?: string } | undefined;
    const position = selectors.find((s: { type?: string }) => s?.type === 'TextPositionSelector') as { start?: number; end?: number } | undefined;
    const bodies = (Array.isArray(item.body) ? item.body : [item.body]) as Array<{ value?: unknown; purpose?: string }>;
    const value = bodies.find((b) => b?.purpose === 'tagging')?.value ?? bodies[0]?.value;
    let start = position?.start !== undefined ? toIndex(position.start) : -1;
    let end = position?.end !== undefined ? toIndex(position.end) : -1;
    if (quote?.exact && text.slice(start, end) !== quote.exact) {
      start = text.indexOf(quote.exact);
      end = start + quote.exact.length;
    }
    if (start < 0 || end <= start) {
      problems.push(`item ${i + 1}: its words are not in the article`);
      return;
    }
    const label = typeof value === 'string' ? value : '';
    const type = ENTITY_TYPES[label.toUpperCase()];
    if (type) annotations.push({ id: `i${i + 1}`, kind: 'entity', type, name: null, anchor: makeAnchor(text, start, end) });
    else if (/^quote/i.test(label)) annotations.push({ id: `i${i + 1}`, kind: 'quote', speaker: /^quote by (.+)$/i.exec(label)?.[1] ?? null, anchor: makeAnchor(text, start, end) });
    else problems.push(`item ${i + 1}: no entity type or quote in its body`);
  });
  return { annotations, problems };
}
