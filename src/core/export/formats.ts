/**
 * Annotations in the formats other tools load: brat standoff (with its configuration),
 * doccano ≥ 1.6 JSON lines, CoNLL BIO (two columns, or CoNLL-2003's four) and W3C Web
 * Annotation JSON-LD. Every offset counts Unicode code points, as each of these tools does;
 * every format carries the article's metadata and event and whether each annotation is the
 * user's. Orphaned annotations are reported, never written at a guessed place.
 */
import { matchQuotes, type QuoteRef } from '../quotes/match';
import { tokenize } from '../ner/tokenize';
import type { ExportArticle, ExportEntity, ExportQuote } from './exportArticle';
import { codePointOffsets, codePointsAfter, codePointsBefore, universalNewlines } from './text';

export type { ExportArticle, ExportEntity, ExportQuote, ExportEvent, ExportMetadata, Origin } from './exportArticle';
export { codePointOffsets } from './text';

export const EXPORT_FORMATS = ['brat', 'jsonl', 'conll', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** CoNLL: 2 (token and tag, the default) or 4 (CoNLL-2003: token, POS, chunk, tag). */
  readonly conllColumns?: 2 | 4;
  /** W3C: the URI the article paths are resolved against; by default they stay relative. */
  readonly baseUri?: string;
}

export interface ExportFile {
  /** Relative to the export folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

export interface ExportOutput {
  readonly files: ExportFile[];
  /** What was left out and why (orphaned annotations, overlapping entities). */
  readonly problems: string[];
}

/** The files of one export: what the CLI and the editor write. */
export function exportFiles(format: ExportFormat, articles: readonly ExportArticle[], options: ExportOptions = {}): ExportOutput {
  const problems = articles.flatMap((a) => (a.orphans ?? []).map((o) => `${a.file}: ${o.kind} annotation ${o.id} ("${o.exact}") is orphaned (its words are gone); not exported`));
  const names = documentNames(articles.map((a) => a.file));
  if (format === 'brat') {
    const files: ExportFile[] = [];
    articles.forEach((a, k) => {
      const doc = toBratDocument(a);
      files.push({ path: `${names[k]}.txt`, content: doc.txt }, { path: `${names[k]}.ann`, content: doc.ann });
      problems.push(...doc.problems.map((p) => `${a.file}: ${p}`));
    });
    files.push({ path: 'annotation.conf', content: bratAnnotationConf(articles) }, { path: 'visual.conf', content: bratVisualConf(articles) });
    files.push({ path: 'metadata.jsonl', content: jsonLines(articles.map((a, k) => ({ document: names[k], ...documentRecord(a) }))) });
    return { files, problems };
  }
  if (format === 'jsonl') {
    const links = quoteLinks(articles);
    const lines = articles.map((a, k) => {
      const { record, dropped } = jsonRecord(a, names[k], links[k]);
      if (dropped.length) problems.push(`${a.file}: ${dropped.length} entit${dropped.length === 1 ? 'y' : 'ies'} overlapping another left out of "entities" (${dropped.slice(0, 3).map((m) => `"${m.text}"`).join(', ')})`);
      return record;
    });
    return { files: [{ path: 'annotations.jsonl', content: jsonLines(lines) }], problems };
  }
  if (format === 'conll') {
    const columns = options.conllColumns ?? 2;
    const docs = articles.map((a) => conllDocument(a, columns));
    articles.forEach((a, k) => {
      if (docs[k].dropped.length) problems.push(`${a.file}: ${docs[k].dropped.length} overlapping entit${docs[k].dropped.length === 1 ? 'y' : 'ies'} left out of the BIO tags`);
    });
    return {
      files: [
        { path: 'annotations.conll', content: docs.map((d) => d.text).join('') },
        { path: 'documents.jsonl', content: jsonLines(articles.map((a, k) => ({ document: names[k], ...documentRecord(a), user: docs[k].user, ...(docs[k].accepted.length ? { accepted: docs[k].accepted } : {}) }))) },
      ],
      problems,
    };
  }
  return { files: [{ path: 'annotations.jsonld', content: JSON.stringify(toW3cCollection(articles, options.baseUri ?? ''), null, 2) + '\n' }], problems };
}

