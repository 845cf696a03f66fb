/**
 * The quote matcher as it was before its candidates were filtered (issue #16): every pair
 * sharing a key of the plain rule compared in full. Kept verbatim as the reference the
 * filtered matcher must reproduce link for link.
 *
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
 * Quotes in different articles that share wording, pairs in a stable order. Candidates come
 * from an inverted index (the same normalised words, a shared phrase, or one of a quote's
 * rarer content words: two quotes with three words in common share one of the rarer ones of
 * each), so a corpus of many quotes is not compared pair by pair.
 */
export function matchQuotesPlain(quotes: readonly QuoteRef[], similarAt = 0.6): QuoteLink[] {
  const prepared = quotes.map((q) => {
    const norm = normalizeQuote(q.text);
    return { q, norm, words: contentWords(norm), phrases: lowerPhrases(q.text) };
  });
  const frequency = new Map<string, number>();
  for (const p of prepared) for (const w of p.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list) list.push(i);
    else postings.set(key, [i]);
  };
  const keysOf: string[][] = prepared.map(() => []);
  prepared.forEach((p, i) => {
    if (p.words.size === 0) return;
    const rarest = [...p.words].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    keysOf[i] = [`n:${p.norm}`, ...[...p.phrases].map((phrase) => `p:${phrase}`), ...rarest.slice(0, rarest.length - 2).map((w) => `w:${w}`)];
    for (const key of keysOf[i]) post(key, i);
  });
  // Candidate pairs, each once and in order (by the first quote, then the second): a quote's
  // later partners across articles, through its own keys, marked in a stamp array. (One Set of
  // every pair passed JavaScript's 2^24 entries on 10,000 articles: RangeError.)
  const n = prepared.length;
  const stamp = new Int32Array(n).fill(-1);
  const links: QuoteLink[] = [];
  for (let i = 0; i < n; i++) {
    const partners: number[] = [];
    for (const key of keysOf[i]) {
      const list = postings.get(key)!;
      if (list.length < 2) continue;
      for (const j of list) {
        if (j <= i || stamp[j] === i || prepared[j].q.article === prepared[i].q.article) continue;
        stamp[j] = i;
        partners.push(j);
      }
    }
    partners.sort((a, b) => a - b);
    for (const j of partners) {
      const link = linkOf(prepared[i], prepared[j], similarAt);
      if (link) links.push(link);
    }
  }
  return links;
}

type Prepared = { q: QuoteRef; norm: string; words: Set<string>; phrases: Set<string> };

/** Whether two quotes are the same quote, or the same statement lightly edited. */
function linkOf(x: Prepared, y: Prepared, similarAt: number): QuoteLink | null {
  const shorter = x.norm.length <= y.norm.length ? x : y;
  const longer = shorter === x ? y : x;
  const speakers = sameSpeaker(x.q.speaker, y.q.speaker);
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

/** Whether two speakers' names share a name word ("Mr Xi", "Xi Jinping"); null when either is unknown. */
function sameSpeaker(a: string | null, b: string | null): boolean | null {
  if (!a || !b) return null;
  const words = (s: string) => new Set(normalizeQuote(s).split(' ').filter((w) => w.length >= 2 && !TITLES.has(w)));
  const x = words(a);
  return [...words(b)].some((w) => x.has(w));
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
