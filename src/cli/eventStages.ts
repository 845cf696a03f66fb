/**
 * `events --window DAYS` and its stages for an engine beyond one machine: `--stage shards`
 * (articles → the time shards they belong to), `--stage cluster` (shard lines → each shard's
 * events), `--stage merge` (shard events → each article's event). Grouping the shard lines by
 * `shard` between the first two stages is a `groupByKey` of the engine.
 */
import { eventNames, type ClusterOptions, type EventArticle } from '../core/events/cluster';
import { toEventArticle } from '../core/events/input';
import { assignShards, clusterShard, mergeShardEvents, type ShardAssignment, type ShardEvent } from '../core/events/shards';
import type { Cli } from './io';

export type EventStage = 'shards' | 'cluster' | 'merge';

/** Each non-empty line parsed as JSON, or a warning naming the line; `read` turns the value into a record or says what is wrong. */
export function readJsonLines<T>(cli: Cli, source: string, text: string, read: (value: unknown, line: number) => T | string): T[] {
  const out: T[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      cli.warn(`${source}:${i + 1}: not valid JSON; line skipped`);
      return;
    }
    const record = read(value, i + 1);
    if (typeof record === 'string') cli.warn(`${source}:${i + 1}: ${record}; line skipped`);
    else out.push(record);
  });
  return out;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readArticle(value: unknown): EventArticle | string {
  return value && typeof value === 'object' ? toEventArticle(value) : 'is not a JSON object';
}

function readAssignment(value: unknown): ShardAssignment | string {
  if (!value || typeof value !== 'object') return 'is not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.shard !== 'string') return 'has no "shard" (expected the output of --stage shards)';
  const article = readArticle(v.article);
  if (typeof article === 'string') return `"article" ${article}`;
  return { shard: v.shard, guest: v.guest === true, article };
}

function readShardEvent(value: unknown): ShardEvent | string {
  if (!value || typeof value !== 'object') return 'is not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.shard !== 'string' || typeof v.id !== 'string' || !isStringList(v.home) || !isStringList(v.guests) || v.home.length === 0) {
    return 'is not a shard event (expected {"shard", "id", "home", "guests"} from --stage cluster)';
  }
  return { shard: v.shard, id: v.id, home: v.home, guests: v.guests };
}

/** Prints each article's event, named `event-N` in the order of each event's smallest article id (as `events` names them). */
export function printEvents(cli: Cli, ids: readonly string[], eventOf: (id: string) => string): void {
  const articles = ids.map((id) => ({ id, title: '', body: '', date: null }));
  const keys = new Map<string, number>();
  const labels = ids.map((id) => {
    const key = eventOf(id);
    if (!keys.has(key)) keys.set(key, keys.size);
    return keys.get(key)!;
  });
  const names = eventNames(articles, labels);
  cli.out(ids.map((id, i) => JSON.stringify({ id, event: names[i] })).join('\n'));
}

/** Runs one stage on its standard input; exit 0 when something was read (or nothing was wrong). */
export function runEventStage(cli: Cli, stage: EventStage, input: string, options: ClusterOptions, windowDays: number | undefined): number {
  if (stage === 'shards') {
    if (windowDays === undefined) return cli.usage('events: --stage shards needs --window DAYS');
    // Each line carries the article's own record on, so the next stage reads what this one read.
    const records = readJsonLines(cli, 'stdin', input, (value) => {
      const article = readArticle(value);
      return typeof article === 'string' ? article : { article, value };
    });
    const recordOf = new Map(records.map((r) => [r.article, r.value]));
    // Later stages join articles by id, so an id must name one article.
    const seen = new Set<string>();
    const articles = records
      .map((r) => r.article)
      .filter((a) => {
        if (!seen.has(a.id)) return seen.add(a.id);
        cli.warn(`stdin: id "${a.id}" appears more than once; the stages join articles by id, so only its first line is kept`);
        return false;
      });
    const lines = assignShards(articles, windowDays, options.maxGapDays).map((a) => JSON.stringify({ shard: a.shard, guest: a.guest, article: recordOf.get(a.article) }));
    if (lines.length) cli.out(lines.join('\n'));
    return articles.length > 0 || !input.trim() ? 0 : 1;
  }
  if (stage === 'cluster') {
    const assignments = readJsonLines(cli, 'stdin', input, readAssignment);
    const byShard = new Map<string, ShardAssignment[]>();
    for (const a of assignments) {
      const list = byShard.get(a.shard);
      if (list) list.push(a);
      else byShard.set(a.shard, [a]);
    }
    const lines = [...byShard.keys()].sort().flatMap((s) => clusterShard(s, byShard.get(s)!, options).map((e) => JSON.stringify(e)));
    if (lines.length) cli.out(lines.join('\n'));
    return assignments.length > 0 || !input.trim() ? 0 : 1;
  }
  const events = readJsonLines(cli, 'stdin', input, readShardEvent);
  const eventOf = mergeShardEvents(events);
  const ids = [...eventOf.keys()].sort();
  if (ids.length) printEvents(cli, ids, (id) => eventOf.get(id)!);
  return events.length > 0 || !input.trim() ? 0 : 1;
}
