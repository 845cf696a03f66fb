/**
 * The sidecar folder's own watch: a nested folder created in one go and a file written into it
 * at once are reported (VS Code's recursive watcher in code-server reports neither), and so are
 * later changes and deletions inside it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterEach, describe, it } from 'vitest';
import { watchTree, type TreeWatcher } from '../../src/node/treeWatcher';

let watcher: TreeWatcher | undefined;
afterEach(() => watcher?.dispose());

async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('watchTree', () => {
  it('reports files in a folder tree created in one go, and later changes and deletions in it', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-tree-'));
    const root = path.join(ws, '.corpus-lens');
    const seen = new Set<string>();
    watcher = watchTree(root, (f) => seen.add(path.relative(root, f)));
    await new Promise((r) => setTimeout(r, 100));
    fs.mkdirSync(path.join(root, 'seeds', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'seeds', 'deep', 'a.txt.json'), '{ "format": ');
    await until('the first file', () => seen.has(path.join('seeds', 'deep', 'a.txt.json')));
    seen.clear();
    fs.writeFileSync(path.join(root, 'seeds', 'b.txt.json'), '{}');
    fs.writeFileSync(path.join(root, 'seeds', 'deep', 'a.txt.json'), '{}');
    await until('later writes', () => seen.has(path.join('seeds', 'b.txt.json')) && seen.has(path.join('seeds', 'deep', 'a.txt.json')));
    seen.clear();
    fs.rmSync(path.join(root, 'seeds', 'b.txt.json'));
    await until('a deletion', () => seen.has(path.join('seeds', 'b.txt.json')));
    // The whole folder goes and comes back: still watched.
    fs.rmSync(root, { recursive: true });
    await new Promise((r) => setTimeout(r, 200));
    seen.clear();
    fs.mkdirSync(path.join(root, 'x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'x', 'c.txt.json'), '{}');
    await until('a file in the recreated folder', () => seen.has(path.join('x', 'c.txt.json')));
    fs.rmSync(ws, { recursive: true, force: true });
  });
});
