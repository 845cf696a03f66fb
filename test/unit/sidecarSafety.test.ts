/**
 * What the user owns is never lost or written elsewhere: a sidecar never decides where it is
 * written, what this version does not know survives every rewrite, concurrent writers from
 * several processes lose nothing, and a failed save removes its temporary file.
 */
import { spawn, spawnSync } from 'child_process';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeAnnotationRecords, readAnnotations, toSidecarAnnotations } from '../../src/core/annotations/annotations';
import { parseSidecar, serializeSidecar, withMetadata } from '../../src/core/sidecar';
import { findCorpusRoot, readSidecar, updateSidecar, writeFileAtomic } from '../../src/node/files';

const SEED_TEXT = readFileSync(path.join(__dirname, '..', '..', 'seeds', '004_057a0b69c0c8fa40.txt'), 'utf8');

function corpus(): { root: string; article: string; sidecarFile: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-trust-'));
  mkdirSync(path.join(root, 'seeds'));
  const article = path.join(root, 'seeds', 'c.txt');
  writeFileSync(article, SEED_TEXT);
  mkdirSync(path.join(root, '.corpus-lens', 'seeds'), { recursive: true });
  return { root, article, sidecarFile: path.join(root, '.corpus-lens', 'seeds', 'c.txt.json') };
}

describe('a sidecar never decides where it is written', () => {
  it('ignores a "file" field pointing outside the corpus: the update lands in the article\'s own sidecar', async () => {
    const { root, article, sidecarFile } = corpus();
    const victim = path.join(path.dirname(root), `victim-${path.basename(root)}`);
    writeFileSync(sidecarFile, JSON.stringify({ format: 'corpus-lens/article@1', file: `../../${path.basename(victim)}`, metadata: {} }));
    const result = await updateSidecar(root, article, (s) => withMetadata(s, { title: 'Set by hand' }));
    expect(result.ok).toBe(true);
    expect(existsSync(`${victim}.json`)).toBe(false);
    const stored = JSON.parse(readFileSync(sidecarFile, 'utf8'));
    expect(stored).toMatchObject({ file: 'seeds/c.txt', metadata: { title: 'Set by hand' } });
  });

  it('repairs a "file" naming another article instead of sending the update to that article\'s sidecar', async () => {
    const { root, article, sidecarFile } = corpus();
    writeFileSync(path.join(root, 'seeds', 'other.txt'), 'Other article\n\nIts own text.');
    const otherSidecar = path.join(root, '.corpus-lens', 'seeds', 'other.txt.json');
    writeFileSync(otherSidecar, JSON.stringify({ format: 'corpus-lens/article@1', file: 'seeds/other.txt', metadata: { title: 'Other' } }));
    writeFileSync(sidecarFile, JSON.stringify({ format: 'corpus-lens/article@1', file: 'seeds/other.txt', metadata: {} }));
    const read = await readSidecar(root, article);
    expect(read.ok && read.repaired).toContain('corrected to "seeds/c.txt"');
    await updateSidecar(root, article, (s) => ({ ...s, event: 'Envoy visit' }));
    expect(JSON.parse(readFileSync(otherSidecar, 'utf8'))).toEqual({ format: 'corpus-lens/article@1', file: 'seeds/other.txt', metadata: { title: 'Other' } });
    expect(JSON.parse(readFileSync(sidecarFile, 'utf8'))).toMatchObject({ file: 'seeds/c.txt', event: 'Envoy visit' });
  });

  it('writes nothing through a sidecar folder that is a link leading outside the corpus', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-trust-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'corpus-lens-outside-'));
    mkdirSync(path.join(root, 'seeds'));
    const article = path.join(root, 'seeds', 'c.txt');
    writeFileSync(article, SEED_TEXT);
    mkdirSync(path.join(root, '.corpus-lens'));
    symlinkSync(outside, path.join(root, '.corpus-lens', 'seeds'));
    const result = await updateSidecar(root, article, (s) => withMetadata(s, { title: 'x' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('outside the corpus');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses an article outside the corpus root', async () => {
    const { root } = corpus();
    const result = await updateSidecar(path.join(root, 'seeds'), path.join(root, 'elsewhere.txt'), (s) => s);
    expect(result.ok).toBe(false);
  });
});

