/** Colours entity mentions by type in visible articles: one decoration type per entity type. */
import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { mentionRange, type EntityService } from './entityService';

/** Painting more than this per type and editor would slow the editor for little gain. */
const MAX_PER_TYPE = 3000;

export const ENTITY_KINDS = ['PER', 'ORG', 'LOC', 'GROUP', 'MISC', 'DATE'] as const;
type Kind = (typeof ENTITY_KINDS)[number];

const COLOR_IDS: Record<Kind, string> = {
  PER: 'corpusLens.entity.person',
  ORG: 'corpusLens.entity.organisation',
  LOC: 'corpusLens.entity.place',
  GROUP: 'corpusLens.entity.group',
  MISC: 'corpusLens.entity.other',
  DATE: 'corpusLens.entity.date',
};

export class EntityDecorations implements vscode.Disposable {
  private readonly types = new Map<Kind, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly painted = new Map<string, number>();

  constructor(
    private readonly corpus: CorpusService,
    private readonly entities: EntityService,
    private shown: ReadonlySet<string>,
  ) {
    for (const kind of ENTITY_KINDS) {
      const color = new vscode.ThemeColor(COLOR_IDS[kind]);
      this.types.set(
        kind,
        vscode.window.createTextEditorDecorationType({
          color,
          borderWidth: '0 0 1px 0',
          borderStyle: kind === 'DATE' ? 'dotted' : 'solid',
          borderColor: color,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this.disposables.push(
      ...this.types.values(),
      entities.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
    );
    this.schedule();
  }

  setShown(shown: ReadonlySet<string>): void {
    this.shown = shown;
    this.schedule();
  }

  /** How many mentions are painted in a document, for tests. */
  paintedCount(uri: vscode.Uri): number {
    return this.painted.get(uri.toString()) ?? 0;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.paint(), 30);
  }

  private paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const state = this.corpus.get(doc.uri);
      if (!state) continue;
      if (state.status === 'ok') {
        const current = state.version === null ? !doc.isDirty : state.version === doc.version;
        // Positions from an older text would land on the wrong words: keep what is shown.
        if (!current) continue;
      }
      const byKind = new Map<Kind, vscode.Range[]>(ENTITY_KINDS.map((k) => [k, []]));
      let total = 0;
      for (const m of this.entities.mentionsIn(doc.uri)) {
        const kind: Kind = m.subtype === 'NORP' ? 'GROUP' : m.type === 'TIME' ? 'DATE' : (m.type as Kind);
        const list = byKind.get(kind);
        if (!list || !this.shown.has(kind) || list.length >= MAX_PER_TYPE) continue;
        list.push(mentionRange(m));
        total++;
      }
      for (const [kind, ranges] of byKind) editor.setDecorations(this.types.get(kind)!, ranges);
      this.painted.set(doc.uri.toString(), total);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
