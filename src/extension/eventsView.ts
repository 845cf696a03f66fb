/** The Events view. Until events are clustered it lists the articles, each with its top entities. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { MentionLocation } from './analysisProtocol';
import { describeSource } from '../core/articleSummary';
import { isTemporal, typeLabel } from '../core/vocabulary';
import { dateSpan, type CorpusEvent } from '../core/events/corpusEvents';
import type { ArticleState, CorpusService } from './corpusService';
import type { EventService } from './eventService';
import { DELAYS, Debounced } from './scheduler';
import type { EntityService } from './entityService';
import { openTargetCommand } from './navigation';

export type EventsNode =
  | { kind: 'topic'; key: string; label: string; events: readonly CorpusEvent[] }
  | { kind: 'event'; event: CorpusEvent }
  | { kind: 'article'; state: ArticleState }
  | { kind: 'entity'; article: vscode.Uri; entityId: string; first: MentionLocation; count: number }
  | { kind: 'speaker'; article: vscode.Uri; name: string; quotes: readonly number[] }
  | { kind: 'quote'; article: vscode.Uri; index: number };

export type EventSort = 'date' | 'size' | 'label';

const TOP_ENTITIES = 6;
/** More events than this and they start collapsed: the list itself is what the user reads first. */
const EXPANDED_UP_TO = 12;
const ICONS: Record<string, string> = { PER: 'person', ORG: 'organization', LOC: 'location', MISC: 'symbol-misc', NORP: 'account' };