const jsonLines = (records: readonly object[]) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');

/** The article's description every format carries. */
function documentRecord(a: ExportArticle) {
  return {
    file: a.file,
    title: a.metadata?.title ?? null,
    outlet: a.metadata?.outlet ?? null,
    date: a.metadata?.date ?? null,
    url: a.metadata?.url ?? null,
    event_id: a.event?.id ?? null,
    event_label: a.event?.label ?? null,
    // Only on reviewed articles, so other exports stay as they were.
    ...(a.reviewed ? { reviewed: true } : {}),
  };
}

/** A path from a file path or a `file://` URI, with `/` separators. */
function pathOf(file: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) {
    try {
      return decodeURIComponent(new URL(file).pathname);
    } catch {
      // not a URI after all
    }
  }
  return file.replace(/\\/g, '/');
}

/**
 * Each article's path relative to the folder all of them share, without the extension,
 * so that articles with the same name in different folders stay apart; never `..`.
 */
export function documentNames(files: readonly string[]): string[] {
  const parts = files.map((f) => pathOf(f).split('/'));
  let common = Math.min(...parts.map((p) => p.length - 1));
  for (let k = 0; k < common; k++) {
    if (!parts.every((p) => p[k] === parts[0][k])) {
      common = k;
      break;
    }
  }
  const used = new Set<string>();
  return parts.map((p) => {
    const base = p.slice(common).filter((s) => s && s !== '.' && s !== '..').join('/').replace(/\.[^./]*$/, '') || 'article';
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
    used.add(name);
    return name;
  });
}

/** Entities without overlaps (the longer of two overlapping ones kept), and those left out. */
export function nonOverlapping<T extends { start: number; end: number }>(entities: readonly T[]): { kept: T[]; dropped: T[] } {
  const byLength = [...entities].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  const dropped: T[] = [];
  for (const m of byLength) (kept.some((k) => k.start < m.end && m.start < k.end) ? dropped : kept).push(m);
  return { kept: kept.sort((a, b) => a.start - b.start), dropped };
}

// ---------------------------------------------------------------- brat

const BRAT_ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME'];
const BRAT_QUOTE_TYPES = ['Source', 'Cue', 'Content'];
/** The database name of `N` lines: the corpus's own entity ids. */
export const BRAT_NORMALIZATION_DB = 'CorpusLens';

/** Brat's fields are separated by tabs and lines by newlines: neither may be inside a field. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** A span's fragments: one per line it covers (tabs split too), each without surrounding space. */
function bratFragments(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\t') {
      let a = s;
      while (a < i && /\s/.test(text[a])) a++;
      let b = i;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push([a, b]);
      s = i + 1;
    }
  }
  return out;
}

/**
 * One article in brat standoff: the `.txt` as brat reads it (universal newlines, no BOM) and
 * the `.ann` counting code points in it. Entities carry `N` lines to their corpus entity;
 * quotes are Source/Cue/Content linked by an `Attribution` event (as in PolNeAR) with the
 * speaker's name in an AnnotatorNotes line; every entity and event has an `Origin` attribute.
 */
