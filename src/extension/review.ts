/**
 * Corpus Lens: Review… — walks the automatic entities and quotes of an article, an event or the
 * corpus, least confident first, with one key each to accept (A), reject (R), change the type
 * (T), skip (S) and go back (B); Shift+A / Shift+T apply the decision to every identical name in
 * the article; Ctrl+Z takes the last decision back; Escape stops. The keys are active only while
 * the `corpusLens.reviewing` context key is set, and the status bar says which they are.
 *
 * Decisions are user annotations (src/core/annotations/review.ts), saved in the sidecars, so
 * progress is kept across sessions: a queue built again leaves out what was decided. Skipped
 * results are remembered in the workspace state and come last. Also: Mark Article Reviewed,
 * the "12 / 40 reviewed" status bar item.
 */
import * as vscode from 'vscode';
import { DELAYS, Debounced } from './scheduler';
import { rangeIn } from './navigation';
import type { UserAnnotation } from '../core/annotations/annotations';
import { acceptEntity, acceptQuote, correctEntity, correctQuote, decideAll, entityStatus, rejectEntity, rejectQuote, reviewQueue, type QueueItem } from '../core/annotations/review';
import type { EntityType } from '../core/entities/mentions';
import { withReviewed } from '../core/sidecar';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';
import type { EntityService } from './entityService';
import type { EventService } from './eventService';
import type { SidecarFiles } from './sidecarFiles';

const SKIPPED_KEY = 'corpusLens.review.skipped';
const TYPES: Array<{ label: string; type: EntityType }> = [
  { label: '$(person) Person (PER)', type: 'PER' },
  { label: '$(organization) Organisation (ORG)', type: 'ORG' },
  { label: '$(location) Place (LOC)', type: 'LOC' },
  { label: '$(symbol-misc) Other name or group (MISC)', type: 'MISC' },
];

type Item = QueueItem & { readonly uri: vscode.Uri };

interface Step {
  readonly index: number;
  /** The annotations of each article the decision changed, as they were before it. */
  readonly before: ReadonlyArray<{ uri: vscode.Uri; annotations: readonly UserAnnotation[] }>;
}

/** Arguments that skip the prompts (scripts and tests). */
interface ReviewArgs {
  scope?: 'article' | 'event' | 'corpus';
  uri?: string;
  event?: string;
}

export class ReviewController implements vscode.Disposable {
  private items: Item[] = [];
  private index = 0;
  private steps: Step[] = [];
  private active = false;
  private readonly item = vscode.window.createStatusBarItem('corpusLens.review', vscode.StatusBarAlignment.Left, 49);
  private readonly progress = vscode.window.createStatusBarItem('corpusLens.reviewed', vscode.StatusBarAlignment.Left, 48);
  private readonly highlight = vscode.window.createTextEditorDecorationType({ border: '2px solid', borderColor: new vscode.ThemeColor('focusBorder'), borderRadius: '2px' });
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  /** The queue moved (for tests and views). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly corpus: CorpusService,
    private readonly entities: EntityService,
    private readonly events: EventService,
    private readonly store: AnnotationStore,
    private readonly sidecars: SidecarFiles,
    private readonly state: vscode.Memento,
  ) {
    this.item.name = 'Corpus Lens review';
    this.progress.name = 'Corpus Lens: articles reviewed';
    this.progress.command = 'corpusLens.review';
    this.disposables.push(this.item, this.progress, this.highlight, this.emitter, this.progressSoon, sidecars.onDidChangeReviewed(() => this.progressSoon.schedule()), corpus.onDidChange(() => this.progressSoon.schedule()));
    this.renderProgress();
  }

  commands(): vscode.Disposable[] {
    const on = (name: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(name, run);
    return [
      on('corpusLens.review', (args?: ReviewArgs) => this.start(args)),
      on('corpusLens.review.accept', () => this.decide('accept')),
      on('corpusLens.review.reject', () => this.decide('reject')),
      on('corpusLens.review.retype', (type?: EntityType) => this.retype(false, type)),
      on('corpusLens.review.acceptAll', () => this.decide('accept', true)),
      on('corpusLens.review.retypeAll', (type?: EntityType) => this.retype(true, type)),
      on('corpusLens.review.skip', () => this.skip()),
      on('corpusLens.review.back', () => this.back()),
      on('corpusLens.review.undo', () => this.undo()),
      on('corpusLens.review.stop', () => this.stop()),
      // For scripts and tests: where the review stands.
      on('corpusLens.review.status', () => this.status()),
      on('corpusLens.markArticleReviewed', (args?: { uri?: string; reviewed?: boolean; acceptRemaining?: boolean }) => this.markReviewed(args)),
    ];
  }

  /** Where the review stands (for tests). */
  status(): { active: boolean; index: number; total: number; current?: { uri: string; start: number; end: number; text: string; label: string; kind: string } } {
    const c = this.items[this.index];
    return { active: this.active, index: this.index, total: this.items.length, ...(c && this.active ? { current: { uri: c.uri.toString(), start: c.start, end: c.end, text: c.text, label: c.label, kind: c.kind } } : {}) };
  }

