/**
 * A selection made into an annotation span: spaces trimmed and both ends moved out to whole
 * tokens (as the CoNLL/IOB export tokenises), so a span never starts or ends inside a word.
 */
import { tokenize } from '../ner/tokenize';

/** Opening and closing marks that surround a name rather than belong to it. */
const EDGE_PUNCTUATION = /^[\s"“”‘’'«»()[\]{},;:!?]$/u;

export function snapToTokens(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  // The tokens of the lines the selection touches (a token never spans a line break).
  const from = text.lastIndexOf('\n', s - 1) + 1;
  const nextBreak = text.indexOf('\n', e);
  const tokens = tokenize(text, from, nextBreak < 0 ? text.length : nextBreak);
  const inside = tokens.filter((t) => t.end > s && t.start < e);
  const kept = inside.filter((t, i) => !(EDGE_PUNCTUATION.test(t.text) && (i === 0 || i === inside.length - 1) && inside.length > 1));
  const words = kept.length ? kept : inside;
  if (words.length === 0) return null;
  s = words[0].start;
  e = words[words.length - 1].end;
  return { start: s, end: e };
}
