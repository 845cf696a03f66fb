/**
 * `corpus-lens events FILE.jsonl|FOLDER`: one `{"id", "event"}` line per article. A folder is a
 * corpus: its `.txt` articles clustered by the engine with their sidecars' pins, named as the
 * Events view names them; JSON lines are clustered as they are, events named `event-N`.
 */
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, eventNames, type EventArticle } from '../core/events/cluster';
import { toEventArticle } from '../core/events/input';
import { loadBackgroundIdf } from '../node/models';
import { promises as fs } from 'fs';
import { loadArticles } from '../engine/loadArticles';
import { corpusEngine } from '../engine/pipeline';
import { defineCommand } from './command';
import { readInputFile, type Cli } from './io';

export const eventsCommand = defineCommand({
  name: 'events',
  synopsis: 'events FILE.jsonl|FOLDER [--threshold N]',
  summary: 'group articles (JSON lines with id and text, or a\ncorpus folder of .txt) by event: {"id", "event"} lines',
  options: {
    threshold: { type: 'string', valueName: 'N', number: { min: 0, max: 1 }, description: `similarity needed to join an event, 0 to 1 (default ${DEFAULT_CLUSTER_OPTIONS.threshold})` },
  },
  positionals: { min: 1, max: 1, name: 'JSON-lines file or corpus folder' },
  async run(cli, { values, positionals }) {
    const [file] = positionals;
    if (await isFolder(file)) return folderEvents(cli, file, values.threshold);
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

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A corpus folder's events, the Events view's: `{"id": FILE, "event": LABEL, "key": KEY}` per
 * article in path order; the label is the view's (names and dates, or the user's name for a
 * pinned event), the key is unique per event ("pinned:NAME" or "auto:FIRST-ARTICLE").
 */
async function folderEvents(cli: Cli, folder: string, threshold: number | undefined): Promise<number> {
  const loaded = await loadArticles(cli, [folder]);
  if (loaded.length === 0) {
    cli.warn(`${folder}: no articles to group`);
    return 1;
  }
  const engine = corpusEngine(loaded, cli);
  const { events, error } = engine.events(threshold ?? DEFAULT_CLUSTER_OPTIONS.threshold, DEFAULT_CLUSTER_OPTIONS.maxGapDays);
  if (error) {
    cli.warn(error);
    return 1;
  }
  const eventOf = new Map<string, { label: string; key: string }>();
  for (const e of events) for (const a of e.articles) eventOf.set(a, { label: e.label, key: e.key });
  cli.out(
    engine
      .articles()
      .map((a) => {
        const e = eventOf.get(a.uri);
        return JSON.stringify({ id: a.uri, event: e?.label ?? null, key: e?.key ?? null });
      })
      .join('\n'),
  );
  return 0;
}
