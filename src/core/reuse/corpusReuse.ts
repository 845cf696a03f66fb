/**
 * Text reuse across a corpus: fingerprint every article, join the fingerprints into
 * candidate pairs, align only those. Also the two halves of that run taken apart (the
 * map stage and the align stage), so a cluster engine can do the join in between.
 */
import { parseArticle, type Article, type ArticleMetadata } from '../article';
import { alignPair, DEFAULT_ALIGN, type AlignOptions, type ReuseKind } from './align';
import { candidatePairs, DEFAULT_CANDIDATES, DEFAULT_FINGERPRINTS, fingerprints, type CandidateOptions } from './fingerprints';
import { articleReuseTokens, type ReuseTokens } from './tokens';

export interface ReuseArticle {
  readonly id: string;
  readonly text: string;
  readonly article: Article;
  readonly tokens: ReuseTokens;
  /** ISO day from the article model, or null. */
  readonly date: string | null;
}

export interface PassageSide {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** One shared passage pair, in the CLI's JSON-lines shape. */
export interface ReusePair {
  readonly a: PassageSide;
  readonly b: PassageSide;
  readonly words: number;
  readonly similarity: number;
  readonly kind: ReuseKind;
  readonly earlier: 'a' | 'b' | null;
}

export function prepareReuseArticle(id: string, text: string, article: Article = parseArticle(text)): ReuseArticle {
  return { id, text, article, tokens: articleReuseTokens(text, article), date: article.date?.value ?? null };
}

export function prepareFromText(id: string, text: string, metadata: ArticleMetadata = {}): ReuseArticle {
  return prepareReuseArticle(id, text, parseArticle(text, metadata));
}

/** Which of two dated articles came first; null when either date is missing or both are the same day. */
export function earlierOf(a: string | null, b: string | null): 'a' | 'b' | null {
  if (!a || !b || a === b) return null;
  return a < b ? 'a' : 'b';
}

export function alignArticles(x: ReuseArticle, y: ReuseArticle, options: AlignOptions = DEFAULT_ALIGN): ReusePair[] {
  const earlier = earlierOf(x.date, y.date);
  return alignPair(x.text, x.tokens, y.text, y.tokens, options).map((p) => ({
    a: { file: x.id, start: p.aChars.start, end: p.aChars.end },
    b: { file: y.id, start: p.bChars.start, end: p.bChars.end },
    words: p.words,
    similarity: p.similarity,
    kind: p.kind,
    earlier,
  }));
}

export interface ReuseOptions {
  readonly align: AlignOptions;
  readonly candidates: CandidateOptions;
}

export const DEFAULT_REUSE: ReuseOptions = { align: DEFAULT_ALIGN, candidates: DEFAULT_CANDIDATES };

/** The pair's passages with `a` the article whose id sorts first, so any run orders a pair the same way. */
export function alignCandidate(x: ReuseArticle, y: ReuseArticle, options: AlignOptions = DEFAULT_ALIGN): ReusePair[] {
  return x.id <= y.id ? alignArticles(x, y, options) : alignArticles(y, x, options);
}

export function comparePairs(p: ReusePair, q: ReusePair): number {
  return cmp(p.a.file, q.a.file) || cmp(p.b.file, q.b.file) || p.a.start - q.a.start || p.b.start - q.b.start || p.a.end - q.a.end || p.b.end - q.b.end;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every shared passage pair of the corpus, each once, in a stable order. */
export function findReuse(articles: readonly ReuseArticle[], options: ReuseOptions = DEFAULT_REUSE): ReusePair[] {
  const prints = articles.map((a) => fingerprints(a.tokens, DEFAULT_FINGERPRINTS));
  const out: ReusePair[] = [];
  for (const [i, j] of candidatePairs(prints, options.candidates)) out.push(...alignCandidate(articles[i], articles[j], options.align));
  return out.sort(comparePairs);
}

export function withMinWords(minWords: number): ReuseOptions {
  return { ...DEFAULT_REUSE, align: { ...DEFAULT_ALIGN, minWords } };
}
