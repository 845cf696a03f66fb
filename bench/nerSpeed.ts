/**
 * The recogniser's own speed, settled one way (issue #13): each model in a fresh process of
 * its own, so the load is what a CLI run or a stage worker pays (cold code, nothing cached),
 * then one first pass over CoNLL testa (word caches empty) and warm passes after it. Tokens
 * are CoNLL tokens (punctuation counts as a token), the text already split into sentences:
 * tokenising and article parsing are not in it. Figures are wall time and this thread's
 * share is not separable from the machine's load, so runs of several models alternate and
 * the medians are compared.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { readConllItems, toDocuments } from '../src/core/ner/conll';
import { loadRecognizer } from '../src/node/models';

export interface NerSpeed {
  loadMs: number;
  loadCpuMs: number;
  tokens: number;
  firstPassTokensPerSecond: number;
  /** Median and best of the warm passes. */
  warmTokensPerSecond: number;
  warmBestTokensPerSecond: number;
  /** The same by the process's CPU time (all its threads), which a busy machine inflates far less than wall time. */
  firstPassCpuTokensPerSecond: number;
  warmCpuTokensPerSecond: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Run in a fresh process: loads `model` first, then tags testa once cold and `warmRuns` times warm. */
export function nerSpeedHere(model: string, testaFile: string, warmRuns = 7): NerSpeed {
  const c0 = cpuMs();
  const t0 = performance.now();
  const recognizer = loadRecognizer(model);
  const loadMs = performance.now() - t0;
  const loadCpuMs = cpuMs() - c0;
  const docs = toDocuments(readConllItems(readFileSync(testaFile, 'utf8'))).map((d) => d.sentences.map((s) => s.tokens.map((t) => t.word)));
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const cpu: number[] = [];
  const pass = () => {
    const t = performance.now();
    const c = cpuMs();
    for (const d of docs) recognizer.tagDocument(d);
    cpu.push(cpuMs() - c);
    return performance.now() - t;
  };
  const first = pass();
  const warm = Array.from({ length: warmRuns }, pass).sort((a, b) => a - b);
  const warmCpu = cpu.slice(1).sort((a, b) => a - b);
  const tps = (ms: number) => Math.round(tokens / (ms / 1000));
  return {
    loadMs: Math.round(loadMs),
    loadCpuMs: Math.round(loadCpuMs),
    tokens,
    firstPassTokensPerSecond: tps(first),
    warmTokensPerSecond: tps(warm[Math.floor(warm.length / 2)]),
    warmBestTokensPerSecond: tps(warm[0]),
    firstPassCpuTokensPerSecond: tps(cpu[0]),
    warmCpuTokensPerSecond: tps(warmCpu[Math.floor(warmCpu.length / 2)]),
  };
}

/** Each model in `rounds` fresh processes, models alternating; the median of each figure per model. */
export function nerSpeed(benchScript: string, models: readonly string[], testaFile: string, rounds = 3): Map<string, NerSpeed> {
  const runs = new Map<string, NerSpeed[]>(models.map((m) => [m, []]));
  for (let r = 0; r < rounds; r++) {
    for (const model of models) {
      const child = spawnSync(process.execPath, [benchScript, '--ner-child', model, testaFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${path.basename(model)}: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' ')}`);
      runs.get(model)?.push(JSON.parse(line) as NerSpeed);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return new Map(
    [...runs].map(([model, rs]) => {
      const pick = (k: keyof NerSpeed) => median(rs.map((x) => x[k]));
      return [model, { loadMs: pick('loadMs'), loadCpuMs: pick('loadCpuMs'), tokens: rs[0].tokens, firstPassTokensPerSecond: pick('firstPassTokensPerSecond'), warmTokensPerSecond: pick('warmTokensPerSecond'), warmBestTokensPerSecond: pick('warmBestTokensPerSecond'), firstPassCpuTokensPerSecond: pick('firstPassCpuTokensPerSecond'), warmCpuTokensPerSecond: pick('warmCpuTokensPerSecond') }];
    }),
  );
}
