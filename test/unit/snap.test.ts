import { describe, expect, it } from 'vitest';
import { snapToTokens } from '../../src/core/annotations/snap';
import { tokenize } from '../../src/core/ner/tokenize';
import { seed } from './seeds';

const text = seed('004');
const span = (phrase: string, fromIn = 0, toIn = 0) => {
  const at = text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  return [at + fromIn, at + phrase.length + toIn] as const;
};

describe('snapping a selection to whole tokens', () => {
  it('trims spaces around the selection', () => {
    const [s, e] = span(' Wang Yi ');
    const r = snapToTokens(text, s, e)!;
    expect(text.slice(r.start, r.end)).toBe('Wang Yi');
  });

  it('widens a selection that starts or ends inside a word to the whole words', () => {
    const [s, e] = span('Lee Hae-chan', 2, -3);
    const r = snapToTokens(text, s, e)!;
    expect(text.slice(r.start, r.end)).toBe('Lee Hae-chan');
  });

  it('leaves out a comma or quotation mark at either edge', () => {
    const [s, e] = span('"We hope');
    const r = snapToTokens(text, s, e)!;
    expect(text.slice(r.start, r.end)).toBe('We hope');
    const [s2, e2] = span('Wang Yi (R)', 0, -2);
    expect(text.slice(s2, e2)).toBe('Wang Yi (');
    const r2 = snapToTokens(text, s2, e2)!;
    expect(text.slice(r2.start, r2.end)).toBe('Wang Yi');
  });

  it('gives a span whose ends are token boundaries, wherever the selection falls', () => {
    const starts = new Set<number>();
    const ends = new Set<number>();
    for (const t of tokenize(text)) {
      starts.add(t.start);
      ends.add(t.end);
    }
    const body = text.indexOf('China has asked');
    for (let s = body; s < body + 300; s += 7) {
      const r = snapToTokens(text, s, s + 11);
      if (!r) continue;
      expect(starts.has(r.start), `start ${s}`).toBe(true);
      expect(ends.has(r.end), `end ${s}`).toBe(true);
      expect(text.slice(r.start, r.end)).toBe(text.slice(r.start, r.end).trim());
    }
  });

  it('returns null for a selection of spaces only', () => {
    const at = text.indexOf('  ');
    if (at >= 0) expect(snapToTokens(text, at, at + 2)).toBeNull();
    expect(snapToTokens('a   b', 1, 4)).toBeNull();
  });
});
