/** Loads the committed entity model once, on first use. */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import type { BackgroundIdf } from '../core/events/cluster';
import { Recognizer, type SerializedRecognizer } from '../core/ner/recognizer';

let cached: Recognizer | undefined;

/** `models/` sits beside `dist/` in the repository and in the packaged extension. */
export function modelPath(): string {
  const candidates = [path.join(__dirname, '..', 'models', 'ner.json.gz'), path.join(__dirname, '..', '..', 'models', 'ner.json.gz')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

let cachedIdf: BackgroundIdf | undefined;

/** Background document frequencies for event clustering (models/idf.json.gz). */
export function loadBackgroundIdf(file = modelPath().replace(/ner\.json\.gz$/, 'idf.json.gz')): BackgroundIdf {
  if (cachedIdf) return cachedIdf;
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { format: string; documents: number; df: Record<string, number> };
  if (data.format !== 'corpus-lens/idf@1') throw new Error(`unknown IDF format ${data.format}`);
  cachedIdf = { documents: data.documents, df: new Map(Object.entries(data.df)) };
  return cachedIdf;
}

export function loadRecognizer(file = modelPath()): Recognizer {
  if (cached) return cached;
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as SerializedRecognizer;
  cached = Recognizer.deserialize(data);
  return cached;
}
