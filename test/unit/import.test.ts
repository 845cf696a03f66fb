import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import type { UserAnnotation } from '../../src/core/annotations/annotations';
import { fromCodePoints, importBrat, importJsonLine, importW3c, parseLabelMap, readJsonRecords, recordFile, recordText, w3cItemsBySource, w3cSourcePath, type ImportResult } from '../../src/core/annotations/importFormats';
import { exportFiles, toBrat, toJsonLine, toW3c, type ExportArticle, type ExportFile } from '../../src/core/export/formats';
import { awkwardArticle } from './exportFixtures';

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
      ['quote', 'We won'],
      ['entity', 'Lisbon'],
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
    let unknownReported = 0;
    for (const ann of readdirSync(path.join(dir, 'attributions')).sort().slice(0, 20)) {
      const t = readFileSync(path.join(dir, 'text', ann.replace(/_[0-9a-f]{4}\.ann$/, '.txt')), 'utf8');
      const a = readFileSync(path.join(dir, 'attributions', ann), 'utf8');
      // PolNeAR's annotators flag spans "Discard" and "Discuss": reported unless a label map skips them.
      const r = importBrat(a, t, { labelMap: { Discard: null, Discuss: null } });
      problems += r.problems.length;
      const unmapped = importBrat(a, t).problems;
      expect(unmapped.every((p) => /^unknown label "(Discard|Discuss)"/.test(p))).toBe(true);
      unknownReported += unmapped.length;
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
    expect(unknownReported).toBeGreaterThan(0);
  });
});

describe('brat numbers a repeated role (Content2, Source2, Cue2): every argument is kept', () => {
  const dir = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', 'polnear-dev');
  const polnear = (name: string, annotator = '4e07') => ({
    text: readFileSync(path.join(dir, 'text', `${name}.txt`), 'utf8'),
    ann: readFileSync(path.join(dir, 'attributions', `${name}_${annotator}.ann`), 'utf8'),
  });
  const quotesOf = (r: ImportResult) => r.annotations.flatMap((a) => (a.kind === 'quote' ? [[a.anchor.exact, a.speaker]] : []));
  const saidBy = (r: ImportResult, opening: string) => quotesOf(r).filter(([q]) => q!.startsWith(opening)).map(([, who]) => who);

  it('each Content of an attribution is a quote of its Source (PolNeAR: "Subpoenas are not optional," … said … "Mr. Pagliano is …")', () => {
    // E5 Attribution:T21 Cue:T20 Source:T19 Content:T18 Content2:T22
    const { text, ann } = polnear('politico_2016-09-22_house-panel-votes-to-hold-clinto');
    const r = importBrat(ann, text);
    const chaffetz = 'panel Chairman Rep. Jason Chaffetz (R-Utah)';
    expect(saidBy(r, '"Subpoenas are not optional,"')).toEqual([chaffetz]);
    expect(saidBy(r, '"Mr. Pagliano is a crucial fact witness')).toEqual([chaffetz]);
    // The other two attributions with a Content2 in the story keep both quotes too.
    expect(quotesOf(r).filter(([, who]) => who === 'Rep. John Mica (R-Fla.)')).toHaveLength(2);
    expect(saidBy(r, '"I don’t think it should be done behind closed doors,"')).toEqual(['Chaffetz']);
    // Nothing of an attribution is left over as an unknown "Content" span.
    expect(r.problems).toEqual(['unknown label "Discuss" (1 span): not imported; a label map can name its type (PER, ORG, LOC, MISC, DATE, TIME, QUOTE)']);
  });

  it('an argument naming a text-bound id the file lacks is reported, and the rest of the attribution still comes in (PolNeAR, T18 removed)', () => {
    const { text, ann } = polnear('politico_2016-09-22_house-panel-votes-to-hold-clinto');
    const damaged = ann.split('\n').filter((line) => !line.startsWith('T18\t')).join('\n');
    const r = importBrat(damaged, text);
    expect(r.problems).toContain('E5: its argument Content:T18 names no text-bound annotation in the file; not imported');
    expect(saidBy(r, '"Subpoenas are not optional,"')).toEqual([]);
    expect(saidBy(r, '"Mr. Pagliano is a crucial fact witness')).toEqual(['panel Chairman Rep. Jason Chaffetz (R-Utah)']);
    expect(importBrat(ann, text).problems.filter((p) => p.includes('names no text-bound annotation'))).toEqual([]);
  });

  it('across PolNeAR dev, every Content an attribution links is imported as a quote', () => {
    let contents = 0;
    let missing = 0;
    for (const name of readdirSync(path.join(dir, 'attributions')).sort()) {
      const ann = readFileSync(path.join(dir, 'attributions', name), 'utf8');
      const text = readFileSync(path.join(dir, 'text', name.replace(/_[0-9a-f]{4}\.ann$/, '.txt')), 'utf8');
      const r = importBrat(ann, text, { labelMap: { Discard: null, Discuss: null } });
      expect(r.problems.filter((p) => p.startsWith('unknown label'))).toEqual([]);
      const starts = new Set(r.annotations.filter((a) => a.kind === 'quote').map((a) => a.anchor.start));
      const toIndex = fromCodePoints(text);
      for (const event of ann.match(/^E\d+\t.*$/gm) ?? []) {
        for (const [, id] of event.matchAll(/ Content\d*:(T\d+)/g)) {
          contents++;
          const start = new RegExp(`^${id}\tContent (\\d+) `, 'm').exec(ann)![1];
          if (!starts.has(toIndex(Number(start)))) missing++;
        }
      }
    }
    expect(contents).toBe(2322);
    expect(missing).toBe(0);
  });

  it('several Sources say it together and every Cue is the attribution\'s (real sentence, Source split in two)', () => {
    // E24 Attribution:T97 Content:T96 Cue:T95 Source:T94 — "Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)" as one Source.
    const { text, ann } = polnear('huff-post_2016-09-20_elizabeth-warren-hammers-wells-f', '6b86');
    const whole = quotesOf(importBrat(ann, text)).find(([q]) => q!.startsWith('the prospect of breaking up'));
    const sentence = text.indexOf('lead Sens. Jon Tester');
    const span = (id: string, label: string, words: string) => {
      const start = Array.from(text.slice(0, text.indexOf(words, sentence))).length;
      return `${id}\t${label} ${start} ${start + Array.from(words).length}\t${words}`;
    };
    const split = [
      span('T1', 'Source', 'Sens. Jon Tester (D-Mont.)'),
      span('T2', 'Source', 'David Vitter (R-La.)'),
      span('T3', 'Cue', 'lead'),
      span('T4', 'Cue', 'to invoke'),
      span('T5', 'Content', 'the prospect of breaking up the bank'),
      span('T6', 'Attribution', 'to invoke'),
      'E1\tAttribution:T6 Source:T1 Source2:T2 Cue:T3 Cue2:T4 Content:T5',
    ].join('\n');
    const r = importBrat(split, text);
    expect(r.problems).toEqual([]);
    // The two Sources name who the single Source named; neither Cue is left over as an unknown label.
    expect(quotesOf(r)).toEqual([whole]);
    expect(whole).toEqual(['the prospect of breaking up the bank', 'Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)']);
  });
});

