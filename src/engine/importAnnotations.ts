/**
 * Importing annotations made elsewhere into a corpus's sidecars, shared by
 * `corpus-lens import` and the extension's Import command.
 *
 * Each annotation is read against the text it was made on (the brat `.txt` beside the
 * `.ann`, a JSON line's "text"), then found again in the corpus article by its words, with
 * the anchoring code the editor uses, so it lands right even when the copies differ a little.
 * Labels this version does not know are counted and reported, never dropped in silence.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { reanchor } from '../core/annotations/anchor';
import type { UserAnnotation } from '../core/annotations/annotations';
import { importBrat, importJsonLine, importW3c, readJsonRecords, recordFile, w3cItemsBySource, type ImportOptions, type ImportResult } from '../core/annotations/importFormats';
import { fileURLToPath } from 'url';
import { describeFsError, readArticleFile } from '../node/files';

export const IMPORT_FORMATS = ['brat', 'jsonl', 'w3c'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format of a source the user picked without naming one: a folder or `.ann` is brat, `.jsonl` JSON lines, else W3C. */
export function importFormatOf(source: string, isFolder: boolean): ImportFormat {
  return isFolder || /\.ann$/i.test(source) ? 'brat' : /\.jsonl$/i.test(source) ? 'jsonl' : 'w3c';
}

export interface CorpusArticle {
  /** Path relative to the corpus root, with forward slashes. */
  readonly rel: string;
  /** Its text now (an open editor's text in the extension). */
  readonly text: string;
}

export interface ImportPlan {
  /** New annotations per article (by `rel`), anchored in the article's current text. */
  readonly byArticle: Map<string, UserAnnotation[]>;
  readonly problems: string[];
  /** Labels not imported because this version does not know them, with how often they came. */
  readonly unknownLabels: Map<string, number>;
  /** Annotations read from the sources, before matching. */
  read: number;
}

