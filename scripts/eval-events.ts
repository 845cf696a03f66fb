// `npm run eval:events`: B-cubed of the event clustering on Giveme5W1H and BASIL, as given
// (every article dated) and with the date fields removed (as scraped text often comes).
import { readFileSync } from 'fs';
import * as path from 'path';
import { bcubed } from '../src/core/events/bcubed';
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, type EventArticle } from '../src/core/events/cluster';
import { toEventArticle, type EventRecord } from '../src/core/events/input';
import { withEntities } from '../src/core/events/entities';
import { loadBackgroundIdf, loadRecognizer } from '../src/node/models';

const root = path.resolve(__dirname, '..');
const sets: Array<[string, string, string]> = [
  ['Giveme5W1H', 'giveme5w1h-news-cluster.jsonl', 'event_id'],
  ['BASIL', 'basil-articles.jsonl', 'triplet_uuid'],
];
const background = loadBackgroundIdf(path.join(root, 'models', 'idf.json.gz'));
const options = { ...DEFAULT_CLUSTER_OPTIONS, background };
const recognizer = loadRecognizer(path.join(root, 'models', 'ner.json.gz'));
// `--no-entities`: as the CLI's `events` clusters, without the people each article names.
const entities = !process.argv.includes('--no-entities');
for (const [name, file, key] of sets) {
  const rows: Array<EventRecord & Record<string, unknown>> = readFileSync(path.join(root, '..', 'shared', 'eval', 'events', file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const gold = rows.map((r) => String(r[key]));
  for (const dated of [true, false]) {
    const plain = rows.map((r) => toEventArticle(dated ? r : { ...r, date: undefined, date_publish: undefined }) as EventArticle);
    const articles = entities ? withEntities(plain, recognizer) : plain;
    const withDate = articles.filter((a) => a.date).length;
    const labels = clusterArticles(articles, options);
    const s = bcubed(gold, labels);
    console.log(`${name.padEnd(11)} ${dated ? 'dated  ' : 'undated'}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  events ${new Set(labels).size} / ${new Set(gold).size}  (${withDate} of ${articles.length} dated)`);
  }
}
