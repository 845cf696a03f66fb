import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { compareArticles, normalizeWords } from '../../src/core/compare/align';
import { quoteMatrix } from '../../src/core/compare/matrices';
import { findArticleQuotes } from '../../src/core/quotes/quotes';
import { seed } from './seeds';

function compare(...prefixes: string[]) {
  const texts = prefixes.map(seed);
  return compareArticles(texts, texts.map((t) => parseArticle(t)));
}

describe('aligning articles', () => {
  it('finds the wire copy 001 and 002 share: most of 001, and half of 002', () => {
    const c = compare('001', '002');
    expect(c.shares[0].sharedFraction).toBeGreaterThanOrEqual(0.75);
    expect(c.shares[1].sharedFraction).toBeGreaterThanOrEqual(0.5);
    // 002 adds Xinhua, Yang Jiechi and the market paragraphs: they are its unique passages.
    const unique = c.shares[1].unique.map((u) => u.text).join(' ');
    expect(unique).toContain('Yang Jiechi');
    expect(unique).toContain('Shares in Lotte Shopping');
  });

  it('finds little shared between different events (003 vs 000)', () => {
    const c = compare('003', '000');
    expect(c.shares[0].sharedFraction).toBeLessThanOrEqual(0.3);
    expect(c.shares[1].sharedFraction).toBeLessThanOrEqual(0.3);
  });

  it('tells identical, near-identical and overlapping passages apart, with scores', () => {
    const c = compare('001', '002');
    const relations = new Set(c.alignments.map((a) => a.relation));
    expect(relations.has('identical')).toBe(true);
    expect(relations.has('near-identical')).toBe(true);
    for (const a of c.alignments) expect(a.score).toBeGreaterThan(0);
    const thaad = c.alignments.find((a) => a.a.text.includes('Thaad deployment'));
    expect(thaad?.b.text).toContain('THAAD deployment');
    expect(thaad?.relation).toBe('identical');
  });

  it('compares five articles at once', () => {
    const c = compare('000', '001', '002', '003', '004');
    expect(c.shares).toHaveLength(5);
    expect(c.shares[3].sharedFraction).toBe(0);
  });

  it('ignores house style when comparing words', () => {
    expect(normalizeWords('Mr Xi told the U.S.')).toEqual(normalizeWords('Xi told the US'));
  });
});

describe('quote matrix', () => {
  it('lines up how each outlet renders the same quote', () => {
    const quotes = ['001', '002', '004'].map((p) => {
      const t = seed(p);
      return findArticleQuotes(t, parseArticle(t));
    });
    const rows = quoteMatrix(quotes);
    const willing = rows.find((r) => r.variants[0]?.startsWith("We're willing"));
    // 002 carries the statement twice: whole, and its “normal track“ fragment earlier on.
    expect(willing?.variants[1]).toContain('We’re willing to work with South Korea');
    expect(willing?.variants[2]).toBeNull();
  });
});
