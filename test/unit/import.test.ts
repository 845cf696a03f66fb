import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { importBrat, importJsonLine, importW3c } from '../../src/core/annotations/importFormats';
import { toBrat, toJsonLine, toW3c, type ExportArticle } from '../../src/core/export/formats';

const text = 'Fans 🎉 cheered. “We won,” said Ana Lima in Lisbon.';
const at = (s: string) => text.indexOf(s);
const article: ExportArticle = {
  file: 'a.txt',
  text,
  sentences: [{ start: 0, end: text.length }],
  entities: [{ start: at('Lisbon'), end: at('Lisbon') + 6, text: 'Lisbon', type: 'LOC', entityId: 'LOC:lisbon' }],
  quotes: [{ start: at('We won'), end: at('We won') + 6, text: 'We won', kind: 'direct', cue: { start: at('said'), end: at('said') + 4 }, speaker: { start: at('Ana'), end: at('Ana') + 8, text: 'Ana Lima', name: 'Ana Lima' }, speakerMention: null }],
};

describe('import round-trips export', () => {
  it('brat', () => {
    const { annotations, problems } = importBrat(toBrat(article), text);
    expect(problems).toEqual([]);
    expect(annotations.map((a) => [a.kind, a.anchor.exact, a.kind === 'quote' ? a.speaker : a.kind === 'entity' ? a.type : null])).toEqual([
      ['quote', 'We won', 'Ana Lima'],
      ['entity', 'Lisbon', 'LOC'],
    ]);
  });

  it('JSON lines', () => {
    const { annotations, problems } = importJsonLine(JSON.parse(toJsonLine(article)), text);
    expect(problems).toEqual([]);
    expect(annotations.map((a) => a.anchor.exact)).toEqual(['We won', 'Lisbon']);
  });

  it('W3C Web Annotation', () => {
    const { annotations, problems } = importW3c(toW3c(article, 'file:///a.txt') as never[], text);
    expect(problems).toEqual([]);
    expect(annotations.map((a) => [a.kind, a.anchor.exact])).toEqual([
      ['entity', 'Lisbon'],
      ['quote', 'We won'],
    ]);
  });

  it('reports a hand-edited .ann that no longer fits the text', () => {
    const { problems } = importBrat('T1\tPER 0 4\tNobody\nthis is not brat\n', text);
    expect(problems).toHaveLength(2);
  });
});

describe('importing PolNeAR', () => {
  it('yields quotes with speakers', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', 'polnear-dev');
    let quotes = 0;
    let withSpeaker = 0;
    let problems = 0;
    for (const ann of readdirSync(path.join(dir, 'attributions')).sort().slice(0, 20)) {
      const t = readFileSync(path.join(dir, 'text', ann.replace(/_[0-9a-f]{4}\.ann$/, '.txt')), 'utf8');
      const r = importBrat(readFileSync(path.join(dir, 'attributions', ann), 'utf8'), t);
      problems += r.problems.length;
      for (const a of r.annotations) {
        if (a.kind !== 'quote') continue;
        quotes++;
        if (a.speaker) withSpeaker++;
        expect(t.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
      }
    }
    expect(quotes).toBeGreaterThan(300);
    expect(withSpeaker / quotes).toBeGreaterThan(0.9);
    expect(problems).toBe(0);
  });
});
