/**
 * Keeping annotations on their words. Edits made in the editor shift them exactly; after an
 * edit made elsewhere (another editor, a git checkout) they are found again by their exact
 * text, scored by the context around it and by position, the way Hypothesis re-anchors web
 * annotations; failing that, approximately: the same words written differently (case,
 * spacing, typographic quotes and dashes: "Thaad" → "THAAD"). An annotation whose words are
 * gone is orphaned, never moved onto other words.
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
 * there, else the occurrence whose context and position fit best, else the best occurrence
 * of the same words written differently (see `sameWords`). Null when the words are nowhere,
 * or when several places fit equally well (a guess would risk the wrong words).
 */
export function reanchor(anchor: TextAnchor, text: string): TextAnchor | null {
  if (anchor.exact === '') return null;
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return makeAnchor(text, anchor.start, anchor.end);
  const exact: Array<[number, number]> = [];
  for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) exact.push([at, at + anchor.exact.length]);
  const found = bestPlace(anchor, text, exact) ?? bestPlace(anchor, text, approximatePlaces(anchor.exact, text));
  return found ? makeAnchor(text, found[0], found[1]) : null;
}

/** The candidate whose context and position fit best, if it stands out. */
function bestPlace(anchor: TextAnchor, text: string, places: ReadonlyArray<[number, number]>): [number, number] | null {
  if (places.length === 0) return null;
  const scored = places.map(([start, end]) => {
    const context = commonSuffix(fold(anchor.prefix), fold(text.slice(Math.max(0, start - CONTEXT), start))) + commonPrefix(fold(anchor.suffix), fold(text.slice(end, end + CONTEXT)));
    const distance = Math.abs(start - anchor.start) / Math.max(1, text.length);
    return { start, end, score: context - distance * 8, context };
  });
  scored.sort((a, b) => b.score - a.score);
  // Among several places, only real context agreement and a clear margin decide.
  if (scored.length > 1 && (scored[0].context < 6 || scored[0].score - scored[1].score < 3)) return null;
  return [scored[0].start, scored[0].end];
}

/** Case and typography folded, character for character (so offsets hold). */
function fold(s: string): string {
  // Per UTF-16 unit: a character whose lower case is longer ("İ") stays as it is.
  const lower = s.replace(/[\s\S]/g, (ch) => {
    const l = ch.toLowerCase();
    return l.length === 1 ? l : ch;
  });
  return lower.replace(/[“”„«»″]/g, '"').replace(/[‘’‚′`]/g, "'").replace(/[‐‑‒–—―]/g, '-').replace(/\s/g, ' ');
}

/**
 * Whether two spellings are the same words: equal once case, typographic quotes and dashes
 * are folded and runs of spaces count as one.
 */
export function sameWords(a: string, b: string): boolean {
  return fold(a).replace(/ +/g, ' ').trim() === fold(b).replace(/ +/g, ' ').trim();
}

/** Places in `text` holding the same words as `exact`, however spaced, cased or typeset. */
function approximatePlaces(exact: string, text: string): Array<[number, number]> {
  const words = fold(exact).trim().split(/ +/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' +'), 'g');
  const out: Array<[number, number]> = [];
  for (const m of fold(text).matchAll(pattern)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
