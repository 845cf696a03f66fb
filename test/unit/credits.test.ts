import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import type { Cli } from '../../src/cli/io';
import { findCredits } from '../../src/core/credits';
import { seed, SEEDS_DIR } from './seeds';

const evalArticles: Array<{ text: string }> = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

function creditsAround(pattern: RegExp) {
  const a = evalArticles.find((x) => pattern.test(x.text));
  if (!a) throw new Error(`no evaluation article matches ${pattern}`);
  const m = pattern.exec(a.text)!;
  return findCredits(a.text).filter((c) => c.start >= m.index && c.end <= m.index + m[0].length);
}

describe('credits', () => {
  it('credits 000 to IANS as text (its "--IANS" sign-off)', () => {
    const text = seed('000');
    const credits = findCredits(text);
    expect(credits).toEqual([{ name: 'IANS', kind: 'text', start: text.indexOf('--IANS') + 2, end: text.indexOf('--IANS') + 6 }]);
  });

  it('reads 004’s AFP credits as photo credits', () => {
    const credits = findCredits(seed('004'));
    expect(credits.length).toBe(2);
    for (const c of credits) expect(c).toMatchObject({ name: 'AFP', kind: 'photo' });
  });

  it('does not take "Xinhua reported" (003) for a credit: it is attribution', () => {
    expect(seed('003')).toContain('Xinhua reported');
    expect(findCredits(seed('003'))).toEqual([]);
  });

  it('reads wire credits from real datelines and sign-offs', () => {
    expect(creditsAround(/SAN JOSE, Dec 31 \(Reuters\) - /)).toMatchObject([{ name: 'Reuters', kind: 'text' }]);
    expect(creditsAround(/BERLIN \(AP\) - /)).toMatchObject([{ name: 'AP', kind: 'text' }]);
    expect(creditsAround(/Copyright 2017 The Associated Press\./)).toMatchObject([{ name: 'AP', kind: 'text' }]);
  });

  it('reads photo credits from real captions', () => {
    expect(creditsAround(/\(AP Photo\/Thibault Camus, File\)/)).toMatchObject([{ name: 'AP', kind: 'photo' }]);
    expect(creditsAround(/REUTERS\/Ammar Awad/)).toMatchObject([{ name: 'Reuters', kind: 'photo' }]);
  });

  it('leaves agencies named as sources in running text alone', () => {
    const told = evalArticles.find((x) => /\btold Reuters\b/.test(x.text));
    if (told) {
      const at = told.text.search(/\btold Reuters\b/);
      expect(findCredits(told.text).some((c) => c.start >= at && c.start < at + 20)).toBe(false);
    }
    expect(findCredits('The minister told Reuters on Friday that talks would go on, according to AFP.')).toEqual([]);
  });

  it('analyze --json gives each article its credits', async () => {
    let out = '';
    const cli: Cli = { out: (t) => void (out += t), warn: () => undefined, usage: () => 2 };
    expect(await main(['analyze', SEEDS_DIR, '--json'], cli)).toBe(0);
    const { articles } = JSON.parse(out);
    expect(articles[0].credits).toEqual([expect.objectContaining({ name: 'IANS', kind: 'text' })]);
    expect(articles[4].credits.map((c: { kind: string }) => c.kind)).toEqual(['photo', 'photo']);
    expect(articles[1].credits).toEqual([]);
  });
});
