/**
 * `corpus-lens events FILE.jsonl|FOLDER`: one `{"id", "event"}` line per article. A folder is a
 * corpus: its `.txt` articles clustered by the engine with their sidecars' pins, named as the
 * Events view names them; JSON lines are clustered as they are, events named `event-N`.
 */
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, eventNames } from '../core/events/cluster';
import { loadBackgroundIdf } from '../node/models';
import { clusterInWindows } from '../core/events/shards';
import { promises as fs } from 'fs';
import { loadArticles } from '../engine/loadArticles';
import { corpusEngineOnWorkers } from '../engine/pipeline';
import { defineCommand, engineOptions } from './command';
import { readArticle, readJsonLines, runEventStage, type EventStage } from './eventStages';
import { readInputFile, readStdin, type Cli } from './io';

export const eventsCommand = defineCommand({
  name: 'events',
  synopsis: 'events FILE.jsonl|FOLDER [--threshold N] [--window DAYS]',
  summary: 'group articles (JSON lines with id and text, or a\ncorpus folder of .txt) by event: {"id", "event"} lines',
  options: {
    threshold: { type: 'string', valueName: 'N', number: { min: 0, max: 1 }, description: `similarity needed to join an event, 0 to 1 (default ${DEFAULT_CLUSTER_OPTIONS.threshold})` },
    window: { type: 'string', valueName: 'DAYS', number: { min: 1, max: 36500 }, description: 'cluster each window of DAYS days apart, joining events across edges' },
    stage: { type: 'string', valueName: 'STAGE', choices: ['shards', 'cluster', 'merge'], description: 'one stage, JSON lines on stdin: shards (needs --window), cluster, merge' },
  },
  positionals: { min: 0, max: 1, name: 'JSON-lines file or corpus folder' },
  workers: true,
  async run(cli, { values, positionals }) {
    const options = { ...DEFAULT_CLUSTER_OPTIONS, background: loadBackgroundIdf(), ...(values.threshold !== undefined ? { threshold: values.threshold } : {}) };
    if (values.window !== undefined && !Number.isInteger(values.window)) return cli.usage(`events: --window must be a whole number of days, not ${values.window}`);
    if (values.stage) {
      if (positionals.length) return cli.usage(`events: --stage ${values.stage} reads JSON lines on stdin, not files`);
      return runEventStage(cli, values.stage as EventStage, await readStdin(), options, values.window);
    }
    if (positionals.length === 0) return cli.usage('events: needs a JSON-lines file or a corpus folder\nusage: corpus-lens events FILE.jsonl|FOLDER [--threshold N] [--window DAYS] (corpus-lens events --help for more)');
    const [file] = positionals;
    if (await isFolder(file)) {
      if (values.window !== undefined) return cli.usage('events: --window clusters JSON lines; a corpus folder is clustered whole, as the Events view does');
      return folderEvents(cli, file, values.threshold, values);
    }
    const text = await readInputFile(cli, file);
    if (text === null) return 1;
    const seen = new Set<string>();
    const articles = readJsonLines(cli, file, text, (value, line) => {
      const article = readArticle(value);
      if (typeof article !== 'string') {
        if (seen.has(article.id)) cli.warn(`${file}:${line}: id "${article.id}" appears more than once; each line is still clustered and printed`);
        seen.add(article.id);
      }
      return article;
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
async function folderEvents(cli: Cli, folder: string, threshold: number | undefined, shared: object): Promise<number> {
  const loaded = await loadArticles(cli, [folder]);
  if (loaded.length === 0) {
    cli.warn(`${folder}: no articles to group`);
    return 1;
  }
  const engine = await corpusEngineOnWorkers(loaded, cli, engineOptions(cli, shared));
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
