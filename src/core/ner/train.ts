/** Training the tagger: an averaged perceptron over greedy decoding, deterministic. */
import { toIob2, type ConllDocument } from './conll';
import { documentContext, historyFeatures, sentenceFeatures, stackedFeatures } from './features';
import { Gazetteer } from './gazetteer';
import type { Lexicon } from './lexicon';
import { hashString, MapScorer, mix, type Scorer } from './hashing';
import type { SerializedRecognizer } from './recognizer';
import { allowed, NUM_TAGS, TAGS, Tagger } from './tagger';

export interface TrainOptions {
  epochs: number;
  /** Features seen fewer times than this are dropped before training. */
  minCount: number;
  seed: number;
  /**
   * Training runs over differently shuffled orders whose averaged weights are averaged
   * again into one linear model (parameter mixing): the same size and speed as one run,
   * without one shuffle's luck. 1 (the default) trains once.
   */
  shuffles?: number;
  /**
   * Parts the second stage's training documents are cut into: each part is tagged by a first
   * stage trained on the other parts, as unseen text is at test time. 2 (the default) halves.
   */
  stackFolds?: number;
  /** Word classes and name lists (scripts/build-ner-lexicon.ts); the model carries them. */
  lexicon?: Lexicon | null;
  log?: (message: string) => void;
}

/** A trained tagger's weights by feature hash (real values): where adaptation starts from. */
export interface StartingWeights {
  readonly rows: ReadonlyMap<number, number>;
  readonly weights: Float64Array;
}

interface Example {
  words: string[];
  /** Tag index per token; -1 where the tag is unknown (partial annotation: no update there). */
  gold: number[];
  features: number[][];
  /** How much each mistake on this example moves the weights (a reviewed article counts more than a news story). */
  weight: number;
  /** The domain's salt, when the example's features are also given in a domain's own copy. */
  domain: number | null;
}

/**
 * A training document, optionally weighted. A token whose gold tag is `UNKNOWN_TAG` teaches
 * nothing: the tagger still tags it (the tags to its right see it) but is never corrected
 * there, so a partly annotated article never teaches that its unannotated words are not names.
 */
export type TrainingDocument = ConllDocument & {
  readonly weight?: number;
  /**
   * A domain (a corpus's name): each feature of the document also counts in that domain's
   * own copy (Daumé's feature augmentation, "Frustratingly easy domain adaptation", 2007), so
   * what holds only there ("Borrower" is a party, headings are in capitals) is learnt apart
   * from what holds in all text. `foldDomain` then makes the tagger of that domain.
   */
  readonly domain?: string;
};
export const UNKNOWN_TAG = '?';

/** The salt of a domain's feature copies. */
export function domainSalt(domain: string): number {
  return hashString(`domain:${domain}`);
}

/** A feature's copy in a domain. */
const inDomain = (salt: number, f: number) => mix(salt, f);

/** Scores a domain's text: each feature's weights in all text plus its weights in the domain. */
export class DomainScorer implements Scorer {
  constructor(
    private readonly base: Scorer,
    private readonly salt: number,
  ) {}
  add(hashes: readonly number[], scores: Float64Array): void {
    this.base.add(hashes, scores);
    this.base.add(hashes.map((h) => inDomain(this.salt, h)), scores);
  }
}

/**
 * The tagger of one domain as a plain model: each feature's weights plus its domain copy's,
 * the copies dropped. Tagging with it is tagging that domain's text as training saw it.
 */
export function foldDomain(trained: Pick<TrainedTagger, 'rows' | 'weights' | 'gazetteer'>, salt: number): { rows: Map<number, number>; weights: Float64Array } {
  const copies = new Set<number>();
  for (const h of trained.rows.keys()) {
    const c = inDomain(salt, h);
    if (trained.rows.has(c)) copies.add(c);
  }
  const rows = new Map<number, number>();
  for (const h of trained.rows.keys()) if (!copies.has(h)) rows.set(h, rows.size);
  const weights = new Float64Array(rows.size * NUM_TAGS);
  for (const [h, r] of rows) {
    const from = trained.rows.get(h)! * NUM_TAGS;
    const copy = trained.rows.get(inDomain(salt, h));
    for (let c = 0; c < NUM_TAGS; c++) weights[r * NUM_TAGS + c] = trained.weights[from + c] + (copy === undefined ? 0 : trained.weights[copy * NUM_TAGS + c]);
  }
  return { rows, weights };
}

