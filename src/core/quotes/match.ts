/**
 * The same quote across articles: identical once case, punctuation and spacing are set
 * aside (Thaad/THAAD, trimmed ends), or a near-paraphrase of one statement with a score.
 */

export interface QuoteRef {
  readonly article: string;
  readonly index: number;
  readonly text: string;
  readonly speaker: string | null;
}

export interface QuoteLink {
  readonly a: QuoteRef;
  readonly b: QuoteRef;
  readonly relation: 'same' | 'similar';
  /** 1 for the same words; for similar quotes, the share of content words they have in common. */
  readonly score: number;
}

const STOP = new Set('the a an and or of to in on at for with by from that this is are was were be been it its as we our us i you he she they his her their will would can could should has have had not no'.split(' '));

export function normalizeQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function contentWords(norm: string): Set<string> {
  return new Set(
    norm
      .split(' ')
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );
}

/** Pairs of adjacent lower-case content words ("hard won", "mutual respect"): names excluded. */
function lowerPhrases(text: string): Set<string> {
  const words = text.replace(/[’‘]/g, "'").split(/[^\p{L}\p{N}'-]+/u).flatMap((w) => w.split('-'));
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (!/^\p{Ll}/u.test(a) || !/^\p{Ll}/u.test(b) || STOP.has(a) || STOP.has(b) || a.length < 3 || b.length < 3) continue;
    out.add(`${a} ${b}`);
  }
  return out;
}

/**
 * Quotes in different articles that share wording, pairs in a stable order, compared only when
 * they could link. Every link of a pair that `linkOf` accepts comes from one of three indexes:
 * - the same normalised words or a shared lower-case phrase (`n:`, `p:` keys, as ever);
 * - without a shared phrase, a similar pair needs ≥ 3 common words and ≥ 80 % of the smaller
 *   quote's words, so (prefix filtering, Bayardo et al. 2007) with words ordered rarest first
 *   the first common word lies among the first m − t(m) + 1 of the smaller quote's m words
 *   (t(m) the least overlap reaching 80 %) and among the first n − 2 of the other's;
 * - a quote trimmed out of a longer one keeps its inner words whole, so the rarest of them is
 *   one of the longer quote's words.
 * A pair is then compared only if it is also a candidate of the plain rule (the same words, a
 * shared phrase, or a content word among the rarer n − 2 of each: any two quotes with three
 * words in common are), so the links are exactly those of comparing all such candidates.
 */
export function matchQuotes(quotes: readonly QuoteRef[], similarAt = 0.6): QuoteLink[] {
  const prepared: Prepared[] = quotes.map((q) => {
    const norm = normalizeQuote(q.text);
    return { q, norm, words: contentWords(norm), phrases: lowerPhrases(q.text), speakerWords: speakerWords(q.speaker) };
  });
  const frequency = new Map<string, number>();
  for (const p of prepared) for (const w of p.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarer = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const keyPostings = new Map<string, number[]>();
  const prefixPostings = new Map<string, number[]>();
  const innerPostings = new Map<string, number[]>();
  const post = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  const n = prepared.length;
  const rarerWords: string[][] = prepared.map(() => []);
  const candidateWords: Set<string>[] = prepared.map(() => new Set());
  prepared.forEach((p, i) => {
    if (p.words.size === 0) return;
    const rarest = [...p.words].sort(rarer);
    rarerWords[i] = rarest.slice(0, rarest.length - 2);
    candidateWords[i] = new Set(rarerWords[i]);
    post(keyPostings, `n:${p.norm}`, i);
    for (const phrase of p.phrases) post(keyPostings, `p:${phrase}`, i);
    const overlap = leastSimilarOverlap(p.words.size);
    if (overlap > 0) for (const w of rarest.slice(0, p.words.size - overlap + 1)) post(prefixPostings, w, i);
    const inner = innerWords(p.norm);
    if (p.words.size >= 3) {
      const rarestInner = rarest.find((w) => inner.has(w));
      if (rarestInner !== undefined) post(innerPostings, rarestInner, i);
    }
  });
  const partners: number[][] = prepared.map(() => []);
  const pair = (i: number, j: number) => {
    if (i === j || prepared[i].q.article === prepared[j].q.article) return;
    if (i < j) partners[i].push(j);
    else partners[j].push(i);
  };
  for (let i = 0; i < n; i++) {
    const p = prepared[i];
    if (p.words.size === 0) continue;
    for (const key of [`n:${p.norm}`, ...[...p.phrases].map((phrase) => `p:${phrase}`)]) for (const j of keyPostings.get(key)!) if (j > i) pair(i, j);
    // i as the quote with more words (or as many) of a similar pair.
    for (const w of rarerWords[i]) for (const j of prefixPostings.get(w) ?? []) if (prepared[j].words.size <= p.words.size) pair(i, j);
    // i as the longer quote a trimmed one was cut from.
    for (const w of p.words) for (const j of innerPostings.get(w) ?? []) if (prepared[j].norm.length <= p.norm.length) pair(i, j);
  }
  const links: QuoteLink[] = [];
  for (let i = 0; i < n; i++) {
    const list = partners[i].sort((a, b) => a - b);
    for (let k = 0; k < list.length; k++) {
      const j = list[k];
      if (k > 0 && list[k - 1] === j) continue;
      if (!plainCandidates(prepared[i], prepared[j], candidateWords[i], candidateWords[j])) continue;
      const link = linkOf(prepared[i], prepared[j], similarAt);
      if (link) links.push(link);
    }
  }
  return links;
}

/** The least number of common words with which a quote of m words can be similar without a shared phrase: 0 if none. */
function leastSimilarOverlap(m: number): number {
  for (let c = 3; c <= m; c++) if (c / m >= 0.8) return c;
  return 0;
}

/** Content words of a normalised quote's inner words, which a longer quote containing it has whole. */
function innerWords(norm: string): Set<string> {
  const tokens = norm.split(' ');
  return contentWords(tokens.slice(1, -1).join(' '));
}

/** Whether two quotes share a key of the plain candidate rule: the same words, a phrase, or one of the rarer words of each. */
function plainCandidates(x: Prepared, y: Prepared, xWords: Set<string>, yWords: Set<string>): boolean {
  if (x.words.size === 0 || y.words.size === 0) return false;
  if (x.norm === y.norm) return true;
  for (const phrase of x.phrases) if (y.phrases.has(phrase)) return true;
  for (const w of xWords) if (yWords.has(w)) return true;
  return false;
}

type Prepared = { q: QuoteRef; norm: string; words: Set<string>; phrases: Set<string>; speakerWords: Set<string> | null };

/** Whether two quotes are the same quote, or the same statement lightly edited. */
function linkOf(x: Prepared, y: Prepared, similarAt: number): QuoteLink | null {
  const shorter = x.norm.length <= y.norm.length ? x : y;
  const longer = shorter === x ? y : x;
  const speakers = sameSpeaker(x.speakerWords, y.speakerWords);
  // A quote trimmed at either end is still the same quote, if it is not a mere word or two
  // (or it is the same speaker's words: “normal track” out of his longer sentence).
  if (x.norm === y.norm || ((shorter.words.size >= 4 || (speakers === true && shorter.words.size >= 2)) && longer.norm.includes(shorter.norm))) {
    return { a: x.q, b: y.q, relation: 'same', score: 1 };
  }
  let common = 0;
  for (const w of shorter.words) if (longer.words.has(w)) common++;
  const score = common / Math.min(x.words.size, y.words.size);
  // The same statement lightly edited: most of its words, from the same speaker. Two
  // different statements of one speaker share a phrase or two ("bilateral ties"), which is
  // not enough; with a speaker unknown, the wording alone must be nearly the same.
  if (speakers === false || common < 3 || score < (speakers === true ? similarAt : 0.8)) return null;
  // Shared phrases of two words or more ("hard won") confirm a paraphrase, not a topic word.
  const sharedPhrase = [...x.phrases].some((p) => y.phrases.has(p));
  return score >= 0.8 || sharedPhrase ? { a: x.q, b: y.q, relation: 'similar', score: Math.round(score * 100) / 100 } : null;
}

const TITLES = new Set('mr mrs ms dr sen rep gov gen president minister secretary senator the'.split(' '));

/** A speaker's name words ("Mr Xi" → xi), null when the speaker is unknown. */
function speakerWords(name: string | null): Set<string> | null {
  if (!name) return null;
  return new Set(normalizeQuote(name).split(' ').filter((w) => w.length >= 2 && !TITLES.has(w)));
}

/** Whether two speakers' names share a name word ("Mr Xi", "Xi Jinping"); null when either is unknown. */
function sameSpeaker(a: Set<string> | null, b: Set<string> | null): boolean | null {
  if (!a || !b) return null;
  for (const w of b) if (a.has(w)) return true;
  return false;
}

/** Word-level differences between two renderings of a quote: [kind, text] runs. */
export function diffWords(a: string, b: string): Array<['same' | 'removed' | 'added', string]> {
  const x = a.split(/(\s+)/).filter(Boolean);
  const y = b.split(/(\s+)/).filter(Boolean);
  const key = (t: string) => normalizeQuote(t) || t;
  const n = x.length;
  const m = y.length;
  // Longest common subsequence over words; quotes are short, so the table is small.
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = key(x[i]) === key(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Array<['same' | 'removed' | 'added', string]> = [];
  const push = (kind: 'same' | 'removed' | 'added', t: string) => {
    const last = out[out.length - 1];
    if (last && last[0] === kind) last[1] += t;
    else out.push([kind, t]);
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(x[i]) === key(y[j])) {
      push('same', y[j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('removed', x[i++]);
    else push('added', y[j++]);
  }
  while (i < n) push('removed', x[i++]);
  while (j < m) push('added', y[j++]);
  return out;
}
