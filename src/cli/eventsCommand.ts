/** `corpus-lens events FILE.jsonl`: one `{"id", "event"}` line per article. */
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, eventNames, type EventArticle } from '../core/events/cluster';
import { toEventArticle } from '../core/events/input';
import { loadBackgroundIdf } from '../node/models';
import { defineCommand } from './command';
import { readInputFile } from './io';

export const eventsCommand = defineCommand({
  name: 'events',
  synopsis: 'events FILE.jsonl [--threshold N]',
  summary: 'group articles (JSON lines with id and text) by\nthe news event they report: {"id", "event"} lines',
  options: {
    threshold: { type: 'string', valueName: 'N', number: { min: 0, max: 1 }, description: `similarity needed to join an event, 0 to 1 (default ${DEFAULT_CLUSTER_OPTIONS.threshold})` },
  },
  positionals: { min: 1, max: 1, name: 'JSON-lines file' },
  async run(cli, { values, positionals }) {
    const [file] = positionals;
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
    if (articles.length === 0) {
      cli.warn(`${file}: no articles to group (expected one JSON object with "id" and "text" per line)`);
      return 1;
    }
    const options = { ...DEFAULT_CLUSTER_OPTIONS, background: loadBackgroundIdf(), ...(values.threshold !== undefined ? { threshold: values.threshold } : {}) };
    const names = eventNames(articles, clusterArticles(articles, options));
    cli.out(articles.map((a, i) => JSON.stringify({ id: a.id, event: names[i] })).join('\n'));
    return 0;
  },
});
