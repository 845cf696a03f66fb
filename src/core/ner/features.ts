/**
 * Features of one token for the entity tagger, as 32-bit hashes. Static features depend
 * only on the words (computed once a sentence); history features on the tags already
 * chosen to the left; stacked features on a first tagging pass over the whole document.
 */
import type { Gazetteer } from './gazetteer';
import type { Lexicon } from './lexicon';
import { hashString, mix, template } from './hashing';

function charClass(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'X';
    if (code >= 97 && code <= 122) return 'x';
    if (code >= 48 && code <= 57) return 'd';
    return ch;
  }
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
}

/** "Xxxx", "XX", "dd.d": character classes with repeats folded after the first two. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = charClass(ch);
    if (c !== last || out.length < 2) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

/** Everything about a word type that features need, hashed once per distinct word. */
interface WordInfo {
  readonly lower: string;
  readonly upperInitial: boolean;
  readonly w: number;
  readonly l: number;
  readonly s: number;
  /** Hashed features of the word alone (affixes, hyphen parts, trailing dot). */
  readonly own: readonly number[];
  /** The word's class in `classLexicon` (wordClassOfHash), once looked up. */
  cls?: number;
  classLexicon?: Lexicon;
}

/** The word's class in the lexicon (-1 for none), looked up once per word type. */
function classOf(x: WordInfo, lexicon: Lexicon): number {
  if (x.classLexicon !== lexicon || x.cls === undefined) {
    x.cls = lexicon.wordClassOfHash(x.l);
    x.classLexicon = lexicon;
  }
  return x.cls;
}

const T = Object.fromEntries(
  ['b', 'w', 'l', 's', 'l-1', 'l+1', 'l-2', 'l+2', 's-1', 's+1', 's-2', 's+2', 'sss', 'll-', 'll+', 'ls+', 'sl-', 'w-1', 'w+1', 'p2', 'p3', 'p4', 's2', 's3', 's4', 's5', 'h1', 'h2', 'dot', 'first|s', 'caps|l', 'caps|s', 'doc:lower', 'doc:cap', 'first|nocap', 'gp', 'g', 'gs', 'tg', 'ts', 'tl', 't-1', 't-2', 't-1l', 't-1s', 'p1', 'p1-1', 'p1+1', 'agg', 'agg|p1', 'aggall', 'c4', 'c6', 'c8', 'c10', 'c-1', 'c+1', 'c4-1', 'c4+1', 'c-2', 'c+2', 'cu', 'xg', 'xgs', 'caps|doc', 'caps|doc|s', 'tab', 'tab|s', 'tab|t', 'tab|ts', 'capsagg', 'capsagg|p1', 'xgt', 'inchunk', 'inchunk|p1'].map((n) => [n, template(n)]),
) as Record<string, number>;

const WORD_CACHE_LIMIT = 200_000;
const wordCache = new Map<string, WordInfo>();

function wordInfo(w: string): WordInfo {
  const cached = wordCache.get(w);
  if (cached) return cached;
  const lower = w.toLowerCase();
  const own = [
    mix(T.p2, hashString(lower.slice(0, 2))),
    mix(T.p3, hashString(lower.slice(0, 3))),
    mix(T.p4, hashString(lower.slice(0, 4))),
    mix(T.s2, hashString(lower.slice(-2))),
    mix(T.s3, hashString(lower.slice(-3))),
    mix(T.s4, hashString(lower.slice(-4))),
    mix(T.s5, hashString(lower.slice(-5))),
  ];
  const hyphen = lower.indexOf('-');
  if (hyphen > 0) own.push(mix(T.h1, hashString(lower.slice(0, hyphen))), mix(T.h2, hashString(lower.slice(lower.lastIndexOf('-') + 1))));
  if (w.length > 1 && w.endsWith('.')) own.push(T.dot);
  const info: WordInfo = { lower, upperInitial: /^\p{Lu}/u.test(w), w: hashString(w), l: hashString(lower), s: hashString(wordShape(w)), own, cls: undefined, classLexicon: undefined };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(w, info);
  return info;
}

const START: WordInfo = { lower: '<s>', upperInitial: false, w: hashString('<s>'), l: hashString('<s>'), s: hashString('<s>'), own: [], cls: undefined, classLexicon: undefined };
const END: WordInfo = { lower: '</s>', upperInitial: false, w: hashString('</s>'), l: hashString('</s>'), s: hashString('</s>'), own: [], cls: undefined, classLexicon: undefined };

