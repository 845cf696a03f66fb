/**
 * The view the Curation page (Compare Annotations with…) renders — both annotators' versions of
 * the article line by line, cut into marked and unmarked pieces, and the disagreements (its HTML
 * is the pages' shell: src/extension/webviewPage.ts). The Chromium test renders exactly this.
 */
import type { LabelledSpan } from '../core/annotations/agreement';
import type { CurationItem } from '../core/annotations/curation';
import type { CurationItemView, CurationRowView, CurationSegmentView, CurationSideView, CurationView } from '../shared/curationProtocol';

export interface CurationInput {
  readonly title: string;
  readonly text: string;
  readonly a: readonly LabelledSpan[];
  readonly b: readonly LabelledSpan[];
  readonly items: readonly CurationItem[];
  readonly agreed: number;
  readonly sideA: CurationSideView;
  readonly sideB: CurationSideView;
  readonly canUndo: boolean;
}

const clip = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const labelName = (l: string | null) => l ?? 'nothing';

export function curationView(input: CurationInput): CurationView {
  const { a: A, b: B } = { a: input.sideA, b: input.sideB };
  const items: CurationItemView[] = input.items.map((d) => {
    const a = d.a?.label ?? null;
    const b = d.b?.label ?? null;
    const follows = d.curated === 'a' ? `the curated version follows ${A.name}` : d.curated === 'b' ? `the curated version follows ${B.name}` : 'the curated version follows neither';
    return {
      key: d.key,
      kind: d.kind,
      start: d.start,
      end: d.end,
      text: d.text,
      a,
      b,
      curated: d.curated,
      cannotTakeA: d.cannotTake.a ?? null,
      cannotTakeB: d.cannotTake.b ?? null,
      summary: `“${clip(d.text, 60)}”: ${A.name} ${labelName(a)}, ${B.name} ${labelName(b)}; ${follows}.`,
    };
  });
  const followA = items.filter((i) => i.curated === 'a').length;
  const followB = items.filter((i) => i.curated === 'b').length;
  const summary =
    items.length === 0
      ? `${A.name[0].toUpperCase()}${A.name.slice(1)} and ${B.name} agree on all ${input.agreed} annotation${input.agreed === 1 ? '' : 's'} of this article.`
      : `${items.length} disagreement${items.length === 1 ? '' : 's'}: the curated version follows ${A.name} on ${followA}, ${B.name} on ${followB}, neither on ${items.length - followA - followB}. ${input.agreed} annotation${input.agreed === 1 ? '' : 's'} agree.`;
  return { title: input.title, a: A, b: B, items, rows: rows(input), agreed: input.agreed, canUndo: input.canUndo, summary };
}

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly item: number | null;
}

function pieces(spans: readonly LabelledSpan[], items: readonly CurationItem[], side: 'a' | 'b'): Piece[] {
  const itemOf = new Map<LabelledSpan, number>();
  items.forEach((d, i) => {
    const s = d[side];
    if (s && !itemOf.has(s)) itemOf.set(s, i);
  });
  return spans.flatMap((s) => s.fragments.filter(([x, y]) => y > x).map(([start, end]) => ({ start, end, label: s.label, item: itemOf.get(s) ?? null })));
}

/** One row per non-blank line of the article, each side's annotations cut into pieces on it. */
function rows(input: CurationInput): CurationRowView[] {
  const pa = pieces(input.a, input.items, 'a');
  const pb = pieces(input.b, input.items, 'b');
  const out: CurationRowView[] = [];
  const lines = /[^\r\n]+/g;
  for (let m = lines.exec(input.text); m; m = lines.exec(input.text)) {
    if (!m[0].trim()) continue;
    const start = m.index;
    const end = start + m[0].length;
    const here = new Set<number>();
    const a = segments(input.text, start, end, pa, here);
    const b = segments(input.text, start, end, pb, here);
    out.push({ start, a, b, items: [...here].sort((x, y) => x - y) });
  }
  return out;
}

/** [start, end) of the text as plain and marked pieces; an annotation inside another is shown on its own words. */
function segments(text: string, start: number, end: number, all: readonly Piece[], items: Set<number>): CurationSegmentView[] {
  const marks = all.filter((p) => p.start < end && p.end > start);
  const cuts = new Set([start, end]);
  for (const p of marks) {
    if (p.start > start) cuts.add(p.start);
    if (p.end < end) cuts.add(p.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: CurationSegmentView[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [x, y] = [points[i], points[i + 1]];
    // The innermost annotation over these words; one in a disagreement before an agreed one.
    const over = marks.filter((p) => p.start <= x && p.end >= y).sort((p, q) => (p.item === null ? 1 : 0) - (q.item === null ? 1 : 0) || p.end - p.start - (q.end - q.start));
    const top = over[0];
    if (top?.item !== undefined && top.item !== null) items.add(top.item);
    const piece = text.slice(x, y);
    const last = out[out.length - 1];
    if (!top && last && last.label === null) out[out.length - 1] = { ...last, text: last.text + piece };
    else out.push({ text: piece, label: top?.label ?? null, item: top ? top.item : null, continues: top ? top.end > y : false });
  }
  return out;
}
