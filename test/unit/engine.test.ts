/**
 * The one engine: the CLI and the editor's worker run the same AnalysisEngine, so `events FOLDER`
 * gives the Events view's events (pins and names) and every command reads the same layer.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { DEFAULT_CLUSTER_OPTIONS } from '../../src/core/events/cluster';
import { emptySidecar } from '../../src/core/sidecar';
import { AnalysisEngine } from '../../src/engine/analysisEngine';
import { EngineRequests } from '../../src/extension/engineRequests';
import { writeSidecar } from '../../src/node/files';
import { captureCli } from './captureCli';
import { SEEDS_DIR, seedFiles } from './seeds';
import { decodeArticleBytes } from '../../src/core/text';

const POLNEAR = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', 'polnear-dev', 'text');

function corpusOf(files: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-engine-'));
  for (const f of files) copyFileSync(f, path.join(dir, path.basename(f)));
  return dir;
}

/** The Events view's events for a folder: the engine as the worker runs it (URIs, decoded text, path order). */
function editorEvents(dir: string, pins: Record<string, string> = {}): Map<string, { label: string; pinned: boolean }> {
  const engine = new AnalysisEngine();
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).toString();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    // The host decodes the file once and sends its text.
    const decoded = decodeArticleBytes(readFileSync(path.join(dir, name)));
    expect(decoded.ok).toBe(true);
    const result = engine.analyze({ uri: uriOf(name), text: decoded.ok ? decoded.text : '', metadata: {}, pinnedEvent: pins[name] ?? null, annotations: [] });
    expect(result.ok).toBe(true);
  }
  const { events, error } = engine.events(DEFAULT_CLUSTER_OPTIONS.threshold, DEFAULT_CLUSTER_OPTIONS.maxGapDays);
  expect(error).toBeUndefined();
  const byName = new Map<string, { label: string; pinned: boolean }>();
  for (const e of events) for (const a of e.articles) byName.set(path.basename(new URL(a).pathname), { label: e.label, pinned: e.pinned });
  return byName;
}

async function cliEvents(dir: string): Promise<Array<{ id: string; event: string; key: string }>> {
  const cli = captureCli();
  expect(await main(['events', dir], cli)).toBe(0);
  return cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

describe('events FOLDER', () => {
  it("clusters a corpus folder with its sidecars' pins, as the Events view does", async () => {
    const dir = corpusOf(seedFiles().map((f) => path.join(SEEDS_DIR, f)));
    const moved = seedFiles()[1];
    await writeSidecar(dir, path.join(dir, moved), { ...emptySidecar(moved), event: 'Xi and Moon talk' });
    const lines = await cliEvents(dir);
    expect(lines.map((l) => path.basename(l.id))).toEqual(seedFiles());
    const pinned = lines.find((l) => l.id.endsWith(moved))!;
    expect(pinned.key).toBe('pinned:Xi and Moon talk');
    expect(pinned.event).toMatch(/^Xi and Moon talk/);
    // The other four keep their automatic events: the 2017 Thaad story and the August follow-up.
    const others = lines.filter((l) => l !== pinned);
    expect(new Set(others.map((l) => l.key)).size).toBe(2);
    expect(others.every((l) => l.key.startsWith('auto:'))).toBe(true);
    const view = editorEvents(dir, { [moved]: 'Xi and Moon talk' });
    for (const l of lines) expect(l.event).toBe(view.get(path.basename(l.id))!.label);
    expect(view.get(moved)!.pinned).toBe(true);
  });

  it('names the events of real articles as the Events view does (PolNeAR sample)', async () => {
    const dir = corpusOf(
      readdirSync(POLNEAR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .slice(0, 16)
        .map((f) => path.join(POLNEAR, f)),
    );
    const lines = await cliEvents(dir);
    expect(lines).toHaveLength(16);
    const view = editorEvents(dir);
    for (const l of lines) expect(l.event).toBe(view.get(path.basename(l.id))!.label);
    // Event keys are unique per event, and every article of one key carries the same label.
    const labelOf = new Map<string, string>();
    for (const l of lines) {
      expect(labelOf.get(l.key) ?? l.event).toBe(l.event);
      labelOf.set(l.key, l.event);
    }
  });

  it('still reads JSON lines, naming events event-N', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-engine-'));
    const file = path.join(dir, 'a.jsonl');
    const { writeFileSync } = await import('fs');
    writeFileSync(file, seedFiles().map((f, i) => JSON.stringify({ id: `a${i}`, text: readFileSync(path.join(SEEDS_DIR, f), 'utf8') })).join('\n'));
    const cli = captureCli();
    expect(await main(['events', file], cli)).toBe(0);
    const lines = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => Object.keys(l))).toEqual(lines.map(() => ['id', 'event']));
    expect(lines.every((l) => /^event-\d+$/.test(l.event))).toBe(true);
  });

  it('says so when a folder holds no article', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-engine-'));
    mkdirSync(path.join(dir, 'empty'));
    const cli = captureCli();
    expect(await main(['events', path.join(dir, 'empty')], cli)).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain('no .txt article files');
  });
});

describe('Export Annotations… in the editor', () => {
  it("is the worker's engine making the same files as `corpus-lens export` (one export dispatch)", async () => {
    const dir = corpusOf(seedFiles().slice(0, 3).map((f) => path.join(SEEDS_DIR, f)));
    const engine = new AnalysisEngine();
    const requests = new EngineRequests(engine);
    const uris = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((name) => {
      const uri = pathToFileURL(path.join(dir, name)).toString();
      const decoded = decodeArticleBytes(readFileSync(path.join(dir, name)));
      requests.handle('analyze', { uri, version: 1, text: decoded.ok ? decoded.text : '', metadata: {}, pinnedEvent: null, annotations: [] });
      return uri;
    });
    const made = requests.handle('export', { format: 'brat' });
    expect([...made.articles].sort()).toEqual([...uris].sort());
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-')), 'brat');
    expect(await main(['export', '--format', 'brat', '--out', out, dir], captureCli())).toBe(0);
    // writeExport (shared by both) adds its marker file; the export's files are the rest.
    const written = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name !== '.corpus-lens-export.json').map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
    expect(made.files.map((f) => f.path).sort()).toEqual(written);
    // The editor's engine knows its articles by URI (metadata.jsonl names them so, as before); the rest is byte for byte.
    for (const f of made.files) expect(f.content.replaceAll(pathToFileURL(dir).toString(), dir)).toBe(readFileSync(path.join(out, f.path), 'utf8'));
    expect(made.files.some((f) => f.path.endsWith('.ann') && f.content.includes('\tPER '))).toBe(true);
  });
});
