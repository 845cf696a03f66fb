/** `corpus-lens import`: export → import round trips, re-anchoring by text, unknown labels, exit codes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { seedPath } from './seeds';
import { captureCli as capture } from './captureCli';

const NOTE = 'Editor’s note: figures updated on Friday.\n\n';

/** A corpus holding seeds 002 and 004, the first with a note added on top (the copies differ). */
function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-import-'));
  mkdirSync(path.join(dir, 'news'));
  writeFileSync(path.join(dir, 'news', '002_2ef836bb7012053c.txt'), NOTE + readFileSync(seedPath('002'), 'utf8'));
  writeFileSync(path.join(dir, 'news', '004_057a0b69c0c8fa40.txt'), readFileSync(seedPath('004'), 'utf8'));
  return dir;
}

async function exported(format: string): Promise<string> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-import-src-')), format);
  expect(await main(['export', '--format', format, '--out', out, seedPath('002'), seedPath('004')], capture())).toBe(0);
  return out;
}

function sidecarOf(dir: string, name: string): { annotations: Array<{ kind: string; type?: string; speaker?: string | null; anchor: { start: number; end: number; exact: string } }> } {
  return JSON.parse(readFileSync(path.join(dir, '.corpus-lens', 'news', `${name}.txt.json`), 'utf8'));
}

describe('corpus-lens import', () => {
  for (const format of ['brat', 'jsonl', 'w3c']) {
    it(`round-trips an export (${format}): every annotation lands on its words, even where the copy differs`, async () => {
      const source = await exported(format);
      const dir = corpus();
      const cli = capture();
      const sourceArg = format === 'brat' ? source : path.join(source, format === 'jsonl' ? 'annotations.jsonl' : 'annotations.jsonld');
      expect(await main(['import', '--format', format, '--into', dir, sourceArg], cli)).toBe(0);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toMatch(/imported \d+ annotations into 2 articles/);
      const text = readFileSync(path.join(dir, 'news', '002_2ef836bb7012053c.txt'), 'utf8');
      const { annotations } = sidecarOf(dir, '002_2ef836bb7012053c');
      expect(annotations.length).toBeGreaterThan(10);
      for (const a of annotations) expect(text.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
      const shilla = annotations.find((a) => a.anchor.exact === 'Hotel Shilla');
      expect(shilla?.anchor.start).toBe(text.indexOf('Hotel Shilla'));
      expect(annotations.some((a) => a.kind === 'quote')).toBe(true);
      // Importing the same again adds nothing new and still succeeds.
      const again = capture();
      expect(await main(['import', '--format', format, '--into', dir, sourceArg], again)).toBe(0);
      expect(again.stderr).toContain('imported 0 annotations');
      expect(sidecarOf(dir, '002_2ef836bb7012053c').annotations).toHaveLength(annotations.length);
    });
  }

  it('reports unknown labels (never drops them silently) and matches an .ann by file name', async () => {
    const dir = corpus();
    const text = readFileSync(path.join(dir, 'news', '004_057a0b69c0c8fa40.txt'), 'utf8');
    const at = text.indexOf('Wang Yi');
    const src = mkdtempSync(path.join(tmpdir(), 'corpus-lens-import-ann-'));
    const ann = path.join(src, '004_057a0b69c0c8fa40.ann');
    writeFileSync(ann, `T1\tPerson ${at} ${at + 7}\tWang Yi\nT2\tSentiment ${at} ${at + 7}\tWang Yi\n`);
    const cli = capture();
    expect(await main(['import', '--format', 'brat', '--into', dir, ann], cli)).toBe(0);
    expect(cli.stderr).toContain('unknown labels not imported: Sentiment (1)');
    expect(sidecarOf(dir, '004_057a0b69c0c8fa40').annotations.map((a) => [a.kind, a.type, a.anchor.exact])).toEqual([['entity', 'PER', 'Wang Yi']]);
  });

  it('exits 1 with a summary when nothing could be imported', async () => {
    const dir = corpus();
    const src = mkdtempSync(path.join(tmpdir(), 'corpus-lens-import-none-'));
    writeFileSync(path.join(src, 'unrelated.ann'), 'T1\tPER 0 4\tNobody\n');
    const cli = capture();
    expect(await main(['import', '--format', 'brat', '--into', dir, src], cli)).toBe(1);
    expect(cli.stderr).toContain('no article of the corpus is named unrelated.txt');
    expect(cli.stderr).toContain('imported 0 annotations into 0 articles');
    const usage = capture();
    expect(await main(['import', '--format', 'conll', '--into', dir, src], usage)).toBe(2);
  });
});

describe('corpus-lens import of its own brat export', () => {
  it('reports no unknown label for the attribution events it writes', async () => {
    const source = await exported('brat');
    const cli = capture();
    expect(await main(['import', '--format', 'brat', '--into', corpus(), source], cli)).toBe(0);
    expect(cli.stderr).not.toContain('unknown labels');
  });
});
