import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { WEBVIEW_PAGES } from '../../src/extension/webviewPage';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the package, as a published extension ships it', () => {
  it('holds what the installed extension reads and leaves out screenshots and TypeScript sources (vsce ls)', () => {
    const files = execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(files.filter((f) => f.endsWith('.ts') || f.startsWith('media/screenshots/') || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    // Every webview page: the shell, its body and its style sheet (src/extension/webviewPage.ts reads them).
    const pages = Object.keys(WEBVIEW_PAGES).flatMap((p) => [`media/${p}/body.html`, `media/${p}/${p}.css`]);
    for (const needed of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icons/corpus-lens.png', 'media/webview.html', ...pages, 'media/icons/reuse-dark.svg']) expect(files).toContain(needed);
    for (const step of manifest.contributes.walkthroughs[0].steps) expect(files).toContain(step.media.markdown);
  }, 60_000);

  it('has a 128 px PNG icon', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it('declares its workspace capabilities with reasons', () => {
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe(false);
    expect(manifest.capabilities.virtualWorkspaces.description).toMatch(/file system/);
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['corpusLens.include', 'corpusLens.exclude']);
  });

  it('reads corpusLens.include per folder, as a list of globs', () => {
    const include = manifest.contributes.configuration.properties['corpusLens.include'];
    expect(include.scope).toBe('resource');
    expect(include.type).toContain('array');
    expect(include.type).toContain('string');
  });
});
