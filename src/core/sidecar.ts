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
  if (raw.metadata !== undefined) {
    if (!isObject(raw.metadata)) return { ok: false, error: '"metadata" must be an object' };
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
  return { ok: true, sidecar: { format: SIDECAR_FORMAT, file: raw.file, metadata, event, annotations } };
}

/** Stable key order and one field a line, so sidecars diff cleanly under version control. */
export function serializeSidecar(sidecar: Sidecar): string {
  const metadata: Record<string, string> = {};
  for (const key of METADATA_KEYS) {
    const v = sidecar.metadata[key];
    if (v) metadata[key] = v;
  }
  const ordered = {
    format: SIDECAR_FORMAT,
    file: sidecar.file,
    metadata,
    event: sidecar.event,
    annotations: sidecar.annotations,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

export function withMetadata(sidecar: Sidecar, metadata: ArticleMetadata): Sidecar {
  return { ...sidecar, metadata: { ...sidecar.metadata, ...metadata } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
