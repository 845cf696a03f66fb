/**
 * What the extension exports to other extensions and to our integration tests:
 * read-only views of the corpus, so tests check real state instead of pixels.
 */
import * as vscode from 'vscode';
import type { BoilerplateDecorations } from './boilerplateDecorations';
import type { CorpusService } from './corpusService';

export interface CorpusLensApi {
  readonly activationMillis: number;
  whenIndexed(): Promise<void>;
  indexMillis(): number;
  articles(): Array<{ uri: string; status: string; title: string | null; outlet: string | null; date: string | null }>;
  boilerplateDecorations(uri: vscode.Uri): readonly vscode.Range[];
}

export function createTestApi(
  corpus: CorpusService,
  boilerplate: BoilerplateDecorations,
  indexed: Promise<void>,
  activationMillis: number,
): CorpusLensApi {
  return {
    activationMillis,
    whenIndexed: () => indexed,
    indexMillis: () => corpus.lastIndexMillis,
    articles: () =>
      corpus.all().map((s) => ({
        uri: s.uri.toString(),
        status: s.status,
        title: s.status === 'ok' ? s.article.title : null,
        outlet: s.status === 'ok' ? s.article.outlet : null,
        date: s.status === 'ok' ? s.article.date : null,
      })),
    boilerplateDecorations: (uri) => boilerplate.rangesFor(uri),
  };
}
