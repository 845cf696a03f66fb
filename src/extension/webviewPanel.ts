/**
 * What the Compare, Provenance and Curation panels share: the page's HTML as the webview loads
 * it (src/extension/webviewPage.ts with the webview's resource URIs), the resource roots, the
 * icon, the page's `ready` handshake, a debounced refresh, the clean-up on close, and posting
 * to the page (each message also to a listener: the test API keeps the last).
 */
import * as vscode from 'vscode';
import { Debounced } from './scheduler';
import { webviewPageHtml, type WebviewPage } from './webviewPage';

/** Where a page may load files from: the bundled scripts and media/. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** A page's HTML for one webview: its CSP source and its URIs of the extension's files. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  return webviewPageHtml(extensionUri.fsPath, page, { cspSource: webview.cspSource, uri: (rel) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...rel.split('/'))).toString() });
}

/** A new panel beside the editor, scripts on, files only from the extension's roots. */
export function createPagePanel(viewType: string, title: string, extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Beside, { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: webviewRoots(extensionUri) });
}

type Message = { readonly type: string };

export abstract class PagePanel<ToPage extends Message, FromPage extends Message> {
  /** The page said `ready`: messages posted now are read. */
  protected ready = false;
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly rerender: Debounced;

  constructor(
    protected readonly panel: vscode.WebviewPanel,
    page: WebviewPage,
    extensionUri: vscode.Uri,
    refreshDelayMs: number,
    onDispose: () => void,
    private readonly onPost: (message: ToPage) => void = () => undefined,
  ) {
    this.rerender = new Debounced(refreshDelayMs, () => void this.refresh());
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'corpus-lens.svg');
    // Also for a panel VS Code restored: it comes without our options.
    panel.webview.options = { enableScripts: true, localResourceRoots: webviewRoots(extensionUri) };
    panel.webview.html = pageHtml(panel.webview, extensionUri, page);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromPage) => void this.receive(m)),
      panel.onDidDispose(() => {
        this.rerender.dispose();
        this.disposables.forEach((d) => d.dispose());
        onDispose();
      }),
    );
  }

  /** Refreshes after the panel's pause (changes come in bursts). */
  scheduleRefresh(): void {
    this.rerender.schedule();
  }

  dispose(): void {
    this.panel.dispose();
  }

  /** A message from the page: `ready` renders, the rest is the panel's (the tests send the page's messages here too). */
  async receive(m: FromPage): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      await this.refresh();
    } else {
      await this.onMessage(m);
    }
  }

  protected abstract onMessage(m: FromPage): Promise<void>;

  /** Renders the page anew. */
  protected abstract refresh(): Promise<void>;

  protected post(message: ToPage): Thenable<boolean> {
    this.onPost(message);
    return this.panel.webview.postMessage(message);
  }

  /**
   * A worker answer for the page, or undefined after telling the page what went wrong: `failed`
   * and the exception's message when the request threw, the answer's own error (or `failed`)
   * when it has nothing to show.
   */
  protected async answer<R extends { readonly error?: string }>(request: () => Promise<R>, has: (r: R) => boolean, failed: string): Promise<R | undefined> {
    let result: R;
    try {
      result = await request();
    } catch (e) {
      await this.postError(`${failed}: ${(e as Error).message}`);
      return undefined;
    }
    if (!has(result)) {
      await this.postError(result.error ?? `${failed}.`);
      return undefined;
    }
    return result;
  }

  protected postError(message: string): Thenable<boolean> {
    // Every page's protocol has this message (compareProtocol, provenanceProtocol, curationProtocol).
    return this.post({ type: 'error', message } as Message as ToPage);
  }
}
