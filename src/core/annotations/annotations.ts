/**
 * User annotations, kept in the sidecar: entities the user marked (or unmarked), quotes they
 * marked, and speakers they set. They override the automatic results everywhere.
 */
import type { EntityMention, EntityType } from '../entities/mentions';
import type { Quote } from '../quotes/quotes';
import { makeAnchor, reanchor, shiftAnchorAll, type TextAnchor, type TextChange } from './anchor';

export type UserAnnotation =
  | { id: string; kind: 'entity'; type: EntityType; name: string | null; anchor: TextAnchor; orphaned?: boolean }
  | { id: string; kind: 'not-entity'; anchor: TextAnchor; orphaned?: boolean }
  | { id: string; kind: 'quote'; speaker: string | null; anchor: TextAnchor; orphaned?: boolean };

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME']);

/** Reads annotations from a sidecar; malformed entries are reported, never silently dropped. */
export function readAnnotations(raw: readonly Record<string, unknown>[]): { annotations: UserAnnotation[]; problems: string[] } {
  const annotations: UserAnnotation[] = [];
  const problems: string[] = [];
  raw.forEach((r, i) => {
    const a = r.anchor as Record<string, unknown> | undefined;
    const anchorOk = a && typeof a.start === 'number' && typeof a.end === 'number' && typeof a.exact === 'string' && typeof a.prefix === 'string' && typeof a.suffix === 'string' && a.start <= a.end;
    if (typeof r.id !== 'string' || !anchorOk) {
      problems.push(`annotation ${i + 1} needs an "id" and an "anchor" with start, end, exact, prefix and suffix`);
      return;
    }
    const anchor = a as unknown as TextAnchor;
    const orphaned = r.orphaned === true ? { orphaned: true } : {};
    if (r.kind === 'entity' && typeof r.type === 'string' && TYPES.has(r.type)) annotations.push({ id: r.id, kind: 'entity', type: r.type as EntityType, name: typeof r.name === 'string' ? r.name : null, anchor, ...orphaned });
    else if (r.kind === 'not-entity') annotations.push({ id: r.id, kind: 'not-entity', anchor, ...orphaned });
    else if (r.kind === 'quote') annotations.push({ id: r.id, kind: 'quote', speaker: typeof r.speaker === 'string' ? r.speaker : null, anchor, ...orphaned });
    else problems.push(`annotation ${r.id}: unknown kind or type`);
  });
  return { annotations, problems };
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

/** Automatic quotes with the user's on top: a marked quote replaces any it overlaps; its speaker wins. */
export function applyQuoteAnnotations(quotes: readonly Quote[], annotations: readonly UserAnnotation[]): Quote[] {
  const user = annotations.filter((a): a is Extract<UserAnnotation, { kind: 'quote' }> => a.kind === 'quote' && !a.orphaned);
  const out: Quote[] = quotes.filter((q) => !user.some((u) => overlaps(u.anchor, q)));
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