/** Entity names in `docs`, counted by type, for a gazetteer. */
export function countNames(docs: readonly ConllDocument[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const d of docs) {
    for (const s of d.sentences) {
      const tags = toIob2(s.tokens.map((t) => t.gold));
      let i = 0;
      while (i < tags.length) {
        if (!tags[i].startsWith('B-')) {
          i++;
          continue;
        }
        const type = tags[i].slice(2);
        let j = i + 1;
        while (j < tags.length && tags[j] === `I-${type}`) j++;
        const name = s.tokens.slice(i, j).map((t) => t.word.toLowerCase()).join(' ');
        const byType = counts.get(name) ?? new Map<string, number>();
        byType.set(type, (byType.get(type) ?? 0) + 1);
        counts.set(name, byType);
        i = j;
      }
    }
  }
  return counts;
}

/**
 * Gazetteer features for training come from the other half of the documents
 * (jackknifing), so the model learns how much a gazetteer hit is worth on unseen text.
 */
function examples(docs: readonly TrainingDocument[], lexicon: Lexicon | null, extra?: ExtraFeatures, gazetteerOf?: (doc: number) => Gazetteer): Example[] {
  const halves = [docs.filter((_, i) => i % 2 === 0), docs.filter((_, i) => i % 2 === 1)];
  const gazetteers = gazetteerOf ? [] : [Gazetteer.fromCounts(countNames(halves[1])), Gazetteer.fromCounts(countNames(halves[0]))];
  for (const g of gazetteers) g.lexicon = lexicon;
  const out: Example[] = [];
  docs.forEach((d, di) => {
    const sentences = d.sentences.map((s) => s.tokens.map((t) => t.word));
    const ctx = documentContext(sentences);
    const gazetteer = gazetteerOf ? gazetteerOf(di) : gazetteers[di % 2];
    d.sentences.forEach((s, si) => {
      const words = sentences[si];
      const features = sentenceFeatures(words, ctx, gazetteer);
      const more = extra?.[di]?.[si];
      if (more) features.forEach((f, i) => f.push(...more[i]));
      const salt = d.domain ? domainSalt(d.domain) : null;
      if (salt !== null) for (const f of features) f.push(...f.map((h) => inDomain(salt, h)));
      const tags = s.tokens.map((t) => t.gold);
      out.push({
        words,
        gold: toIob2(tags).map((t, i) => (tags[i] === UNKNOWN_TAG ? -1 : TAGS.indexOf(t as (typeof TAGS)[number]))),
        features,
        weight: d.weight ?? 1,
        domain: salt,
      });
    });
  });
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per document, per sentence, per token: features added to the static ones (stacking). */
export type ExtraFeatures = readonly (readonly (readonly (readonly number[])[])[])[];

/** A trained tagger with what serialisation needs: feature hash → row, and the weights. */
export interface TrainedTagger {
  readonly tagger: Tagger;
  readonly rows: ReadonlyMap<number, number>;
  readonly weights: Float64Array;
  readonly gazetteer: Gazetteer;
}

/** One averaged-perceptron run over `data` in the order `seed` shuffles; returns the averaged weights by row. */
function averagedPerceptron(data: readonly Example[], staticRows: readonly (readonly Int32Array[])[], rows: Map<number, number>, epochs: number, seed: number, log: (message: string) => void, start?: StartingWeights): Float64Array {
  let capacity = (rows.size + 200_000) * NUM_TAGS;
  let w = new Float64Array(capacity);
  let u = new Float64Array(capacity);
  // Adaptation starts from trained weights; averaging keeps them (only updates are averaged).
  if (start) for (const [h, r] of start.rows) w.set(start.weights.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS), rows.get(h)! * NUM_TAGS);
  // History features are few; all are admitted as they appear.
  const rowOf = (f: number): number => {
    let r = rows.get(f);
    if (r === undefined) {
      r = rows.size;
      rows.set(f, r);
      if ((r + 1) * NUM_TAGS > capacity) {
        capacity *= 2;
        const w2 = new Float64Array(capacity);
        w2.set(w);
        const u2 = new Float64Array(capacity);
        u2.set(u);
        w = w2;
        u = u2;
      }
    }
    return r;
  };

  let step = 1;
  const order = data.map((_, i) => i);
  const random = rng(seed);
  const scores = new Float64Array(NUM_TAGS);
  const history: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const e of order) {
      const ex = data[e];
      const predicted: string[] = [];
      for (let t = 0; t < ex.words.length; t++) {
        const prev1 = t > 0 ? predicted[t - 1] : '<s>';
        const prev2 = t > 1 ? predicted[t - 2] : '<s>';
        const histHashes = historyFeatures(prev2, prev1, ex.words[t], history);
        const salt = ex.domain;
        const hist = (salt === null ? histHashes : [...histHashes, ...histHashes.map((h) => inDomain(salt, h))]).map(rowOf);
        const ids = staticRows[e][t];
        scores.fill(0);
        for (const list of [ids, hist]) {
          for (const id of list) {
            const base = id * NUM_TAGS;
            for (let c = 0; c < NUM_TAGS; c++) scores[c] += w[base + c];
          }
        }
        let guess = -1;
        let bestScore = -Infinity;
        for (let c = 0; c < NUM_TAGS; c++) {
          if (allowed(prev1, TAGS[c]) && scores[c] > bestScore) {
            bestScore = scores[c];
            guess = c;
          }
        }
        const gold = ex.gold[t];
        if (gold >= 0 && guess !== gold) {
          errors++;
          const k = ex.weight;
          for (const list of [ids, hist]) {
            for (const id of list) {
              const base = id * NUM_TAGS;
              w[base + gold] += k;
              u[base + gold] += step * k;
              w[base + guess] -= k;
              u[base + guess] -= step * k;
            }
          }
        }
        predicted.push(TAGS[guess]);
        tokens++;
        step++;
      }
    }
    log(`epoch ${epoch}: ${(100 * (1 - errors / tokens)).toFixed(2)}% tokens right while training`);
  }
  const averaged = new Float64Array(rows.size * NUM_TAGS);
  for (let i = 0; i < averaged.length; i++) averaged[i] = w[i] - u[i] / step;
  return averaged;
}

