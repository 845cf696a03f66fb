/**
 * Features of one token for the entity tagger. Static features depend only on the words
 * (computed once a sentence); history features on the tags already chosen to the left.
 */
import type { Gazetteer } from './gazetteer';

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

const shapeCache = new Map<string, string>();

export function wordShape(w: string): string {
  const cached = shapeCache.get(w);
  if (cached !== undefined) return cached;
  const shape = computeShape(w);
  if (shapeCache.size > 200_000) shapeCache.clear();
  shapeCache.set(w, shape);
  return shape;
}

function computeShape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = charClass(ch);
    if (c !== last || out.length < 2) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

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
      if (/^\p{Ll}/u.test(w)) lowerSeen.add(w);
      else if (i > 0 && !allCaps && /^\p{Lu}\p{Ll}/u.test(w)) capSeen.add(w.toLowerCase());
    });
  }
  const head = sentences[0] ?? [];
  const topic = head.length > 2 && /^[A-Z]{3,}$/.test(head[0]) && head[1] === '-' ? head[0] : null;
  return { lowerSeen, capSeen, topic };
}

export function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    if (/\p{Ll}/u.test(w)) return false;
    if (/\p{Lu}/u.test(w)) letters++;
  }
  return letters >= 2;
}

/** Static features of every token in a sentence. */
export function sentenceFeatures(words: readonly string[], doc: DocumentContext, gazetteer: Gazetteer | null): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const caps = isAllCapsSentence(words);
  const gaz = gazetteer ? gazetteer.match(lower) : [];
  const at = (arr: readonly string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const l = lower[i];
    const s = shapes[i];
    const f = [
      'b',
      'w=' + w,
      'l=' + l,
      's=' + s,
      'p2=' + l.slice(0, 2),
      'p3=' + l.slice(0, 3),
      's2=' + l.slice(-2),
      's3=' + l.slice(-3),
      's4=' + l.slice(-4),
      'l-1=' + at(lower, i - 1),
      'l+1=' + at(lower, i + 1),
      'l-2=' + at(lower, i - 2),
      'l+2=' + at(lower, i + 2),
      's-1=' + at(shapes, i - 1),
      's+1=' + at(shapes, i + 1),
      'sss=' + at(shapes, i - 1) + '|' + s + '|' + at(shapes, i + 1),
      'll-=' + at(lower, i - 1) + '|' + l,
      'll+=' + l + '|' + at(lower, i + 1),
      'ls+=' + l + '|' + at(shapes, i + 1),
      'sl-=' + at(shapes, i - 1) + '|' + l,
      'w-1=' + at(words, i - 1),
      'w+1=' + at(words, i + 1),
      's-2=' + at(shapes, i - 2),
      's+2=' + at(shapes, i + 2),
      'p4=' + l.slice(0, 4),
      's5=' + l.slice(-5),
    ];
    const hyphen = l.indexOf('-');
    if (hyphen > 0) f.push('h1=' + l.slice(0, hyphen), 'h2=' + l.slice(l.lastIndexOf('-') + 1));
    if (i === 0) f.push('first|s=' + s);
    if (caps) f.push('caps|l=' + l, 'caps|s=' + s);
    if (/^\p{Lu}/u.test(w)) {
      if (doc.lowerSeen.has(l)) f.push('doc:lower');
      if (doc.capSeen.has(l)) f.push('doc:cap');
      if (i === 0 && !doc.capSeen.has(l)) f.push('first|nocap');
    }
    if (w.length > 1 && w.endsWith('.')) f.push('dot');
    if (gazetteer) {
      if (/^\p{Lu}/u.test(w)) for (const r of gazetteer.partsOf(l)) if (r.startsWith('PER')) f.push('gp=' + r);
    }
    for (const g of gaz[i] ?? []) {
      f.push('g=' + g, 'gs=' + g + '|' + s);
      if (doc.topic) f.push('tg=' + doc.topic + '|' + g);
    }
    if (doc.topic && /^\p{Lu}/u.test(w)) f.push('ts=' + doc.topic + '|' + s, 'tl=' + doc.topic + '|' + l);
    out.push(f);
  }
  return out;
}

/**
 * What a first tagging pass said about each word elsewhere in the same document: the
 * type it got most often at its other occurrences, and this token's own first-pass tag
 * with its neighbours'. Lets the second pass make a document agree with itself.
 */
export function stackedFeatures(words: readonly (readonly string[])[], firstPass: readonly (readonly string[])[]): string[][][] {
  const byWord = new Map<string, Map<string, number>>();
  words.forEach((ws, s) =>
    ws.forEach((w, i) => {
      const tag = firstPass[s][i];
      if (!/^\p{Lu}/u.test(w) && tag === 'O') return;
      const type = tag === 'O' ? 'O' : tag.slice(2);
      const m = byWord.get(w) ?? new Map<string, number>();
      m.set(type, (m.get(type) ?? 0) + 1);
      byWord.set(w, m);
    }),
  );
  return words.map((ws, s) =>
    ws.map((w, i) => {
      const own = firstPass[s][i];
      const ownType = own === 'O' ? 'O' : own.slice(2);
      const f = ['p1=' + own, 'p1-1=' + (i > 0 ? firstPass[s][i - 1] : '<s>') + '|' + own, 'p1+1=' + own + '|' + (i + 1 < ws.length ? firstPass[s][i + 1] : '</s>')];
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
          f.push('agg=' + bestType, 'agg|p1=' + bestType + '|' + ownType);
          if (bestN === others) f.push('aggall=' + bestType);
        }
      }
      return f;
    }),
  );
}

/** History features: the tags chosen for the previous two tokens. */
export function historyFeatures(prev2: string, prev1: string, lower: string, shape: string): string[] {
  return ['t-1=' + prev1, 't-2=' + prev2 + '|' + prev1, 't-1l=' + prev1 + '|' + lower, 't-1s=' + prev1 + '|' + shape];
}
