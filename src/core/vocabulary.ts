/**
 * The words every part of Corpus Lens shares: entity types and the kinds the editor colours,
 * which of them are dates, the labels users read, and how an article is named. One copy, so
 * the CLI, the worker, the editor and the export never disagree about them.
 */

/** What the recogniser (and a user's annotation) calls a mention. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'DATE' | 'TIME';

/** The subtype of MISC for nationality and group words (Chinese, South Korean). */
export type EntitySubtype = 'NORP';

/** The kinds the editor colours and the `corpusLens.decorations.entities` setting lists. */
export const ENTITY_KINDS = ['PER', 'ORG', 'LOC', 'GROUP', 'MISC', 'DATE'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * An article's identity: its URI in the editor and the worker, its path in the CLI. Every
 * map keyed by article, every `article` / `id` field of a mention or a quote, holds one.
 */
export type ArticleId = string;

/** Dates and times: resolved to days rather than names, never an event's name or a symbol. */
export function isTemporal(type: string): boolean {
  return type === 'DATE' || type === 'TIME';
}

/** A person, organisation, place or other name that names something: not a date, not a nationality. */
export function isNamingEntity(m: { readonly type: string; readonly subtype?: string }): boolean {
  return !isTemporal(m.type) && m.subtype !== 'NORP';
}

/** The kind a mention is coloured as: nationality words are groups, times are dates. */
export function entityKind(type: EntityType, subtype?: EntitySubtype): EntityKind {
  if (subtype === 'NORP') return 'GROUP';
  if (type === 'TIME') return 'DATE';
  return type;
}

const TYPE_LABELS: Record<EntityType, string> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other name', DATE: 'date', TIME: 'time' };

/** The label users read for a type: "person", "organisation", … */
export function typeLabel(type: EntityType, subtype?: EntitySubtype): string {
  if (subtype === 'NORP') return 'group (nationality)';
  return TYPE_LABELS[type] ?? type;
}

/** The file name in an article's URI, decoded ("001_ac19e9e0453ebfbc.txt"). */
export function articleFileName(uri: ArticleId): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** What a list shows for an article: its title, or its file name when it has none. */
export function titleOrFileName(title: string | null | undefined, id: ArticleId): string {
  return title || articleFileName(id);
}
