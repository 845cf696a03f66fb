/** File-system adapters shared by the CLI and the extension: the only place that touches disk. */
import { promises as fs, constants as fsConstants } from 'fs';
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
  return (e as Error)?.message ?? String(e);
}

/**
 * Expands folders into the .txt files below them (sorted, skipping hidden folders and
 * node_modules); plain file arguments are kept as given, whatever their extension.
 */
export async function collectArticleFiles(args: readonly string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (e) {
      errors.push(`${arg}: ${describeFsError(e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walkTextFiles(arg);
      if (found.length === 0) errors.push(`${arg}: no .txt article files in this folder`);
      for (const f of found) files.push(f);
    } else files.push(arg);
  }
  return { files, errors };
}

async function walkTextFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) for (const f of await walkTextFiles(full)) out.push(f);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.txt')) out.push(full);
  }
  return out;
}

/** The nearest folder at or above `file` holding a `.corpus-lens` sidecar folder. */
export async function findCorpusRoot(file: string): Promise<string | null> {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    try {
      if ((await fs.stat(path.join(dir, SIDECAR_FOLDER))).isDirectory()) return dir;
    } catch {
      /* keep walking up */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export type SidecarRead = { ok: true; sidecar: Sidecar; exists: boolean } | { ok: false; path: string; error: string };

export function relativeArticlePath(root: string, file: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}

export async function readSidecar(root: string, file: string): Promise<SidecarRead> {
  const rel = relativeArticlePath(root, file);
  const full = path.join(root, sidecarPathFor(rel));
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, sidecar: emptySidecar(rel), exists: false };
    return { ok: false, path: full, error: describeFsError(e) };
  }
  const parsed = parseSidecar(text);
  return parsed.ok ? { ok: true, sidecar: parsed.sidecar, exists: true } : { ok: false, path: full, error: parsed.error };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a sidecar. */
export async function writeFileAtomic(full: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  const handle = await fs.open(tmp, fsConstants.O_CREAT | fsConstants.O_WRONLY | fsConstants.O_TRUNC, 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, full);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export async function writeSidecar(root: string, sidecar: Sidecar): Promise<string> {
  const full = path.join(root, sidecarPathFor(sidecar.file));
  await writeFileAtomic(full, serializeSidecar(sidecar));
  return full;
}

export type SidecarUpdate = { ok: true; path: string } | { ok: false; path: string; error: string };

/**
 * Changes of one sidecar run one at a time, each reading what the previous one wrote, so
 * changes made at the same moment (annotations being saved while the user sets a date or
 * moves the article to another event) all land instead of the last write winning.
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

/** Reads an article's sidecar, applies `update` and writes the result, in the sidecar's turn. */
export function updateSidecar(root: string, file: string, update: (current: Sidecar) => Sidecar): Promise<SidecarUpdate> {
  return inSidecarTurn(root, file, async () => {
    const current = await readSidecar(root, file);
    if (!current.ok) return current;
    return { ok: true as const, path: await writeSidecar(root, update(current.sidecar)) };
  });
}