/** What the document says about its words, for features that look past the sentence. */
export interface DocumentContext {
  /** Lower-cased words seen in lower case anywhere in the document. */
  readonly lowerSeen: ReadonlySet<string>;
  /** Words seen capitalised away from a sentence start. */
  readonly capSeen: ReadonlySet<string>;
  /** The desk slug a wire story opens with ("SOCCER - …"), which changes what names mean. */
  readonly topic: string | null;
}

export function documentContext(sentences: readonly (readonly string[])[]): DocumentContext {
  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  for (const words of sentences) {
    const allCaps = isAllCapsSentence(words);
    words.forEach((w, i) => {
      if (startsLower(w)) lowerSeen.add(w);
      else if (i > 0 && !allCaps && startsCapitalised(w)) capSeen.add(w.toLowerCase());
    });
  }
  const head = sentences[0] ?? [];
  const topic = head.length > 2 && /^[A-Z]{3,}$/.test(head[0]) && head[1] === '-' ? head[0] : null;
  return { lowerSeen, capSeen, topic };
}

export function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    const letterCase = caseOf(w);
    if (letterCase === 2) return false;
    letters += letterCase;
  }
  return letters >= 2;
}

/** 2: the word has a lower-case letter; 1: an upper-case one and no lower-case; 0: neither. Character codes, Unicode classes past ASCII. */
function caseOf(w: string): number {
  let upper = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return 2;
    if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 128) return /\p{Ll}/u.test(w) ? 2 : /\p{Lu}/u.test(w) ? 1 : 0;
  }
  return upper;
}

/** /^\p{Ll}/u by character code where the first character is ASCII. */
function startsLower(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(w);
}

/** /^\p{Lu}\p{Ll}/u by character codes where the first two characters are ASCII. */
function startsCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128 && (w.length < 2 || w.charCodeAt(1) < 128)) return c >= 65 && c <= 90 && w.length >= 2 && w.charCodeAt(1) >= 97 && w.charCodeAt(1) <= 122;
  return /^\p{Lu}\p{Ll}/u.test(w);
}

const smallHashes = new Map<string, number>();
function small(s: string): number {
  let h = smallHashes.get(s);
  if (h === undefined) {
    h = hashString(s);
    if (smallHashes.size < 10_000) smallHashes.set(s, h);
  }
  return h;
}

/** Where a word stands relative to the token being tagged: two words either side. */
export const ROLE_OFFSETS = [-2, -1, 0, 1, 2] as const;

/**
 * The features word `x` gives a token `offset` places to its right (0: the token itself).
 * Word-only features, so a tagger can score each word type once and reuse the sums.
 */
function roleFeaturesOf(x: WordInfo, offset: number, gazetteer: Gazetteer | null): number[] {
  switch (offset) {
    case -2:
      return [mix(T['l-2'], x.l), mix(T['s-2'], x.s), ...neighbourClassFeatures(x, offset, gazetteer)];
    case -1:
      return [mix(T['l-1'], x.l), mix(T['s-1'], x.s), mix(T['w-1'], x.w), ...neighbourClassFeatures(x, offset, gazetteer)];
    case 1:
      return [mix(T['l+1'], x.l), mix(T['s+1'], x.s), mix(T['w+1'], x.w), ...neighbourClassFeatures(x, offset, gazetteer)];
    case 2:
      return [mix(T['l+2'], x.l), mix(T['s+2'], x.s), ...neighbourClassFeatures(x, offset, gazetteer)];
    default: {
      const f = [mix(T.w, x.w), mix(T.l, x.l), mix(T.s, x.s), ...x.own];
      if (x.upperInitial && gazetteer) for (const r of gazetteer.partsOf(x.lower)) if (r.startsWith('PER')) f.push(mix(T.gp, small(r)));
      const lexicon = gazetteer?.lexicon;
      if (lexicon) {
        // Word classes as bit prefixes of the 1024-class (64 → 256 → 1024 hierarchy).
        const c = classOf(x, lexicon);
        if (c < 0) f.push(mix(T.cu, x.s));
        else f.push(mix(T.c6, c >> 4), mix(T.c8, c >> 2), mix(T.c10, c), mix(mix(T.c6, c >> 4), x.s));
      }
      return f;
    }
  }
}

