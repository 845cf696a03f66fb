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

export function applyDocumentConsistency(sentences: readonly (readonly string[])[], tags: readonly string[][]): string[][] {
  const out = tags.map((t) => [...t]);
  const mentions: Mention[] = [];
  sentences.forEach((words, s) => {
    for (const c of chunks(out[s])) mentions.push({ sentence: s, start: c.start, end: c.end, type: c.type, key: words.slice(c.start, c.end).join(' ') });
  });
  if (mentions.length === 0) return out;

  // 1. One type per name: the majority type of that exact name in the document.
  const votes = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    const v = votes.get(m.key) ?? new Map<string, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(m.key, v);
  }
  const majority = new Map<string, string>();
  for (const [key, v] of votes) {
    const ranked = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (ranked.length === 1 || ranked[0][1] > ranked[1][1]) majority.set(key, ranked[0][0]);
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
