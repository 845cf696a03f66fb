import { execFileSync, spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { SEEDS_DIR, seedPath } from './seeds';
import { captureCli as capture } from './captureCli';

describe('corpus-lens analyze', () => {
  it('prints {"articles": [...]} with ISO dates for the seeds folder', async () => {
    const cli = capture();
    expect(await main(['analyze', SEEDS_DIR, '--json'], cli)).toBe(0);
    const { articles } = JSON.parse(cli.stdout);
    expect(articles).toHaveLength(5);
    expect(articles[1].title).toBe("China's Xi says willing to put South Korea ties back on track");
    expect(articles[3].date).toBe('2017-08-24');
    expect(articles[4].date).toBe('2017-05-18');
    expect(articles[0].boilerplate.some((b: { text: string }) => b.text.startsWith('Disclaimer:'))).toBe(true);
    for (const a of articles) expect(Object.keys(a)).toEqual(expect.arrayContaining(['file', 'title', 'outlet', 'date', 'paragraphs', 'boilerplate']));
    expect(cli.stderr).toBe('');
  });

  it('reports bad inputs on stderr and still analyses the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cli-'));
    const empty = path.join(dir, 'empty.txt');
    const binary = path.join(dir, 'image.txt');
    const latin1 = path.join(dir, 'latin1.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(latin1, Buffer.from('Caf\xe9 owners protest new tax on Monday.', 'latin1'));
    const cli = capture();
    const code = await main(['analyze', '--json', path.join(dir, 'missing.txt'), empty, binary, latin1, seedPath('003')], cli);
    expect(code).toBe(0);
    expect(JSON.parse(cli.stdout).articles.map((a: { file: string }) => a.file)).toEqual([seedPath('003')]);
    expect(cli.stderr).toContain('missing.txt: no such file or folder');
    expect(cli.stderr).toContain('empty.txt: is empty');
    expect(cli.stderr).toContain('image.txt: looks like a binary file');
    expect(cli.stderr).toContain('latin1.txt: is not valid UTF-8');
  });

  it('uses metadata from the sidecar beside the corpus', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-meta-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Storm hits coast\n\nA storm hit the coast on Monday, officials said.');
    const { mkdirSync } = await import('fs');
    mkdirSync(path.join(dir, '.corpus-lens'));
    writeFileSync(path.join(dir, '.corpus-lens', 'a.txt.json'), JSON.stringify({ format: 'corpus-lens/article@1', file: 'a.txt', metadata: { outlet: 'Coast Daily', date: '2020-01-06' } }));
    const cli = capture();
    await main(['analyze', '--json', path.join(dir, 'a.txt')], cli);
    const [a] = JSON.parse(cli.stdout).articles;
    expect(a).toMatchObject({ outlet: 'Coast Daily', date: '2020-01-06', dateSource: 'user' });
  });

  it('exits 2 with usage for an unknown command and 1 when nothing could be read', async () => {
    const cli = capture();
    expect(await main(['frobnicate'], cli)).toBe(2);
    expect(cli.stdout).toBe('');
    expect(await main(['analyze', '/no/such/folder'], capture())).toBe(1);
  });
});

describe('the built binary', () => {
  const bin = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  beforeAll(() => {
    if (!existsSync(bin)) execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'esbuild.js')]);
  });

  it('stops quietly when its reader closes the pipe early (as `| head` does)', async () => {
    const child = spawn(process.execPath, [bin, 'reuse', '--fingerprints'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const text = readFileSync(path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).sort()[1]), 'utf8');
    // Many lines, so the output outlives the pipe's buffer.
    child.stdin.end(Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `a${i}`, text })).join('\n'));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('prints a readable summary of the seeds', () => {
    const r = spawnSync(process.execPath, [bin, 'analyze', SEEDS_DIR], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("title       China's Xi says willing to put South Korea ties back on track");
    expect(r.stdout).toContain('date        2017-08-24');
    expect(r.stderr).toBe('');
  });
});

