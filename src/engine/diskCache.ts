/**
 * The engine's on-disk cache of per-article results (an article's structure, its recognised
 * mentions), so a second run over an unchanged corpus analyses nothing again and a changed
 * article is analysed alone. The CLI keeps it in `$XDG_CACHE_HOME/corpus-lens` (default
 * `~/.cache/corpus-lens`), the extension in its workspace storage.
 *
 * - Keyed by content and analyser: each result file is named by two independent hashes of the
 *   text and metadata (and the text's length) and the result's stage and version, below a
 *   folder named by the analyser version: the code running (the bundle's own bytes), the
 *   entity model's bytes and this format. Another build or another `--model` never reads
 *   these results.
 * - Never trusted blindly: a file that cannot be read, is not JSON, or names another text or
 *   stage is ignored (and rewritten by the fresh result).
 * - Writes are atomic (a temporary file renamed into place), so a crash or a second process
 *   leaves a whole file or none; a cache that cannot be written is reported once and then left
 *   alone: the analysis goes on without it.
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ResultStore } from '../core/corpusIndex';
import type { LayerStore } from './analysisEngine';
import { modelId } from '../node/models';

export const CACHE_FORMAT = 'corpus-lens/cache@1';

/** `$XDG_CACHE_HOME/corpus-lens`, else `~/.cache/corpus-lens` (XDG: a relative value is ignored). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'corpus-lens');
}

/**
 * The files of the code that computes the results: the bundle this module is built into (the
 * CLI's or the worker's), or, run from the sources (tests, ts-node), every source file of `src/`.
 */
export function analyserCode(): string[] {
  if (!/\.ts$/.test(__filename)) return [__filename];
  const src = path.join(__dirname, '..');
  return fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(src, f));
}

/**
 * The analyser's version: a hash of the code that computes the results, of the entity model
 * (its id: a hash of its bytes, `modelId()`), and of the cache format. Any change to one of
 * them is a new version, read from a new folder.
 */
export function analyserVersion(model: string, codeFiles: readonly string[] = analyserCode()): string {
  const h = createHash('sha256');
  h.update(CACHE_FORMAT);
  h.update(`\u0000model\u0000${model}`);
  for (const f of codeFiles) {
    h.update(`\u0000${path.basename(f)}\u0000`);
    try {
      h.update(fs.readFileSync(f));
    } catch {
      h.update('(missing)');
    }
  }
  return h.digest('hex').slice(0, 20);
}

export interface DiskCacheOptions {
  /** The cache folder (its versions are folders below it). */
  readonly dir: string;
  /** What `analyserVersion` gives for the code and model in use. */
  readonly version: string;
  /** Told once when the cache cannot be written (read-only folder, full disk). */
  readonly onProblem?: (message: string) => void;
}

/** The cache in `dir` for the code running and the entity model in use (`--model`, the corpus's, or the built-in one). */
export function openCache(dir: string, onProblem?: (message: string) => void, model = modelId()): DiskCache {
  return new DiskCache({ dir, version: analyserVersion(model), onProblem });
}

export class DiskCache implements ResultStore, LayerStore {
  /** The folder of this analyser version's results. */
  readonly root: string;
  private readonly made = new Set<string>();
  private writable = true;

  constructor(private readonly options: DiskCacheOptions) {
    this.root = path.join(options.dir, options.version);
  }

  load(id: string, key: string): unknown {
    return this.read(this.fileOf(id, key), id, key);
  }

  has(id: string, key: string): boolean {
    return fs.existsSync(this.fileOf(id, key));
  }

  /**
   * The corpus-wide result `name` (entities, events, shared passages) for the state of the
   * corpus `key` names. One per name is kept, in a file named by its key: another state of the
   * corpus (an article changed) finds no file, and its own result replaces this one.
   */
  loadLayer(name: string, key: string): unknown {
    const file = this.layerFileOf(name, key);
    if (!fs.existsSync(file)) return undefined;
    return this.read(file, name, key);
  }

  saveLayer(name: string, key: string, value: unknown): void {
    const file = this.layerFileOf(name, key);
    if (!this.write(file, name, key, value)) return;
    const folder = path.dirname(file);
    const prefix = `${safeName(name)}.`;
    try {
      for (const f of fs.readdirSync(folder)) if (f.startsWith(prefix) && f.endsWith('.json') && path.join(folder, f) !== file) fs.rmSync(path.join(folder, f), { force: true });
    } catch {
      // An older state left behind costs disk, never a wrong answer: it is read only by its key.
    }
  }

  private layerFileOf(name: string, key: string): string {
    return path.join(this.root, 'layers', `${safeName(name)}.${safeName(key)}.json`);
  }

  save(id: string, key: string, value: unknown): void {
    this.write(this.fileOf(id, key), id, key, value);
  }

  /** A record's value if the file holds one for `id` and `key`, else undefined. */
  private read(file: string, id: string, key: string): unknown {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const record = JSON.parse(raw) as { format?: unknown; id?: unknown; key?: unknown; value?: unknown };
      if (record && record.format === CACHE_FORMAT && record.id === id && record.key === key && record.value !== undefined && record.value !== null) return record.value;
    } catch {
      // A partial or damaged file: analysed again, and rewritten.
    }
    return undefined;
  }

  /** Writes a record atomically; false (and the cache left alone from then on) when it cannot. */
  private write(file: string, id: string, key: string, value: unknown): boolean {
    if (!this.writable) return false;
    let json: string;
    try {
      json = JSON.stringify({ format: CACHE_FORMAT, id, key, value });
    } catch {
      // Too large for one string (a corpus-wide result of a huge corpus): not kept, the cache is still written.
      return false;
    }
    const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      const folder = path.dirname(file);
      if (!this.made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      fs.writeFileSync(tmp, json);
      fs.renameSync(tmp, file);
      return true;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean
      }
      this.writable = false;
      this.options.onProblem?.(`the cache in ${this.options.dir} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); analysing without it`);
      return false;
    }
  }

  private fileOf(id: string, key: string): string {
    const safeId = id.replace(/[^\w-]/g, '_');
    return path.join(this.root, safeId.slice(0, 2), `${safeId}.${key.replace(/[^\w@.-]/g, '_')}.json`);
  }
}

/** A name or key as a part of a file name. */
function safeName(s: string): string {
  return s.replace(/[^\w@-]/g, '_');
}
