/** `corpus-lens export --format brat|jsonl|conll|w3c --out DIR [--conll-columns 2|4] [--base-uri URI] <folder|files…>`. */
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/formats';
import { EXPORT_FORMAT_DESCRIPTIONS, EXPORT_MANIFEST, writeExport } from '../node/exportFolder';
import { defineCommand, engineOptions } from './command';
import type { Cli } from './io';
import { loadArticles } from '../engine/loadArticles';
import { corpusEngineOnWorkers } from '../engine/pipeline';

export const exportCommand = defineCommand({
  name: 'export',
  synopsis: 'export --format brat|jsonl|conll|w3c --out DIR [--conll-columns 2|4] [--base-uri URI] [--reviewed-only] <folder|files…>',
  summary: `write entity and quote annotations in a\nstandard format, into a new or empty folder\n(or one it exported into before; it leaves ${EXPORT_MANIFEST})`,
  options: {
    format: { type: 'string', valueName: 'FORMAT', choices: EXPORT_FORMATS, required: true, description: `the format to write: ${EXPORT_FORMATS.map((f) => `${f} = ${EXPORT_FORMAT_DESCRIPTIONS[f]}`).join('; ')}` },
    out: { type: 'string', valueName: 'DIR', required: true, description: 'the folder to write into' },
    'conll-columns': { type: 'string', valueName: 'N', choices: ['2', '4'], description: 'CoNLL: token and tag (2, the default) or CoNLL-2003\'s token, POS, chunk, tag (4)' },
    force: { type: 'boolean', description: 'also write into a folder holding other files (input articles and links are still never written over)' },
    'base-uri': { type: 'string', valueName: 'URI', description: 'W3C: the URI article paths are resolved against (default: relative paths)' },
    'reviewed-only': { type: 'boolean', description: 'export only the articles marked reviewed (their annotations complete)' },
  },
  positionals: { min: 1, name: 'a folder or files' },
  workers: true,
  async run(cli, { values, positionals }) {
    return exportArticles(cli, values.format as ExportFormat, values.out!, positionals, { conllColumns: values['conll-columns'] === '4' ? 4 : 2, baseUri: values['base-uri'] ?? '', force: values.force === true, reviewedOnly: values['reviewed-only'] === true }, values);
  },
});

async function exportArticles(cli: Cli, format: ExportFormat, out: string, args: readonly string[], options: { conllColumns: 2 | 4; baseUri: string; force: boolean; reviewedOnly: boolean }, shared: object): Promise<number> {
  const all = await loadArticles(cli, args);
  if (all.length === 0) {
    cli.warn(`nothing exported: no article could be read (${out} was not created)`);
    return 1;
  }
  const loaded = options.reviewedOnly ? all.filter((l) => l.reviewed) : all;
  if (loaded.length === 0) {
    cli.warn(`nothing exported: none of the ${all.length} article(s) is marked reviewed (${out} was not created)`);
    return 1;
  }
  if (loaded.length < all.length) cli.warn(`exporting the ${loaded.length} reviewed article(s) of ${all.length}`);
  const { files, problems } = (await corpusEngineOnWorkers(loaded, cli, engineOptions(cli, shared))).exportFiles(format, options);
  problems.forEach((p) => cli.warn(p));
  // Never over an article, through a link, or into a folder of other files (src/node/exportFolder.ts).
  const result = await writeExport(out, files, { inputs: loaded.map((l) => l.file), force: options.force });
  if (!result.ok) {
    cli.warn(`nothing more exported: ${result.error}`);
    return 1;
  }
  const written = files.map((f) => f.path).filter((p) => !/\.(txt|conf)$/.test(p));
  cli.warn(`exported ${loaded.length} article(s) as ${format} to ${out}: ${written.slice(0, 5).join(', ')}${written.length > 5 ? ', …' : ''}`);
  return 0;
}
