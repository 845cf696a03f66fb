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
  /** The name and the date span: "Lee Hae-chan · Moon Jae-in — 18 May 2017". */
  readonly label: string;
  /** The label without its dates: the user's name for a pinned event. */
  readonly name: string;
  readonly pinned: boolean;
  readonly articles: readonly string[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** The topic this event shares with other events of its kind, when it does. */
  readonly topic?: { readonly key: string; readonly label: string };
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
  const head = eventName(members, eventFrequency, eventCount);
  const span = dateSpan(first, last);
  return span ? `${head} — ${span}` : head;
}

function eventName(members: readonly CorpusArticle[], eventFrequency?: ReadonlyMap<string, number>, eventCount?: number, leaveOut: ReadonlySet<string> = new Set()): string {
  const names = keyNames(members, eventFrequency, eventCount, 3 + leaveOut.size).filter((n) => !leaveOut.has(n)).slice(0, 3);
  return names.length ? names.join(' · ') : (members.find((m) => m.title)?.title ?? members[0]?.id ?? 'Event');
}

function namesOfType(a: CorpusArticle, type: string): string[] {
  return a.names.filter((n) => n[2] === type).map((n) => n[0]).sort();
}

/**
 * Topics hold events of one kind (two earthquakes, two arrests of one celebrity): the same
 * clustering with a year's silence allowed and the stricter event rules left out.
 */
export function topicOptions(options: ClusterOptions): ClusterOptions {
  // Silences of up to a year (not unbounded: candidate pairs stay near-linear).
  return { ...options, maxGapDays: 4 * options.maxGapDays, unknownTimeFactor: 1, disjointYearsFactor: 1, oneHeadlineWordFactor: 1, noCommonPersonFactor: 1 };
}

const byId = (a: CorpusArticle, b: CorpusArticle) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function corpusEvents(articles: readonly CorpusArticle[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): CorpusEvent[] {
  // The entity layer's resolved people and places, so who and where count in the clustering.
  const all = articles.map((a) => (a.people ? a : { ...a, people: namesOfType(a, 'PER'), places: namesOfType(a, 'LOC') }));
  // Pinned articles are clustered too: an article the user hands back to the clustering
  // then rejoins the event its neighbours were pinned to instead of standing alone.
  const labels = clusterArticles(all, options);
  const clusters = new Map<number, CorpusArticle[]>();
  all.forEach((a, i) => clusters.set(labels[i], [...(clusters.get(labels[i]) ?? []), a]));
  const groups = new Map<string, CorpusArticle[]>();
  const add = (key: string, a: CorpusArticle) => groups.set(key, [...(groups.get(key) ?? []), a]);
  for (const a of all) if (a.pinnedEvent) add(`pinned:${a.pinnedEvent}`, a);
  for (const members of clusters.values()) {
    const free = members.filter((m) => !m.pinnedEvent);
    if (!free.length) continue;
    const pins = new Map<string, number>();
    for (const m of members) if (m.pinnedEvent) pins.set(m.pinnedEvent, (pins.get(m.pinnedEvent) ?? 0) + 1);
    const [top] = [...pins].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    // Mostly the user's event: its free members go with it.
    if (top && top[1] > free.length) free.forEach((a) => add(`pinned:${top[0]}`, a));
    else free.forEach((a) => add(`auto:${free[0].id}`, a));
  }
  const topicOf = topics(all, groups, options);
  // In how many events each name appears, for labels that tell events apart.
  const eventFrequency = new Map<string, number>();
  for (const members of groups.values()) for (const name of new Set(members.flatMap((m) => m.names.map((n) => n[0])))) eventFrequency.set(name, (eventFrequency.get(name) ?? 0) + 1);
  const events: CorpusEvent[] = [];
  for (const [key, members] of groups) {
    members.sort(byId);
    const dates = members.map((m) => m.date).filter((d): d is string => !!d).sort();
    const first = dates[0] ?? null;
    const last = dates[dates.length - 1] ?? null;
    const pinned = key.startsWith('pinned:');
    const topic = topicOf.get(key);
    const name = pinned ? key.slice('pinned:'.length) : topic ? eventName(members, topic.frequency, topic.size, topic.names) : eventName(members, eventFrequency, groups.size);
    const span = dateSpan(first, last);
    events.push({
      key: pinned ? key : `auto:${members[0].id}`,
      label: span ? `${name} — ${span}` : name,
      name,
      pinned,
      articles: members.map((m) => m.id),
      firstDate: first,
      lastDate: last,
      ...(topic ? { topic: { key: topic.key, label: topic.label } } : {}),
    });
  }
  // Newest first; undated events last; ties by label.
  return events.sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.label.localeCompare(b.label));
}

interface TopicOfEvent {
  readonly key: string;
  readonly label: string;
  /** Names the topic's events share: left out of their own labels, which say what separates them. */
  readonly names: ReadonlySet<string>;
  readonly frequency: ReadonlyMap<string, number>;
  readonly size: number;
}

/** The topic of each event that shares its topic with other events (by event key). */
function topics(all: readonly CorpusArticle[], groups: ReadonlyMap<string, readonly CorpusArticle[]>, options: ClusterOptions): Map<string, TopicOfEvent> {
  const out = new Map<string, TopicOfEvent>();
  if (groups.size < 2) return out;
  const labels = clusterArticles(all, topicOptions(options));
  const labelOf = new Map(all.map((a, i) => [a.id, labels[i]]));
  // Each event belongs to the topic most of its articles are in (ties: the lower label).
  const byTopic = new Map<number, string[]>();
  for (const [key, members] of groups) {
    const votes = new Map<number, number>();
    for (const m of members) votes.set(labelOf.get(m.id)!, (votes.get(labelOf.get(m.id)!) ?? 0) + 1);
    const [topic] = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), key]);
  }
  for (const keys of byTopic.values()) {
    if (keys.length < 2) continue;
    const members = keys.flatMap((k) => groups.get(k)!);
    const frequency = new Map<string, number>();
    for (const k of keys) for (const name of new Set(groups.get(k)!.flatMap((m) => m.names.map((n) => n[0])))) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    // The topic's names: carried by every one of its events, most mentioned first.
    const shared = keyNames(members, new Map(), 1, 10).filter((n) => frequency.get(n) === keys.length).slice(0, 2);
    const first = [...members].sort(byId)[0];
    const label = shared.length ? shared.join(' · ') : (first.title || first.id);
    const topic = { key: `topic:${first.id}`, label, names: new Set(shared), frequency, size: keys.length };
    for (const k of keys) out.set(k, topic);
  }
  return out;
}
