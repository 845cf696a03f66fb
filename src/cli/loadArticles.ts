/** Reads the articles named on the command line, with the user's sidecar metadata. */
import type { ArticleMetadata } from '../core/article';
import { readAnnotations, type UserAnnotation } from '../core/annotations/annotations';
import { collectArticleFiles, findCorpusRoot, readArticleFile, readSidecar } from '../node/files';
import type { Cli } from './io';

export interface LoadedArticle {
  /** The path as the user gave it, or as found under a folder they gave. */
  readonly file: string;
  readonly text: string;
  readonly metadata: ArticleMetadata;
  /** The user's annotations from the sidecar (they override automatic results). */
  readonly annotations: readonly UserAnnotation[];
}

/** Unreadable inputs are reported on stderr and skipped; the rest are still loaded. */
export async function loadArticles(cli: Cli, args: readonly string[]): Promise<LoadedArticle[]> {
  const { files, errors } = await collectArticleFiles(args);
  errors.forEach((e) => cli.warn(e));
  const loaded: LoadedArticle[] = [];
  for (const file of files) {
    const read = await readArticleFile(file);
    if (!read.ok) {
      cli.warn(`skipped ${read.message}`);
      continue;
    }
    loaded.push({ file, text: read.text, ...(await userData(cli, file)) });
  }
  return loaded;
}

async function userData(cli: Cli, file: string): Promise<{ metadata: ArticleMetadata; annotations: UserAnnotation[] }> {
  const root = await findCorpusRoot(file);
  if (!root) return { metadata: {}, annotations: [] };
  const sidecar = await readSidecar(root, file);
  if (!sidecar.ok) {
    cli.warn(`ignored the sidecar ${sidecar.path}: ${sidecar.error} (the file was left untouched)`);
    return { metadata: {}, annotations: [] };
  }
  const { annotations, problems } = readAnnotations(sidecar.sidecar.annotations);
  for (const p of problems) cli.warn(`${file}: sidecar ${p}; skipped`);
  // Annotations whose words are gone (orphaned) are kept in the sidecar but not applied.
  return { metadata: sidecar.sidecar.metadata, annotations: annotations.filter((a) => !a.orphaned) };
}
