/** Colours entity mentions by type in visible articles: one decoration type per entity type. */
import * as vscode from 'vscode';
import { ArticleDecorator } from './articleDecorator';
import { rangeIn } from './navigation';
import type { TextVersion } from './analysisProtocol';
import type { ArticleState, CorpusService } from './corpusService';
import type { EntityService } from './entityService';
import { ENTITY_KINDS, entityKind, type EntityKind as Kind } from '../core/vocabulary';

/** Painting more than this per type and editor would slow the editor for little gain. */
const MAX_PER_TYPE = 3000;

const COLOR_IDS: Record<Kind, string> = {
  PER: 'corpusLens.entity.person',
  ORG: 'corpusLens.entity.organisation',
  LOC: 'corpusLens.entity.place',
  GROUP: 'corpusLens.entity.group',
  MISC: 'corpusLens.entity.other',
  DATE: 'corpusLens.entity.date',
};

export class EntityDecorations extends ArticleDecorator {
  private readonly types = new Map<Kind, vscode.TextEditorDecorationType>();

  constructor(
    corpus: CorpusService,
    private readonly entities: EntityService,
    private shown: ReadonlySet<string>,
  ) {
    super(corpus, [entities.onDidChange]);
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
    this.disposables.push(...this.types.values());
    this.schedule();
  }

  setShown(shown: ReadonlySet<string>): void {
    this.shown = shown;
    this.schedule();
  }

  protected override versionOf(state: ArticleState): TextVersion | undefined {
    return this.entities.versionOf(state.uri);
  }

  protected decorate(editor: vscode.TextEditor, _state: ArticleState): void {
    const doc = editor.document;
    const byKind = new Map<Kind, vscode.Range[]>(ENTITY_KINDS.map((k) => [k, []]));
    for (const m of this.entities.mentionsIn(doc.uri)) {
      const kind = entityKind(m.type, m.subtype);
      const list = byKind.get(kind);
      if (!list || !this.shown.has(kind) || list.length >= MAX_PER_TYPE) continue;
      list.push(rangeIn(doc, m));
    }
    for (const [kind, ranges] of byKind) editor.setDecorations(this.types.get(kind)!, ranges);
    this.painted(editor, [...byKind.values()].flat());
  }
}