describe('the corpus root', () => {
  it('is never a folder above the user\'s home or a file-system root', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'corpus-lens-home-'));
    const project = path.join(home, 'project');
    mkdirSync(path.join(project, 'news'), { recursive: true });
    writeFileSync(path.join(project, 'news', 'a.txt'), 'A\n\nB.');
    // A stray .corpus-lens above home must not capture the project.
    mkdirSync(path.join(path.dirname(home), '.corpus-lens'), { recursive: true });
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(await findCorpusRoot(path.join(project, 'news', 'a.txt'))).toBeNull();
      mkdirSync(path.join(project, '.corpus-lens'));
      expect(await findCorpusRoot(path.join(project, 'news', 'a.txt'))).toBe(project);
      expect(await findCorpusRoot(project)).toBe(project);
    } finally {
      process.env.HOME = saved;
      spawnSync('rm', ['-rf', path.join(path.dirname(home), '.corpus-lens')]);
    }
  });
});

const known = new Set(['format', 'file', 'metadata', 'event', 'annotations', '__proto__']);
const extraKey = (taken: Set<string>) => fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !taken.has(k) && k !== '__proto__');
const json = fc.jsonValue({ maxDepth: 2 });

describe('what this version does not know survives every rewrite', () => {
  const annotationKnown = new Set(['id', 'kind', 'type', 'name', 'speaker', 'anchor', 'orphaned', '__proto__']);
  const anchor = fc.record({ start: fc.constant(10), end: fc.constant(14), exact: fc.constant(SEED_TEXT.slice(10, 14)), prefix: fc.constant(SEED_TEXT.slice(0, 10)), suffix: fc.constant(SEED_TEXT.slice(14, 46)) });
  const knownAnnotation = fc
    .tuple(fc.constantFrom('entity', 'quote', 'not-entity'), anchor, fc.dictionary(extraKey(annotationKnown), json, { maxKeys: 3 }))
    .map(([kind, a, extra]) => ({ ...extra, id: 'k', kind, ...(kind === 'entity' ? { type: 'ORG', name: null } : kind === 'quote' ? { speaker: null } : {}), anchor: a }));
  const unknownAnnotation = fc.tuple(fc.dictionary(extraKey(new Set(['kind', 'id', '__proto__'])), json, { maxKeys: 3 })).map(([extra]) => ({ ...extra, id: 'u', kind: 'relation' }));
  const sidecarJson = fc
    .record({
      extra: fc.dictionary(extraKey(known), json, { maxKeys: 3 }),
      metadataExtra: fc.dictionary(extraKey(new Set(['title', 'outlet', 'date', 'url', '__proto__'])), json, { maxKeys: 3 }),
      annotations: fc.array(fc.oneof(knownAnnotation, unknownAnnotation), { maxLength: 4 }),
    })
    .map(({ extra, metadataExtra, annotations }) => ({
      ...extra,
      format: 'corpus-lens/article@1',
      file: 'seeds/c.txt',
      metadata: { ...metadataExtra, outlet: 'Reuters' },
      event: null,
      annotations: annotations.map((a, i) => ({ ...a, id: `${a.id}${i}` })),
    }));

  it('keeps unknown top-level fields, metadata, annotation kinds and annotation fields through parse → annotations → serialise (property)', () => {
    fc.assert(
      fc.property(sidecarJson, (generated) => {
        // As a file holds it (JSON has no -0, for one).
        const original = JSON.parse(JSON.stringify(generated));
        const parsed = parseSidecar(JSON.stringify(original));
        if (!parsed.ok) throw new Error(parsed.error);
        const { annotations, keptAside } = readAnnotations(parsed.sidecar.annotations);
        const rewritten = serializeSidecar({ ...parsed.sidecar, annotations: toSidecarAnnotations(annotations, keptAside) });
        const back = JSON.parse(rewritten);
        // Same content; the order of the annotations is: the ones in use, then those kept aside.
        const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
        expect({ ...back, annotations: byId(back.annotations) }).toEqual({ ...original, annotations: byId(original.annotations) });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps them through an update on disk that changes something else', async () => {
    const { root, article, sidecarFile } = corpus();
    const original = {
      format: 'corpus-lens/article@1',
      file: 'seeds/c.txt',
      metadata: { author: 'Kim', outlet: 'Reuters' },
      event: null,
      annotations: [{ id: 'r1', kind: 'relation', from: 'a1', to: 'a2' }, { id: 'a1', kind: 'entity', type: 'PER', name: null, note: 'check spelling', anchor: { start: 0, end: 4, exact: SEED_TEXT.slice(0, 4), prefix: '', suffix: SEED_TEXT.slice(4, 36) } }],
      tags: ['diplomacy'],
    };
    writeFileSync(sidecarFile, JSON.stringify(original));
    await updateSidecar(root, article, (s) => withMetadata(s, { date: '2017-05-18' }));
    const stored = JSON.parse(readFileSync(sidecarFile, 'utf8'));
    expect(stored).toEqual({ ...original, metadata: { outlet: 'Reuters', date: '2017-05-18', author: 'Kim' } });
  });
});

describe('concurrent writers', () => {
  it('merges another writer\'s additions with ours, renumbering an id both sides took', () => {
    const base = [{ id: 'a1', kind: 'quote' }];
    const mine = [{ id: 'a1', kind: 'quote', speaker: 'Xi' }, { id: 'a2', kind: 'entity' }];
    const theirs = [{ id: 'a1', kind: 'quote' }, { id: 'a2', kind: 'not-entity' }];
    const merged = mergeAnnotationRecords(base, mine, theirs);
    expect(merged).toEqual([{ id: 'a1', kind: 'quote', speaker: 'Xi' }, { id: 'a2', kind: 'not-entity' }, { id: 'a3', kind: 'entity' }]);
    // A deletion on our side is kept; a deletion on theirs too.
    expect(mergeAnnotationRecords([{ id: 'a1' }, { id: 'a2' }], [{ id: 'a2' }], [{ id: 'a1' }])).toEqual([]);
  });

  it('keeps every acknowledged update made by four processes at once on one sidecar (200 updates)', async () => {
    const { root, article, sidecarFile } = corpus();
    const scratch = mkdtempSync(path.join(tmpdir(), 'corpus-lens-writer-'));
    const entry = path.join(scratch, 'writer.ts');
    writeFileSync(
      entry,
      `import { updateSidecar } from ${JSON.stringify(path.resolve(__dirname, '..', '..', 'src', 'node', 'files'))};
const [root, article, prefix, count] = process.argv.slice(2);
(async () => {
  for (let k = 0; k < Number(count); k++) {
    const r = await updateSidecar(root, article, (s) => ({ ...s, annotations: [...s.annotations, { id: prefix + k }] }));
    if (r.ok) process.stdout.write(prefix + k + '\\n'); else process.stderr.write(r.error + '\\n');
  }
})();
`,
    );
    const bundle = path.join(scratch, 'writer.js');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', outfile: bundle, logLevel: 'silent' });
    const run = (prefix: string) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, [bundle, root, article, prefix, '50']);
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('close', () => resolve(out.split('\n').filter(Boolean)));
      });
    const acknowledged = (await Promise.all(['p', 'q', 'r', 's'].map(run))).flat();
    expect(acknowledged).toHaveLength(200);
    const stored = JSON.parse(readFileSync(sidecarFile, 'utf8')).annotations.map((a: { id: string }) => a.id);
    expect(new Set(stored)).toEqual(new Set(acknowledged));
    expect(readdirSync(path.dirname(sidecarFile)).filter((f) => f !== 'c.txt.json')).toEqual([]);
  }, 60_000);
});

