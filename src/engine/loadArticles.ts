/** Reads the articles named on the command line (or a folder), with the user's sidecar metadata. */
import * as path from 'path';
import type { ArticleMetadata } from '../core/article';
import { readAnnotations, reanchorAnnotations, type UserAnnotation } from '../core/annotations/annotations';
import { collectArticleFiles, findCorpusRoot, readArticleFile, readSidecar } from '../node/files';

/** Where problems with the inputs are told (the CLI's stderr). */
export interface Reporter {
  warn(message: string): void;
}

export interface LoadedArticle {
  /** The path as the user gave it, or as found under a folder they gave. */
  readonly file: string;
  readonly text: string;
  readonly metadata: ArticleMetadata;
  /** The user's annotations from the sidecar (they override automatic results). */
  readonly annotations: readonly UserAnnotation[];
  /** The event the user put the article in (sidecar `event`), or null. */
  readonly event?: string | null;
  /** The user marked the article reviewed (sidecar `reviewed`): its annotations are complete. */
  readonly reviewed?: boolean;
}

/** Unreadable inputs are reported on stderr and skipped; the rest are still loaded. */
export async function loadArticles(cli: Reporter, args: readonly string[]): Promise<LoadedArticle[]> {
  const { files, errors, folders } = await collectArticleFiles(args);
  errors.forEach((e) => cli.warn(e));
  const loaded: LoadedArticle[] = [];
  const roots = new Map<string, Promise<string | null>>();
  // The corpus root: the folder given (or the nearest folder above it holding .corpus-lens/);
  // for a file given by name, the nearest such folder above the file.
  const rootOf = (start: string) => roots.get(start) ?? roots.set(start, findCorpusRoot(start)).get(start)!;
  for (const [i, file] of files.entries()) {
    const read = await readArticleFile(file);
    if (!read.ok) {
      cli.warn(`skipped ${read.message}`);
      continue;
    }
    const root = await rootOf(folders[i] ?? path.dirname(path.resolve(file)));
    loaded.push({ file, text: read.text, ...(await userData(cli, root, file, read.text)) });
  }
  return loaded;
}

async function userData(cli: Reporter, root: string | null, file: string, text: string): Promise<{ metadata: ArticleMetadata; annotations: UserAnnotation[]; event?: string | null; reviewed?: boolean }> {
  if (!root) return { metadata: {}, annotations: [] };
  const sidecar = await readSidecar(root, file);
  if (!sidecar.ok) {
    cli.warn(`ignored the sidecar ${sidecar.path}: ${sidecar.error} (the file was left untouched)`);
    return { metadata: {}, annotations: [] };
  }
  if (sidecar.repaired) cli.warn(sidecar.repaired);
  const { annotations, problems } = readAnnotations(sidecar.sidecar.annotations);
  for (const p of problems) cli.warn(`${file}: sidecar ${p}`);
  // Found again by their words, exactly as the editor does: the text may have changed since.
  const anchored = reanchorAnnotations(annotations, text);
  for (const a of anchored) {
    if (a.orphaned) cli.warn(`${file}: annotation ${a.id} ("${clip(a.anchor.exact, 40)}") lost its words (the text changed); kept in the sidecar, not applied`);
  }
  return { metadata: sidecar.sidecar.metadata, annotations: anchored.filter((a) => !a.orphaned), event: sidecar.sidecar.event, ...(sidecar.sidecar.reviewed ? { reviewed: true } : {}) };
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
