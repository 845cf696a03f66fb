// The benchmark behind `npm run eval:boilerplate`: line-level boilerplate detection on the
// article-extraction benchmark (HTML converted to text with html-to-text; a line is body when it lies inside the
// gold articleBody or is the page's headline as its markup declares it) and on trafilatura's "without" snippets.
import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { convert } from 'html-to-text';
import { classifyLines } from '../src/core/boilerplate';
import { splitLines, type TextLine } from '../src/core/lines';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, '..', 'shared', 'eval', 'boilerplate');

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

export interface LineScores {
  pages: number;
  /** Pages whose headline the markup declares and the text holds (counted as body). */
  headlines: number;
  body: { precision: number; recall: number; f1: number };
  boilerplateF1: number;
}

/**
 * The benchmark's two halves, by page id (a SHA-256 in hex): rules are tuned on half A and
 * confirmed on half B, which they were not fitted to.
 */
export type BenchmarkHalf = 'A' | 'B';
export const halfOf = (id: string): BenchmarkHalf => (parseInt(id.slice(0, 2), 16) % 2 === 0 ? 'A' : 'B');

export interface BoilerplateScores extends LineScores {
  halves: Record<BenchmarkHalf, LineScores>;
  /** The same pages with their HTML title written as the first line. */
  withTitleLine: LineScores & { halves: Record<BenchmarkHalf, LineScores> };
  /** The same lines scored as before the headline counted as body (the gold body alone). */
  headlineAsBoilerplate: LineScores & { halves: Record<BenchmarkHalf, LineScores> };
  /** CoNLL-2003 testa written one sentence a line: lines and entity tokens the classifier drops. */
  conll: { documents: number; lines: number; boilerplateLines: number; entityTokens: number; entityTokensDropped: number };
  withoutCaught: number;
  withKept: number;
}

export interface BenchmarkPage {
  readonly html: string;
  readonly url: string;
  /** The page converted to text as above, and its lines. */
  readonly text: string;
  readonly lines: readonly TextLine[];
}

