// `npm run bench`: speed and memory of the analysis on one core. Figures go to stdout
// and test-output/bench.json; README reports them.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { parseArticle } from '../src/core/article';
import { CorpusIndex } from '../src/core/corpusIndex';
import { findMentions } from '../src/core/entities/mentions';
import { bodySpans, entityStage, resolveCorpus } from '../src/core/entities/stage';
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, type EventArticle } from '../src/core/events/cluster';
import { toEventArticle } from '../src/core/events/input';
import { findArticleQuotes } from '../src/core/quotes/quotes';
import { compareArticles } from '../src/core/compare/align';
import { loadBackgroundIdf, loadRecognizer, modelPath } from '../src/node/models';
import { bigArticle } from './bigArticle';
import { nerSpeed, nerSpeedHere } from './nerSpeed';
import { reuseScale } from './reuseScale';
import { alternate, compromiseReader, evaluationArticles, readFolder, winkReader } from './versus';
import { buildCorpusLayer } from '../src/core/corpusLayer';

const root = path.resolve(__dirname, '..');
const shared = path.join(root, '..', 'shared');
const results: Record<string, number | string> = {};

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** Best of `runs`, after one warm-up run. */
function best(runs: number, fn: () => void): number {
  fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(fn)[1]);
  return min;
}

/** Copies of the evaluation articles, each copy shifted by 20 years so it forms events of its own. */
function syntheticCorpus(n: number): EventArticle[] {
  const records = ['giveme5w1h-news-cluster.jsonl', 'basil-articles.jsonl']
    .flatMap((f) => readFileSync(path.join(shared, 'eval', 'events', f), 'utf8').trim().split('\n').map((l) => toEventArticle(JSON.parse(l))))
    .filter((a): a is EventArticle => typeof a !== 'string');
  const out: EventArticle[] = [];
  for (let k = 0; out.length < n; k++) {
    for (const a of records) {
      if (out.length >= n) break;
      const year = a.date ? Number(a.date.slice(0, 4)) + 20 * k : null;
      out.push({ ...a, id: `${a.id}#${k}`, date: a.date && year ? `${year}${a.date.slice(4)}` : null });
    }
  }
  return out;
}

if (process.argv[2] === '--cluster') {
  const corpus = syntheticCorpus(Number(process.argv[3]));
  const options = { ...DEFAULT_CLUSTER_OPTIONS, background: loadBackgroundIdf() };
  const [labels, ms] = time(() => clusterArticles(corpus, options));
  console.log(JSON.stringify({ seconds: +(ms / 1000).toFixed(2), peakMb: Math.round(process.resourceUsage().maxRSS / 1024), events: new Set(labels).size }));
  process.exit(0);
}

if (process.argv[2] === '--big-article') {
  writeFileSync(process.argv[4], bigArticle(Number(process.argv[3]) * 1_000_000));
  process.exit(0);
}

if (process.argv[2] === '--read') {
  readFolder(process.argv[3], process.argv[4]);
  process.exit(0);
}

if (process.argv[2] === '--reuse') {
  console.log(JSON.stringify(reuseScale(shared, Number(process.argv[3]))));
  process.exit(0);
}

const testaFile = path.join(shared, 'eval', 'ner', 'conll2003-eng.testa');

if (process.argv[2] === '--ner-child') {
  console.log(JSON.stringify(nerSpeedHere(process.argv[3], process.argv[4] ?? testaFile)));
  process.exit(0);
}

// The recogniser alone, each model in fresh processes (`--ner [MODEL…]` runs this part alone,
// several models alternating): load as a CLI run or a stage worker pays it, first pass, warm.
{
  const models = process.argv[2] === '--ner' && process.argv.length > 3 ? process.argv.slice(3) : [modelPath()];
  const speeds = nerSpeed(__filename, models, testaFile, process.argv[2] === '--ner' ? 5 : 3);
  for (const [model, s] of speeds) {
    const label = models.length > 1 ? ` [${path.relative(process.cwd(), model)}]` : '';
    results[`entity model load, fresh process (ms; CPU ms, all threads)${label}`] = `${s.loadMs}; ${s.loadCpuMs}`;
    results[`NER tokens/s, CoNLL testa (${s.tokens.toLocaleString('en')} tokens), first pass / warm median / warm best${label}`] = `${s.firstPassTokensPerSecond.toLocaleString('en')} / ${s.warmTokensPerSecond.toLocaleString('en')} / ${s.warmBestTokensPerSecond.toLocaleString('en')}`;
    results[`NER tokens/s by CPU time, first pass / warm median${label}`] = `${s.firstPassCpuTokensPerSecond.toLocaleString('en')} / ${s.warmCpuTokensPerSecond.toLocaleString('en')}`;
  }
  if (process.argv[2] === '--ner') {
    for (const [k, v] of Object.entries(results)) console.log(`${k}  ${v}`);
    process.exit(0);
  }
}

