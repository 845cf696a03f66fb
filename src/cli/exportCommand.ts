/** `corpus-lens export --format brat|jsonl|conll|w3c --out DIR <folder|files…>`. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { toBrat, toConll, toJsonLine, toW3c, type ExportArticle } from '../core/export/formats';
import { defineCommand } from './command';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';
import { analyseCorpus } from './pipeline';

const FORMATS = ['brat', 'jsonl', 'conll', 'w3c'] as const;

export const exportCommand = defineCommand({
  name: 'export',
  synopsis: 'export --format brat|jsonl|conll|w3c --out DIR <folder|files…>',
  summary: 'write entity and quote annotations in a\nstandard format',
  options: {
    format: { type: 'string', valueName: 'FORMAT', choices: FORMATS, required: true, description: 'the format to write' },
    out: { type: 'string', valueName: 'DIR', required: true, description: 'the folder to write into' },
  },
  positionals: { min: 1, name: 'a folder or files' },
  async run(cli, { values, positionals }) {
    const format = values.format!;
    const out = values.out!;
    return exportArticles(cli, format, out, positionals);
  },
});

async function exportArticles(cli: Cli, format: string, out: string, args: readonly string[]): Promise<number> {
  const loaded = await loadArticles(cli, args);
  const corpus = analyseCorpus(loaded);
  const articles: ExportArticle[] = corpus.articles.map((_, k) => corpus.exportArticle(k));
  await fs.mkdir(out, { recursive: true });
  // Articles from different folders may share a name: later ones get a numbered suffix.
  const used = new Set<string>();
  const baseName = (file: string) => {
    const base = path.basename(file).replace(/\.[^.]*$/, '');
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
    used.add(name);
    return name;
  };
  const written: string[] = [];
  if (format === 'brat') {
    for (const a of articles) {
      const name = baseName(a.file);
      await fs.writeFile(path.join(out, `${name}.txt`), a.text, 'utf8');
      await fs.writeFile(path.join(out, `${name}.ann`), toBrat(a), 'utf8');
      written.push(`${name}.ann`);
    }
  } else if (format === 'jsonl') {
    await fs.writeFile(path.join(out, 'annotations.jsonl'), articles.map(toJsonLine).join('\n') + '\n', 'utf8');
    written.push('annotations.jsonl');
  } else if (format === 'conll') {
    await fs.writeFile(path.join(out, 'annotations.conll'), articles.map(toConll).join(''), 'utf8');
    written.push('annotations.conll');
  } else {
    const items = articles.flatMap((a) => toW3c(a, pathToFileURL(path.resolve(a.file)).href));
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } };
    await fs.writeFile(path.join(out, 'annotations.jsonld'), JSON.stringify(collection, null, 2) + '\n', 'utf8');
    written.push('annotations.jsonld');
  }
  process.stderr.write(`corpus-lens: exported ${articles.length} article(s) as ${format} to ${out}: ${written.slice(0, 5).join(', ')}${written.length > 5 ? ', …' : ''}\n`);
  return articles.length > 0 ? 0 : 1;
}