/** Words of a line as the gold body is compared: lower case, letters and digits only. */
export const normalizeLine = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Whether a page line lies in a reference text (the gold body, an extractor's output): a line
 * of four words or more anywhere in it, a shorter one only as one of its whole lines (a
 * subheading), not because the word occurs somewhere. `joined` is the text searched for long lines.
 */
export function lineMatcher(reference: string, joined = reference): (line: string) => boolean {
  const text = ` ${normalizeLine(joined)} `;
  const whole = new Set(reference.split(/\n+/).map(normalizeLine).filter(Boolean));
  return (line) => {
    const n = normalizeLine(line);
    return n.split(' ').length >= 4 ? text.includes(` ${n} `) : whole.has(n);
  };
}

/**
 * Line-level scores of any extractor on the article-extraction benchmark: `keeps` says, for
 * each line of a page's text, whether the extractor keeps it as article text.
 */
export function scoreBodyLines(
  keeps: (page: BenchmarkPage) => readonly boolean[],
  options: { titleLine?: boolean; headlineIsBody?: boolean } = {},
): LineScores & { halves: Record<BenchmarkHalf, LineScores> } {
  const truth = JSON.parse(readFileSync(path.join(dir, 'article-extraction-benchmark', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  const empty = () => ({ pages: 0, headlines: 0, tp: 0, fp: 0, fn: 0, tn: 0 });
  // tp: body lines kept as body; fp: boilerplate lines kept as body; fn: body lines called boilerplate.
  const counts = { A: empty(), B: empty() };
  for (const [id, { articleBody, url }] of Object.entries(truth)) {
    const c = counts[halfOf(id)];
    c.pages++;
    const { html, body } = loadPage(id);
    // Many converters write the HTML <title> as the text's first line; the title line is
    // never body (the gold body does not hold it).
    const title = options.titleLine ? pageTitleText(html) : '';
    const text = title ? `${title}\n\n${body}` : body;
    const inBody = lineMatcher(articleBody, articleBody.replace(/\.\.\.$/, ''));
    const lines = splitLines(text);
    const kept = keeps({ html, url: url ?? '', text, lines });
    // The gold articleBody holds the body without its headline, but by the evaluation data's
    // convention (../shared/eval/README.md: "a line that is part of the article (headline,
    // body) is body") the headline is body: the one line the page's markup declares it on.
    const headline = options.headlineIsBody === false ? -1 : headlineLine(lines, declaredHeadlines(html), inBody);
    if (headline >= 0) c.headlines++;
    lines.forEach((l, i) => {
      if (!normalizeLine(l.text)) return;
      const gold = i === headline || inBody(l.text);
      const predicted = kept[i];
      if (gold && predicted) c.tp++;
      else if (!gold && predicted) c.fp++;
      else if (gold && !predicted) c.fn++;
      else c.tn++;
    });
  }
  const scores = ({ pages, headlines, tp, fp, fn, tn }: ReturnType<typeof empty>): LineScores => ({
    pages,
    headlines,
    body: { precision: tp / (tp + fp), recall: tp / (tp + fn), f1: f1(tp, fp, fn) },
    boilerplateF1: f1(tn, fn, fp),
  });
  const all = empty();
  for (const c of [counts.A, counts.B]) for (const k of ['pages', 'headlines', 'tp', 'fp', 'fn', 'tn'] as const) all[k] += c[k];
  return { ...scores(all), halves: { A: scores(counts.A), B: scores(counts.B) } };
}

/** A benchmark page's HTML and its text, converted once however many times it is scored. */
const pages = new Map<string, { html: string; body: string }>();
function loadPage(id: string): { html: string; body: string } {
  let page = pages.get(id);
  if (!page) {
    const html = gunzipSync(readFileSync(path.join(dir, 'article-extraction-benchmark', 'html', `${id}.html.gz`))).toString('utf8');
    page = { html, body: pageText(html) };
    pages.set(id, page);
  }
  return page;
}

/** HTML (an element's content, an attribute's value) as one line of text. */
const htmlLine = (html: string) => convert(html, { wordwrap: false }).replace(/\s+/g, ' ').trim();

/** A headline the page's markup declares; `near`: only on a line just above the body. */
export interface DeclaredHeadline {
  readonly text: string;
  readonly near: boolean;
}

/**
 * The article's headline as the page's markup declares it, in `normalizeLine`'s form, most
 * certain first: an <h1> that is the page's declared title (og:title, twitter:title or <title>,
 * whole or without the site's name after a separator, or holding the <h1> as a run of its
 * words: "Opinion | Headline"); the declared title itself; and an <h1> the title does not hold
 * (a headline rewritten for search engines), only on a line just above the body, since a site's
 * name is an <h1> on some pages.
 */
export function declaredHeadlines(html: string): DeclaredHeadline[] {
  const declared: string[] = [];
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(m[0]);
    const key = attr('property') ?? attr('name');
    const content = attr('content');
    if (key && content && /^(og|twitter):title$/i.test((key[2] ?? key[3]).trim())) declared.push(htmlLine(content[2] ?? content[3]));
  }
  declared.push(pageTitleText(html));
  const variants: string[] = [];
  for (const t of declared) {
    variants.push(t);
    const parts = t.split(/\s+[|–—-]\s+/);
    if (parts.length > 1) variants.push(parts.slice(0, -1).join(' '));
  }
  const titles = [...new Set(variants.map(normalizeLine).filter(Boolean))];
  const h1s = [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/gi)].map((m) => normalizeLine(htmlLine(m[1]))).filter(Boolean);
  const agrees = (h1: string) => titles.some((t) => t === h1 || (` ${t} `.includes(` ${h1} `) && h1.split(' ').length >= 3));
  return [
    ...h1s.filter(agrees).map((text) => ({ text, near: false })),
    ...titles.map((text) => ({ text, near: false })),
    ...h1s.filter((h) => !agrees(h)).map((text) => ({ text, near: true })),
  ];
}

/** How many non-blank lines above the body's first line a headline the title does not confirm may stand. */
const NEAR_BODY = 8;

/**
 * The page line that holds the headline: for the first declared headline some line is whole, of
 * those lines the last one above the body's first line (the headline stands over its article; a
 * menu, a breadcrumb or a title line may repeat it), or the first when none is above; -1 when
 * no line is.
 */
export function headlineLine(lines: readonly TextLine[], headlines: readonly DeclaredHeadline[], inBody: (line: string) => boolean): number {
  const norm = lines.map((l) => normalizeLine(l.text));
  const firstBody = norm.findIndex((n, i) => n !== '' && inBody(lines[i].text));
  for (const { text, near } of headlines) {
    let found = -1;
    for (let i = 0; i < lines.length; i++) {
      if (norm[i] !== text) continue;
      if (firstBody >= 0 && i > firstBody) {
        if (found < 0 && !near) found = i;
        break;
      }
      found = i;
    }
    if (found >= 0 && near) {
      const between = norm.slice(found + 1, Math.max(found + 1, firstBody)).filter(Boolean).length;
      if (firstBody < 0 || found > firstBody || between > NEAR_BODY) found = -1;
    }
    if (found >= 0) return found;
  }
  return -1;
}

/** The text of a page's <title>, on one line, or '' when it has none. */
export function pageTitleText(html: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? convert(m[1], { wordwrap: false }).replace(/\s+/g, ' ').trim() : '';
}

const f1 = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c);

export function evaluateBoilerplate(): BoilerplateScores {
const lineScores = scoreBodyLines(({ lines }) => classifyLines(lines).map((k) => k === null));
const withTitleLine = scoreBodyLines(({ lines }) => classifyLines(lines).map((k) => k === null), { titleLine: true });
const headlineAsBoilerplate = scoreBodyLines(({ lines }) => classifyLines(lines).map((k) => k === null), { headlineIsBody: false });
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
  ...lineScores,
  withTitleLine,
  headlineAsBoilerplate,
  conll: conllLines(),
  withoutCaught: withoutCaught / without,
  withKept: withKept / withCount,
};
}