const fileOf = (files: ExportFile[], name: string) => files.find((f) => f.path === name)!.content;
const ENTITY = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME']);

/** What an export says: entities by type and words, quotes by words and speaker. */
function exported(a: ExportArticle): string[][] {
  return [
    ...a.entities.filter((m) => ENTITY.has(m.type)).map((m) => ['entity', m.type, m.text]),
    ...a.quotes.map((q) => ['quote', q.text, q.speaker?.name ?? '']),
  ].sort((x, y) => x.join('|').localeCompare(y.join('|')));
}

function imported(r: ImportResult, text: string): string[][] {
  for (const a of r.annotations) expect(text.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
  return r.annotations
    .map((a: UserAnnotation) => (a.kind === 'entity' ? ['entity', a.type, a.anchor.exact] : a.kind === 'quote' ? ['quote', a.anchor.exact, a.speaker ?? ''] : ['not-entity', a.anchor.exact]))
    .sort((x, y) => x.join('|').localeCompare(y.join('|')));
}

/** The user's annotations by the origin the file gives them. */
const userWords = (r: ImportResult) => r.annotations.filter((a) => r.origins[a.id] === 'user').map((a) => a.anchor.exact.replace(/\s+/g, ' ').slice(0, 20)).sort();

describe('round trips: export, then import into the same article (CRLF, emoji, a two-paragraph quote, user annotations)', () => {
  for (const lineEnd of ['\r\n', '\n'] as const) {
    const { article } = awkwardArticle(lineEnd);
    const expected = exported(article);
    const users = ['China, too, pays gre', 'Mr Lee', 'South Korea'];
    const label = lineEnd === '\n' ? 'LF' : 'CRLF';

    it(`brat (${label}): every annotation back, the user's marked, the entity names from N lines`, () => {
      const { files } = exportFiles('brat', [article]);
      const r = importBrat(fileOf(files, '001.ann'), article.text, { bratText: fileOf(files, '001.txt') });
      expect(r.problems).toEqual([]);
      expect(imported(r, article.text)).toEqual(expected);
      expect(userWords(r)).toEqual(users);
      // Without the .txt, the article read with universal newlines is assumed: the same.
      expect(imported(importBrat(fileOf(files, '001.ann'), article.text), article.text)).toEqual(expected);
      const lee = r.annotations.find((a) => a.anchor.exact === 'Mr Lee');
      expect(lee?.kind === 'entity' && lee.name).toBe(article.entities.find((m) => m.text === 'Mr Lee')!.entityName);
      expect(importBrat(fileOf(files, '001.ann'), article.text, { userOnly: true }).annotations).toHaveLength(3);
    });

    it(`JSON lines (${label})`, () => {
      const { records } = readJsonRecords(fileOf(exportFiles('jsonl', [article]).files, 'annotations.jsonl'));
      const r = importJsonLine(records[0].record, article.text);
      expect(r.problems).toEqual([]);
      expect(imported(r, article.text)).toEqual(expected);
      expect(userWords(r)).toEqual(users);
      expect(recordFile(records[0].record)).toBe('corpus/asia/001.txt');
    });

    it(`W3C Web Annotation (${label})`, () => {
      const bySource = w3cItemsBySource(JSON.parse(fileOf(exportFiles('w3c', [article]).files, 'annotations.jsonld')));
      expect([...bySource.keys()]).toEqual(['001.txt']);
      expect(w3cSourcePath('https://data.example.org/c/asia/a%20b.txt', 'https://data.example.org/c')).toBe('asia/a b.txt');
      expect(w3cSourcePath('file:///home/u/c/x.txt')).toBe('/home/u/c/x.txt');
      const r = importW3c(bySource.get('001.txt')!, article.text);
      expect(r.problems).toEqual([]);
      expect(imported(r, article.text)).toEqual(expected);
      expect(userWords(r)).toEqual(users);
    });
  }

  it('a record whose text has a BOM, or an article edited since, is anchored by words and context', () => {
    const { article } = awkwardArticle();
    const record = JSON.parse(fileOf(exportFiles('jsonl', [article]).files, 'annotations.jsonl'));
    // A tool that read the file with its BOM counts it: every offset one more than ours.
    const shift = (x: { start_offset: number; end_offset: number }) => ({ ...x, start_offset: x.start_offset + 1, end_offset: x.end_offset + 1 });
    const withBom = importJsonLine({ ...record, text: '\uFEFF' + record.text, entities: record.entities.map(shift), quotes: record.quotes.map(shift) }, article.text);
    expect(withBom.problems).toEqual([]);
    expect(imported(withBom, article.text)).toEqual(exported(article));
    const edited = 'Editor\'s note: updated.\r\n\r\n' + article.text;
    const items = w3cItemsBySource(JSON.parse(fileOf(exportFiles('w3c', [article]).files, 'annotations.jsonld'))).get('001.txt')!;
    const moved = importW3c(items, edited);
    // Words found again where the context tells; the seed repeats its caption sentence in the
    // body, and those two names are reported rather than guessed (the sidecars' rule).
    expect(moved.problems).toHaveLength(2);
    expect(moved.problems.every((p) => p.includes('several places alike'))).toBe(true);
    const back = imported(moved, edited);
    expect(back).toHaveLength(exported(article).length - 2);
    for (const a of back) expect(exported(article)).toContainEqual(a);
  });
});

describe('importing other tools\' files', () => {
  const t = 'Ana 🎉 Lima met the World Bank in Lisbon on Monday.';
  const cp = (s: string) => Array.from(t.slice(0, t.indexOf(s))).length;

  it('brat: unknown labels are reported once each with their count, and a label map names them', () => {
    const ann = [
      `T1\tPerson ${cp('Ana')} ${cp('Lima') + 4}\tAna 🎉 Lima`,
      `T2\tOrganisation ${cp('World')} ${cp('Bank') + 4}\tWorld Bank`,
      `T3\tGeo-political-entity ${cp('Lisbon')} ${cp('Lisbon') + 6}\tLisbon`,
      `T4\tWeekday ${cp('Monday')} ${cp('Monday') + 6}\tMonday`,
      `T5\tWeekday ${cp('Monday')} ${cp('Monday') + 3}\tMon`,
      `N1\tReference T1 Wikidata:Q1\tAna Lima`,
      `A1\tOrigin T2 user`,
    ].join('\n');
    const plain = importBrat(ann, t);
    expect(plain.annotations.map((a) => [a.kind === 'entity' ? a.type : a.kind, a.anchor.exact])).toEqual([
      ['PER', 'Ana 🎉 Lima'],
      ['ORG', 'World Bank'],
      ['LOC', 'Lisbon'],
    ]);
    expect(plain.problems).toHaveLength(1);
    expect(plain.problems[0]).toContain('unknown label "Weekday" (2 spans)');
    expect(plain.unknownLabels).toEqual({ Weekday: 2 });
    expect(plain.annotations[0].kind === 'entity' && plain.annotations[0].name).toBe('Ana Lima');
    expect(Object.values(plain.origins)).toEqual(['user']);
    const mapped = importBrat(ann, t, { labelMap: parseLabelMap('# ours\nWeekday\tDATE\n').map });
    expect(mapped.problems).toEqual([]);
    expect(mapped.annotations.filter((a) => a.kind === 'entity' && a.type === 'DATE')).toHaveLength(2);
    expect(importBrat(ann, t, { labelMap: { weekday: null } }).problems).toEqual([]);
  });

  it('brat relations and equivalences, which no annotation of ours holds, are reported, not skipped in silence', () => {
    const ann = [
      `T1\tPerson ${cp('Ana')} ${cp('Lima') + 4}\tAna 🎉 Lima`,
      `T2\tOrganisation ${cp('World')} ${cp('Bank') + 4}\tWorld Bank`,
      `R1\tMeets Arg1:T1 Arg2:T2`,
      `R2\tMeets Arg1:T2 Arg2:T1`,
      `*\tEquiv T1 T2`,
    ].join('\n');
    const r = importBrat(ann, t);
    expect(r.annotations).toHaveLength(2);
    expect(r.problems).toEqual(['2 "Meets" relations (R or * lines): not imported (entities and quotes are, not the links between them)', '1 "Equiv" relation (R or * lines): not imported (entities and quotes are, not the links between them)']);
  });

  it('a label map is read from JSON or lines, and a wrong type is reported', () => {
    expect(parseLabelMap('{"Money": null, "Company": "org"}')).toEqual({ map: { Money: null, Company: 'ORG' }, problems: [] });
    expect(parseLabelMap('Company = ORG\nWeekday\tDAY\n').problems).toEqual(['line 2: "DAY" is not one of PER, ORG, LOC, MISC, DATE, TIME, QUOTE (or null to skip "Weekday")']);
  });

  it('Prodigy spans and doccano label arrays count code points', () => {
    const prodigy = importJsonLine({ text: t, spans: [{ start: cp('World'), end: cp('Bank') + 4, label: 'ORG' }, { start: cp('Lisbon'), end: cp('Lisbon') + 6, label: 'GPE' }], answer: 'accept' }, t);
    expect(prodigy.problems).toEqual([]);
    expect(prodigy.annotations.map((a) => a.anchor.exact)).toEqual(['World Bank', 'Lisbon']);
    const doccano = importJsonLine({ text: t, label: [[cp('Lisbon'), cp('Lisbon') + 6, 'LOC'], [0, 3, 'Money']] }, t);
    expect(doccano.annotations.map((a) => a.anchor.exact)).toEqual(['Lisbon']);
    expect(doccano.problems).toEqual([expect.stringContaining('unknown label "Money"')]);
    expect(importJsonLine({ text: t, spans: [], answer: 'reject' }, t).problems).toEqual([expect.stringContaining('reject')]);
  });

  it("Label Studio's JSON export: the first annotation not cancelled; regions are checked by their words", () => {
    const task = (start: number, end: number) => ({
      id: 7,
      data: { text: t, file: 'corpus/a.txt' },
      annotations: [
        { was_cancelled: true, result: [] },
        { result: [{ from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: 'World Bank', labels: ['Organization'] } }] },
      ],
      predictions: [{ result: [{ type: 'labels', value: { start: 0, end: 3, text: 'Ana', labels: ['PER'] } }] }],
    });
    // Code points, or UTF-16 units as a JavaScript front end counts: the words decide.
    for (const start of [cp('World'), t.indexOf('World')]) {
      const { records, problems } = readJsonRecords(JSON.stringify([task(start, start + 10)]));
      expect(problems).toEqual([]);
      expect(recordText(records[0].record)).toBe(t);
      expect(recordFile(records[0].record)).toBe('corpus/a.txt');
      const r = importJsonLine(records[0].record, t);
      expect(r.problems).toEqual([]);
      expect(r.annotations.map((a) => [a.kind === 'entity' && a.type, a.anchor.exact])).toEqual([['ORG', 'World Bank']]);
      expect(Object.values(r.origins)).toEqual(['user']);
    }
    expect(importJsonLine(readJsonRecords(JSON.stringify([task(0, 10)])).records[0].record, t).problems).toEqual([expect.stringContaining('"World Bank" is not at 0–10')]);
  });
});
