/** One article's structure: title, outlet, date, dateline, paragraphs, sentences and boilerplate. */
import { classifyLines, isProseLike, type BoilerplateKind } from './boilerplate';
import { findExplicitDates } from './dates';
import { splitLines, trimmedSpan, type TextLine } from './lines';
import { inferOutlet } from './outlet';
import { splitSentences, type Span } from './sentences';
import { wrapContinuations } from './wrap';

export interface ArticleMetadata {
  title?: string | null;
  outlet?: string | null;
  /** ISO `YYYY-MM-DD`. */
  date?: string | null;
  url?: string | null;
}

/** Where a value came from, so the UI can say how sure it is. */
export type Provenance = 'user' | 'text' | 'published-line' | 'dateline' | 'caption' | 'boilerplate';

export interface Located<T> {
  readonly value: T;
  readonly source: Provenance;
  /** The text the value was read from; absent for user-set values. */
  readonly span?: Span;
}

export interface Paragraph extends Span {
  readonly text: string;
  readonly sentences: readonly Span[];
}

export interface BoilerplateSpan extends Span {
  /** 1-based line number. */
  readonly line: number;
  readonly kind: BoilerplateKind;
  readonly text: string;
}

export interface Dateline extends Span {
  readonly text: string;
  /** The place, in ordinary capitalisation ("Beijing"). */
  readonly place: string;
}

export interface Article {
  readonly title: Located<string> | null;
  readonly outlet: Located<string> | null;
  readonly date: Located<string> | null;
  readonly url: Located<string> | null;
  readonly dateline: Dateline | null;
  readonly paragraphs: readonly Paragraph[];
  readonly boilerplate: readonly BoilerplateSpan[];
  /** Lines carrying metadata rather than body text ("Published 24.08.2017 23:21"). */
  readonly metadataLines: readonly Span[];
  /** Characters of body text, used for summaries and comparisons. */
  readonly bodyLength: number;
}

const METADATA_LINE = /^(published|updated|posted|first published|last updated|last modified)\b\s*:?\s*\S/i;
const BYLINE = /^by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}(\s*(,|and)\s*.*)?$/;

/**
 * Parses one article. Every value is inferred only from evidence in the text; what
 * cannot be found stays null. `metadata` set by the user wins over inference.
 */
export function parseArticle(text: string, metadata: ArticleMetadata = {}): Article {
  const lines = splitLines(text);
  const wrapped = wrapContinuations(lines);
  const kinds = classifyLines(lines, wrapped);
  const boilerplate: BoilerplateSpan[] = [];
  const metadataLines: Span[] = [];
  const contentLines: TextLine[] = [];
  lines.forEach((line, i) => {
    const span = trimmedSpan(line);
    if (!span) return;
    const kind = kinds[i];
    const trimmed = text.slice(span.start, span.end);
    if (kind) boilerplate.push({ ...span, line: line.number, kind, text: trimmed });
    else if (METADATA_LINE.test(trimmed) || (BYLINE.test(trimmed) && trimmed.length < 80)) metadataLines.push(span);
    else contentLines.push(line);
  });

  const titleLines = findTitleLines(contentLines, boilerplate, wrapped);
  const bodyLines = contentLines.filter((l) => !titleLines.includes(l));
  const paragraphs = buildParagraphs(text, bodyLines, wrapped);
  const dateline = findDateline(text, paragraphs);

  const inferredTitle: Located<string> | null = titleLines.length
    ? {
        value: joinedText(titleLines),
        source: 'text',
        span: { start: trimmedSpan(titleLines[0])!.start, end: trimmedSpan(titleLines[titleLines.length - 1])!.end },
      }
    : null;
  const inferredOutlet = inferOutlet(boilerplate.map((b) => ({ text: b.text, start: b.start, kind: b.kind })));

  return {
    title: userValue(metadata.title) ?? inferredTitle,
    outlet:
      userValue(metadata.outlet) ??
      (inferredOutlet ? { value: inferredOutlet.name, source: 'boilerplate', span: inferredOutlet.span } : null),
    date: userValue(metadata.date) ?? inferDate(text, metadataLines, dateline, boilerplate, paragraphs),
    url: userValue(metadata.url),
    dateline,
    paragraphs,
    boilerplate,
    metadataLines,
    bodyLength: paragraphs.reduce((n, p) => n + (p.end - p.start), 0),
  };
}

function userValue(value: string | null | undefined): Located<string> | null {
  return value && value.trim() ? { value: value.trim(), source: 'user' } : null;
}

/**
 * The headline is the first content line when it reads like one: short, several
 * words, no closing full stop. Otherwise the article has no title line. A headline
 * hard-wrapped over several lines is read whole.
 */
