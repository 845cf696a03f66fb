/**
 * Teaching the recogniser from a corpus (`corpus-lens train --from CORPUS --out DIR` and the
 * extension's Teach command): the built-in training data (CoNLL-2003 train) plus what the
 * corpus's articles teach (src/core/ner/corpusTraining.ts), weighted so that a few dozen
 * articles weigh against 14,000 news sentences, trained as the built-in model is (two stacked
 * taggers) and written as a model folder: `ner.json.gz` (what `--model DIR` loads) and
 * `model.json` (what it was trained on).
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { readAnnotations, reanchorAnnotations } from '../core/annotations/annotations';
import { readConllItems, toDocuments } from '../core/ner/conll';
import { articleTrainingDocument } from '../core/ner/corpusTraining';
import { trainDomainTest } from '../core/ner/domain';
import type { SerializedRecognizer } from '../core/ner/recognizer';
import { Tagger } from '../core/ner/tagger';
import { commonLowercaseWords, domainSalt, foldDomain, trainStacked, type TrainingDocument } from '../core/ner/train';
import { collectArticleFiles, findCorpusRoot, readArticleFile, readSidecar } from './files';
import { loadRecognizer, MODEL_FILE, modelPath } from './models';

export const MODEL_INFO_FILE = 'model.json';
export const MODEL_INFO_FORMAT = 'corpus-lens/ner-model-info@1';

export interface CorpusTrainingOptions {
  /** The corpus folder. */
  readonly from: string;
  /** The model folder to write. */
  readonly out: string;
  /** CoNLL-2003-style training data under the corpus's (default: `defaultBaseData()`). */
  readonly base?: string;
  readonly epochs?: number;
  /** Each corpus token counts this many news tokens (default: `corpusWeight`). */
  readonly weight?: number;
  readonly log?: (message: string) => void;
  /** Checked between steps; training stops with an error when it returns true. */
  readonly cancelled?: () => boolean;
}

export interface CorpusTrainingResult {
  readonly modelFile: string;
  readonly reviewed: number;
  readonly partial: number;
  readonly skipped: number;
  readonly names: number;
  readonly tokens: number;
  readonly weight: number;
  readonly seconds: number;
  readonly problems: string[];
}

/**
 * The built-in training data, if it is on this machine: `$CORPUS_LENS_NER_TRAIN`, else
 * CoNLL-2003 train where the project's evaluation data lives (`../shared/eval/ner/` beside
 * the repository). CoNLL-2003 is for research use and is not shipped with the extension.
 */
