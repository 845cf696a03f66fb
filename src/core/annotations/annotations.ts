/**
 * User annotations, kept in the sidecar: entities the user marked (or unmarked), quotes they
 * marked, and speakers they set. They override the automatic results everywhere.
 */
import type { EntityMention, EntityType } from '../entities/mentions';
import type { Quote } from '../quotes/quotes';
import { makeAnchor, reanchor, shiftAnchorAll, type TextAnchor, type TextChange } from './anchor';

/**
 * How an annotation came about in review: an automatic result the user *accepted* as it was,
 * or one they *corrected* (type, span, speaker). Absent: the user made it (or imported it).
 * Rejections are `not-entity` / `not-quote` annotations.
 */
export type Decision = 'accepted' | 'corrected';
const DECISIONS = new Set(['accepted', 'corrected']);

export type UserAnnotation =
  | { id: string; kind: 'entity'; type: EntityType; name: string | null; anchor: TextAnchor; orphaned?: boolean; decision?: Decision }
  | { id: string; kind: 'not-entity'; anchor: TextAnchor; orphaned?: boolean }
  | { id: string; kind: 'quote'; speaker: string | null; anchor: TextAnchor; orphaned?: boolean; decision?: Decision }
  | { id: string; kind: 'not-quote'; anchor: TextAnchor; orphaned?: boolean };

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME']);

/** The fields this version reads; any other field of an annotation rides along unchanged. */
const KNOWN_FIELDS = new Set(['id', 'kind', 'type', 'name', 'speaker', 'anchor', 'orphaned', 'decision']);

export interface ReadAnnotations {
  readonly annotations: UserAnnotation[];
  /** Why some records could not be used; each is named so the user can fix the file. */
  readonly problems: string[];
  /**
   * Records this version cannot use (kinds it does not know, like "relation", or damaged
   * ones): never applied, always written back as they were.
   */
  readonly keptAside: Record<string, unknown>[];
}

/** A stored offset is usable only as a whole, non-negative character position. */
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Reads annotations from a sidecar; malformed entries are reported and kept, never silently dropped. */
export function readAnnotations(raw: readonly Record<string, unknown>[]): ReadAnnotations {
  const annotations: UserAnnotation[] = [];
  const problems: string[] = [];
  const keptAside: Record<string, unknown>[] = [];
  raw.forEach((r, i) => {
    const a = r.anchor as Record<string, unknown> | undefined;
    const anchorOk = a && typeof a === 'object' && isOffset(a.start) && isOffset(a.end) && typeof a.exact === 'string' && typeof a.prefix === 'string' && typeof a.suffix === 'string' && a.start <= a.end;
    if (typeof r.id !== 'string' || !anchorOk) {
      problems.push(`annotation ${i + 1} needs an "id" and an "anchor" with start, end (whole numbers, start ≤ end), exact, prefix and suffix`);
      keptAside.push(r);
      return;
    }
    const anchor = a as unknown as TextAnchor;
    const extra: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(r)) if (!KNOWN_FIELDS.has(key)) Object.defineProperty(extra, key, { value: v, enumerable: true, writable: true, configurable: true });
    const orphaned = r.orphaned === true ? { orphaned: true } : {};
    // A decision this version does not know rides along unchanged; a known one is used.
    const decision = typeof r.decision === 'string' && DECISIONS.has(r.decision) ? { decision: r.decision as Decision } : {};
    if (r.decision !== undefined && !('decision' in decision)) Object.defineProperty(extra, 'decision', { value: r.decision, enumerable: true, writable: true, configurable: true });
    if (r.kind === 'entity' && typeof r.type === 'string' && TYPES.has(r.type)) annotations.push({ ...extra, id: r.id, kind: 'entity', type: r.type as EntityType, name: typeof r.name === 'string' ? r.name : null, anchor, ...orphaned, ...decision });
    else if (r.kind === 'not-entity') annotations.push({ ...extra, id: r.id, kind: 'not-entity', anchor, ...orphaned });
    else if (r.kind === 'quote') annotations.push({ ...extra, id: r.id, kind: 'quote', speaker: typeof r.speaker === 'string' ? r.speaker : null, anchor, ...orphaned, ...decision });
    else if (r.kind === 'not-quote') annotations.push({ ...extra, id: r.id, kind: 'not-quote', anchor, ...orphaned });
    else {
      problems.push(`annotation ${r.id}: kind "${String(r.kind)}"${r.kind === 'entity' ? ` with type "${String(r.type)}"` : ''} is not one this version knows (kept in the sidecar, not applied)`);
      keptAside.push(r);
    }
  });
  return { annotations, problems, keptAside };
}

/**
 * The sidecar's "annotations" list: the ones in use (their unknown fields included, since
 * they ride on the objects) followed by those kept aside, unchanged.
 */
export function toSidecarAnnotations(annotations: readonly UserAnnotation[], keptAside: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return [...(annotations as unknown as Record<string, unknown>[]), ...keptAside];
}

/**
 * Whether two annotations (or lists of them, or sidecar records) say the same: compared field
 * by field, so the order keys were written in does not matter and every field counts, the
 * ones this version does not read too. A field set to `undefined` is a field left out (as in
 * the sidecar's JSON). Lists compare in order.
 */
export function sameAnnotations(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameAnnotations(x, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = (r: Record<string, unknown>) => Object.keys(r).filter((k) => r[k] !== undefined);
  const ka = keys(ra);
  return ka.length === keys(rb).length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameAnnotations(ra[k], rb[k]));
}

