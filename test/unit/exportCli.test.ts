/** `corpus-lens export` end to end: files on disk, options, sidecar pins, never over an article. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { seed } from './seeds';
import { captureCli as capture } from './captureCli';

/** A corpus with two articles of the same name in two folders, one CRLF, one with a sidecar pin. */
function corpus(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-cli-'));
  mkdirSync(path.join(root, 'asia'));
  mkdirSync(path.join(root, 'europe'));
  mkdirSync(path.join(root, '.corpus-lens', 'europe'), { recursive: true });
  writeFileSync(path.join(root, 'asia', 'a.txt'), '\uFEFF' + seed('001').replace(/\n/g, '\r\n'));
  writeFileSync(path.join(root, 'europe', 'a.txt'), seed('004'));
  writeFileSync(
    path.join(root, '.corpus-lens', 'europe', 'a.txt.json'),
    JSON.stringify({ format: 'corpus-lens/article@1', file: 'europe/a.txt', metadata: { outlet: 'Europe Daily', url: 'https://example.com/e' }, event: 'Wang Yi visits', annotations: [] }),
  );
  return root;
}

describe('corpus-lens export (files)', () => {
  it('brat: relative paths kept, .txt as brat reads it, configuration written, metadata and pins carried', async () => {
    const root = corpus();
    const out = path.join(root, '..', path.basename(root) + '-out');
    const cli = capture();
    expect(await main(['export', '--format', 'brat', '--out', out, root], cli)).toBe(0);
    expect(cli.stdout).toBe('');
    const txt = readFileSync(path.join(out, 'asia', 'a.txt'), 'utf8');
    expect(txt).toBe(seed('001'));
    expect(existsSync(path.join(out, 'europe', 'a.ann'))).toBe(true);
    expect(readFileSync(path.join(out, 'annotation.conf'), 'utf8')).toContain('Attribution Content:Content');
    const meta = readFileSync(path.join(out, 'metadata.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(meta.find((m) => m.document === 'europe/a')).toMatchObject({ outlet: 'Europe Daily', url: 'https://example.com/e', event_id: 'pinned:Wang Yi visits', event_label: 'Wang Yi visits — 18 May 2017' });
    expect(meta.find((m) => m.document === 'asia/a').event_label).toEqual(expect.any(String));
  });

  it('--conll-columns 4 writes CoNLL-2003 form; two columns are the default', async () => {
    const root = corpus();
    for (const [args, docstart] of [[[], '-DOCSTART- O'], [['--conll-columns', '4'], '-DOCSTART- -X- -X- O']] as const) {
      const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-conll-'));
      expect(await main(['export', '--format', 'conll', ...args, '--out', out, root], capture())).toBe(0);
      expect(readFileSync(path.join(out, 'annotations.conll'), 'utf8').split('\n')[0]).toBe(docstart);
      expect(existsSync(path.join(out, 'documents.jsonl'))).toBe(true);
    }
    const cli = capture();
    expect(await main(['export', '--format', 'conll', '--conll-columns', '3', '--out', '/tmp/x', root], cli)).toBe(2);
    expect(cli.stderr).toContain('conll-columns');
  });

  it('--base-uri makes W3C ids absolute; by default they are relative, with no local path', async () => {
    const root = corpus();
    const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-w3c-'));
    expect(await main(['export', '--format', 'w3c', '--out', out, root], capture())).toBe(0);
    const relative = readFileSync(path.join(out, 'annotations.jsonld'), 'utf8');
    expect(relative).not.toContain(root);
    expect(JSON.parse(relative).id).toBe('annotations.jsonld');
    expect(await main(['export', '--format', 'w3c', '--base-uri', 'https://data.example.org/c', '--out', out, root], capture())).toBe(0);
    const based = JSON.parse(readFileSync(path.join(out, 'annotations.jsonld'), 'utf8'));
    expect(based.id).toBe('https://data.example.org/c/annotations.jsonld');
    expect(based.first.items[0].target.id).toMatch(/^https:\/\/data\.example\.org\/c\/(asia|europe)\/a\.txt$/);
  });

  it('never writes over an article: exporting brat into the corpus folder is refused', async () => {
    const root = corpus();
    const before = readFileSync(path.join(root, 'asia', 'a.txt'));
    const cli = capture();
    expect(await main(['export', '--format', 'brat', '--out', root, root], cli)).toBe(1);
    expect(cli.stderr).toContain('is one of the articles');
    expect(readFileSync(path.join(root, 'asia', 'a.txt')).equals(before)).toBe(true);
  });
});
