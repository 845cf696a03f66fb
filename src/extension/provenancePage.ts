/**
 * The Provenance page as the panel serves it, without `vscode`: the template with the
 * Content-Security-Policy's nonce and the resource URIs filled in — the same strict policy as
 * Compare (a nonce for the one script, styles only from the extension, no inline styles).
 * The Chromium test loads exactly this.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ProvenanceTimeline } from '../core/reuse/timeline';
import type { ProvenanceView } from '../shared/provenanceProtocol';

/** What the webview provides: its CSP source and the URI of a file of the extension. */
export interface ProvenancePageResources {
  readonly cspSource: string;
  /** `relativePath` (e.g. `dist/media/provenance/main.js`) as the webview loads it. */
  uri(relativePath: string): string;
}

export function provenancePageHtml(extensionPath: string, resources: ProvenancePageResources, nonce = randomNonce()): string {
  const template = fs.readFileSync(path.join(extensionPath, 'media', 'provenance', 'index.html'), 'utf8');
  const values: Record<string, string> = {
    nonce,
    cspSource: resources.cspSource,
    script: resources.uri('dist/media/provenance/main.js'),
    style: resources.uri('media/provenance/provenance.css'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

function randomNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The view the page renders: the engine's timeline of the event's articles under the event's name. */
export function provenanceView(title: string, timeline: ProvenanceTimeline): ProvenanceView {
  return { title, ...timeline };
}
