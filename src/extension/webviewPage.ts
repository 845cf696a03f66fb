/**
 * Every webview page as its panel serves it, without `vscode`: one shell (media/webview.html:
 * the strict Content-Security-Policy — a nonce for the one script, styles and images only from
 * the extension, no inline styles — the page's style sheet and script) around the page's own
 * body (media/PAGE/body.html). The panels and the Chromium test load exactly this.
 */
import * as fs from 'fs';
import * as path from 'path';

/** What the webview provides: its CSP source and the URI of a file of the extension. */
export interface PageResources {
  readonly cspSource: string;
  /** `relativePath` (e.g. `dist/media/compare/main.js`) as the webview loads it. */
  uri(relativePath: string): string;
}

/** The pages, by their folder under media/ (and dist/media/ for the script), and their titles. */
export const WEBVIEW_PAGES = {
  compare: { title: 'Compare Articles' },
  provenance: { title: 'Provenance' },
  curation: { title: 'Curation' },
} as const;

export type WebviewPage = keyof typeof WEBVIEW_PAGES;

export function webviewPageHtml(extensionPath: string, page: WebviewPage, resources: PageResources, nonce = randomNonce()): string {
  const read = (...rel: string[]) => fs.readFileSync(path.join(extensionPath, 'media', ...rel), 'utf8');
  const values: Record<string, string> = {
    nonce,
    cspSource: resources.cspSource,
    title: WEBVIEW_PAGES[page].title,
    script: resources.uri(`dist/media/${page}/main.js`),
    style: resources.uri(`media/${page}/${page}.css`),
    // Filled in as it is: one pass, so nothing in the body is read as a placeholder.
    body: read(page, 'body.html'),
  };
  return read('webview.html').replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

function randomNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}
