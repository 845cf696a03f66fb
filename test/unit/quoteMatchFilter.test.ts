import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { readAttributions } from '../../src/core/quotes/brat';
import { matchQuotes, type QuoteRef } from '../../src/core/quotes/match';
import { matchQuotesPlain } from './quoteMatchPlain';

// The attributed contents (quoted or not) of PolNeAR dev and of every eighth train article, with
// their source as the speaker (all of train is 25,000 quotes: 50 s for the plain matcher alone), plus in other articles each one trimmed mid-word at both ends, cut by its last
// words, and missing a middle word: trimmed, paraphrased and unrelated quotes of real text.
function polnearQuotes(): QuoteRef[] {
  const refs: QuoteRef[] = [];
  for (const split of ['dev', 'train']) {
    const dir = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', `polnear-${split}`, 'attributions');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ann')).sort();
    for (const file of split === 'dev' ? files : files.filter((_, i) => i % 8 === 0)) {
      const attributions = readAttributions(readFileSync(path.join(dir, file), 'utf8'));
      attributions.forEach((a, index) => {
        for (const content of a.contents) refs.push({ article: `${split}/${file}`, index, text: content.text, speaker: a.source?.text ?? null });
      });
    }
  }
  return refs;
}

function variants(refs: readonly QuoteRef[]): QuoteRef[] {
  return refs.flatMap((r, i) => {
    const words = r.text.split(' ');
    const middle = Math.floor(words.length / 2);
    return [
      { ...r, article: `trimmed/${i % 97}`, text: r.text.slice(3, -3) },
      { ...r, article: `cut/${i % 89}`, text: words.slice(0, Math.max(2, words.length - 3)).join(' '), speaker: i % 3 ? r.speaker : null },
      { ...r, article: `edited/${i % 83}`, text: [...words.slice(0, middle), ...words.slice(middle + 1)].join(' '), speaker: i % 2 ? r.speaker : 'Someone Else' },
    ];
  });
}

describe('quote matching with filtered candidates (issue #16)', () => {
  const real = polnearQuotes();
  const all = [...real, ...variants(real.slice(0, 1500))];

  it('links exactly the pairs the plain matcher links, in its order, on real PolNeAR quotes', () => {
    expect(real.length).toBeGreaterThan(4000);
    for (const refs of [all, all.map((r) => ({ ...r, speaker: null }))]) {
      const plain = matchQuotesPlain(refs);
      expect(plain.filter((l) => l.relation === 'same').length).toBeGreaterThan(500);
      expect(plain.filter((l) => l.relation === 'similar').length).toBeGreaterThan(50);
      expect(JSON.stringify(matchQuotes(refs))).toBe(JSON.stringify(plain));
    }
  }, 300_000);

  it('keeps to the plain matcher at another similarity threshold', () => {
    for (const similarAt of [0.5, 0.9]) expect(JSON.stringify(matchQuotes(real, similarAt))).toBe(JSON.stringify(matchQuotesPlain(real, similarAt)));
  }, 300_000);
});