export class EventsTreeProvider implements vscode.TreeDataProvider<EventsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<EventsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly redraw = new Debounced(DELAYS.eventsView, () => this.emitter.fire(undefined));
  private readonly articleNodes = new Map<string, EventsNode>();
  private readonly eventNodes = new Map<string, EventsNode>();
  private readonly topicNodes = new Map<string, EventsNode>();
  private sort: EventSort = 'date';
  private filter = '';

  constructor(
    private readonly corpus: CorpusService,
    private readonly entities: EntityService,
    private readonly eventService: EventService,
    /** Each article's original share (text reuse), shown in its description. */
    private readonly reuse?: { of(uri: vscode.Uri): { readonly shareLabel: string } | undefined; readonly onDidChange: vscode.Event<void> },
    /** Which articles are marked reviewed (curation), shown per article and counted per event. */
    private readonly review?: { isReviewed(uri: vscode.Uri): boolean; reviewedAmong(uris: readonly string[]): number; readonly onDidChange: vscode.Event<unknown> },
  ) {
    // Coalesce bursts (the first indexing fires once per article) into one repaint.
    const refresh = () => this.redraw.schedule();
    this.subscriptions = [corpus.onDidChange(refresh), entities.onDidChange(refresh), eventService.onDidChange(refresh), ...(reuse ? [reuse.onDidChange(refresh)] : []), ...(review ? [review.onDidChange(refresh)] : [])];
  }

  setSort(sort: EventSort): void {
    this.sort = sort;
    this.emitter.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim().toLowerCase();
    void vscode.commands.executeCommand('setContext', 'corpusLens.eventsFiltered', this.filter.length > 0);
    this.emitter.fire(undefined);
  }

  get filterText(): string {
    return this.filter;
  }

  /** The event node holding an article, for reveal(). */
  eventNodeFor(uri: vscode.Uri): EventsNode | undefined {
    const event = this.eventService.eventOf(uri);
    return event ? this.eventNode(event) : undefined;
  }

  private eventNode(event: CorpusEvent): EventsNode {
    const existing = this.eventNodes.get(event.key);
    if (existing && existing.kind === 'event' && existing.event === event) return existing;
    const node: EventsNode = { kind: 'event', event };
    this.eventNodes.set(event.key, node);
    return node;
  }

  private matchesFilter(event: CorpusEvent): boolean {
    if (!this.filter) return true;
    if (event.label.toLowerCase().includes(this.filter)) return true;
    return event.articles.some((uri) => {
      const state = this.corpus.get(vscode.Uri.parse(uri));
      const title = state?.status === 'ok' ? (state.article.title ?? '') + ' ' + (state.article.outlet ?? '') : '';
      return (title + ' ' + uri).toLowerCase().includes(this.filter);
    });
  }

  private sortedEvents(): CorpusEvent[] {
    const events = this.eventService.events().filter((e) => this.matchesFilter(e));
    if (this.sort === 'size') return [...events].sort((a, b) => b.articles.length - a.articles.length || a.label.localeCompare(b.label));
    if (this.sort === 'label') return [...events].sort((a, b) => a.label.localeCompare(b.label));
    return [...events];
  }

  /** Events, with those of one topic under a parent where the topic holds several (in the sort order of its first). */
  private topLevel(): EventsNode[] {
    const events = this.sortedEvents();
    const byTopic = new Map<string, CorpusEvent[]>();
    for (const e of events) if (e.topic) byTopic.set(e.topic.key, [...(byTopic.get(e.topic.key) ?? []), e]);
    const out: EventsNode[] = [];
    const placed = new Set<string>();
    for (const e of events) {
      const members = e.topic ? byTopic.get(e.topic.key)! : [];
      if (members.length < 2) out.push(this.eventNode(e));
      else if (!placed.has(e.topic!.key)) {
        placed.add(e.topic!.key);
        out.push(this.topicNode(e.topic!.key, e.topic!.label, members));
      }
    }
    return out;
  }

  private topicNode(key: string, label: string, events: readonly CorpusEvent[]): EventsNode {
    const existing = this.topicNodes.get(key);
    if (existing?.kind === 'topic' && existing.label === label && existing.events.length === events.length && existing.events.every((e, i) => e === events[i])) return existing;
    const node: EventsNode = { kind: 'topic', key, label, events };
    this.topicNodes.set(key, node);
    return node;
  }

  /** The node of one article, for reveal(). */
  nodeFor(uri: vscode.Uri): EventsNode | undefined {
    const state = this.corpus.get(uri);
    return state ? this.articleNode(state) : undefined;
  }

  getChildren(element?: EventsNode): EventsNode[] {
    if (!element) {
      // Until the first grouping (and for files that cannot be analysed), articles stand alone.
      const unreadable = this.corpus.all().filter((s) => s.status !== 'ok');
      if (!this.eventService.ready) return this.corpus.all().map((s) => this.articleNode(s));
      return [...this.topLevel(), ...unreadable.map((s) => this.articleNode(s))];
    }
    if (element.kind === 'topic') return element.events.map((e) => this.eventNode(e));
    if (element.kind === 'event') {
      return element.event.articles
        .map((uri) => this.corpus.get(vscode.Uri.parse(uri)))
        .filter((s): s is ArticleState => !!s)
        .sort((a, b) => articleDate(a).localeCompare(articleDate(b)) || a.uri.path.localeCompare(b.uri.path))
        .map((s) => this.articleNode(s));
    }
    if (element.kind === 'speaker') return element.quotes.map((index) => ({ kind: 'quote', article: element.article, index }));
    if (element.kind !== 'article' || element.state.status !== 'ok') return [];
    const uri = element.state.uri;
    const bySpeaker = new Map<string, number[]>();
    this.entities.quotesIn(uri).forEach((q, i) => {
      const name = q.speaker?.name ?? 'Unknown speaker';
      bySpeaker.set(name, [...(bySpeaker.get(name) ?? []), i]);
    });
    const speakers: EventsNode[] = [...bySpeaker]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([name, quotes]) => ({ kind: 'speaker', article: uri, name, quotes }));
    const counts = new Map<string, { first: MentionLocation; count: number }>();
    for (const m of this.entities.mentionsIn(uri)) {
      if (isTemporal(m.type) || !m.entityId) continue;
      const c = counts.get(m.entityId) ?? { first: m, count: 0 };
      c.count++;
      counts.set(m.entityId, c);
    }
    const top: EventsNode[] = [...counts]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, TOP_ENTITIES)
      .map(([entityId, c]) => ({ kind: 'entity', article: uri, entityId, first: c.first, count: c.count }));
    return [...top, ...speakers];
  }

  getParent(node: EventsNode): EventsNode | undefined {
    if (node.kind === 'entity' || node.kind === 'speaker') return this.nodeFor(node.article);
    if (node.kind === 'quote') {
      const q = this.entities.quotesIn(node.article)[node.index];
      const quotes = this.entities.quotesIn(node.article).map((x, i) => [x, i] as const).filter(([x]) => (x.speaker?.name ?? 'Unknown speaker') === (q?.speaker?.name ?? 'Unknown speaker')).map(([, i]) => i);
      return { kind: 'speaker', article: node.article, name: q?.speaker?.name ?? 'Unknown speaker', quotes };
    }
    if (node.kind === 'article' && this.eventService.ready) return this.eventNodeFor(node.state.uri);
    if (node.kind === 'event' && node.event.topic) return this.topLevel().find((t) => t.kind === 'topic' && t.key === node.event.topic!.key);
    return undefined;
  }

  getTreeItem(node: EventsNode): vscode.TreeItem {
    if (node.kind === 'event') return this.eventItem(node.event);
    if (node.kind === 'topic') {
      const item = new vscode.TreeItem(node.label, this.collapsedByDefault() ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.key;
      const n = node.events.reduce((sum, e) => sum + e.articles.length, 0);
      item.description = `${node.events.length} events · ${n} ${plural(n, 'article')}`;
      item.tooltip = `${node.label}: ${node.events.map((e) => e.label).join(' · ')}`;
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'topic';
      return item;
    }
    if (node.kind === 'speaker') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.article.toString()}#speaker:${node.name}`;
      item.description = `${node.quotes.length} ${plural(node.quotes.length, 'quote')}`;
      item.iconPath = new vscode.ThemeIcon('quote');
      item.contextValue = 'speaker';
      return item;
    }
    if (node.kind === 'quote') {
      const q = this.entities.quotesIn(node.article)[node.index];
      const item = new vscode.TreeItem(q ? `“${q.text.length > 70 ? q.text.slice(0, 69) + '…' : q.text}”` : 'quote', vscode.TreeItemCollapsibleState.None);
      item.id = `${node.article.toString()}#quote:${node.index}`;
      if (q) {
        item.description = q.links.length ? `also in ${q.links.length} other ${plural(q.links.length, 'article')}` : undefined;
        item.tooltip = `“${q.text}”\n— ${q.speaker?.name ?? 'unknown speaker'}${q.cue ? ` (${q.cue.text})` : ''}`;
        item.command = openTargetCommand(this.entities.targetOf(node.article, q), 'Show Quote');
      }
      item.contextValue = 'quote';
      return item;
    }
    return node.kind === 'article' ? this.articleItem(node.state) : this.entityItem(node);
  }

  private eventItem(event: CorpusEvent): vscode.TreeItem {
    // The name as label; dates and size in the description, where a long name cannot hide them.
    const item = new vscode.TreeItem(event.name, this.collapsedByDefault() ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
    item.id = `event:${event.key}`;
    const n = event.articles.length;
    const span = dateSpan(event.firstDate, event.lastDate);
    const reviewed = this.review?.reviewedAmong(event.articles) ?? 0;
    item.description = [span, `${n} ${plural(n, 'article')}`, reviewed ? `${reviewed}/${n} reviewed` : null, event.pinned ? 'set by you' : null].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(event.pinned ? 'pinned' : 'calendar');
    item.contextValue = event.pinned ? 'event pinnedEvent' : 'event';
    return item;
  }

  /**
   * Markdown tooltips are made on hover only: VS Code renders every tooltip it is given when
   * the view is fetched, and for 1,000 articles that held the extension host for 500 ms at each
   * redraw while indexing.
   */
  resolveTreeItem(item: vscode.TreeItem, node: EventsNode): vscode.TreeItem {
    if (item.tooltip !== undefined) return item;
    if (node.kind === 'event') item.tooltip = eventTooltip(node.event);
    else if (node.kind === 'article' && node.state.status === 'ok') item.tooltip = articleTooltip(path.basename(node.state.uri.fsPath), node.state);
    return item;
  }

  private collapsedByDefault(): boolean {
    return this.eventService.events().length > EXPANDED_UP_TO;
  }

  private articleNode(state: ArticleState): EventsNode {
    const key = state.uri.toString();
    const existing = this.articleNodes.get(key);
    if (existing && existing.kind === 'article' && existing.state === state) return existing;
    const node: EventsNode = { kind: 'article', state };
    this.articleNodes.set(key, node);
    return node;
  }

  private entityItem(node: Extract<EventsNode, { kind: 'entity' }>): vscode.TreeItem {
    const e = this.entities.entity(node.entityId);
    const item = new vscode.TreeItem(e?.canonical ?? node.first.text, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.article.toString()}#${node.entityId}`;
    item.description = `${typeLabel(e?.type ?? node.first.type, e?.subtype)} · ${node.count}×`;
    item.iconPath = new vscode.ThemeIcon(ICONS[e?.subtype ?? e?.type ?? ''] ?? 'symbol-field');
    item.tooltip = e ? `${e.canonical} — ${e.mentionCount} mentions in ${e.articleCount} articles` : node.first.text;
    item.contextValue = 'entity';
    item.command = openTargetCommand(this.entities.targetOf(node.article, node.first), 'Show Mention');
    return item;
  }

  private articleItem(state: ArticleState): vscode.TreeItem {
    const fileName = path.basename(state.uri.fsPath);
    const item = new vscode.TreeItem(fileName, vscode.TreeItemCollapsibleState.None);
    item.id = state.uri.toString();
    item.resourceUri = state.uri;
    item.command = { command: 'vscode.open', title: 'Open Article', arguments: [state.uri] };
    item.contextValue = 'article';
    if (state.status === 'pending') {
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.description = 'analysing…';
    } else if (state.status === 'error') {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.description = 'could not be analysed';
      item.tooltip = `${fileName}\n${state.message}`;
      item.contextValue = 'unreadableArticle';
    } else {
      const a = state.article;
      item.label = a.title ?? fileName;
      const reviewed = this.review?.isReviewed(state.uri) === true;
      item.iconPath = new vscode.ThemeIcon(reviewed ? 'pass' : 'file-text');
      item.description = [reviewed ? '✓ reviewed' : null, a.outlet ?? 'outlet unknown', a.date ?? 'date unknown', this.reuse?.of(state.uri)?.shareLabel].filter(Boolean).join(' · ');
      if (this.entities.mentionsIn(state.uri).length || this.entities.quotesIn(state.uri).length) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    }
    return item;
  }

  dispose(): void {
    this.redraw.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.dispose();
  }
}

