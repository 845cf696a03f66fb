/**
 * The corpus in memory: articles by URI with their content hash. Per-article stages
 * plug in and are cached by content hash, so an unchanged text is never analysed twice.
 */
import { parseArticle, type Article, type ArticleMetadata } from './article';
import { contentHash } from './text';

export interface ArticleInput {
  readonly uri: string;
  readonly text: string;
  readonly metadata: ArticleMetadata;
}

/** A per-article analysis step. Bump `version` when its output changes for the same text. */
export interface Stage<T> {
  readonly name: string;
  readonly version: number;
  run(input: ArticleInput, article: Article): T;
}

export interface IndexedArticle {
  readonly uri: string;
  /** Hash of text and user metadata together: either changing means a new analysis. */
  readonly hash: string;
  readonly text: string;
  readonly metadata: ArticleMetadata;
  readonly article: Article;
}

export interface UnreadableFile {
  readonly uri: string;
  readonly message: string;
}

export type ChangeKind = 'added' | 'changed' | 'unchanged';

/**
 * Per-article results kept beyond this process (the engine's on-disk cache). `id` names the
 * text and metadata (two independent hashes), `key` the result (`entities@2`); `load` answers
 * undefined for anything it does not hold or cannot read, `save` never throws.
 */
export interface ResultStore {
  load(id: string, key: string): unknown;
  save(id: string, key: string, value: unknown): void;
  /** Whether `load` may find the result, without reading it (a damaged one is then computed when read). */
  has?(id: string, key: string): boolean;
}

/** How many results were computed and how many came from the store, per result key. */
export interface IndexStats {
  readonly computed: Readonly<Record<string, number>>;
  readonly stored: Readonly<Record<string, number>>;
}

/** The key of an article's structure (`parseArticle`) among its results. */
export const ARTICLE_KEY = 'article@1';

/** Analysis results kept for texts no longer in the index, so undo or a revert is free. */
const RECENT_LIMIT = 64;

