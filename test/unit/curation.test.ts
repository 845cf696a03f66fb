// Curation (Compare Annotations with…): the disagreements between the article's annotations
// and another annotator's, found by agreement's own matching, and what taking a side does to
// the sidecar's annotations — on a seed article.
import { describe, expect, it } from 'vitest';
import { measureAgreement, type LabelledSpan } from '../../src/core/annotations/agreement';
import { annotate, applyEntityAnnotations, readAnnotations, toSidecarAnnotations, type UserAnnotation } from '../../src/core/annotations/annotations';
import { annotationSpans, curation, takeAll, takeSide } from '../../src/core/annotations/curation';
import { curationView } from '../../src/extension/curationPage';
import { seed } from './seeds';

const text = seed('001');
const at = (words: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(words, i + 1);
  if (i < 0) throw new Error(`no “${words}” in the seed`);
  return [i, i + words.length] as const;
};
const span = (label: string, words: string, nth = 0): LabelledSpan => ({ label, fragments: [at(words, nth)] });
const entity = (id: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC', words: string, nth = 0, extra: Record<string, unknown> = {}): UserAnnotation =>
  ({ ...extra, id, kind: 'entity', type, name: null, anchor: annotate(text, ...at(words, nth)) }) as UserAnnotation;

// Ours: Xi Jinping PER, Lee Hae Chan PER, Beijing ORG (wrong), Seoul LOC, and a quote.
const quote = '"China, too, pays great attention to the bilateral ties,"';
const ours: UserAnnotation[] = [
  entity('a1', 'PER', 'Xi Jinping', 0, { decision: 'accepted', note: 'kept as it is' }),
  entity('a2', 'PER', 'Lee Hae Chan'),
  entity('a3', 'ORG', 'Beijing', 0),
  entity('a4', 'LOC', 'Seoul'),
  { id: 'a5', kind: 'quote', speaker: 'Xi Jinping', anchor: annotate(text, ...at(quote)) },
];
// Theirs: Xi Jinping PER (agrees), Beijing LOC (another label), Moon Jae-In PER (only theirs),
// no Seoul (only ours), the quote (agrees), and a label the corpus has no kind for.
const theirs: LabelledSpan[] = [span('PER', 'Xi Jinping'), span('LOC', 'Beijing'), span('PER', 'Moon Jae-In'), span('QUOTE', quote), span('Cue', 'told', 0)];

describe('curation: the disagreements are agreement’s', () => {
  const mine = annotationSpans(ours);
  const { items, agreed } = curation(text, mine, theirs, mine);

  it('lists what agreement lists, in the order of the text, with both sides’ labels', () => {
    const report = measureAgreement([{ name: 'x', text, a: mine, b: theirs }]);
    expect(agreed).toBe(report.matched);
    expect(agreed).toBe(2);
    expect(items.map((i) => [i.kind, i.start, i.end, i.text])).toEqual(report.disagreements.map((d) => [d.kind, d.start, d.end, d.text]));
    const byText = Object.fromEntries(items.map((i) => [i.text, [i.kind, i.a?.label ?? null, i.b?.label ?? null]]));
    expect(byText).toEqual({ 'Lee Hae Chan': ['only-a', 'PER', null], 'Moon Jae-In': ['only-b', null, 'PER'], Beijing: ['label', 'ORG', 'LOC'], Seoul: ['only-a', 'LOC', null], told: ['only-b', null, 'Cue'] });
  });

  it('the curated version starts out following ours everywhere', () => {
    expect(items.every((i) => i.curated === 'a')).toBe(true);
  });

  it('a label the corpus has no kind for cannot be taken; keys tell the items apart', () => {
    const cue = items.find((i) => i.text === 'told')!;
    expect(cue.cannotTake.b).toMatch(/“Cue” is not a kind/);
    expect(cue.cannotTake.a).toBeUndefined();
    expect(takeSide(ours, text, cue, 'b')).toEqual(ours);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});

describe('curation: taking a side', () => {
  const mine = annotationSpans(ours);
  const items = curation(text, mine, theirs, mine).items;
  const item = (words: string) => items.find((i) => i.text === words)!;
  const follows = (annotations: readonly UserAnnotation[], words: string) => curation(text, mine, theirs, annotationSpans(annotations)).items.find((i) => i.text === words)!.curated;

  it('theirs where only they marked the words: their entity is added, nothing else changes', () => {
    const next = takeSide(ours, text, item('Moon Jae-In'), 'b');
    expect(next.slice(0, ours.length)).toEqual(ours);
    expect(next).toHaveLength(ours.length + 1);
    expect(next[ours.length]).toMatchObject({ kind: 'entity', type: 'PER', name: null, anchor: { start: at('Moon Jae-In')[0], exact: 'Moon Jae-In' } });
    expect(new Set(next.map((a) => a.id)).size).toBe(next.length);
    expect(follows(next, 'Moon Jae-In')).toBe('b');
    expect(follows(next, 'Beijing')).toBe('a');
  });

  it('theirs on another label: the type changes, the other annotations keep their ids and fields', () => {
    const next = takeSide(ours, text, item('Beijing'), 'b');
    expect(next.filter((a) => a.kind === 'entity' && a.anchor.exact === 'Beijing').map((a) => (a as { type: string }).type)).toEqual(['LOC']);
    expect(next.find((a) => a.id === 'a1')).toEqual(ours[0]);
    expect(follows(next, 'Beijing')).toBe('b');
  });

  it('theirs where only we marked the words: ours goes and a rejection keeps the recogniser’s guess away', () => {
    const next = takeSide(ours, text, item('Seoul'), 'b');
    expect(next.some((a) => a.kind === 'entity' && a.anchor.exact === 'Seoul')).toBe(false);
    expect(next.filter((a) => a.anchor.exact === 'Seoul').map((a) => a.kind)).toEqual(['not-entity']);
    const [s, e] = at('Seoul');
    const automatic = [{ start: s, end: e, text: 'Seoul', type: 'LOC' as const }];
    expect(applyEntityAnnotations(automatic, next).some((m) => m.text === 'Seoul')).toBe(false);
    expect(follows(next, 'Seoul')).toBe('b');
  });

  it('ours again after theirs: our annotation comes back and the rejection goes', () => {
    const theirsFirst = takeSide(ours, text, item('Seoul'), 'b');
    const back = takeSide(theirsFirst, text, item('Seoul'), 'a');
    expect(back.filter((a) => a.anchor.exact === 'Seoul').map((a) => [a.kind, (a as { type?: string }).type])).toEqual([['entity', 'LOC']]);
    expect(follows(back, 'Seoul')).toBe('a');
  });

  it('taking the side the curated version follows changes nothing', () => {
    expect(takeSide(ours, text, item('Beijing'), 'a')).toEqual(ours);
    expect(takeSide(ours, text, item('Lee Hae Chan'), 'a')).toEqual(ours);
  });

  it('all from theirs: the curated version agrees with them on everything a sidecar can hold', () => {
    const next = takeAll(ours, text, items, 'b');
    const curated = annotationSpans(next);
    const report = measureAgreement([{ name: 'x', text, a: curated, b: theirs.filter((s) => s.label !== 'Cue') }]);
    expect(report.f1).toBe(1);
    expect(curation(text, mine, theirs, curated).items.map((i) => i.curated)).toEqual(items.map((i) => (i.text === 'told' ? 'a' : 'b')));
    // The quote both had keeps its speaker; the sidecar round trip keeps everything.
    expect(next.find((a) => a.kind === 'quote')).toEqual(ours[4]);
    const round = readAnnotations(toSidecarAnnotations(next, []));
    expect(round.problems).toEqual([]);
    expect(round.annotations).toEqual(next);
  });

  it('a quote only they marked is taken as a quote with no speaker', () => {
    const other = '"China, too, pays great attention to the bilateral ties,"';
    const without = ours.filter((a) => a.kind !== 'quote');
    const list = curation(text, annotationSpans(without), theirs, annotationSpans(without)).items;
    const q = list.find((i) => i.text === other)!;
    expect(q.kind).toBe('only-b');
    const next = takeSide(without, text, q, 'b');
    expect(next[next.length - 1]).toMatchObject({ kind: 'quote', speaker: null, anchor: { exact: other } });
  });

  it('an annotation in several pieces cannot be taken into a sidecar', () => {
    const [s1, e1] = at('Xi Jinping');
    const [s2, e2] = at('Seoul');
    const split: LabelledSpan = { label: 'PER', fragments: [[s1, e1], [s2, e2]] };
    const d = curation(text, [], [split], []).items[0];
    expect(d.cannotTake.b).toMatch(/2 pieces/);
    expect(takeSide([], text, d, 'b')).toEqual([]);
  });
});

describe('curation: the page’s view', () => {
  const mine = annotationSpans(ours);
  const { items, agreed } = curation(text, mine, theirs, mine);
  const view = curationView({ title: '001', text, a: mine, b: theirs, items, agreed, sideA: { name: 'yours', detail: 'here' }, sideB: { name: 'anna', detail: 'there' }, canUndo: false });

  it('one row per line, each side cut into pieces that spell the line; disagreements point at their item', () => {
    const lines = text.split('\n').filter((l) => l.trim());
    expect(view.rows).toHaveLength(lines.length);
    view.rows.forEach((r, i) => {
      expect(r.a.map((s) => s.text).join('')).toBe(lines[i]);
      expect(r.b.map((s) => s.text).join('')).toBe(lines[i]);
    });
    const marked = view.rows.flatMap((r) => r.b.filter((s) => s.item !== null).map((s) => [s.text, view.items[s.item!].text]));
    expect(marked).toContainEqual(['Moon Jae-In', 'Moon Jae-In']);
    const agreedPiece = view.rows.flatMap((r) => r.a).find((s) => s.text === 'Xi Jinping' && s.label === 'PER');
    expect(agreedPiece?.item).toBeNull();
    expect(view.summary).toBe('5 disagreements: the curated version follows yours on 5, anna on 0, neither on 0. 2 annotations agree.');
    expect(view.items.find((i) => i.text === 'Beijing')!.summary).toBe('“Beijing”: yours ORG, anna LOC; the curated version follows yours.');
  });
});
