/**
 * The Compare page as the panel serves it, without `vscode`: its HTML (the template with the
 * Content-Security-Policy's nonce and the resource URIs filled in) and the view the page
 * renders, built from a comparison. The Chromium test loads exactly this.
 */
import * as fs from 'fs';
import * as path from 'path';
import { alignedRows } from '../core/compare/rows';
import type { ComparisonReport } from '../core/compare/report';
import type { CompareView } from '../shared/compareProtocol';

/** What the webview provides: its CSP source and the URI of a file of the extension. */
export interface PageResources {
  readonly cspSource: string;
  /** `relativePath` (e.g. `dist/media/compare/main.js`) as the webview loads it. */
  uri(relativePath: string): string;
}

export function comparePageHtml(extensionPath: string, resources: PageResources, nonce = randomNonce()): string {
  const template = fs.readFileSync(path.join(extensionPath, 'media', 'compare', 'index.html'), 'utf8');
  const values: Record<string, string> = {
    nonce,
    cspSource: resources.cspSource,
    script: resources.uri('dist/media/compare/main.js'),
    style: resources.uri('media/compare/compare.css'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** The comparison as the page shows it: headers, aligned rows and the two matrices. */
export function compareView(report: ComparisonReport): CompareView {
  return {
    articles: report.articles.map((a) => ({ file: a.file, title: a.title, outlet: a.outlet, date: a.date, sharedFraction: a.sharedFraction, overlapFraction: a.overlapFraction, uniqueCount: a.unique.length })),
    rows: alignedRows(report),
    quotes: report.quotes,
    entities: report.entities.map((e) => ({ name: e.name, type: e.type, counts: e.counts })),
  };
}

function randomNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}
