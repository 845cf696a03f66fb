/**
 * Teaching the recogniser from a corpus (`corpus-lens train --from CORPUS --out DIR` and the
 * extension's Teach command): the built-in model's two stacked taggers trained on from their
 * weights with what the corpus's articles teach (src/core/ner/corpusTraining.ts), used on the
 * corpus's kind of text, which a naive-Bayes test against the built-in training data (CoNLL-2003
 * train) tells; other text keeps the built-in model. Written as a model folder: `ner.json.gz`
 * (what `--model DIR` loads) and `model.json` (what it was trained on).
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { readAnnotations, reanchorAnnotations } from '../core/annotations/annotations';
import { readConllItems, toDocuments } from '../core/ner/conll';
import { articleTrainingDocument } from '../core/ner/corpusTraining';
import { trainDomainTest } from '../core/ner/domain';
import type { SerializedRecognizer } from '../core/ner/recognizer';
import { Tagger } from '../core/ner/tagger';
import { adaptStacked, type TrainingDocument } from '../core/ner/train';
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
  /** How much each mistake on a corpus token moves the weights (default `CORPUS_WEIGHT`). */
  readonly weight?: number;
  /** The order the corpus's sentences are shuffled in (default 2003). */
  readonly seed?: number;
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
 * How much each mistake on a corpus token moves the built-in model's weights (one news token's
 * mistake moved them by 1 in the built-in's training): enough for a few documents to correct
 * what the built-in gets wrong on their kind of text. Tuned on the SEC filings fin3 → fin5,
 * confirmed fin5 → fin3.
 */
export const CORPUS_WEIGHT = 3;

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
  const weight = options.weight ?? CORPUS_WEIGHT;
  log(`corpus: ${reviewed} reviewed article(s), ${partial} with some annotations, ${skipped} teaching nothing; ${names} names, ${corpusTokens} tokens, each mistake weighing ${weight.toFixed(2)}`);
  check();

  const builtInFile = modelPath();
  const builtIn = JSON.parse(gunzipSync(await fs.readFile(builtInFile)).toString('utf8')) as SerializedRecognizer;
  const epochs = options.epochs ?? 10;
  // The built-in model's word classes and name lists, so the corpus's taggers keep what they give.
  const lexicon = loadRecognizer(builtInFile).lexicon;
  const source = path.basename(path.resolve(options.from));
  let serialized: SerializedRecognizer = { ...builtIn, trainedOn: `${builtIn.trainedOn} (the built-in model; ${source} taught nothing)` };
  if (corpus.length) {
    const adapted = adaptStacked(
      corpus.map(({ sentences }) => ({ sentences, weight })),
      { first: Tagger.weightsOf(builtIn.first), second: Tagger.weightsOf(builtIn.second), names: builtIn.first.gazetteer },
      {
        epochs,
        minCount: 1,
        seed: options.seed ?? 2003,
        lexicon,
        log: (m) => {
          check();
          log(m);
        },
      },
    );
    check();
    serialized = {
      // Text unlike the corpus's (news, …) keeps the built-in model exactly: its taggers, case statistics and lexicon …
      ...builtIn,
      trainedOn: `${builtIn.trainedOn}, adapted to ${reviewed} reviewed and ${partial} partly annotated article(s) of ${source} (weight ${weight.toFixed(2)}; ${epochs} epochs)`,
      // … the corpus's text gets the built-in taggers trained on from there with the corpus.
      domain: {
        first: Tagger.serialize(adapted.first.rows, adapted.first.weights, adapted.first.gazetteer),
        second: Tagger.serialize(adapted.second.rows, adapted.second.weights, adapted.second.gazetteer),
        test: trainDomainTest(
          corpus.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word))),
          base.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word))),
        ),
      },
    };
  }
  await fs.mkdir(options.out, { recursive: true });
  const modelFile = path.join(options.out, MODEL_FILE);
  const seconds = (Date.now() - started) / 1000;
  // The model first, its description after: a folder with model.json always has its model.
  await writeAtomic(modelFile, gzipSync(JSON.stringify(serialized), { level: 9 }));
  const info = { format: MODEL_INFO_FORMAT, trainedOn: serialized.trainedOn, base: path.basename(baseFile), corpus: path.resolve(options.from), reviewed, partial, names, tokens: corpusTokens, weight, epochs, seconds: Math.round(seconds) };
  await writeAtomic(path.join(options.out, MODEL_INFO_FILE), JSON.stringify(info, null, 2) + '\n');
  return { modelFile, reviewed, partial, skipped, names, tokens: corpusTokens, weight, seconds, problems };
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
