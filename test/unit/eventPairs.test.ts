import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { candidatePairs, cosine, DEFAULT_CLUSTER_OPTIONS, dayNumbers, indexTerms, vectorize, type EventArticle, type Vector } from '../../src/core/events/cluster';
import { toEventArticle } from '../../src/core/events/input';
import { loadBackgroundIdf } from '../../src/node/models';

const background = loadBackgroundIdf(path.join(__dirname, '..', '..', 'models', 'idf.json.gz'));
const options = { ...DEFAULT_CLUSTER_OPTIONS, background };

/** Both evaluation sets as one corpus; every third article loses its date, as scraped text does. */
function realCorpus(): EventArticle[] {
  return ['giveme5w1h-news-cluster.jsonl', 'basil-articles.jsonl']
    .flatMap((f) => readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', f), 'utf8').trim().split('\n'))
    .map((l, k) => {
      const r = JSON.parse(l);
      return toEventArticle(k % 3 === 2 ? { ...r, date: undefined, date_publish: undefined } : r) as EventArticle;
    });
}

/** The definition the clustering used before it scaled: every posting list's pairs through one Set. */
function pairsOfTheOldDefinition(articles: readonly EventArticle[], vectors: readonly Vector[], df: Int32Array): string[] {
  const maxDf = Math.max(3, Math.ceil(options.maxDocFrequency * articles.length));
  const postings = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    const order = [...v.terms.keys()].filter((k) => df[v.terms[k]] > 1 && df[v.terms[k]] <= maxDf).sort((x, y) => v.weights[y] - v.weights[x] || v.terms[x] - v.terms[y]);
    for (const k of order.slice(0, options.indexTerms)) postings.set(v.terms[k], [...(postings.get(v.terms[k]) ?? []), i]);
  });
  const seen = new Set<number>();
  const out: string[] = [];
  const n = articles.length;
  const days = articles.map((a) => (a.date ? Date.parse(a.date) / 86_400_000 : NaN));
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x], list[y]];
        if (seen.has(i * n + j)) continue;
        seen.add(i * n + j);
        if (Math.abs(days[i] - days[j]) > 2 * options.maxGapDays) continue;
        out.push(`${i},${j}`);
      }
    }
  }
  return out.sort();
}

describe('candidate pairs at scale', () => {
  it('are exactly the pairs of the old definition on a real corpus, dated and undated', () => {
    const articles = realCorpus();
    const { vectors, df } = vectorize(articles, options);
    const found: string[] = [];
    candidatePairs(indexTerms(vectors, df, options), dayNumbers(articles), 2 * options.maxGapDays, (i, j) => found.push(`${i},${j}`));
    const expected = pairsOfTheOldDefinition(articles, vectors, df);
    expect(expected.length).toBeGreaterThan(5_000);
    expect(new Set(found).size).toBe(found.length);
    expect([...found].sort()).toEqual(expected);
    // Visited in order of the first article, then the second.
    const order = found.map((p) => p.split(',').map(Number));
    expect(order.every(([i, j], k) => i < j && (k === 0 || order[k - 1][0] < i || (order[k - 1][0] === i && order[k - 1][1] < j)))).toBe(true);
  });

  it('never visits a pair whose dates are farther apart than the window', () => {
    const articles = realCorpus();
    const { vectors, df } = vectorize(articles, options);
    const days = dayNumbers(articles);
    let far = 0;
    let undated = 0;
    candidatePairs(indexTerms(vectors, df, options), days, 30, (i, j) => {
      if (Math.abs(days[i] - days[j]) > 30) far++;
      if (Number.isNaN(days[i]) || Number.isNaN(days[j])) undated++;
      expect(cosine(vectors[i], vectors[j])).toBeGreaterThan(0);
    });
    expect(far).toBe(0);
    expect(undated).toBeGreaterThan(0);
  });
});
