/** `corpus-lens export --format brat|jsonl|conll|w3c --out DIR [--conll-columns 2|4] [--base-uri URI] <folder|files…>`. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { exportCorpus } from '../core/export/exportCorpus';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/formats';
import { loadBackgroundIdf } from '../node/models';
import { defineCommand } from './command';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';
import { analyseCorpus } from './pipeline';

export const exportCommand = defineCommand({
  name: 'export',
  synopsis: 'export --format brat|jsonl|conll|w3c --out DIR [--conll-columns 2|4] [--base-uri URI] <folder|files…>',
  summary: 'write entity and quote annotations in a\nstandard format',
  options: {
    format: { type: 'string', valueName: 'FORMAT', choices: EXPORT_FORMATS, required: true, description: 'the format to write' },
    out: { type: 'string', valueName: 'DIR', required: true, description: 'the folder to write into' },
    'conll-columns': { type: 'string', valueName: 'N', choices: ['2', '4'], description: 'CoNLL: token and tag (2, the default) or CoNLL-2003\'s token, POS, chunk, tag (4)' },
    'base-uri': { type: 'string', valueName: 'URI', description: 'W3C: the URI article paths are resolved against (default: relative paths)' },
  },
  positionals: { min: 1, name: 'a folder or files' },
  async run(cli, { values, positionals }) {
    return exportArticles(cli, values.format as ExportFormat, values.out!, positionals, { conllColumns: values['conll-columns'] === '4' ? 4 : 2, baseUri: values['base-uri'] ?? '' });
  },
});

async function exportArticles(cli: Cli, format: ExportFormat, out: string, args: readonly string[], options: { conllColumns: 2 | 4; baseUri: string }): Promise<number> {
  const loaded = await loadArticles(cli, args);
  const pins = new Map(loaded.map((l) => [l.file, l.event ?? null]));
  const { files, problems } = exportCorpus(format, analyseCorpus(loaded), { ...options, pinnedEvent: (id) => pins.get(id) ?? null, events: { background: loadBackgroundIdf() } });
  problems.forEach((p) => cli.warn(p));
  // Relative paths are kept, so an export into the corpus folder could land on an article.
  const sources = new Set(loaded.map((l) => path.resolve(l.file)));
  const clash = files.map((f) => path.resolve(out, f.path)).find((p) => sources.has(p));
  if (clash) {
    cli.warn(`not exported: ${clash} is one of the articles; choose an --out folder outside the corpus`);
    return 1;
  }
  for (const f of files) {
    const target = path.join(out, ...f.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.content, 'utf8');
  }
  const written = files.map((f) => f.path).filter((p) => !/\.(txt|conf)$/.test(p));
  process.stderr.write(`corpus-lens: exported ${loaded.length} article(s) as ${format} to ${out}: ${written.slice(0, 5).join(', ')}${written.length > 5 ? ', …' : ''}\n`);
  return loaded.length > 0 ? 0 : 1;
}
