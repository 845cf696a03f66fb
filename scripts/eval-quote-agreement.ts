// `npm run eval:quote-agreement`: how well PolNeAR's annotators agree with each other under the
// quote rule we are scored by. Each annotator's gold quotes are scored as if they were
// predictions against every other annotator's quotes for the same article.
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { goldQuotes, readAttributions } from '../src/core/quotes/brat';
import { scoreQuotes, summarize, type QuoteCounts } from '../src/core/quotes/evaluate';

const evalDir = path.resolve(__dirname, '..', '..', 'shared', 'eval', 'quotes');

for (const set of ['polnear-dev', 'polnear-train']) {
  const dir = path.join(evalDir, set, 'attributions');
  const byArticle = new Map<string, string[]>();
  for (const file of readdirSync(dir).sort()) {
    const article = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    byArticle.set(article, [...(byArticle.get(article) ?? []), file]);
  }
  const counts: QuoteCounts = { predicted: 0, gold: 0, truePositives: 0, goldFound: 0, speakerRight: 0 };
  let articles = 0;
  let pairs = 0;
  for (const files of byArticle.values()) {
    if (files.length < 2) continue;
    articles++;
    const annotations = files.map((f) => goldQuotes(readAttributions(readFileSync(path.join(dir, f), 'utf8'))));
    for (let i = 0; i < annotations.length; i++) {
      for (let j = 0; j < annotations.length; j++) {
        if (i === j) continue;
        pairs++;
        const asPredicted = annotations[j].map((q) => ({ start: q.content!.start, end: q.content!.end, speaker: q.source ? { start: q.source.start, end: q.source.end } : null }));
        scoreQuotes(annotations[i], asPredicted, counts);
      }
    }
  }
  const s = summarize(counts);
  console.log(`${set}: ${articles} articles with two or more annotators, ${pairs} ordered pairs: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} speaker ${s.speakerAccuracy.toFixed(3)}`);
}
