/** The entity recogniser: two stacked taggers plus document-level consistency. */
import { applyDocumentConsistency } from './consistency';
import { stackedFeatures } from './features';
import { Tagger, type SerializedTagger } from './tagger';

export interface SerializedRecognizer {
  format: 'corpus-lens/ner-stacked@2';
  trainedOn: string;
  first: SerializedTagger;
  second: SerializedTagger;
}

export class Recognizer {
  constructor(
    private readonly first: Tagger,
    private readonly second: Tagger,
  ) {}

  /** IOB2 tags for every sentence of one document. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    // Both stages were trained with one gazetteer, so their static features are the same.
    const staticFeatures = this.first.staticFeatures(sentences);
    const firstPass = this.first.tagDocument(sentences, undefined, staticFeatures);
    const secondPass = this.second.tagDocument(sentences, stackedFeatures(sentences, firstPass), staticFeatures);
    return applyDocumentConsistency(sentences, secondPass);
  }

  /** The one type a name had in training, if it had exactly one (a prior for voting). */
  knownType(name: string): 'PER' | 'ORG' | 'LOC' | 'MISC' | undefined {
    const types = this.first.gazetteer?.typesOf(name.toLowerCase());
    return types && types.length === 1 ? (types[0] as 'PER' | 'ORG' | 'LOC' | 'MISC') : undefined;
  }


  static deserialize(data: SerializedRecognizer): Recognizer {
    if (data.format !== 'corpus-lens/ner-stacked@2') throw new Error(`unknown entity model format ${String(data.format)}`);
    const first = Tagger.deserialize(data.first);
    const shared = sameEntries(data.first.gazetteer, data.second.gazetteer) ? first.gazetteer : undefined;
    return new Recognizer(first, Tagger.deserialize(data.second, shared));
  }
}

/** Both stages are trained with the gazetteer of the whole training set: build it once. */
function sameEntries(a: SerializedTagger['gazetteer'], b: SerializedTagger['gazetteer']): boolean {
  return a.length === b.length && a.every(([name, types], i) => name === b[i][0] && types.join() === b[i][1].join());
}
