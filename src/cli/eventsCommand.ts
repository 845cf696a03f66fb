/** `corpus-lens events FILE.jsonl`: one `{"id", "event"}` line per article. */
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, eventNames, type EventArticle } from '../core/events/cluster';
import { toEventArticle } from '../core/events/input';
import { loadBackgroundIdf } from '../node/models';
import { clusterInWindows } from '../core/events/shards';
import { defineCommand } from './command';
import { runEventStage, type EventStage } from './eventStages';
import { readInputFile, readStdin } from './io';

export const eventsCommand = defineCommand({
  name: 'events',
  synopsis: 'events FILE.jsonl [--threshold N] [--window DAYS]',
  summary: 'group articles (JSON lines with id and text) by\nthe news event they report: {"id", "event"} lines',
  options: {
    threshold: { type: 'string', valueName: 'N', number: { min: 0, max: 1 }, description: `similarity needed to join an event, 0 to 1 (default ${DEFAULT_CLUSTER_OPTIONS.threshold})` },
    window: { type: 'string', valueName: 'DAYS', number: { min: 1, max: 36500 }, description: 'cluster each window of DAYS days apart, joining events across edges' },
    stage: { type: 'string', valueName: 'STAGE', choices: ['shards', 'cluster', 'merge'], description: 'one stage, JSON lines on stdin: shards (needs --window), cluster, merge' },
  },
  positionals: { min: 0, max: 1, name: 'JSON-lines file' },
  async run(cli, { values, positionals }) {
    const options = { ...DEFAULT_CLUSTER_OPTIONS, background: loadBackgroundIdf(), ...(values.threshold !== undefined ? { threshold: values.threshold } : {}) };
    if (values.window !== undefined && !Number.isInteger(values.window)) return cli.usage(`events: --window must be a whole number of days, not ${values.window}`);
    if (values.stage) {
      if (positionals.length) return cli.usage(`events: --stage ${values.stage} reads JSON lines on stdin, not files`);
      return runEventStage(cli, values.stage as EventStage, await readStdin(), options, values.window);
    }
    if (positionals.length === 0) return cli.usage('events: needs a JSON-lines file\nusage: corpus-lens events FILE.jsonl [--threshold N] [--window DAYS] (corpus-lens events --help for more)');
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
    const labels = values.window !== undefined ? clusterInWindows(articles, values.window, options) : clusterArticles(articles, options);
    const names = eventNames(articles, labels);
    cli.out(articles.map((a, i) => JSON.stringify({ id: a.id, event: names[i] })).join('\n'));
    return 0;
  },
});
