/**
 * Agreement between two annotators of the same articles: precision, recall and F1 of B against
 * A over text-bound annotations (exact label and every fragment), per label and overall, and
 * Cohen's kappa over tokens. A is read as the reference, so B's precision is A's recall of B.
 */
import { tokenize } from '../ner/tokenize';

/** A text-bound annotation: a label over one or more [start, end) fragments of the text. */
export interface LabelledSpan {
  readonly label: string;
  readonly fragments: ReadonlyArray<readonly [number, number]>;
}

export interface AnnotatedPair {
  /** How the article is named in the report (its file name). */
  readonly name: string;
  readonly text: string;
  readonly a: readonly LabelledSpan[];
  readonly b: readonly LabelledSpan[];
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Annotations of A, of B, and those of B that A has too. */
  readonly a: number;
  readonly b: number;
  readonly matched: number;
}

export type Disagreement =
  | { readonly file: string; readonly kind: 'only-a' | 'only-b'; readonly label: string; readonly start: number; readonly end: number; readonly text: string }
  | { readonly file: string; readonly kind: 'label'; readonly labelA: string; readonly labelB: string; readonly start: number; readonly end: number; readonly text: string };

export interface AgreementReport extends Scores {
  readonly kappa: number;
  /** Tokens the kappa was computed over. */
  readonly tokens: number;
  readonly articles: number;
  readonly labels: Readonly<Record<string, Scores>>;
  readonly disagreements: readonly Disagreement[];
}

const NONE = '';

const spanKey = (s: LabelledSpan) => s.fragments.map(([a, b]) => `${a}-${b}`).join(';');

function scores(a: number, b: number, matched: number): Scores {
  const precision = b ? matched / b : a ? 0 : 1;
  const recall = a ? matched / a : b ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, a, b, matched };
}

/** Groups spans by label and fragments, keeping how often each occurs (annotators may repeat one). */
function tally(spans: readonly LabelledSpan[]): Map<string, { span: LabelledSpan; count: number }> {
  const out = new Map<string, { span: LabelledSpan; count: number }>();
  for (const s of spans) {
    const key = `${s.label}\u0000${spanKey(s)}`;
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { span: s, count: 1 });
  }
  return out;
}

/** The label each token carries: that of the earliest-starting (then longest) annotation over it. */
export function tokenLabels(text: string, spans: readonly LabelledSpan[]): string[] {
  const tokens = tokenize(text);
  const pieces = spans
    .flatMap((s) => s.fragments.map(([start, end]) => ({ start, end, label: s.label })))
    .filter((p) => p.end > p.start)
    .sort((x, y) => x.start - y.start || y.end - x.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  const labels = new Array<string>(tokens.length).fill(NONE);
  // Pieces are sorted by start, so each token only needs the pieces that started before it ends.
  let next = 0;
  let open: typeof pieces = [];
  tokens.forEach((t, i) => {
    while (next < pieces.length && pieces[next].start < t.end) open.push(pieces[next++]);
    // Tokens only move forward: a piece that ended before this token covers no later one.
    if (open.some((p) => p.end <= t.start)) open = open.filter((p) => p.end > t.start);
    const covering = open.find((p) => p.start < t.end && t.start < p.end);
    if (covering) labels[i] = covering.label;
  });
  return labels;
}

/** Cohen's kappa of two label sequences of equal length. */
export function cohensKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error('kappa needs two labellings of the same tokens');
  const n = a.length;
  if (n === 0) return 1;
  let agree = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, ca] of countA) expected += (ca / n) * ((countB.get(label) ?? 0) / n);
  // Both annotators used one label throughout: agreement is perfect or it is not.
  if (expected === 1) return observed === 1 ? 1 : 0;
  return (observed - expected) / (1 - expected);
}

/**
 * One article's annotations of A against B: label and every fragment must agree. What is left
 * over is a disagreement: the same span under two labels, or a span only one annotator marked.
 * `measureAgreement` counts with this and Compare Annotations with… (curation.ts) lists it.
 */
export interface SpanComparison {
  /** Per label: annotations of A, of B, and those of B that A has too. */
  readonly labels: ReadonlyMap<string, { readonly a: number; readonly b: number; readonly matched: number }>;
  readonly a: number;
  readonly b: number;
  readonly matched: number;
  /** In the order of the text (start, end, then kind). */
  readonly disagreements: readonly SpanDisagreement[];
}