const [recognizer, loadMs] = time(() => loadRecognizer(modelPath()));
results['entity model load, in this process after the children (ms)'] = Math.round(loadMs);

// The whole pipeline (entities, dates, resolution, quotes) against wink-nlp and compromise on
// the same 500 evaluation articles, in this run (`node dist/bench.js --versus` runs this part alone).
{
  const same = evaluationArticles(shared, 500);
  try {
    const ours = () => {
      const layer = buildCorpusLayer(
        same.texts.map((t, i) => {
          const article = parseArticle(t);
          return { id: same.files[i], text: t, article, mentions: findMentions(t, article, recognizer), annotations: [] };
        }),
      );
      layer.articles.forEach((_, k) => layer.quotes(k));
    };
    const wink = winkReader();
    const compromise = compromiseReader();
    // First passes (cold caches, as one process run sees them), then the median of three alternating passes.
    const oursCold = time(ours)[1];
    const winkCold = time(() => wink(same.texts))[1];
    const oursRuns: number[] = [];
    const winkRuns: number[] = [];
    for (let r = 0; r < 3; r++) {
      oursRuns.push(time(ours)[1]);
      winkRuns.push(time(() => wink(same.texts))[1]);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const compromiseMs = time(() => compromise(same.texts))[1];
    const wps = (ms: number) => Math.round(same.words / (ms / 1000));
    results['same text: 500 evaluation articles (MB / words)'] = `${(same.bytes / 1e6).toFixed(2)} / ${same.words.toLocaleString('en')}`;
    results['pipeline words/s, one core, first pass / warm'] = `${wps(oursCold).toLocaleString('en')} / ${wps(median(oursRuns)).toLocaleString('en')}`;
    results['wink-nlp words/s (entities + POS), first pass / warm'] = `${wps(winkCold).toLocaleString('en')} / ${wps(median(winkRuns)).toLocaleString('en')}`;
    results['compromise words/s (people, places, organisations, tags)'] = wps(compromiseMs);
    results['pipeline / wink-nlp throughput, first pass / warm'] = `${(winkCold / oursCold).toFixed(2)} / ${(median(winkRuns) / median(oursRuns)).toFixed(2)}`;
    results['pipeline / compromise throughput'] = +(compromiseMs / median(oursRuns)).toFixed(2);
    // Whole processes, model loading included: the CLI against a process reading the same files with wink-nlp.
    const cli = path.join(root, 'dist', 'cli.js');
    const [cliS, winkS] = alternate([[process.execPath, cli, 'entities', '--no-cache', ...same.files], [process.execPath, __filename, '--read', 'wink', same.dir]], 3);
    results['whole process: `entities --no-cache` on the 500 files (s)'] = +cliS.toFixed(2);
    results['whole process: wink-nlp reading them (s)'] = +winkS.toFixed(2);
    results['whole process time, entities / wink-nlp (target ≤ 0.67)'] = +(cliS / winkS).toFixed(2);
  } finally {
    same.dispose();
  }
  if (process.argv[2] === '--versus') {
    for (const [k, v] of Object.entries(results)) console.log(`${k}  ${typeof v === 'number' ? v.toLocaleString('en') : v}`);
    process.exit(0);
  }
}

const seedsDir = path.join(root, 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f, text: readFileSync(path.join(seedsDir, f), 'utf8') }));
const parseMs = best(20, () => seeds.forEach((s) => parseArticle(s.text)));
results['article parse, 5 seeds (ms)'] = +parseMs.toFixed(2);