/** The article a source names: the same relative path, else the only article with that file name. */
export function matchArticle(articles: readonly CorpusArticle[], named: string): CorpusArticle | string {
  const wanted = named.split(path.sep).join('/').replace(/^\.\//, '');
  const byPath = articles.find((a) => a.rel === wanted || wanted.endsWith(`/${a.rel}`));
  if (byPath) return byPath;
  const base = wanted.split('/').pop()!;
  const byName = articles.filter((a) => a.rel.split('/').pop() === base);
  if (byName.length === 1) return byName[0];
  return byName.length === 0 ? `no article of the corpus is named ${base}` : `${byName.length} articles of the corpus are named ${base} (${byName.map((a) => a.rel).slice(0, 3).join(', ')}); give the source the same folders as the corpus`;
}

/** Reads every SOURCE (files or folders) and plans what to add to which article. */
export async function planImport(format: ImportFormat, sources: readonly string[], articles: readonly CorpusArticle[], options: ImportOptions = {}): Promise<ImportPlan> {
  const plan: ImportPlan = { byArticle: new Map(), problems: [], unknownLabels: new Map(), read: 0 };
  const add = (source: string, article: CorpusArticle, result: ImportResult, madeOn: string) => {
    for (const [label, count] of Object.entries(result.unknownLabels)) plan.unknownLabels.set(label, (plan.unknownLabels.get(label) ?? 0) + count);
    for (const p of result.problems) if (!p.startsWith('unknown label "')) plan.problems.push(`${source}: ${p}`);
    plan.read += result.annotations.length;
    const list = plan.byArticle.get(article.rel) ?? [];
    for (const a of result.annotations) {
      const found = madeOn === article.text ? a.anchor : reanchor(a.anchor, article.text);
      if (!found) {
        plan.problems.push(`${source}: "${clip(a.anchor.exact)}" is not in ${article.rel} (the texts differ too much there); not imported`);
        continue;
      }
      list.push({ ...a, anchor: found } as UserAnnotation);
    }
    plan.byArticle.set(article.rel, list);
  };
  for (const source of sources) {
    let files: Array<{ file: string; rel: string }>;
    try {
      files = await sourceFiles(source, format);
    } catch (e) {
      plan.problems.push(`${source}: ${describeFsError(e)}`);
      continue;
    }
    if (files.length === 0) plan.problems.push(`${source}: no ${format === 'brat' ? '.ann' : format === 'jsonl' ? '.jsonl' : '.jsonld or .json'} files here`);
    for (const { file, rel } of files) {
      const content = await readText(file);
      if (!content.ok) {
        plan.problems.push(`${file}: ${content.message}`);
        continue;
      }
      if (format === 'brat') importBratFile(plan, add, file, rel, content.text, articles, await readText(file.replace(/\.ann$/i, '.txt')), options);
      else if (format === 'jsonl') importJsonLines(plan, add, file, content.text, articles, options);
      else importW3cFile(plan, add, file, content.text, articles, options);
    }
  }
  return plan;
}

type Add = (source: string, article: CorpusArticle, result: ImportResult, madeOn: string) => void;

function importBratFile(plan: ImportPlan, add: Add, file: string, rel: string, ann: string, articles: readonly CorpusArticle[], sourceText: { ok: true; text: string } | { ok: false; message: string }, options: ImportOptions): void {
  const article = matchArticle(articles, rel.replace(/\.ann$/i, '.txt'));
  if (typeof article === 'string') {
    plan.problems.push(`${file}: ${article}; skipped`);
    return;
  }
  // Offsets count in the .txt beside the .ann (as brat reads it); the importer maps them onto the article.
  add(file, article, importBrat(ann, article.text, { ...options, ...(sourceText.ok ? { bratText: sourceText.text } : {}) }), article.text);
}

function importJsonLines(plan: ImportPlan, add: Add, file: string, content: string, articles: readonly CorpusArticle[], options: ImportOptions): void {
  // JSON lines (ours, doccano, Prodigy) or one JSON array (Label Studio's export).
  const { records, problems } = readJsonRecords(content);
  for (const p of problems) plan.problems.push(`${file}: ${p}; skipped`);
  for (const { where, record } of records) {
    const named = recordFile(record);
    if (!named) {
      plan.problems.push(`${file}: ${where}: no "file" naming its article; skipped`);
      continue;
    }
    const article = matchArticle(articles, named);
    if (typeof article === 'string') {
      plan.problems.push(`${file}: ${where}: ${article}; skipped`);
      continue;
    }
    // Offsets are checked against the record's text, then placed in the article's.
    add(`${file}: ${where}`, article, importJsonLine(record, article.text, options), article.text);
  }
}

function importW3cFile(plan: ImportPlan, add: Add, file: string, content: string, articles: readonly CorpusArticle[], options: ImportOptions): void {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    plan.problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    return;
  }
  for (const [source, its] of w3cItemsBySource(doc)) {
    if (!source) {
      plan.problems.push(`${file}: ${its.length} annotation(s) without a target source; skipped`);
      continue;
    }
    let named = source;
    try {
      named = source.startsWith('file:') ? fileURLToPath(source) : decodeURIComponent(source);
    } catch {
      /* not a file URL: matched by its last part */
    }
    const article = matchArticle(articles, named);
    if (typeof article === 'string') {
      plan.problems.push(`${file}: ${source}: ${article}; skipped`);
      continue;
    }
    // The quote selector's words and context find the place, as in the editor.
    add(`${file}: ${source}`, article, importW3c(its, article.text, options), article.text);
  }
}

/** The files of one SOURCE argument, each with its path relative to the source folder. */
async function sourceFiles(source: string, format: ImportFormat): Promise<Array<{ file: string; rel: string }>> {
  const wanted = format === 'brat' ? /\.ann$/i : format === 'jsonl' ? /\.jsonl$/i : /\.json(ld)?$/i;
  const stat = await fs.stat(source);
  if (!stat.isDirectory()) return [{ file: source, rel: path.basename(source) }];
  const out: Array<{ file: string; rel: string }> = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && wanted.test(e.name)) out.push({ file: full, rel: path.relative(source, full).split(path.sep).join('/') });
    }
  };
  await walk(source);
  return out;
}

async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const read = await readArticleFile(file);
  return read.ok ? read : { ok: false, message: read.message.replace(`${file}: `, '') };
}

/** Adds imported annotations to a list, skipping those already there (the same kind on the same words). */
export function withImported(current: readonly UserAnnotation[], imported: readonly UserAnnotation[], newId: (existing: readonly UserAnnotation[]) => string): { annotations: UserAnnotation[]; added: number } {
  const out = [...current];
  let added = 0;
  for (const a of imported) {
    const key = annotationKey(a);
    if (out.some((o) => annotationKey(o) === key)) continue;
    out.push({ ...a, id: newId(out) });
    added++;
  }
  return { annotations: out, added };
}

function annotationKey(a: UserAnnotation): string {
  return JSON.stringify([a.kind, a.anchor.start, a.anchor.end, a.kind === 'entity' ? a.type : a.kind === 'quote' ? a.speaker : null]);
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}
