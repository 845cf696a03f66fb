/** Loads the committed entity model once, on first use (or a corpus's own model, by folder). */
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import type { BackgroundIdf } from '../core/events/cluster';
import { Recognizer, type SerializedRecognizer } from '../core/ner/recognizer';

/** `models/` sits beside `dist/` in the repository and in the packaged extension. */
export function modelPath(): string {
  const candidates = [path.join(__dirname, '..', 'models', 'ner.json.gz'), path.join(__dirname, '..', '..', 'models', 'ner.json.gz')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

/** Each IDF file is read once per process, whichever file a caller names. */
const idfs = new Map<string, BackgroundIdf>();

/** Background document frequencies for event clustering (models/idf.json.gz). */
export function loadBackgroundIdf(file = modelPath().replace(/ner\.json\.gz$/, 'idf.json.gz')): BackgroundIdf {
  const known = idfs.get(file);
  if (known) return known;
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { format: string; documents: number; df: Record<string, number> };
  if (data.format !== 'corpus-lens/idf@1') throw new Error(`unknown IDF format ${data.format}`);
  const idf = { documents: data.documents, df: new Map(Object.entries(data.df)) };
  idfs.set(file, idf);
  return idf;
}

/** The model file inside a model folder (what `corpus-lens train --out DIR` writes). */
export const MODEL_FILE = 'ner.json.gz';
/** Where a corpus keeps its own model, relative to the corpus root. */
export const CORPUS_MODEL_FOLDER = '.corpus-lens/model';

/** The model `loadRecognizer()` loads when given no file: the built-in one unless `useModel` chose another. */
let selected: string | undefined;

/**
 * Makes `loadRecognizer()` load the model in `dir` (a folder `train --out` wrote, or the model
 * file itself); undefined goes back to the built-in model. Throws, naming the problem, when
 * the folder holds no readable model.
 */
export function useModel(dir: string | undefined): void {
  if (dir === undefined) {
    selected = undefined;
    return;
  }
  const file = modelFileIn(dir);
  loadRecognizer(file); // fails here, with the reason, rather than in the middle of a command
  selected = file;
}

/** The model file `useModel` chose, or undefined for the built-in model (what a worker thread is told to load). */
export function selectedModelFile(): string | undefined {
  return selected;
}

export function modelFileIn(dir: string): string {
  const direct = !existsSync(path.join(dir, MODEL_FILE)) && /\.json\.gz$/.test(dir);
  const file = direct ? dir : path.join(dir, MODEL_FILE);
  if (!existsSync(file)) throw new Error(`${dir}: no entity model here (expected ${MODEL_FILE}, as corpus-lens train --out writes)`);
  return file;
}

const byFile = new Map<string, { recognizer: Recognizer; id: string }>();

function load(file: string): { recognizer: Recognizer; id: string } {
  const known = byFile.get(file);
  if (known) return known;
  const bytes = readFileSync(file);
  let data: SerializedRecognizer;
  try {
    data = JSON.parse(gunzipSync(bytes).toString('utf8')) as SerializedRecognizer;
  } catch (e) {
    throw new Error(`${file}: not an entity model (${(e as Error).message})`);
  }
  const entry = { recognizer: Recognizer.deserialize(data), id: idOfBytes(bytes) };
  byFile.set(file, entry);
  return entry;
}

export function loadRecognizer(file?: string): Recognizer {
  return load(file ?? selected ?? modelPath()).recognizer;
}

/**
 * The identity of the model in use (or of `file`): a hash of its bytes, so caches keyed on
 * it never mix results of two models. The built-in model's id is its file's hash too. A model
 * not loaded yet is not loaded to be named: a warm start whose every result comes from the
 * cache would pay 1.5 s and 85 MB for a model it never uses.
 */
export function modelId(file?: string): string {
  const chosen = file ?? selected ?? modelPath();
  return byFile.get(chosen)?.id ?? idOfBytes(readFileSync(chosen));
}

function idOfBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