describe('corpus-lens ner, entities and boilerplate', () => {
  it('ner --conll echoes every line as "token gold predicted", keeping -DOCSTART- and blanks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-ner-'));
    const file = path.join(dir, 'mini.conll');
    writeFileSync(file, '-DOCSTART- O\n\nEU I-ORG\nrejects O\nGerman I-MISC\ncall O\n. O\n\nPeter I-PER\nBlackburn I-PER\n');
    const cli = capture();
    expect(await main(['ner', '--conll', file], cli)).toBe(0);
    // One output line per input line, the terminating newline included.
    expect(cli.stdout.endsWith('Blackburn I-PER I-PER\n')).toBe(true);
    const lines = cli.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('-DOCSTART- O O');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^EU I-ORG [BI]-ORG$/);
    expect(lines[8]).toMatch(/^Peter I-PER B-PER$/);
    expect(lines[9]).toMatch(/^Blackburn I-PER I-PER$/);
  });

  it('entities prints one JSON line per file with shared entity ids', async () => {
    const cli = capture();
    expect(await main(['entities', seedPath('001'), seedPath('002')], cli)).toBe(0);
    const [a, b] = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.file).toBe(seedPath('001'));
    // "Mr Xi": the title is not part of the name (CoNLL), so the mention is "Xi" (it was "Mr Xi" before #13's recogniser).
    const xiA = a.entities.find((e: { text: string }) => e.text === 'Xi' || e.text === 'Mr Xi');
    const xiB = b.entities.find((e: { text: string }) => e.text === 'Xi Jinping');
    expect(xiA.entityId).toBe(xiB.entityId);
    expect(xiA.type).toBe('PER');
    for (const e of a.entities) expect(Object.keys(e)).toEqual(['start', 'end', 'text', 'type', 'entityId']);
  });

  it('quotes lists whole statements with their speakers, and the partial ones with --partial', async () => {
    const cli = capture();
    expect(await main(['quotes', seedPath('004')], cli)).toBe(0);
    const { file, quotes } = JSON.parse(cli.stdout);
    expect(file).toBe(seedPath('004'));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(Object.keys(q)).toEqual(['start', 'end', 'text', 'cue', 'speaker']);
      expect(q.speaker).not.toBeNull();
    }
    // "urged Seoul to remove “obstacles”": a few words in the writer's sentence.
    expect(quotes.some((q: { text: string }) => q.text === 'obstacles')).toBe(false);
    const partial = capture();
    expect(await main(['quotes', '--partial', seedPath('004')], partial)).toBe(0);
    const withPartial = JSON.parse(partial.stdout).quotes;
    expect(withPartial.find((q: { text: string }) => q.text === 'obstacles')?.speaker.name).toBe('Wang Yi');
    expect(withPartial.length).toBeGreaterThan(quotes.length);
  });

  it('boilerplate lists every line with its verdict', async () => {
    const cli = capture();
    expect(await main(['boilerplate', seedPath('002')], cli)).toBe(0);
    const { file, lines } = JSON.parse(cli.stdout);
    expect(file).toBe(seedPath('002'));
    expect(lines[2]).toEqual({ line: 3, text: '4 minute read', boilerplate: true, kind: 'read-time' });
    expect(lines[0]).toMatchObject({ line: 1, boilerplate: false, kind: null });
  });
});

describe('corpus-lens events', () => {
  it('prints one {"id", "event"} line per input line, in input order, and warns about bad lines on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-events-'));
    const file = path.join(dir, 'articles.jsonl');
    const { readFileSync } = await import('fs');
    const lines = ['000', '001', '002', '003', '004'].map((p) => JSON.stringify({ id: `seed-${p}`, text: readFileSync(seedPath(p), 'utf8') }));
    writeFileSync(file, [lines[3], 'not json', lines[0], lines[1], lines[2], lines[4], ''].join('\n'));
    const cli = capture();
    expect(await main(['events', file], cli)).toBe(0);
    const out = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['seed-003', 'seed-000', 'seed-001', 'seed-002', 'seed-004']);
    for (const o of out) expect(Object.keys(o)).toEqual(['id', 'event']);
    expect(new Set(out.slice(1).map((o) => o.event)).size).toBe(1);
    expect(out[0].event).not.toBe(out[1].event);
    expect(cli.stderr).toContain(':2: not valid JSON');
  });
});

describe('corpus-lens compare', () => {
  it('--json prints the articles in the order given with their shared fraction', async () => {
    const cli = capture();
    expect(await main(['compare', seedPath('002'), seedPath('001'), '--json'], cli)).toBe(0);
    const report = JSON.parse(cli.stdout);
    expect(report.articles.map((a: { file: string }) => a.file)).toEqual([seedPath('002'), seedPath('001')]);
    expect(report.articles[1].sharedFraction).toBeGreaterThanOrEqual(0.75);
    expect(report.articles[0].sharedFraction).toBeGreaterThanOrEqual(0.5);
    expect(report.quotes.some((q: { speaker: string; variants: string[] }) => q.speaker === 'Xi Jinping' && q.variants.every(Boolean))).toBe(true);
    expect(report.entities[0].counts).toHaveLength(2);
  });
});

