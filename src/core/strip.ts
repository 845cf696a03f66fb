/**
 * Removing boilerplate from an article's text: whole boilerplate lines go, with their line
 * breaks; runs of blank lines left behind shrink to one. Body text is never changed.
 */
import { splitLines } from './lines';

export interface Deletion {
  readonly start: number;
  readonly end: number;
}

/** The deletions that remove the given (1-based) boilerplate lines from `text`, in text order, not overlapping. */
export function boilerplateDeletions(text: string, boilerplateLines: Iterable<number>): Deletion[] {
  const lines = splitLines(text);
  const doomed = new Set(boilerplateLines);
  const remove = lines.map((l) => doomed.has(l.number));
  // A blank line goes too when it would otherwise join another blank line or end the text.
  const blank = (i: number) => lines[i].text.trim() === '';
  const kept = (i: number) => !remove[i];
  let previousKeptBlank = true; // drops blank lines at the very start only if boilerplate preceded them
  let sawRemoval = false;
  for (let i = 0; i < lines.length; i++) {
    if (remove[i]) {
      sawRemoval = true;
      continue;
    }
    if (blank(i) && sawRemoval && previousKeptBlank) remove[i] = true;
    else previousKeptBlank = blank(i);
  }
  for (let i = lines.length - 1; i >= 0 && sawRemoval; i--) {
    if (!kept(i)) continue;
    if (blank(i)) remove[i] = true;
    else break;
  }
  const out: Deletion[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!remove[i]) continue;
    // Each removed line takes its own line break; the last line takes the break before it.
    const start = lines[i].start;
    const end = i + 1 < lines.length ? lines[i + 1].start : lines[i].end;
    const last = out[out.length - 1];
    if (last && last.end === start) out[out.length - 1] = { start: last.start, end };
    else out.push({ start, end });
  }
  // Removing the final lines of a text without a final line break leaves the break before
  // them dangling: take it too. A text that ends with a line break keeps ending with one.
  const tail = out[out.length - 1];
  if (tail && tail.end === text.length && tail.start > 0 && !/[\r\n]$/.test(text)) {
    let s = tail.start;
    while (s > 0 && (text[s - 1] === '\n' || text[s - 1] === '\r')) s--;
    out[out.length - 1] = { start: s, end: tail.end };
  }
  return out;
}

export function applyDeletions(text: string, deletions: readonly Deletion[]): string {
  let out = '';
  let at = 0;
  for (const d of deletions) {
    out += text.slice(at, d.start);
    at = d.end;
  }
  return out + text.slice(at);
}
