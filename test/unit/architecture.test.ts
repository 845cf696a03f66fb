/**
 * The house's map (docs/architecture.json: parts and the arrows that must never exist) held
 * against the code: every import under src/ and media/ is read, and one that runs along a
 * forbidden arrow fails this test, naming the file and what it imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const MAP = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'architecture.json'), 'utf8')) as {
  parts: Record<string, { is: string[] }>;
  arrows: Array<[string, string, string?]>;
  never: Array<[string, string, string]>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && statSync(path.join(ROOT, f)).isFile());
}

/** Every module a file imports or requires (static, dynamic, type-only and re-exports alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found = new Set<string>();
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of text.matchAll(p)) found.add(m[1]);
  return [...found];
}

/** A relative import as a file of the repository (with its extension), or null for a package. */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`]) {
    if (existsSync(path.join(ROOT, candidate)) && statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return base;
}

/** The part a file is on: the part whose path holds it most closely. */
function partOf(file: string): string | undefined {
  let best: { part: string; length: number } | undefined;
  for (const [part, { is }] of Object.entries(MAP.parts)) {
    for (const p of is) {
      const holds = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (holds && (!best || p.length > best.length)) best = { part, length: p.length };
    }
  }
  return best?.part;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('media')];
/** Forbidden arrows tolerated for now: none (the Compare page's imports of core went with issue 15). Nothing may be added here. */
const KNOWN = new Set<string>();
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('the architecture map', () => {
  it('names parts that exist and forbidden arrows between them', () => {
    for (const { is } of Object.values(MAP.parts)) for (const p of is) expect(existsSync(path.join(ROOT, p)), p).toBe(true);
    for (const [a, b] of [...MAP.never, ...MAP.arrows]) {
      expect(MAP.parts[a], a).toBeDefined();
      expect(MAP.parts[b], b).toBeDefined();
    }
    // Every source file is on a part, so no import slips between them unseen.
    expect(FILES.filter((f) => !partOf(f))).toEqual([]);
  });

  it('has no import along an arrow that must never exist', () => {
    const never = new Map(MAP.never.map(([a, b, why]) => [`${a}>${b}`, why]));
    const broken: string[] = [];
    for (const file of FILES) {
      const from = partOf(file)!;
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        if (!target) continue;
        const to = partOf(target);
        const why = to && never.get(`${from}>${to}`);
        if (why && !KNOWN.has(`${file} -> ${target}`)) broken.push(`${file} imports ${target} (${from} → ${to}: ${why})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps vscode in the extension and Node out of the core and the pages', () => {
    const broken: string[] = [];
    for (const file of FILES) {
      const part = partOf(file);
      for (const spec of importsOf(file)) {
        if (spec === 'vscode' && part !== 'extension') broken.push(`${file} imports vscode`);
        if (NODE_BUILTINS.has(spec) && (part === 'core' || part === 'webview' || part === 'protocol')) broken.push(`${file} imports Node's ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('catches a forbidden import when one appears', () => {
    // The checks above on a made-up file: the core reaching the engine, the CLI reaching the editor.
    const never = new Set(MAP.never.map(([a, b]) => `${a}>${b}`));
    expect(never.has(`${partOf('src/core/x.ts')}>${partOf(resolve('src/core/x.ts', '../engine/analysisEngine')!)}`)).toBe(true);
    expect(never.has(`${partOf('src/cli/x.ts')}>${partOf(resolve('src/cli/x.ts', '../extension/extension')!)}`)).toBe(true);
    expect(never.has(`${partOf('media/compare/x.ts')}>${partOf(resolve('media/compare/x.ts', '../../src/core/compare/rows')!)}`)).toBe(true);
    expect(importsOf('src/engine/analysisEngine.ts')).toContain('../core/corpusIndex');
  });
});
