import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { describe, expect, it } from 'vitest';
import { readConllItems, toDocuments } from '../../src/core/ner/conll';
import { documentContext, stackedFeatures } from '../../src/core/ner/features';
import { Gazetteer } from '../../src/core/ner/gazetteer';
import { PairedWeights } from '../../src/core/ner/hashing';
import { Lexicon } from '../../src/core/ner/lexicon';
import type { SerializedRecognizer } from '../../src/core/ner/recognizer';
import { StagePair } from '../../src/core/ner/stagePair';
import { NUM_TAGS, Tagger } from '../../src/core/ner/tagger';

const root = path.join(__dirname, '..', '..');
const model = JSON.parse(gunzipSync(readFileSync(path.join(root, 'models', 'ner.json.gz'))).toString('utf8')) as SerializedRecognizer;
const testa = toDocuments(readConllItems(readFileSync(path.join(root, '..', 'shared', 'eval', 'ner', 'conll2003-eng.testa'), 'utf8'))).map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word)));

/** The two stages as two Taggers, each looking up its own table (how the recogniser decoded before StagePair). */
function twoTaggers(data: SerializedRecognizer, lexicon: Lexicon) {
  const first = Tagger.deserialize(data.first);
  const second = Tagger.deserialize(data.second);
  for (const g of [first.gazetteer, second.gazetteer]) if (g) g.lexicon = lexicon;
  return (sentences: string[][]) => {
    const context = first.staticFeatures(sentences);
    const firstPass = first.tagDocument(sentences, undefined, context);
    const margins: number[][] = [];
    const tags = second.tagDocument(sentences, stackedFeatures(sentences, firstPass), context, margins);
    return { tags, margins };
  };
}

function stagePair(data: SerializedRecognizer, lexicon: Lexicon) {
  const g1 = Gazetteer.fromJSON(data.first.gazetteer);
  const g2 = data.second.gazetteer === data.first.gazetteer ? g1 : Gazetteer.fromJSON(data.second.gazetteer);
  for (const g of [g1, g2]) g.lexicon = lexicon;
  const pair = new StagePair(new PairedWeights(Tagger.tableOf(data.first), Tagger.tableOf(data.second), NUM_TAGS), [g1, g2]);
  return (sentences: string[][]) => pair.tagDocument(sentences, documentContext(sentences));
}

describe('both stages over one weight table', () => {
  const lexicon = Lexicon.fromJSON(model.lexicon!);

  it('tags and scores exactly as the two stages looked up one table each', () => {
    const before = twoTaggers(model, lexicon);
    const after = stagePair(model, lexicon);
    let entities = 0;
    let tokens = 0;
    // Twice over: the second time every word's cached row is reused.
    for (const docs of [testa.slice(0, 60), testa.slice(0, 60)]) {
      for (const d of docs) {
        const a = before(d);
        const b = after(d);
        expect(b.tags).toEqual(a.tags);
        expect(b.margins).toEqual(a.margins);
        tokens += a.tags.flat().length;
        entities += a.tags.flat().filter((t) => t.startsWith('B-')).length;
      }
    }
    // The comparison means something only where the stages found entities and margins vary.
    expect(tokens).toBeGreaterThan(20_000);
    expect(entities).toBeGreaterThan(1_000);
  });

  it('gives each stage its own gazetteer when the two differ', () => {
    // A second stage that knows only half of the first stage's names.
    const data = { ...model, second: { ...model.second, gazetteer: model.first.gazetteer.filter((_, i) => i % 2 === 0) } };
    const before = twoTaggers(data, lexicon);
    const after = stagePair(data, lexicon);
    let differs = 0;
    const shared = stagePair(model, lexicon);
    for (const d of testa.slice(60, 90)) {
      const b = after(d);
      expect(b).toEqual(before(d));
      if (JSON.stringify(b.margins) !== JSON.stringify(shared(d).margins)) differs++;
    }
    // The second stage's gazetteer really changes its scores, so the test can tell the two apart.
    expect(differs).toBeGreaterThan(5);
  });

  it('finds a feature only one stage knows, with zeros for the other', () => {
    const first = { hashes: Int32Array.from([-5, 3, 7]), weights: Int16Array.from([1, 2, 3, 4, 5, 6]) };
    const second = { hashes: Int32Array.from([3, 9]), weights: Int16Array.from([10, 20, 30, 40]) };
    const table = new PairedWeights(first, second, 2);
    const row = (h: number) => {
      const at = table.find(h);
      return at < 0 ? null : Array.from(table.slots.subarray(at, at + 4));
    };
    expect(row(-5)).toEqual([1, 2, 0, 0]);
    expect(row(3)).toEqual([3, 4, 10, 20]);
    expect(row(7)).toEqual([5, 6, 0, 0]);
    expect(row(9)).toEqual([0, 0, 30, 40]);
    expect(row(4)).toBeNull();
    expect(row(0)).toBeNull();
  });
});