  private async start(args?: ReviewArgs): Promise<void> {
    const uris = await this.scope(args);
    if (!uris) return;
    const skipped = new Set(this.state.get<string[]>(SKIPPED_KEY, []));
    const queue = reviewQueue(
      uris.map((uri) => ({ id: uri.toString(), mentions: this.entities.mentionsIn(uri), quotes: this.entities.quotesIn(uri), annotations: this.store.annotationsOf(uri) })),
    ).map((q) => ({ ...q, uri: vscode.Uri.parse(q.article) }));
    // Skipped last, in the same order among themselves.
    this.items = [...queue.filter((q) => !skipped.has(itemKey(q))), ...queue.filter((q) => skipped.has(itemKey(q)))];
    this.index = 0;
    this.steps = [];
    if (this.items.length === 0) {
      void vscode.window.showInformationMessage(uris.length === 1 ? 'Nothing left to review in this article: every automatic result has your decision.' : 'Nothing left to review here.');
      return;
    }
    this.active = true;
    await vscode.commands.executeCommand('setContext', 'corpusLens.reviewing', true);
    await this.show();
  }

  private async scope(args?: ReviewArgs): Promise<vscode.Uri[] | undefined> {
    const activeUri = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    const article = activeUri && this.corpus.isArticle(activeUri) ? activeUri : undefined;
    const eventOf = (uri: vscode.Uri) => this.events.events().find((e) => e.articles.includes(uri.toString()));
    let scope = args?.scope;
    if (!scope) {
      const picks: Array<vscode.QuickPickItem & { value: 'article' | 'event' | 'corpus' }> = [];
      if (article) picks.push({ label: '$(file-text) This article', value: 'article' });
      const event = article && eventOf(article);
      if (event) picks.push({ label: '$(calendar) This event', description: `${event.name} · ${event.articles.length} articles`, value: 'event' });
      picks.push({ label: '$(library) The whole corpus', description: `${this.corpus.all().length} articles`, value: 'corpus' });
      scope = (await vscode.window.showQuickPick(picks, { placeHolder: 'Review the automatic results of…' }))?.value;
      if (!scope) return undefined;
    }
    if (scope === 'article') return article ? [article] : undefined;
    if (scope === 'event') {
      const event = args?.event ? this.events.events().find((e) => e.key === args.event) : article && eventOf(article);
      return event ? event.articles.map((u) => vscode.Uri.parse(u)) : undefined;
    }
    return this.corpus.all().filter((a) => a.status === 'ok').map((a) => a.uri);
  }

  private async show(): Promise<void> {
    const current = this.items[this.index];
    if (!current) return this.finish();
    const editor = await vscode.window.showTextDocument(current.uri, { preserveFocus: false, preview: false });
    const doc = editor.document;
    // The words may have changed since the queue was built: such an item is passed over.
    if (doc.getText().slice(current.start, current.end) !== current.text) {
      this.index++;
      return this.show();
    }
    const range = rangeIn(doc, current);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.setDecorations(this.highlight, [range]);
    const what = current.kind === 'quote' ? 'quote' : current.label;
    this.item.text = `$(checklist) Review ${this.index + 1}/${this.items.length}: “${clip(current.text, 30)}” ${what} — A accept · R reject · T ${current.kind === 'quote' ? 'speaker' : 'type'} · S skip · B back · ⇧A all · Esc stop`;
    this.item.tooltip = `Corpus Lens review, least confident first.\nA: accept · R: reject · T: change the ${current.kind === 'quote' ? 'speaker' : 'type'} · S: skip · B: back (and take the last decision back) · Shift+A / Shift+T: every identical name in this article · Ctrl+Z: undo · Escape: stop.`;
    this.item.command = 'corpusLens.review.stop';
    this.item.show();
    this.emitter.fire();
  }