/** Class features a neighbouring word gives (offset ≠ 0). */
function neighbourClassFeatures(x: WordInfo, offset: number, gazetteer: Gazetteer | null): number[] {
  const lexicon = gazetteer?.lexicon;
  if (!lexicon || x === START || x === END) return [];
  const c = classOf(x, lexicon);
  if (c < 0) return [];
  switch (offset) {
    case -1:
      return [mix(T['c-1'], c), mix(T['c4-1'], c >> 4)];
    case 1:
      return [mix(T['c+1'], c), mix(T['c4+1'], c >> 4)];
    case -2:
      return [mix(T['c-2'], c >> 4)];
    case 2:
      return [mix(T['c+2'], c >> 4)];
    default:
      return [];
  }
}

/** roleFeaturesOf for a real word. */
export function roleFeatures(word: string, offset: number, gazetteer: Gazetteer | null): number[] {
  return roleFeaturesOf(wordInfo(word), offset, gazetteer);
}

/**
 * Role features of recent word types, for every offset of ROLE_OFFSETS in order. Both stages
 * of the recogniser score each new word with one gazetteer, so the second finds them here.
 * Shared arrays: callers only read them.
 */
const ROLE_CACHE_LIMIT = 50_000;
let roleCache = new Map<string, readonly (readonly number[])[]>();
let roleCacheGazetteer: Gazetteer | null = null;

export function roleFeatureSets(word: string, gazetteer: Gazetteer | null): readonly (readonly number[])[] {
  if (gazetteer !== roleCacheGazetteer) {
    roleCache = new Map();
    roleCacheGazetteer = gazetteer;
  }
  let sets = roleCache.get(word);
  if (sets === undefined) {
    const x = wordInfo(word);
    sets = ROLE_OFFSETS.map((o) => roleFeaturesOf(x, o, gazetteer));
    if (roleCache.size >= ROLE_CACHE_LIMIT) roleCache.clear();
    roleCache.set(word, sets);
  }
  return sets;
}

/** roleFeaturesOf for the padding before (-1) or after (+1) a sentence. */
export function boundaryRoleFeatures(side: -1 | 1, offset: number): number[] {
  return roleFeaturesOf(side < 0 ? START : END, offset, null);
}

/**
 * Features of every token that depend on more than one word or on the document: word
 * pairs and triples, sentence position, all-caps lines, document evidence, gazetteer
 * matches. Together with the role features of the words around it they are all of a
 * token's static features.
 */
export function contextFeatures(words: readonly string[], doc: DocumentContext, gazetteer: Gazetteer | null): number[][] {
  const n = words.length;
  const infos = words.map(wordInfo);
  const at = (i: number) => (i < 0 ? START : i >= n ? END : infos[i]);
  const caps = isAllCapsSentence(words);
  const lowers = infos.map((x) => x.lower);
  const lowerHashes = infos.map((x) => x.l);
  const gaz = gazetteer ? gazetteer.match(lowers, lowerHashes) : [];
  const lists = gazetteer?.lexicon ? gazetteer.lexicon.matchNames(lowers, lowerHashes) : [];
  const topic = doc.topic ? small(doc.topic) : 0;
  const table = tableColumns(words);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    const p1 = at(i - 1);
    const n1 = at(i + 1);
    const f = [
      T.b,
      mix(mix(mix(T.sss, p1.s), x.s), n1.s),
      mix(mix(T['ll-'], p1.l), x.l),
      mix(mix(T['ll+'], x.l), n1.l),
      mix(mix(T['ls+'], x.l), n1.s),
      mix(mix(T['sl-'], p1.s), x.l),
    ];
    if (i === 0) f.push(mix(T['first|s'], x.s));
    if (caps) {
      f.push(mix(T['caps|l'], x.l), mix(T['caps|s'], x.s));
      // How the document writes this word where it is not shouting.
      if (x.upperInitial) {
        const seen = small(doc.capSeen.has(x.lower) ? 'cap' : doc.lowerSeen.has(x.lower) ? 'lower' : 'none');
        f.push(mix(T['caps|doc'], seen), mix(mix(T['caps|doc|s'], seen), x.s));
      }
    }
    if (table) {
      const col = small(table[i]);
      f.push(mix(T.tab, col), mix(mix(T['tab|s'], col), x.s));
      if (topic) f.push(mix(mix(T['tab|t'], topic), col), mix(mix(mix(T['tab|ts'], topic), col), x.s));
    }
    if (x.upperInitial) {
      if (doc.lowerSeen.has(x.lower)) f.push(T['doc:lower']);
      if (doc.capSeen.has(x.lower)) f.push(T['doc:cap']);
      if (i === 0 && !doc.capSeen.has(x.lower)) f.push(T['first|nocap']);
      if (topic) f.push(mix(mix(T.ts, topic), x.s), mix(mix(T.tl, topic), x.l));
    }
    for (const g of lists[i] ?? []) {
      const hg = small(g);
      f.push(mix(T.xg, hg), mix(mix(T.xgs, hg), x.s));
      if (topic) f.push(mix(mix(T.xgt, topic), hg));
    }
    for (const g of gaz[i] ?? []) {
      const hg = small(g);
      f.push(mix(T.g, hg), mix(mix(T.gs, hg), x.s));
      if (topic) f.push(mix(mix(T.tg, topic), hg));
    }
    out.push(f);
  }
  return out;
}