/**
 * CoNLL-2003 testa as the entity recogniser reads it, one document a text and one sentence a
 * line: sports results and standings are its content, so the lines called boilerplate (and
 * the entity tokens on them) should be few.
 */
export function conllLines(): BoilerplateScores['conll'] {
  const raw = readFileSync(path.join(dir, '..', 'ner', 'conll2003-eng.testa'), 'utf8');
  const docs: { sentences: string[]; entities: number[] }[] = [];
  let tokens: string[] = [];
  let entities = 0;
  const flush = () => {
    if (tokens.length && docs.length) {
      docs[docs.length - 1].sentences.push(tokens.join(' '));
      docs[docs.length - 1].entities.push(entities);
    }
    tokens = [];
    entities = 0;
  };
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      docs.push({ sentences: [], entities: [] });
    } else if (!line.trim()) flush();
    else {
      const [token, tag] = line.split(' ');
      tokens.push(token);
      if (tag && tag !== 'O') entities++;
    }
  }
  flush();
  const out = { documents: docs.length, lines: 0, boilerplateLines: 0, entityTokens: 0, entityTokensDropped: 0 };
  for (const d of docs) {
    const kinds = classifyLines(splitLines(d.sentences.join('\n')));
    d.sentences.forEach((_, i) => {
      out.lines++;
      out.entityTokens += d.entities[i];
      if (kinds[i] !== null) {
        out.boilerplateLines++;
        out.entityTokensDropped += d.entities[i];
      }
    });
  }
  return out;
}