  private async finish(): Promise<void> {
    const articles = [...new Set(this.items.map((i) => i.uri.toString()))];
    await this.stop();
    const notReviewed = articles.filter((u) => !this.sidecars.isReviewed(vscode.Uri.parse(u)));
    if (notReviewed.length === 0) return;
    const mark = await vscode.window.showInformationMessage(`Review done. Mark the ${notReviewed.length === 1 ? 'article' : `${notReviewed.length} articles`} reviewed (their annotations complete, so they can teach the recogniser)?`, 'Mark Reviewed');
    if (mark) for (const u of notReviewed) await this.markReviewed({ uri: u, reviewed: true, acceptRemaining: false });
  }

  private async stop(): Promise<void> {
    this.active = false;
    this.item.hide();
    for (const e of vscode.window.visibleTextEditors) e.setDecorations(this.highlight, []);
    await vscode.commands.executeCommand('setContext', 'corpusLens.reviewing', false);
    this.emitter.fire();
  }

  /** The article's current text (the open document's, which the annotations are anchored in). */
  private async textOf(uri: vscode.Uri): Promise<string> {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  }

  private async apply(uri: vscode.Uri, change: (current: readonly UserAnnotation[], text: string) => UserAnnotation[]): Promise<{ uri: vscode.Uri; annotations: readonly UserAnnotation[] }> {
    const text = await this.textOf(uri);
    const before = this.store.annotationsOf(uri);
    this.store.update(uri, (current) => change(current, text));
    return { uri, annotations: before };
  }

  private async decide(action: 'accept' | 'reject', all = false): Promise<void> {
    const c = this.active ? this.items[this.index] : undefined;
    if (!c) return;
    let before;
    if (c.kind === 'quote') {
      before = await this.apply(c.uri, (cur, text) => (action === 'accept' ? acceptQuote(cur, text, { start: c.start, end: c.end, speaker: this.quoteSpeaker(c) }) : rejectQuote(cur, text, c)));
    } else if (all) {
      const same = this.identical(c);
      before = await this.apply(c.uri, (cur, text) => decideAll(cur, text, same, { action }));
    } else {
      const m = { start: c.start, end: c.end, type: c.label as EntityType };
      before = await this.apply(c.uri, (cur, text) => (action === 'accept' ? acceptEntity(cur, text, m) : rejectEntity(cur, text, m)));
    }
    this.advance(before, all ? c : undefined);
  }

  private async retype(all: boolean, given?: EntityType): Promise<void> {
    const c = this.active ? this.items[this.index] : undefined;
    if (!c) return;
    if (c.kind === 'quote') {
      const speaker = await vscode.window.showInputBox({ prompt: 'Who said it? (empty: nobody named)', value: this.quoteSpeaker(c)?.name ?? '' });
      if (speaker === undefined) return;
      const before = await this.apply(c.uri, (cur, text) => correctQuote(cur, text, { start: c.start, end: c.end, speaker: this.quoteSpeaker(c) }, { speaker: speaker.trim() || null }));
      return this.advance(before);
    }
    const type =
      given ??
      (await vscode.window.showQuickPick(
        TYPES.filter((t) => t.type !== c.label),
        { placeHolder: all ? `Every “${c.text}” in this article is…` : `“${c.text}” is…` },
      ))?.type;
    if (!type) return;
    const targets = all ? this.identical(c) : [{ start: c.start, end: c.end, type: c.label as EntityType }];
    const before = await this.apply(c.uri, (cur, text) => (all ? decideAll(cur, text, targets, { action: 'retype', type }) : correctEntity(cur, text, targets[0], { type })));
    this.advance(before, all ? c : undefined);
  }

  /** The automatic mentions with the same words in the item's article ("all 'Lotte' here"). */
  private identical(c: Item): Array<{ start: number; end: number; type: EntityType }> {
    const annotations = this.store.annotationsOf(c.uri);
    return this.entities
      .mentionsIn(c.uri)
      .filter((m) => m.text === c.text && (entityStatus(m, annotations) === 'automatic' || (m.start === c.start && m.end === c.end)))
      .map((m) => ({ start: m.start, end: m.end, type: m.type as EntityType }));
  }