export class CorpusIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly unreadable = new Map<string, UnreadableFile>();
  private readonly results = new Map<string, Map<string, unknown>>();
  private generationCounter = 0;
  /** The store's id of each content hash (a second, independent hash beside it). */
  private readonly storeIds = new Map<string, string>();
  private readonly computed: Record<string, number> = {};
  private readonly stored: Record<string, number> = {};
  /** Hashes given results (`provide`) before their article was added: kept through trimming. */
  private readonly pending = new Set<string>();

  constructor(private readonly store?: ResultStore) {}

  /** What was analysed and what was read from the store since this index was made. */
  stats(): IndexStats {
    return { computed: { ...this.computed }, stored: { ...this.stored } };
  }

  /** Increases on every change, so corpus-wide layers can tell when to recompute. */
  get generation(): number {
    return this.generationCounter;
  }

  get size(): number {
    return this.articles.size;
  }

  upsert(uri: string, text: string, metadata: ArticleMetadata = {}): { change: ChangeKind; entry: IndexedArticle } {
    const hash = this.hashOf(text, metadata);
    const previous = this.articles.get(uri);
    this.unreadable.delete(uri);
    if (previous && previous.hash === hash) return { change: 'unchanged', entry: previous };
    this.pending.delete(hash);
    const article = this.cached(hash, ARTICLE_KEY, () => parseArticle(text, metadata));
    const entry: IndexedArticle = { uri, hash, text, metadata, article };
    this.articles.set(uri, entry);
    this.generationCounter++;
    this.trimCache();
    return { change: previous ? 'changed' : 'added', entry };
  }

  /** The content hash of a text and its metadata (what `upsert` files it under); registers it with the store. */
  hashOf(text: string, metadata: ArticleMetadata = {}): string {
    const keyed = text + '\u0000' + JSON.stringify(metadataKey(metadata));
    const hash = contentHash(keyed);
    if (this.store && !this.storeIds.has(hash)) this.storeIds.set(hash, `${hash}-${contentHash(keyed, 0x9e3779b9)}-${text.length}`);
    return hash;
  }

  /**
   * A result already known for `hash` (in memory, or in the store: then kept in memory), without
   * computing it; undefined when it would have to be computed.
   */
  peek(hash: string, key: string): unknown {
    const perHash = this.results.get(hash);
    if (perHash?.has(key)) return perHash.get(key);
    const id = this.storeIds.get(hash);
    const value = id === undefined ? undefined : this.store!.load(id, key);
    if (value === undefined) return undefined;
    this.stored[key] = (this.stored[key] ?? 0) + 1;
    this.remember(hash, key, value);
    return value;
  }

  /**
   * Whether a result for `hash` is known (in memory or in the store) without reading it from
   * the store: what is only needed later, or perhaps never, is not loaded now.
   */
  holds(hash: string, key: string): boolean {
    if (this.results.get(hash)?.has(key)) return true;
    const id = this.storeIds.get(hash);
    if (id === undefined) return false;
    return this.store!.has ? this.store!.has(id, key) : this.peek(hash, key) !== undefined;
  }

  /**
   * A result computed elsewhere (the stage pool's workers) for `hash`, as if computed here: kept,
   * counted and stored. `beforeAdding`: the article is about to be added (`upsert`), so the
   * result is kept through trimming until it is.
   */
  provide(hash: string, key: string, value: unknown, beforeAdding = false): void {
    if (this.results.get(hash)?.has(key)) return;
    this.computed[key] = (this.computed[key] ?? 0) + 1;
    const id = this.storeIds.get(hash);
    if (id !== undefined) this.store!.save(id, key, value);
    this.remember(hash, key, value);
    if (beforeAdding) this.pending.add(hash);
  }

  /** The key a stage's results are kept under. */
  static keyOf(stage: Pick<Stage<unknown>, 'name' | 'version'>): string {
    return `${stage.name}@${stage.version}`;
  }

  /** Records a file that could not be read, replacing any earlier analysis of it. */
  markUnreadable(uri: string, message: string): void {
    this.articles.delete(uri);
    this.unreadable.set(uri, { uri, message });
    this.generationCounter++;
  }

  remove(uri: string): boolean {
    const removed = this.articles.delete(uri) || this.unreadable.delete(uri);
    if (removed) this.generationCounter++;
    return removed;
  }

  rename(from: string, to: string): boolean {
    const entry = this.articles.get(from);
    if (!entry) return false;
    this.articles.delete(from);
    this.articles.set(to, { ...entry, uri: to });
    this.generationCounter++;
    return true;
  }

  get(uri: string): IndexedArticle | undefined {
    return this.articles.get(uri);
  }

  /**
   * Articles in URI order, so every consumer sees the same, file-order-free sequence; or
   * (`'added'`) in the order they were first added, as a command line names them.
   */
  list(order: 'uri' | 'added' = 'uri'): IndexedArticle[] {
    const all = [...this.articles.values()];
    return order === 'added' ? all : all.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  unreadableFiles(): UnreadableFile[] {
    return [...this.unreadable.values()];
  }

  /** Runs (or reuses) a stage for one article. */
  stage<T>(stage: Stage<T>, uri: string): T | undefined {
    const entry = this.articles.get(uri);
    if (!entry) return undefined;
    return this.cached(entry.hash, CorpusIndex.keyOf(stage), () =>
      stage.run({ uri: entry.uri, text: entry.text, metadata: entry.metadata }, entry.article),
    );
  }

  private cached<T>(hash: string, key: string, compute: () => T): T {
    let perHash = this.results.get(hash);
    if (!perHash) {
      perHash = new Map();
      this.results.set(hash, perHash);
    }
    if (perHash.has(key)) return perHash.get(key) as T;
    const id = this.storeIds.get(hash);
    let value = id === undefined ? undefined : (this.store!.load(id, key) as T | undefined);
    if (value === undefined) {
      value = compute();
      this.computed[key] = (this.computed[key] ?? 0) + 1;
      if (id !== undefined) this.store!.save(id, key, value);
    } else this.stored[key] = (this.stored[key] ?? 0) + 1;
    perHash.set(key, value);
    return value;
  }

  private remember(hash: string, key: string, value: unknown): void {
    let perHash = this.results.get(hash);
    if (!perHash) {
      perHash = new Map();
      this.results.set(hash, perHash);
    }
    perHash.set(key, value);
  }

  private trimCache(): void {
    if (this.results.size <= this.articles.size + RECENT_LIMIT) return;
    const live = new Set([...this.articles.values()].map((a) => a.hash));
    for (const hash of this.results.keys()) {
      if (this.results.size <= this.articles.size + RECENT_LIMIT) break;
      if (!live.has(hash) && !this.pending.has(hash)) {
        this.results.delete(hash);
        this.storeIds.delete(hash);
      }
    }
  }
}

function metadataKey(m: ArticleMetadata): unknown[] {
  return [m.title ?? null, m.outlet ?? null, m.date ?? null, m.url ?? null];
}
