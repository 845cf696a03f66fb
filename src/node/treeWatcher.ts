/**
 * Watches one folder tree (`.corpus-lens/` of a workspace folder) with a watch per folder, and
 * reads every folder that appears. VS Code's recursive watcher (@parcel/watcher on Linux, as
 * code-server runs it) reports a nested folder created in one go (`mkdir -p .corpus-lens/seeds`
 * then a file in it) as the top folder only, and never anything inside it afterwards: a
 * sidecar damaged there went unreported for the whole session. Measured with code-server's own
 * watcher: `create .corpus-lens`, then no event for the file or for later writes (3 runs of 3).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface TreeWatcher {
  dispose(): void;
}

/**
 * Calls `onFile` with each file under `root` that is created, changed or deleted, and with
 * the files of folders that appear after the watch starts (they may be written before their
 * own watch exists). `root` itself may not exist yet: its parent is watched for it.
 */
export function watchTree(root: string, onFile: (file: string) => void): TreeWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  let disposed = false;

  const watchDir = (dir: string, report: boolean) => {
    if (disposed || watchers.has(dir)) return;
    try {
      const w = fs.watch(dir, (_event, name) => {
        if (!name) return;
        const p = path.join(dir, name.toString());
        let stat: fs.Stats | undefined;
        try {
          stat = fs.statSync(p);
        } catch {
          stat = undefined;
        }
        if (stat?.isDirectory()) watchDir(p, true);
        else if (!stat && watchers.has(p)) unwatch(p);
        else onFile(p);
      });
      w.on('error', () => unwatch(dir));
      watchers.set(dir, w);
    } catch {
      return;
    }
    // After the watch exists, so nothing written meanwhile is missed.
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) watchDir(p, report);
      else if (report && e.isFile()) onFile(p);
    }
  };

  const unwatch = (dir: string) => {
    for (const [d, w] of watchers) {
      if (d === dir || d.startsWith(dir + path.sep)) {
        w.close();
        watchers.delete(d);
      }
    }
  };

  // The parent, for the root appearing (or going and coming back).
  const parent = path.dirname(root);
  try {
    const w = fs.watch(parent, (_event, name) => {
      if (name?.toString() !== path.basename(root)) return;
      if (fs.existsSync(root)) watchDir(root, true);
      else unwatch(root);
    });
    w.on('error', () => undefined);
    watchers.set(`${parent}\u0000parent`, w);
  } catch {
    // No parent to watch: the root's own watch (if it exists) still works.
  }
  if (fs.existsSync(root)) watchDir(root, false);

  return {
    dispose() {
      disposed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
