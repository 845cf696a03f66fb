// `npm run eval:quotes [-- --split dev|train] [--errors FILE [--right]]`: quote P/R/F1 and speaker
// accuracy on PolNeAR under the agreed rule (../shared/eval/README.md), scored per annotation file
// as the unit test does. `--errors FILE` writes every false positive, miss and wrong speaker with
// its context, for reading one by one: the speaker found, `{cue}` and `<how>` it was found (cue,
// layout: a name label or signature, inherit: the quote before, paragraph, none); `--right` adds
// the quotes found right (TP lines), to count what a rule would cost.
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parseArticle } from '../src/core/article';
import { findMentions } from '../src/core/entities/mentions';
import { goldQuotes, readAttributions, type Attribution } from '../src/core/quotes/brat';
import { scoreQuotes, summarize, type QuoteCounts } from '../src/core/quotes/evaluate';
import { attributeQuotes, type Attributed } from '../src/core/quotes/attribute';
import { findQuotes, findSingleQuotes } from '../src/core/quotes/findQuotes';
import { findArticleQuotes, headlineOf, type Quote } from '../src/core/quotes/quotes';
import { loadRecognizer } from '../src/node/models';

const evalDir = path.resolve(__dirname, '..', '..', 'shared', 'eval', 'quotes');
const args = process.argv.slice(2);
const option = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const splits = option('--split') ? [option('--split')!] : ['dev', 'train'];
const errorsFile = option('--errors');
/** `--right`: the errors file also lists the quotes found with the right speaker (TP lines). */
const listRight = args.includes('--right');
const recognizer = loadRecognizer(path.resolve(__dirname, '..', 'models', 'ner.json.gz'));

const overlaps = (a: { start: number; end: number }, g: Attribution['content']) => !!g && g.fragments.some(([s, e]) => a.start < e && s < a.end);
const context = (text: string, start: number, end: number) => `${text.slice(Math.max(0, start - 160), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 120)}`.replace(/\s+/g, ' ');