  private quoteSpeaker(c: Item): { name: string } | null {
    const q = this.entities.quotesIn(c.uri).find((x) => x.start === c.start && x.end === c.end);
    return q?.speaker ? { name: q.speaker.name } : null;
  }

  private advance(before: { uri: vscode.Uri; annotations: readonly UserAnnotation[] }, all?: Item): void {
    this.steps.push({ index: this.index, before: [before] });
    if (all) {
      // The identical names just decided leave the queue.
      const done = new Set(this.identical(all).map((m) => `${m.start}:${m.end}`));
      this.items = this.items.filter((i, k) => k <= this.index || i.uri.toString() !== all.uri.toString() || i.kind !== 'entity' || i.text !== all.text || !done.has(`${i.start}:${i.end}`));
    }
    this.index++;
    void this.show();
  }

  private async skip(): Promise<void> {
    const c = this.active ? this.items[this.index] : undefined;
    if (!c) return;
    const skipped = new Set(this.state.get<string[]>(SKIPPED_KEY, []));
    skipped.add(itemKey(c));
    await this.state.update(SKIPPED_KEY, [...skipped].slice(-5000));
    this.steps.push({ index: this.index, before: [] });
    this.index++;
    await this.show();
  }

  /** Back one item, taking its decision back. */
  private async back(): Promise<void> {
    if (!this.active) return;
    if (this.steps.length) return this.undo();
    this.index = Math.max(0, this.index - 1);
    await this.show();
  }

  private async undo(): Promise<void> {
    const step = this.steps.pop();
    if (!step) return;
    for (const b of step.before) this.store.update(b.uri, () => [...b.annotations]);
    this.index = step.index;
    if (!this.active) {
      this.active = true;
      await vscode.commands.executeCommand('setContext', 'corpusLens.reviewing', true);
    }
    await this.show();
  }

  private async markReviewed(args?: { uri?: string; reviewed?: boolean; acceptRemaining?: boolean }): Promise<void> {
    const uri = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !this.corpus.isArticle(uri)) {
      void vscode.window.showInformationMessage('Open an article of the corpus first.');
      return;
    }
    const reviewed = args?.reviewed ?? !this.sidecars.isReviewed(uri);
    if (reviewed) {
      const annotations = this.store.annotationsOf(uri);
      const open = this.entities.mentionsIn(uri).filter((m) => m.type !== 'DATE' && m.type !== 'TIME' && entityStatus(m, annotations) === 'automatic');
      let accept = args?.acceptRemaining;
      if (accept === undefined && open.length) {
        const choice = await vscode.window.showWarningMessage(
          `${open.length} automatic name${open.length === 1 ? ' has' : 's have'} no decision yet. A reviewed article's annotations are complete: what is not annotated is not a name.`,
          { modal: true },
          'Accept Them and Mark Reviewed',
          'Mark Reviewed (they are not names)',
        );
        if (!choice) return;
        accept = choice.startsWith('Accept');
      }
      if (accept && open.length) {
        const text = await this.textOf(uri);
        this.store.update(uri, (cur) => decideAll(cur, text, open.map((m) => ({ start: m.start, end: m.end, type: m.type as EntityType })), { action: 'accept' }));
      }
    }
    // The annotations first, so the sidecar that says "reviewed" has them.
    await this.store.flush();
    await this.sidecars.write(uri, (s) => withReviewed(s, reviewed));
    this.renderProgress();
  }

  /** Indexing reads every sidecar and settles every article: the count is taken once they pause. */
  private readonly progressSoon = new Debounced(DELAYS.status, () => this.renderProgress());

  private renderProgress(): void {
    const all = this.corpus.all();
    const reviewed = all.filter((a) => this.sidecars.isReviewed(a.uri)).length;
    if (reviewed === 0 && !this.active) {
      this.progress.hide();
      return;
    }
    this.progress.text = `$(pass) ${reviewed} / ${all.length} reviewed`;
    this.progress.tooltip = 'Corpus Lens: articles marked reviewed (their annotations complete). Click to review.';
    this.progress.show();
  }

  /** Reviewed articles among these (Events view counts). */
  reviewedAmong(uris: readonly string[]): number {
    return uris.filter((u) => this.sidecars.isReviewed(vscode.Uri.parse(u))).length;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function itemKey(q: QueueItem): string {
  return `${q.article}#${q.kind}:${q.start}-${q.end}`;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