const rawTokens = seeds.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0);
const entityMs = best(5, () => {
  const analysed = seeds.map((s) => {
    const article = parseArticle(s.text);
    return { id: s.id, text: s.text, mentions: findMentions(s.text, article, recognizer), body: bodySpans(article) };
  });
  resolveCorpus(analysed);
});
results['entities + resolution, 5 seeds (ms)'] = +entityMs.toFixed(1);
results['entities pipeline words/s (seeds)'] = Math.round(rawTokens / (entityMs / 1000));

const indexMs = best(5, () => {
  const index = new CorpusIndex();
  const stage = entityStage(() => recognizer);
  for (const s of seeds) {
    index.upsert(s.id, s.text);
    index.stage(stage, s.id);
  }
});
results['index 5 seeds with entities, cold cache (ms)'] = +indexMs.toFixed(1);

// Quote finding and attribution alone (names for speakers come from the entity layer).
const polnearDir = path.join(shared, 'eval', 'quotes', 'polnear-dev', 'text');
const polnear = readdirSync(polnearDir).sort().map((f) => readFileSync(path.join(polnearDir, f), 'utf8'));
const parsed = polnear.map((t) => ({ t, a: parseArticle(t) }));
const polnearTokens = polnear.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
const quoteMs = best(5, () => parsed.forEach(({ t, a }) => findArticleQuotes(t, a)));
results['quotes words/s (PolNeAR dev, one core)'] = Math.round(polnearTokens / (quoteMs / 1000));

// One 1 MB paragraph holding 17,000 quotes: attribution looks at a bounded window around each.
const quoteUnit = 'The senator Mr. Smith, the former head of the committee, said: "We will win." Then Ms. Jones said: "They will lose." ';
const hugeParagraph = quoteUnit.repeat(Math.ceil(1_000_000 / quoteUnit.length));
const hugeArticle = parseArticle(hugeParagraph);
results['quotes in one 1 MB paragraph (ms)'] = Math.round(best(1, () => findArticleQuotes(hugeParagraph, hugeArticle)));

// Comparing articles: the five seeds, and ten articles of about 2,000 words each.
const seedParsed = seeds.map((x) => parseArticle(x.text));
results['compare 5 seeds, alignment (ms)'] = +best(10, () => compareArticles(seeds.map((x) => x.text), seedParsed)).toFixed(1);
const long = Array.from({ length: 10 }, (_, k) => {
  const words: string[] = [];
  for (let j = 0; words.length < 2000; j++) words.push(...polnear[(k * 7 + j) % polnear.length].split(/\s+/));
  // Paragraphs of about 60 words, as news text has.
  const paras: string[] = [];
  for (let i = 0; i < 2000; i += 60) paras.push(words.slice(i, i + 60).join(' '));
  return paras.join('\n\n');
});
const longParsed = long.map((t) => parseArticle(t));
results['compare 10 × 2,000-word articles, alignment (ms)'] = +best(3, () => compareArticles(long, longParsed)).toFixed(1);

