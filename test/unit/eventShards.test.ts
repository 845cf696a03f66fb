import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { runEventStage } from '../../src/cli/eventStages';
import { bcubed } from '../../src/core/events/bcubed';
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, eventNames, type EventArticle } from '../../src/core/events/cluster';
import { toEventArticle } from '../../src/core/events/input';
import { assignShards, clusterInWindows, UNDATED_SHARD } from '../../src/core/events/shards';
import { loadBackgroundIdf } from '../../src/node/models';
import { captureCli as capture } from './captureCli';

const options = { ...DEFAULT_CLUSTER_OPTIONS, background: loadBackgroundIdf() };
const evalFile = (name: string) => path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', name);
const lines = (name: string) => readFileSync(evalFile(name), 'utf8').trim().split('\n');
const articlesOf = (rows: string[]) => rows.map((l) => toEventArticle(JSON.parse(l)) as EventArticle);

/** Copies of both evaluation sets, each copy 20 years after the last, as a growing archive would hold; with their gold events. */
function archive(n: number): { corpus: EventArticle[]; gold: string[] } {
  const records = ['giveme5w1h-news-cluster.jsonl', 'basil-articles.jsonl'].flatMap((f) =>
    lines(f).map((l) => {
      const r = JSON.parse(l);
      return { article: toEventArticle(r) as EventArticle, event: String(r.event_id ?? r.triplet_uuid) };
    }),
  );
  const corpus: EventArticle[] = [];
  const gold: string[] = [];
  for (let k = 0; corpus.length < n; k++) {
    for (const { article: a, event } of records) {
      if (corpus.length >= n) break;
      corpus.push({ ...a, id: `${a.id}#${k}`, date: a.date ? `${Number(a.date.slice(0, 4)) + 20 * k}${a.date.slice(4)}` : null });
      gold.push(`${event}#${k}`);
    }
  }
  return { corpus, gold };
}

describe('events in time shards', () => {
  it('puts each dated article in its window, and in the window before when it is within the silence allowed of the edge', () => {
    const at = (id: string, date: string | null): EventArticle => ({ id, title: '', body: '', date });
    const shards = assignShards([at('a', '2017-05-18'), at('b', '2017-06-01'), at('c', null)], 30, 10);
    const of = (id: string) => shards.filter((s) => s.article.id === id).map((s) => `${s.shard}${s.guest ? ' (guest)' : ''}`);
    // Windows of 30 days counted from 1970-01-01: 2017-04-24 … 2017-05-23, then 2017-05-24 …;
    // 1 June is 8 days after that edge, 18 May 24 days after the one before.
    expect(of('a')).toEqual(['2017-04-24']);
    expect(of('b')).toEqual(['2017-05-24', '2017-04-24 (guest)']);
    expect(of('c')).toEqual([UNDATED_SHARD]);
    expect(() => assignShards([], 0, 90)).toThrow(RangeError);
  });

  it('gives the same events through the three stages as in one process, whatever the order of the lines (Giveme5W1H)', () => {
    const input = lines('giveme5w1h-news-cluster.jsonl');
    const articles = articlesOf(input);
    const single = eventNames(articles, clusterInWindows(articles, 30, options));
    const expected = new Map(articles.map((a, i) => [a.id, single[i]]));
    const stage = (name: 'shards' | 'cluster' | 'merge', text: string, window?: number) => {
      const cli = capture();
      expect(runEventStage(cli, name, text, options, window)).toBe(0);
      expect(cli.stderr).toBe('');
      return cli.stdout.trim().split('\n');
    };
    const shardLines = stage('shards', input.join('\n'), 30);
    expect(shardLines.length).toBeGreaterThan(input.length);
    // An engine's groupByKey hands the shard lines on in any order.
    const shuffled = [...shardLines].sort((x, y) => (x.length % 7) - (y.length % 7) || (x < y ? 1 : -1));
    const eventLines = stage('cluster', shuffled.join('\n'));
    const merged = stage('merge', [...eventLines].reverse().join('\n')).map((l) => JSON.parse(l) as { id: string; event: string });
    expect(merged).toHaveLength(articles.length);
    for (const { id, event } of merged) expect(event).toBe(expected.get(id));
  });

  it('agrees with clustering the whole corpus at once: 10,000 articles in windows of a year', () => {
    const { corpus, gold } = archive(10_000);
    const whole = clusterArticles(corpus, options);
    const sharded = clusterInWindows(corpus, 365, options);
    // Measured: agreement 0.955; against the gold events 0.931 whole and 0.951 sharded. Where
    // they differ, the shards are closer to the truth: over the whole archive each term's
    // document frequency is fifteen copies' and the background's weight in the IDF shrinks.
    expect(bcubed(whole, sharded).f1).toBeGreaterThanOrEqual(0.95);
    expect(bcubed(gold, sharded).f1).toBeGreaterThanOrEqual(bcubed(gold, whole).f1 - 0.005);
  }, 300_000);
});
