/**
 * The words text reuse is measured on: body paragraphs only (headline, boilerplate and
 * metadata lines are furniture every outlet writes anew), folded so that house style
 * does not hide a copy ("Mr Xi"/"Xi", "U.S."/"US", “curly”/"straight"), each with its
 * character span and whether it lies inside a quotation.
 */
import type { Article } from '../article';
import { findQuotes } from '../quotes/findQuotes';
// The tagger's FNV-1a hash: stable across processes, so fingerprints can be joined elsewhere.
import { hashString } from '../ner/hashing';

export interface ReuseTokens {
  /** 32-bit hash of each folded word. */
  readonly words: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 when the word lies inside a quotation. */
  readonly inQuote: Uint8Array;
  readonly stop: Uint8Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
const HONORIFIC = new Set(['mr', 'mrs', 'ms', 'dr']);

export const STOPWORDS = new Set(
  ('a about after also an and are as at be been but by can could did do for from had has have he her his i if in into is it its ' +
    'last more most new no not of on one or our out over said says she so than that the their them then there these they this ' +
    'to two up us was we were what when which while who will with would you').split(' '),
);

export function foldWord(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/[.'\-]/g, '');
}

export interface BodySpan {
  readonly start: number;
  readonly end: number;
}

/** Words of the given spans (an article's body paragraphs by default). */
export function reuseTokens(text: string, spans: readonly BodySpan[]): ReuseTokens {
  const words: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const stop: number[] = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const m of slice.matchAll(WORD)) {
      const folded = foldWord(m[0]);
      if (!folded || HONORIFIC.has(folded)) continue;
      words.push(hashString(folded));
      starts.push(span.start + m.index!);
      ends.push(span.start + m.index! + m[0].length);
      stop.push(STOPWORDS.has(folded) ? 1 : 0);
    }
  }
  const inQuote = new Uint8Array(words.length);
  const quotes = findQuotes(text, spans).sort((a, b) => a.start - b.start);
  let q = 0;
  for (let i = 0; i < starts.length; i++) {
    while (q < quotes.length && quotes[q].end <= starts[i]) q++;
    if (q < quotes.length && quotes[q].start <= starts[i] && ends[i] <= quotes[q].end) inQuote[i] = 1;
  }
  return {
    words: Int32Array.from(words),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    inQuote,
    stop: Uint8Array.from(stop),
  };
}

export function articleReuseTokens(text: string, article: Article): ReuseTokens {
  return reuseTokens(text, article.paragraphs);
}
