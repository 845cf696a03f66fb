// The reuse run at one size, stage by stage, with wall-clock and CPU time (CPU varies less on a
// shared machine): the figures of docs/EVALUATION.md's scale profile.
//   npx esbuild scripts/reuse-scale-profile.ts --bundle --platform=node --outfile=dist/reuse-scale-profile.js && node --max-old-space-size=12000 dist/reuse-scale-profile.js N
import * as path from 'path';
import { scaleCorpus } from '../bench/reuseScale';
import { alignCandidate, prepareFromText } from '../src/core/reuse/corpusReuse';
import { candidatePairs, DEFAULT_CANDIDATES, DEFAULT_FINGERPRINTS, fingerprints } from '../src/core/reuse/fingerprints';

const n = Number(process.argv[2] ?? 1000);
const corpus = scaleCorpus(path.resolve(__dirname, '..', '..', 'shared'), n);
let wall = performance.now();
let cpu = process.cpuUsage();
const lap = (stage: string, extra: Record<string, number> = {}) => {
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ stage, wallSeconds: +((performance.now() - wall) / 1000).toFixed(2), cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2), ...extra }));
  wall = performance.now();
  cpu = process.cpuUsage();
};
const prepared = corpus.map((text, i) => {
  const { id, tokens, date } = prepareFromText(`a${i}`, text);
  return { id, text, tokens, date, article: null as never };
});
corpus.length = 0;
lap('article model and words', { articles: n });
const prints = prepared.map((a) => fingerprints(a.tokens, DEFAULT_FINGERPRINTS));
lap('fingerprints');
const pairs = candidatePairs(prints, DEFAULT_CANDIDATES);
lap('candidate pairs', { candidates: pairs.length });
let found = 0;
for (const [i, j] of pairs) found += alignCandidate(prepared[i], prepared[j]).length;
lap('alignment', { passages: found, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
