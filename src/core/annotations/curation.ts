/**
 * Curation (Compare Annotations with…, as in INCEpTION): the article's own annotations (A, the
 * sidecar's as they were when the comparison began) against another annotator's copy (B),
 * matched exactly as `agreement` matches them (compareSpans). For each disagreement the user
 * takes one side into the curated version, which is the article's sidecar annotations.
 */
import { compareSpans, type LabelledSpan, type SpanDisagreement } from './agreement';
import { annotate, newAnnotationId, type UserAnnotation } from './annotations';

/** The label a quote carries in agreement and curation (and in brat, through knownLabel). */
export const QUOTE_LABEL = 'QUOTE';
const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME']);

export type Side = 'a' | 'b';

/** The text-bound annotations a sidecar holds, as agreement reads them: entities by type, quotes as QUOTE. */
export function annotationSpans(annotations: readonly UserAnnotation[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const a of annotations) {
    if (a.orphaned) continue;
    if (a.kind === 'entity') out.push({ label: a.type, fragments: [[a.anchor.start, a.anchor.end]] });
    else if (a.kind === 'quote') out.push({ label: QUOTE_LABEL, fragments: [[a.anchor.start, a.anchor.end]] });
  }
  return out;
}

export interface CurationItem extends SpanDisagreement {
  /** Stable while A, B and the text stay as they are: what a take names. */
  readonly key: string;
  /** The side the curated version follows here now; null when it follows neither. */
  readonly curated: Side | null;
  /** Why a side cannot be taken into a sidecar, when it cannot. */
  readonly cannotTake: { readonly a?: string; readonly b?: string };
}

const spanText = (s: LabelledSpan) => `${s.label}@${s.fragments.map(([x, y]) => `${x}-${y}`).join(',')}`;

function whyNot(s: LabelledSpan | null): string | undefined {
  if (!s) return undefined;
  if (s.fragments.length !== 1) return `it is in ${s.fragments.length} pieces, and an annotation of the corpus covers one stretch of text`;
  if (s.label !== QUOTE_LABEL && !ENTITY_TYPES.has(s.label)) return `“${s.label}” is not a kind of annotation the corpus holds (PER, ORG, LOC, MISC, DATE, TIME or a quote)`;
  return undefined;
}

export interface Curation {
  readonly items: CurationItem[];
  /** Annotations A and B agree on (label and span). */
  readonly agreed: number;
}

/**
 * The disagreements between A and B, each with the side `curated` (the sidecar's annotations
 * now) follows: it follows a side when it has that side's annotation and not the other's.
 */
export function curation(text: string, a: readonly LabelledSpan[], b: readonly LabelledSpan[], curated: readonly LabelledSpan[]): Curation {
  const have = new Map<string, number>();
  for (const s of curated) have.set(spanText(s), (have.get(spanText(s)) ?? 0) + 1);
  const has = (s: LabelledSpan | null) => (s ? (have.get(spanText(s)) ?? 0) > 0 : false);
  const seen = new Map<string, number>();
  const compared = compareSpans(text, a, b);
  const items = compared.disagreements.map((d): CurationItem => {
    const base = `${d.kind}:${d.a ? spanText(d.a) : ''}:${d.b ? spanText(d.b) : ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const followsA = (!d.a || has(d.a)) && (!d.b || !has(d.b));
    const followsB = (!d.b || has(d.b)) && (!d.a || !has(d.a));
    const cannotTake: { a?: string; b?: string } = {};
    // Taking a side writes its annotation and removes the other's: both must be ones a sidecar holds.
    const reasonA = whyNot(d.a) ?? (d.b && has(d.b) ? whyNot(d.b) : undefined);
    const reasonB = whyNot(d.b) ?? (d.a && has(d.a) ? whyNot(d.a) : undefined);
    if (reasonA) cannotTake.a = reasonA;
    if (reasonB) cannotTake.b = reasonB;
    return { ...d, key: n ? `${base}#${n}` : base, curated: followsA ? 'a' : followsB ? 'b' : null, cannotTake };
  });
  return { items, agreed: compared.matched };
}

type Annotation = UserAnnotation;

const onSpan = (x: Annotation, s: LabelledSpan) => !x.orphaned && s.fragments.length === 1 && x.anchor.start === s.fragments[0][0] && x.anchor.end === s.fragments[0][1];
const isQuote = (s: LabelledSpan) => s.label === QUOTE_LABEL;
/** The sidecar annotation that says what `s` says. */
const carries = (x: Annotation, s: LabelledSpan) => onSpan(x, s) && (isQuote(s) ? x.kind === 'quote' : x.kind === 'entity' && x.type === s.label);
const rejects = (x: Annotation, s: LabelledSpan) => onSpan(x, s) && x.kind === (isQuote(s) ? 'not-quote' : 'not-entity');

/**
 * The curated annotations after taking `side` of one disagreement: the other side's annotation
 * goes, the chosen side's is added (a rejection of the same words goes with it). When the
 * chosen side has nothing there, a rejection (`not-entity` / `not-quote`) is added instead, so
 * that the recogniser's own guess does not come back on those words. Taking a side the curated
 * version already follows changes nothing. Everything else in the sidecar is kept as it is.
 */
export function takeSide(annotations: readonly Annotation[], text: string, item: Pick<CurationItem, 'a' | 'b' | 'cannotTake'>, side: Side): Annotation[] {
  if (item.cannotTake[side]) return [...annotations];
  const chosen = side === 'a' ? item.a : item.b;
  const other = side === 'a' ? item.b : item.a;
  let out = [...annotations];
  if (other) out = out.filter((x) => !carries(x, other));
  if (chosen) {
    if (!out.some((x) => carries(x, chosen))) {
      out = out.filter((x) => !rejects(x, chosen));
      const [start, end] = chosen.fragments[0];
      const anchor = annotate(text, start, end);
      out.push(isQuote(chosen) ? { id: newAnnotationId(out), kind: 'quote', speaker: null, anchor } : { id: newAnnotationId(out), kind: 'entity', type: chosen.label as Extract<Annotation, { kind: 'entity' }>['type'], name: null, anchor });
    }
  } else if (other && !out.some((x) => rejects(x, other))) {
    const [start, end] = other.fragments[0];
    out.push({ id: newAnnotationId(out), kind: isQuote(other) ? 'not-quote' : 'not-entity', anchor: annotate(text, start, end) });
  }
  return out;
}

/** Takes `side` of every disagreement that side can be taken for (Take All). */
export function takeAll(annotations: readonly Annotation[], text: string, items: ReadonlyArray<Pick<CurationItem, 'a' | 'b' | 'cannotTake'>>, side: Side): Annotation[] {
  return items.reduce<Annotation[]>((current, item) => takeSide(current, text, item, side), [...annotations]);
}
