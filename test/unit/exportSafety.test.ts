/** `corpus-lens export` never destroys what the user owns. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { seedPath } from './seeds';
import { captureCli as capture } from './captureCli';

const seed = (n: string) => readFileSync(seedPath(n), 'utf8');

/** corpus/a/x.txt and corpus/b/x.txt: same name, different articles. */
function twoFolders(): string {
  const corpus = mkdtempSync(path.join(tmpdir(), 'corpus-lens-expsafe-'));
  mkdirSync(path.join(corpus, 'a'));
  mkdirSync(path.join(corpus, 'b'));
  writeFileSync(path.join(corpus, 'a', 'x.txt'), seed('001'));
  writeFileSync(path.join(corpus, 'b', 'x.txt'), seed('002'));
  return corpus;
}

describe('export never destroys what the user owns', () => {
  it('does not replace an input article: `export --out corpus/b corpus` exits 1 and b/x.txt is untouched', async () => {
    const corpus = twoFolders();
    const cli = capture();
    expect(await main(['export', '--format', 'brat', '--out', path.join(corpus, 'b'), corpus], cli)).toBe(1);
    expect(readFileSync(path.join(corpus, 'b', 'x.txt'), 'utf8')).toBe(seed('002'));
    expect(cli.stderr).toContain('did not export');
    // Even with --force an input is never written over.
    const flat = mkdtempSync(path.join(tmpdir(), 'corpus-lens-expsafe-'));
    writeFileSync(path.join(flat, 'x.txt'), seed('003'));
    const forced = capture();
    expect(await main(['export', '--format', 'brat', '--force', '--out', flat, path.join(flat, 'x.txt')], forced)).toBe(1);
    expect(forced.stderr).toContain('never written over');
    expect(readFileSync(path.join(flat, 'x.txt'), 'utf8')).toBe(seed('003'));
  });

  it('keeps same-named articles apart by their relative paths', async () => {
    const corpus = twoFolders();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-out-')), 'export');
    expect(await main(['export', '--format', 'brat', '--out', out, corpus], capture())).toBe(0);
    expect(readFileSync(path.join(out, 'a', 'x.txt'), 'utf8')).toBe(seed('001'));
    expect(readFileSync(path.join(out, 'b', 'x.txt'), 'utf8')).toBe(seed('002'));
    expect(existsSync(path.join(out, 'b', 'x.ann'))).toBe(true);
  });

  it('does not write through a link planted in the output folder', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-out-'));
    const victim = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-victim-')), 'precious.txt');
    writeFileSync(victim, 'keep me');
    // An export was made here before (so the folder is one we may write into)…
    expect(await main(['export', '--format', 'brat', '--out', out, seedPath('004')], capture())).toBe(0);
    // …and then someone replaced one of its files by a link.
    const ann = path.join(out, '004_057a0b69c0c8fa40.ann');
    rmSync(ann);
    symlinkSync(victim, ann);
    const cli = capture();
    expect(await main(['export', '--format', 'brat', '--force', '--out', out, seedPath('004')], cli)).toBe(1);
    expect(cli.stderr).toContain('symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(ann).isSymbolicLink()).toBe(true);
  });

  it('writes only into a new, empty or previously exported folder unless --force', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-out-'));
    writeFileSync(path.join(out, 'notes.txt'), 'my notes');
    const refused = capture();
    expect(await main(['export', '--format', 'jsonl', '--out', out, seedPath('004')], refused)).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    // A hand-made file with an export's name is not replaced silently, even in an export folder.
    expect(await main(['export', '--format', 'jsonl', '--force', '--out', out, seedPath('004')], capture())).toBe(0);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('my notes');
    const exported = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-out-')), 'e');
    expect(await main(['export', '--format', 'conll', '--out', exported, seedPath('004')], capture())).toBe(0);
    writeFileSync(path.join(exported, 'annotations.jsonl'), 'made by hand');
    const handMade = capture();
    expect(await main(['export', '--format', 'jsonl', '--out', exported, seedPath('004')], handMade)).toBe(1);
    expect(handMade.stderr).toContain('was not exported by Corpus Lens');
    expect(readFileSync(path.join(exported, 'annotations.jsonl'), 'utf8')).toBe('made by hand');
    // Exporting again into its own folder is fine.
    expect(await main(['export', '--format', 'conll', '--out', exported, seedPath('003')], capture())).toBe(0);
  });

  it('creates no folder when no input could be read, and says why without a stack trace', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-out-')), 'never');
    const cli = capture();
    expect(await main(['export', '--format', 'brat', '--out', out, '/no/such/article.txt'], cli)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(cli.stderr).toContain('no article could be read');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-out-')), 'a-file');
    writeFileSync(file, 'x');
    const notFolder = capture();
    expect(await main(['export', '--format', 'brat', '--out', file, seedPath('004')], notFolder)).toBe(1);
    expect(notFolder.stderr).toContain('is not a folder');
    expect(notFolder.stderr).not.toMatch(/\n\s+at /);
  });
});
