import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { emptySidecar, parseSidecar, serializeSidecar, sidecarPathFor, withMetadata } from '../../src/core/sidecar';
import { findCorpusRoot, readSidecar, updateSidecar, writeSidecar } from '../../src/node/files';

describe('sidecar format', () => {
  it('round-trips with a stable, diff-friendly layout', () => {
    const s = withMetadata(emptySidecar('seeds/001.txt'), { outlet: 'The Business Times', date: '2017-05-19' });
    const text = serializeSidecar(s);
    expect(text).toBe(
      '{\n  "format": "corpus-lens/article@1",\n  "file": "seeds/001.txt",\n  "metadata": {\n    "outlet": "The Business Times",\n    "date": "2017-05-19"\n  },\n  "event": null,\n  "annotations": []\n}\n',
    );
    const parsed = parseSidecar(text);
    expect(parsed.ok && parsed.sidecar.metadata).toEqual({ outlet: 'The Business Times', date: '2017-05-19' });
  });

  it.each([
    ['{ "format": "corpus-lens/article@1", "file": ', 'not valid JSON'],
    ['[]', 'expected a JSON object'],
    ['{"format":"other","file":"a"}', '"format" must be'],
    ['{"format":"corpus-lens/article@1","file":"a","metadata":{"date":"18 May"}}', 'YYYY-MM-DD'],
    ['{"format":"corpus-lens/article@1","file":"a","annotations":{}}', '"annotations" must be a list'],
  ])('names the problem in a damaged sidecar: %s', (text, error) => {
    const parsed = parseSidecar(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });

  it('lives beside the corpus under .corpus-lens/', () => {
    expect(sidecarPathFor('seeds\\a.txt')).toBe('.corpus-lens/seeds/a.txt.json');
  });
});

describe('sidecar files on disk', () => {
  it('writes atomically, finds the corpus root and leaves a corrupt file untouched', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-'));
    mkdirSync(path.join(root, 'seeds'));
    const article = path.join(root, 'seeds', 'a.txt');
    writeFileSync(article, 'Headline here\n\nBody text of the article.');
    expect(await findCorpusRoot(article)).toBeNull();

    await writeSidecar(root, article, withMetadata(emptySidecar('seeds/a.txt'), { title: 'Set by hand' }));
    expect(await findCorpusRoot(article)).toBe(root);
    expect(readdirSync(path.join(root, '.corpus-lens', 'seeds'))).toEqual(['a.txt.json']);
    const read = await readSidecar(root, article);
    expect(read.ok && read.sidecar.metadata.title).toBe('Set by hand');

    const sidecarFile = path.join(root, '.corpus-lens', 'seeds', 'a.txt.json');
    writeFileSync(sidecarFile, '{ broken');
    const damaged = await readSidecar(root, article);
    expect(damaged.ok).toBe(false);
    expect(readFileSync(sidecarFile, 'utf8')).toBe('{ broken');
  });

  it('loses no change made at the same moment: each update reads what the one before wrote', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-'));
    mkdirSync(path.join(root, 'seeds'));
    const article = path.join(root, 'seeds', 'a.txt');
    writeFileSync(article, 'Headline here\n\nBody text of the article.');
    // Annotations saved, metadata set and the article moved to an event, all at once.
    const updates = [
      ...Array.from({ length: 20 }, (_, k) => updateSidecar(root, article, (s) => ({ ...s, annotations: [...s.annotations, { id: `a${k}` }] }))),
      updateSidecar(root, article, (s) => withMetadata(s, { date: '2017-05-18' })),
      updateSidecar(root, article, (s) => ({ ...s, event: 'Envoy visit' })),
    ];
    expect((await Promise.all(updates)).every((u) => u.ok)).toBe(true);
    const read = await readSidecar(root, article);
    expect(read.ok && read.sidecar.annotations.map((a) => a.id)).toEqual(Array.from({ length: 20 }, (_, k) => `a${k}`));
    expect(read.ok && read.sidecar.metadata.date).toBe('2017-05-18');
    expect(read.ok && read.sidecar.event).toBe('Envoy visit');
  });

  it('refuses to update a damaged sidecar and leaves it as it was', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-'));
    mkdirSync(path.join(root, '.corpus-lens', 'seeds'), { recursive: true });
    const article = path.join(root, 'seeds', 'a.txt');
    const sidecarFile = path.join(root, '.corpus-lens', 'seeds', 'a.txt.json');
    writeFileSync(sidecarFile, '{ broken');
    const result = await updateSidecar(root, article, (s) => ({ ...s, event: 'Envoy visit' }));
    expect(result.ok).toBe(false);
    expect(readFileSync(sidecarFile, 'utf8')).toBe('{ broken');
  });
});
