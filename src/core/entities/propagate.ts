/**
 * Corpus-level consistency: a name recognised in one article is a name wherever it is
 * written the same way in another ("THAAD" tagged in one outlet's copy but missed in
 * another's). Only exact, capitalised, whole-word repeats inside body text are added.
 */
import type { EntityMention } from './mentions';
import { isTemporal } from '../vocabulary';

export interface PropagationInput {
  readonly id: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
  /** Where body text is: names are never added inside boilerplate. */
  readonly body: readonly { start: number; end: number }[];
}

const MIN_LENGTH = 3;

/**
 * The tagger's margin a name needs somewhere in the corpus before it is written into other
 * articles: below it the tagger was guessing, and a guess spread corpus-wide is a guess
 * repeated hundreds of times. Tuned on CoNLL testa written as a corpus.
 */
export const PROPAGATION_MARGIN = 2;

/** Whether a mention is evidence enough to spread its name: confident, or the user's. */
function confident(m: EntityMention): boolean {
  return m.margin === undefined || m.margin >= PROPAGATION_MARGIN;
}

export function propagateAcrossCorpus(articles: readonly PropagationInput[]): EntityMention[][] {
  const names = new Map<string, EntityMention>();
  for (const a of articles) {
    for (const m of a.mentions) {
      if (isTemporal(m.type) || m.text.length < MIN_LENGTH || !/^\p{Lu}/u.test(m.text)) continue;
      // "The", "One", "Police": a common word capitalised is no name in another article.
      if (m.common || !confident(m)) continue;
      const seen = names.get(m.text);
      if (!seen || (seen.margin ?? Infinity) < (m.margin ?? Infinity)) names.set(m.text, m);
    }
  }
  // Longest names first, so "Xi Jinping" is placed before "Xi" could take its first word.
  const ordered = [...names.values()].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  // Names by their first two characters: each capitalised word start in the text looks up a
  // handful of candidates, so the cost grows with the text, not with text × names.
  const byPrefix = new Map<string, number[]>();
  ordered.forEach((m, rank) => {
    const key = m.text.slice(0, 2);
    const list = byPrefix.get(key);
    if (list) list.push(rank);
    else byPrefix.set(key, [rank]);
  });
  return articles.map((a) => {
    const text = a.text;
    const taken = new Uint8Array(text.length);
    for (const m of a.mentions) taken.fill(1, Math.max(0, m.start), Math.min(text.length, m.end));
    // Every whole-word occurrence inside body text, as [name rank, start].
    const found: Array<[number, number]> = [];
    for (const span of a.body) {
      for (let i = span.start; i + MIN_LENGTH <= span.end; i++) {
        if (!startsCapital(text, i) || (i > span.start && /[\p{L}\p{N}-]/u.test(text[i - 1]))) continue;
        const candidates = byPrefix.get(text.slice(i, i + 2));
        if (!candidates) continue;
        for (const rank of candidates) {
          const name = ordered[rank].text;
          const end = i + name.length;
          if (end > span.end || !text.startsWith(name, i)) continue;
          if (end < span.end && /[\p{L}\p{N}]/u.test(text[end])) continue;
          found.push([rank, i]);
        }
      }
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const added: EntityMention[] = [];
    for (const [rank, start] of found) {
      const name = ordered[rank];
      const end = start + name.text.length;
      if (taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      // A copy carries no confidence of its own: margin 0, so it never votes as the tagger would.
      added.push({ start, end, text: name.text, type: name.type, ...(name.subtype ? { subtype: name.subtype } : {}), ...(name.prior ? { prior: name.prior } : {}), margin: 0 });
    }
    return [...a.mentions, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
  });
}

function startsCapital(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(i)!));
}
