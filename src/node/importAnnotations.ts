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
import { reanchor, type TextAnchor } from '../core/annotations/anchor';
import type { UserAnnotation } from '../core/annotations/annotations';
import { importBrat, importJsonLine, importW3c, type ImportResult } from '../core/annotations/importFormats';
import { fileURLToPath } from 'url';
import { describeFsError, readArticleFile } from './files';

export const IMPORT_FORMATS = ['brat', 'jsonl', 'w3c'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

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
export async function planImport(format: ImportFormat, sources: readonly string[], articles: readonly CorpusArticle[]): Promise<ImportPlan> {
  const plan: ImportPlan = { byArticle: new Map(), problems: [], unknownLabels: new Map(), read: 0 };
  const add = (source: string, article: CorpusArticle, result: ImportResult, madeOn: string) => {
    for (const p of result.problems) {
      const label = /unknown label "([^"]*)"/.exec(p)?.[1];
      const count = Number(/\((\d+) span/.exec(p)?.[1] ?? 1);
      if (label !== undefined) plan.unknownLabels.set(label, (plan.unknownLabels.get(label) ?? 0) + count);
      else plan.problems.push(`${source}: ${p}`);
    }
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
      if (format === 'brat') importBratFile(plan, add, file, rel, content.text, articles, await readText(file.replace(/\.ann$/i, '.txt')));
      else if (format === 'jsonl') importJsonLines(plan, add, file, content.text, articles);
      else importW3cFile(plan, add, file, content.text, articles);
    }
  }
  return plan;
}

type Add = (source: string, article: CorpusArticle, result: ImportResult, madeOn: string) => void;

function importBratFile(plan: ImportPlan, add: Add, file: string, rel: string, ann: string, articles: readonly CorpusArticle[], sourceText: { ok: true; text: string } | { ok: false; message: string }): void {
  const article = matchArticle(articles, rel.replace(/\.ann$/i, '.txt'));
  if (typeof article === 'string') {
    plan.problems.push(`${file}: ${article}; skipped`);
    return;
  }
  const madeOn = sourceText.ok ? sourceText.text : article.text;
  add(file, article, importBrat(ann, madeOn), madeOn);
}

function importJsonLines(plan: ImportPlan, add: Add, file: string, content: string, articles: readonly CorpusArticle[]): void {
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let record: { file?: unknown; text?: unknown; label?: unknown };
    try {
      record = JSON.parse(line);
    } catch {
      plan.problems.push(`${file}:${i + 1}: not valid JSON; line skipped`);
      return;
    }
    if (typeof record?.file !== 'string') {
      plan.problems.push(`${file}:${i + 1}: no "file" naming its article; line skipped`);
      return;
    }
    const article = matchArticle(articles, record.file);
    if (typeof article === 'string') {
      plan.problems.push(`${file}:${i + 1}: ${article}; line skipped`);
      return;
    }
    const madeOn = typeof record.text === 'string' ? record.text : article.text;
    // Offsets are checked against the text they were made on, then re-anchored.
    add(`${file}:${i + 1}`, article, importJsonLine({ ...record, text: madeOn }, madeOn), madeOn);
  });
}

interface W3cItem {
  body?: unknown;
  target?: { source?: unknown; selector?: unknown };
}

function importW3cFile(plan: ImportPlan, add: Add, file: string, content: string, articles: readonly CorpusArticle[]): void {
  let doc: { items?: unknown; first?: { items?: unknown } } & W3cItem;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    plan.problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    return;
  }
  const items = (Array.isArray(doc.first?.items) ? doc.first!.items : Array.isArray(doc.items) ? doc.items : Array.isArray(doc) ? doc : [doc]) as W3cItem[];
  const bySource = new Map<string, W3cItem[]>();
  for (const item of items) {
    const source = typeof item?.target?.source === 'string' ? item.target.source : '';
    bySource.set(source, [...(bySource.get(source) ?? []), item]);
  }
  for (const [source, its] of bySource) {
    if (!source) {
      plan.problems.push(`${file}: ${its.length} annotation(s) without a target source; skipped`);
      continue;
    }
    let named = source;
    try {
      if (source.startsWith('file:')) named = fileURLToPath(source);
    } catch {
      /* not a file URL: matched by its last part */
    }
    const article = matchArticle(articles, named);
    if (typeof article === 'string') {
      plan.problems.push(`${file}: ${source}: ${article}; skipped`);
      continue;
    }
    // The quote selector's words and context find the place, as in the editor.
    const result = importW3c(its as never[], article.text);
    const annotations = result.annotations.map((a) => {
      const item = its[Number(a.id.slice(1)) - 1];
      const quote = selectorsOf(item).find((s) => s?.type === 'TextQuoteSelector') as { exact?: string; prefix?: string; suffix?: string } | undefined;
      if (!quote?.exact) return a;
      const anchor: TextAnchor = { ...a.anchor, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' };
      const found = reanchor(anchor, article.text);
      return found ? ({ ...a, anchor: found } as UserAnnotation) : a;
    });
    const problems = result.problems.map((p) => {
      const index = /^item (\d+): no entity type or quote/.exec(p)?.[1];
      if (!index) return p;
      const label = labelOf(its[Number(index) - 1]);
      return `unknown label "${label}"`;
    });
    add(`${file}: ${source}`, article, { annotations, problems, origins: result.origins }, article.text);
  }
}

function selectorsOf(item: W3cItem | undefined): Array<{ type?: string } | undefined> {
  const s = item?.target?.selector;
  return (Array.isArray(s) ? s : [s]) as Array<{ type?: string } | undefined>;
}

function labelOf(item: W3cItem | undefined): string {
  const bodies = (Array.isArray(item?.body) ? item!.body : [item?.body]) as Array<{ value?: unknown; purpose?: string } | undefined>;
  const value = bodies.find((b) => b?.purpose === 'tagging')?.value ?? bodies[0]?.value;
  return typeof value === 'string' ? value : '(none)';
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
