// `npm run eval:boilerplate`: line-level boilerplate detection on the article-extraction
// benchmark (HTML converted to text with html-to-text; a line is body when it lies inside the
// gold articleBody or is the page's headline) and on trafilatura's "without" snippets.
import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { convert } from 'html-to-text';
import { classifyLines } from '../src/core/boilerplate';
import { splitLines } from '../src/core/lines';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, '..', 'shared', 'eval', 'boilerplate');
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function pageText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

export interface BoilerplateScores {
  pages: number;
  body: { precision: number; recall: number; f1: number };
  boilerplateF1: number;
  withoutCaught: number;
  withKept: number;
}

export function evaluateBoilerplate(): BoilerplateScores {
const truth = JSON.parse(readFileSync(path.join(dir, 'article-extraction-benchmark', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
let tp = 0; // body lines kept as body
let fp = 0; // boilerplate lines kept as body
let fn = 0; // body lines called boilerplate
let tn = 0;
for (const [id, { articleBody }] of Object.entries(truth)) {
  const html = gunzipSync(readFileSync(path.join(dir, 'article-extraction-benchmark', 'html', `${id}.html.gz`))).toString('utf8');
  const text = pageText(html);
  const body = ' ' + norm(articleBody.replace(/\.\.\.$/, '')) + ' ';
  // A line of one to three words is body only as a whole line of the gold body (a subheading),
  // not because the word occurs somewhere in it.
  const bodyLines = new Set(articleBody.split(/\n+/).map(norm).filter(Boolean));
  const lines = splitLines(text);
  const kinds = classifyLines(lines);
  lines.forEach((l, i) => {
    const n = norm(l.text);
    if (!n) return;
    const gold = n.split(' ').length >= 4 ? body.includes(' ' + n + ' ') : bodyLines.has(n);
    const predicted = kinds[i] === null;
    if (gold && predicted) tp++;
    else if (!gold && predicted) fp++;
    else if (gold && !predicted) fn++;
    else tn++;
  });
}
const f1 = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c);

const snippets = JSON.parse(readFileSync(path.join(dir, 'trafilatura-evaldata.json'), 'utf8')) as Record<string, { without?: string[]; with?: string[] }> | Array<{ without?: string[]; with?: string[] }>;
const records = Array.isArray(snippets) ? snippets : Object.values(snippets);
let without = 0;
let withoutCaught = 0;
let withCount = 0;
let withKept = 0;
for (const r of records) {
  for (const s of r.without ?? []) {
    without++;
    if (classifyLines(splitLines(s))[0] !== null) withoutCaught++;
  }
  for (const s of r.with ?? []) {
    withCount++;
    if (classifyLines(splitLines(s))[0] === null) withKept++;
  }
}
return {
  pages: Object.keys(truth).length,
  body: { precision: tp / (tp + fp), recall: tp / (tp + fn), f1: f1(tp, fp, fn) },
  boilerplateF1: f1(tn, fn, fp),
  withoutCaught: withoutCaught / without,
  withKept: withKept / withCount,
};
}

if (require.main === module) {
  const s = evaluateBoilerplate();
  console.log(`article-extraction-benchmark (${s.pages} pages): body-line F1 ${s.body.f1.toFixed(3)} (P ${s.body.precision.toFixed(3)} R ${s.body.recall.toFixed(3)}), boilerplate-line F1 ${s.boilerplateF1.toFixed(3)}`);
  console.log(`trafilatura snippets: ${(100 * s.withoutCaught).toFixed(1)}% of "without" snippets judged boilerplate on their own; ${(100 * s.withKept).toFixed(1)}% of "with" snippets kept`);
}
