/** Annotate Selection as Entity…, Remove Annotation, Mark Selection as Quote, Set Quote Speaker…. */
import * as vscode from 'vscode';
import { offsetIn } from './navigation';
import { annotate, newAnnotationId, type UserAnnotation } from '../core/annotations/annotations';
import { snapToTokens } from '../core/annotations/snap';
import type { EntityType } from '../core/entities/mentions';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';
import type { EntityService } from './entityService';

/** Arguments that skip the prompts (for scripts and tests); offsets index the document's text. */
interface SpanArgs {
  uri?: string;
  start?: number;
  end?: number;
  type?: EntityType;
  name?: string | null;
  speaker?: string | null;
}

const TYPES: Array<{ label: string; type: EntityType }> = [
  { label: '$(person) Person', type: 'PER' },
  { label: '$(organization) Organisation', type: 'ORG' },
  { label: '$(location) Place', type: 'LOC' },
  { label: '$(symbol-misc) Other name or group', type: 'MISC' },
  { label: '$(calendar) Date', type: 'DATE' },
];

export function registerAnnotationCommands(corpus: CorpusService, entities: EntityService, store: AnnotationStore): vscode.Disposable[] {
  const target = async (args?: SpanArgs): Promise<{ doc: vscode.TextDocument; start: number; end: number } | undefined> => {
    if (args?.uri !== undefined && args.start !== undefined && args.end !== undefined) {
      return { doc: await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)), start: args.start, end: args.end };
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || !corpus.isArticle(editor.document.uri)) {
      void vscode.window.showInformationMessage('Select some words in an article of the corpus first.');
      return undefined;
    }
    const { doc, sel } = { doc: editor.document, sel: editor.selection };
    return { doc, start: offsetIn(doc, sel.start), end: offsetIn(doc, sel.end) };
  };

  const pickSpeaker = async (initial?: string | null): Promise<string | null | undefined> => {
    const people = entities
      .entities()
      .filter((e) => e.type === 'PER' || e.type === 'ORG')
      .map((e) => ({ label: e.canonical, description: `${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}`, value: e.canonical as string | null }));
    const other = { label: '$(edit) Someone else…', description: '', value: '\u0000' as string | null };
    const unknown = { label: '$(question) Unknown speaker', description: '', value: null as string | null };
    const pick = await vscode.window.showQuickPick([...people, other, unknown], { placeHolder: initial ? `Now: ${initial}` : 'Who said it?' });
    if (!pick) return undefined;
    if (pick.value !== '\u0000') return pick.value;
    return (await vscode.window.showInputBox({ prompt: 'The speaker, as you want it written' }))?.trim() || undefined;
  };

  /** Spans start and end on whole tokens, without surrounding spaces, so exports (CoNLL/IOB) keep them. */
  const snapped = <T extends { doc: vscode.TextDocument; start: number; end: number }>(t: T | undefined): T | undefined => {
    if (!t || t.start === t.end) return undefined;
    const span = snapToTokens(t.doc.getText(), t.start, t.end);
    if (!span) {
      void vscode.window.showInformationMessage('The selection has no words to annotate.');
      return undefined;
    }
    return { ...t, ...span };
  };

  const add = (uri: vscode.Uri, make: (id: string) => UserAnnotation) => store.update(uri, (current) => [...current, make(newAnnotationId(current))]);

  return [
    vscode.commands.registerCommand('corpusLens.annotateEntity', async (args?: SpanArgs) => {
      const t = snapped(await target(args));
      if (!t) return;
      const type = args?.type ?? (await vscode.window.showQuickPick(TYPES, { placeHolder: `What is “${t.doc.getText().slice(t.start, t.end)}”?` }))?.type;
      if (!type) return;
      let name = args?.name;
      if (name === undefined) {
        const same = entities.entities().filter((e) => e.type === type);
        const created = { label: `$(add) A new ${type === 'PER' ? 'person' : 'entity'}: “${t.doc.getText().slice(t.start, t.end)}”`, value: null as string | null };
        const pick = await vscode.window.showQuickPick([created, ...same.map((e) => ({ label: e.canonical, description: e.aliases.slice(1, 4).join(', '), value: e.canonical as string | null }))], { placeHolder: 'The same as an entity the corpus already has?' });
        if (!pick) return;
        name = pick.value;
      }
      const anchor = annotate(t.doc.getText(), t.start, t.end);
      // A new mark replaces the user's earlier marks on the same words.
      store.update(t.doc.uri, (current) => [...current.filter((a) => a.kind !== 'entity' || a.anchor.end <= t.start || a.anchor.start >= t.end), { id: newAnnotationId(current), kind: 'entity', type, name: name ?? null, anchor }]);
    }),
    vscode.commands.registerCommand('corpusLens.removeAnnotation', async (args?: SpanArgs) => {
      const t = await target(args);
      if (!t) return;
      const at = t.start;
      const own = store.annotationsOf(t.doc.uri).find((a) => a.anchor.start <= at && at <= a.anchor.end);
      if (own) {
        store.update(t.doc.uri, (current) => current.filter((a) => a.id !== own.id));
        return;
      }
      const mention = entities.mentionsIn(t.doc.uri).find((m) => m.start <= at && at <= m.end);
      if (!mention) {
        void vscode.window.showInformationMessage('There is no entity or annotation here to remove.');
        return;
      }
      // An automatic result the user rejects is remembered, so it stays removed.
      add(t.doc.uri, (id) => ({ id, kind: 'not-entity', anchor: annotate(t.doc.getText(), mention.start, mention.end) }));
    }),
    vscode.commands.registerCommand('corpusLens.markQuote', async (args?: SpanArgs) => {
      const t = snapped(await target(args));
      if (!t) return;
      const speaker = args && 'speaker' in args ? args.speaker : await pickSpeaker();
      if (speaker === undefined) return;
      add(t.doc.uri, (id) => ({ id, kind: 'quote', speaker: speaker ?? null, anchor: annotate(t.doc.getText(), t.start, t.end) }));
    }),
    vscode.commands.registerCommand('corpusLens.setQuoteSpeaker', async (args?: SpanArgs) => {
      const t = await target(args);
      if (!t) return;
      const quote = entities.quotesIn(t.doc.uri).find((q) => q.start <= t.start && t.start <= q.end);
      if (!quote) {
        void vscode.window.showInformationMessage('Put the cursor inside a quote first.');
        return;
      }
      const speaker = args && 'speaker' in args ? args.speaker : await pickSpeaker(quote.speaker?.name);
      if (speaker === undefined) return;
      const anchor = annotate(t.doc.getText(), quote.start, quote.end);
      store.update(t.doc.uri, (current) => [...current.filter((a) => a.kind !== 'quote' || a.anchor.end <= quote.start || a.anchor.start >= quote.end), { id: newAnnotationId(current), kind: 'quote', speaker: speaker ?? null, anchor }]);
    }),
    vscode.commands.registerCommand('corpusLens.flushAnnotations', () => store.flush()),
  ];
}