export function trainTagger(
  docs: readonly TrainingDocument[],
  options: TrainOptions,
  extra?: ExtraFeatures,
  adapt?: { readonly start: StartingWeights; readonly gazetteerOf: (doc: number) => Gazetteer; readonly gazetteer: Gazetteer },
): TrainedTagger {
  const log = options.log ?? (() => {});
  const data = examples(docs, options.lexicon ?? null, extra, adapt?.gazetteerOf);
  const counts = new Map<number, number>();
  for (const ex of data) for (const fs of ex.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const rows = new Map<number, number>();
  if (adapt) for (const h of adapt.start.rows.keys()) rows.set(h, rows.size);
  for (const [f, n] of counts) if (n >= options.minCount && !rows.has(f)) rows.set(f, rows.size);
  const staticRows = data.map((ex) => ex.features.map((fs) => Int32Array.from(fs.map((f) => rows.get(f) ?? -1).filter((r) => r >= 0))));
  log(`${data.length} sentences, ${rows.size} static features (min count ${options.minCount})`);

  const shuffles = Math.max(1, Math.floor(options.shuffles ?? 1));
  // Weights of each run, summed; history features first seen in a later run get rows then.
  let mixed = new Float64Array(0);
  for (let run = 0; run < shuffles; run++) {
    const seed = options.seed + run * 7919;
    const averaged = averagedPerceptron(data, staticRows, rows, options.epochs, seed, run === 0 ? log : (m) => log(`shuffle ${run + 1}/${shuffles}, ${m}`), adapt?.start);
    const sum = new Float64Array(rows.size * NUM_TAGS);
    sum.set(mixed);
    for (let i = 0; i < averaged.length; i++) sum[i] += averaged[i];
    mixed = sum;
  }
  const averaged = new Float64Array(rows.size * NUM_TAGS);
  for (let i = 0; i < averaged.length; i++) averaged[i] = mixed[i] / shuffles;
  const gazetteer = adapt?.gazetteer ?? Gazetteer.fromCounts(countNames(docs));
  gazetteer.lexicon = options.lexicon ?? null;
  return { tagger: new Tagger(new MapScorer(rows, averaged, NUM_TAGS), gazetteer), rows, weights: averaged, gazetteer };
}

/**
 * The two-stage recogniser: a first tagger, then a second that also sees what the first
 * said about each word across the document. The second stage trains on first-stage
 * output for documents the first stage did not train on (two folds), as at test time.
 */
export function trainStacked(docs: readonly TrainingDocument[], options: TrainOptions): { first: TrainedTagger; second: TrainedTagger } {
  const log = options.log ?? (() => {});
  const words = docs.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word)));
  const parts = Math.max(2, Math.floor(options.stackFolds ?? 2));
  const folds = Array.from({ length: parts }, (_, k) => docs.map((_, i) => i).filter((i) => i % parts === k));
  const extra: number[][][][] = docs.map(() => []);
  for (const [k, fold] of folds.entries()) {
    const other = docs.map((_, i) => i).filter((i) => i % parts !== k);
    log(`stage 1, fold ${k + 1}/${parts}`);
    const trained = trainTagger(other.map((i) => docs[i]), { ...options, log: () => {} });
    for (const i of fold) {
      const domain = docs[i].domain;
      // A domain's document is tagged as that domain's text.
      const tagger = domain ? new Tagger(new DomainScorer(new MapScorer(trained.rows, trained.weights, NUM_TAGS), domainSalt(domain)), trained.gazetteer) : trained.tagger;
      extra[i] = stackedFeatures(words[i], tagger.tagDocument(words[i]));
    }
  }
  log('stage 1 on all documents');
  const first = trainTagger(docs, options);
  log('stage 2');
  const second = trainTagger(docs, options, extra);
  return { first, second };
}

