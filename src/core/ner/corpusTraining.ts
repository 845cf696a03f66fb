/**
 * What a corpus teaches the recogniser: its articles turned into tagged training documents.
 *
 * - A *reviewed* article's annotations are complete: each of its entity annotations (made,
 *   imported, accepted or corrected by the user) is a name, and every other word is not one.
 * - An *unreviewed* article teaches only what the user said in it (the partial-annotation
 *   rule): the words of its entity annotations are names, the words of its `not-entity`
 *   annotations are not, and every other word is unknown — never read as "not a name". Its
 *   sentences without any annotation are left out.
 *
 * Tokens are the recogniser's own (the tokenizer the editor tags with), sentences the
 * sentence splitter's within each line, so training sees text as tagging will.
 * Pure: the CLI and the extension read the files.
 */
import type { UserAnnotation } from '../annotations/annotations';
import { splitLines } from '../lines';
import { splitSentences } from '../sentences';
import type { ConllSentence } from './conll';
import { tokenize } from './tokenize';
import { UNKNOWN_TAG, type TrainingDocument } from './train';

export interface CorpusTrainingArticle {
  readonly text: string;
  readonly annotations: readonly UserAnnotation[];
  readonly reviewed: boolean;
}

const NAME_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Tokens longer than this many in a sentence are cut into pieces (as the tagger does). */
const MAX_SENTENCE_TOKENS = 250;

/**
 * One article as a training document, or null when it teaches nothing (unreviewed, no
 * annotation). `weight` is how much each of its mistakes counts in training.
 */
export function articleTrainingDocument(a: CorpusTrainingArticle, weight = 1): (TrainingDocument & { readonly tokens: number; readonly names: number }) | null {
  const live = a.annotations.filter((x) => !x.orphaned);
  const names = live.filter((x): x is Extract<UserAnnotation, { kind: 'entity' }> => x.kind === 'entity' && NAME_TYPES.has(x.type)).map((x) => ({ start: x.anchor.start, end: x.anchor.end, type: x.type }));
  // DATE and TIME annotations and rejections say these words are not names (DATE/TIME are not tagged by the recogniser).
  const notNames = live.filter((x) => x.kind === 'not-entity' || (x.kind === 'entity' && !NAME_TYPES.has(x.type))).map((x) => x.anchor);
  if (!a.reviewed && names.length === 0 && notNames.length === 0) return null;
  names.sort((x, y) => x.start - y.start || y.end - x.end);
  const sentences: ConllSentence[] = [];
  let tokenCount = 0;
  for (const line of splitLines(a.text)) {
    if (line.text.trim() === '') continue;
    for (const s of splitSentences(a.text, line.start, line.start + line.text.length)) {
      const all = tokenize(a.text, s.start, s.end);
      for (let p = 0; p < all.length; p += MAX_SENTENCE_TOKENS) {
        const tokens = all.slice(p, p + MAX_SENTENCE_TOKENS);
        let known = false;
        let previous: (typeof names)[number] | undefined;
        const tagged = tokens.map((t) => {
          // A token belongs to a name when it lies inside it; one that straddles a name's edge is unknown.
          const inside = names.find((n) => n.start <= t.start && t.end <= n.end);
          const straddles = !inside && names.some((n) => n.start < t.end && t.start < n.end);
          let gold: string;
          if (inside) {
            gold = `${inside === previous ? 'I' : 'B'}-${inside.type}`;
            known = true;
          } else if (straddles) gold = UNKNOWN_TAG;
          else if (a.reviewed || notNames.some((n) => n.start <= t.start && t.end <= n.end)) {
            gold = 'O';
            known = true;
          } else gold = UNKNOWN_TAG;
          previous = inside;
          return { line: t.text, word: t.text, gold };
        });
        if (!known || tagged.length === 0) continue;
        sentences.push({ tokens: tagged });
        tokenCount += tagged.length;
      }
    }
  }
  if (sentences.length === 0) return null;
  return { sentences, weight, tokens: tokenCount, names: names.length };
}
