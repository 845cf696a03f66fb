/**
 * The reuse run taken apart for a cluster engine (as passim does on Spark): a map stage
 * that turns each article into its fingerprints, a join (group by fingerprint, count the
 * articles each pair shares, keep pairs sharing `minShared`, drop fingerprints carried
 * by more than `maxArticles`) done by the engine, and an align stage over candidate pairs.
 * Records are JSON objects; each stage is a pure function of one input line.
 */
import type { ArticleMetadata } from '../article';
import type { AlignOptions } from './align';
import { contentHash } from '../text';
import { alignCandidate, prepareFromText, type ReuseArticle, type ReusePair } from './corpusReuse';
import { DEFAULT_FINGERPRINTS, fingerprints } from './fingerprints';

export interface ArticleRecord {
  readonly id: string;
  readonly text: string;
  readonly metadata: ArticleMetadata;
}

export interface FingerprintRecord {
  readonly id: string;
  readonly fingerprints: readonly number[];
}

/** An article line: `{"id", "text"}`, optionally `"date"` (ISO day), `"title"`, `"outlet"`. */
export function readArticleRecord(value: unknown): ArticleRecord | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'is not a JSON object';
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' && typeof r.id !== 'number') return 'has no "id" (a string)';
  if (typeof r.text !== 'string') return 'has no "text" (a string)';
  const optional = (k: string) => (typeof r[k] === 'string' && (r[k] as string).trim() ? (r[k] as string) : null);
  const date = optional('date');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return `has a "date" that is not an ISO day (YYYY-MM-DD): "${date}"`;
  return { id: String(r.id), text: r.text, metadata: { date, title: optional('title'), outlet: optional('outlet') } };
}

export function fingerprintStage(record: ArticleRecord): FingerprintRecord {
  return { id: record.id, fingerprints: fingerprints(prepareFromText(record.id, record.text, record.metadata).tokens, DEFAULT_FINGERPRINTS) };
}

/** A candidate pair line: `{"a": article, "b": article}`, each as in the map stage's input. */
export function readPairRecord(value: unknown): { a: ArticleRecord; b: ArticleRecord } | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'is not a JSON object';
  const r = value as Record<string, unknown>;
  const a = readArticleRecord(r.a);
  if (typeof a === 'string') return `"a" ${a}`;
  const b = readArticleRecord(r.b);
  if (typeof b === 'string') return `"b" ${b}`;
  return { a, b };
}

/**
 * Aligns one candidate pair. An article is in many pairs, so the stage keeps the last
 * articles it prepared (by id, text and metadata) instead of parsing them again.
 */
export function alignStage(pair: { a: ArticleRecord; b: ArticleRecord }, options?: AlignOptions, cache: Map<string, ReuseArticle> = SHARED_CACHE): ReusePair[] {
  return alignCandidate(prepared(pair.a, cache), prepared(pair.b, cache), options);
}

const SHARED_CACHE = new Map<string, ReuseArticle>();
const CACHE_SIZE = 2000;

function prepared(r: ArticleRecord, cache: Map<string, ReuseArticle>): ReuseArticle {
  const key = `${r.id}\u0000${r.metadata.date ?? ''}\u0000${r.metadata.title ?? ''}\u0000${r.metadata.outlet ?? ''}\u0000${contentHash(r.text)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = prepareFromText(r.id, r.text, r.metadata);
  cache.set(key, made);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return made;
}
