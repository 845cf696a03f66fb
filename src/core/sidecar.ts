/**
 * The sidecar: one human-readable JSON file per article holding what the user said
 * about it (metadata now; annotations and event overrides as they land).
 */
import type { ArticleMetadata } from './article';

export const SIDECAR_FORMAT = 'corpus-lens/article@1';
export const SIDECAR_FOLDER = '.corpus-lens';

export interface Sidecar {
  readonly format: typeof SIDECAR_FORMAT;
  /** The article's path relative to the corpus root, with forward slashes. */
  readonly file: string;
  readonly metadata: ArticleMetadata;
  /** An event the user moved this article to; null lets clustering decide. */
  readonly event: string | null;
  readonly annotations: readonly Record<string, unknown>[];
  /**
   * The user marked the article reviewed: its annotations are complete, so what is not
   * annotated there is not an entity (what training may read it as). Absent means not.
   */
  readonly reviewed?: boolean;
  /**
   * What this version does not know (top-level fields, and metadata keys other than title,
   * outlet, date and url), kept so that every rewrite writes it back unchanged.
   */
  readonly unknown?: { readonly fields?: Readonly<Record<string, unknown>>; readonly metadata?: Readonly<Record<string, unknown>> };
}

export type SidecarParse = { ok: true; sidecar: Sidecar } | { ok: false; error: string };

export function emptySidecar(file: string): Sidecar {
  return { format: SIDECAR_FORMAT, file, metadata: {}, event: null, annotations: [] };
}

/** The sidecar's path relative to the corpus root: `.corpus-lens/<article path>.json`. */
export function sidecarPathFor(articlePath: string): string {
  return `${SIDECAR_FOLDER}/${articlePath.replace(/\\/g, '/')}.json`;
}

const METADATA_KEYS = ['title', 'outlet', 'date', 'url'] as const;
const KNOWN_FIELDS = new Set(['format', 'file', 'metadata', 'event', 'annotations', 'reviewed']);

/** Parses and checks a sidecar; every problem is named so the user can fix the file by hand. */
export function parseSidecar(text: string): SidecarParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  if (!isObject(raw)) return { ok: false, error: 'expected a JSON object' };
  if (raw.format !== SIDECAR_FORMAT) return { ok: false, error: `"format" must be "${SIDECAR_FORMAT}"` };
  if (typeof raw.file !== 'string') return { ok: false, error: '"file" must be a string' };
  const metadata: ArticleMetadata = {};
  const unknownMetadata: Record<string, unknown> = {};
  if (raw.metadata !== undefined) {
    if (!isObject(raw.metadata)) return { ok: false, error: '"metadata" must be an object' };
    for (const [key, v] of Object.entries(raw.metadata)) if (!(METADATA_KEYS as readonly string[]).includes(key)) setOwn(unknownMetadata, key, v);
    for (const key of METADATA_KEYS) {
      const v = raw.metadata[key];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') return { ok: false, error: `"metadata.${key}" must be a string or null` };
      if (key === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ok: false, error: '"metadata.date" must be YYYY-MM-DD' };
      metadata[key] = v;
    }
  }
  const event = raw.event ?? null;
  if (event !== null && typeof event !== 'string') return { ok: false, error: '"event" must be a string or null' };
  const annotations = raw.annotations ?? [];
  if (!Array.isArray(annotations) || !annotations.every(isObject)) {
    return { ok: false, error: '"annotations" must be a list of objects' };
  }
  const reviewed = raw.reviewed ?? false;
  if (typeof reviewed !== 'boolean') return { ok: false, error: '"reviewed" must be true or false' };
  const unknownFields: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) if (!KNOWN_FIELDS.has(key)) setOwn(unknownFields, key, v);
  const unknown = {
    ...(Object.keys(unknownFields).length ? { fields: unknownFields } : {}),
    ...(Object.keys(unknownMetadata).length ? { metadata: unknownMetadata } : {}),
  };
  return { ok: true, sidecar: { format: SIDECAR_FORMAT, file: raw.file, metadata, event, annotations, ...(reviewed ? { reviewed } : {}), ...(Object.keys(unknown).length ? { unknown } : {}) } };
}

/** Stable key order and one field a line, so sidecars diff cleanly under version control. */
export function serializeSidecar(sidecar: Sidecar): string {
  const metadata: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) {
    const v = sidecar.metadata[key];
    if (v) metadata[key] = v;
  }
  // Unknown content follows the known, so a newer version's fields survive an older one's rewrite.
  for (const [key, v] of Object.entries(sidecar.unknown?.metadata ?? {})) if (!Object.hasOwn(metadata, key)) setOwn(metadata, key, v);
  const ordered: Record<string, unknown> = {
    format: SIDECAR_FORMAT,
    file: sidecar.file,
    metadata,
    event: sidecar.event,
    annotations: sidecar.annotations,
    // Written only when set, so the sidecars of unreviewed articles stay as they were.
    ...(sidecar.reviewed ? { reviewed: true } : {}),
  };
  for (const [key, v] of Object.entries(sidecar.unknown?.fields ?? {})) if (!Object.hasOwn(ordered, key)) setOwn(ordered, key, v);
  return JSON.stringify(ordered, null, 2) + '\n';
}

export function withReviewed(sidecar: Sidecar, reviewed: boolean): Sidecar {
  const { reviewed: _, ...rest } = sidecar;
  return reviewed ? { ...rest, reviewed: true } : rest;
}

export function withMetadata(sidecar: Sidecar, metadata: ArticleMetadata): Sidecar {
  return { ...sidecar, metadata: { ...sidecar.metadata, ...metadata } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets a field even when it is named "__proto__" (JSON allows any key; plain assignment would not keep it). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
