// The tokeniser on real text (issues #13, #16): CoNLL-2003 sentences written with spaces come back
// as their gold tokens, and the fast paths (character codes for plain words and marks) agree with
// the rules' regular expression at every border — a word before "," "." "'" "-", a list number,
// an abbreviation, a character outside the BMP. Sentences are from ../shared/eval/ner/.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/ner/tokenize';
import { readConll } from '../../scripts/entity-corpus-eval';

const words = (text: string, start?: number, end?: number) => tokenize(text, start, end).map((t) => t.text);

/** The first few thousand train sentences, as gold token lists. */
const train = readConll('conll2003-eng.train')
  .flatMap((d) => d.sentences.map((s) => s.tokens.map((t) => t.word)))
  .slice(0, 4000);
/** Sentences with a token a plain word or mark would not make: periods, hyphens, apostrophes, digits joined, "$", "%". */
const tricky = train.filter((g) => g.some((w) => /[.'’\-$%&/:,]/.test(w) && w.length > 1));

describe('tokens of CoNLL train sentences written with spaces', () => {
  it('gives back the gold tokens of nearly every sentence, the tricky ones too', () => {
    const same = (gold: string[]) => words(gold.join(' ')).join('\u0001') === gold.join('\u0001');
    const all = train.filter(same).length / train.length;
    const hard = tricky.filter(same).length / tricky.length;
    // Measured 3,966 of 4,000 (99.2 %); of the 2,190 with such tokens, 2,160 (98.6 %). Floors just below.
    expect(tricky.length).toBeGreaterThan(1000);
    expect(all).toBeGreaterThan(0.99);
    expect(hard).toBeGreaterThan(0.98);
  });

  it('reads a document of lines as its lines one by one, offsets and texts alike', () => {
    const lines = train.slice(0, 1500).map((g, k) => (k % 7 === 3 ? '  ' : '') + g.join(' '));
    const doc = lines.join('\n');
    const expected: Array<{ start: number; end: number; text: string }> = [];
    let at = 0;
    for (const line of lines) {
      for (const t of tokenize(line)) expected.push({ start: at + t.start, end: at + t.end, text: t.text });
      at += line.length + 1;
    }
    const got = tokenize(doc);
    expect(got).toEqual(expected);
    for (const t of got) expect(doc.slice(t.start, t.end)).toBe(t.text);
    // A range of the document is tokenised as that text alone, offsets kept.
    const from = doc.indexOf('\n', 1000) + 1;
    const to = doc.indexOf('\n', from + 2000);
    expect(tokenize(doc, from, to).map((t) => [t.start - from, t.end - from, t.text])).toEqual(tokenize(doc.slice(from, to)).map((t) => [t.start, t.end, t.text]));
  });
});

describe('borders of the fast paths', () => {
  it('splits a word from the mark after it only where CoNLL does', () => {
    expect(words('EU rejects German call , 1,000 tonnes at 10:30 , up 5.5% .')).toEqual(['EU', 'rejects', 'German', 'call', ',', '1,000', 'tonnes', 'at', '10:30', ',', 'up', '5.5%', '.']);
    expect(words('Barnett Banks Inc. in Jacksonville , Fla .')).toEqual(['Barnett', 'Banks', 'Inc.', 'in', 'Jacksonville', ',', 'Fla', '.']);
    expect(words('shares of Toyota Motor Corp.')).toEqual(['shares', 'of', 'Toyota', 'Motor', 'Corp', '.']);
    expect(words("Zürich's Müller-Lüdenscheid won't go")).toEqual(['Zürich', "'s", 'Müller-Lüdenscheid', 'wo', "n't", 'go']);
    expect(words('a 22-year-old ( U.S. ) -- 1/2 ... C$ 5 .437 +0.123')).toEqual(['a', '22-year-old', '(', 'U.S.', ')', '--', '1/2', '...', 'C$', '5', '.437', '+0.123']);
    expect(words('“Quoted,” he said.')).toEqual(['“', 'Quoted', ',', '”', 'he', 'said', '.']);
    // An apostrophe opens a clitic only before a word boundary ("'sup" is a mark and a word).
    expect(words("They've said we'LL go 'sup at o'clock")).toEqual(['They', "'ve", 'said', 'we', "'LL", 'go', "'", 'sup', 'at', "o'clock"]);
  });

  it('keeps an indented list number, and words around spaces and letters outside the BMP', () => {
    expect(tokenize('results\n  1. Michelle Freeman')).toEqual([
      { start: 0, end: 7, text: 'results' },
      { start: 10, end: 12, text: '1.' },
      { start: 13, end: 21, text: 'Michelle' },
      { start: 22, end: 29, text: 'Freeman' },
    ]);
    expect(words('Paris\u00a0Saint-Germain 𝐁old 😀 x')).toEqual(['Paris', 'Saint-Germain', '𝐁old', '😀', 'x']);
  });
});
