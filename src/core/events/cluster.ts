/**
 * Grouping articles into the events they report. Articles become TF-IDF vectors;
 * candidate pairs come from an inverted index over each article's strongest terms
 * (so cost grows near-linearly, not with all pairs); pair similarity is cosine scaled
 * by how far apart the articles' dates are; clusters form by average linkage.
 */
import { DEFAULT_TERM_OPTIONS, termIdCounts, titleWords, type TermOptions } from './terms';
import { intersects, textTime, type TextTime } from './time';

export interface EventArticle {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** ISO day, or null when unknown. */
  readonly date: string | null;
  /** The people the article names, as resolved entities (canonical names); absent when unknown. */
  readonly people?: readonly string[];
  /** The places it names, likewise. */
  readonly places?: readonly string[];
}

/** Document frequencies from a reference corpus, so IDF means something in a small corpus. */
export interface BackgroundIdf {
  readonly documents: number;
  readonly df: ReadonlyMap<string, number>;
}

export interface ClusterOptions extends TermOptions {
  readonly background?: BackgroundIdf;
  /** Average similarity two groups need to merge. */
  readonly threshold: number;
  /** An article left alone joins the event it is most similar to on average if at least this. */
  readonly attachThreshold: number;
  /**
   * Coverage of one event never goes quiet for longer than this: between two consecutive
   * dated reports of an event there are at most this many days (undated ones never block
   * a merge). A story followed up for months stays one event; the same leaders meeting
   * again after a silence are a new one.
   */
  readonly maxGapDays: number;
  /**
   * Reports of one event share a word in their headlines ("indicts", "Falcon Heavy"); two
   * headlines with none in common have their similarity scaled by this. Articles without a
   * headline are not penalised.
   */
  readonly unrelatedTitleFactor: number;
  /** How many of an article's strongest terms index it for candidate pairs. */
  readonly indexTerms: number;
  /** Terms in more than this share of articles do not make candidates. */
  readonly maxDocFrequency: number;
  /**
   * A pair whose time is not known from two publication dates, and whose texts name no
   * day in common, has its similarity scaled by this: without time the words must say more.
   */
  readonly unknownTimeFactor: number;
  /** ... and by this too when both texts name years, none in common. */
  readonly disjointYearsFactor: number;
  /** ... and by this when the two headlines share only one content word. */
  readonly oneHeadlineWordFactor: number;
  /** ... and by this when both name people, none in common. */
  readonly noCommonPersonFactor: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  ...DEFAULT_TERM_OPTIONS,
  threshold: 0.11,
  attachThreshold: 0.04,
  maxGapDays: 90,
  unrelatedTitleFactor: 0.6,
  indexTerms: 20,
  maxDocFrequency: 0.1,
  unknownTimeFactor: 0.85,
  disjointYearsFactor: 0.8,
  oneHeadlineWordFactor: 0.7,
  noCommonPersonFactor: 0.8,
};

export interface Vector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** Sublinear TF × IDF, L2-normalised; terms sorted by id so dot products merge in one pass. */
export function vectorize(articles: readonly EventArticle[], options: TermOptions & { background?: BackgroundIdf }): { vectors: Vector[]; termIds: Map<string, number>; df: Int32Array } {
  // Ids in first-seen order: deterministic, since articles arrive sorted by id.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const counts = articles.map((a) => termIdCounts(a.title, a.body, options, termIds, terms));
  const df = new Int32Array(terms.length);
  for (const c of counts) for (const t of c.keys()) df[t]++;
  const n = articles.length;
  const bg = options.background;
  const total = n + (bg?.documents ?? 0) + 1;
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = Math.log(total / (df[t] + (bg?.df.get(terms[t]) ?? 0) + 0.5));
  const vectors = counts.map((c) => {
    const ids = Int32Array.from(c.keys()).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (1 + Math.log(c.get(ids[k])!)) * idf[ids[k]];
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { terms: ids, weights };
  });
  return { vectors, termIds, df };
}

export function cosine(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) s += a.weights[i++] * b.weights[j++];
    else if (a.terms[i] < b.terms[j]) i++;
    else j++;
  }
  return s;
}

/** Reports of one event cluster in time; unknown dates do not count against a pair. */
export function dateFactor(a: string | null, b: string | null): number {
  if (!a || !b) return 1;
  const days = Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
  if (!Number.isFinite(days)) return 1;
  // Follow-ups keep coming for months (Giveme5W1H's "events" span up to years), so far
  // apart is a penalty, not a veto.
  if (days <= 2) return 1;
  if (days <= 7) return 0.95;
  if (days <= 31) return 0.8;
  if (days <= 90) return 0.6;
  return 0.45;
}

