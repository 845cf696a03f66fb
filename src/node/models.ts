/** Loads the committed entity model once, on first use. */
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

/** Each model file is read once per process, whichever file a caller names. */
const idfs = new Map<string, BackgroundIdf>();
const recognizers = new Map<string, Recognizer>();

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

export function loadRecognizer(file = modelPath()): Recognizer {
  const known = recognizers.get(file);
  if (known) return known;
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as SerializedRecognizer;
  const recognizer = Recognizer.deserialize(data);
  recognizers.set(file, recognizer);
  return recognizer;
}
