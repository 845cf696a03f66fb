// The Curation page's input for the Chromium test, built by the engine's own functions from
// seed 001: our annotations (as the sidecar holds them) against another annotator's, before and
// after taking theirs on one disagreement.
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import type { LabelledSpan } from '../../src/core/annotations/agreement';
import { annotate, type UserAnnotation } from '../../src/core/annotations/annotations';
import { annotationSpans, curation, takeSide } from '../../src/core/annotations/curation';
import { curationView } from '../../src/extension/curationPage';

const root = path.resolve(process.argv[2]);
const file = readdirSync(path.join(root, 'seeds')).find((f) => f.startsWith('001'))!;
const text = readFileSync(path.join(root, 'seeds', file), 'utf8');
/** The nth place the words stand as whole words. */
const at = (words: string, nth = 0) => {
  const found = [...text.matchAll(new RegExp(`(?<![\\w-])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'))];
  const i = found[nth].index!;
  return [i, i + words.length] as const;
};
const quote = '"China, too, pays great attention to the bilateral ties,"';
const ours: UserAnnotation[] = [
  { id: 'a1', kind: 'entity', type: 'PER', name: null, anchor: annotate(text, ...at('Xi Jinping', 1)) },
  { id: 'a2', kind: 'entity', type: 'PER', name: null, anchor: annotate(text, ...at('Lee Hae Chan')) },
  { id: 'a3', kind: 'entity', type: 'ORG', name: null, anchor: annotate(text, ...at('Beijing', 1)) },
  { id: 'a4', kind: 'entity', type: 'LOC', name: null, anchor: annotate(text, ...at('Seoul')) },
  { id: 'a5', kind: 'entity', type: 'LOC', name: null, anchor: annotate(text, ...at('South Korea', 1)) },
  { id: 'a6', kind: 'quote', speaker: null, anchor: annotate(text, ...at(quote)) },
];
const span = (label: string, words: string, nth = 0): LabelledSpan => ({ label, fragments: [at(words, nth)] });
const theirs: LabelledSpan[] = [span('PER', 'Xi Jinping', 1), span('LOC', 'Beijing', 1), span('PER', 'Moon Jae-In'), span('LOC', 'South Korea', 1), span('QUOTE', quote), span('ORG', 'United States')];
const mine = annotationSpans(ours);
const make = (curated: readonly UserAnnotation[], canUndo: boolean) => {
  const { items, agreed } = curation(text, mine, theirs, annotationSpans(curated));
  return { items, view: curationView({ title: file, text, a: mine, b: theirs, items, agreed, sideA: { name: 'yours', detail: 'this corpus’s annotations as they were when the comparison began' }, sideB: { name: 'anna', detail: `brat annotations of /data/anna/${file}` }, canUndo }) };
};
const before = make(ours, false);
const beijing = before.items.find((i) => i.text === 'Beijing')!;
const after = make(takeSide(ours, text, beijing, 'b'), true);
process.stdout.write(JSON.stringify({ before: before.view, after: after.view, file: path.join(root, 'seeds', file) }));
