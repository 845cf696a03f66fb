/** Loads the committed entity model once, on first use. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { Recognizer, type SerializedRecognizer } from '../core/ner/recognizer';

let cached: Recognizer | undefined;

/** `models/` sits beside `dist/` in the repository and in the packaged extension. */
export function modelPath(): string {
  const candidates = [path.join(__dirname, '..', 'models', 'ner.json.gz'), path.join(__dirname, '..', '..', 'models', 'ner.json.gz')];
  for (const c of candidates) {
    try {
      readFileSync(c, { flag: 'r' }).length;
      return c;
    } catch {
      /* try the next */
    }
  }
  return candidates[0];
}

export function loadRecognizer(file = modelPath()): Recognizer {
  if (cached) return cached;
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as SerializedRecognizer;
  cached = Recognizer.deserialize(data);
  return cached;
}
