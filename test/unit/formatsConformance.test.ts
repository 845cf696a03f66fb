/**
 * Each export format checked by its own specification's rules, on every seed and on an
 * awkward article (CRLF, emoji, a user span inside a hyphenated word, a two-paragraph quote).
 */
import { describe, expect, it } from 'vitest';
import { documentNames, exportFiles, type ExportArticle, type ExportFile } from '../../src/core/export/formats';
import { awkwardArticle, cpSlice, seedArticles, universal } from './exportFixtures';

const seeds = seedArticles();
const { article: awkward } = awkwardArticle();
const all: ExportArticle[] = [...seeds, awkward];
const file = (files: ExportFile[], name: string) => {
  const f = files.find((x) => x.path === name);
  if (!f) throw new Error(`no ${name} among ${files.map((x) => x.path).join(', ')}`);
  return f.content;
};

/** The sections of a brat .conf file: section → first word of each line. */
function confSections(conf: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const line of conf.split('\n')) {
    const m = /^\[(\w+)\]$/.exec(line.trim());
    if (m) out.set((section = m[1]), []);
    else if (line.trim() && !line.startsWith('#')) out.get(section)!.push(line);
  }
  return out;
}

describe('brat conformance', () => {
  const { files } = exportFiles('brat', all);
  const names = documentNames(all.map((a) => a.file));
  const conf = confSections(file(files, 'annotation.conf'));
  const entityTypes = new Set(conf.get('entities'));
  const eventLines = conf.get('events')!;
  const eventTypes = new Set(eventLines.map((l) => l.split(' ')[0]));
  const eventRoles = new Set(eventLines.flatMap((l) => [...l.matchAll(/(\w+)[?*+]?:/g)].map((m) => m[1])));
  const attributeLines = conf.get('attributes')!;

  it('every span is the .txt read with universal newlines, its fragments joined by one space', () => {
    let spans = 0;
    names.forEach((name) => {
      const txt = file(files, `${name}.txt`);
      expect(txt).toBe(universal(txt));
      expect(txt.charCodeAt(0)).not.toBe(0xfeff);
      for (const line of file(files, `${name}.ann`).split('\n').filter((l) => l.startsWith('T'))) {
        const m = /^T\d+\t(\S+) ([\d ;]+)\t(.*)$/.exec(line);
        expect(m, line).not.toBeNull();
        const fragments = m![2].split(';').map((f) => f.split(' ').map(Number));
        fragments.forEach(([s, e], k) => {
          expect(s).toBeLessThan(e);
          if (k > 0) expect(s).toBeGreaterThanOrEqual(fragments[k - 1][1]);
        });
        expect(fragments.map(([s, e]) => cpSlice(txt, s, e)).join(' '), line).toBe(m![3]);
        spans++;
      }
    });
    expect(spans).toBeGreaterThan(300);
  });

  it('a quote over two paragraphs (CRLF, after emoji) is one Content with a fragment per paragraph', () => {
    const name = names[names.length - 1];
    const content = file(files, `${name}.ann`).split('\n').find((l) => /\tContent .*\tChina, too, pays/.test(l))!;
    expect(content).toMatch(/\tContent \d+ \d+;\d+ \d+\t/);
    expect(content.endsWith('mutual respect')).toBe(true);
  });

  it('every type, role and attribute is declared in annotation.conf, and visual.conf labels them', () => {
    const visual = file(files, 'visual.conf');
    for (const name of names) {
      const ann = file(files, `${name}.ann`);
      const spanType = new Map<string, string>();
      for (const [, id, type] of ann.matchAll(/^(T\d+)\t(\S+) /gm)) {
        expect(entityTypes.has(type) || eventTypes.has(type), `${name}: ${type}`).toBe(true);
        expect(visual).toMatch(new RegExp(`^${type} \\|`, 'm'));
        spanType.set(id, type);
      }
      for (const [, type, args] of ann.matchAll(/^E\d+\t(\S+) (.*)$/gm)) {
        const [eventType, trigger] = type.split(':');
        expect(eventTypes.has(eventType)).toBe(true);
        // "Non-trigger used as trigger": the trigger must be a span of the event's type.
        expect(spanType.get(trigger)).toBe(eventType);
        for (const arg of args.split(' ')) {
          const [role, id] = arg.split(':');
          expect(eventRoles.has(role), role).toBe(true);
          expect(entityTypes.has(spanType.get(id)!)).toBe(true);
        }
      }
      for (const [, attribute, , value] of ann.matchAll(/^A\d+\t(\S+) (\S+) (\S+)$/gm)) {
        const declared = attributeLines.find((l) => l.startsWith(`${attribute} `));
        expect(declared, attribute).toBeDefined();
        expect(declared!.split('Value:')[1].split('|')).toContain(value);
      }
      // brat's own pattern for N lines: (\S+) (\S+) (\S+?):(\S+)
      for (const line of ann.split('\n').filter((l) => l.startsWith('N'))) expect(line).toMatch(/^N\d+\t\S+ T\d+ CorpusLens:\S+\t\S/);
    }
  });

  it('every entity and quote says whether it is the user\'s, and metadata.jsonl describes each document', () => {
    const name = names[names.length - 1];
    const ann = file(files, `${name}.ann`);
    const user = [...ann.matchAll(/^A\d+\tOrigin (\S+) user$/gm)].map((m) => m[1]);
    const spanText = new Map([...ann.matchAll(/^(T\d+)\t\S+ [\d ;]+\t(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(user.filter((id) => id.startsWith('T')).map((id) => spanText.get(id)).sort()).toEqual(['Mr Lee', 'South Korea']);
    expect(user.filter((id) => id.startsWith('E'))).toHaveLength(1);
    const meta = file(files, 'metadata.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(meta.map((m) => m.document)).toEqual(names);
    expect(meta[meta.length - 1]).toMatchObject({ title: "China's Xi says willing to put South Korea ties back on track", outlet: 'The Business Times', date: '2017-05-19', url: 'https://example.com/xi', event_id: 'pinned:Xi meets envoy', event_label: 'Xi meets envoy' });
  });
});

describe('JSON lines conformance (doccano ≥ 1.6)', () => {
  const { files, problems } = exportFiles('jsonl', all);
  const records = file(files, 'annotations.jsonl').trim().split('\n').map((l) => JSON.parse(l));

  it('code-point slices equal the words, entities never overlap, relations join entities of the list', () => {
    records.forEach((r, k) => {
      const source = all[k];
      expect(r.text).toBe(source.text);
      const sorted = [...r.entities].sort((a, b) => a.start_offset - b.start_offset);
      sorted.forEach((e, i) => {
        expect(e.start_offset).toBeLessThan(e.end_offset);
        if (i > 0) expect(e.start_offset).toBeGreaterThanOrEqual(sorted[i - 1].end_offset);
        expect(source.entities.some((m) => m.text === cpSlice(r.text, e.start_offset, e.end_offset) && m.type === e.label)).toBe(true);
      });
      const ids = new Set(r.entities.map((e: { id: number }) => e.id));
      expect(ids.size).toBe(r.entities.length);
      for (const rel of r.relations) expect(ids.has(rel.from_id) && ids.has(rel.to_id)).toBe(true);
      for (const q of r.quotes) {
        expect(cpSlice(r.text, q.start_offset, q.end_offset)).toBe(q.text);
        if (q.speaker?.start_offset !== undefined) expect(cpSlice(r.text, q.speaker.start_offset, q.speaker.end_offset).length).toBeGreaterThan(0);
      }
      // Quotes are never in the entity list.
      expect(r.entities.some((e: { label: string }) => e.label === 'QUOTE')).toBe(false);
    });
    expect(problems.filter((p) => !/orphaned/.test(p))).toEqual([]);
  });

  it('after emoji the offsets are code points, not UTF-16 units', () => {
    const r = records[records.length - 1];
    const xi = r.entities.find((e: { start_offset: number; end_offset: number }) => cpSlice(r.text, e.start_offset, e.end_offset) === 'Xi Jinping' && e.start_offset > Array.from(r.text).indexOf('🎉'));
    expect(xi).toBeDefined();
    expect(r.text.slice(xi.start_offset, xi.end_offset)).not.toBe('Xi Jinping');
  });

  it('carries metadata, event, origin and links between the same quote in different articles', () => {
    const r = records[records.length - 1];
    expect(r).toMatchObject({ outlet: 'The Business Times', date: '2017-05-19', url: 'https://example.com/xi', event_id: 'pinned:Xi meets envoy', event_label: 'Xi meets envoy', document: 'corpus/asia/001' });
    expect(r.entities.filter((e: { origin: string }) => e.origin === 'user').map((e: { start_offset: number; end_offset: number }) => cpSlice(r.text, e.start_offset, e.end_offset)).sort()).toEqual(['Mr Lee', 'South Korea']);
    const userQuote = r.quotes.find((q: { origin: string }) => q.origin === 'user');
    expect(userQuote.speaker.name).toBe('Xi Jinping');
    // Seed 001 and the awkward copy of it share their quotes.
    expect(records.flatMap((x) => x.quotes).some((q: { same_as: unknown[] }) => q.same_as.length > 0)).toBe(true);
  });
});

describe('W3C Web Annotation conformance', () => {
  const collection = JSON.parse(file(exportFiles('w3c', all).files, 'annotations.jsonld'));
  const items = collection.first.items;
  const textOf = new Map(all.map((a, k) => [documentNames(all.map((x) => x.file))[k], a.text]));

  it('every selector slices the text to its exact, prefix and suffix; the output encodes as UTF-8', () => {
    let checked = 0;
    const check = (source: string, selector: Array<{ type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }>) => {
      const text = textOf.get(decodeURIComponent(source).replace(/\.txt$/, ''))!;
      const quote = selector.find((s) => s.type === 'TextQuoteSelector')!;
      const position = selector.find((s) => s.type === 'TextPositionSelector')!;
      const cps = Array.from(text);
      expect(cpSlice(text, position.start!, position.end!)).toBe(quote.exact);
      expect(cps.slice(Math.max(0, position.start! - Array.from(quote.prefix!).length), position.start).join('')).toBe(quote.prefix);
      expect(cps.slice(position.end, position.end! + Array.from(quote.suffix!).length).join('')).toBe(quote.suffix);
      checked++;
    };
    for (const item of items) {
      if (item.target.selector) check(item.target.source, item.target.selector);
      for (const body of [item.body].flat()) if (body?.selector) check(body.source, body.selector);
    }
    expect(checked).toBeGreaterThan(300);
    const json = JSON.stringify(collection);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(json)).toBe(false);
    expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
  });

  it('the collection has an id; sources stay relative (no local paths) unless --base-uri is given', () => {
    expect(collection.id).toBe('annotations.jsonld');
    expect(JSON.stringify(collection)).not.toContain('file://');
    expect(JSON.stringify(collection)).not.toContain(process.cwd());
    const based = JSON.parse(file(exportFiles('w3c', all, { baseUri: 'https://data.example.org/corpus' }).files, 'annotations.jsonld'));
    expect(based.id).toBe('https://data.example.org/corpus/annotations.jsonld');
    for (const item of based.first.items) {
      expect(item.id.startsWith('https://data.example.org/corpus/annotations.jsonld#')).toBe(true);
      expect((item.target.source ?? item.target.id).startsWith('https://data.example.org/corpus/')).toBe(true);
    }
  });

  it('a quote keeps its speaker span, cue and the same quote in the other outlet', () => {
    const quotes = items.filter((i: { id: string }) => /quote-\d+$/.test(i.id));
    const full = quotes.find((q: { body: Array<{ role?: string }> }) => q.body.some((b) => b.role === 'speaker') && q.body.some((b) => b.role === 'cue') && q.body.some((b) => b.role === 'same-quote'));
    expect(full).toBeDefined();
    const link = full.body.find((b: { role?: string }) => b.role === 'same-quote');
    expect(items.some((i: { id: string }) => i.id === link.source)).toBe(true);
    const described = items.find((i: { id: string }) => i.id === 'annotations.jsonld#corpus/asia/001/article');
    expect(described.target).toMatchObject({ outlet: 'The Business Times', date: '2017-05-19', url: 'https://example.com/xi' });
    expect(described.body).toMatchObject({ purpose: 'classifying', value: 'Xi meets envoy' });
    expect(items.filter((i: { origin?: string; creator?: unknown }) => i.origin === 'user' && i.creator).length).toBe(3);
  });
});

describe('CoNLL conformance', () => {
  for (const columns of [2, 4] as const) {
    it(`valid IOB2 in ${columns} columns, one token a line, -DOCSTART- per document`, () => {
      const conll = file(exportFiles('conll', all, { conllColumns: columns }).files, 'annotations.conll');
      const lines = conll.split('\n');
      let previous = 'O';
      let docs = 0;
      for (const line of lines) {
        if (!line) {
          previous = 'O';
          continue;
        }
        const fields = line.split(' ');
        expect(fields, line).toHaveLength(columns);
        if (fields[0] === '-DOCSTART-') {
          docs++;
          expect(line).toBe(columns === 4 ? '-DOCSTART- -X- -X- O' : '-DOCSTART- O');
          continue;
        }
        const tag = fields[columns - 1];
        expect(tag).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
        if (tag.startsWith('I-')) expect([`B-${tag.slice(2)}`, tag]).toContain(previous);
        previous = tag;
      }
      expect(docs).toBe(all.length);
    });
  }

  it('a user span inside a hyphenated word keeps its words: "South Korea" of "China-South Korea"', () => {
    const conll = file(exportFiles('conll', [awkward]).files, 'annotations.conll');
    // "China" of "China-South Korea" is no mention of its own (names are not propagated into a
    // hyphenated word), so the word is cut only where the user's span starts.
    expect(conll).toContain('put O\nChina- O\nSouth B-LOC\nKorea I-LOC\nrelations O');
    const docs = file(exportFiles('conll', [awkward]).files, 'documents.jsonl');
    expect(JSON.parse(docs)).toMatchObject({ outlet: 'The Business Times', event_label: 'Xi meets envoy' });
    expect(JSON.parse(docs).user.map((u: { label: string }) => u.label).sort()).toEqual(['LOC', 'PER']);
  });
});

describe('every export', () => {
  it('reports orphaned annotations and does not write them', () => {
    for (const format of ['brat', 'jsonl', 'conll', 'w3c'] as const) {
      const { files, problems } = exportFiles(format, [awkward]);
      expect(problems.some((p) => p.includes('a4') && p.includes('orphaned'))).toBe(true);
      expect(files.some((f) => f.content.includes('Gone!'))).toBe(false);
    }
  });

  it('keeps relative paths for articles with the same name in different folders', () => {
    expect(documentNames(['/c/asia/001.txt', '/c/europe/001.txt', '/c/europe/002.txt'])).toEqual(['asia/001', 'europe/001', 'europe/002']);
    expect(documentNames(['file:///home/u/c/a%20b/x.txt', 'file:///home/u/c/y.txt'])).toEqual(['a b/x', 'y']);
    expect(documentNames(['seeds/001.txt'])).toEqual(['001']);
    const { files } = exportFiles('brat', [awkward, { ...awkward, file: 'corpus/europe/001.txt' }]);
    expect(files.map((f) => f.path).filter((p) => p.endsWith('.ann'))).toEqual(['asia/001.ann', 'europe/001.ann']);
  });
});

describe('exporting a corpus layer', () => {
  it('gives each article the event the Events view shows it in, pins included', async () => {
    const { corpusEngine } = await import('../../src/engine/pipeline');
    const { seedFiles, seed, SEEDS_DIR } = await import('./seeds');
    const path = await import('path');
    const pinned = path.join(SEEDS_DIR, seedFiles()[4]);
    // The engine the CLI's `export` and the editor's Export Annotations… both run.
    const engine = corpusEngine(seedFiles().map((f) => ({ file: path.join(SEEDS_DIR, f), text: seed(f.slice(0, 3)), metadata: {}, annotations: [], event: path.join(SEEDS_DIR, f) === pinned ? 'My event' : null })));
    const { files } = engine.exportFiles('jsonl');
    const records = file(files, 'annotations.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.every((r) => typeof r.event_id === 'string' && typeof r.event_label === 'string')).toBe(true);
    expect(records[4]).toMatchObject({ event_id: 'pinned:My event', event_label: 'My event — 18 May 2017' });
    // The seeds report two events among the other four articles: some share one.
    expect(new Set(records.slice(0, 4).map((r) => r.event_id)).size).toBeLessThan(4);
  });
});
