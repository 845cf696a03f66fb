/** File-system adapters shared by the CLI and the extension: the only place that touches disk. */
import { promises as fs, constants as fsConstants } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeArticleBytes } from '../core/text';
import { emptySidecar, parseSidecar, serializeSidecar, sidecarPathFor, SIDECAR_FOLDER, type Sidecar } from '../core/sidecar';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export async function readArticleFile(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, message: `${file}: is a folder, not an article file` };
    if (stat.size > maxBytes) {
      return { ok: false, message: `${file}: is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit` };
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    return { ok: false, message: `${file}: ${describeFsError(e)}` };
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return { ok: false, message: `${file}: ${decoded.message}` };
  if (decoded.text.trim() === '') return { ok: false, message: `${file}: is empty` };
  return { ok: true, text: decoded.text };
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR' || (code === 'EEXIST' && /mkdir/.test((e as Error)?.message ?? ''))) return 'a file stands where a folder is needed';
  if (code === 'EOUTSIDE' || code === 'ELOCKED') return (e as Error).message;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EEXIST') return 'already exists';
  if (code === 'ELOOP') return 'is a symbolic link (not followed)';
  return (e as Error)?.message ?? String(e);
}

/**
 * Expands folders into the .txt files below them (sorted, skipping hidden folders and
 * node_modules); plain file arguments are kept as given, whatever their extension.
 */