const NUMBER = /^[-+]?\p{N}+([.,:/-]\p{N}+)*[.%]?$/u;

/**
 * A table row ("Barnsley 10 4 3 3 15 12 15", "Pohang 3 Ulsan 2"): a line where numbers are at
 * least a third of the tokens and two or more. Each token gets its column: which run of
 * words it is in (counting runs separated by numbers, 0 first, 2 and beyond as one) and
 * whether it is the run's first word. Null for a line that is not a table row.
 */
export function tableColumns(words: readonly string[]): string[] | null {
  let numbers = 0;
  for (const w of words) if (NUMBER.test(w)) numbers++;
  if (numbers < 2 || numbers * 3 < words.length) return null;
  const out: string[] = [];
  let run = 0;
  let inRun = false;
  let first = true;
  for (const w of words) {
    if (NUMBER.test(w)) {
      if (inRun) run++;
      inRun = false;
      out.push(`num${first ? '0' : ''}`);
      first = false;
      continue;
    }
    const start = !inRun;
    inRun = true;
    out.push(`${Math.min(run, 2)}${start ? 'b' : 'i'}${first ? 'f' : ''}`);
  }
  return out;
}

/** Every static feature of every token in a sentence (what training sees). */
export function sentenceFeatures(words: readonly string[], doc: DocumentContext, gazetteer: Gazetteer | null): number[][] {
  const n = words.length;
  const infos = words.map(wordInfo);
  return contextFeatures(words, doc, gazetteer).map((f, i) => {
    for (const o of ROLE_OFFSETS) {
      const j = i + o;
      f.push(...roleFeaturesOf(j < 0 ? START : j >= n ? END : infos[j], o, gazetteer));
    }
    return f;
  });
}

const tagHashes = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    tagHashes.set(tag, h);
  }
  return h;
}

/** History features of the previous two tags alone (the tagger tabulates them). */
export function tagHistoryFeatures(prev2: string, prev1: string): number[] {
  const t1 = tagHash(prev1);
  return [mix(T['t-1'], t1), mix(mix(T['t-2'], tagHash(prev2)), t1)];
}

/** History features of the previous tag with the current word. */
export function wordHistoryFeatures(prev1: string, word: string, out: number[]): number[] {
  const x = wordInfo(word);
  const t1 = tagHash(prev1);
  out.length = 0;
  out.push(mix(mix(T['t-1l'], t1), x.l), mix(mix(T['t-1s'], t1), x.s));
  return out;
}

/** History features: the tags chosen for the previous two tokens. */
export function historyFeatures(prev2: string, prev1: string, word: string, out: number[]): number[] {
  wordHistoryFeatures(prev1, word, out);
  out.unshift(...tagHistoryFeatures(prev2, prev1));
  return out;
}

/**
 * What a first tagging pass said about each word elsewhere in the same document: the
 * type it got most often at its other occurrences, and this token's own first-pass tag
 * with its neighbours'. Lets the second pass make a document agree with itself.
 */
