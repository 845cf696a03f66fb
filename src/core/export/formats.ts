/**
 * Annotations in standard formats: brat standoff, doccano-style JSON lines, CoNLL BIO
 * and W3C Web Annotation. Brat and W3C count characters as Unicode code points, so
 * their offsets are converted from JavaScript string indices.
 */
import type { EntityMention } from '../entities/mentions';
import { tokenize } from '../ner/tokenize';
import { firstAtLeast } from '../sortedSearch';
import type { Quote } from '../quotes/quotes';

export interface ExportArticle {
  readonly file: string;
  readonly text: string;
  readonly sentences: ReadonlyArray<{ start: number; end: number }>;
  readonly entities: ReadonlyArray<EntityMention & { entityId: string | null; type: string }>;
  readonly quotes: readonly Quote[];
}

/** Maps JavaScript (UTF-16) offsets to code-point offsets. */
export function codePointOffsets(text: string): (offset: number) => number {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) astral.push(i + 1);
  }
  if (astral.length === 0) return (o) => o;
  return (o) => o - firstAtLeast(astral, o);
}

/** Brat fragments: a span crossing line breaks is written as one fragment a line. */
function bratFragments(text: string, start: number, end: number, cp: (o: number) => number): string {
  const parts: string[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      let a = s;
      while (a < i && /\s/.test(text[a])) a++;
      let b = i;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) parts.push(`${cp(a)} ${cp(b)}`);
      s = i + 1;
    }
  }
  return parts.join(';');
}

export function toBrat(a: ExportArticle): string {
  const cp = codePointOffsets(a.text);
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  let note = 0;
  const span = (label: string, start: number, end: number) => {
    const id = `T${++t}`;
    lines.push(`${id}\t${label} ${bratFragments(a.text, start, end, cp)}\t${a.text.slice(start, end).replace(/[\r\n]+/g, ' ')}`);
    return id;
  };
  for (const m of a.entities) {
    const id = span(m.type, m.start, m.end);
    if (m.entityId) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${m.entityId}`);
  }
  for (const q of a.quotes) {
    const content = span('Content', q.start, q.end);
    const roles = [`Content:${content}`];
    let trigger: string | null = null;
    if (q.cue) {
      roles.push(`Cue:${span('Cue', q.cue.start, q.cue.end)}`);
      trigger = span('Attribution', q.cue.start, q.cue.end);
    }
    if (q.speaker && q.speaker.end > q.speaker.start) {
      const source = span('Source', q.speaker.start, q.speaker.end);
      roles.push(`Source:${source}`);
      lines.push(`#${++note}\tAnnotatorNotes ${source}\t${q.speaker.name}`);
    } else if (q.speaker) {
      // A speaker the user named without a mention in the text: brat has no empty span, so the name goes on the quote.
      lines.push(`#${++note}\tAnnotatorNotes ${content}\tSpeaker: ${q.speaker.name}`);
    }
    // Brat events need a trigger; a quote without a cue word is anchored on its content.
    lines.push(`E${++e}\tAttribution:${trigger ?? span('Attribution', q.start, q.end)} ${roles.join(' ')}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function toJsonLine(a: ExportArticle): string {
  return JSON.stringify({
    file: a.file,
    text: a.text,
    // doccano / Label Studio style spans: [start, end, label].
    label: [...a.entities.map((m) => [m.start, m.end, m.type]), ...a.quotes.map((q) => [q.start, q.end, 'QUOTE'])].sort((x, y) => (x[0] as number) - (y[0] as number)),
    entities: a.entities.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entityId: m.entityId })),
    quotes: a.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, cue: q.cue, speaker: q.speaker })),
  });
}

/** One token a line with its BIO tag; sentences separated by blank lines, documents by -DOCSTART-. */
export function toConll(a: ExportArticle): string {
  const names = a.entities.filter((m) => m.type !== 'DATE' && m.type !== 'TIME');
  const lines = ['-DOCSTART- O', ''];
  for (const s of a.sentences) {
    const tokens = tokenize(a.text, s.start, s.end);
    if (!tokens.length) continue;
    for (const tok of tokens) {
      const m = names.find((x) => x.start <= tok.start && tok.end <= x.end);
      const tag = m ? `${m.start === tok.start ? 'B' : 'I'}-${m.type}` : 'O';
      lines.push(`${tok.text} ${tag}`);
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

export function toW3c(a: ExportArticle, source: string): object[] {
  const cp = codePointOffsets(a.text);
  const target = (start: number, end: number) => ({
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: a.text.slice(start, end), prefix: a.text.slice(Math.max(0, start - 32), start), suffix: a.text.slice(end, end + 32) },
      { type: 'TextPositionSelector', start: cp(start), end: cp(end) },
    ],
  });
  const items: object[] = [];
  a.entities.forEach((m, i) =>
    items.push({
      type: 'Annotation',
      id: `${source}#entity-${i + 1}`,
      motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: m.type }, ...(m.entityId ? [{ type: 'TextualBody', purpose: 'identifying', value: m.entityId }] : [])],
      target: target(m.start, m.end),
    }),
  );
  a.quotes.forEach((q, i) =>
    items.push({
      type: 'Annotation',
      id: `${source}#quote-${i + 1}`,
      motivation: 'describing',
      body: { type: 'TextualBody', purpose: 'describing', value: q.speaker ? `Quote by ${q.speaker.name}` : 'Quote' },
      target: target(q.start, q.end),
    }),
  );
  return items;
}
