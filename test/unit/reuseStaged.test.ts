import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import type { Cli } from '../../src/cli/io';
import { makeReuseCommand } from '../../src/cli/reuseCommand';
import { findReuse, prepareFromText, type ReusePair } from '../../src/core/reuse/corpusReuse';
import { DEFAULT_CANDIDATES } from '../../src/core/reuse/fingerprints';

/**
 * 5,000 articles made of the evaluation articles' paragraphs: each article three
 * consecutive paragraphs of one report and one paragraph of another, so that many pairs
 * share text and many do not.
 */
function corpus(): Array<{ id: string; text: string; date: string }> {
  const file = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', 'giveme5w1h-news-cluster.jsonl');
  const reports = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l).text as string).split(/\n+/).filter((p) => p.split(' ').length > 8))
    .filter((ps) => ps.length >= 6);
  const basil = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', 'basil-articles.jsonl');
  for (const l of readFileSync(basil, 'utf8').split('\n').filter(Boolean)) {
    const ps = (JSON.parse(l).paragraphs as string[]).filter((p) => p.split(' ').length > 8);
    if (ps.length >= 6) reports.push(ps);
  }
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: Array<{ id: string; text: string; date: string }> = [];
  for (let k = 0; k < 5000; k++) {
    const r = reports[Math.floor(next() * reports.length)];
    const at = Math.floor(next() * (r.length - 3));
    const other = reports[Math.floor(next() * reports.length)];
    const paras = [...r.slice(at, at + 3), other[Math.floor(next() * other.length)]];
    const day = 1 + Math.floor(next() * 28);
    out.push({ id: `a${String(k).padStart(4, '0')}`, text: `Headline number ${k}\n\n${paras.join('\n\n')}\n`, date: `2018-02-${String(day).padStart(2, '0')}` });
  }
  return out;
}

function run(args: string[], input: string): Promise<{ code: number; lines: string[]; stderr: string }> {
  const lines: string[] = [];
  let stderr = '';
  const cli: Cli = {
    out: (t) => void lines.push(t),
    warn: (m) => void (stderr += m + '\n'),
    usage: (m) => {
      stderr += m + '\n';
      return 2;
    },
  };
  return makeReuseCommand(async () => input).invoke(cli, args).then((code) => ({ code, lines, stderr }));
}

describe('staged reuse (map, join, align) equals the single-process run', () => {
  it('over 5,000 articles', async () => {
    const articles = corpus();
    const single = findReuse(articles.map((a) => prepareFromText(a.id, a.text, { date: a.date })));
    expect(single.length).toBeGreaterThan(500);

    const mapped = await run(['--fingerprints'], articles.map((a) => JSON.stringify(a)).join('\n'));
    expect(mapped.code).toBe(0);
    expect(mapped.lines).toHaveLength(5000);
    // The join, as a groupByKey on the fingerprint would do it.
    const byPrint = new Map<number, string[]>();
    for (const line of mapped.lines) {
      const { id, fingerprints } = JSON.parse(line) as { id: string; fingerprints: number[] };
      for (const f of fingerprints) byPrint.set(f, [...(byPrint.get(f) ?? []), id]);
    }
    const shared = new Map<string, number>();
    for (const ids of byPrint.values()) {
      if (ids.length < 2 || ids.length > DEFAULT_CANDIDATES.maxArticles) continue;
      for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) {
        const key = ids[x] < ids[y] ? `${ids[x]} ${ids[y]}` : `${ids[y]} ${ids[x]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
    const byId = new Map(articles.map((a) => [a.id, a]));
    const pairLines = [...shared].filter(([, n]) => n >= DEFAULT_CANDIDATES.minShared).map(([key]) => {
      const [a, b] = key.split(' ');
      return JSON.stringify({ a: byId.get(a), b: byId.get(b) });
    });
    const aligned = await run(['--align'], pairLines.join('\n'));
    expect(aligned.code).toBe(0);
    const staged = aligned.lines.map((l) => JSON.parse(l) as ReusePair);
    const key = (p: ReusePair) => JSON.stringify([p.a, p.b, p.words, p.similarity, p.kind, p.earlier]);
    expect(staged.map(key).sort()).toEqual(single.map(key).sort());
  }, 600_000);

  it('says which line is bad and skips it', async () => {
    const r = await run(['--fingerprints'], '{"id": "x"}\nnot json\n{"id": "y", "text": "Some words here."}');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.stderr).toMatch(/stdin:1: has no "text"/);
    expect(r.stderr).toMatch(/stdin:2: not valid JSON/);
    const a = await run(['--align'], '{"a": {"id": "x", "text": "t", "date": "May 2017"}, "b": {"id": "y", "text": "u"}}');
    expect(a.stderr).toMatch(/"a" has a "date" that is not an ISO day/);
    expect(a.code).toBe(1);
  });
});
