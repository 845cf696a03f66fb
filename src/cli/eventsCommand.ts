/** `corpus-lens events FILE.jsonl`: one `{"id", "event"}` line per article. */
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, eventNames, type EventArticle } from '../core/events/cluster';
import { toEventArticle } from '../core/events/input';
import { loadBackgroundIdf } from '../node/models';
import { takeOption } from './analyzeCommand';
import { readInputFile, type Cli } from './io';

export async function eventsCommand(cli: Cli, args: string[]): Promise<number> {
  const threshold = takeOption(args, '--threshold');
  if (args.length !== 1) return cli.usage('usage: corpus-lens events FILE.jsonl [--threshold N]');
  const [file] = args;
  const text = await readInputFile(cli, file);
  if (text === null) return 1;
  const articles: EventArticle[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      cli.warn(`${file}:${i + 1}: not valid JSON; line skipped`);
      return;
    }
    const article = record && typeof record === 'object' ? toEventArticle(record) : 'is not a JSON object';
    if (typeof article === 'string') cli.warn(`${file}:${i + 1}: ${article}; line skipped`);
    else {
      if (seen.has(article.id)) cli.warn(`${file}:${i + 1}: id "${article.id}" appears more than once; each line is still clustered and printed`);
      seen.add(article.id);
      articles.push(article);
    }
  });
  const options = { ...DEFAULT_CLUSTER_OPTIONS, background: loadBackgroundIdf(), ...(threshold ? { threshold: Number(threshold) } : {}) };
  const names = eventNames(articles, clusterArticles(articles, options));
  cli.out(articles.map((a, i) => JSON.stringify({ id: a.id, event: names[i] })).join('\n'));
  return articles.length > 0 ? 0 : 1;
}
