/**
 * Entities as a user sees them on a real corpus: the evaluation sets written as folders of
 * `.txt` files and run through the very command `corpus-lens entities` runs.
 *
 * - Giveme5W1H (383 articles, title + text): junk mentions as a share of non-date mentions,
 *   and person mentions tied to a multi-word canonical name that appears nowhere in their
 *   gold event (an unrelated merge).
 * - CoNLL-2003 (each -DOCSTART- document a file, tokens joined by spaces, a sentence a line):
 *   exact-span-and-type F1 of the `entities` output, beside the per-document F1 of `ner --conll`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { entitiesCommand } from '../src/cli/entitiesCommand';
import type { Cli } from '../src/cli/io';
import { chunks, readConllItems, scoreChunks, toDocuments, type ConllDocument } from '../src/core/ner/conll';
import type { Recognizer } from '../src/core/ner/recognizer';
import { isTemporal } from '../src/core/vocabulary';

const shared = path.join(__dirname, '..', '..', 'shared', 'eval');

export interface OutputEntity {
  start: number;
  end: number;
  text: string;
  type: string;
  entityId: string | null;
}

/** `corpus-lens entities DIR` in process: its JSON lines by file name. */
export async function runEntitiesCommand(dir: string, options: readonly string[] = []): Promise<Map<string, OutputEntity[]>> {
  const lines: string[] = [];
  const cli: Cli = { out: (t) => lines.push(t), warn: () => undefined, usage: () => 2 };
  // Never the on-disk cache: the figures are this build's analysis (the cache's version hashes the
  // calling bundle, while the pool's workers run dist/stageWorker.js as last built).
  await entitiesCommand.invoke(cli, ['--no-cache', ...options, dir]);
  const out = new Map<string, OutputEntity[]>();
  for (const l of lines) {
    const row = JSON.parse(l) as { file: string; entities: OutputEntity[] };
    out.set(path.basename(row.file), row.entities);
  }
  return out;
}

// ---- Junk -------------------------------------------------------------------------------

/**
 * Closed-class English words: determiners, pronouns, wh-words, prepositions, conjunctions,
 * auxiliaries and modals. A mention that is one of these, or that starts or ends with one,
 * is not a name. "The" may open a name ("The Hague"), so it is only junk alone or at the end.
 */
const FUNCTION_WORDS = new Set(
  `a an the this that these those some any each every all both either neither no another such
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  myself yourself himself herself itself ourselves themselves
  who whom whose which what when where why how whether
  and or but nor so yet if then than because although though while unless since
  of in on at by for with from to into onto over under about after before between through during
  against among within without upon via per
  is are was were be been being am has have had having do does did doing
  will would shall should can could may might must
  not also just very there here`.split(/\s+/),
);

/** Verbs that glue to a name in a badly cut mention ("Google has", "Musk said"). */
const VERB_WORDS = new Set(
  `has have had is are was were said says say told tells announced announces promised promises
  claimed claims warned warns added adds revealed reveals confirmed confirms reported reports
  wrote writes called calls asked asks denied denies agreed agrees plans planned wants wanted`.split(/\s+/),
);

export type JunkKind = 'punctuation' | 'function word' | 'fragment';

