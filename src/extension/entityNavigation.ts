/** Hover, Go to Definition, Find All References, highlights, workspace symbols and Go to Related for entities. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { EntitySummary, MentionLocation } from './analysisProtocol';
import { isTemporal, typeLabel } from '../core/vocabulary';
import type { AnnotationStore } from './annotationStore';
import type { CorpusService } from './corpusService';
import type { EntityService } from './entityService';
import { lineLabel, linesOf, locationOf, locationsOf, markdownTargetLink, OPEN_TARGET_COMMAND, rangeIn, type Target } from './navigation';
import { entityStatus, statusText, type ReviewStatus } from '../core/annotations/review';

/** Other places Go to Related offers at a position (the twin passages of shared text), first in its list. */
export type RelatedPlaces = (doc: vscode.TextDocument, position: vscode.Position) => Promise<Array<vscode.QuickPickItem & { target: Target }>>;

export function registerEntityNavigation(corpus: CorpusService, entities: EntityService, annotations: AnnotationStore, related: RelatedPlaces = async () => []): vscode.Disposable[] {
  // Articles can be any text file the include glob matches; each provider checks membership.
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  const at = (doc: vscode.TextDocument, pos: vscode.Position) => (corpus.isArticle(doc.uri) ? entities.mentionAt(doc, pos) : undefined);
  const targetOf = (uri: vscode.Uri, m: MentionLocation) => entities.targetOf(uri, m);

  return [
    vscode.languages.registerHoverProvider(selector, {
      provideHover(doc, pos) {
        const m = at(doc, pos);
        if (!m) return undefined;
        return new vscode.Hover(entityHover(corpus, entities, m, entityStatus(m, annotations.annotationsOf(doc.uri))), rangeIn(doc, m));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition(doc, pos) {
        const m = at(doc, pos);
        const first = m && entities.mentionsOf(m.entityId)[0];
        return first ? locationOf(targetOf(first.uri, first.mention)) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences(doc, pos) {
        const m = at(doc, pos);
        return m ? locationsOf(entities.mentionsOf(m.entityId).map((r) => targetOf(r.uri, r.mention))) : undefined;
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(selector, {
      provideDocumentHighlights(doc, pos) {
        const m = at(doc, pos);
        if (!m) return undefined;
        return entities
          .mentionsIn(doc.uri)
          .filter((x) => x.entityId === m.entityId)
          .map((x) => new vscode.DocumentHighlight(rangeIn(doc, x), vscode.DocumentHighlightKind.Read));
      },
    }),
    vscode.languages.registerWorkspaceSymbolProvider({
      async provideWorkspaceSymbols(query) {
        const q = query.toLowerCase();
        const found: Array<{ e: EntitySummary; target: Target }> = [];
        for (const e of entities.entities()) {
          if (isTemporal(e.type)) continue;
          if (q && !e.aliases.some((a) => a.toLowerCase().includes(q))) continue;
          const first = entities.mentionsOf(e.id)[0];
          if (!first) continue;
          found.push({ e, target: targetOf(first.uri, first.mention) });
          if (found.length >= 500) break;
        }
        const locations = await locationsOf(found.map((f) => f.target));
        return found.map(({ e }, i) => new vscode.SymbolInformation(e.canonical, symbolKind(e.type), typeLabel(e.type, e.subtype), locations[i]));
      },
    }),
    vscode.commands.registerCommand('corpusLens.goToRelatedMention', async () => {
      const editor = vscode.window.activeTextEditor;
      const m = editor && at(editor.document, editor.selection.active);
      const places = editor && corpus.isArticle(editor.document.uri) ? await related(editor.document, editor.selection.active) : [];
      if (!editor || (!m && places.length === 0)) {
        void vscode.window.showInformationMessage('Put the cursor on a person, organisation, place or date, or in a passage other articles share, first.');
        return;
      }
      const entity = m && entities.entity(m.entityId);
      const others = m ? entities.mentionsOf(m.entityId).filter((r) => !(r.uri.toString() === editor.document.uri.toString() && r.mention.start === m.start)) : [];
      const targets = others.map((r) => targetOf(r.uri, r.mention));
      const lines = await linesOf(targets);
      const items = others.map((r, i) => ({
        label: r.mention.text,
        description: `${articleTitle(corpus, r.uri)}${lineLabel(lines[i])}`,
        detail: path.basename(r.uri.fsPath),
        target: targets[i],
      }));
      const otherArticles = items.filter((i) => i.target.article !== editor.document.uri.toString());
      const title = m
        ? `${entity?.canonical ?? m.text}: ${items.length} other mention${items.length === 1 ? '' : 's'}${places.length ? `, ${places.length} twin passage${places.length === 1 ? '' : 's'}` : ''}`
        : `This passage in ${places.length} other article${places.length === 1 ? '' : 's'}`;
      const pick = await vscode.window.showQuickPick([...places, ...otherArticles, ...items.filter((i) => !otherArticles.includes(i))], {
        title,
        placeHolder: m ? 'Go to a mention of the same entity, or to the same passage elsewhere' : 'Go to the same passage in another article',
        matchOnDescription: true,
      });
      if (!pick) return;
      await vscode.commands.executeCommand(OPEN_TARGET_COMMAND, pick.target);
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
  md.isTrusted = { enabledCommands: [OPEN_TARGET_COMMAND] };
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
  const perArticle = new Map<string, { uri: vscode.Uri; count: number; first: Target }>();
  for (const r of entities.mentionsOf(e.id)) {
    const key = r.uri.toString();
    const entry = perArticle.get(key) ?? { uri: r.uri, count: 0, first: entities.targetOf(r.uri, r.mention) };
    entry.count++;
    perArticle.set(key, entry);
  }
  md.appendMarkdown(`$(references) ${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'} in ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}:\n\n`);
  for (const { uri, count, first } of [...perArticle.values()].slice(0, 12)) {
    md.appendMarkdown(`- ${markdownTargetLink(escape(articleTitle(corpus, uri)), first)} — ${count} mention${count === 1 ? '' : 's'}\n`);
  }
  md.appendMarkdown(`\nFirst mention: *“${escape(e.firstSentence.length > 300 ? e.firstSentence.slice(0, 299) + '…' : e.firstSentence)}”*`);
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
