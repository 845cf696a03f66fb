// The Provenance page's input for the Chromium test, built by the engine's own functions
// from the seeds: as they come (001 and 002 undated), or with the dates a user would set
// (Set Article Metadata…) and a reprint of 002 a day later, so the timeline has arrows.
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { parseArticle, type ArticleMetadata } from '../../src/core/article';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { ProvenanceStage, timelineOf, type ProvenanceInput } from '../../src/engine/provenance';
import { provenanceView } from '../../src/extension/provenancePage';

const root = path.resolve(process.argv[2]);
const dated = process.argv[3] === 'dated';
const seeds = readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const metadata: Record<string, ArticleMetadata> = dated ? { '001': { date: '2017-05-19' }, '002': { date: '2017-05-20' } } : {};
const files: Array<{ uri: string; text: string; metadata: ArticleMetadata }> = seeds.map((f) => ({ uri: `file://${path.join(root, 'seeds', f)}`, text: readFileSync(path.join(root, 'seeds', f), 'utf8'), metadata: metadata[f.slice(0, 3)] ?? {} }));
if (dated) {
  const body002 = parseArticle(files[2].text).paragraphs.map((p) => p.text);
  files.push({ uri: 'file:///tmp/reprint-of-002.txt', text: `Korea ties: Xi wants normal track\n\nPublished 21.05.2017 08:00\n\n${body002.slice(8).join('\n\n')}\n`, metadata: { outlet: 'Reprint Daily' } });
}
const inputs: ProvenanceInput[] = files.map((f) => ({ id: f.uri, hash: f.uri, text: f.text, article: parseArticle(f.text, f.metadata) }));
const stage = new ProvenanceStage();
const quotes = (k: number) => findQuotes(inputs[k].text, inputs[k].article.paragraphs).map((q) => ({ start: q.start, end: q.end, text: inputs[k].text.slice(q.start, q.end) }));
const provenance = stage.provenanceOf('fixture', 'fixture', inputs, quotes);
const view = provenanceView(dated ? 'Xi and South Korea, May 2017' : 'The seeds', timelineOf(inputs.map((a) => a.id), inputs, provenance));
process.stdout.write(JSON.stringify(view));