/** What a trained model starts adaptation from: each stage's weights and the names it knows. */
export interface StartingModel {
  readonly first: StartingWeights;
  readonly second: StartingWeights;
  readonly names: ReadonlyArray<readonly [string, readonly string[]]>;
}

/** The model's names with those of `docs` (theirs win: a corpus says what its own names are). */
function gazetteerWith(names: StartingModel['names'], docs: readonly ConllDocument[], lexicon: Lexicon | null): Gazetteer {
  const entries = new Map<string, string[]>(names.map(([n, t]) => [n, [...t]]));
  for (const [n, t] of Gazetteer.fromCounts(countNames(docs)).toJSON()) entries.set(n, t);
  const g = new Gazetteer(entries);
  g.lexicon = lexicon;
  return g;
}

/**
 * A trained model adapted to a corpus (warm start): both stages start from the model's
 * weights and continue training on the corpus's documents alone, so what the corpus shows
 * corrects the model where it is wrong and leaves it where it is right; text of other kinds
 * keeps the model itself. Each document's gazetteer features come from the other parts of
 * the corpus (plus the model's names), and the second stage trains on first-stage output of a
 * first stage adapted without the document's part, as unseen text is tagged.
 */
export function adaptStacked(docs: readonly TrainingDocument[], start: StartingModel, options: TrainOptions): { first: TrainedTagger; second: TrainedTagger } {
  const log = options.log ?? (() => {});
  const lexicon = options.lexicon ?? null;
  const parts = Math.min(docs.length, Math.max(2, Math.floor(options.stackFolds ?? 5)));
  const partOf = (i: number) => i % parts;
  const without = (skip: ReadonlySet<number>) => docs.filter((_, i) => !skip.has(partOf(i)));
  const words = docs.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word)));
  const quiet = { ...options, log: () => {} };
  const extra: number[][][][] = docs.map(() => []);
  if (parts < 2) {
    const tagger = new Tagger(new MapScorer(start.first.rows, start.first.weights, NUM_TAGS), gazetteerWith(start.names, [], lexicon));
    docs.forEach((_, i) => (extra[i] = stackedFeatures(words[i], tagger.tagDocument(words[i]))));
  } else {
    for (let k = 0; k < parts; k++) {
      log(`stage 1, part ${k + 1}/${parts}`);
      const inPart = docs.map((_, i) => i).filter((i) => partOf(i) === k);
      const others = docs.map((_, i) => i).filter((i) => partOf(i) !== k);
      const gazetteer = gazetteerWith(start.names, without(new Set([k])), lexicon);
      const trained = trainTagger(
        others.map((i) => docs[i]),
        quiet,
        undefined,
        { start: start.first, gazetteer, gazetteerOf: (j) => gazetteerWith(start.names, without(new Set([k, partOf(others[j])])), lexicon) },
      );
      for (const i of inPart) extra[i] = stackedFeatures(words[i], trained.tagger.tagDocument(words[i]));
    }
  }
  const gazetteer = gazetteerWith(start.names, docs, lexicon);
  const jackknifed = Array.from({ length: parts }, (_, k) => gazetteerWith(start.names, parts < 2 ? [] : without(new Set([k])), lexicon));
  const adapt = (weights: StartingWeights) => ({ start: weights, gazetteer, gazetteerOf: (i: number) => jackknifed[partOf(i)] });
  log('stage 1 on all documents');
  const first = trainTagger(docs, options, undefined, adapt(start.first));
  log('stage 2');
  const second = trainTagger(docs, options, extra, adapt(start.second));
  return { first, second };
}