export function stackedFeatures(words: readonly (readonly string[])[], firstPass: readonly (readonly string[])[]): number[][][] {
  const byWord = new Map<string, Map<string, number>>();
  // Whether each token is capitalised, looked up once (three passes below ask).
  const upper = words.map((ws) => ws.map((w) => wordInfo(w).upperInitial));
  words.forEach((ws, s) =>
    ws.forEach((w, i) => {
      const tag = firstPass[s][i];
      if (tag === 'O' && !upper[s][i]) return;
      const type = tag === 'O' ? 'O' : tag.slice(2);
      const m = byWord.get(w) ?? new Map<string, number>();
      m.set(type, (m.get(type) ?? 0) + 1);
      byWord.set(w, m);
    }),
  );
  // Mixed-case occurrences by lower-cased word, for all-caps lines ("JAPAN" … "Japan").
  const byLower = new Map<string, Map<string, number>>();
  const caps = words.map((ws) => isAllCapsSentence(ws));
  words.forEach((ws, s) => {
    if (caps[s]) return;
    ws.forEach((w, i) => {
      if (!upper[s][i]) return;
      const tag = firstPass[s][i];
      const type = tag === 'O' ? 'O' : tag.slice(2);
      const key = w.toLowerCase();
      const m = byLower.get(key) ?? new Map<string, number>();
      m.set(type, (m.get(type) ?? 0) + 1);
      byLower.set(key, m);
    });
  });
  // Capitalised words inside longer first-pass names ("Jones" in "Jones Medical Industries Inc"): by type and place.
  const inChunk = new Map<string, Map<string, number>>();
  words.forEach((ws, s) => {
    let i = 0;
    const tags = firstPass[s];
    while (i < ws.length) {
      if (!tags[i].startsWith('B-')) {
        i++;
        continue;
      }
      const type = tags[i].slice(2);
      let j = i + 1;
      while (j < ws.length && tags[j] === `I-${type}`) j++;
      if (j - i >= 2) {
        for (let k = i; k < j; k++) {
          if (!upper[s][k]) continue;
          const role = `${type}:${k === i ? 'first' : k === j - 1 ? 'last' : 'mid'}`;
          const m = inChunk.get(ws[k]) ?? new Map<string, number>();
          m.set(role, (m.get(role) ?? 0) + 1);
          inChunk.set(ws[k], m);
        }
      }
      i = j;
    }
  });
  return words.map((ws, s) =>
    ws.map((w, i) => {
      const own = firstPass[s][i];
      const ownType = own === 'O' ? 'O' : own.slice(2);
      const hOwn = tagHash(own);
      const f = [
        mix(T.p1, hOwn),
        mix(mix(T['p1-1'], tagHash(i > 0 ? firstPass[s][i - 1] : '<s>')), hOwn),
        mix(mix(T['p1+1'], hOwn), tagHash(i + 1 < ws.length ? firstPass[s][i + 1] : '</s>')),
      ];
      const counts = byWord.get(w);
      if (counts) {
        let bestType = '';
        let bestN = 0;
        let others = 0;
        for (const [t, n] of counts) {
          const m = t === ownType ? n - 1 : n;
          others += m;
          if (m > bestN) {
            bestN = m;
            bestType = t;
          }
        }
        if (others > 0) {
          const hb = tagHash(bestType);
          f.push(mix(T.agg, hb), mix(mix(T['agg|p1'], hb), tagHash(ownType)));
          if (bestN === others) f.push(mix(T.aggall, hb));
        }
      }
      const within = inChunk.get(w);
      if (within) {
        // Only where this token is not itself inside such a name: what the longer name says about it.
        const single = !(i > 0 && firstPass[s][i].startsWith('I-')) && !(i + 1 < ws.length && firstPass[s][i + 1].startsWith('I-'));
        if (single) {
          let best = '';
          let bestN = 0;
          for (const [r, n] of within) if (n > bestN || (n === bestN && r < best)) [best, bestN] = [r, n];
          const hr = small(best);
          f.push(mix(T.inchunk, hr), mix(mix(T['inchunk|p1'], hr), tagHash(ownType)));
        }
      }
      if (caps[s]) {
        const mixed = byLower.get(w.toLowerCase());
        let best = 'none';
        let bestN = 0;
        if (mixed) for (const [t, n] of mixed) if (n > bestN || (n === bestN && t < best)) [best, bestN] = [t, n];
        const hb = tagHash(best);
        f.push(mix(T.capsagg, hb), mix(mix(T['capsagg|p1'], hb), tagHash(ownType)));
      }
      return f;
    }),
  );
}