function articleDate(s: ArticleState): string {
  return (s.status === 'ok' && s.article.date) || '9999';
}

function eventTooltip(event: CorpusEvent): vscode.MarkdownString {
  const n = event.articles.length;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(event.label)}**\n\n`);
  md.appendMarkdown(event.firstDate ? `$(calendar) ${event.firstDate}${event.lastDate !== event.firstDate ? ` – ${event.lastDate}` : ''}  \n` : '$(calendar) Dates unknown  \n');
  if (event.topic) md.appendMarkdown(`$(folder-library) Topic: ${escape(event.topic.label)}  \n`);
  md.appendMarkdown(`$(files) ${n} ${plural(n, 'article')}  \n`);
  md.appendMarkdown(event.pinned ? '$(pinned) Grouped by you: re-clustering keeps it.' : '$(sparkle) Grouped automatically.');
  return md;
}

function articleTooltip(fileName: string, state: Extract<ArticleState, { status: 'ok' }>): vscode.MarkdownString {
  const a = state.article;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(a.title ?? 'No title line')}**\n\n`);
  md.appendMarkdown(`$(file) ${escape(fileName)}  \n`);
  md.appendMarkdown(`$(globe) ${escape(a.outlet ?? 'Outlet unknown')}  \n`);
  md.appendMarkdown(`$(calendar) ${a.date ? `${a.date} (${describeSource(a.dateSource ?? 'text')})` : 'Date unknown'}  \n`);
  if (a.dateline) md.appendMarkdown(`$(location) Dateline: ${escape(a.dateline)}  \n`);
  const sentences = a.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  md.appendMarkdown(`$(list-flat) ${a.paragraphs.length} paragraphs, ${sentences} sentences; ${a.boilerplate.length} boilerplate lines`);
  return md;
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
