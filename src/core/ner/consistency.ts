/**
 * Document-level consistency: a name tagged as an entity in one place of a document is
 * the same entity elsewhere in it ("Xi Jinping" … "Xi"), and takes the type the
 * document gives it most often.
 */
import { chunks } from './conll';

interface Mention {
  sentence: number;
  start: number;
  end: number;
  type: string;
  key: string;
}

const TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'president', 'minister', 'premier', 'prime', 'chancellor', 'king', 'queen', 'prince', 'general', 'gen.', 'sen.', 'senator', 'governor', 'secretary']);

/**
 * `names` (what training knew of names; the Recognizer) lets two names joined by "and" be
 * told from one. `margins` (the tagger's confidence in each tag, as Tagger.tagDocument gives it) weights
 * the vote of step 1: a name's type is the one its mentions were most confident of, so one
 * confident mention outvotes two guesses. Without margins every mention counts one.
 */
export function applyDocumentConsistency(sentences: readonly (readonly string[])[], tags: readonly string[][], margins?: readonly (readonly number[])[], names?: NameKnowledge): string[][] {
  const out = tags.map((t) => [...t]);
  // 0. Spans first, so the vote below counts each name under its own words.
  sentences.forEach((words, s) => {
    dropLetterlessNames(words, out[s]);
    trimNameEnds(words, out[s]);
    if (names) dropCommonLowercaseWords(words, out[s], names);
  });
  if (names) splitCoordinatedNames(sentences, out, names);
  const mentions: Mention[] = [];
  sentences.forEach((words, s) => {
    for (const c of chunks(out[s])) mentions.push({ sentence: s, start: c.start, end: c.end, type: c.type, key: words.slice(c.start, c.end).join(' ') });
  });
  if (mentions.length === 0) return out;

  // 1. One type per name: the type the document gives that exact name. With margins, a type
  // its mentions are far more confident of (CONFIDENT_VOTE times the other types together)
  // wins; otherwise each mention keeps its own type (the second stage has already seen the
  // document, and a count outvoting it made testa worse: 0.9168 → 0.9153). Without margins,
  // the strictly most frequent type.
  const votes = new Map<string, Map<string, { count: number; confidence: number }>>();
  for (const m of mentions) {
    const v = votes.get(m.key) ?? new Map<string, { count: number; confidence: number }>();
    const t = v.get(m.type) ?? { count: 0, confidence: 0 };
    t.count++;
    if (margins) t.confidence += mentionConfidence(margins[m.sentence], m);
    v.set(m.type, t);
    votes.set(m.key, v);
  }
  const majority = new Map<string, string>();
  for (const [key, v] of votes) {
    const entries = [...v];
    if (entries.length === 1) {
      majority.set(key, entries[0][0]);
      continue;
    }
    if (margins) {
      const byConfidence = [...entries].sort((a, b) => b[1].confidence - a[1].confidence || (a[0] < b[0] ? -1 : 1));
      const rest = byConfidence.slice(1).reduce((sum, e) => sum + e[1].confidence, 0);
      if (byConfidence[0][1].confidence > CONFIDENT_VOTE * rest) {
        majority.set(key, byConfidence[0][0]);
        continue;
      }
      continue;
    }
    const ranked = entries.sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
    if (ranked[0][1].count > ranked[1][1].count) majority.set(key, ranked[0][0]);
  }
  for (const m of mentions) {
    const type = majority.get(m.key);
    if (type && type !== m.type) for (let i = m.start; i < m.end; i++) out[m.sentence][i] = `${i === m.start ? 'B' : 'I'}-${type}`;
  }

  // 2. A surname alone is the person the document names in full ("Neil Jordan" … "Jordan"),
  // whatever type the tagger gave it there: the full name is the stronger evidence. Not
  // when the "first name" also stands alone in the document: then the "full name" was
  // two names run together ("Lebed Chechnya").
  const alone = new Set(mentions.filter((m) => m.end - m.start === 1).map((m) => m.key));
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (majority.get(m.key) !== 'PER') continue;
    const words = m.key.split(' ').filter((w) => !TITLES.has(w.toLowerCase()));
    const last = words[words.length - 1];
    if (words.length >= 2 && !alone.has(words[0]) && /^\p{Lu}\p{Ll}/u.test(last)) surnames.add(last);
  }
  for (const m of mentions) {
    if (m.end - m.start === 1 && surnames.has(m.key)) out[m.sentence][m.start] = 'B-PER';
  }

  // 3. Untagged repeats of a known name (and the parts of multi-word person names) get tagged.
  const known = new Map<string, string>();
  for (const [key, type] of majority) if (/^\p{Lu}/u.test(key)) known.set(key, type);
  for (const m of mentions) {
    const type = majority.get(m.key);
    if (type !== 'PER') continue;
    const words = m.key.split(' ').filter((w) => !TITLES.has(w.toLowerCase()));
    if (words.length < 2) continue;
    for (const part of [words[0], words[words.length - 1]]) {
      if (/^\p{Lu}\p{Ll}/u.test(part) && !known.has(part)) known.set(part, 'PER');
    }
  }
  // Longest known name starting with each first word, so most tokens are passed at a glance.
  const longestFrom = new Map<string, number>();
  for (const key of known.keys()) {
    const words = key.split(' ');
    longestFrom.set(words[0], Math.max(longestFrom.get(words[0]) ?? 0, Math.min(6, words.length)));
  }
  sentences.forEach((words, s) => {
    let i = 0;
    while (i < words.length) {
      const longest = longestFrom.get(words[i]);
      let matched = 0;
      for (let len = Math.min(longest ?? 0, words.length - i); len >= 1; len--) {
        const type = known.get(len === 1 ? words[i] : words.slice(i, i + len).join(' '));
        if (!type) continue;
        const span = out[s].slice(i, i + len);
        const free = span.every((t) => t === 'O');
        const boundaryOk = i + len >= words.length || !out[s][i + len].startsWith('I-');
        if (free && boundaryOk && !(len === 1 && words[i].length < 2)) {
          for (let k = i; k < i + len; k++) out[s][k] = `${k === i ? 'B' : 'I'}-${type}`;
          matched = len;
        }
        break;
      }
      i += matched || 1;
    }
  });
  return out;
}