/** Each headline's content words as sorted ids, so two headlines compare in one merge pass. */
export function headlineWordIds(titles: readonly string[]): Int32Array[] {
  const ids = new Map<string, number>();
  return titles.map((t) =>
    Int32Array.from(titleWords(t), (w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    }).sort(),
  );
}

/** How many content words two headlines share (sorted id lists), or -1 when either has none. */
export function sharedHeadlineWords(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return -1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** `unrelated` when both articles have a headline and the two share no content word, else 1. */
export function titleFactor(a: Int32Array, b: Int32Array, unrelated: number): number {
  return sharedHeadlineWords(a, b) === 0 ? unrelated : 1;
}

/** Whether two groups' dated reports, together, leave no gap longer than `maxGap` days. */
export function gapsFit(a: readonly number[], b: readonly number[], maxGap: number): boolean {
  if (a.length === 0 || b.length === 0 || maxGap === Infinity) return true;
  let i = 0;
  let j = 0;
  let prev = NaN;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (next - prev > maxGap) return false;
    prev = next;
  }
  return true;
}

/** Sorted union of two sorted day lists. */
function mergeDays(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  return out;
}

/**
 * The strongest terms of each article that index it for candidate pairs: terms at least
 * two articles share, and not so common that they say nothing about an event.
 */
export function indexTerms(vectors: readonly Vector[], df: Int32Array, options: Pick<ClusterOptions, 'indexTerms' | 'maxDocFrequency'>): Int32Array[] {
  const maxDf = Math.max(3, Math.ceil(options.maxDocFrequency * vectors.length));
  return vectors.map((v) => {
    const order = [...v.terms.keys()].filter((k) => df[v.terms[k]] > 1 && df[v.terms[k]] <= maxDf).sort((x, y) => v.weights[y] - v.weights[x] || v.terms[x] - v.terms[y]);
    return Int32Array.from(order.slice(0, options.indexTerms), (k) => v.terms[k]);
  });
}

/** Publication day numbers (days since 1970), NaN when unknown. */
export function dayNumbers(articles: readonly EventArticle[]): Float64Array {
  return Float64Array.from(articles, (a) => (a.date ? Date.parse(a.date) / 86_400_000 : NaN));
}

/**
 * Every pair i < j that shares an index term and whose publication days (when both are
 * known) are at most `window` days apart, each pair once, in order of i then j.
 *
 * Reports farther apart belong to one event only through the reports between them, so
 * their own similarity is never needed. Each term's dated articles are sorted by day, so
 * only those inside the window are visited; a stamp per article (the last i that met it)
 * replaces a set of all pairs, which would grow with the square of a topic's size.
 */
export function candidatePairs(terms: readonly Int32Array[], days: Float64Array, window: number, visit: (i: number, j: number) => void): void {
  const n = terms.length;
  // Postings per term: dated members sorted by day (ties by index), then undated ones.
  const dated = new Map<number, number[]>();
  const undated = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const lists = Number.isNaN(days[i]) ? undated : dated;
    for (const t of terms[i]) {
      const list = lists.get(t);
      if (list) list.push(i);
      else lists.set(t, [i]);
    }
  }
  const byDay = (x: number, y: number) => days[x] - days[y] || x - y;
  for (const list of dated.values()) list.sort(byDay);
  const dayArrays = new Map<number, Float64Array>();
  for (const [t, list] of dated) dayArrays.set(t, Float64Array.from(list, (i) => days[i]));
  const stamp = new Int32Array(n).fill(-1);
  const partners: number[] = [];
  const meet = (i: number, j: number) => {
    if (j <= i || stamp[j] === i) return;
    stamp[j] = i;
    partners.push(j);
  };
  for (let i = 0; i < n; i++) {
    const d = days[i];
    for (const t of terms[i]) {
      const list = dated.get(t);
      if (list) {
        const listDays = dayArrays.get(t)!;
        let from = 0;
        let to = list.length;
        if (!Number.isNaN(d)) {
          from = lowerBound(listDays, d - window);
          to = lowerBound(listDays, d + window, true);
        }
        for (let k = from; k < to; k++) meet(i, list[k]);
      }
      for (const j of undated.get(t) ?? []) meet(i, j);
    }
    partners.sort((x, y) => x - y);
    for (const j of partners) visit(i, j);
    partners.length = 0;
  }
}

