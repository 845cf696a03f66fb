import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { UserAnnotation } from '../../src/core/annotations/annotations';
import { articleTrainingDocument } from '../../src/core/ner/corpusTraining';
import { trainTagger, UNKNOWN_TAG } from '../../src/core/ner/train';
import { seed } from './seeds';

const text = seed('002');
const at = (words: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC'): UserAnnotation => {
  const start = text.indexOf(words);
  return { id: `a-${words}`, kind: 'entity', type, name: null, anchor: makeAnchor(text, start, start + words.length) };
};

describe('what a corpus article teaches the recogniser', () => {
  it('an unreviewed article with one user annotation teaches only that annotation (the partial-annotation rule)', () => {
    const doc = articleTrainingDocument({ text, annotations: [at('Yang Jiechi', 'PER')], reviewed: false })!;
    expect(doc.sentences).toHaveLength(1);
    const tags = doc.sentences[0].tokens.map((t) => `${t.word}/${t.gold}`);
    expect(tags).toContain('Yang/B-PER');
    expect(tags).toContain('Jiechi/I-PER');
    // Every other word of the sentence is unknown, never "not a name".
    const others = doc.sentences[0].tokens.filter((t) => t.word !== 'Yang' && t.word !== 'Jiechi');
    expect(others.length).toBeGreaterThan(3);
    expect(others.every((t) => t.gold === UNKNOWN_TAG)).toBe(true);
  });

  it('a rejection in an unreviewed article teaches that its words are not a name, and nothing else', () => {
    const start = text.indexOf('Hotel Shilla');
    const doc = articleTrainingDocument({ text, annotations: [{ id: 'n', kind: 'not-entity', anchor: makeAnchor(text, start, start + 'Hotel Shilla'.length) }], reviewed: false })!;
    const tokens = doc.sentences.flatMap((s) => s.tokens);
    expect(tokens.filter((t) => t.gold === 'O').map((t) => t.word)).toEqual(['Hotel', 'Shilla']);
    expect(tokens.filter((t) => t.gold !== 'O').every((t) => t.gold === UNKNOWN_TAG)).toBe(true);
  });

  it('an unreviewed article without annotations teaches nothing; a reviewed one teaches every word', () => {
    expect(articleTrainingDocument({ text, annotations: [], reviewed: false })).toBeNull();
    const doc = articleTrainingDocument({ text, annotations: [at('Yang Jiechi', 'PER')], reviewed: true })!;
    const tokens = doc.sentences.flatMap((s) => s.tokens);
    expect(tokens.some((t) => t.gold === UNKNOWN_TAG)).toBe(false);
    expect(tokens.filter((t) => t.gold !== 'O').map((t) => t.gold)).toEqual(['B-PER', 'I-PER']);
    // Every line's words are there (titles too), in order.
    expect(tokens.length).toBeGreaterThan(200);
  });

  it('unknown tokens never move the weights: a document of unknown tags trains nothing', () => {
    const doc = articleTrainingDocument({ text, annotations: [at('Yang Jiechi', 'PER')], reviewed: false })!;
    const unknownOnly = { sentences: doc.sentences.map((s) => ({ tokens: s.tokens.map((t) => ({ ...t, gold: UNKNOWN_TAG })) })) };
    const none = trainTagger([unknownOnly], { epochs: 2, minCount: 1, seed: 1 });
    expect(none.weights.every((w) => w === 0)).toBe(true);
    const some = trainTagger([doc], { epochs: 2, minCount: 1, seed: 1 });
    expect(some.weights.some((w) => w !== 0)).toBe(true);
    // It learned the name it was shown.
    const words = doc.sentences[0].tokens.map((t) => t.word);
    const tags = some.tagger.tagDocument([words])[0];
    expect(tags[words.indexOf('Yang')]).toBe('B-PER');
  });
});
