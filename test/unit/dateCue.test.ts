// chrono-node runs only on paragraphs with a date cue (src/core/dates.ts mayHoldDate): a
// paragraph without one must be one chrono finds nothing in, casual or strict, so the dates
// found are the same as when chrono read every paragraph.
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { mayHoldDate } from '../../src/core/dates';

const shared = path.join(__dirname, '..', '..', '..', 'shared');
const reference = new Date('2018-06-15T12:00:00Z');

function found(text: string): string[] {
  return [...chrono.parse(text, reference), ...chrono.strict.parse(text, reference)].map((r) => `${r.index}:${r.text}`);
}

function evalArticles(): string[] {
  const out: string[] = [];
  for (const file of ['giveme5w1h-news-cluster.jsonl', 'basil-articles.jsonl']) {
    for (const line of readFileSync(path.join(shared, 'eval', 'events', file), 'utf8').trim().split('\n')) {
      const r = JSON.parse(line) as { title?: string; text?: string; paragraphs?: string[] };
      out.push(`${r.title ?? ''}\n\n${r.text ?? (r.paragraphs ?? []).join('\n\n')}`);
    }
  }
  const polnear = path.join(shared, 'eval', 'quotes', 'polnear-dev', 'text');
  for (const f of readdirSync(polnear).sort()) out.push(readFileSync(path.join(polnear, f), 'utf8'));
  return out;
}

describe('date cue before chrono', () => {
  it('skips only paragraphs of the evaluation articles in which chrono finds nothing', () => {
    let paragraphs = 0;
    let skipped = 0;
    const missed: string[] = [];
    for (const text of evalArticles()) {
      for (const p of parseArticle(text).paragraphs) {
        paragraphs++;
        if (mayHoldDate(p.text)) continue;
        skipped++;
        if (found(p.text).length) missed.push(`${found(p.text).join(', ')} in ${p.text.slice(0, 80)}`);
      }
    }
    expect(missed).toEqual([]);
    // The cue is worth having: a good share of news paragraphs has none.
    expect(paragraphs).toBeGreaterThan(10_000);
    expect(skipped / paragraphs).toBeGreaterThan(0.3);
  });

  it('keeps the contexts chrono reads in, spaced or not', () => {
    for (const t of ['on Monday', 'onmonday', 'firstmay', 'May, 2017', 'the money out', 'lasts long', 'a year ago', 'in a couple of days', 'tonight', 'at noon', 'the weekend', 'end of the month', 'yesterday', 'Sept. 4', 'fourth of july']) {
      expect(found(t).length, t).toBeGreaterThan(0);
      expect(mayHoldDate(t), t).toBe(true);
    }
    for (const t of ['The minister met the bank managers.', 'Friends know a market mayor.', 'He has seen it as before.']) {
      expect(mayHoldDate(t), t).toBe(false);
      expect(found(t)).toEqual([]);
    }
  });

  it('never skips text chrono reads something in (random date-like text)', () => {
    const pieces = ['the', 'a', 'an', 'few', 'couple', 'of', 'half', 'one', 'two', 'twelve', 'this', 'last', 'next', 'past', 'after', 'ago', 'later', 'before', 'out', 'within', 'in', 'for', 'on', 'at', 'm', 's', 'd', 'h', 'w', 'y', 'mo', 'mon', 'hr', 'yr', 'min', 'sec', 'qtr', 'ey', 'ney', 'money', 'may', 'mar', 'sat', 'sun', 'wed', 'fri', 'friday', 'june', 'sept', 'first', 'third', 'twenty', 'day', 'week', 'weekend', 'year', 'night', 'noon', 'now', 'today', 'and', ',', '.', '(', '-', 'x', 'ing'];
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', '  ')), { maxLength: 8 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, (t) => mayHoldDate(t) || found(t).length === 0),
      // A fixed seed, so a run in CI never meets a string nobody has looked at; DATE_CUE_SEED=random
      // (and DATE_CUE_RUNS) hunts for more. Gaps left: glued strings no text holds ("withinthesecthe yr").
      { numRuns: Number(process.env.DATE_CUE_RUNS ?? 20000), ...(process.env.DATE_CUE_SEED === 'random' ? {} : { seed: Number(process.env.DATE_CUE_SEED ?? 2018) }) },
    );
  });
});
