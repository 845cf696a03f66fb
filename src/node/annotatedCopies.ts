/**
 * Reads an annotated copy of some articles for agreement: a brat folder (`.ann` beside its
 * `.txt`) or a corpus whose annotations live in sidecars. Spans come back as JavaScript string
 * offsets into the article's text as read from disk, whatever the source counted in.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { LabelledSpan } from '../core/annotations/agreement';
import { readAnnotations, reanchorAnnotations } from '../core/annotations/annotations';
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
    const spans: LabelledSpan[] = [];
    for (const a of reanchorAnnotations(annotations, read.text)) {
      if (a.orphaned) {
        problems.push(`${file}: annotation ${a.id} lost its words (the text changed); not compared`);
        continue;
      }
      if (a.kind === 'entity') spans.push({ label: a.type, fragments: [[a.anchor.start, a.anchor.end]] });
      else if (a.kind === 'quote') spans.push({ label: 'QUOTE', fragments: [[a.anchor.start, a.anchor.end]] });
    }
    articles.push({ key: keyOf(folder, file), file, text: read.text, spans });
  }
  return { kind: 'corpus', articles, problems };
}
