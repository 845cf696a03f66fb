// `npm run eval:corpus-model -- [--train FILE] [--test FILE] [--first N] [--weight W] [--seed N]`: the
// "learning from a new domain" figure. The in-domain training documents (default: the SEC
// filings' fin5) become a corpus of .txt files whose brat annotations are imported as reviewed
// (`corpus-lens import --format brat --reviewed`), `corpus-lens train --from` teaches the
// recogniser, and `corpus-lens ner --conll --model` scores the test documents (default fin3)
// and CoNLL testa, against the built-in model. Everything goes through the CLI as a user runs it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { readConllItems, scoreChunks, toDocuments } from '../src/core/ner/conll';
import { writeBratDocuments } from './conll-to-brat';

const eval_ = path.resolve(__dirname, '..', '..', 'shared', 'eval', 'ner');
const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const trainFile = opt('train', path.join(eval_, 'sec-filings-fin5.train'))!;
const testFile = opt('test', path.join(eval_, 'sec-filings-fin3.test'))!;
const newsFile = opt('news', path.join(eval_, 'conll2003-eng.testa'))!;
const first = opt('first');
const skip = Number(opt('skip', '0'));
const weight = opt('weight');
const seed = opt('seed');

/** Runs the CLI as a user does (dist/cli.js, built by `node esbuild.js`); stdout returned, stderr shown. */
function cli(...argv: string[]): string {
  return execFileSync(process.execPath, [path.join(__dirname, 'cli.js'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function f1(file: string, model?: string): Promise<number> {
  const stdout = cli('ner', '--conll', file, ...(model ? ['--model', model] : []));
  const gold: string[][] = [];
  const predicted: string[][] = [];
  let g: string[] = [];
  let p: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '' || line.startsWith('-DOCSTART-')) {
      if (g.length) {
        gold.push(g);
        predicted.push(p);
      }
      g = [];
      p = [];
      continue;
    }
    const cols = line.split(' ');
    g.push(cols[cols.length - 2]);
    p.push(cols[cols.length - 1]);
  }
  if (g.length) {
    gold.push(g);
    predicted.push(p);
  }
  return scoreChunks(gold, predicted).overall.f1;
}

(async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'corpus-model-'));
  try {
    const brat = path.join(work, 'brat');
    const corpus = path.join(work, 'corpus');
    const docs = toDocuments(readConllItems(readFileSync(trainFile, 'utf8'))).slice(skip, first === undefined ? undefined : skip + Number(first));
    writeBratDocuments(docs, brat, 'doc');
    require('fs').mkdirSync(corpus);
    for (const f of readdirSync(brat)) if (f.endsWith('.txt')) copyFileSync(path.join(brat, f), path.join(corpus, f));
    console.error(`${docs.length} document(s) of ${path.basename(trainFile)} as a corpus; import --reviewed:`);
    cli('import', '--format', 'brat', '--reviewed', '--into', corpus, brat);
    const model = path.join(work, 'model');
    const t0 = Date.now();
    console.error('train --from:');
    cli('train', '--from', corpus, '--out', model, '--quiet', ...(weight ? ['--weight', weight] : []), ...(seed ? ['--seed', seed] : []));
    const trainSeconds = (Date.now() - t0) / 1000;
    const rows = [
      ['built-in', await f1(testFile), await f1(newsFile)],
      ['corpus model', await f1(testFile, model), await f1(newsFile, model)],
    ] as const;
    console.log(`test: ${path.basename(testFile)}; news: ${path.basename(newsFile)}; trained in ${trainSeconds.toFixed(0)} s (wall clock)`);
    for (const [name, test, news] of rows) console.log(`${name.padEnd(14)} test F1 ${test.toFixed(4)}  news F1 ${news.toFixed(4)}`);
    writeFileSync(path.join(work, 'done'), '');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
