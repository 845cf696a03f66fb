/**
 * Side-by-side rows for a comparison: passages that are twins (aligned across articles)
 * share a row; a passage only one article has gets a row of its own. Rows follow the
 * first article's order, then each further article's.
 */
import type { ComparisonReport } from './report';

export interface Cell {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Row {
  readonly id: number;
  /** One list of passages per article (usually zero or one). */
  readonly cells: readonly (readonly Cell[])[];
  readonly relation: 'identical' | 'near-identical' | 'overlap' | 'unique';
  readonly score: number;
}

const RANK = { identical: 3, 'near-identical': 2, overlap: 1 } as const;

export function alignedRows(report: ComparisonReport): Row[] {
  const files = report.articles.map((a) => a.file);
  const key = (c: Cell) => `${c.file}\u0000${c.start}`;
  const units = new Map<string, Cell>();
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const r = find(p);
    parent.set(k, r);
    return r;
  };
  const add = (c: Cell) => {
    if (!units.has(key(c))) units.set(key(c), c);
  };
  const best = new Map<string, { relation: keyof typeof RANK; score: number }>();
  for (const a of report.articles) for (const u of a.unique) add({ file: a.file, ...u });
  for (const p of report.passages) {
    const [x, y] = p.passages;
    add(x);
    add(y);
    const rx = find(key(x));
    const ry = find(key(y));
    if (rx !== ry) parent.set(ry, rx);
  }
  for (const p of report.passages) {
    const root = find(key(p.passages[0]));
    const b = best.get(root);
    if (!b || RANK[p.relation] > RANK[b.relation] || (p.relation === b.relation && p.score > b.score)) best.set(root, { relation: p.relation, score: p.score });
  }
  const groups = new Map<string, Cell[]>();
  for (const [k, c] of units) {
    const root = find(k);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  const rows: Row[] = [];
  const placed = new Set<string>();
  for (const file of files) {
    const own = [...units.values()].filter((c) => c.file === file).sort((a, b) => a.start - b.start);
    for (const c of own) {
      const root = find(key(c));
      if (placed.has(root)) continue;
      placed.add(root);
      const members = groups.get(root)!;
      const cells = files.map((f) => members.filter((m) => m.file === f).sort((a, b) => a.start - b.start));
      const b = best.get(root);
      rows.push({ id: rows.length, cells, relation: b ? b.relation : 'unique', score: b ? b.score : 0 });
    }
  }
  return rows;
}
