/** The status bar item: how many articles, and a click to the Events view. */
import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { DELAYS, Debounced } from './scheduler';

export function createStatusBar(corpus: CorpusService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Corpus Lens';
  item.command = 'corpusLens.events.focus';
  const render = () => {
    const all = corpus.all();
    const failed = all.filter((a) => a.status === 'error').length;
    const pending = all.filter((a) => a.status === 'pending').length;
    item.text = pending ? `$(loading~spin) ${all.length} articles` : `$(book) ${all.length} article${all.length === 1 ? '' : 's'}`;
    if (failed) item.text += ` $(warning) ${failed}`;
    item.tooltip = failed
      ? `Corpus Lens: ${all.length} article files, ${failed} could not be analysed (see the Events view). Click to open the Events view.`
      : `Corpus Lens: ${all.length} article files. Click to open the Events view.`;
    if (all.length > 0 || corpus.indexed) item.show();
  };
  render();
  const soon = new Debounced(DELAYS.status, render);
  const sub = corpus.onDidChange(() => soon.schedule());
  return vscode.Disposable.from(item, sub, soon);
}
