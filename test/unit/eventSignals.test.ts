import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/core/events/bcubed';
import { articleTime, clusterArticles, DEFAULT_CLUSTER_OPTIONS, similarPairs, vectorize, type EventArticle } from '../../src/core/events/cluster';
import { withEntities } from '../../src/core/events/entities';
import { toEventArticle } from '../../src/core/events/input';
import { textTime } from '../../src/core/events/time';
import { loadBackgroundIdf, loadRecognizer } from '../../src/node/models';
import { seed, seedFiles } from './seeds';

const models = path.join(__dirname, '..', '..', 'models');
const background = loadBackgroundIdf(path.join(models, 'idf.json.gz'));
const recognizer = loadRecognizer(path.join(models, 'ner.json.gz'));
const options = { ...DEFAULT_CLUSTER_OPTIONS, background };

type Row = Record<string, unknown>;
const rowsOf = (file: string): Row[] => readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const giveme = rowsOf('giveme5w1h-news-cluster.jsonl');
const basil = rowsOf('basil-articles.jsonl');
/** The articles as scraped text often comes: no date field, people resolved across the corpus. */
const undated = (rows: Row[]) => withEntities(rows.map((r) => toEventArticle({ ...r, date: undefined, date_publish: undefined }) as EventArticle), recognizer);
const givemeUndated = undated(giveme);
const basilUndated = undated(basil);

/** How many predicted events hold the articles of each named gold event. */
function eventsOf(rows: Row[], labels: number[], key: string, name: string): Set<number> {
  return new Set(rows.flatMap((r, i) => (String(r[key]) === name ? [labels[i]] : [])));
}
function together(rows: Row[], labels: number[], key: string, a: string, b: string): boolean {
  const x = eventsOf(rows, labels, key, a);
  return [...eventsOf(rows, labels, key, b)].some((l) => x.has(l));
}

