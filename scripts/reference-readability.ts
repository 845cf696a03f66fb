// `npm run eval:boilerplate-reference`: Mozilla Readability (the extractor behind Firefox's
// Reader View), given each page's full HTML, scored with exactly the line-level rule our
// text-only classifier is scored with, as a reference point for what the metric allows.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { lineMatcher, pageText, scoreBodyLines } from './boilerplate-benchmark';

let failed = 0;
const scores = scoreBodyLines(({ html, url, lines }) => {
  let extracted = '';
  try {
    const dom = new JSDOM(html, { url: url || 'https://example.invalid/', virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    extracted = article ? `${article.title ?? ''}\n${pageText(article.content ?? '')}` : '';
  } catch {
    failed++;
  }
  // A line is kept when Readability's text holds it, compared the way the gold body is.
  const inExtracted = lineMatcher(extracted);
  return lines.map((l) => inExtracted(l.text));
});
console.log(
  `Readability on the article-extraction benchmark (${scores.pages} pages, ${failed} not parsed): body-line F1 ${scores.body.f1.toFixed(3)} (P ${scores.body.precision.toFixed(3)} R ${scores.body.recall.toFixed(3)}), boilerplate-line F1 ${scores.boilerplateF1.toFixed(3)}`,
);
