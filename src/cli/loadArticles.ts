/** Reads the articles named on the command line, with the user's sidecar metadata. */
import type { ArticleMetadata } from '../core/article';
import { collectArticleFiles, findCorpusRoot, readArticleFile, readSidecar } from '../node/files';
import type { Cli } from './io';

export interface LoadedArticle {
  /** The path as the user gave it, or as found under a folder they gave. */
  readonly file: string;
  readonly text: string;
  readonly metadata: ArticleMetadata;
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
    loaded.push({ file, text: read.text, metadata: await userMetadata(cli, file) });
  }
  return loaded;
}

async function userMetadata(cli: Cli, file: string): Promise<ArticleMetadata> {
  const root = await findCorpusRoot(file);
  if (!root) return {};
  const sidecar = await readSidecar(root, file);
  if (sidecar.ok) return sidecar.sidecar.metadata;
  cli.warn(`ignored the sidecar ${sidecar.path}: ${sidecar.error} (the file was left untouched)`);
  return {};
}
