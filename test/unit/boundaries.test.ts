/**
 * The arrows that must never exist, read from the sources' imports: the webview pages and the
 * protocols they share with the host import nothing but plain declarations in src/shared/, and
 * core imports no editor, CLI, engine, disk or Node module.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return tsFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/') : spec;
}

describe('architecture boundaries', () => {
  it('the webview pages import only the shared protocol declarations', () => {
    const pages = tsFiles(path.join(ROOT, 'media'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      for (const spec of imports(page)) expect(resolved(page, spec), `${path.relative(ROOT, page)} imports ${spec}`).toMatch(/^src\/shared\//);
    }
  });

  it('the shared protocols import nothing', () => {
    for (const file of tsFiles(path.join(ROOT, 'src', 'shared'))) expect(imports(file), path.relative(ROOT, file)).toEqual([]);
  });

  it('core imports no editor, CLI, engine, extension, disk or Node module', () => {
    for (const file of tsFiles(path.join(ROOT, 'src', 'core'))) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        expect(target, `${path.relative(ROOT, file)} imports ${spec}`).not.toMatch(/^(vscode$|fs$|path$|os$|child_process$|worker_threads$|node:|src\/(extension|cli|engine|node|shared)\/)/);
      }
    }
  });

  it('the engine and the CLI never reach the editor', () => {
    for (const file of [...tsFiles(path.join(ROOT, 'src', 'engine')), ...tsFiles(path.join(ROOT, 'src', 'cli'))]) {
      for (const spec of imports(file)) expect(resolved(file, spec), `${path.relative(ROOT, file)} imports ${spec}`).not.toMatch(/^(vscode$|src\/extension\/)/);
    }
  });
});