/**
 * A name ends on a capitalised word, a number or a closing bracket: of the 8,700 multi-word
 * names in CoNLL train, 45 end on a lower-case word ("BBC radio") and none on an opening
 * bracket, comma or quote. The greedy tagger sometimes runs one word too far ("the Eagles
 * organisation", "First Union bank", "British Universities ("); those words leave the name.
 */
export function trimNameEnds(words: readonly string[], tags: string[]): void {
  for (const c of chunks(tags)) {
    let end = c.end;
    while (end - c.start > 1 && danglingEnd(words[end - 1])) tags[--end] = 'O';
  }
}

/**
 * A name has a letter: of the 23,499 names in CoNLL train 2 have none ("3", "1,000"), of the
 * SEC filings' 1,486 two (numbers of an address). A number or punctuation the tagger calls a
 * name ("3043" of an IBAN, "&" of "S & P", ".,") is dropped before the document steps count it.
 */
export function dropLetterlessNames(words: readonly string[], tags: string[]): void {
  for (const c of chunks(tags)) {
    if (words.slice(c.start, c.end).some((w) => /\p{L}/u.test(w))) continue;
    for (let i = c.start; i < c.end; i++) tags[i] = 'O';
  }
}

function danglingEnd(word: string): boolean {
  return (/^\p{Ll}/u.test(word) && !/\p{Lu}/u.test(word)) || /^[(\[{,"“‘-]$/u.test(word);
}

/** What the training data knows about names, for telling one name from two. */
export interface NameKnowledge {
  /** A lower-cased name the training data tagged as an entity ("paris st germain"). */
  isName(lowerName: string): boolean;
  /** A company legal form ("corp", "inc", "plc"), which ends a name. */
  isLegalForm(lowerWord: string): boolean;
  /** A word more often lower case than capitalised in the training text ("the", "manufacturer"). */
  isCommonWord(word: string): boolean;
}

/**
 * A name of one word written in lower case, a word the training text mostly writes in lower
 * case ("a", "et", "manufacturer"), is no name: the tagger's guess from a filing's capitalised
 * neighbours or a Latin phrase ("et seq."). Dropped before the document steps count it;
 * multi-word names have lost their lower-case ends already (trimNameEnds). The words are the
 * built-in's training text's: a corpus's own annotations may make a lower-case word a party
 * ("lender"), which CoNLL writes too rarely to count.
 */
export function dropCommonLowercaseWords(words: readonly string[], tags: string[], names: NameKnowledge): void {
  for (const c of chunks(tags)) {
    const word = words[c.start];
    if (c.end - c.start === 1 && word === word.toLowerCase() && names.isCommonWord(word)) tags[c.start] = 'O';
  }
}

/**
 * "Nice and Paris St Germain", "Chevron Corp and Texaco Inc": two names joined by "and" that
 * the tagger ran into one. Split when the whole is no known name and both sides are names
 * on their own: known from training, named alone elsewhere in the document, or ended by a
 * legal form. Names with "and" inside ("Bosnia and Herzegovina", "Test and County Cricket
 * Board") are known whole or have a side that is no name.
 */
export function splitCoordinatedNames(sentences: readonly (readonly string[])[], tags: string[][], names: NameKnowledge): void {
  const alone = new Set<string>();
  sentences.forEach((words, s) => {
    for (const c of chunks(tags[s])) if (!words.slice(c.start, c.end).includes('and')) alone.add(words.slice(c.start, c.end).join(' ').toLowerCase());
  });
  const named = (words: readonly string[]) => {
    const lower = words.join(' ').toLowerCase();
    return alone.has(lower) || names.isName(lower) || (words.length > 1 && names.isLegalForm(words[words.length - 1].toLowerCase()));
  };
  sentences.forEach((words, s) => {
    for (const c of chunks(tags[s])) {
      const span = words.slice(c.start, c.end);
      const j = span.indexOf('and');
      if (j <= 0 || j === span.length - 1 || span.indexOf('and', j + 1) >= 0) continue;
      if (names.isName(span.join(' ').toLowerCase())) continue;
      if (!named(span.slice(0, j)) || !named(span.slice(j + 1))) continue;
      tags[s][c.start + j] = 'O';
      tags[s][c.start + j + 1] = `B-${c.type}`;
    }
  });
}

/** A mention's weight in the vote: its weakest token's margin, floored so no mention counts for nothing. */
function mentionConfidence(margins: readonly number[], m: Mention): number {
  let min = Infinity;
  for (let i = m.start; i < m.end; i++) min = Math.min(min, margins[i]);
  return Math.max(min, 1e-6);
}

/**
 * How many times more confident than the other types together a type must be to win the
 * vote (tuned on testa: 2 → 0.9151, 4 → 0.9168, 8 → 0.9171, never → 0.9166).
 */
const CONFIDENT_VOTE = 4;