/**
 * What to write when the sidecar on disk may have changed since we read it (another window,
 * the CLI): our additions, changes and deletions applied to what is there now, so theirs are
 * kept too. `base` is what we read last, `mine` what we hold now, `theirs` what is on disk.
 * An id both sides added anew is renumbered on our side.
 */
export function mergeAnnotationRecords(base: readonly Record<string, unknown>[], mine: readonly Record<string, unknown>[], theirs: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const idOf = (r: Record<string, unknown>) => (typeof r.id === 'string' ? r.id : undefined);
  const same = sameAnnotations;
  const baseById = new Map(base.flatMap((r) => (idOf(r) ? [[idOf(r)!, r] as const] : [])));
  const mineById = new Map(mine.flatMap((r) => (idOf(r) ? [[idOf(r)!, r] as const] : [])));
  const out: Record<string, unknown>[] = [];
  const taken = new Set<string>();
  for (const t of theirs) {
    const id = idOf(t);
    if (!id) {
      // Records without an id cannot be told apart: theirs stay unless we hold the same one.
      out.push(t);
      continue;
    }
    const b = baseById.get(id);
    const m = mineById.get(id);
    if (b && !m) {
      // We deleted it; if they changed it meanwhile, their change wins over our deletion.
      if (!same(b, t)) {
        out.push(t);
        taken.add(id);
      }
      continue;
    }
    if (b && m) out.push(same(m, b) ? t : m);
    else out.push(t);
    taken.add(id);
  }
  for (const m of mine) {
    const id = idOf(m);
    if (id && baseById.has(id)) continue; // already placed (or deleted by them, unchanged by us)
    if (!id) {
      if (!out.some((o) => same(o, m))) out.push(m);
      continue;
    }
    if (taken.has(id)) {
      let n = out.length + 1;
      while (taken.has(`a${n}`) || mineById.has(`a${n}`)) n++;
      out.push({ ...m, id: `a${n}` });
      taken.add(`a${n}`);
    } else {
      out.push(m);
      taken.add(id);
    }
  }
  return out;
}

export function newAnnotationId(existing: readonly UserAnnotation[]): string {
  let n = existing.length + 1;
  while (existing.some((a) => a.id === `a${n}`)) n++;
  return `a${n}`;
}

export function annotate(text: string, start: number, end: number): TextAnchor {
  return makeAnchor(text, start, end);
}

/** After edits in the editor: every annotation shifted exactly, or orphaned if its words changed. */
export function shiftAnnotations(annotations: readonly UserAnnotation[], changes: readonly TextChange[]): UserAnnotation[] {
  return annotations.map((a) => {
    if (a.orphaned) return a;
    const anchor = shiftAnchorAll(a.anchor, changes);
    return anchor ? { ...a, anchor } : { ...a, orphaned: true };
  });
}

/** After edits made elsewhere: every annotation found again by its words, or orphaned. */
export function reanchorAnnotations(annotations: readonly UserAnnotation[], text: string): UserAnnotation[] {
  return annotations.map((a) => {
    const anchor = reanchor(a.anchor, text);
    if (!anchor) return { ...a, orphaned: true };
    const { orphaned: _, ...rest } = a;
    return { ...rest, anchor } as UserAnnotation;
  });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Automatic mentions with the user's word on top: marked entities replace, unmarked ones go. */
export function applyEntityAnnotations(mentions: readonly EntityMention[], annotations: readonly UserAnnotation[]): EntityMention[] {
  const live = annotations.filter((a) => !a.orphaned);
  const user = live.filter((a): a is Extract<UserAnnotation, { kind: 'entity' }> => a.kind === 'entity');
  const removed = live.filter((a) => a.kind === 'not-entity');
  const kept = mentions.filter((m) => !user.some((u) => overlaps(u.anchor, m)) && !removed.some((r) => overlaps(r.anchor, m)));
  const added: EntityMention[] = user.map((u) => ({ start: u.anchor.start, end: u.anchor.end, text: u.anchor.exact, type: u.type, ...(u.name ? { name: u.name } : {}) }));
  return [...kept, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Automatic quotes with the user's on top: a marked quote replaces any it overlaps; its speaker
 * wins. A rejected quote (`not-quote`) removes the automatic quotes it overlaps.
 */
export function applyQuoteAnnotations(quotes: readonly Quote[], annotations: readonly UserAnnotation[]): Quote[] {
  const user = annotations.filter((a): a is Extract<UserAnnotation, { kind: 'quote' }> => a.kind === 'quote' && !a.orphaned);
  const rejected = annotations.filter((a) => a.kind === 'not-quote' && !a.orphaned);
  const out: Quote[] = quotes.filter((q) => !user.some((u) => overlaps(u.anchor, q)) && !rejected.some((r) => overlaps(r.anchor, q)));
  for (const u of user) {
    const automatic = quotes.find((q) => overlaps(u.anchor, q));
    out.push({
      start: u.anchor.start,
      end: u.anchor.end,
      text: u.anchor.exact,
      // The user says these words are someone's statement: listed as one wherever quotes are.
      kind: 'direct',
      cue: automatic?.cue ?? null,
      // The automatic speaker's mention stays only if the user named the same speaker; another
      // name would otherwise go on showing the old mention ("Wang Yi") beside the new one.
      speaker: u.speaker
        ? automatic?.speaker && automatic.speaker.name === u.speaker
          ? automatic.speaker
          : { start: u.anchor.start, end: u.anchor.start, text: u.speaker, name: u.speaker }
        : (automatic?.speaker ?? null),
      speakerMention: u.speaker ? null : (automatic?.speakerMention ?? null),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
