import { describe, expect, it } from 'vitest';
import { codePointOffsets, toBrat, toConll, toJsonLine, toW3c, type ExportArticle } from '../../src/core/export/formats';
import { readAttributions, readBratSpans } from '../../src/core/quotes/brat';

const text = 'Fans 🎉 cheered. “We won,” said Ana Lima in Lisbon.\nNext line.';
const at = (s: string) => text.indexOf(s);
const article: ExportArticle = {
  file: 'a.txt',
  text,
  sentences: [
    { start: 0, end: at(' “We') },
    { start: at('“We'), end: at('\nNext') },
    { start: at('Next'), end: text.length },
  ],
  entities: [
    { start: at('Ana Lima'), end: at('Ana Lima') + 8, text: 'Ana Lima', type: 'PER', entityId: 'PER:ana-lima' },
    { start: at('Lisbon'), end: at('Lisbon') + 6, text: 'Lisbon', type: 'LOC', entityId: 'LOC:lisbon' },
  ],
  quotes: [
    {
      start: at('We won'),
      end: at('We won') + 6,
      text: 'We won',
      kind: 'direct',
      cue: { start: at('said'), end: at('said') + 4 },
      speaker: { start: at('Ana Lima'), end: at('Ana Lima') + 8, text: 'Ana Lima', name: 'Ana Lima' },
      speakerMention: 0,
    },
  ],
};
const codePoints = Array.from(text);
const cpSlice = (s: number, e: number) => codePoints.slice(s, e).join('');

describe('export formats', () => {
  it('counts code points, not UTF-16 units, after an emoji', () => {
    const cp = codePointOffsets(text);
    expect(cp(at('Ana'))).toBe(at('Ana') - 1);
    expect(cp(3)).toBe(3);
  });

  it('brat: offsets index the text exactly, and quotes round-trip with their speakers', () => {
    const ann = toBrat(article);
    for (const span of readBratSpans(ann).values()) expect(cpSlice(span.start, span.end)).toBe(span.text);
    const [attribution] = readAttributions(ann);
    expect(attribution.content?.text).toBe('We won');
    expect(attribution.source?.text).toBe('Ana Lima');
    expect(attribution.cue?.text).toBe('said');
    expect(ann).toContain('\tReference T1 CorpusLens:PER:ana-lima\tAna Lima');
    expect(ann).toMatch(/^#\d+\tAnnotatorNotes E1\tAna Lima$/m);
  });

  it('JSON lines: doccano entities in code points, the quote in its own key with its speaker', () => {
    const line = JSON.parse(toJsonLine(article));
    const cp = (s: string) => Array.from(text.slice(0, at(s))).length;
    expect(line.entities.map((e: { label: string; start_offset: number; end_offset: number }) => [e.label, e.start_offset, e.end_offset])).toEqual([
      ['PER', cp('Ana Lima'), cp('Ana Lima') + 8],
      ['LOC', cp('Lisbon'), cp('Lisbon') + 6],
    ]);
    expect(line.quotes[0]).toMatchObject({ start_offset: cp('We won'), end_offset: cp('We won') + 6, speaker: { name: 'Ana Lima', entity: 1 } });
    expect(line.relations).toEqual([]);
  });

  it('CoNLL: BIO tags, a blank line between sentences', () => {
    const conll = toConll(article);
    expect(conll).toContain('Ana B-PER\nLima I-PER\nin O\nLisbon B-LOC');
    expect(conll.startsWith('-DOCSTART- O\n\n')).toBe(true);
  });

  it('W3C: TextQuoteSelector and TextPositionSelector agree', () => {
    const [first] = (toW3c(article, 'a.txt') as Array<{ target: { selector?: Array<{ type: string; exact?: string; start?: number; end?: number }> } }>).filter((i) => i.target.selector);
    const [quote, position] = first.target.selector!;
    expect(quote.exact).toBe('Ana Lima');
    expect(cpSlice(position.start!, position.end!)).toBe('Ana Lima');
  });
});
