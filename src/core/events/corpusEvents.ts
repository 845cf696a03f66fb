/**
 * The events of a corpus as the user sees them: automatic clusters, except where the
 * user pinned articles to an event of their own (rename, move, merge, split), each
 * labelled by its key names and date span.
 */
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type EventArticle } from './cluster';

export interface CorpusArticle extends EventArticle {
  /** The event the user pinned this article to, or null to let clustering decide. */
  readonly pinnedEvent: string | null;
  /** Names mentioned in the article: canonical name, mention count, entity type (from the entity layer). */
  readonly names: ReadonlyArray<readonly [string, number, string?]>;
}

export interface CorpusEvent {
  /** Stable key: "pinned:<label>" for user events, "auto:<first article id>" otherwise. */
  readonly key: string;
  readonly label: string;
  readonly pinned: boolean;
  readonly articles: readonly string[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "18–19 May 2017", "30 Apr – 2 May 2017", "18 May 2017"; null when no member is dated. */
export function dateSpan(first: string | null, last: string | null): string | null {
  if (!first || !last) return null;
  const [y1, m1, d1] = first.split('-').map(Number);
  const [y2, m2, d2] = last.split('-').map(Number);
  if (first === last) return `${d1} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2) return `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]} ${y1}`;
  return `${d1} ${MONTHS[m1 - 1]} ${y1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

/** People and organisations say more about an event than the countries it happens in. */
const TYPE_WEIGHT: Record<string, number> = { PER: 1.5, ORG: 1.3, MISC: 1.2, LOC: 0.7 };

/**
 * The names that characterise an event: carried by most of its articles, mentioned
 * often, rare in other events (an inverse event frequency), people and organisations first.
 */
export function keyNames(members: readonly CorpusArticle[], eventFrequency: ReadonlyMap<string, number> = new Map(), eventCount = 1, count = 3): string[] {
  const score = new Map<string, { articles: number; mentions: number; type?: string }>();
  for (const a of members) {
    for (const [name, n, type] of a.names) {
      const s = score.get(name) ?? { articles: 0, mentions: 0, type };
      s.articles++;
      s.mentions += n;
      score.set(name, s);
    }
  }
  const value = (name: string, s: { articles: number; mentions: number; type?: string }) =>
    (s.articles / members.length) *
    Math.log(1 + eventCount / (eventFrequency.get(name) ?? 1)) *
    (TYPE_WEIGHT[s.type ?? ''] ?? 1) *
    Math.log(1 + s.mentions / members.length);
  return [...score]
    .sort((a, b) => value(b[0], b[1]) - value(a[0], a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([n]) => n);
}

export function eventLabel(members: readonly CorpusArticle[], first: string | null, last: string | null, eventFrequency?: ReadonlyMap<string, number>, eventCount?: number): string {
  const names = keyNames(members, eventFrequency, eventCount);
  const head = names.length ? names.join(' · ') : (members.find((m) => m.title)?.title ?? members[0]?.id ?? 'Event');
  const span = dateSpan(first, last);
  return span ? `${head} — ${span}` : head;
}

function namesOfType(a: CorpusArticle, type: string): string[] {
  return a.names.filter((n) => n[2] === type).map((n) => n[0]).sort();
}

export function corpusEvents(articles: readonly CorpusArticle[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): CorpusEvent[] {
  // The entity layer's resolved people and places, so who and where count in the clustering.
  const free = articles.filter((a) => !a.pinnedEvent).map((a) => (a.people ? a : { ...a, people: namesOfType(a, 'PER'), places: namesOfType(a, 'LOC') }));
  const labels = clusterArticles(free, options);
  const groups = new Map<string, CorpusArticle[]>();
  free.forEach((a, i) => {
    const key = `auto:${labels[i]}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  });
  for (const a of articles) if (a.pinnedEvent) groups.set(`pinned:${a.pinnedEvent}`, [...(groups.get(`pinned:${a.pinnedEvent}`) ?? []), a]);
  // In how many events each name appears, for labels that tell events apart.
  const eventFrequency = new Map<string, number>();
  for (const members of groups.values()) for (const name of new Set(members.flatMap((m) => m.names.map((n) => n[0])))) eventFrequency.set(name, (eventFrequency.get(name) ?? 0) + 1);
  const events: CorpusEvent[] = [];
  for (const [key, members] of groups) {
    members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const dates = members.map((m) => m.date).filter((d): d is string => !!d).sort();
    const first = dates[0] ?? null;
    const last = dates[dates.length - 1] ?? null;
    const pinned = key.startsWith('pinned:');
    events.push({
      key: pinned ? key : `auto:${members[0].id}`,
      label: pinned ? key.slice('pinned:'.length) : eventLabel(members, first, last, eventFrequency, groups.size),
      pinned,
      articles: members.map((m) => m.id),
      firstDate: first,
      lastDate: last,
    });
  }
  // Newest first; undated events last; ties by label.
  return events.sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.label.localeCompare(b.label));
}