export interface SpanDisagreement {
  readonly kind: 'only-a' | 'only-b' | 'label';
  /** A's annotation (null when only B has one here), and B's. */
  readonly a: LabelledSpan | null;
  readonly b: LabelledSpan | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function compareSpans(text: string, a: readonly LabelledSpan[], b: readonly LabelledSpan[]): SpanComparison {
  const labels = new Map<string, { a: number; b: number; matched: number }>();
  const bump = (label: string, field: 'a' | 'b' | 'matched', by: number) => {
    const c = labels.get(label) ?? { a: 0, b: 0, matched: 0 };
    c[field] += by;
    labels.set(label, c);
  };
  let totalA = 0;
  let totalB = 0;
  let totalMatched = 0;
  const ta = tally(a);
  const tb = tally(b);
  const leftA: LabelledSpan[] = [];
  const leftB: LabelledSpan[] = [];
  for (const [key, { span, count }] of ta) {
    const inB = tb.get(key)?.count ?? 0;
    const matched = Math.min(count, inB);
    bump(span.label, 'a', count);
    bump(span.label, 'matched', matched);
    totalA += count;
    totalMatched += matched;
    for (let k = matched; k < count; k++) leftA.push(span);
  }
  for (const [key, { span, count }] of tb) {
    const matched = Math.min(count, ta.get(key)?.count ?? 0);
    bump(span.label, 'b', count);
    totalB += count;
    for (let k = matched; k < count; k++) leftB.push(span);
  }
  // What is left over: the same span under two labels, or a span only one annotator marked.
  const unmatchedB = new Map<string, LabelledSpan[]>();
  for (const s of leftB) unmatchedB.set(spanKey(s), [...(unmatchedB.get(spanKey(s)) ?? []), s]);
  const at = (s: LabelledSpan) => {
    const start = s.fragments[0][0];
    const end = s.fragments[s.fragments.length - 1][1];
    return { start, end, text: s.fragments.map(([x, y]) => text.slice(x, y)).join(' ') };
  };
  const found: SpanDisagreement[] = [];
  for (const s of leftA) {
    const same = unmatchedB.get(spanKey(s));
    const other = same?.shift();
    if (other) found.push({ kind: 'label', a: s, b: other, ...at(s) });
    else found.push({ kind: 'only-a', a: s, b: null, ...at(s) });
  }
  for (const rest of unmatchedB.values()) for (const s of rest) found.push({ kind: 'only-b', a: null, b: s, ...at(s) });
  found.sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
  return { labels, a: totalA, b: totalB, matched: totalMatched, disagreements: found };
}

export function measureAgreement(pairs: readonly AnnotatedPair[]): AgreementReport {
  const perLabel = new Map<string, { a: number; b: number; matched: number }>();
  const disagreements: Disagreement[] = [];
  const allA: string[] = [];
  const allB: string[] = [];
  let totalA = 0;
  let totalB = 0;
  let totalMatched = 0;
  for (const pair of [...pairs].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    const c = compareSpans(pair.text, pair.a, pair.b);
    for (const [label, n] of c.labels) {
      const sum = perLabel.get(label) ?? { a: 0, b: 0, matched: 0 };
      perLabel.set(label, { a: sum.a + n.a, b: sum.b + n.b, matched: sum.matched + n.matched });
    }
    totalA += c.a;
    totalB += c.b;
    totalMatched += c.matched;
    for (const d of c.disagreements) {
      const where = { start: d.start, end: d.end, text: d.text };
      if (d.kind === 'label') disagreements.push({ file: pair.name, kind: 'label', labelA: d.a!.label, labelB: d.b!.label, ...where });
      else disagreements.push({ file: pair.name, kind: d.kind, label: (d.a ?? d.b)!.label, ...where });
    }
    allA.push(...tokenLabels(pair.text, pair.a));
    allB.push(...tokenLabels(pair.text, pair.b));
  }
  const labels: Record<string, Scores> = {};
  for (const label of [...perLabel.keys()].sort()) {
    const c = perLabel.get(label)!;
    labels[label] = scores(c.a, c.b, c.matched);
  }
  return { ...scores(totalA, totalB, totalMatched), kappa: cohensKappa(allA, allB), tokens: allA.length, articles: pairs.length, labels, disagreements };
}