const errors: string[] = [];
for (const split of splits) {
  const dir = path.join(evalDir, `polnear-${split}`);
  const direct: QuoteCounts = { predicted: 0, gold: 0, truePositives: 0, goldFound: 0, speakerRight: 0 };
  const all: QuoteCounts = { ...direct };
  // The rule's "or resolves to the same entity", read as: the predicted speaker's name and the
  // gold Source share a capitalised name word ("Trump" … "Donald Trump"); pronouns never do.
  let sameName = 0;
  const texts = new Map<string, { text: string; quotes: Quote[]; marks: Attributed[]; titleEnd: number }>();
  for (const ann of readdirSync(path.join(dir, 'attributions')).sort()) {
    const file = ann.replace(/_[0-9a-f]{4}\.ann$/, '.txt');
    let analysed = texts.get(file);
    if (!analysed) {
      const text = readFileSync(path.join(dir, 'text', file), 'utf8');
      const article = parseArticle(text);
      const spans = [...(article.title?.span ? [article.title.span] : []), ...article.paragraphs.map((p) => ({ start: p.start, end: p.end }))];
      const doubles = findQuotes(text, spans);
      const headline = headlineOf(text, article);
      const marks = attributeQuotes(text, [...doubles, ...findSingleQuotes(text, spans, doubles, headline)].sort((a, b) => a.start - b.start), spans, headline);
      analysed = { text, quotes: findArticleQuotes(text, article, findMentions(text, article, recognizer)), marks, titleEnd: article.title?.span?.end ?? 0 };
      texts.set(file, analysed);
    }
    const { text, quotes, marks, titleEnd } = analysed;
    const attributions = readAttributions(readFileSync(path.join(dir, 'attributions', ann), 'utf8'));
    const gold = goldQuotes(attributions);
    const wholes = quotes.filter((q) => q.kind === 'direct');
    scoreQuotes(gold, wholes, direct);
    scoreQuotes(gold, quotes, all);
    for (const q of wholes) {
      const g = gold.find((x) => overlaps(q, x.content));
      if (g && q.speaker && g.source && !overlaps(q.speaker, g.source) && sharesName(q.speaker.name, g.source.text)) sameName++;
    }
    if (!errorsFile) continue;
    for (const q of wholes) {
      const g = gold.find((x) => overlaps(q, x.content));
      const said = (q.speaker ? `[${q.speaker.text}]` : '[no speaker]') + ((q.cue ? `{${text.slice(q.cue.start, q.cue.end)}}` : '{}') + `<${via(marks, q)}>`);
      // A false positive inside a Content that opens on the writer's words (not a quote by the
      // rule) is a boundary question, not a quote the annotators left out.
      const inside = g ? undefined : attributions.flatMap((x) => x.contents).find((c) => overlaps(q, c));
      // Where that Content opens: on the writer's words before the quote, or inside it (the
      // annotator's selection left the opening mark out, or a speaker label: `"WALLACE: …`).
      const where = !inside ? 'unmarked' : inside.start < q.start - 1 ? 'content-opens-before' : 'content-opens-inside';
      if (!g) errors.push(`${split} FP (${where}) ${ann} ${said}: ${context(text, q.start, q.end)}${inside ? ` ‖ gold content [${inside.text.slice(0, 80)}]` : ''}`);
      else if (!q.speaker || !g.source || !overlaps(q.speaker, g.source)) errors.push(`${split} SPEAKER ${ann} ${said} gold [${g.source?.text ?? '—'}]: ${context(text, q.start, q.end)}`);
      else if (listRight) errors.push(`${split} TP ${ann} ${said}: ${context(text, q.start, q.end)}`);
    }
    for (const g of gold) {
      if (wholes.some((q) => overlaps(q, g.content))) continue;
      const mark = marks.find((m) => overlaps(m.quote, g.content));
      const why = !mark ? 'no-marks' : mark.kind === 'partial' ? (quotes.some((q) => overlaps(q, g.content)) ? 'partial' : 'partial-nospeaker') : 'direct-nospeaker';
      const partial = ` (${why}${g.content!.start < titleEnd ? ', title' : ''})`;
      errors.push(`${split} MISS${partial} ${ann} gold [${g.source?.text ?? '—'}]: ${context(text, g.content!.start, g.content!.end)}`);
    }
  }
  const line = (name: string, s: ReturnType<typeof summarize>) => `PolNeAR ${split} (${name}): P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} speaker ${s.speakerAccuracy.toFixed(3)}`;
  console.log(line('whole statements, the default', summarize(direct)));
  console.log(line('with --partial', summarize(all)));
  console.log(`  speaker right by span or by the same name: ${((direct.speakerRight + sameName) / direct.truePositives).toFixed(3)}`);
  console.log(`  ${direct.predicted} predicted, ${direct.gold} gold, ${direct.truePositives} right, ${direct.goldFound} found, ${direct.speakerRight} speakers right`);
}
function sharesName(name: string, source: string): boolean {
  const words = (t: string) => new Set([...t.matchAll(/\p{Lu}[\p{L}’'-]{2,}/gu)].map((m) => m[0].replace(/[’']s$/, '')).filter((w) => !/^(?:The|Mr|Mrs|Ms|Sen|Rep|Gov|President|Former|Senator)$/.test(w)));
  const x = words(name);
  return [...words(source)].some((w) => x.has(w));
}

if (errorsFile) writeFileSync(errorsFile, errors.join('\n') + '\n');

/** How a listed quote got its speaker. */
function via(marks: Attributed[], q: Quote): string {
  const m = marks.find((x) => x.quote.start === q.start);
  if (!m) return '?';
  if (m.speaker) return m.cue ? 'cue' : 'layout';
  if (m.inheritsFrom !== null) return 'inherit';
  return q.speaker ? 'paragraph' : 'none';
}
