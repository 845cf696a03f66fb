/**
 * Writing an export without destroying anything: the CLI's `export` and the extension's
 * Export command both go through here.
 *
 * - Only into a new or empty folder, or one this exporter wrote before (it leaves a small
 *   manifest, `.corpus-lens-export.json`); anything else needs `force`.
 * - Never over an input article, even with `force`.
 * - Never through a link: every file is created exclusively and without following links;
 *   a file it wrote before is removed first, and a link found in its place is refused.
 * (The files' names and contents, relative paths kept, come from core/export/formats.ts.)
 */
import { promises as fs, constants as fsConstants } from 'fs';
import * as path from 'path';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '../core/export/formats';
import { describeFsError, isInside } from './files';

export { EXPORT_FORMATS, type ExportFormat };

/** What each format writes, for pickers and help texts. */
export const EXPORT_FORMAT_DESCRIPTIONS: Readonly<Record<ExportFormat, string>> = {
  brat: 'brat standoff: one .txt and one .ann per article (entities, quotes, speakers), with annotation.conf and visual.conf',
  jsonl: 'JSON lines: one record per article, doccano ≥ 1.6 form (entities and relations; quotes in their own key)',
  conll: 'CoNLL: one "token tag" line per token, IOB2 entity tags (two columns, or CoNLL-2003\'s four)',
  w3c: 'W3C Web Annotation: one JSON-LD collection (annotations.jsonld)',
};

export const EXPORT_MANIFEST = '.corpus-lens-export.json';
const MANIFEST_FORMAT = 'corpus-lens/export@1';

export type ExportWrite = { ok: true; written: string[] } | { ok: false; error: string };

interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly files: string[];
}

/**
 * Writes `files` into `out` under the rules above. `inputs` are the article files read for
 * the export (never written over). Nothing is created when the checks fail.
 */
export async function writeExport(out: string, files: readonly ExportFile[], options: { inputs: readonly string[]; force?: boolean }): Promise<ExportWrite> {
  const force = options.force === true;
  let manifest: Manifest | null = null;
  let exists = false;
  try {
    const stat = await fs.lstat(out);
    exists = true;
    if (stat.isSymbolicLink()) return { ok: false, error: `${out} is a symbolic link; give the folder itself` };
    if (!stat.isDirectory()) return { ok: false, error: `${out} exists and is not a folder` };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, error: `${out}: ${describeFsError(e)}` };
  }
  // Inputs are compared by their real paths, so no link or "../" makes an output one of them.
  const inputs = new Set<string>();
  for (const f of options.inputs) inputs.add(await fs.realpath(f).catch(() => path.resolve(f)));
  if (exists) {
    const realOut = await fs.realpath(out);
    const clash = files.map((f) => path.join(realOut, ...f.path.split('/'))).find((t) => inputs.has(t));
    if (clash) return { ok: false, error: `${clash} is one of the articles being exported; it is never written over (choose a folder outside the corpus)` };
    manifest = await readManifest(out);
    const entries = (await fs.readdir(out)).filter((n) => n !== EXPORT_MANIFEST);
    if (!manifest && entries.length > 0 && !force) {
      return { ok: false, error: `${out} already holds files that Corpus Lens did not export (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); choose a new or empty folder, or pass --force to write into it anyway` };
    }
  }
  const previously = new Set(manifest?.files ?? []);
  try {
    await fs.mkdir(out, { recursive: true });
    const realOut = await fs.realpath(out);
    for (const file of files) {
      const target = path.join(realOut, ...file.path.split('/'));
      if (!isInside(realOut, target) || file.path.split('/').includes('..')) return { ok: false, error: `${file.path} would be written outside ${out}` };
      if (inputs.has(target)) return { ok: false, error: `${target} is one of the articles being exported; it is never written over (choose another folder)` };
    }
    const written: string[] = [];
    for (const file of files) {
      const target = path.join(realOut, ...file.path.split('/'));
      await ensureFolderInside(realOut, path.dirname(target));
      const refusal = await clearTarget(target, file.path, previously.has(file.path) || force);
      if (refusal) return { ok: false, error: refusal };
      const handle = await fs.open(target, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0), 0o644);
      try {
        await handle.writeFile(file.content, 'utf8');
      } finally {
        await handle.close();
      }
      written.push(file.path);
    }
    const listed = [...new Set([...previously, ...written])].sort();
    await writeManifest(realOut, { format: MANIFEST_FORMAT, files: listed });
    return { ok: true, written };
  } catch (e) {
    return { ok: false, error: `${out}: ${describeFsError(e)}` };
  }
}

/** Removes what is at `target` if we may replace it; a reason when we may not. */
async function clearTarget(target: string, rel: string, mayReplace: boolean): Promise<string | null> {
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (stat.isSymbolicLink()) return `${rel} in the output folder is a symbolic link, which an export never creates; remove it first (it was not followed)`;
  if (!stat.isFile()) return `${rel} in the output folder is not a file`;
  if (!mayReplace) return `${rel} already exists in the output folder and was not exported by Corpus Lens; pass --force to replace it`;
  await fs.rm(target);
  return null;
}

/** Creates the folders of an output file one by one, refusing any that is a link. */
async function ensureFolderInside(realOut: string, folder: string): Promise<void> {
  const rel = path.relative(realOut, folder);
  let current = realOut;
  for (const part of rel ? rel.split(path.sep) : []) {
    current = path.join(current, part);
    try {
      const stat = await fs.lstat(current);
      if (stat.isSymbolicLink() || !stat.isDirectory()) throw Object.assign(new Error(`${current} is ${stat.isSymbolicLink() ? 'a symbolic link (not followed)' : 'not a folder'}`), { code: 'EOUTSIDE' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await fs.mkdir(current);
    }
  }
}

async function readManifest(out: string): Promise<Manifest | null> {
  try {
    const stat = await fs.lstat(path.join(out, EXPORT_MANIFEST));
    if (!stat.isFile()) return null;
    const raw = JSON.parse(await fs.readFile(path.join(out, EXPORT_MANIFEST), 'utf8')) as Partial<Manifest>;
    if (raw.format !== MANIFEST_FORMAT || !Array.isArray(raw.files) || !raw.files.every((f) => typeof f === 'string')) return null;
    return { format: MANIFEST_FORMAT, files: raw.files };
  } catch {
    return null;
  }
}

async function writeManifest(realOut: string, manifest: Manifest): Promise<void> {
  const target = path.join(realOut, EXPORT_MANIFEST);
  const refusal = await clearTarget(target, EXPORT_MANIFEST, true);
  if (refusal) throw Object.assign(new Error(refusal), { code: 'EOUTSIDE' });
  const handle = await fs.open(target, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0), 0o644);
  try {
    await handle.writeFile(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  } finally {
    await handle.close();
  }
}
