/**
 * The two stages of a loaded recogniser decoded over one weight table (PairedWeights): every
 * feature is looked up once for both stages. A token's context features are summed for both
 * in one pass before the first stage decodes, a new word's role features likewise, and each
 * word type has one cached row holding both stages' sums, found once per token. Greedy
 * decoding as Tagger.tagSentence does it, in quantised units: sums of integers do not depend
 * on their order, so the tags and margins are exactly Tagger's (a test compares them).
 * Training keeps Tagger, whose float weights would round differently in another order.
 */
import { boundaryRoleFeatures, contextFeatures, type DocumentContext, ROLE_OFFSETS, roleFeatureSets, stackedFeatures, tagHistoryFeatures, wordHistoryFeatures } from './features';
import type { Gazetteer } from './gazetteer';
import { PairedWeights } from './hashing';
import { ALLOWED, chooseTag, HISTORY_BASE, NUM_TAGS, ROLES, TAGS, type TagChoice, WORD_SCORE_CACHE_LIMIT, WORD_SCORES, WordRows } from './tagger';

/** One word type's row: the first stage's scores (roles, then history), then the second's. */
const PAIR_SCORES = 2 * WORD_SCORES;
const HISTORY_ROWS = (NUM_TAGS + 1) * (NUM_TAGS + 1) * NUM_TAGS;

export interface StagedTags {
  /** The second stage's tags and its margin over the runner-up for each, in its quantised units. */
  readonly tags: string[][];
  readonly margins: number[][];
}

export class StagePair {
  private readonly rows = new WordRows(WORD_SCORE_CACHE_LIMIT, PAIR_SCORES);
  /** Role rows of the padding before and after a sentence, laid out as a word's row. */
  private readonly startScores = new Float32Array(PAIR_SCORES);
  private readonly endScores = new Float32Array(PAIR_SCORES);
  /** Tag-history weights per stage, by ((previous-but-one + 1) × (NUM_TAGS + 1) + previous + 1) × NUM_TAGS. */
  private readonly historyScores = [new Float64Array(HISTORY_ROWS), new Float64Array(HISTORY_ROWS)];
  private readonly both = new Float64Array(2 * NUM_TAGS);
  private readonly scores = new Float64Array(NUM_TAGS);
  private readonly choice: TagChoice = { tag: 0, margin: 0 };
  private readonly historyHashes: number[] = [];

  constructor(
    private readonly weights: PairedWeights,
    /** Each stage's gazetteer: the same object when the stages share one (as trained models do). */
    private readonly gazetteers: readonly [Gazetteer | null, Gazetteer | null],
  ) {
    for (let r = 0; r < ROLES; r++) {
      this.scoreRole(boundaryRoleFeatures(-1, ROLE_OFFSETS[r]), null, this.startScores, r * NUM_TAGS);
      this.scoreRole(boundaryRoleFeatures(1, ROLE_OFFSETS[r]), null, this.endScores, r * NUM_TAGS);
    }
    const name = (t: number) => (t < 0 ? '<s>' : TAGS[t]);
    for (let p2 = -1; p2 < NUM_TAGS; p2++) {
      for (let p1 = -1; p1 < NUM_TAGS; p1++) {
        this.sumBoth(tagHistoryFeatures(name(p2), name(p1)));
        const at = ((p2 + 1) * (NUM_TAGS + 1) + p1 + 1) * NUM_TAGS;
        for (let c = 0; c < NUM_TAGS; c++) {
          this.historyScores[0][at + c] = this.both[c];
          this.historyScores[1][at + c] = this.both[NUM_TAGS + c];
        }
      }
    }
  }

  /** Both stages' weights of `hashes` summed into `both` (first stage, then second). */
  private sumBoth(hashes: readonly number[]): void {
    const both = this.both;
    both.fill(0);
    const slots = this.weights.slots;
    for (let k = 0; k < hashes.length; k++) {
      const base = this.weights.find(hashes[k]);
      if (base < 0) continue;
      for (let c = 0; c < 2 * NUM_TAGS; c++) both[c] += slots[base + c];
    }
  }

  /** One stage's weights of `hashes` summed into `both` from `at`. */
  private sumOne(hashes: readonly number[], stage: number): void {
    const both = this.both;
    const at = stage * NUM_TAGS;
    for (let c = 0; c < NUM_TAGS; c++) both[at + c] = 0;
    const slots = this.weights.slots;
    for (let k = 0; k < hashes.length; k++) {
      const base = this.weights.find(hashes[k]);
      if (base < 0) continue;
      for (let c = 0; c < NUM_TAGS; c++) both[at + c] += slots[base + at + c];
    }
  }

  /**
   * Role `r`'s rows of both stages from `offset + r × NUM_TAGS` in a word's row: `features`
   * for the first stage, `second` for the second when its gazetteer gives other features.
   */
  private scoreRole(features: readonly number[], second: readonly number[] | null, out: Float32Array, at: number): void {
    if (second && second !== features) {
      this.sumOne(features, 0);
      this.sumOne(second, 1);
    } else this.sumBoth(features);
    const both = this.both;
    for (let c = 0; c < NUM_TAGS; c++) {
      out[at + c] = both[c];
      out[at + WORD_SCORES + c] = both[NUM_TAGS + c];
    }
  }

  /** Points `rows` at the word's row, scoring its roles for both stages the first time it is seen. */
  private findWord(word: string): void {
    const rows = this.rows;
    if (rows.find(word)) return;
    const [g1, g2] = this.gazetteers;
    const first = roleFeatureSets(word, g1);
    const second = g2 === g1 ? null : roleFeatureSets(word, g2);
    for (let r = 0; r < ROLES; r++) this.scoreRole(first[r], second ? second[r] : null, rows.chunk, rows.offset + r * NUM_TAGS);
  }

