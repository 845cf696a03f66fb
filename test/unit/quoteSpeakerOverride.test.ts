import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { applyQuoteAnnotations } from '../../src/core/annotations/annotations';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { parseArticle } from '../../src/core/article';
import { toBrat } from '../../src/core/export/formats';
import { findMentions } from '../../src/core/entities/mentions';
import { findArticleQuotes } from '../../src/core/quotes/quotes';
import { loadRecognizer } from '../../src/node/models';
import { seed } from './seeds';

const recognizer = loadRecognizer(path.join(__dirname, '..', '..', 'models', 'ner.json.gz'));

describe('a speaker the user sets on a quote', () => {
  const text = seed('004');
  const article = parseArticle(text);
  const automatic = findArticleQuotes(text, article, findMentions(text, article, recognizer));
  const quote = automatic.find((q) => q.text.startsWith('We hope the new government'))!;

  it('replaces the automatic speaker whole: no trace of the old mention is left to show', () => {
    expect(quote.speaker?.name).toBe('Wang Yi');
    const [mine] = applyQuoteAnnotations([quote], [{ id: 'a1', kind: 'quote', speaker: 'Kang Kyung-wha', anchor: makeAnchor(text, quote.start, quote.end) }]);
    expect(mine.speaker).toMatchObject({ name: 'Kang Kyung-wha', text: 'Kang Kyung-wha' });
    expect(mine.speakerMention).toBeNull();
  });

  it('exports to brat without an empty span: the name goes on the attribution event', () => {
    const [mine] = applyQuoteAnnotations([quote], [{ id: 'a1', kind: 'quote', speaker: 'Kang Kyung-wha', anchor: makeAnchor(text, quote.start, quote.end) }]);
    const ann = toBrat({ file: '004', text, sentences: [], entities: [], quotes: [mine] });
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) expect(line).toMatch(/^T\d+\t\S+ \d+ \d+(?:;\d+ \d+)*\t\S/);
    expect(ann).toMatch(/AnnotatorNotes E\d+\tKang Kyung-wha/);
  });

  it('keeps the automatic mention when the user confirms the same speaker', () => {
    const [mine] = applyQuoteAnnotations([quote], [{ id: 'a1', kind: 'quote', speaker: 'Wang Yi', anchor: makeAnchor(text, quote.start, quote.end) }]);
    expect(mine.speaker).toEqual(quote.speaker);
  });
});