function findTitleLines(content: readonly TextLine[], boilerplate: readonly BoilerplateSpan[], wrapped: readonly boolean[]): TextLine[] {
  // A label or a date written above the headline ("Notes", "19 May 2017") is not the title,
  // so adding one leaves the title as it was.
  let at = 0;
  while (at < Math.min(2, content.length - 1) && isLabelOrDate(content[at].text.trim())) at++;
  const first = content[at];
  if (!first) return [];
  const title = [first];
  while (at + title.length < content.length && wrapped[content[at + title.length].number - 1] && content[at + title.length].number === title[title.length - 1].number + 1) {
    title.push(content[at + title.length]);
  }
  const t = joinedText(title);
  const words = t.split(/\s+/).length;
  if (t.length > 200 || words < 3) return [];
  if (/[.;,]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return [];
  if (/^(\[|\()?[A-Z]{3,}/.test(t) && /^(\[[^\]]+\]|\([^)]+\)|[A-Z][A-Z ,.'-]+\s*(\(|—|–|-))/.test(t) && isProseLike(t)) return [];
  // A line opening with a dateline ("MELBOURNE, Fla. — Can you feel it?") starts the body.
  if (DATELINE.test(t)) return [];
  // A content line followed by nothing but boilerplate is a body, not a headline.
  const next = content[at + title.length];
  if (!next && boilerplate.length === 0) return [];
  return title;
}

function isLabelOrDate(line: string): boolean {
  if (line.split(/\s+/).length <= 2 && !/[.!?]$/.test(line)) return true;
  const date = findExplicitDates(line)[0];
  return !!date && date.end - date.start >= line.replace(/[\s,.]+$/, '').length - 4;
}

function joinedText(lines: readonly TextLine[]): string {
  return lines.map((l) => l.text.trim()).join(' ');
}

/**
 * A line opening with a bullet ("- ", "-- ", "* ", "• "): an item of its own, as in a press
 * digest's headlines under each newspaper's masthead ("EXPANSION" / "- Government will
 * finish pension reform …") or a sign-off under a table ("-- London Newsroom +44 …").
 */
const BULLET = /^(?:-{1,2}|[*•·])\s/;

/**
 * Hard-wrapped lines are joined into one paragraph: those of a run wrapped at a fixed
 * width, and any line that visibly continues the sentence of the line above (not a bulleted one).
 */
function buildParagraphs(text: string, lines: readonly TextLine[], wrapped: readonly boolean[]): Paragraph[] {
  const spans: Array<{ start: number; end: number; lastLine: number }> = [];
  for (const line of lines) {
    const span = trimmedSpan(line)!;
    const prev = spans[spans.length - 1];
    const continues =
      prev &&
      prev.lastLine === line.number - 1 &&
      (wrapped[line.number - 1] ||
        (!/[.!?:"”’'»)]$/.test(text.slice(prev.start, prev.end)) && /^[a-z(,;–—-]/.test(text.slice(span.start, span.end)) && !BULLET.test(text.slice(span.start, span.end))));
    if (continues) {
      prev.end = span.end;
      prev.lastLine = line.number;
    } else spans.push({ ...span, lastLine: line.number });
  }
  return spans.map((s) => ({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    sentences: splitSentences(text, s.start, s.end),
  }));
}

const DATELINE =
  /^(?:\[([A-Z][A-Z .,'-]{1,40})\]|\(([A-Z][A-Z .,'-]{1,40})\)|([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)(?=,? (?:[A-Z][a-z]{2,8}\.? \d{1,2},? (?:\d{4} )?)?(?:\((?:[A-Z][A-Za-z.&' ]{1,30})\) )?[—–-]{1,2} ))/;

/** "[BEIJING]", "(BEIJING) —", "SEOUL, South Korea (AP) —" opening one of the first paragraphs. */
function findDateline(text: string, paragraphs: readonly Paragraph[]): Dateline | null {
  for (const p of paragraphs.slice(0, 3)) {
    const found = datelineOf(text, p);
    if (found) return found;
  }
  return null;
}

function datelineOf(text: string, first: Paragraph): Dateline | null {
  const m = DATELINE.exec(first.text);
  if (!m) return null;
  const raw = m[1] ?? m[2] ?? m[3];
  const place = raw.split(',')[0].trim();
  if (place.length < 3 || !/[A-Z]{3}/.test(place)) return null;
  const offset = first.start + m.index + m[0].indexOf(raw);
  return { start: offset, end: offset + raw.length, text: raw, place: titleCase(place) };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/**
 * Publication date, by strength of evidence: a "Published …" line, a date in the
 * dateline sentence, then a photo caption (captions are dated the day of the event).
 */
function inferDate(
  text: string,
  metadataLines: readonly Span[],
  dateline: Dateline | null,
  boilerplate: readonly BoilerplateSpan[],
  paragraphs: readonly Span[],
): Located<string> | null {
  // A page's time stamp above the article is furniture to the page classifier but is still the
  // strongest evidence of the date, so "Published …" lines it took as navigation are read too.
  const bodyStart = paragraphs[0]?.start ?? text.length;
  const stampedLines = [
    ...metadataLines,
    ...boilerplate.filter((b) => b.kind === 'navigation' && b.start < bodyStart && METADATA_LINE.test(b.text)),
  ].sort((a, b) => a.start - b.start);
  for (const line of stampedLines) {
    const d = findExplicitDates(text.slice(line.start, line.end), line.start)[0];
    if (d) return { value: d.iso, source: 'published-line', span: d };
  }
  if (dateline) {
    const d = findExplicitDates(text.slice(dateline.start, dateline.end + 40), dateline.start)[0];
    if (d) return { value: d.iso, source: 'dateline', span: d };
  }
  for (const b of boilerplate) {
    if (b.kind !== 'photo-credit' && b.kind !== 'photo-caption') continue;
    const d = findExplicitDates(b.text, b.start)[0];
    if (d) return { value: d.iso, source: 'caption', span: d };
  }
  return null;
}
