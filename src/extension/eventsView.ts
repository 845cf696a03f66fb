/** The Events view. Until events are clustered it lists the articles, flat. */
import * as path from 'path';
import * as vscode from 'vscode';
import { describeSource } from '../core/articleSummary';
import type { ArticleState, CorpusService } from './corpusService';

export class EventsTreeProvider implements vscode.TreeDataProvider<ArticleState>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ArticleState | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly corpus: CorpusService) {
    // Coalesce bursts (the first indexing fires once per article) into one repaint.
    this.subscription = corpus.onDidChange(() => {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.emitter.fire(undefined), 50);
    });
  }

  getChildren(element?: ArticleState): ArticleState[] {
    return element ? [] : this.corpus.all();
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(state: ArticleState): vscode.TreeItem {
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
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.description = [a.outlet ?? 'outlet unknown', a.date ?? 'date unknown'].join(' · ');
      item.tooltip = articleTooltip(fileName, state);
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
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

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
