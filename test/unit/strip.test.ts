import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { applyDeletions, boilerplateDeletions } from '../../src/core/strip';
import { seed, seedFiles } from './seeds';

const strip = (text: string) => {
  const a = parseArticle(text);
  return applyDeletions(text, boilerplateDeletions(text, a.boilerplate.map((b) => b.line)));
};

describe('stripping boilerplate', () => {
  it.each(seedFiles().map((f) => f.slice(0, 3)))('leaves the body of seed %s untouched and no boilerplate behind', (prefix) => {
    const before = parseArticle(seed(prefix));
    const stripped = strip(seed(prefix));
    const after = parseArticle(stripped);
    expect(after.paragraphs.map((p) => p.text)).toEqual(before.paragraphs.map((p) => p.text));
    expect(after.boilerplate).toEqual([]);
    expect(after.title?.value).toBe(before.title?.value);
    expect(stripped).not.toMatch(/\n\s*\n\s*\n/);
  });

  it('keeps CRLF line breaks as they were', () => {
    const text = 'Storm hits coast\r\n\r\nShare on Facebook\r\n\r\nA storm hit the coast on Monday, officials said.\r\n\r\nSHARE THIS ARTICLE\r\n';
    expect(strip(text)).toBe('Storm hits coast\r\n\r\nA storm hit the coast on Monday, officials said.\r\n');
  });

  it('keeps the final line break of a text that had one, and adds none to a text without', () => {
    expect(strip('Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n\nSHARE THIS ARTICLE\n')).toBe('Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n');
    expect(strip('Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n\nSHARE THIS ARTICLE')).toBe('Storm hits coast\n\nA storm hit the coast on Monday, officials said.');
    for (const f of seedFiles()) {
      const text = seed(f.slice(0, 3));
      expect(strip(text).endsWith('\n'), f).toBe(text.endsWith('\n'));
    }
  });

  it('does nothing to an article without boilerplate', () => {
    const text = 'Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n';
    expect(boilerplateDeletions(text, [])).toEqual([]);
  });
});
