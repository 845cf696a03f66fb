/**
 * Our pipeline against wink-nlp (+ wink-eng-lite-web-model: entities and parts of speech) and
 * compromise (people, places, organisations, tags) on the same text in the same run: 500
 * evaluation articles (about 2 MB) written as .txt files. In process, one core, model loading
 * left out; and as whole processes (`corpus-lens entities --no-cache` against a process that reads the
 * same files with wink-nlp), alternated so that the machine's drift hits both alike. Both
 * libraries are devDependencies, loaded only here.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

export interface BenchText {
  readonly dir: string;
  readonly files: readonly string[];
  readonly texts: readonly string[];
  /** Whitespace-separated words, the unit of every words/s figure. */
  readonly words: number;
  readonly bytes: number;
  dispose(): void;
}

/** The first `n` evaluation articles (Giveme5W1H, then BASIL) as title, date line and body. */
export function evaluationArticles(shared: string, n = 500): BenchText {
  const texts: string[] = [];
  for (const f of ['giveme5w1h-news-cluster.jsonl', 'basil-articles.jsonl']) {
    for (const line of readFileSync(path.join(shared, 'eval', 'events', f), 'utf8').trim().split('\n')) {
      const r = JSON.parse(line) as { title?: string; text?: string; paragraphs?: string[]; date?: string; date_publish?: string };
      const date = (r.date ?? r.date_publish ?? '').slice(0, 10);
      texts.push(`${r.title ?? ''}\n\n${date ? `Published: ${date}\n\n` : ''}${r.text ?? (r.paragraphs ?? []).join('\n\n')}\n`);
    }
  }
  const chosen = texts.slice(0, n);
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-bench-'));
  const files = chosen.map((t, i) => {
    const file = path.join(dir, `${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, t);
    return file;
  });
  return {
    dir,
    files,
    texts: chosen,
    words: chosen.reduce((s, t) => s + (t.match(/\S+/g)?.length ?? 0), 0),
    bytes: chosen.reduce((s, t) => s + Buffer.byteLength(t), 0),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

type Reader = (texts: readonly string[]) => number;

/** wink-nlp reading each text with entities and parts of speech; returns the entities found. */
export function winkReader(): Reader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNLP = require('wink-nlp');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (texts) => {
    let found = 0;
    for (const t of texts) {
      const doc = nlp.readDoc(t);
      found += doc.entities().out(its.detail).length;
      doc.tokens().out(its.pos);
    }
    return found;
  };
}

/** compromise reading each text: people, places, organisations and every term's tags. */
export function compromiseReader(): Reader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise');
  return (texts) => {
    let found = 0;
    for (const t of texts) {
      const doc = nlp(t);
      found += doc.people().length + doc.places().length + doc.organizations().length;
      doc.terms().out('tags');
    }
    return found;
  };
}

/** `bench.js --read wink|compromise DIR`: a whole process reading DIR's .txt files. */
export function readFolder(which: string, dir: string): void {
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const found = (which === 'compromise' ? compromiseReader() : winkReader())(texts);
  process.stdout.write(`${JSON.stringify({ found })}\n`);
}

/** Median wall time (s) of each command, run alternately `runs` times after one warm-up each. */
export function alternate(commands: ReadonlyArray<readonly string[]>, runs: number): number[] {
  const times: number[][] = commands.map(() => []);
  for (let r = -1; r < runs; r++) {
    commands.forEach((cmd, k) => {
      const t0 = performance.now();
      const child = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
      const s = (performance.now() - t0) / 1000;
      if (child.status !== 0) throw new Error(`${cmd.slice(0, 3).join(' ')} … exited ${child.status}: ${String(child.stderr).slice(0, 300)}`);
      if (r >= 0) times[k].push(s);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}