/** Why a mention is junk, or null when it is a plausible name. */
export function junkKind(text: string): JunkKind | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'punctuation';
  const words = text.split(/\s+/).filter(Boolean);
  // A two-letter word in capitals is an acronym ("US", "IS"), and a capitalised modal that
  // ends a name is a surname ("Theresa May"): neither is the function word it spells.
  const lower = words.map((w, i) => {
    const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (/^\p{Lu}{2}$/u.test(bare)) return bare;
    if (i > 0 && i === words.length - 1 && /^(?:May|Will|Can)$/.test(bare)) return bare;
    return bare.toLowerCase();
  });
  if (/^['’]s$/i.test(text.trim())) return 'function word';
  if (words.length === 1 && FUNCTION_WORDS.has(lower[0])) return 'function word';
  if (/[()[\]{}]/.test(text)) return 'fragment';
  if (words.length > 1) {
    if (FUNCTION_WORDS.has(lower[lower.length - 1])) return 'fragment';
    if (lower[0] !== 'the' && FUNCTION_WORDS.has(lower[0])) return 'fragment';
    if (lower.some((w) => VERB_WORDS.has(w))) return 'fragment';
  }
  return null;
}

// ---- Giveme5W1H ---------------------------------------------------------------------------

export interface GivemeRow {
  id: string;
  event_id: number;
  title: string;
  text: string;
}

export function readGiveme(): GivemeRow[] {
  return readFileSync(path.join(shared, 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GivemeRow);
}

export interface GivemeReport {
  articles: number;
  nonDateMentions: number;
  junk: number;
  junkByKind: Record<JunkKind, number>;
  junkExamples: Array<[string, number]>;
  /** Person mentions whose multi-word canonical name is written nowhere in their gold event. */
  unrelatedPersonMerges: number;
  mergeExamples: Array<[string, string, number]>;
  /** Mentions of the most frequent surface forms (to spot a word propagated everywhere). */
  topForms: Array<[string, number]>;
}

/** Lower case, every run of non-letters one space: how entity ids spell names. */
function fold(s: string): string {
  return ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

export async function evaluateGiveme(): Promise<GivemeReport> {
  const rows = readGiveme();
  const dir = mkdtempSync(path.join(tmpdir(), 'giveme-corpus-'));
  try {
    const fileOf = (i: number) => `${String(i).padStart(3, '0')}.txt`;
    rows.forEach((r, i) => writeFileSync(path.join(dir, fileOf(i)), `${r.title}\n\n${r.text}\n`));
    const output = await runEntitiesCommand(dir);
    const eventText = new Map<number, string>();
    for (const r of rows) eventText.set(r.event_id, (eventText.get(r.event_id) ?? '') + '\n' + fold(`${r.title}\n${r.text}`));
    const report: GivemeReport = { articles: rows.length, nonDateMentions: 0, junk: 0, junkByKind: { punctuation: 0, 'function word': 0, fragment: 0 }, junkExamples: [], unrelatedPersonMerges: 0, mergeExamples: [], topForms: [] };
    const junkCounts = new Map<string, number>();
    const mergeCounts = new Map<string, number>();
    const forms = new Map<string, number>();
    const canonicalOf = (id: string) => id.replace(/^[A-Z]+:/, '');
    rows.forEach((r, i) => {
      for (const e of output.get(fileOf(i)) ?? []) {
        if (isTemporal(e.type)) continue;
        report.nonDateMentions++;
        forms.set(e.text, (forms.get(e.text) ?? 0) + 1);
        const kind = junkKind(e.text);
        if (kind) {
          report.junk++;
          report.junkByKind[kind]++;
          junkCounts.set(e.text, (junkCounts.get(e.text) ?? 0) + 1);
        }
        if (e.type !== 'PER' || !e.entityId) continue;
        // The entity's slug says which words its canonical name has; its fullest surface form gives them back.
        const slugWords = canonicalOf(e.entityId).replace(/-\d+$/, '').split('-').filter(Boolean);
        if (slugWords.length < 2) continue;
        const full = slugWords.join(' ');
        if (eventText.get(r.event_id)!.includes(` ${full} `)) continue;
        report.unrelatedPersonMerges++;
        const key = `${e.text}\u0000${full}`;
        mergeCounts.set(key, (mergeCounts.get(key) ?? 0) + 1);
      }
    });
    report.junkExamples = [...junkCounts].sort((a, b) => b[1] - a[1]).slice(0, 40);
    report.mergeExamples = [...mergeCounts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, n]) => [...(k.split('\u0000') as [string, string]), n]);
    report.topForms = [...forms].sort((a, b) => b[1] - a[1]).slice(0, 25);
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- CoNLL as a corpus ------------------------------------------------------------------

export interface ConllCorpusReport {
  documents: number;
  corpus: ReturnType<typeof scoreChunks>;
  perDocument: ReturnType<typeof scoreChunks>;
  /** Most frequent false positives of the corpus run, by surface form. */
  falsePositives: Array<[string, number]>;
}

const NAME_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

export function readConll(file: string): ConllDocument[] {
  return toDocuments(readConllItems(readFileSync(path.join(shared, 'ner', file), 'utf8')));
}

/**
 * `fold` keeps fold k of 5 of the file (every fifth document from the k-th, as
 * `NER_FOLD=k npm run train:ner` holds out); `modelFile` is the model `entities` runs with
 * (`--model`), the one `recognizer` should be too.
 */
export async function evaluateConllCorpus(recognizer: Recognizer, file = 'conll2003-eng.testa', options: { fold?: number; modelFile?: string } = {}): Promise<ConllCorpusReport> {
  const all = readConll(file);
  const docs = options.fold === undefined ? all : all.filter((_, i) => i % 5 === options.fold);
  const dir = mkdtempSync(path.join(tmpdir(), 'conll-corpus-'));
  try {
    const fileOf = (i: number) => `${String(i).padStart(4, '0')}.txt`;
    // Character offsets of each gold chunk in the written file, as `start:end:type`.
    const goldSpans: Array<Set<string>> = [];
    const tokenOffsets: Array<Array<Array<[number, number]>>> = [];
    docs.forEach((d, i) => {
      let text = '';
      const offsets: Array<Array<[number, number]>> = [];
      for (const s of d.sentences) {
        const row: Array<[number, number]> = [];
        s.tokens.forEach((t, k) => {
          if (k > 0) text += ' ';
          row.push([text.length, text.length + t.word.length]);
          text += t.word;
        });
        text += '\n';
        offsets.push(row);
      }
      writeFileSync(path.join(dir, fileOf(i)), text);
      tokenOffsets.push(offsets);
      const spans = new Set<string>();
      d.sentences.forEach((s, k) => {
        for (const c of chunks(s.tokens.map((t) => t.gold))) spans.add(`${offsets[k][c.start][0]}:${offsets[k][c.end - 1][1]}:${c.type}`);
      });
      goldSpans.push(spans);
    });
    const output = await runEntitiesCommand(dir, options.modelFile ? ['--model', options.modelFile] : []);
    let correct = 0;
    let predictedCount = 0;
    let goldCount = 0;
    const fp = new Map<string, number>();
    const byType = new Map<string, { correct: number; predicted: number; gold: number }>();
    const bucket = (t: string) => byType.get(t) ?? byType.set(t, { correct: 0, predicted: 0, gold: 0 }).get(t)!;
    docs.forEach((_, i) => {
      const gold = goldSpans[i];
      for (const g of gold) bucket(g.split(':')[2]).gold++;
      goldCount += gold.size;
      const seen = new Set<string>();
      for (const e of output.get(fileOf(i)) ?? []) {
        if (!NAME_TYPES.has(e.type)) continue;
        const key = `${e.start}:${e.end}:${e.type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        predictedCount++;
        bucket(e.type).predicted++;
        if (gold.has(key)) {
          correct++;
          bucket(e.type).correct++;
        } else fp.set(e.text, (fp.get(e.text) ?? 0) + 1);
      }
    });
    const prf = (c: number, p: number, g: number) => {
      const precision = p ? c / p : 0;
      const recall = g ? c / g : 0;
      return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, correct: c, predicted: p, gold: g };
    };
    const corpus = { overall: prf(correct, predictedCount, goldCount), byType: Object.fromEntries([...byType].sort().map(([t, b]) => [t, prf(b.correct, b.predicted, b.gold)])) } as unknown as ReturnType<typeof scoreChunks>;
    const gold: string[][] = [];
    const predicted: string[][] = [];
    for (const d of docs) {
      const tags = recognizer.tagDocument(d.sentences.map((s) => s.tokens.map((t) => t.word)));
      d.sentences.forEach((s, k) => {
        gold.push(s.tokens.map((t) => t.gold));
        predicted.push(tags[k]);
      });
    }
    return { documents: docs.length, corpus, perDocument: scoreChunks(gold, predicted), falsePositives: [...fp].sort((a, b) => b[1] - a[1]).slice(0, 30) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
