/**
 * Telling a corpus's text from the news the built-in model learnt on, so a corpus's own model
 * can tag its text with the weights it adapted for it (src/core/ner/train.ts, `foldDomain`)
 * and everything else with the weights learnt from all text: the corpus model adapts without
 * costing news. A two-class naive Bayes over lower-cased words, one decision per document.
 */

export interface SerializedDomainTest {
  /** Lower-cased word → log P(word | corpus) − log P(word | news), rounded to 1/100. */
  readonly words: Record<string, number>;
  /** The mean log ratio over a document's known words above which it is the corpus's text. */
  readonly threshold: number;
}

const WORD = /^\p{L}[\p{L}'’-]*$/u;
/** Words kept in the test: the most frequent of both kinds together. */
const VOCABULARY = 20_000;

function counts(docs: readonly (readonly (readonly string[])[])[]): { byWord: Map<string, number>; total: number } {
  const byWord = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    for (const s of d) {
      for (const w of s) {
        if (!WORD.test(w)) continue;
        const l = w.toLowerCase();
        byWord.set(l, (byWord.get(l) ?? 0) + 1);
        total++;
      }
    }
  }
  return { byWord, total };
}

/** The test, from the corpus's documents and the news documents (each: sentences of words). */
export function trainDomainTest(corpus: readonly (readonly (readonly string[])[])[], news: readonly (readonly (readonly string[])[])[]): SerializedDomainTest {
  const a = counts(corpus);
  const b = counts(news);
  const all = new Map<string, number>();
  for (const [w, n] of a.byWord) all.set(w, n);
  for (const [w, n] of b.byWord) all.set(w, (all.get(w) ?? 0) + n);
  const kept = [...all].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, VOCABULARY);
  const v = kept.length + 1;
  const words: Record<string, number> = {};
  for (const [w] of kept) {
    const ratio = Math.log(((a.byWord.get(w) ?? 0) + 1) / (a.total + v)) - Math.log(((b.byWord.get(w) ?? 0) + 1) / (b.total + v));
    Object.defineProperty(words, w, { value: Math.round(ratio * 100) / 100, enumerable: true, writable: true, configurable: true });
  }
  return { words, threshold: 0 };
}

/** Whether a document (sentences of words) is the corpus's kind of text. */
export function domainTest(data: SerializedDomainTest): (sentences: readonly (readonly string[])[]) => boolean {
  const ratios = new Map(Object.entries(data.words));
  return (sentences) => domainScore(ratios, sentences) > data.threshold;
}

/** The mean log ratio over the document's known words (0 when it has none: not the corpus's). */
export function domainScore(ratios: ReadonlyMap<string, number>, sentences: readonly (readonly string[])[]): number {
  let sum = 0;
  let n = 0;
  for (const s of sentences) {
    for (const w of s) {
      const r = ratios.get(w.toLowerCase());
      if (r === undefined) continue;
      sum += r;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}