  /**
   * Where stage `stage`'s weights of `word` after previous tag `prev1` start in `own`, computed
   * on first use for both stages (a word is seen after few of the ten possible tags).
   */
  private historyOf(word: string, own: Float32Array, offset: number, stage: number, prev1: number): number {
    const at = offset + stage * WORD_SCORES + HISTORY_BASE + (prev1 + 1) * NUM_TAGS;
    if (own[at] !== own[at]) {
      this.sumBoth(wordHistoryFeatures(prev1 < 0 ? '<s>' : TAGS[prev1], word, this.historyHashes));
      const first = offset + HISTORY_BASE + (prev1 + 1) * NUM_TAGS;
      for (let c = 0; c < NUM_TAGS; c++) {
        own[first + c] = this.both[c];
        own[first + WORD_SCORES + c] = this.both[NUM_TAGS + c];
      }
    }
    return at;
  }

  /** Both stages over one document: the first stage's tags feed the second's stacked features. */
  tagDocument(sentences: readonly (readonly string[])[], doc: DocumentContext): StagedTags {
    let total = 0;
    let longest = 1;
    for (const s of sentences) {
      total += s.length;
      longest = Math.max(longest, s.length);
    }
    // Per token of the document: its word's row (chunk and offset) and the second stage's context sums.
    const chunks: Float32Array[] = new Array(total);
    const offsets = new Int32Array(total);
    const secondContext = new Int32Array(total * NUM_TAGS);
    const firstContext = new Float64Array(NUM_TAGS * longest);
    const firstPass: string[][] = [];
    const slots = this.weights.slots;
    const gazetteer = this.gazetteers[0];
    for (let s = 0, from = 0; s < sentences.length; from += sentences[s].length, s++) {
      const words = sentences[s];
      const context = contextFeatures(words, doc, gazetteer);
      for (let i = 0; i < words.length; i++) {
        this.findWord(words[i]);
        chunks[from + i] = this.rows.chunk;
        offsets[from + i] = this.rows.offset;
        const hashes = context[i];
        const one = i * NUM_TAGS;
        const two = (from + i) * NUM_TAGS;
        for (let c = 0; c < NUM_TAGS; c++) firstContext[one + c] = 0;
        for (let k = 0; k < hashes.length; k++) {
          const base = this.weights.find(hashes[k]);
          if (base < 0) continue;
          for (let c = 0; c < NUM_TAGS; c++) {
            firstContext[one + c] += slots[base + c];
            secondContext[two + c] += slots[base + NUM_TAGS + c];
          }
        }
      }
      firstPass.push(this.decode(0, words, from, chunks, offsets, firstContext, 0, null, null));
    }
    const extra = stackedFeatures(sentences, firstPass);
    const tags: string[][] = [];
    const margins: number[][] = [];
    for (let s = 0, from = 0; s < sentences.length; from += sentences[s].length, s++) {
      const m: number[] = [];
      tags.push(this.decode(1, sentences[s], from, chunks, offsets, secondContext, from * NUM_TAGS, extra[s], m));
      margins.push(m);
    }
    return { tags, margins };
  }

  /**
   * Greedy decoding of one sentence by one stage, as Tagger.tagSentence: the role rows of the
   * words within two places, the context sums (`context` from `contextAt`, NUM_TAGS a token),
   * the stacked features, the tag history; ties go to the earlier tag.
   */
  private decode(
    stage: number,
    words: readonly string[],
    from: number,
    chunks: readonly Float32Array[],
    offsets: Int32Array,
    context: ArrayLike<number>,
    contextAt: number,
    extra: readonly (readonly number[])[] | null,
    margins: number[] | null,
  ): string[] {
    const n = words.length;
    const tags: string[] = new Array(n);
    const scores = this.scores;
    const choice = this.choice;
    const start = this.startScores;
    const end = this.endScores;
    const history = this.historyScores[stage];
    const slots = this.weights.slots;
    const stageRow = stage * WORD_SCORES;
    const stageSlot = stage * NUM_TAGS;
    let prev1 = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const ctx = contextAt + i * NUM_TAGS;
      for (let c = 0; c < NUM_TAGS; c++) scores[c] = context[ctx + c];
      for (let r = 0; r < ROLES; r++) {
        const j = i + ROLE_OFFSETS[r];
        const inside = j >= 0 && j < n;
        const v = inside ? chunks[from + j] : j < 0 ? start : end;
        const base = (inside ? offsets[from + j] : 0) + stageRow + r * NUM_TAGS;
        for (let c = 0; c < NUM_TAGS; c++) scores[c] += v[base + c];
      }
      if (extra) {
        const hashes = extra[i];
        for (let k = 0; k < hashes.length; k++) {
          const at = this.weights.find(hashes[k]);
          if (at < 0) continue;
          for (let c = 0; c < NUM_TAGS; c++) scores[c] += slots[at + stageSlot + c];
        }
      }
      const h = ((prev2 + 1) * (NUM_TAGS + 1) + prev1 + 1) * NUM_TAGS;
      const own = chunks[from + i];
      const hw = this.historyOf(words[i], own, offsets[from + i], stage, prev1);
      for (let c = 0; c < NUM_TAGS; c++) scores[c] += history[h + c] + own[hw + c];
      chooseTag(scores, ALLOWED[prev1 + 1], choice);
      const bestTag = choice.tag;
      tags[i] = TAGS[bestTag];
      margins?.push(choice.margin);
      prev2 = prev1;
      prev1 = bestTag;
    }
    return tags;
  }
}