/**
 * Words written in lower case in the training text more often than capitalised inside a
 * sentence ("the", "one", "police", "black"): a name made only of such words is a guess,
 * not something to spread across a corpus. Sorted, so the model file is deterministic.
 */
export function commonLowercaseWords(docs: readonly ConllDocument[], minCount = 2): string[] {
  const lower = new Map<string, number>();
  const capital = new Map<string, number>();
  for (const d of docs) {
    for (const s of d.sentences) {
      // All-caps lines (headlines, tables) say nothing about a word's case.
      if (s.tokens.every((t) => t.word.toUpperCase() === t.word)) continue;
      s.tokens.forEach((t, i) => {
        const w = t.word;
        if (!/^\p{L}/u.test(w)) return;
        const key = w.toLowerCase();
        if (w === key) lower.set(key, (lower.get(key) ?? 0) + 1);
        else if (i > 0) capital.set(key, (capital.get(key) ?? 0) + 1);
      });
    }
  }
  return [...lower].filter(([w, n]) => n >= minCount && n > (capital.get(w) ?? 0)).map(([w]) => w).sort();
}

/**
 * The whole recogniser from annotated documents: both stages, the common-word list and
 * the lexicon, ready to write as a model (`Recognizer.deserialize` loads it). `lexicon` is
 * the word classes and name lists (`Recognizer.lexicon` of a loaded model, or
 * scripts/build-ner-lexicon.ts); null trains without them.
 */
export function trainRecognizer(
  docs: readonly ConllDocument[],
  options: Partial<TrainOptions> & { description?: string } = {},
): SerializedRecognizer {
  const full: TrainOptions = { epochs: 10, minCount: 1, seed: 2003, lexicon: null, ...options };
  const { first, second } = trainStacked(docs, full);
  return {
    format: 'corpus-lens/ner-stacked@2',
    trainedOn: `${options.description ?? `${docs.length} documents`}; ${full.epochs} epochs${(full.shuffles ?? 1) > 1 ? ` × ${full.shuffles} shuffles mixed` : ''}; min count ${full.minCount}`,
    first: Tagger.serialize(first.rows, first.weights, first.gazetteer),
    second: Tagger.serialize(second.rows, second.weights, second.gazetteer),
    lowercase: commonLowercaseWords(docs),
    ...(full.lexicon ? { lexicon: full.lexicon.toJSON() } : {}),
  };
}
