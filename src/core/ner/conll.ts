/** CoNLL-2003 reading and conlleval-style exact-span scoring. */

export interface ConllToken {
  /** The line as read, so the CLI can echo it untouched. */
  readonly line: string;
  readonly word: string;
  readonly gold: string;
}

export interface ConllSentence {
  readonly tokens: ConllToken[];
}

export interface ConllDocument {
  readonly sentences: ConllSentence[];
}

/** Items of a CoNLL file in order: the -DOCSTART- and blank lines are kept for echoing. */
export type ConllItem = { kind: 'docstart'; line: string } | { kind: 'blank'; line: string } | { kind: 'token'; token: ConllToken };

export function readConllItems(text: string): ConllItem[] {
  const items: ConllItem[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') items.push({ kind: 'blank', line });
    else if (trimmed.startsWith('-DOCSTART-')) items.push({ kind: 'docstart', line });
    else {
      const cols = trimmed.split(/\s+/);
      items.push({ kind: 'token', token: { line, word: cols[0], gold: cols.length > 1 ? cols[cols.length - 1] : 'O' } });
    }
  }
  return items;
}

/** Groups items into documents (split at -DOCSTART-) of sentences (split at blank lines). */
export function toDocuments(items: readonly ConllItem[]): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllSentence | null = null;
  for (const item of items) {
    if (item.kind === 'docstart') {
      doc = { sentences: [] };
      docs.push(doc);
      sentence = null;
    } else if (item.kind === 'blank') sentence = null;
    else {
      if (!doc) {
        doc = { sentences: [] };
        docs.push(doc);
      }
      if (!sentence) {
        sentence = { tokens: [] };
        doc.sentences.push(sentence);
      }
      sentence.tokens.push(item.token);
    }
  }
  return docs;
}

export interface Chunk {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** Entity spans from IOB1 or IOB2 tags (conlleval's rules: a B- or a type change starts a chunk). */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let type: string | null = null;
  let start = 0;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const [prefix, t] = tag === 'O' ? ['O', null] : [tag.slice(0, 1), tag.slice(2)];
    const begins = t !== null && (prefix === 'B' || t !== type);
    if (type !== null && (t === null || begins)) {
      out.push({ type, start, end: i });
      type = null;
    }
    if (begins) {
      type = t;
      start = i;
    }
  }
  return out;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
  correct: number;
}

/** Exact-span precision, recall and F1, overall and per type. Tags are per sentence. */
export function scoreChunks(gold: readonly string[][], predicted: readonly string[][]): { overall: Score; byType: Record<string, Score> } {
  const counts = new Map<string, { p: number; g: number; c: number }>();
  const bump = (type: string, key: 'p' | 'g' | 'c') => {
    for (const t of [type, '*']) {
      const c = counts.get(t) ?? { p: 0, g: 0, c: 0 };
      c[key]++;
      counts.set(t, c);
    }
  };
  gold.forEach((g, i) => {
    const gc = chunks(g);
    const pc = chunks(predicted[i]);
    const goldKeys = new Set(gc.map((c) => `${c.type}:${c.start}:${c.end}`));
    gc.forEach((c) => bump(c.type, 'g'));
    pc.forEach((c) => {
      bump(c.type, 'p');
      if (goldKeys.has(`${c.type}:${c.start}:${c.end}`)) bump(c.type, 'c');
    });
  });
  const score = (c: { p: number; g: number; c: number }): Score => {
    const precision = c.p ? c.c / c.p : 0;
    const recall = c.g ? c.c / c.g : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predicted: c.p, gold: c.g, correct: c.c };
  };
  const byType: Record<string, Score> = {};
  for (const [t, c] of counts) if (t !== '*') byType[t] = score(c);
  return { overall: score(counts.get('*') ?? { p: 0, g: 0, c: 0 }), byType };
}

/** IOB1 → IOB2 (every chunk starts with B-), which the tagger learns. */
export function toIob2(tags: readonly string[]): string[] {
  const out = tags.map(() => 'O');
  for (const c of chunks(tags)) for (let i = c.start; i < c.end; i++) out[i] = `${i === c.start ? 'B' : 'I'}-${c.type}`;
  return out;
}
