/**
 * Articles for the export and import tests: every seed as the CLI analyses it, and one seed
 * made awkward the ways real files are: CRLF line ends, flag emoji before its entities, the
 * user's annotations (a place inside a hyphenated word, a quote over two paragraphs, a named
 * person) and one orphaned annotation. Metadata and an event are set as the user would.
 */
import * as path from 'path';
import { annotate, type UserAnnotation } from '../../src/core/annotations/annotations';
import { withEvents, type ExportArticle } from '../../src/core/export/exportArticle';
import { analyseCorpus } from '../../src/engine/pipeline';
import { SEEDS_DIR, seed, seedFiles } from './seeds';

export function seedArticles(): ExportArticle[] {
  const layer = analyseCorpus(seedFiles().map((f) => ({ file: path.join(SEEDS_DIR, f), text: seed(f.slice(0, 3)), metadata: {}, annotations: [] })));
  return layer.articles.map((_, k) => layer.exportArticle(k));
}

/** Seed 001 with CRLF, emoji and user annotations; `lf` is the same article with LF line ends. */
export function awkwardArticle(lineEnd: '\n' | '\r\n' = '\r\n'): { article: ExportArticle; annotations: UserAnnotation[] } {
  const text = seed('001').replace('[BEIJING] Chinese President', '[BEIJING] 🇨🇳🎉 Chinese President').replace(/\n/g, lineEnd);
  const at = (s: string, from = 0) => {
    const i = text.indexOf(s, from);
    if (i < 0) throw new Error(`not in the seed: ${s}`);
    return i;
  };
  const quoteStart = at('China, too, pays');
  const quoteEnd = at('mutual respect') + 'mutual respect'.length;
  const annotations: UserAnnotation[] = [
    { id: 'a1', kind: 'entity', type: 'LOC', name: null, anchor: annotate(text, at('South Korea relations'), at('South Korea relations') + 11) },
    { id: 'a2', kind: 'quote', speaker: 'Xi Jinping', anchor: annotate(text, quoteStart, quoteEnd) },
    { id: 'a3', kind: 'entity', type: 'PER', name: 'Lee Hae-Chan', anchor: annotate(text, at('Mr Lee gave'), at('Mr Lee gave') + 6) },
    { id: 'a4', kind: 'entity', type: 'ORG', name: null, anchor: { start: 0, end: 5, exact: 'Gone!', prefix: '', suffix: '' }, orphaned: true },
  ];
  const layer = analyseCorpus([{ file: 'corpus/asia/001.txt', text, metadata: { outlet: 'The Business Times', date: '2017-05-19', url: 'https://example.com/xi' }, annotations }]);
  const [article] = withEvents([layer.exportArticle(0)], [{ key: 'pinned:Xi meets envoy', label: 'Xi meets envoy', name: 'Xi meets envoy', pinned: true, articles: ['corpus/asia/001.txt'], firstDate: null, lastDate: null }]);
  return { article, annotations };
}

/** Code-point slice, as Python (doccano, Prodigy, spaCy, brat) slices. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The text as Python's universal newlines read it. */
export const universal = (text: string) => text.replace(/\r\n?/g, '\n');