describe('corpus-lens export', () => {
  it('writes one .ann per article for brat, with nothing on stdout', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-'));
    const cli = capture();
    expect(await main(['export', '--format', 'brat', '--out', out, seedPath('004')], cli)).toBe(0);
    expect(cli.stdout).toBe('');
    const { readFileSync } = await import('fs');
    const ann = readFileSync(path.join(out, '004_057a0b69c0c8fa40.ann'), 'utf8');
    const txt = readFileSync(path.join(out, '004_057a0b69c0c8fa40.txt'), 'utf8');
    expect(txt).toBe(readFileSync(seedPath('004'), 'utf8'));
    const wang = ann.split('\n').find((l) => /\tPER \d+ \d+\tWang Yi$/.test(l))!;
    const [, s, e] = /PER (\d+) (\d+)/.exec(wang)!;
    expect(txt.slice(+s, +e)).toBe('Wang Yi');
  });

  it('rejects an unknown format with usage on stderr', async () => {
    const cli = capture();
    expect(await main(['export', '--format', 'xml', '--out', '/tmp/x', seedPath('004')], cli)).toBe(2);
    expect(cli.stdout).toBe('');
  });
});

describe('argument parsing (util.parseArgs, strict)', () => {
  it('rejects a bad --threshold value with exit 2 naming the option, instead of clustering with NaN', async () => {
    const cli = capture();
    expect(await main(['events', '--threshold', 'abc', seedPath('000')], cli)).toBe(2);
    expect(cli.stderr).toContain('--threshold must be a number, not "abc"');
    expect(cli.stdout).toBe('');
    const outOfRange = capture();
    expect(await main(['events', '--threshold', '7', seedPath('000')], outOfRange)).toBe(2);
    expect(outOfRange.stderr).toContain('--threshold must be between 0 and 1');
  });

  it('rejects an unknown option (a typo) with exit 2 naming it', async () => {
    const cli = capture();
    expect(await main(['analyze', '--jsn', SEEDS_DIR], cli)).toBe(2);
    expect(cli.stderr).toContain('unknown option --jsn');
    expect(cli.stdout).toBe('');
  });

  it('prints each command\'s help to stdout with exit 0', async () => {
    for (const command of ['analyze', 'ner', 'entities', 'boilerplate', 'quotes', 'compare', 'events', 'export']) {
      const cli = capture();
      expect(await main([command, '--help'], cli)).toBe(0);
      expect(cli.stdout).toContain(`Usage: corpus-lens ${command}`);
      expect(cli.stderr).toBe('');
    }
    const exportHelp = capture();
    await main(['export', '-h'], exportHelp);
    expect(exportHelp.stdout).toContain('--format FORMAT');
    const overall = capture();
    expect(await main(['--help'], overall)).toBe(0);
    expect(overall.stdout).toContain('export --format brat|jsonl|conll|w3c');
  });

  it('accepts --format=brat and --threshold=0.3 (the --name=value form)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-eq-'));
    const cli = capture();
    expect(await main(['export', '--format=brat', `--out=${out}`, seedPath('004')], cli)).toBe(0);
    expect(existsSync(path.join(out, '004_057a0b69c0c8fa40.ann'))).toBe(true);
  });

  it('names a missing value, a value given to a flag, and a missing required option', async () => {
    const missing = capture();
    expect(await main(['ner', '--conll'], missing)).toBe(2);
    expect(missing.stderr).toContain('--conll needs a value');
    const flagValue = capture();
    expect(await main(['analyze', '--json=yes', SEEDS_DIR], flagValue)).toBe(2);
    expect(flagValue.stderr).toContain('--json takes no value');
    const required = capture();
    expect(await main(['export', '--format', 'brat', seedPath('004')], required)).toBe(2);
    expect(required.stderr).toContain('--out is required');
  });
});

