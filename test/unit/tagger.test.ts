import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { readConllItems, toDocuments } from '../../src/core/ner/conll';
import { documentContext, historyFeatures, sentenceFeatures } from '../../src/core/ner/features';
import { applyDocumentConsistency } from '../../src/core/ner/consistency';
import { HashedWeights } from '../../src/core/ner/hashing';
import { allowed, NUM_TAGS, TAGS, Tagger } from '../../src/core/ner/tagger';
import { trainTagger } from '../../src/core/ner/train';

const conll = (name: string) => toDocuments(readConllItems(readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'ner', name), 'utf8')));

/** Greedy decoding the plain way: every feature of every token looked up in the table. */
function referenceTags(weights: HashedWeights, tagger: Tagger, sentences: string[][]): string[][] {
  const doc = documentContext(sentences);
  return sentences.map((words) => {
    const feats = sentenceFeatures(words, doc, tagger.gazetteer);
    const tags: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const scores = new Float64Array(NUM_TAGS);
      weights.add(feats[i], scores);
      weights.add(historyFeatures(tags[i - 2] ?? '<s>', tags[i - 1] ?? '<s>', words[i], []), scores);
      let best = -1;
      for (let c = 0; c < NUM_TAGS; c++) if (allowed(tags[i - 1] ?? '<s>', TAGS[c]) && (best < 0 || scores[c] > scores[best])) best = c;
      tags.push(TAGS[best]);
    }
    return tags;
  });
}

describe('entity tagger', () => {
  it('mixes shuffles into the mean of the runs it would make one at a time', () => {
    const train = conll('conll2003-eng.train').slice(0, 20);
    const mixed = trainTagger(train, { epochs: 2, minCount: 1, seed: 5, shuffles: 2 });
    const runs = [5, 5 + 7919].map((seed) => trainTagger(train, { epochs: 2, minCount: 1, seed }));
    const weightOf = (t: typeof mixed, hash: number, c: number) => {
      const r = t.rows.get(hash);
      return r === undefined || r * NUM_TAGS >= t.weights.length ? 0 : t.weights[r * NUM_TAGS + c];
    };
    let differing = 0;
    for (const hash of mixed.rows.keys()) {
      for (let c = 0; c < NUM_TAGS; c++) {
        const [a, b] = runs.map((t) => weightOf(t, hash, c));
        expect(weightOf(mixed, hash, c)).toBeCloseTo((a + b) / 2, 9);
        if (Math.abs(a - b) > 1e-9) differing++;
      }
    }
    // The two orders really train different weights, so the mean is not one run's.
    expect(differing).toBeGreaterThan(100);
  });

  it('tags exactly as scoring every feature would, with per-word partial sums cached', () => {
    const train = conll('conll2003-eng.train').slice(0, 60);
    const trained = trainTagger(train, { epochs: 2, minCount: 1, seed: 1 });
    const model = Tagger.serialize(trained.rows, trained.weights, trained.gazetteer);
    const tagger = Tagger.deserialize(model);
    const bytes = (b64: string) => Uint8Array.from(Buffer.from(b64, 'base64'));
    const weights = new HashedWeights(new Int32Array(bytes(model.hashes).buffer), new Int16Array(bytes(model.weights).buffer), NUM_TAGS);
    let tokens = 0;
    let entities = 0;
    for (const d of conll('conll2003-eng.testa').slice(0, 40)) {
      const sentences = d.sentences.map((s) => s.tokens.map((t) => t.word));
      const fast = tagger.tagDocument(sentences);
      expect(fast).toEqual(referenceTags(weights, tagger, sentences));
      tokens += fast.flat().length;
      entities += fast.flat().filter((t) => t.startsWith('B-')).length;
    }
    // The comparison means something only if the tagger found entities.
    expect(tokens).toBeGreaterThan(5000);
    expect(entities).toBeGreaterThan(200);
  });
});

describe('document consistency', () => {
  const words = (text: string) => text.split(' ');
  const tagsOf = (sentences: string[][], spans: Array<[number, number, number, string]>) => {
    const tags = sentences.map((s) => s.map(() => 'O'));
    for (const [s, start, end, type] of spans) for (let i = start; i < end; i++) tags[s][i] = `${i === start ? 'B' : 'I'}-${type}`;
    return tags;
  };

  it('gives a surname alone the person named in full elsewhere in the document', () => {
    const doc = [words('Dublin-born director Neil Jordan says he never lost faith .'), words('Jordan , whose film opens on Friday , said so .')];
    const out = applyDocumentConsistency(doc, tagsOf(doc, [[0, 0, 1, 'MISC'], [0, 2, 4, 'PER'], [1, 0, 1, 'LOC']]));
    expect(out[1][0]).toBe('B-PER');
    expect(out[0].slice(2, 4)).toEqual(['B-PER', 'I-PER']);
  });

  it('does not when the "full name" is two names run together', () => {
    const doc = [words('Lebed Chechnya peace plan stalls .'), words('Lebed flew to Chechnya on Monday .')];
    const out = applyDocumentConsistency(doc, tagsOf(doc, [[0, 0, 2, 'PER'], [1, 0, 1, 'PER'], [1, 3, 4, 'LOC']]));
    expect(out[1][3]).toBe('B-LOC');
  });
});
