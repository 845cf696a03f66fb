/**
 * PAN's text-alignment measures (Potthast et al., "An Evaluation Framework for Plagiarism
 * Detection", 2010): character precision and recall over both sides of each case,
 * granularity (detections per found case) and plagdet = F1 / log2(1 + granularity);
 * plus direction, the share of found cases whose earlier side is the source.
 */

export interface Side {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface GoldCase {
  readonly source: Side;
  readonly copy: Side;
  readonly type: string;
}

export interface Detection {
  readonly a: Side;
  readonly b: Side;
  readonly earlier: 'a' | 'b' | null;
}

export interface PlagdetScores {
  readonly precision: number;
  readonly recall: number;
  readonly granularity: number;
  readonly plagdet: number;
  /** Found cases whose detection names the source as the earlier side. */
  readonly direction: number;
  readonly cases: number;
  readonly detections: number;
  readonly recallByType: Record<string, number>;
}

interface Oriented {
  readonly source: Side;
  readonly copy: Side;
  readonly earlierIsSource: boolean;
}

function overlap(x: Side, y: Side): number {
  return x.file === y.file ? Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)) : 0;
}

/** The detection read in the case's orientation, when it joins the case's two files. */
function orient(d: Detection, c: GoldCase): Oriented | null {
  if (d.a.file === c.source.file && d.b.file === c.copy.file) return { source: d.a, copy: d.b, earlierIsSource: d.earlier === 'a' };
  if (d.b.file === c.source.file && d.a.file === c.copy.file) return { source: d.b, copy: d.a, earlierIsSource: d.earlier === 'b' };
  return null;
}

/** Characters of a range covered by the union of ranges. */
function unionCover(range: Side, parts: readonly Side[]): number {
  const spans = parts
    .map((p) => [Math.max(range.start, p.start), Math.min(range.end, p.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((p, q) => p[0] - q[0]);
  let n = 0;
  let at = range.start;
  for (const [s, e] of spans) {
    const from = Math.max(s, at);
    if (e > from) {
      n += e - from;
      at = e;
    }
  }
  return n;
}

export function scorePlagdet(cases: readonly GoldCase[], detections: readonly Detection[]): PlagdetScores {
  const byPair = new Map<string, number[]>();
  const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  detections.forEach((d, k) => {
    const key = pairKey(d.a.file, d.b.file);
    const list = byPair.get(key);
    if (list) list.push(k);
    else byPair.set(key, [k]);
  });
  // A detection detects a case when it overlaps it on both sides.
  const detectsCase = cases.map((c) => {
    const found: Array<{ k: number; o: Oriented }> = [];
    for (const k of byPair.get(pairKey(c.source.file, c.copy.file)) ?? []) {
      const o = orient(detections[k], c);
      if (o && overlap(o.source, c.source) > 0 && overlap(o.copy, c.copy) > 0) found.push({ k, o });
    }
    return found;
  });
  let recallSum = 0;
  let detected = 0;
  let granularitySum = 0;
  let directionRight = 0;
  const typeTotals = new Map<string, { n: number; sum: number }>();
  cases.forEach((c, i) => {
    const found = detectsCase[i];
    const covered = unionCover(c.source, found.map((f) => f.o.source)) + unionCover(c.copy, found.map((f) => f.o.copy));
    const r = covered / (c.source.end - c.source.start + (c.copy.end - c.copy.start));
    recallSum += r;
    const t = typeTotals.get(c.type) ?? { n: 0, sum: 0 };
    t.n++;
    t.sum += r;
    typeTotals.set(c.type, t);
    if (found.length) {
      detected++;
      granularitySum += found.length;
      const best = found.reduce((p, q) => (overlap(q.o.copy, c.copy) + overlap(q.o.source, c.source) > overlap(p.o.copy, c.copy) + overlap(p.o.source, c.source) ? q : p));
      if (best.o.earlierIsSource) directionRight++;
    }
  });
  const casesOf = detections.map(() => [] as number[]);
  detectsCase.forEach((found, i) => found.forEach((f) => casesOf[f.k].push(i)));
  let precisionSum = 0;
  detections.forEach((d, k) => {
    const mine = casesOf[k];
    if (!mine.length) return;
    let coveredA = 0;
    let coveredB = 0;
    const partsA: Side[] = [];
    const partsB: Side[] = [];
    for (const i of mine) {
      const c = cases[i];
      const aIsSource = d.a.file === c.source.file;
      partsA.push(aIsSource ? c.source : c.copy);
      partsB.push(aIsSource ? c.copy : c.source);
    }
    coveredA = unionCover(d.a, partsA);
    coveredB = unionCover(d.b, partsB);
    precisionSum += (coveredA + coveredB) / (d.a.end - d.a.start + (d.b.end - d.b.start));
  });
  const precision = detections.length ? precisionSum / detections.length : 1;
  const recall = cases.length ? recallSum / cases.length : 1;
  const granularity = detected ? granularitySum / detected : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const recallByType: Record<string, number> = {};
  for (const [type, t] of [...typeTotals].sort()) recallByType[type] = round(t.sum / t.n);
  return {
    precision: round(precision),
    recall: round(recall),
    granularity: round(granularity),
    plagdet: round(f1 / Math.log2(1 + granularity)),
    direction: round(detected ? directionRight / detected : 1),
    cases: cases.length,
    detections: detections.length,
    recallByType,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
