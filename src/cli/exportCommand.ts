/** `corpus-lens export --format brat|jsonl|conll|w3c --out DIR <folder|files…>`. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ExportArticle } from '../core/export/formats';
import { EXPORT_FORMAT_DESCRIPTIONS, EXPORT_FORMATS, EXPORT_MANIFEST, exportFiles, writeExport, type ExportFormat } from '../node/exportFolder';
import { defineCommand } from './command';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';
import { analyseCorpus } from './pipeline';

export const exportCommand = defineCommand({
  name: 'export',
  synopsis: 'export --format brat|jsonl|conll|w3c --out DIR <folder|files…>',
  summary: `write entity and quote annotations in a\nstandard format, into a new or empty folder\n(or one it exported into before; it leaves ${EXPORT_MANIFEST})`,
  options: {
    format: { type: 'string', valueName: 'FORMAT', choices: EXPORT_FORMATS, required: true, description: `the format to write: ${EXPORT_FORMATS.map((f) => `${f} = ${EXPORT_FORMAT_DESCRIPTIONS[f]}`).join('; ')}` },
    out: { type: 'string', valueName: 'DIR', required: true, description: 'the folder to write into' },
    force: { type: 'boolean', description: 'also write into a folder holding other files (input articles and links are still never written over)' },
  },
  positionals: { min: 1, name: 'a folder or files' },
  async run(cli, { values, positionals }) {
    return exportArticles(cli, values.format as ExportFormat, values.out!, positionals, values.force === true);
  },
});

async function exportArticles(cli: Cli, format: ExportFormat, out: string, args: readonly string[], force: boolean): Promise<number> {
  const loaded = await loadArticles(cli, args);
  if (loaded.length === 0) {
    cli.warn(`nothing exported: no article could be read (${out} was not created)`);
    return 1;
  }
  const corpus = analyseCorpus(loaded);
  const articles: ExportArticle[] = corpus.articles.map((_, k) => corpus.exportArticle(k));
  const files = exportFiles(format, articles, { path: (a) => a.file, jsonlFile: (a) => a.file, w3cSource: (a) => pathToFileURL(path.resolve(a.file)).href });
  const result = await writeExport(out, files, { inputs: loaded.map((l) => l.file), force });
  if (!result.ok) {
    cli.warn(`nothing more exported: ${result.error}`);
    return 1;
  }
  const written = result.written.filter((f) => format !== 'brat' || f.endsWith('.ann'));
  cli.warn(`exported ${articles.length} article(s) as ${format} to ${out}: ${written.slice(0, 5).join(', ')}${written.length > 5 ? ', …' : ''}`);
  return 0;
}