// Event clustering at scale: copies of the evaluation articles, each copy shifted by whole
// years so it forms events of its own, as a growing corpus would. Each size runs in a
// process of its own, so its peak RSS is its own.
for (const n of [1000, 10000, 100000]) {
  const child = spawnSync(process.execPath, [__filename, '--cluster', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    results[`cluster ${n.toLocaleString('en')} articles`] = `failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' ')}`;
    continue;
  }
  const r = JSON.parse(line) as { seconds: number; peakMb: number };
  results[`cluster ${n.toLocaleString('en')} articles (s)`] = r.seconds;
  results[`cluster ${n.toLocaleString('en')} articles, peak RSS (MB)`] = r.peakMb;
}
results['cluster 100,000 / 10,000 time ratio'] =
  typeof results['cluster 100,000 articles (s)'] === 'number' ? +((results['cluster 100,000 articles (s)'] as number) / (results['cluster 10,000 articles (s)'] as number)).toFixed(1) : 'n/a';

// The on-disk cache (issue #16): `entities` over the PolNeAR dev articles with an empty cache
// (cold: analyses and writes every article), then again (warm: reads every result back), each a
// whole CLI process, in a cache folder of its own that is removed afterwards.
{
  const cli = path.join(root, 'dist', 'cli.js');
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-bench-cache-'));
  const dir = path.join(shared, 'eval', 'quotes', 'polnear-dev', 'text');
  const run = () => {
    const t = performance.now();
    const child = spawnSync(process.execPath, [cli, 'entities', '--cache', cacheDir, dir], { encoding: 'utf8', maxBuffer: 256 << 20 });
    return { seconds: (performance.now() - t) / 1000, ok: child.status === 0, out: child.stdout };
  };
  const cold = run();
  const warm = run();
  rmSync(cacheDir, { recursive: true, force: true });
  if (cold.ok && warm.ok && cold.out === warm.out) {
    results['cache: `entities` on 84 PolNeAR dev articles, cold (s)'] = +cold.seconds.toFixed(2);
    results['cache: the same again, warm (s)'] = +warm.seconds.toFixed(2);
    results['cache: warm / cold time'] = +(warm.seconds / cold.seconds).toFixed(2);
  } else results['cache: `entities` cold / warm'] = `failed (cold ${cold.ok}, warm ${warm.ok}, same output ${cold.out === warm.out})`;
}

// Text reuse at scale (issue #22), each size in a process of its own, beside a plain
// 5-word-shingle matcher on the same texts.
for (const n of process.env.BENCH_REUSE_SIZES ? process.env.BENCH_REUSE_SIZES.split(',').map(Number) : [1000, 10000]) {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--reuse', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  const label = `reuse ${n.toLocaleString('en')} articles`;
  if (child.status !== 0 || !line.startsWith('{')) {
    results[label] = `failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' ')}`;
    continue;
  }
  const r = JSON.parse(line) as { prepareSeconds: number; reuseSeconds: number; reuseCpuSeconds: number; baselineSeconds: number | null; peakMb: number };
  results[`${label} (s)`] = r.reuseSeconds;
  results[`${label}, CPU (s)`] = r.reuseCpuSeconds;
  results[`${label}, plain shingle matcher (s)`] = r.baselineSeconds ?? 'not run (quadratic)';
  results[`${label}, article model first (s)`] = r.prepareSeconds;
  results[`${label}, peak RSS (MB)`] = r.peakMb;
}
if (typeof results['reuse 10,000 articles (s)'] === 'number' && typeof results['reuse 1,000 articles (s)'] === 'number') {
  results['reuse 10,000 / 1,000 time ratio'] = +((results['reuse 10,000 articles (s)'] as number) / (results['reuse 1,000 articles (s)'] as number)).toFixed(1);
}
if (typeof results['reuse 100,000 articles (s)'] === 'number') {
  results['reuse 100,000 / 10,000 time ratio'] = +((results['reuse 100,000 articles (s)'] as number) / (results['reuse 10,000 articles (s)'] as number)).toFixed(1);
}

const mem = process.memoryUsage();
results['RSS after benchmarks (MB)'] = Math.round(mem.rss / 1048576);
results['heap used (MB)'] = Math.round(mem.heapUsed / 1048576);
results['peak RSS so far (MB)'] = Math.round(process.resourceUsage().maxRSS / 1024);

// Last, since it raises the peak: a 10 MB article of 100,000 short paragraphs through the
// CLI's pipeline (entities with corpus propagation and resolution, quotes).
const unitParagraph = 'The minister said the talks in Geneva would resume. Xi Jinping met Moon Jae-in in Beijing. "We will talk again," Mr. Xi said.\n\n';
const tenMegabytes = unitParagraph.repeat(Math.ceil(10_000_000 / unitParagraph.length));
const [, hugeMs] = time(() => {
  const article = parseArticle(tenMegabytes);
  const mentions = findMentions(tenMegabytes, article, recognizer);
  resolveCorpus([{ id: 'huge', text: tenMegabytes, mentions, body: bodySpans(article) }]);
  findArticleQuotes(tenMegabytes, article, mentions);
});
results['10 MB article: entities, resolution, quotes (s)'] = +(hugeMs / 1000).toFixed(1);
results['peak RSS with the 10 MB article (MB)'] = Math.round(process.resourceUsage().maxRSS / 1024);

const width = Math.max(...Object.keys(results).map((k) => k.length));
for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en') : v}`);
mkdirSync(path.join(root, 'test-output'), { recursive: true });
writeFileSync(path.join(root, 'test-output', 'bench.json'), JSON.stringify(results, null, 2));