export function toBratDocument(a: ExportArticle): { txt: string; ann: string; problems: string[] } {
  const norm = universalNewlines(a.text);
  const text = norm.text;
  const cp = codePointOffsets(text);
  const spans: string[] = [];
  const events: string[] = [];
  const attributes: string[] = [];
  const normalizations: string[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  const span = (label: string, start: number, end: number): string | null => {
    const fragments = bratFragments(text, norm.toNormalised(start), norm.toNormalised(end));
    if (!fragments.length) return null;
    const id = `T${spans.length + 1}`;
    spans.push(`${id}\t${label} ${fragments.map(([s, e]) => `${cp(s)} ${cp(e)}`).join(';')}\t${fragments.map(([s, e]) => text.slice(s, e)).join(' ')}`);
    return id;
  };
  const origin = (id: string, value: string | undefined) => attributes.push(`A${attributes.length + 1}\tOrigin ${id} ${value ?? 'automatic'}`);
  const reference = (id: string, entityId: string, name: string) =>
    normalizations.push(`N${normalizations.length + 1}\tReference ${id} ${BRAT_NORMALIZATION_DB}:${entityId.replace(/\s/g, '_')}\t${oneLine(name)}`);
  for (const m of a.entities) {
    const id = span(m.type, m.start, m.end);
    if (!id) {
      problems.push(`entity "${m.text}" at ${m.start}–${m.end} is only white space; not exported`);
      continue;
    }
    origin(id, m.origin);
    if (m.entityId) reference(id, m.entityId, m.entityName ?? m.text);
  }
  for (const q of a.quotes) {
    const content = span('Content', q.start, q.end);
    if (!content) {
      problems.push(`quote at ${q.start}–${q.end} is only white space; not exported`);
      continue;
    }
    const roles = [`Content:${content}`];
    let trigger: string | null = null;
    if (q.cue) {
      const cue = span('Cue', q.cue.start, q.cue.end);
      if (cue) {
        roles.push(`Cue:${cue}`);
        trigger = span('Attribution', q.cue.start, q.cue.end);
      }
    }
    if (q.speaker && q.speaker.end > q.speaker.start) {
      const source = span('Source', q.speaker.start, q.speaker.end);
      if (source) {
        roles.push(`Source:${source}`);
        const entityId = q.speakerMention !== null ? a.entities[q.speakerMention]?.entityId : null;
        if (entityId) reference(source, entityId, q.speaker.name);
      }
    }
    // Brat events need a trigger; a quote without a cue word is anchored on its content.
    const event = `E${events.length + 1}`;
    events.push(`${event}\tAttribution:${trigger ?? span('Attribution', q.start, q.end)} ${roles.join(' ')}`);
    origin(event, q.origin);
    if (q.speaker) notes.push(`#${notes.length + 1}\tAnnotatorNotes ${event}\t${oneLine(q.speaker.name)}`);
  }
  const lines = [...spans, ...events, ...attributes, ...normalizations, ...notes];
  return { txt: text, ann: lines.join('\n') + (lines.length ? '\n' : ''), problems };
}

/** The `.ann` alone (offsets for the `.txt` that `toBratDocument` writes). */
export function toBrat(a: ExportArticle): string {
  return toBratDocument(a).ann;
}

const entityTypesOf = (articles: readonly ExportArticle[]) => [...new Set([...BRAT_ENTITY_TYPES, ...articles.flatMap((a) => a.entities.map((m) => m.type))])];

/** Every type the `.ann` files use, declared, so that brat loads them without complaint. */
export function bratAnnotationConf(articles: readonly ExportArticle[]): string {
  return [
    '# Written by Corpus Lens: entity types, quotes as Source/Cue/Content linked by an Attribution event.',
    '[entities]',
    ...entityTypesOf(articles),
    ...BRAT_QUOTE_TYPES,
    '',
    '[relations]',
    // Quotes contain entities, and a cue is both a Cue and the event's trigger.
    '<OVERLAP> Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    'Attribution Content:Content, Cue?:Cue, Source?:Source',
    '',
    '[attributes]',
    'Origin Arg:<ENTITY>|<EVENT>, Value:automatic|accepted|user',
    '',
  ].join('\n');
}

/** The editor's colours (its dark-theme ones: light enough under brat's black text). */
const BRAT_COLOURS: Record<string, string> = {
  PER: '#7cc4ff',
  ORG: '#e5a55c',
  LOC: '#8fd18f',
  MISC: '#d7ba7d',
  DATE: '#b5cea8',
  TIME: '#b5cea8',
  Source: '#8b949e',
  Cue: '#c8a2f0',
  Content: '#f3e6b8',
  Attribution: '#c8a2f0',
};
const BRAT_LABELS: Record<string, string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', MISC: 'Other name', DATE: 'Date', TIME: 'Time', Source: 'Source', Cue: 'Cue', Content: 'Content', Attribution: 'Attribution' };

export function bratVisualConf(articles: readonly ExportArticle[]): string {
  const types = [...entityTypesOf(articles), ...BRAT_QUOTE_TYPES, 'Attribution'];
  return [
    '[labels]',
    ...types.map((t) => `${t} | ${BRAT_LABELS[t] ?? t} | ${t}`),
    'Origin | Origin',
    '',
    '[drawing]',
    ...types.map((t) => `${t}\tbgColor:${BRAT_COLOURS[t] ?? '#d7ba7d'}, borderColor:darken`),
    'Content\tcolor:#a08000, arrowHead:triangle-5',
    'Cue\tcolor:#7a3db8, arrowHead:triangle-5',
    'Source\tcolor:#6e7781, arrowHead:triangle-5',
    'Origin\tglyph:<NONE>|✎',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- JSON lines

type Links = ReadonlyArray<Array<{ document: string; quote: number; relation: 'same' | 'similar' }>>;

/** For each article, for each quote: the same (or a similar) quote in the other articles. */
function quoteLinks(articles: readonly ExportArticle[], names = documentNames(articles.map((a) => a.file))): Links[] {
  const refs: QuoteRef[] = articles.flatMap((a, k) => a.quotes.map((q, index) => ({ article: String(k), index, text: q.text, speaker: q.speaker?.name ?? null })));
  const out: Array<Array<Array<{ document: string; quote: number; relation: 'same' | 'similar' }>>> = articles.map((a) => a.quotes.map(() => []));
  for (const link of matchQuotes(refs)) {
    if (link.a.article === link.b.article) continue;
    out[+link.a.article][link.a.index].push({ document: names[+link.b.article], quote: link.b.index + 1, relation: link.relation });
    out[+link.b.article][link.b.index].push({ document: names[+link.a.article], quote: link.a.index + 1, relation: link.relation });
  }
  return out;
}

/**
 * doccano ≥ 1.6 (relation form): `entities` never overlap, and mentions of one corpus entity
 * are chained by `same_entity` relations. Quotes have their own key (they contain entities),
 * with speaker, cue and the same quote in other articles. Offsets count code points.
 */
function jsonRecord(a: ExportArticle, document: string, links: Links): { record: object; dropped: ExportEntity[] } {
  const cp = codePointOffsets(a.text);
  const { kept, dropped } = nonOverlapping(a.entities);
  const entityIds = new Map<ExportEntity, number>(kept.map((m, i) => [m, i + 1]));
  const last = new Map<string, number>();
  const relations: object[] = [];
  for (const m of kept) {
    if (!m.entityId) continue;
    const previous = last.get(m.entityId);
    if (previous !== undefined) relations.push({ id: relations.length + 1, from_id: entityIds.get(m)!, to_id: previous, type: 'same_entity' });
    last.set(m.entityId, entityIds.get(m)!);
  }
  const span = (s: { start: number; end: number }) => ({ start_offset: cp(s.start), end_offset: cp(s.end) });
  return {
    record: {
      text: a.text,
      entities: kept.map((m) => ({ id: entityIds.get(m)!, label: m.type, ...span(m), entity_id: m.entityId, name: m.entityName ?? null, origin: m.origin ?? 'automatic' })),
      relations,
      quotes: a.quotes.map((q: ExportQuote, i) => {
        const speakerEntity = q.speakerMention !== null ? a.entities[q.speakerMention] : undefined;
        return {
          id: i + 1,
          ...span(q),
          text: q.text,
          speaker: q.speaker
            ? { name: q.speaker.name, ...(q.speaker.end > q.speaker.start ? span(q.speaker) : {}), entity_id: speakerEntity?.entityId ?? null, entity: speakerEntity ? (entityIds.get(speakerEntity) ?? null) : null }
            : null,
          cue: q.cue ? span(q.cue) : null,
          origin: q.origin ?? 'automatic',
          same_as: links[i] ?? [],
        };
      }),
      document,
      ...documentRecord(a),
    },
    dropped,
  };
}

/** One article as a doccano JSON line (see `exportFiles` for the whole corpus, with quote links). */
export function toJsonLine(a: ExportArticle): string {
  return JSON.stringify(jsonRecord(a, documentNames([a.file])[0], []).record);
}

// ---------------------------------------------------------------- CoNLL

const CONLL_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/**
 * BIO tags, one token a line, a blank line after each sentence. Tokens are split at entity
 * boundaries, so a span inside a word ("Beijing" of "Beijing-based") keeps its exact words
 * and a tag never starts inside a token: the tags are always valid IOB2. DATE and TIME are
 * left out (CoNLL-2003 has PER, ORG, LOC and MISC). `columns` 4 writes CoNLL-2003's form,
 * with `-X-` for the part-of-speech and chunk columns we do not tag.
 */
export function conllDocument(
  a: ExportArticle,
  columns: 2 | 4 = 2,
): { text: string; dropped: ExportEntity[]; user: Array<{ sentence: number; tokens: [number, number]; label: string }>; accepted: Array<{ sentence: number; tokens: [number, number]; label: string }> } {
  const { kept: names, dropped } = nonOverlapping(a.entities.filter((m) => CONLL_TYPES.has(m.type)));
  const line = (token: string, tag: string) => (columns === 4 ? `${token} -X- -X- ${tag}` : `${token} ${tag}`);
  const lines = [line('-DOCSTART-', 'O'), ''];
  const user: Array<{ sentence: number; tokens: [number, number]; label: string }> = [];
  const accepted: Array<{ sentence: number; tokens: [number, number]; label: string }> = [];
  let sentenceIndex = 0;
  for (const s of a.sentences) {
    const inside = names.filter((m) => m.start < s.end && s.start < m.end);
    const cuts = new Set(inside.flatMap((m) => [m.start, m.end]));
    const tokens = tokenize(a.text, s.start, s.end).flatMap((t) => {
      const at = [t.start, ...[...cuts].filter((c) => c > t.start && c < t.end).sort((x, y) => x - y), t.end];
      return at.slice(1).map((end, k) => ({ start: at[k], end, text: a.text.slice(at[k], end) }));
    });
    if (!tokens.length) continue;
    let previous: ExportEntity | undefined;
    const firstToken = new Map<ExportEntity, number>();
    tokens.forEach((tok, i) => {
      const m = inside.find((x) => x.start <= tok.start && tok.end <= x.end);
      if (m && !firstToken.has(m)) firstToken.set(m, i);
      lines.push(line(tok.text, m ? `${m === previous ? 'I' : 'B'}-${m.type}` : 'O'));
      if ((m?.origin === 'user' || m?.origin === 'accepted') && (i + 1 === tokens.length || !(tokens[i + 1].end <= m.end))) {
        (m.origin === 'user' ? user : accepted).push({ sentence: sentenceIndex, tokens: [firstToken.get(m)!, i + 1], label: m.type });
      }
      previous = m;
    });
    lines.push('');
    sentenceIndex++;
  }
  return { text: lines.join('\n') + '\n', dropped, user, accepted };
}

/** One article in CoNLL's two-column form. */
export function toConll(a: ExportArticle): string {
  return conllDocument(a).text;
}

// ---------------------------------------------------------------- W3C Web Annotation

/** Our terms beside the Web Annotation vocabulary: article description, roles, origin. */
export const W3C_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    dcterms: 'http://purl.org/dc/terms/',
    cl: 'urn:corpus-lens:',
    title: 'dcterms:title',
    outlet: 'dcterms:publisher',
    date: 'dcterms:date',
    url: { '@id': 'dcterms:source', '@type': '@id' },
    role: 'cl:role',
    origin: 'cl:origin',
    entity: 'cl:entity',
    event: { '@id': 'cl:event', '@type': '@id' },
  },
] as const;

const CONTEXT_CODE_POINTS = 32;

/** A relative reference, each path segment percent-encoded. */
const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** A Web Annotation collection of the whole export: `id`s relative unless `baseUri` is given. */
export function toW3cCollection(articles: readonly ExportArticle[], baseUri = ''): object {
  const names = documentNames(articles.map((a) => a.file));
  const base = baseUri && !/[/#]$/.test(baseUri) ? `${baseUri}/` : baseUri;
  const collection = `${base}annotations.jsonld`;
  const links = quoteLinks(articles, names);
  const sources = articles.map((a, k) => `${base}${encodePath(names[k] + (/\.[^./]+$/.exec(pathOf(a.file))?.[0] ?? ''))}`);
  const quoteId = (k: number, i: number) => `${collection}#${encodePath(names[k])}/quote-${i + 1}`;
  const items = articles.flatMap((a, k) => w3cItems(a, sources[k], (what) => `${collection}#${encodePath(names[k])}/${what}`, (i) => links[k][i].map((l) => ({ id: quoteId(names.indexOf(l.document), l.quote - 1), relation: l.relation }))));
  return {
    '@context': W3C_CONTEXT,
    id: collection,
    type: 'AnnotationCollection',
    label: 'Corpus Lens annotations',
    total: items.length,
    first: { id: `${collection}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** One article's annotations: a description of the article, then its entities and quotes. */
export function w3cItems(a: ExportArticle, source: string, idOf: (what: string) => string = (what) => `${source}#${what}`, linksOf: (quote: number) => Array<{ id: string; relation: string }> = () => []): object[] {
  const cp = codePointOffsets(a.text);
  const selector = (start: number, end: number) => [
    { type: 'TextQuoteSelector', exact: a.text.slice(start, end), prefix: codePointsBefore(a.text, start, CONTEXT_CODE_POINTS), suffix: codePointsAfter(a.text, end, CONTEXT_CODE_POINTS) },
    { type: 'TextPositionSelector', start: cp(start), end: cp(end) },
  ];
  const target = (start: number, end: number) => ({ source, selector: selector(start, end) });
  const agent = (origin: string | undefined) =>
    origin === 'user'
      ? { origin: 'user', creator: { type: 'Person' } }
      : origin === 'accepted'
        ? // Found by the program, accepted by a person in review.
          { origin: 'accepted', creator: { type: 'Person' }, generator: { type: 'Software', name: 'Corpus Lens' } }
        : { origin: 'automatic', generator: { type: 'Software', name: 'Corpus Lens' } };
  const items: object[] = [];
  const meta = a.metadata ?? {};
  items.push({
    id: idOf('article'),
    type: 'Annotation',
    motivation: 'classifying',
    ...(a.event ? { body: { type: 'TextualBody', purpose: 'classifying', value: a.event.label, event: `urn:corpus-lens:event:${encodeURIComponent(a.event.id)}` } } : {}),
    target: { id: source, type: 'Text', format: 'text/plain', ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) },
  });
  a.entities.forEach((m, i) =>
    items.push({
      id: idOf(`entity-${i + 1}`),
      type: 'Annotation',
      motivation: 'tagging',
      ...agent(m.origin),
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: m.type },
        ...(m.entityId ? [{ type: 'TextualBody', purpose: 'identifying', value: m.entityName ?? m.text, entity: m.entityId }] : []),
      ],
      target: target(m.start, m.end),
    }),
  );
  a.quotes.forEach((q, i) => {
    const speakerEntity = q.speakerMention !== null ? a.entities[q.speakerMention] : undefined;
    items.push({
      id: idOf(`quote-${i + 1}`),
      type: 'Annotation',
      motivation: 'describing',
      ...agent(q.origin),
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'QUOTE' },
        ...(q.speaker ? [{ type: 'TextualBody', purpose: 'identifying', role: 'speaker', value: q.speaker.name, ...(speakerEntity?.entityId ? { entity: speakerEntity.entityId } : {}) }] : []),
        ...(q.speaker && q.speaker.end > q.speaker.start ? [{ type: 'SpecificResource', role: 'speaker', source, selector: selector(q.speaker.start, q.speaker.end) }] : []),
        ...(q.cue ? [{ type: 'SpecificResource', role: 'cue', source, selector: selector(q.cue.start, q.cue.end) }] : []),
        ...linksOf(i).map((l) => ({ type: 'SpecificResource', purpose: 'linking', role: l.relation === 'same' ? 'same-quote' : 'similar-quote', source: l.id })),
      ],
      target: target(q.start, q.end),
    });
  });
  return items;
}

/** One article's annotations as W3C items (see `toW3cCollection` for a whole export). */
export function toW3c(a: ExportArticle, source: string): object[] {
  return w3cItems(a, source);
}
