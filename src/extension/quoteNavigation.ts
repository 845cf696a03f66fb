/** Quote hover (speaker, cue, other outlets' wording), List Quotes and Go to Related for quotes. */
import * as path from 'path';
import * as vscode from 'vscode';
import { diffWords } from '../core/quotes/match';
import type { QuoteLocation } from './analysisProtocol';
import type { CorpusService } from './corpusService';
import type { EntityService } from './entityService';
import { lineLabel, linesOf, markdownTargetLink, OPEN_TARGET_COMMAND, rangeIn, type Target } from './navigation';

export function registerQuoteNavigation(corpus: CorpusService, entities: EntityService): vscode.Disposable[] {
  const title = (uri: vscode.Uri) => {
    const s = corpus.get(uri);
    return (s?.status === 'ok' && (s.article.title ?? s.article.outlet)) || path.basename(uri.fsPath);
  };
  const outlet = (uri: vscode.Uri) => {
    const s = corpus.get(uri);
    return (s?.status === 'ok' && s.article.outlet) || path.basename(uri.fsPath);
  };
  const open = (t: Target) => vscode.commands.executeCommand(OPEN_TARGET_COMMAND, t);

  return [
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], {
      provideHover(doc, pos) {
        if (!corpus.isArticle(doc.uri)) return undefined;
        const found = entities.quoteAt(doc, pos);
        if (!found) return undefined;
        const { quote } = found;
        const md = new vscode.MarkdownString(undefined, true);
        md.isTrusted = { enabledCommands: [OPEN_TARGET_COMMAND] };
        md.appendMarkdown(`$(quote) **${escape(quote.speaker?.name ?? 'Unknown speaker')}**`);
        if (quote.speaker && quote.speaker.text !== quote.speaker.name) md.appendMarkdown(` (“${escape(quote.speaker.text)}”)`);
        md.appendMarkdown(quote.cue ? ` — cue: *${escape(quote.cue.text)}*` : '');
        md.appendMarkdown(quote.kind === 'partial' ? ' · partial quote\n\n' : '\n\n');
        if (quote.links.length === 0) md.appendMarkdown('No other article of the corpus carries this quote.');
        for (const link of quote.links.slice(0, 6)) {
          const other = entities.quote(link.uri, link.index);
          if (!other) continue;
          const uri = vscode.Uri.parse(link.uri);
          md.appendMarkdown(`${markdownTargetLink(escape(outlet(uri)), entities.targetOf(link.uri, other))} — ${link.relation === 'same' ? 'same words' : `similar (${Math.round(link.score * 100)}%)`}: `);
          md.appendMarkdown(`“${otherWording(quote.text, other.text)}”\n\n`);
        }
        return new vscode.Hover(md, rangeIn(doc, quote));
      },
    }),
    vscode.commands.registerCommand('corpusLens.listQuotes', async () => {
      const all = entities.allQuotes();
      if (all.length === 0) {
        void vscode.window.showInformationMessage('No attributed quotes in the corpus yet.');
        return;
      }
      const bySpeaker = new Map<string, typeof all>();
      for (const q of all) {
        const name = q.quote.speaker?.name ?? 'Unknown speaker';
        bySpeaker.set(name, [...(bySpeaker.get(name) ?? []), q]);
      }
      const speaker = await vscode.window.showQuickPick(
        [{ label: '$(list-flat) All speakers', name: null as string | null, description: `${all.length} quotes` }, ...[...bySpeaker].sort((a, b) => b[1].length - a[1].length).map(([name, qs]) => ({ label: name, name: name as string | null, description: `${qs.length} quote${qs.length === 1 ? '' : 's'}` }))],
        { title: 'Corpus Lens: List Quotes', placeHolder: 'Whose quotes?' },
      );
      if (!speaker) return;
      const quotes = speaker.name ? bySpeaker.get(speaker.name)! : all;
      const targets = quotes.map((q) => entities.targetOf(q.uri, q.quote));
      const lines = await linesOf(targets);
      const pick = await vscode.window.showQuickPick(
        quotes.map((q, i) => ({ label: `“${q.quote.text.length > 90 ? q.quote.text.slice(0, 89) + '…' : q.quote.text}”`, description: q.quote.speaker?.name ?? '', detail: `${title(q.uri)}${lineLabel(lines[i])}`, target: targets[i] })),
        { title: speaker.name ? `Quotes by ${speaker.name}` : 'All quotes', matchOnDetail: true, matchOnDescription: true },
      );
      if (pick) await open(pick.target);
    }),
    vscode.commands.registerCommand('corpusLens.goToRelatedQuote', async () => {
      const editor = vscode.window.activeTextEditor;
      const found = editor && entities.quoteAt(editor.document, editor.selection.active);
      if (!editor || !found) {
        void vscode.window.showInformationMessage('Put the cursor inside a quote in an article first.');
        return;
      }
      const items = found.quote.links
        .map((l) => ({ l, q: entities.quote(l.uri, l.index) }))
        .filter((x): x is { l: (typeof found.quote.links)[number]; q: QuoteLocation } => !!x.q)
        .map(({ l, q }) => ({ label: `“${q.text.slice(0, 90)}”`, description: `${outlet(vscode.Uri.parse(l.uri))} · ${l.relation === 'same' ? 'same words' : `similar ${Math.round(l.score * 100)}%`}`, target: entities.targetOf(l.uri, q) }));
      if (items.length === 0) {
        void vscode.window.showInformationMessage('No other article carries this quote.');
        return;
      }
      const pick = await vscode.window.showQuickPick(items, { placeHolder: 'The same quote in other articles' });
      if (pick) await open(pick.target);
    }),
  ];
}

/**
 * The other article's wording whole, in its own order, its words that differ from this
 * quote's in bold: read as one sentence, not as two interleaved ones.
 */
export function otherWording(mine: string, theirs: string): string {
  return diffWords(mine, theirs)
    .filter(([kind]) => kind !== 'removed')
    .map(([kind, t]) => {
      if (kind === 'same') return escape(t);
      const lead = /^\s*/.exec(t)![0];
      const trail = /\s*$/.exec(t)![0];
      return `${lead}**${escape(t.trim())}**${trail}`;
    })
    .join('');
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, '\\$&');
}
