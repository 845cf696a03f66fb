/**
 * Quoted passages in article text. Handles straight and curly marks, a closer typed as
 * an opener (“normal track“), apostrophes inside quotes (“We’re…”), quotes running over
 * several paragraphs (an opening mark at each paragraph start, one close at the end) and
 * single-quoted headlines. An unbalanced mark never swallows more than its paragraph.
 */
import type { Span } from '../sentences';

export interface QuoteSpan {
  /** The quoted words, without the marks. */
  readonly start: number;
  readonly end: number;
  /** Including the marks. */
  readonly outerStart: number;
  readonly outerEnd: number;
  /** Paragraph spans the quote covers (several for a multi-paragraph quote). */
  readonly paragraphs: number;
}

const DOUBLE_OPEN = new Set(['“', '"', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '"', '»', '“']);

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/**
 * Two apostrophes typed for a double mark (''like this'', as in the New York Times'
 * archive) read as one mark, padded with a space so every offset stays the same.
 */
export function foldDoubledApostrophes(text: string): string {
  if (!text.includes("''")) return text;
  return text.replace(/''/g, (_, at: number) => (at === 0 || /[\s(\[—–-]/.test(text[at - 1]) ? ' "' : '" '));
}

/** Finds double-quoted passages paragraph by paragraph. */
export function findQuotes(original: string, paragraphs: readonly Span[]): QuoteSpan[] {
  const text = foldDoubledApostrophes(original);
  if (text !== original) {
    // Marks found in the folded text cover both apostrophes in the original.
    return findQuotes(text, paragraphs).map((q) => ({
      ...q,
      outerStart: original.startsWith("''", q.outerStart - 1) ? q.outerStart - 1 : q.outerStart,
      outerEnd: original.startsWith("''", q.outerEnd - 1) ? q.outerEnd + 1 : q.outerEnd,
    }));
  }
  const out: QuoteSpan[] = [];
  // A quote left open at a paragraph's end continues if the next paragraph opens with a mark.
  type Open = { outerStart: number; start: number; paragraphs: number; wholeParagraph: boolean; lastEnd: number };
  let carried: Open | null = null;
  const closeAtParagraphEnd = (o: Open) => {
    // A quote that opened its paragraph (or followed a colon) and lost its closing mark
    // ends with the paragraph; any other unclosed mark is dropped.
    let end = o.lastEnd;
    while (end > o.start && /\s/.test(text[end - 1])) end--;
    if (o.wholeParagraph && end > o.start) out.push({ start: o.start, end, outerStart: o.outerStart, outerEnd: end, paragraphs: o.paragraphs });
  };
  for (const p of paragraphs) {
    let i = p.start;
    let open: Open | null = null;
    const pending = carried as Open | null;
    if (pending) {
      if (DOUBLE_OPEN.has(text[p.start]) || text[p.start] === '”') {
        open = { ...pending, paragraphs: pending.paragraphs + 1 };
        i = p.start + 1;
      } else closeAtParagraphEnd(pending);
      carried = null;
    }
    for (; i < p.end; i++) {
      const c = text[i];
      if (!open) {
        // An opening mark stands before a word (or a quote mark typed wrongly as ”).
        // … before a word, a bracketed change ("[I]f"), an elided letter ("“’Twas the morning …") or an
        // ellipsis after a space ("“ … what I learned").
        const next = text[i + 1] ?? '';
        const opensWords = isWordChar(next) || /[‘’'(.…$–—[-]/.test(next) || (next === ' ' && /[….]/.test(text[i + 2] ?? ''));
        if ((DOUBLE_OPEN.has(c) || (c === '”' && !isWordChar(text[i - 1]))) && opensWords) {
          let j = i - 1;
          while (j >= p.start && /\s/.test(text[j])) j--;
          open = { outerStart: i, start: next === ' ' ? i + 2 : i + 1, paragraphs: 1, wholeParagraph: j < p.start || text[j] === ':', lastEnd: p.end };
        }
        continue;
      }
      if (DOUBLE_CLOSE.has(c) && !isWordChar(text[i + 1])) {
        // “ closes only when it cannot open the next word (the “normal track“ typo).
        if (c === '“' && isWordChar(text[i + 1])) continue;
        // A comma typed inside the marks ("setbacks,") belongs to the sentence, not the quote.
        let end = i;
        while (end > open.start && /[\s,]/.test(text[end - 1])) end--;
        if (end > open.start) out.push({ start: open.start, end, outerStart: open.outerStart, outerEnd: i + 1, paragraphs: open.paragraphs });
        open = null;
      }
    }
    // Unclosed at the paragraph end: a multi-paragraph quote if the next paragraph reopens.
    if (open) carried = { ...open, lastEnd: p.end };
  }
  if (carried) closeAtParagraphEnd(carried);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Single-quoted passages (‘…’) that stand alone: headlines and quotes in British style. In the
 * headline, where news style puts every quote in single marks, straight marks ('…') and a
 * single quoted word count too ("Obama Sees 'Personal Insult' if …", "Reveals ‘Demoralizing’ Experience").
 */
export function findSingleQuotes(text: string, paragraphs: readonly Span[], doubles: readonly QuoteSpan[], headline: Span | null = null): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    const inHeadline = !!headline && p.start === headline.start;
    // An apostrophe between letters ("I’m") stays inside the quote.
    const marks = inHeadline ? /(^|[\s(—–:])['‘]((?:[^‘’']|(?<=\p{L})['’](?=\p{L}))*?[\p{L}\p{N}.,!?])['’](?![\p{L}\p{N}])/gu : /(^|[\s(—–:])‘((?:[^‘’]|(?<=\p{L})’(?=\p{L}))*?[\p{L}\p{N}.,!?])’(?![\p{L}\p{N}])/gu;
    for (const m of body.matchAll(marks)) {
      const start = p.start + m.index! + m[1].length + 1;
      const end = start + m[2].length;
      if (doubles.some((d) => d.outerStart <= start && end <= d.outerEnd)) continue;
      if (m[2].split(/\s+/).length < 2 && !inHeadline) continue;
      out.push({ start, end, outerStart: start - 1, outerEnd: end + 1, paragraphs: 1 });
    }
  }
  return out;
}