describe('sidecar annotations in the CLI', () => {
  const seed = () => readFileSync(seedPath('002'), 'utf8');
  const corpusWith = (text: string, annotations: unknown[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-anchor-'));
    writeFileSync(path.join(dir, 'a.txt'), text);
    mkdirSync(path.join(dir, '.corpus-lens'));
    writeFileSync(path.join(dir, '.corpus-lens', 'a.txt.json'), JSON.stringify({ format: 'corpus-lens/article@1', file: 'a.txt', annotations }));
    return dir;
  };
  const shillaAnchor = (text: string) => {
    const start = text.indexOf('Hotel Shilla');
    return { start, end: start + 12, exact: 'Hotel Shilla', prefix: text.slice(start - 32, start), suffix: text.slice(start + 12, start + 44) };
  };

  it('re-anchors an annotation by its words when the text changed since (not applied at the stored offsets)', async () => {
    const original = seed();
    const anchor = shillaAnchor(original);
    // The text changed elsewhere: a paragraph added on top shifts every offset.
    const changed = 'Editor’s note: this story was updated with figures from Lotte Shopping.\n\n' + original;
    const dir = corpusWith(changed, [{ id: 'a1', kind: 'entity', type: 'LOC', name: 'Hotel Shilla (hotel)', anchor }]);
    const cli = capture();
    expect(await main(['entities', path.join(dir, 'a.txt')], cli)).toBe(0);
    const { entities } = JSON.parse(cli.stdout);
    const user = entities.find((e: { type: string; text: string }) => e.type === 'LOC' && e.text === 'Hotel Shilla');
    expect(user).toBeDefined();
    expect(changed.slice(user.start, user.end)).toBe('Hotel Shilla');
    expect(entities.some((e: { type: string; text: string; start: number }) => e.type === 'LOC' && e.text !== 'Hotel Shilla' && e.start === anchor.start)).toBe(false);
  });

  it('reports an annotation whose words are gone on stderr and does not apply it', async () => {
    const original = seed();
    const anchor = shillaAnchor(original);
    const dir = corpusWith(original.replace(/Hotel Shilla/g, 'a hotel chain'), [{ id: 'a1', kind: 'entity', type: 'LOC', name: null, anchor }]);
    const cli = capture();
    expect(await main(['entities', path.join(dir, 'a.txt')], cli)).toBe(0);
    expect(cli.stderr).toContain('annotation a1 ("Hotel Shilla") lost its words');
    expect(JSON.parse(cli.stdout).entities.some((e: { start: number; text: string }) => e.start === anchor.start || e.text === 'Hotel Shilla')).toBe(false);
  });

  it('bound-checks stored offsets: "end": 1e12 neither spins the brat export nor drops the automatic entities', async () => {
    const text = seed();
    const dir = corpusWith(text, [{ id: 'a1', kind: 'entity', type: 'ORG', name: null, anchor: { start: 5, end: 1e12, exact: 'nowhere in this text', prefix: '', suffix: '' } }]);
    const reference = capture();
    await main(['entities', seedPath('002')], reference);
    const cli = capture();
    expect(await main(['entities', path.join(dir, 'a.txt')], cli)).toBe(0);
    expect(JSON.parse(cli.stdout).entities.length).toBe(JSON.parse(reference.stdout).entities.length);
    expect(cli.stderr).toContain('lost its words');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-exp-')), 'brat');
    const started = Date.now();
    expect(await main(['export', '--format', 'brat', '--out', out, path.join(dir, 'a.txt')], capture())).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const fractional = corpusWith(text, [{ id: 'a1', kind: 'entity', type: 'ORG', name: null, anchor: { start: 0.5, end: 3, exact: 'x', prefix: '', suffix: '' } }]);
    const bad = capture();
    await main(['entities', path.join(fractional, 'a.txt')], bad);
    expect(bad.stderr).toContain('whole numbers');
  });
});

describe('inputs the CLI refuses or reads, with a message', () => {
  it('ner --conll refuses a binary file; events on an empty file says why it exits 1; a UTF-16 article is analysed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-inputs-'));
    writeFileSync(path.join(dir, 'model.bin'), Buffer.from([0x45, 0x55, 0x20, 0x49, 0, 0, 0x4f, 0x0a]));
    const ner = capture();
    expect(await main(['ner', '--conll', path.join(dir, 'model.bin')], ner)).toBe(1);
    expect(ner.stderr).toContain('binary');
    expect(ner.stdout).toBe('');
    writeFileSync(path.join(dir, 'empty.jsonl'), '');
    const events = capture();
    expect(await main(['events', path.join(dir, 'empty.jsonl')], events)).toBe(1);
    expect(events.stderr).toContain('no articles to group');
    const text = readFileSync(seedPath('004'), 'utf8');
    writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const analyze = capture();
    expect(await main(['analyze', '--json', path.join(dir, 'utf16.txt')], analyze)).toBe(0);
    const utf8 = capture();
    await main(['analyze', '--json', seedPath('004')], utf8);
    const { file: _a, ...fromUtf16 } = JSON.parse(analyze.stdout).articles[0];
    const { file: _b, ...fromUtf8 } = JSON.parse(utf8.stdout).articles[0];
    expect(fromUtf16).toEqual(fromUtf8);
  });
});