export function defaultBaseData(): string | undefined {
  const env = process.env.CORPUS_LENS_NER_TRAIN;
  if (env) return env;
  for (const up of [path.join(__dirname, '..'), path.join(__dirname, '..', '..'), process.cwd()]) {
    const candidate = path.join(up, '..', 'shared', 'eval', 'ner', 'conll2003-eng.train');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * How much each corpus token counts. The corpus is given (together) at least a third of the
 * news data's weight, so a few dozen reviewed articles move the model, and at most 20 times
 * its own size, so one article cannot drown the news. Tuned on the SEC filings (fin5 → fin3).
 */
export function corpusWeight(corpusTokens: number, baseTokens: number): number {
  if (corpusTokens === 0) return 1;
  return Math.min(20, Math.max(1, (baseTokens * CORPUS_SHARE) / corpusTokens));
}
const CORPUS_SHARE = 1 / 3;

export async function trainFromCorpus(options: CorpusTrainingOptions): Promise<CorpusTrainingResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const problems: string[] = [];
  const check = () => {
    if (options.cancelled?.()) throw new TrainingCancelled();
  };
  const baseFile = options.base ?? defaultBaseData();
  if (!baseFile) throw new Error('the built-in training data (CoNLL-2003 eng.train) is not on this machine; give it with --base FILE or $CORPUS_LENS_NER_TRAIN');
  const base = toDocuments(readConllItems(await fs.readFile(baseFile, 'utf8')));
  const baseTokens = base.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
  log(`built-in training data: ${base.length} documents, ${baseTokens} tokens (${baseFile})`);

  const { files, errors } = await collectArticleFiles([options.from]);
  problems.push(...errors);
  const root = (await findCorpusRoot(options.from)) ?? path.resolve(options.from);
  const corpus: Array<TrainingDocument & { tokens: number; names: number }> = [];
  let reviewed = 0;
  let partial = 0;
  let skipped = 0;
  for (const file of files) {
    check();
    const read = await readArticleFile(file);
    if (!read.ok) {
      problems.push(`skipped ${read.message}`);
      continue;
    }
    const sidecar = await readSidecar(root, file);
    if (!sidecar.ok) {
      problems.push(`ignored the sidecar ${sidecar.path}: ${sidecar.error}`);
      skipped++;
      continue;
    }
    const annotations = reanchorAnnotations(readAnnotations(sidecar.sidecar.annotations).annotations, read.text);
    const isReviewed = sidecar.sidecar.reviewed === true;
    const doc = articleTrainingDocument({ text: read.text, annotations, reviewed: isReviewed });
    if (!doc) {
      skipped++;
      continue;
    }
    corpus.push(doc);
    if (isReviewed) reviewed++;
    else partial++;
  }
  const corpusTokens = corpus.reduce((n, d) => n + d.tokens, 0);
  const names = corpus.reduce((n, d) => n + d.names, 0);
  const weight = options.weight ?? corpusWeight(corpusTokens, baseTokens);
  log(`corpus: ${reviewed} reviewed article(s), ${partial} with some annotations, ${skipped} teaching nothing; ${names} names, ${corpusTokens} tokens, each counted ${weight.toFixed(2)} times`);
  check();

  const epochs = options.epochs ?? 10;
  // The corpus's documents also teach the corpus's own copy of each feature (domain adaptation, see TrainingDocument).
  const docs: TrainingDocument[] = [...base, ...corpus.map(({ sentences }) => ({ sentences, weight, domain: CORPUS_DOMAIN }))];
  // The built-in model's word classes and name lists, so a corpus model keeps what they give news.
  const lexicon = loadRecognizer(modelPath()).lexicon;
  const { first, second } = trainStacked(docs, {
    epochs,
    minCount: 1,
    seed: 2003,
    lexicon,
    log: (m) => {
      check();
      log(m);
    },
  });
  check();
  const serialized: SerializedRecognizer = {
    format: 'corpus-lens/ner-stacked@2',
    trainedOn: `CoNLL-2003 eng.train + ${reviewed} reviewed and ${partial} partly annotated article(s) of ${path.basename(path.resolve(options.from))} (weight ${weight.toFixed(2)}); ${epochs} epochs`,
    // Text unlike the corpus's (news, …) is tagged with the weights learnt from all text …
    first: Tagger.serialize(first.rows, first.weights, first.gazetteer),
    second: Tagger.serialize(second.rows, second.weights, second.gazetteer),
    // Case statistics from news only: a corpus in capitals (headings, filings) must not teach that names are common words.
    lowercase: commonLowercaseWords(base),
    ...(lexicon ? { lexicon: lexicon.toJSON() } : {}),
    // … the corpus's text with those plus the corpus's own (tagging news with these costs it 10 points).
    ...(corpus.length
      ? {
          domain: {
            first: serializeFolded(first),
            second: serializeFolded(second),
            test: trainDomainTest(
              corpus.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word))),
              base.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word))),
            ),
          },
        }
      : {}),
  };
  await fs.mkdir(options.out, { recursive: true });
  const modelFile = path.join(options.out, MODEL_FILE);
  const seconds = (Date.now() - started) / 1000;
  // The model first, its description after: a folder with model.json always has its model.
  await writeAtomic(modelFile, gzipSync(JSON.stringify(serialized), { level: 9 }));
  const info = { format: MODEL_INFO_FORMAT, trainedOn: serialized.trainedOn, base: path.basename(baseFile), corpus: path.resolve(options.from), reviewed, partial, names, tokens: corpusTokens, weight, epochs, seconds: Math.round(seconds) };
  await writeAtomic(path.join(options.out, MODEL_INFO_FILE), JSON.stringify(info, null, 2) + '\n');
  return { modelFile, reviewed, partial, skipped, names, tokens: corpusTokens, weight, seconds, problems };
}

const CORPUS_DOMAIN = 'corpus';

function serializeFolded(trained: Parameters<typeof foldDomain>[0]) {
  const { rows, weights } = foldDomain(trained, domainSalt(CORPUS_DOMAIN));
  return Tagger.serialize(rows, weights, trained.gazetteer);
}

export class TrainingCancelled extends Error {
  constructor() {
    super('training cancelled');
  }
}

async function writeAtomic(file: string, content: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}
