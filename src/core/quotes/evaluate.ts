/** Quote and speaker scoring as agreed for PolNeAR (see shared/eval/README.md). */
import type { Attribution, BratSpan } from './brat';

export interface PredictedQuote {
  readonly start: number;
  readonly end: number;
  readonly speaker: { readonly start: number; readonly end: number } | null;
}

export interface QuoteCounts {
  predicted: number;
  gold: number;
  /** Predictions overlapping a gold quote. */
  truePositives: number;
  /** Gold quotes overlapped by a prediction. */
  goldFound: number;
  /** Found quotes whose speaker overlaps the gold source. */
  speakerRight: number;
}

const overlapsSpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Against a brat span, overlap with any of its pieces (a split quote's cue is not part of it). */
const overlaps = (a: { start: number; end: number }, b: BratSpan) => b.fragments.some(([start, end]) => overlapsSpan(a, { start, end }));

export function scoreQuotes(gold: readonly Attribution[], predicted: readonly PredictedQuote[], counts: QuoteCounts): void {
  counts.predicted += predicted.length;
  counts.gold += gold.length;
  for (const p of predicted) {
    const match = gold.find((g) => overlaps(p, g.content!));
    if (!match) continue;
    counts.truePositives++;
    if (p.speaker && match.source && overlaps(p.speaker, match.source)) counts.speakerRight++;
  }
  for (const g of gold) if (predicted.some((p) => overlaps(p, g.content!))) counts.goldFound++;
}

export function summarize(c: QuoteCounts): { precision: number; recall: number; f1: number; speakerAccuracy: number } {
  const precision = c.predicted ? c.truePositives / c.predicted : 0;
  const recall = c.gold ? c.goldFound / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, speakerAccuracy: c.truePositives ? c.speakerRight / c.truePositives : 0 };
}
