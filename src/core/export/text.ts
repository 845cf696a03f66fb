/**
 * Offsets as the other tools count them. doccano, Prodigy, spaCy, brat and W3C count Unicode
 * code points (Python string indices), JavaScript counts UTF-16 units; brat reads its `.txt`
 * with universal newlines, so a brat copy of an article has `\n` line ends and no BOM.
 */
import { firstAtLeast } from '../sortedSearch';

/** Maps JavaScript (UTF-16) offsets to code-point offsets. */
export function codePointOffsets(text: string): (offset: number) => number {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) astral.push(i + 1);
  }
  if (astral.length === 0) return (o) => o;
  return (o) => o - firstAtLeast(astral, o);
}

/** Code-point offsets to JavaScript string indices (past the end: the text's length). */
export function fromCodePoints(text: string): (offset: number) => number {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  starts.push(text.length);
  return (o) => starts[Math.max(0, Math.min(o, starts.length - 1))];
}

/** At most `count` code points of `text` before `offset` (never half a surrogate pair). */
export function codePointsBefore(text: string, offset: number, count: number): string {
  return Array.from(text.slice(Math.max(0, offset - 2 * count), offset)).slice(-count).join('');
}

/** At most `count` code points of `text` from `offset` on. */
export function codePointsAfter(text: string, offset: number, count: number): string {
  return Array.from(text.slice(offset, offset + 2 * count)).slice(0, count).join('');
}

export interface NormalisedText {
  /** The text as read with universal newlines (CRLF and CR → LF), without a BOM. */
  readonly text: string;
  /** Index in `text` of an index in the original. */
  toNormalised(offset: number): number;
  /** Index in the original of an index in `text`. */
  toOriginal(offset: number): number;
}

export function universalNewlines(original: string): NormalisedText {
  const forward = new Int32Array(original.length + 1);
  const parts: string[] = [];
  const first = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = first; i < original.length; i++) {
    forward[i] = parts.length;
    if (original.charCodeAt(i) === 13) {
      if (original.charCodeAt(i + 1) === 10) forward[++i] = parts.length;
      parts.push('\n');
    } else parts.push(original[i]);
  }
  forward[original.length] = parts.length;
  const backward = new Int32Array(parts.length + 1).fill(-1);
  for (let k = first; k <= original.length; k++) if (backward[forward[k]] < 0) backward[forward[k]] = k;
  return {
    text: parts.join(''),
    toNormalised: (o) => forward[Math.max(0, Math.min(o, original.length))],
    toOriginal: (o) => backward[Math.max(0, Math.min(o, parts.length))],
  };
}