describe('event time from the text', () => {
  it('reads the days and years an article names, resolving a bare day against a known date', () => {
    const t = textTime('The launch on Sept. 2, 2009 came after a test on 18 May. Since 2006 the programme grew.', '2009-09-03');
    expect([...t.days]).toEqual([5 * 32 + 18, 9 * 32 + 2]);
    expect([...t.years]).toEqual([2006, 2009]);
    expect([...textTime('No dates here at all.').days]).toEqual([]);
    // Relative phrases are no day and no year: read against the clock they would name today.
    const relative = textTime('A day after the launch on Sept. 2, officials met for several hours.');
    expect([...relative.days]).toEqual([9 * 32 + 2]);
    expect([...relative.years]).toEqual([]);
  });

  it('counts two undated reports that name years, none in common, as less alike: a 2017 missile launch and the 2016 satellite launch (Giveme5W1H)', () => {
    // The Kremlin on the missile over Hokkaido (2017); Pyongyang announcing Kwangmyongsong-4
    // (2016, recalling 2006–2013); a report of the same satellite launch recalling 2012.
    const ids = ['4a6824d75432095cfa1bd962b0d6d184b7fcf07538e3b96fffdaa2d5', '273f0c0b82bae5caaa665d7944eea07a1081721f67af59f382499736', '08cea3165e2583223a240754590e40698af4391b3a9f26d39f21c1d5'];
    const index = ids.map((id) => giveme.findIndex((r) => r.id === id));
    expect(index.map((i) => giveme[i].event)).toEqual(['north_Korea_hokkaido_missile', 'north_Korea_Launches_satellite', 'north_Korea_Launches_satellite']);
    const [missile, satellite, sameLaunch] = index.map((i) => articleTime(givemeUndated[i]));
    expect([...missile.years]).toEqual([2017]);
    expect([...satellite.years]).toEqual([2006, 2009, 2012, 2013]);
    expect([...sameLaunch.years]).toContain(2012);
    const { vectors, df } = vectorize(givemeUndated, options);
    const similarity = (a: number, b: number, factor: number) => {
      const pair = similarPairs(givemeUndated, vectors, df, { ...options, disjointYearsFactor: factor }).find(([i, j]) => i === Math.min(a, b) && j === Math.max(a, b));
      return pair?.[2] ?? 0;
    };
    const apart = similarity(index[0], index[1], 1);
    expect(apart).toBeGreaterThan(0);
    expect(similarity(index[0], index[1], DEFAULT_CLUSTER_OPTIONS.disjointYearsFactor) / apart).toBeCloseTo(DEFAULT_CLUSTER_OPTIONS.disjointYearsFactor, 6);
    // Two reports of the satellite launch both name 2012: not scaled.
    const same = similarity(index[1], index[2], 1);
    expect(same).toBeGreaterThan(0);
    expect(similarity(index[1], index[2], DEFAULT_CLUSTER_OPTIONS.disjointYearsFactor)).toBe(same);
  });

  it('checks a dated report against an undated one by the days they name: the publication day of one is the day the other recalls (Giveme5W1H)', () => {
    // A report of the wrong-passenger flight published 27 Dec 2017, and an undated one that
    // names "Dec. 27" in its text; neither text alone names a day the other names.
    const [datedId, undatedId] = ['36e5d8049672be49dd2b457dcbdde10bcc48ef4547381bc366006b92', '38cf0e36c53bbd9c94befa4b5224960148e24888373360620f41b596'];
    const [i, j] = [datedId, undatedId].map((id) => giveme.findIndex((r) => r.id === id));
    expect(giveme[i].event).toBe(giveme[j].event);
    const mixed = givemeUndated.map((a, k) => (k === i ? { ...a, date: String(giveme[i].date_publish).slice(0, 10) } : a));
    const pairOf = (articles: EventArticle[], unknownTimeFactor: number) => {
      const { vectors, df } = vectorize(articles, options);
      return similarPairs(articles, vectors, df, { ...options, unknownTimeFactor }).find(([a, b]) => a === Math.min(i, j) && b === Math.max(i, j))?.[2] ?? 0;
    };
    expect(mixed[i].date).toBe('2017-12-27');
    expect(pairOf(mixed, 1)).toBeGreaterThan(0);
    // With one date known, the pair is close in time: the unknown-time penalty does not apply.
    expect(pairOf(mixed, 0.5)).toBe(pairOf(mixed, 1));
    // With both undated, their texts share no day, and the penalty applies.
    expect(pairOf(givemeUndated, 0.5) / pairOf(givemeUndated, 1)).toBeCloseTo(0.5, 6);
  });

  it('keeps one story whole across a month of follow-ups, dated or not (Giveme5W1H)', () => {
    const dated = clusterArticles(giveme.map((r) => toEventArticle(r) as EventArticle), options);
    const plain = clusterArticles(givemeUndated, options);
    for (const story of ['First_Falcon_Heavy_launch', 'truck_attack_in_nice', 'las_vegas_shooting']) {
      const days = giveme.filter((r) => r.event === story).map((r) => String(r.date_publish).slice(0, 10)).sort();
      expect((Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86_400_000).toBeGreaterThan(20);
      expect(eventsOf(giveme, dated, 'event', story).size).toBe(1);
      expect(eventsOf(giveme, plain, 'event', story).size).toBe(1);
    }
  });
});

describe('who', () => {
  it('counts two reports that share no person as less alike: Obama’s gun proposals and the NRA’s school report (BASIL)', () => {
    const ids = ['1c959ea5-04d8-4155-97d2-eb32a5754c16', 'e6007e79-3dca-4a8c-a6a2-46d309a721fe', '2052529f-cc0f-4e4d-9221-2236094f7de6'];
    // Since #13's recogniser both the first two reports call Sandy Hook (the school's town) a person,
    // a tagging error, not a person they share; this test is about the factor, so it is taken out.
    const corpus = basilUndated.map((a) => (a.people?.includes('Sandy Hook') ? { ...a, people: a.people.filter((p) => p !== 'Sandy Hook') } : a));
    const articles = ids.map((id) => corpus[basil.findIndex((r) => r.uuid === id)]);
    expect(articles[0].people).toContain('Barack Obama');
    expect(articles[1].people).not.toContain('Barack Obama');
    expect(articles[2].people).toContain('Barack Obama');
    const similarity = (list: EventArticle[], factor: number) => {
      const { vectors, df } = vectorize(corpus, options);
      const index = list.map((a) => corpus.indexOf(a));
      const pairs = similarPairs(corpus, vectors, df, { ...options, noCommonPersonFactor: factor });
      const pair = pairs.find(([i, j]) => i === Math.min(...index) && j === Math.max(...index));
      return pair?.[2] ?? 0;
    };
    const apart = [articles[0], articles[1]];
    expect(similarity(apart, DEFAULT_CLUSTER_OPTIONS.noCommonPersonFactor) / similarity(apart, 1)).toBeCloseTo(DEFAULT_CLUSTER_OPTIONS.noCommonPersonFactor, 6);
    // Two reports of the proposals share Barack Obama: not scaled.
    const same = [articles[0], articles[2]];
    expect(similarity(same, DEFAULT_CLUSTER_OPTIONS.noCommonPersonFactor)).toBe(similarity(same, 1));
  });
});

describe('headlines without dates', () => {
  it('keep apart two Chris Christie stories whose headlines share only his name (BASIL)', () => {
    const key = 'triplet_uuid';
    const christie = [...new Set(basil.filter((r) => String(r.main_event ?? '').startsWith('Chris')).map((r) => String(r[key])))];
    expect(christie).toHaveLength(2);
    const loose = clusterArticles(basilUndated, { ...options, oneHeadlineWordFactor: 1 });
    expect(together(basil, loose, key, christie[0], christie[1])).toBe(true);
    const strict = clusterArticles(basilUndated, options);
    expect(together(basil, strict, key, christie[0], christie[1])).toBe(false);
  });
});

describe('the targets, dates removed', () => {
  it('Giveme5W1H ≥ 0.93 and BASIL ≥ 0.97 B-cubed F1 without dates', () => {
    // Measured: 0.943 and 0.982.
    expect(bcubed(giveme.map((r) => String(r.event_id)), clusterArticles(givemeUndated, options)).f1).toBeGreaterThanOrEqual(0.935);
    expect(bcubed(basil.map((r) => String(r.triplet_uuid)), clusterArticles(basilUndated, options)).f1).toBeGreaterThanOrEqual(0.975);
  });

  it('groups the seeds {000, 001, 002, 004} and {003} with no date given, and with every one dated', () => {
    // No date field: what the text says is all there is (003 and 004 carry a date line, 000–002 only "Friday").
    const plain = seedFiles().map((f) => toEventArticle({ id: f, text: seed(f.slice(0, 3)) }) as EventArticle);
    expect(plain.map((a) => a.date)).toEqual([null, null, null, '2017-08-24', '2017-05-18']);
    // Every seed dated, as a user setting the metadata would.
    const dated = plain.map((a) => ({ ...a, date: a.date ?? '2017-05-19' }));
    for (const articles of [plain, dated]) {
      const labels = clusterArticles(withEntities(articles, recognizer), options);
      expect(new Set(labels).size).toBe(2);
      expect(new Set([labels[0], labels[1], labels[2], labels[4]]).size).toBe(1);
      expect(labels[3]).not.toBe(labels[0]);
    }
  });
});
