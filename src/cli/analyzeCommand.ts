/** `corpus-lens analyze`: a readable summary, or JSON, of each article's structure. */
import { parseArticle } from '../core/article';
import { articleToJson, boilerplateBreakdown, describeSource, type ArticleJson } from '../core/articleSummary';
import { findCredits } from '../core/credits';
import { corpusEngineOnWorkers } from '../engine/pipeline';
import { defineCommand, engineOptions } from './command';
import { loadArticles } from '../engine/loadArticles';

export const analyzeCommand = defineCommand({
  name: 'analyze',
  synopsis: 'analyze <folder|files…> [--json]',
  summary: 'article structure: title, outlet, date, dateline,\nparagraphs and boilerplate',
  options: { json: { type: 'boolean', description: 'print one JSON object {"articles": [...]} instead of a summary' } },
  positionals: { min: 1, name: 'a folder or files' },
  workers: true,
  async run(cli, { values, positionals }) {
    const loaded = await loadArticles(cli, positionals);
    // The engine's articles (cached on disk): the structure every other command and the editor read.
    const parsed = (await corpusEngineOnWorkers(loaded, cli, { ...engineOptions(cli, values), stages: 'article' }))
      .articles()
      .map((a) => ({ file: a.uri, text: a.text, article: a.article }));
    if (values.json) cli.out(JSON.stringify({ articles: parsed.map((p) => ({ ...articleToJson(p.file, p.article), credits: findCredits(p.text) })) }));
    else for (const p of parsed) cli.out(summarise(articleToJson(p.file, p.article), p.article));
    return loaded.length > 0 ? 0 : 1;
  },
});

function summarise(a: ArticleJson, article: ReturnType<typeof parseArticle>): string {
  const sentences = a.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const unknown = '(unknown)';
  const lines = [
    a.file,
    `  title       ${a.title ?? unknown}`,
    `  outlet      ${a.outlet ? `${a.outlet}  (${describeSource(article.outlet!.source)})` : unknown}`,
    `  date        ${a.date ? `${a.date}  (${describeSource(a.dateSource!)})` : unknown}`,
    `  dateline    ${a.dateline ?? '—'}`,
    `  body        ${a.paragraphs.length} paragraphs, ${sentences} sentences, ${article.bodyLength.toLocaleString('en')} characters`,
    `  boilerplate ${a.boilerplate.length ? `${a.boilerplate.length} line${a.boilerplate.length === 1 ? '' : 's'}: ${boilerplateBreakdown(article)}` : 'none found'}`,
  ];
  for (const b of a.boilerplate.slice(0, 12)) lines.push(`    ${String(b.line).padStart(4)}  ${b.kind.padEnd(13)} ${clip(b.text, 60)}`);
  if (a.boilerplate.length > 12) lines.push(`          … ${a.boilerplate.length - 12} more`);
  return lines.join('\n') + '\n';
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
