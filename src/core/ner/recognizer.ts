/** The entity recogniser: two stacked taggers plus document-level consistency. */
import { applyDocumentConsistency } from './consistency';
import { domainTest, type SerializedDomainTest } from './domain';
import { documentContext } from './features';
import { Gazetteer } from './gazetteer';
import { PairedWeights } from './hashing';
import { Lexicon, type SerializedLexicon } from './lexicon';
import { StagePair } from './stagePair';
import { NUM_TAGS, Tagger, type SerializedTagger } from './tagger';

export interface SerializedRecognizer {
  format: 'corpus-lens/ner-stacked@2';
  trainedOn: string;
  first: SerializedTagger;
  second: SerializedTagger;
  /** Words more often lower-case than capitalised in the training text (see commonLowercaseWords). */
  lowercase?: string[];
  /** Word classes and name lists both stages were trained with (absent in older models). */
  lexicon?: SerializedLexicon;
  /**
   * A corpus's own model (corpus-lens train): the taggers adapted to the corpus's text, and
   * the test telling its text from other text; other text is tagged by `first` and `second`.
   */
  domain?: { first: SerializedTagger; second: SerializedTagger; test: SerializedDomainTest };
}

/** Tags with the tagger's confidence in each: its margin over the runner-up tag, 0 where document consistency changed the type. */
export interface TaggedDocument {
  readonly tags: string[][];
  readonly margins: number[][];
}

export class Recognizer {
  private readonly lowercase: ReadonlySet<string>;
  private nameWordSet: Set<string> | undefined;
  /** Document vote weighted by confidence (see applyDocumentConsistency); set false to count mentions. */
  weightedVote = true;
  /** The taggers for one domain's text (a corpus's own model), and how to tell that text. */
  private domain: { readonly recognizer: Recognizer; readonly accepts: (sentences: readonly (readonly string[])[]) => boolean } | undefined;

  constructor(
    private readonly stages: StagePair,
    /** The first stage's gazetteer (names seen in training), which both stages' context features use. */
    private readonly gazetteer: Gazetteer | null,
    /** The real weight of one unit of the second stage's scores (its weights are quantised). */
    private readonly unit: number,
    lowercase: readonly string[] = [],
    /** The word classes and name lists the model was trained with, to train another with the same. */
    readonly lexicon: Lexicon | null = null,
  ) {
    this.lowercase = new Set(lowercase);
  }

  /** IOB2 tags for every sentence of one document. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    return this.tagWithConfidence(sentences).tags;
  }

  tagWithConfidence(sentences: readonly (readonly string[])[]): TaggedDocument {
    if (this.domain?.accepts(sentences)) return this.domain.recognizer.tagWithConfidence(sentences);
    // Both stages were trained with one gazetteer, so their context features are the same.
    const { tags: secondPass, margins } = this.stages.tagDocument(sentences, documentContext(sentences));
    const tags = applyDocumentConsistency(sentences, secondPass, this.weightedVote ? margins : undefined, this);
    const unit = this.unit;
    // A name split in two ("Nice and Paris St Germain") keeps the tagger's confidence in its words.
    const kept = (t: string, was: string) => t === was || (t !== 'O' && was !== 'O' && t.slice(2) === was.slice(2));
    const confidence = tags.map((row, s) => row.map((t, i) => (kept(t, secondPass[s][i]) ? margins[s][i] * unit : 0)));
    return { tags, margins: confidence };
  }

  /** Whether the training data tagged this lower-cased name as an entity (NameKnowledge). */
  isName(lowerName: string): boolean {
    return this.gazetteer?.typesOf(lowerName) !== undefined;
  }

  /** Whether a lower-cased word is a company legal form ("corp", "plc"; NameKnowledge). */
  isLegalForm(lowerWord: string): boolean {
    return this.lexicon?.labelsOf(lowerWord).includes('legal') ?? false;
  }

  /** Whether a word is more often lower case than capitalised in the training text ("the", "police"). */
  isCommonWord(word: string): boolean {
    return this.lowercase.has(word.toLowerCase());
  }

  /** Whether a word is part of some name in the training data ("of" in "Bank of England"). */
  isNameWord(word: string): boolean {
    if (!this.nameWordSet) {
      this.nameWordSet = new Set();
      for (const [name] of this.gazetteer?.toJSON() ?? []) for (const w of name.split(' ')) this.nameWordSet.add(w);
    }
    return this.nameWordSet.has(word.toLowerCase());
  }

  /** The one type a name had in training, if it had exactly one (a prior for voting). */
  knownType(name: string): 'PER' | 'ORG' | 'LOC' | 'MISC' | undefined {
    const types = this.gazetteer?.typesOf(name.toLowerCase());
    return types && types.length === 1 ? (types[0] as 'PER' | 'ORG' | 'LOC' | 'MISC') : undefined;
  }


  static deserialize(data: SerializedRecognizer): Recognizer {
    if (data.format !== 'corpus-lens/ner-stacked@2') throw new Error(`unknown entity model format ${String(data.format)}`);
    const lexicon = data.lexicon ? Lexicon.fromJSON(data.lexicon) : null;
    const weights = new PairedWeights(Tagger.tableOf(data.first), Tagger.tableOf(data.second), NUM_TAGS);
    const first = Gazetteer.fromJSON(data.first.gazetteer);
    const second = sameEntries(data.first.gazetteer, data.second.gazetteer) ? first : Gazetteer.fromJSON(data.second.gazetteer);
    for (const g of [first, second]) g.lexicon = lexicon;
    const recognizer = new Recognizer(new StagePair(weights, [first, second]), first, data.second.scale, data.lowercase, lexicon);
    if (data.domain) {
      const adapted = Recognizer.deserialize({ format: data.format, trainedOn: data.trainedOn, first: data.domain.first, second: data.domain.second, lowercase: data.lowercase, lexicon: data.lexicon });
      recognizer.domain = { recognizer: adapted, accepts: domainTest(data.domain.test) };
    }
    return recognizer;
  }
}

/** Both stages are trained with the gazetteer of the whole training set: build it once. */
function sameEntries(a: SerializedTagger['gazetteer'], b: SerializedTagger['gazetteer']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [name, types] = a[i];
    const [otherName, otherTypes] = b[i];
    if (name !== otherName || types.length !== otherTypes.length) return false;
    for (let t = 0; t < types.length; t++) if (types[t] !== otherTypes[t]) return false;
  }
  return true;
}
