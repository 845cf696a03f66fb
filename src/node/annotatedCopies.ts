/**
 * Reads an annotated copy of some articles for agreement: a brat folder (`.ann` beside its
 * `.txt`) or a corpus whose annotations live in sidecars. Spans come back as JavaScript string
 * offsets into the article's text as read from disk, whatever the source counted in.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { LabelledSpan } from '../core/annotations/agreement';
import { readAnnotations, reanchorAnnotations } from '../core/annotations/annotations';
import { annotationSpans } from '../core/annotations/curation';
import { knownLabel } from '../core/annotations/importFormats';
import { fromCodePoints, universalNewlines } from '../core/export/text';
import { readBratSpans } from '../core/quotes/brat';
import { collectArticleFiles, describeFsError, findCorpusRoot, readArticleFile, readSidecar, walkFiles } from './files';

export interface AnnotatedArticle {
  /** The path below the copy's folder, without extension, with `/` separators: what pairs articles up. */
  readonly key: string;
  readonly file: string;
  readonly text: string;
  readonly spans: LabelledSpan[];
}

export interface AnnotatedCopy {
  readonly kind: 'brat' | 'corpus';
  readonly articles: AnnotatedArticle[];
  readonly problems: string[];
}

const keyOf = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/').replace(/\.[^./]*$/, '');

/** Labels other tools give our kinds ("Person", "Organisation") read as ours; others as written. */
const label = (raw: string) => knownLabel(raw) ?? raw;

/** A brat folder when it holds any `.ann` file, else a corpus of `.txt` articles with sidecars. */
export async function readAnnotatedCopy(folder: string): Promise<AnnotatedCopy> {
  const stat = await fs.stat(folder).catch((e: unknown) => new Error(`${folder}: ${describeFsError(e)}`));
  if (stat instanceof Error) return { kind: 'corpus', articles: [], problems: [stat.message] };
  if (!stat.isDirectory()) return { kind: 'corpus', articles: [], problems: [`${folder}: not a folder (give a brat folder or a corpus folder)`] };
  const anns = await walkFiles(folder, '.ann');
  return anns.length ? readBratCopy(folder, anns) : readCorpusCopy(folder);
}

async function readBratCopy(folder: string, anns: string[]): Promise<AnnotatedCopy> {
  const articles: AnnotatedArticle[] = [];
  const problems: string[] = [];
  for (const ann of anns) {
    const txt = ann.replace(/\.ann$/, '.txt');
    const read = await readArticleFile(txt);
    if (!read.ok) {
      problems.push(`${ann}: its text ${read.message}; skipped`);
      continue;
    }
    let content: string;
    try {
      content = await fs.readFile(ann, 'utf8');
    } catch (e) {
      problems.push(`${ann}: ${describeFsError(e)}; skipped`);
      continue;
    }
    // brat counts code points of the text read with universal newlines (no BOM, LF line ends).
    const normal = universalNewlines(read.text);
    const toIndex = fromCodePoints(normal.text);
    const at = (cp: number) => normal.toOriginal(toIndex(cp));
    const length = [...normal.text].length;
    const spans: LabelledSpan[] = [];
    let outside = 0;
    for (const s of readBratSpans(content).values()) {
      if (s.fragments.some(([a, b]) => b < a || b > length)) {
        outside++;
        continue;
      }
      spans.push({ label: label(s.label), fragments: s.fragments.map(([a, b]) => [at(a), at(b)] as const) });
    }
    if (outside) problems.push(`${ann}: ${outside} span${outside === 1 ? '' : 's'} outside the text; not compared`);
    articles.push({ key: keyOf(folder, ann), file: txt, text: read.text, spans });
  }
  return { kind: 'brat', articles, problems };
}

async function readCorpusCopy(folder: string): Promise<AnnotatedCopy> {
  const { files, errors } = await collectArticleFiles([folder]);
  const problems = [...errors];
  const articles: AnnotatedArticle[] = [];
  const root = (await findCorpusRoot(folder)) ?? folder;
  for (const file of files) {
    const read = await readArticleFile(file);
    if (!read.ok) {
      problems.push(`skipped ${read.message}`);
      continue;
    }
    const sidecar = await readSidecar(root, file);
    if (!sidecar.ok) {
      problems.push(`${sidecar.path}: ${sidecar.error}; its article counts as unannotated`);
      articles.push({ key: keyOf(folder, file), file, text: read.text, spans: [] });
      continue;
    }
    const { annotations, problems: found } = readAnnotations(sidecar.sidecar.annotations);
    problems.push(...found.map((p) => `${file}: sidecar ${p}`));
    const anchored = reanchorAnnotations(annotations, read.text);
    for (const a of anchored) if (a.orphaned) problems.push(`${file}: annotation ${a.id} lost its words (the text changed); not compared`);
    const spans = annotationSpans(anchored);
    articles.push({ key: keyOf(folder, file), file, text: read.text, spans });
  }
  return { kind: 'corpus', articles, problems };
}

/** Offsets in one copy of a text to offsets in another that differs from it only by line ends and a BOM. */
export function offsetsBetween(from: string, to: string): (offset: number) => number {
  if (from === to) return (o) => o;
  const f = universalNewlines(from);
  const t = universalNewlines(to);
  return (o) => t.toOriginal(f.toNormalised(o));
}

/** Whether two copies of an article have the same text (line ends and a BOM aside), so their offsets compare. */
export function sameText(a: string, b: string): boolean {
  return a === b || universalNewlines(a).text === universalNewlines(b).text;
}

export type Counterpart =
  | { readonly ok: true; readonly kind: AnnotatedCopy['kind']; readonly article: AnnotatedArticle; readonly problems: string[] }
  | { readonly ok: false; readonly message: string; readonly problems: string[] };

/**
 * Another annotator's copy of one article, found in `folder` (a brat folder or a corpus) as
 * `agreement` pairs articles: the same path below the folder (`key`), else the only file of the
 * same name. Its spans come back as offsets into `text`, the article's text here.
 */
export async function readCounterpart(folder: string, key: string, text: string): Promise<Counterpart> {
  const copy = await readAnnotatedCopy(folder);
  const base = path.posix.basename(key);
  const named = copy.articles.filter((x) => path.posix.basename(x.key) === base);
  const found = copy.articles.find((x) => x.key === key) ?? (named.length === 1 ? named[0] : undefined);
  if (!found) {
    const why = named.length > 1 ? `${named.length} files there are named ${base} and none is at ${key}` : `no article there is named ${base}`;
    return { ok: false, message: `${folder} has no copy of this article: ${why}${copy.kind === 'brat' ? ' (a brat folder holds NAME.txt and NAME.ann)' : ''}.`, problems: copy.problems };
  }
  if (!sameText(found.text, text)) return { ok: false, message: `${found.file}: its text differs from this article's, so its annotations cannot be compared.`, problems: copy.problems };
  const shift = offsetsBetween(found.text, text);
  const spans = found.spans.map((s) => ({ label: s.label, fragments: s.fragments.map(([p, q]) => [shift(p), shift(q)] as const) }));
  return { ok: true, kind: copy.kind, article: { ...found, text, spans }, problems: copy.problems.filter((p) => p.startsWith(found.file) || p.includes(`${found.key}.ann`)) };
}
