/**
 * Event clustering in shards of time, for a corpus too large for one process: each window of
 * `windowDays` is clustered on its own, and a merge step joins the events that continue
 * across a window's edge.
 *
 * An event's coverage never goes quiet for longer than `maxGapDays`, so the only reports an
 * event can carry over an edge are those within that many days after it. Each shard is
 * therefore clustered with those reports of the next window as guests: an event that crosses
 * the edge holds a guest in one shard and the same article at home in the next, and the merge
 * joins the two through that article. Every article belongs to the event of its home shard.
 * Undated articles have no window; they form one shard of their own.
 *
 * Shard keys and shard-event ids depend only on the articles, never on the order they come
 * in or on which process clustered them, so the stages can run anywhere.
 */
import { clusterArticles, type ClusterOptions, type EventArticle } from './cluster';

export const UNDATED_SHARD = 'undated';

export interface ShardAssignment {
  /** The window's first day (ISO), or `undated`. */
  readonly shard: string;
  /** In this shard only to link an event across the window's end. */
  readonly guest: boolean;
  readonly article: EventArticle;
}

/** One event of one shard: its articles' ids, and which of them live in this shard. */
export interface ShardEvent {
  readonly shard: string;
  /** The smallest id among its home articles: stable whoever clusters the shard. */
  readonly id: string;
  readonly home: readonly string[];
  readonly guests: readonly string[];
}

const DAY_MS = 86_400_000;

function dayOf(date: string | null): number {
  if (!date) return NaN;
  const ms = Date.parse(date);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : NaN;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The shards each article goes to: its own window, and the previous one if it is near the edge. */
export function assignShards(articles: readonly EventArticle[], windowDays: number, maxGapDays: number): ShardAssignment[] {
  if (!(windowDays >= 1)) throw new RangeError(`a window must be at least one day (got ${windowDays})`);
  const out: ShardAssignment[] = [];
  for (const article of articles) {
    const day = dayOf(article.date);
    if (Number.isNaN(day)) {
      out.push({ shard: UNDATED_SHARD, guest: false, article });
      continue;
    }
    const start = Math.floor(day / windowDays) * windowDays;
    out.push({ shard: isoDay(start), guest: false, article });
    // Reports this close after the edge may continue an event of the window before.
    for (let edge = start, back = 1; day - edge <= maxGapDays; edge -= windowDays, back++) {
      out.push({ shard: isoDay(start - back * windowDays), guest: true, article });
    }
  }
  return out;
}

/** Clusters one shard's articles (home and guests) into its events. */
export function clusterShard(shard: string, assignments: readonly ShardAssignment[], options: ClusterOptions): ShardEvent[] {
  const members = assignments.filter((a) => a.shard === shard);
  const labels = clusterArticles(
    members.map((m) => m.article),
    options,
  );
  const groups = new Map<number, { home: string[]; guests: string[] }>();
  members.forEach((m, i) => {
    const g = groups.get(labels[i]) ?? { home: [], guests: [] };
    (m.guest ? g.guests : g.home).push(m.article.id);
    groups.set(labels[i], g);
  });
  const events: ShardEvent[] = [];
  for (const { home, guests } of groups.values()) {
    // An event of guests alone belongs to the next shard, which has them at home.
    if (home.length === 0) continue;
    home.sort();
    guests.sort();
    events.push({ shard, id: home[0], home, guests });
  }
  return events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Joins shard events that share an article (a guest in one, at home in the next): each
 * article's event, named by the smallest article id in the joined event.
 */
export function mergeShardEvents(events: readonly ShardEvent[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    // The smaller id is the root, so the name does not depend on the order of unions.
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const e of events) for (const id of e.home) if (!parent.has(id)) parent.set(id, id);
  for (const e of events) {
    for (const id of e.home) union(e.home[0], id);
  }
  for (const e of events) {
    for (const id of e.guests) if (parent.has(id)) union(e.home[0], id);
  }
  const out = new Map<string, string>();
  for (const id of parent.keys()) out.set(id, find(id));
  return out;
}

/** The whole sharded clustering in one process: an event label per article (the index of its event's first article). */
export function clusterInWindows(articles: readonly EventArticle[], windowDays: number, options: ClusterOptions): number[] {
  const assignments = assignShards(articles, windowDays, options.maxGapDays);
  const shards = [...new Set(assignments.map((a) => a.shard))].sort();
  const byShard = new Map<string, ShardAssignment[]>();
  for (const a of assignments) {
    const list = byShard.get(a.shard);
    if (list) list.push(a);
    else byShard.set(a.shard, [a]);
  }
  const events = shards.flatMap((s) => clusterShard(s, byShard.get(s)!, options));
  const eventOf = mergeShardEvents(events);
  const firstIndex = new Map<string, number>();
  return articles.map((a, i) => {
    const key = eventOf.get(a.id) ?? a.id;
    if (!firstIndex.has(key)) firstIndex.set(key, i);
    return firstIndex.get(key)!;
  });
}

