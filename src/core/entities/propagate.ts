/**
 * Corpus-level consistency: a name recognised in one article is a name wherever it is
 * written the same way in another ("THAAD" tagged in one outlet's copy but missed in
 * another's). Only exact, capitalised, whole-word repeats inside body text are added.
 */
import type { EntityMention } from './mentions';

export interface PropagationInput {
  readonly id: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
  /** Where body text is: names are never added inside boilerplate. */
  readonly body: readonly { start: number; end: number }[];
}

const MIN_LENGTH = 3;

export function propagateAcrossCorpus(articles: readonly PropagationInput[]): EntityMention[][] {
  const names = new Map<string, EntityMention>();
  for (const a of articles) {
    for (const m of a.mentions) {
      if (m.type === 'DATE' || m.type === 'TIME' || m.text.length < MIN_LENGTH || !/^\p{Lu}/u.test(m.text)) continue;
      if (!names.has(m.text)) names.set(m.text, m);
    }
  }
  const ordered = [...names.values()].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  return articles.map((a) => {
    const added: EntityMention[] = [];
    const covered = (s: number, e: number) => a.mentions.some((m) => m.start < e && m.end > s) || added.some((m) => m.start < e && m.end > s);
    for (const span of a.body) {
      const body = a.text.slice(span.start, span.end);
      for (const name of ordered) {
        let from = 0;
        for (;;) {
          const at = body.indexOf(name.text, from);
          if (at < 0) break;
          from = at + name.text.length;
          const before = body[at - 1];
          const after = body[at + name.text.length];
          if ((before && /[\p{L}\p{N}-]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
          const start = span.start + at;
          const end = start + name.text.length;
          if (covered(start, end)) continue;
          added.push({ start, end, text: name.text, type: name.type, ...(name.subtype ? { subtype: name.subtype } : {}), ...(name.prior ? { prior: name.prior } : {}) });
        }
      }
    }
    return [...a.mentions, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
  });
}
