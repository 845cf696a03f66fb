/**
 * Keeping annotations on their words. Edits made in the editor shift them exactly; after an
 * edit made elsewhere (another editor, a git checkout) they are found again by their exact
 * text, scored by the context around it and by position, the way Hypothesis re-anchors web
 * annotations. An annotation whose words are gone is orphaned, never moved onto other text.
 */

export interface TextAnchor {
  readonly start: number;
  readonly end: number;
  /** The annotated words exactly. */
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** A replacement of old[start, end) by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const CONTEXT = 32;

export function makeAnchor(text: string, start: number, end: number): TextAnchor {
  return { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
}

/**
 * The anchor after one change to the text, or null when the change touched its words.
 * Changes elsewhere move it by the length they add or remove.
 */
export function shiftAnchor(anchor: TextAnchor, change: TextChange): TextAnchor | null {
  const delta = change.text.length - (change.end - change.start);
  // Before the words (an insertion right at their start included): they move.
  if (change.end <= anchor.start) return { ...anchor, start: anchor.start + delta, end: anchor.end + delta };
  // After them (an insertion right at their end included): they stay.
  if (change.start >= anchor.end) return anchor;
  return null;
}

/** Applies simultaneous, non-overlapping changes (offsets in the old text). */
export function shiftAnchorAll(anchor: TextAnchor, changes: readonly TextChange[]): TextAnchor | null {
  let current: TextAnchor | null = anchor;
  // From the last change to the first, so that each change's offsets still hold.
  for (const change of [...changes].sort((a, b) => b.start - a.start)) {
    if (!current) return null;
    current = shiftAnchor(current, change);
  }
  return current;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the anchor's words in a new version of the text: where they were if they are still
 * there, else the occurrence whose context and position fit best. Null when the words are
 * nowhere, or when several places fit equally well (a guess would risk the wrong words).
 */
export function reanchor(anchor: TextAnchor, text: string): TextAnchor | null {
  if (anchor.exact === '') return null;
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return makeAnchor(text, anchor.start, anchor.end);
  const candidates: Array<{ at: number; score: number; context: number }> = [];
  for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
    const context = commonSuffix(anchor.prefix, text.slice(Math.max(0, at - CONTEXT), at)) + commonPrefix(anchor.suffix, text.slice(at + anchor.exact.length, at + anchor.exact.length + CONTEXT));
    const distance = Math.abs(at - anchor.start) / Math.max(1, text.length);
    candidates.push({ at, score: context - distance * 8, context });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score);
  // Among several places, only real context agreement and a clear margin decide.
  if (candidates.length > 1 && (candidates[0].context < 6 || candidates[0].score - candidates[1].score < 3)) return null;
  const at = candidates[0].at;
  return makeAnchor(text, at, at + anchor.exact.length);
}