describe('a failed save', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const m of mounted) spawnSync('umount', [m]);
  });

  it('is returned (not thrown) when the sidecar folder cannot be created, and another article still saves', async () => {
    const { root, article } = corpus();
    mkdirSync(path.join(root, 'blocked'));
    const blocked = path.join(root, 'blocked', 'b.txt');
    writeFileSync(blocked, SEED_TEXT);
    // A file where the sidecar folder must go: the folder cannot be made (as with EACCES, even for root).
    writeFileSync(path.join(root, '.corpus-lens', 'blocked'), 'not a folder');
    const [failed, saved] = await Promise.all([updateSidecar(root, blocked, (s) => withMetadata(s, { title: 'B' })), updateSidecar(root, article, (s) => withMetadata(s, { title: 'C' }))]);
    expect(failed.ok).toBe(false);
    expect(saved.ok).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, '.corpus-lens', 'seeds', 'c.txt.json'), 'utf8')).metadata.title).toBe('C');
  });

  const tinyDisk = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-tmpfs-')), 'disk');
  mkdirSync(tinyDisk);
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tinyDisk]).status === 0;
  if (canMount) mounted.push(tinyDisk);

  it.skipIf(!canMount)('on a full disk (ENOSPC, a 64 KiB tmpfs) says so and leaves no temporary file', async () => {
    const target = path.join(tinyDisk, 'big.json');
    await expect(writeFileAtomic(target, 'x'.repeat(512 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(tinyDisk)).toEqual([]);
    mkdirSync(path.join(tinyDisk, 'seeds'));
    writeFileSync(path.join(tinyDisk, 'seeds', 'c.txt'), 'Short\n\nText.');
    const result = await updateSidecar(tinyDisk, path.join(tinyDisk, 'seeds', 'c.txt'), (s) => withMetadata(s, { title: 'x'.repeat(200 * 1024) }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe('the disk is full');
    expect(readdirSync(path.join(tinyDisk, '.corpus-lens', 'seeds'))).toEqual([]);
  });
});
