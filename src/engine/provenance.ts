/**
 * Provenance in the engine: text reuse over the whole corpus (each article's words prepared
 * once per text, the pairs recomputed only when a text or a date changes), each article's
 * provenance with the quotes the editor shows, and the two views built from it — the
 * editor's per-article passages (hover, marks, Go to Related) and an event's timeline for
 * the Provenance panel. Node-only, no vscode.
 */
import * as path from 'path';
import type { Article } from '../core/article';
import { dayLabel, originalShareKnown, provenanceTimeline, shareLabel, type ProvenanceTimeline } from '../core/reuse/timeline';
import { alignCandidate, comparePairs, prepareReuseArticle, type ReuseArticle, type ReusePair } from '../core/reuse/corpusReuse';
import { candidatePairs, DEFAULT_CANDIDATES, DEFAULT_FINGERPRINTS, fingerprints } from '../core/reuse/fingerprints';
import { buildProvenance, type ArticleProvenance } from '../core/reuse/provenance';

export interface ProvenanceInput {
  readonly id: string;
  /** Changes whenever the text or the user's metadata does. */
  readonly hash: string;
  readonly text: string;
  readonly article: Article;
}

export interface ProvenanceQuoteInput {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A passage's offsets in its article's text (the editor turns them into positions). */
export interface PassageRange {
  readonly start: number;
  readonly end: number;
}

export interface ArticleRef {
  readonly uri: string;
  /** The file name without its extension. */
  readonly label: string;
  readonly outlet: string | null;
  readonly date: string | null;
}

export interface ReusePassage extends PassageRange {
  readonly other: ArticleRef & PassageRange;
  readonly kind: 'verbatim' | 'edited' | 'rewritten';
  readonly similarity: number;
  readonly words: number;
  /** Which side is earlier by the dates, or null when that is unknown. */
  readonly earlier: 'this' | 'other' | null;
  /** The first article the passage traces to, or null when the dates leave it open. */
  readonly earliest: (ArticleRef & { readonly date: string }) | null;
}

export interface ArticleReuse {
  readonly originalShare: number;
  readonly sharedShare: number;
  /** Whether every shared passage's order is known (else the original share is not). */
  readonly orderKnown: boolean;
  /** "23 % original", "77 % shared, order unknown", "all its own". */
  readonly shareLabel: string;
  readonly passages: readonly ReusePassage[];
}

export interface ReuseSnapshot {
  readonly generation: number;
  readonly articles: Readonly<Record<string, ArticleReuse>>;
  readonly millis: number;
  readonly error?: string;
}

export function fileLabel(uri: string): string {
  const base = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

export class ProvenanceStage {
  private readonly prepared = new Map<string, { hash: string; value: ReuseArticle; prints: number[] }>();
  /** Aligned passages of each candidate pair, by the two articles' hashes: an edit re-aligns only its own pairs. */
  private aligned = new Map<string, { key: string; value: ReusePair[] }>();
  private pairs: { key: string; value: ReusePair[] } | undefined;
  private provenance: { key: string; byId: Map<string, ArticleProvenance> } | undefined;

  /**
   * Reuse pairs of the corpus (the same as core's findReuse); `key` names its state (texts and
   * metadata). Words and fingerprints are kept per text, alignments per pair of texts.
   */
  reusePairs(key: string, inputs: readonly ProvenanceInput[]): ReusePair[] {
    if (this.pairs?.key === key) return this.pairs.value;
    const alive = new Set<string>();
    const entries = inputs.map((a) => {
      alive.add(a.id);
      const cached = this.prepared.get(a.id);
      if (cached?.hash === a.hash) return cached;
      const value = prepareReuseArticle(a.id, a.text, a.article);
      const entry = { hash: a.hash, value, prints: fingerprints(value.tokens, DEFAULT_FINGERPRINTS) };
      this.prepared.set(a.id, entry);
      return entry;
    });
    for (const id of this.prepared.keys()) if (!alive.has(id)) this.prepared.delete(id);
    const aligned = new Map<string, { key: string; value: ReusePair[] }>();
    const value: ReusePair[] = [];
    for (const [i, j] of candidatePairs(entries.map((e) => e.prints), DEFAULT_CANDIDATES)) {
      const x = entries[i];
      const y = entries[j];
      const pairId = `${x.value.id}\u0000${y.value.id}`;
      const pairKey = `${x.hash}\u0000${y.hash}`;
      const before = this.aligned.get(pairId);
      const result = before?.key === pairKey ? before : { key: pairKey, value: alignCandidate(x.value, y.value) };
      aligned.set(pairId, result);
      value.push(...result.value);
    }
    this.aligned = aligned;
    value.sort(comparePairs);
    this.pairs = { key, value };
    return value;
  }

  /** Each article's provenance; `key` names the state of texts, metadata and quotes. */
  provenanceOf(key: string, pairsKey: string, inputs: readonly ProvenanceInput[], quotes: (k: number) => readonly ProvenanceQuoteInput[]): Map<string, ArticleProvenance> {
    if (this.provenance?.key === key) return this.provenance.byId;
    const pairs = this.reusePairs(pairsKey, inputs);
    const list = buildProvenance(
      inputs.map((a, k) => ({ id: a.id, date: a.article.date?.value ?? null, body: a.article.paragraphs, quotes: quotes(k) })),
      pairs,
    );
    const byId = new Map(list.map((p) => [p.file, p]));
    this.provenance = { key, byId };
    return byId;
  }
}

function refOf(inputs: ReadonlyMap<string, ProvenanceInput>, uri: string): ArticleRef {
  const a = inputs.get(uri)?.article;
  return { uri, label: fileLabel(uri), outlet: a?.outlet?.value ?? null, date: a?.date?.value ?? null };
}

/** The editor's view: per article, its passages with offsets on both sides. */
export function editorReuse(inputs: readonly ProvenanceInput[], provenance: ReadonlyMap<string, ArticleProvenance>): Record<string, ArticleReuse> {
  const byId = new Map(inputs.map((a) => [a.id, a]));
  const out: Record<string, ArticleReuse> = {};
  for (const a of inputs) {
    const p = provenance.get(a.id);
    if (!p) continue;
    out[a.id] = {
      originalShare: p.originalShare,
      sharedShare: p.sharedShare,
      orderKnown: originalShareKnown(p),
      shareLabel: shareLabel(p),
      passages: p.passages.map((x) => ({
        start: x.start,
        end: x.end,
        other: { ...refOf(byId, x.other.file), start: x.other.start, end: x.other.end },
        kind: x.kind,
        similarity: x.similarity,
        words: x.words,
        earlier: x.earlier,
        earliest: x.earliest ? { ...refOf(byId, x.earliest.file), date: x.earliest.date } : null,
      })),
    };
  }
  return out;
}

/** The Provenance panel's timeline of some articles (an event's). */
export function timelineOf(uris: readonly string[], inputs: readonly ProvenanceInput[], provenance: ReadonlyMap<string, ArticleProvenance>): ProvenanceTimeline {
  const byId = new Map(inputs.map((a) => [a.id, a]));
  const chosen = uris.filter((u) => byId.has(u)).map((u) => {
    const a = byId.get(u)!.article;
    return { id: u, label: fileLabel(u), title: a.title?.value ?? null, outlet: a.outlet?.value ?? null, date: a.date?.value ?? null };
  });
  return provenanceTimeline(chosen, (id) => provenance.get(id));
}

/**
 * "Also in 002 (TIME) — edited, 94 % alike; earliest: 001 (19 May 2017)": the hover's line.
 * `name` writes an article's name (the editor makes it a link); "earliest: unknown" when the
 * dates leave it open.
 */
export function passageLine(p: ReusePassage, name: (ref: ArticleRef & PassageRange | (ArticleRef & { readonly date: string })) => string = (r) => r.label): string {
  const outlet = p.other.outlet ? ` (${p.other.outlet})` : '';
  const earliest = p.earliest ? `${name(p.earliest)} (${dayLabel(p.earliest.date)})` : 'unknown';
  return `Also in ${name(p.other)}${outlet} — ${p.kind}, ${Math.round(p.similarity * 100)} % alike; earliest: ${earliest}`;
}