export async function collectArticleFiles(args: readonly string[]): Promise<{ files: string[]; errors: string[]; folders: Array<string | null> }> {
  const files: string[] = [];
  const errors: string[] = [];
  /** For each file, the folder argument it was found under (null for a file given by name). */
  const folders: Array<string | null> = [];
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (e) {
      errors.push(`${arg}: ${describeFsError(e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walkFiles(arg, '.txt');
      if (found.length === 0) errors.push(`${arg}: no .txt article files in this folder`);
      for (const f of found) {
        files.push(f);
        folders.push(arg);
      }
    } else {
      files.push(arg);
      folders.push(null);
    }
  }
  return { files, errors, folders };
}

/** The files below `dir` whose names end with `suffix` (any case), sorted, skipping hidden folders and node_modules. */
export async function walkFiles(dir: string, suffix: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) for (const f of await walkFiles(full, suffix)) out.push(f);
    else if (e.isFile() && e.name.toLowerCase().endsWith(suffix)) out.push(full);
  }
  return out;
}

/**
 * The corpus root for a file or folder: the nearest folder at or above it holding a
 * `.corpus-lens` sidecar folder, never above the user's home folder and never a file-system
 * root (a stray `.corpus-lens` there must not capture every folder below it).
 */
export async function findCorpusRoot(fileOrFolder: string): Promise<string | null> {
  const start = path.resolve(fileOrFolder);
  let dir = start;
  try {
    if (!(await fs.stat(start)).isDirectory()) dir = path.dirname(start);
  } catch {
    dir = path.dirname(start);
  }
  const home = path.resolve(os.homedir());
  const underHome = isInside(home, dir);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    try {
      if ((await fs.stat(path.join(dir, SIDECAR_FOLDER))).isDirectory()) return dir;
    } catch {
      /* keep walking up */
    }
    if (underHome && dir === home) return null;
    dir = parent;
  }
}

/** Whether `inner` is `outer` or below it (by path, symbolic links not resolved). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A sidecar was read, and what was repaired in it (only in memory: the file is rewritten on the next save). */
export type SidecarRead = { ok: true; sidecar: Sidecar; exists: boolean; repaired?: string } | { ok: false; path: string; error: string };

export function relativeArticlePath(root: string, file: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}

/**
 * Where an article's sidecar is: decided by the article's own path alone (never by anything
 * written inside a sidecar), and always below the corpus root.
 */
export function sidecarLocation(root: string, file: string): { ok: true; rel: string; full: string } | { ok: false; error: string } {
  const rel = relativeArticlePath(root, file);
  if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return { ok: false, error: `${file} is not inside the corpus folder ${root}` };
  return { ok: true, rel, full: path.join(root, sidecarPathFor(rel)) };
}

export async function readSidecar(root: string, file: string): Promise<SidecarRead> {
  const where = sidecarLocation(root, file);
  if (!where.ok) return { ok: false, path: file, error: where.error };
  const { rel, full } = where;
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (e) {
    // ENOTDIR: a file stands where the sidecar's folder would be, so there is no sidecar yet
    // (writing one will fail and say so).
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: true, sidecar: emptySidecar(rel), exists: false };
    return { ok: false, path: full, error: describeFsError(e) };
  }
  const parsed = parseSidecar(text);
  if (!parsed.ok) return { ok: false, path: full, error: parsed.error };
  // A sidecar naming another file (the article was renamed outside the editor, or the file was
  // crafted) belongs to this article all the same: its "file" is corrected, never followed.
  if (parsed.sidecar.file !== rel) {
    return { ok: true, sidecar: { ...parsed.sidecar, file: rel }, exists: true, repaired: `${full}: "file" said "${parsed.sidecar.file}", corrected to "${rel}" (a sidecar belongs to the article at its own path)` };
  }
  return { ok: true, sidecar: parsed.sidecar, exists: true };
}

/**
 * Writes through a temporary file (created exclusively, so never through a planted link) and
 * a rename, so a crash never leaves half a file; the temporary file is removed on any failure.
 */
export async function writeFileAtomic(full: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    const handle = await fs.open(tmp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, full);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Creates `folder` (a sidecar's folder) unless a link would take it, or anything written in
 * it, outside the corpus root's sidecar folder: checked before creating and after.
 */
async function ensureSidecarFolder(root: string, folder: string): Promise<void> {
  const realRoot = await fs.realpath(root);
  const allowed = path.join(realRoot, SIDECAR_FOLDER);
  let existing = folder;
  for (;;) {
    const real = await fs.realpath(existing).catch(() => null);
    if (real !== null) {
      if (!isInside(allowed, real) && real !== realRoot) throw outside(folder, real);
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  await fs.mkdir(folder, { recursive: true });
  const real = await fs.realpath(folder);
  if (!isInside(allowed, real)) throw outside(folder, real);
}

function outside(folder: string, real: string): Error {
  return Object.assign(new Error(`${folder} leads outside the corpus (to ${real}); nothing was written`), { code: 'EOUTSIDE' });
}

/** Writes an article's sidecar at the place its path decides, its "file" field set to match. */
export async function writeSidecar(root: string, file: string, sidecar: Sidecar): Promise<string> {
  const where = sidecarLocation(root, file);
  if (!where.ok) throw Object.assign(new Error(where.error), { code: 'EOUTSIDE' });
  await ensureSidecarFolder(root, path.dirname(where.full));
  await writeFileAtomic(where.full, serializeSidecar({ ...sidecar, file: where.rel }));
  return where.full;
}

export type SidecarUpdate = { ok: true; path: string; sidecar: Sidecar; repaired?: string } | { ok: false; path: string; error: string; code?: string };

/**
 * Changes of one sidecar run one at a time, each reading what the previous one wrote, so
 * changes made at the same moment (annotations being saved while the user sets a date or
 * moves the article to another event) all land instead of the last write winning. Within a
 * process a queue orders them; across processes (two windows, the CLI and the editor) a lock
 * file beside the sidecar does.
 */
const sidecarTurns = new Map<string, Promise<void>>();

/** Runs `task` once every earlier task queued for the same sidecar has finished. */
export function inSidecarTurn<T>(root: string, file: string, task: () => Promise<T>): Promise<T> {
  const key = path.join(root, sidecarPathFor(relativeArticlePath(root, file)));
  const run = (sidecarTurns.get(key) ?? Promise.resolve()).then(task, task);
  const done = run.then(
    () => undefined,
    () => undefined,
  );
  sidecarTurns.set(key, done);
  void done.then(() => {
    if (sidecarTurns.get(key) === done) sidecarTurns.delete(key);
  });
  return run;
}

/** A lock older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 30_000;

/**
 * Runs `task` holding `<target>.lock`, created exclusively; other processes wait for it. A
 * lock left behind by a crashed process is taken over once it is clearly stale.
 */
export async function withFileLock<T>(target: string, task: () => Promise<T>): Promise<T> {
  const lock = `${target}.lock`;
  const token = `${process.pid} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lock, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644);
      try {
        await handle.writeFile(token, 'utf8');
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await fs.stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) {
        // Renamed away first, so two processes breaking it at once cannot both believe they hold it.
        const aside = `${lock}.${process.pid}.stale`;
        await fs.rename(lock, aside).then(
          () => fs.rm(aside, { force: true }),
          () => undefined,
        );
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw Object.assign(new Error(`${target} stayed locked by another program for ${LOCK_WAIT_MS / 1000} s (${lock}); delete the lock file if no other program is running`), { code: 'ELOCKED' });
      await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 2) * (0.5 + Math.random())));
    }
  }
  try {
    return await task();
  } finally {
    const holder = await fs.readFile(lock, 'utf8').catch(() => '');
    if (holder === token) await fs.rm(lock, { force: true }).catch(() => undefined);
  }
}

/**
 * Reads an article's sidecar, applies `update` and writes the result, in the sidecar's turn
 * and holding its lock, so no other process writes between the read and the write. A failure
 * (a damaged sidecar, a folder that cannot be written, a full disk) is returned, never thrown.
 */
export function updateSidecar(root: string, file: string, update: (current: Sidecar) => Sidecar): Promise<SidecarUpdate> {
  return inSidecarTurn(root, file, async (): Promise<SidecarUpdate> => {
    const where = sidecarLocation(root, file);
    if (!where.ok) return { ok: false, path: file, error: where.error, code: 'EOUTSIDE' };
    try {
      await ensureSidecarFolder(root, path.dirname(where.full));
      return await withFileLock(where.full, async (): Promise<SidecarUpdate> => {
        const current = await readSidecar(root, file);
        if (!current.ok) return current;
        const next = update(current.sidecar);
        return { ok: true, path: await writeSidecar(root, file, next), sidecar: { ...next, file: where.rel }, ...(current.repaired ? { repaired: current.repaired } : {}) };
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, path: where.full, error: describeFsError(e), ...(code ? { code } : {}) };
    }
  });
}
