/** Hover, Go to Definition, Find All References, highlights, workspace symbols and Go to Related for entities. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { MentionLocation } from './analysisProtocol';
import { isTemporal, typeLabel } from '../core/vocabulary';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';
import { mentionRange, type EntityService } from './entityService';
import { entityStatus, statusText, type ReviewStatus } from '../core/annotations/review';

/** Other places Go to Related offers at a position (the twin passages of shared text), first in its list. */
export type RelatedPlaces = (uri: vscode.Uri, position: vscode.Position) => Array<vscode.QuickPickItem & { target: { uri: vscode.Uri; range: vscode.Range } }>;

export function registerEntityNavigation(corpus: CorpusService, entities: EntityService, annotations: AnnotationStore, related: RelatedPlaces = () => []): vscode.Disposable[] {
  // Articles can be any text file the include glob matches; each provider checks membership.
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  const at = (doc: vscode.TextDocument, pos: vscode.Position) => (corpus.isArticle(doc.uri) ? entities.mentionAt(doc.uri, pos) : undefined);
  const location = (uri: vscode.Uri, m: MentionLocation) => new vscode.Location(uri, mentionRange(m));

  return [
    vscode.languages.registerHoverProvider(selector, {
      provideHover(doc, pos) {
        const m = at(doc, pos);
        if (!m) return undefined;
        return new vscode.Hover(entityHover(corpus, entities, m, entityStatus(m, annotations.annotationsOf(doc.uri))), mentionRange(m));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition(doc, pos) {
        const m = at(doc, pos);
        const first = m && entities.mentionsOf(m.entityId)[0];
        return first ? location(first.uri, first.mention) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences(doc, pos) {
        const m = at(doc, pos);
        return m ? entities.mentionsOf(m.entityId).map((r) => location(r.uri, r.mention)) : undefined;
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(selector, {
      provideDocumentHighlights(doc, pos) {
        const m = at(doc, pos);
        if (!m) return undefined;
        return entities
          .mentionsIn(doc.uri)
          .filter((x) => x.entityId === m.entityId)
          .map((x) => new vscode.DocumentHighlight(mentionRange(x), vscode.DocumentHighlightKind.Read));
      },
    }),
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols(query) {
        const q = query.toLowerCase();
        const out: vscode.SymbolInformation[] = [];
        for (const e of entities.entities()) {
          if (isTemporal(e.type)) continue;
          if (q && !e.aliases.some((a) => a.toLowerCase().includes(q))) continue;
          const first = entities.mentionsOf(e.id)[0];
          if (!first) continue;
          out.push(new vscode.SymbolInformation(e.canonical, symbolKind(e.type), typeLabel(e.type, e.subtype), location(first.uri, first.mention)));
          if (out.length >= 500) break;
        }
        return out;
      },
    }),
    vscode.commands.registerCommand('corpusLens.goToRelatedMention', async () => {
      const editor = vscode.window.activeTextEditor;
      const m = editor && at(editor.document, editor.selection.active);
      const places = editor && corpus.isArticle(editor.document.uri) ? related(editor.document.uri, editor.selection.active) : [];
      if (!editor || (!m && places.length === 0)) {
        void vscode.window.showInformationMessage('Put the cursor on a person, organisation, place or date, or in a passage other articles share, first.');
        return;
      }
      const entity = m && entities.entity(m.entityId);
      const items = m
        ? entities
            .mentionsOf(m.entityId)
            .filter((r) => !(r.uri.toString() === editor.document.uri.toString() && r.mention.start === m.start))
            .map((r) => ({
              label: r.mention.text,
              description: `${articleTitle(corpus, r.uri)} · line ${r.mention.line + 1}`,
              detail: path.basename(r.uri.fsPath),
              target: { uri: r.uri, range: mentionRange(r.mention) },
            }))
        : [];
      const otherArticles = items.filter((i) => i.target.uri.toString() !== editor.document.uri.toString());
      const title = m
        ? `${entity?.canonical ?? m.text}: ${items.length} other mention${items.length === 1 ? '' : 's'}${places.length ? `, ${places.length} twin passage${places.length === 1 ? '' : 's'}` : ''}`
        : `This passage in ${places.length} other article${places.length === 1 ? '' : 's'}`;
      const pick = await vscode.window.showQuickPick([...places, ...otherArticles, ...items.filter((i) => !otherArticles.includes(i))], {
        title,
        placeHolder: m ? 'Go to a mention of the same entity, or to the same passage elsewhere' : 'Go to the same passage in another article',
        matchOnDescription: true,
      });
      if (!pick) return;
      await vscode.window.showTextDocument(pick.target.uri, { selection: pick.target.range });
    }),
  ];
}

function symbolKind(type: string): vscode.SymbolKind {
  return type === 'PER' ? vscode.SymbolKind.Object : type === 'ORG' ? vscode.SymbolKind.Class : type === 'LOC' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Constant;
}

function articleTitle(corpus: CorpusService, uri: vscode.Uri): string {
  return corpus.titleOf(uri);
}


function entityHover(corpus: CorpusService, entities: EntityService, m: MentionLocation, status: ReviewStatus): vscode.MarkdownString {
  const e = entities.entity(m.entityId);
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['vscode.open'] };
  // The review status: "automatic — accepted by you" and so on (src/core/annotations/review.ts).
  const origin =
    status === 'user'
      ? '$(account) Marked by you'
      : status === 'automatic'
        ? '$(sparkle) Found automatically — Corpus Lens: Review… or Annotate Selection as Entity… corrects it'
        : `$(pass) ${statusText(status).replace(/^automatic/, 'Automatic')}`;
  if (!e) {
    md.appendMarkdown(`**${escape(m.text)}** — ${typeLabel(m.type, m.subtype)}\n\n${origin}`);
    return md;
  }
  md.appendMarkdown(`**${escape(e.canonical)}** — ${typeLabel(e.type, e.subtype)}\n\n${origin}\n\n`);
  if (e.aliases.length > 1) md.appendMarkdown(`Also written: ${e.aliases.slice(1, 8).map((a) => `*${escape(a)}*`).join(', ')}\n\n`);
  const perArticle = new Map<string, { uri: vscode.Uri; count: number; line: number }>();
  for (const r of entities.mentionsOf(e.id)) {
    const key = r.uri.toString();
    const entry = perArticle.get(key) ?? { uri: r.uri, count: 0, line: r.mention.line };
    entry.count++;
    perArticle.set(key, entry);
  }
  md.appendMarkdown(`$(references) ${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'} in ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}:\n\n`);
  for (const { uri, count, line } of [...perArticle.values()].slice(0, 12)) {
    const link = `${uri.with({ fragment: `L${line + 1}` }).toString()}`;
    md.appendMarkdown(`- [${escape(articleTitle(corpus, uri))}](${link}) — ${count} mention${count === 1 ? '' : 's'}\n`);
  }
  md.appendMarkdown(`\nFirst mention: *“${escape(e.firstSentence.length > 300 ? e.firstSentence.slice(0, 299) + '…' : e.firstSentence)}”*`);
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