/** First index whose value is >= x (or > x when `after`), in a sorted array. */
function lowerBound(values: Float64Array, x: number, after = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x || (after && values[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The days and years an article's text names, with its publication day and year when known. */
export function articleTime(a: EventArticle): TextTime {
  const t = textTime(`${a.title}\n${a.body}`, a.date);
  if (!a.date) return t;
  const [y, m, d] = a.date.split('-').map(Number);
  return { days: Int32Array.from(new Set([...t.days, m * 32 + d])).sort(), years: Int32Array.from(new Set([...t.years, y])).sort() };
}

/** Time evidence of a pair that lacks two publication dates: a day both name, or years that differ. */
export function textTimeFactor(a: TextTime, b: TextTime, options: Pick<ClusterOptions, 'unknownTimeFactor' | 'disjointYearsFactor'>): number {
  if (intersects(a.days, b.days)) return 1;
  if (a.years.length && b.years.length && !intersects(a.years, b.years)) return options.unknownTimeFactor * options.disjointYearsFactor;
  return options.unknownTimeFactor;
}

/** Candidate pairs with their similarity, each pair once (i < j). */
export function similarPairs(articles: readonly EventArticle[], vectors: readonly Vector[], df: Int32Array, options: ClusterOptions): Array<[number, number, number]> {
  const days = dayNumbers(articles);
  const headlines = headlineWordIds(articles.map((a) => a.title));
  const pairs: Array<[number, number, number]> = [];
  const times = new Array<TextTime | undefined>(articles.length);
  const timeOf = (i: number) => (times[i] ??= articleTime(articles[i]));
  const people = articles.map((a) => a.people && new Set(a.people));
  const timeless = options.unknownTimeFactor === 1 && options.disjointYearsFactor === 1 && options.oneHeadlineWordFactor === 1 && options.noCommonPersonFactor === 1;
  const timing = (i: number, j: number, sharedWords: number) => {
    if (articles[i].date && articles[j].date) return dateFactor(articles[i].date, articles[j].date);
    if (timeless) return 1;
    const [ti, tj] = [timeOf(i), timeOf(j)];
    // A day both name is what two dates within days would say.
    if (intersects(ti.days, tj.days)) return 1;
    let f = textTimeFactor(ti, tj, options);
    if (sharedWords === 1) f *= options.oneHeadlineWordFactor;
    const pi = people[i];
    const pj = articles[j].people;
    if (pi && pj && pi.size && pj.length && !pj.some((p) => pi.has(p))) f *= options.noCommonPersonFactor;
    return f;
  };
  candidatePairs(indexTerms(vectors, df, options), days, 2 * options.maxGapDays, (i, j) => {
    const shared = sharedHeadlineWords(headlines[i], headlines[j]);
    const sim = cosine(vectors[i], vectors[j]) * timing(i, j, shared) * (shared === 0 ? options.unrelatedTitleFactor : 1);
    if (sim > 0) pairs.push([i, j, sim]);
  });
  return pairs;
}

/**
 * Average-linkage clustering over the candidate graph: repeatedly merges the two groups
 * with the highest average pair similarity (pairs never compared count as 0) while it is
 * at least the threshold. A max-heap with stale-entry checks keeps it near n log n.
 * Deterministic: ties go to the lower group indices.
 */
export function averageLinkage(n: number, pairs: ReadonlyArray<readonly [number, number, number]>, threshold: number, days?: readonly number[], maxGapDays = Infinity): number[] {
  const members = Array.from({ length: n }, (_, i) => [i]);
  // The known days of each group's reports, sorted.
  const dated = Array.from({ length: n }, (_, i) => (days && !Number.isNaN(days[i]) ? [days[i]] : []));
  const version = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  const links = Array.from({ length: n }, () => new Map<number, number>());
  for (const [i, j, s] of pairs) {
    links[i].set(j, (links[i].get(j) ?? 0) + s);
    links[j].set(i, (links[j].get(i) ?? 0) + s);
  }
  const score = (a: number, b: number) => (links[a].get(b) ?? 0) / (members[a].length * members[b].length);
  const heap = new PairHeap();
  const push = (a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const s = score(x, y);
    if (s >= threshold) heap.push({ s, a: x, b: y, va: version[x], vb: version[y] });
  };
  for (let a = 0; a < n; a++) for (const b of links[a].keys()) if (a < b) push(a, b);
  for (;;) {
    const top = heap.pop();
    if (!top) break;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.va || version[b] !== top.vb) continue;
    if (!gapsFit(dated[a], dated[b], maxGapDays)) continue;
    if (dated[b].length) dated[a] = mergeDays(dated[a], dated[b]);
    dated[b] = [];
    for (const [c, s] of links[b]) {
      if (c === a) continue;
      links[a].set(c, (links[a].get(c) ?? 0) + s);
      links[c].set(a, (links[c].get(a) ?? 0) + s);
      links[c].delete(b);
    }
    links[a].delete(b);
    links[b].clear();
    for (const m of members[b]) members[a].push(m);
    members[b] = [];
    alive[b] = 0;
    version[a]++;
    for (const c of links[a].keys()) push(a, c);
  }
  const label = new Array<number>(n);
  members.forEach((m, g) => m.forEach((i) => (label[i] = g)));
  return label;
}

/**
 * A report that shares little wording with the rest of its event (a follow-up, a short
 * item) is often left alone; it joins the group it is closest to on average, if close enough.
 */
export function attachSingletons(labels: readonly number[], pairs: ReadonlyArray<readonly [number, number, number]>, threshold: number, days?: readonly number[], maxGapDays = Infinity): number[] {
  const out = [...labels];
  const size = new Map<number, number>();
  const dated = new Map<number, number[]>();
  labels.forEach((l, i) => {
    size.set(l, (size.get(l) ?? 0) + 1);
    const d = days?.[i];
    if (d === undefined || Number.isNaN(d)) return;
    const list = dated.get(l);
    if (list) list.push(d);
    else dated.set(l, [d]);
  });
  for (const list of dated.values()) list.sort((x, y) => x - y);
  const fits = (i: number, l: number) => {
    const d = days?.[i];
    return d === undefined || Number.isNaN(d) || gapsFit(dated.get(l) ?? [], [d], maxGapDays);
  };
  const neighbours = new Map<number, Array<[number, number]>>();
  for (const [i, j, s] of pairs) {
    for (const [x, y] of [
      [i, j],
      [j, i],
    ]) {
      const list = neighbours.get(x);
      if (list) list.push([y, s]);
      else neighbours.set(x, [[y, s]]);
    }
  }
  for (let i = 0; i < labels.length; i++) {
    if (size.get(labels[i]) !== 1) continue;
    const sums = new Map<number, number>();
    for (const [j, s] of neighbours.get(i) ?? []) if (size.get(labels[j])! > 1 && fits(i, labels[j])) sums.set(labels[j], (sums.get(labels[j]) ?? 0) + s);
    let best = -1;
    let bestScore = threshold;
    for (const [l, sum] of [...sums].sort((a, b) => a[0] - b[0])) {
      const avg = sum / size.get(l)!;
      if (avg >= bestScore) {
        bestScore = avg;
        best = l;
      }
    }
    if (best >= 0) out[i] = best;
  }
  return out;
}

interface HeapEntry {
  s: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/** Highest similarity first; ties to the lower (a, b). */
class PairHeap {
  private readonly items: HeapEntry[] = [];
  private before(x: HeapEntry, y: HeapEntry): boolean {
    return x.s > y.s || (x.s === y.s && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }
  push(e: HeapEntry): void {
    const h = this.items;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop(): HeapEntry | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l], h[m])) m = l;
        if (r < h.length && this.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Event names per article: "event-1", "event-2", … numbered by each event's smallest
 * article id, so neither the grouping nor the names depend on input order.
 */
export function eventNames(articles: readonly EventArticle[], labels: readonly number[]): string[] {
  const smallest = new Map<number, string>();
  articles.forEach((a, i) => {
    const s = smallest.get(labels[i]);
    if (s === undefined || a.id < s) smallest.set(labels[i], a.id);
  });
  const order = [...smallest].sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0)).map(([l]) => l);
  const name = new Map(order.map((l, k) => [l, `event-${k + 1}`]));
  return labels.map((l) => name.get(l)!);
}

/** Event label per article, as the index of the event's first article (in id order). */
export function clusterArticles(articles: readonly EventArticle[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): number[] {
  // Sorting by id makes the result independent of input order.
  const order = articles.map((_, i) => i).sort((a, b) => (articles[a].id < articles[b].id ? -1 : articles[a].id > articles[b].id ? 1 : a - b));
  const sorted = order.map((i) => articles[i]);
  const { vectors, df } = vectorize(sorted, options);
  const pairs = similarPairs(sorted, vectors, df, options);
  const days = [...dayNumbers(sorted)];
  const labels = attachSingletons(averageLinkage(sorted.length, pairs, options.threshold, days, options.maxGapDays), pairs, options.attachThreshold, days, options.maxGapDays);
  const out = new Array<number>(articles.length);
  order.forEach((orig, k) => (out[orig] = labels[k]));
  return out;
}
