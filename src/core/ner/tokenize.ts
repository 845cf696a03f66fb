/** Word tokens with offsets, split the way CoNLL-2003 (Reuters) text is tokenised. */
import type { Span } from '../sentences';

export interface Token extends Span {
  readonly text: string;
}

/**
 * Words, numbers, abbreviations with periods (U.S., Mr.), hyphenated and apostrophe words
 * (Lee Hae-chan, China's → China + 's), and single punctuation marks.
 */
const TOKEN =
  /(?:[A-Za-z]\.){2,}(?![A-Za-z])|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr|Inc|Ltd|Corp|Co|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s+[A-Z0-9])|\d+(?:[.,:]\d+)*%?|[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*(?=['’][sS]\b)|['’][sS]\b|[\p{L}\p{M}\p{N}]+(?:[-‐'’.&][\p{L}\p{M}\p{N}]+)*|[^\s]/gu;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  for (const m of slice.matchAll(TOKEN)) {
    tokens.push({ start: start + m.index!, end: start + m.index! + m[0].length, text: m[0] });
  }
  return tokens;
}
