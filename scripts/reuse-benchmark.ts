// `npm run bench:reuse`: a PAN-style text-reuse benchmark built from the evaluation
// articles (../shared/eval/events), scored with PAN's character measures beside a plain
// 5-word-shingle baseline. Fixed seed; the source articles are split in two halves by a
// hash of their id ("tune" and "test"); both are reported. Nothing is written to the repo.
//   node dist/reuse-benchmark.js [--split tune|test|both] [--seed N] [--dump DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { splitSentences } from '../src/core/sentences';
import { findReuse, prepareFromText } from '../src/core/reuse/corpusReuse';
import { scorePlagdet, type GoldCase, type PlagdetScores } from '../src/core/reuse/plagdet';
import { shingleBaseline } from '../src/core/reuse/shingleBaseline';
import { hashString } from '../src/core/ner/hashing';

const root = path.resolve(__dirname, '..');
const events = path.join(root, '..', 'shared', 'eval', 'events');

interface Source {
  readonly id: string;
  readonly event: string;
  readonly title: string;
  readonly date: string | null;
  readonly paragraphs: string[];
}

function loadSources(): Source[] {
  const out: Source[] = [];
  for (const line of readFileSync(path.join(events, 'giveme5w1h-news-cluster.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const paragraphs = String(r.text ?? '').split(/\n+/).map((p: string) => p.trim()).filter((p: string) => p.split(/\s+/).length >= 6);
    out.push({ id: `g-${r.id}`, event: `g-${r.event_id}`, title: r.title ?? '', date: r.date_publish ? String(r.date_publish).slice(0, 10) : null, paragraphs });
  }
  for (const line of readFileSync(path.join(events, 'basil-articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const paragraphs = (r.paragraphs as string[]).map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 6);
    out.push({ id: `b-${r.uuid}`, event: `b-${r.triplet_uuid}`, title: r.title ?? '', date: r.date ?? null, paragraphs });
  }
  return out.filter((s) => s.paragraphs.join(' ').split(/\s+/).length >= 150);
}

/** mulberry32: a small fixed-seed generator, so the benchmark is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function publishedLine(iso: string, r: () => number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const forms = [
    `Published ${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y} ${10 + Math.floor(r() * 12)}:${String(Math.floor(r() * 60)).padStart(2, '0')}`,
    `Published: ${MONTHS[m - 1]} ${d}, ${y}`,
    `Updated ${iso}`,
    `Posted ${d} ${MONTHS[m - 1]} ${y}`,
  ];
  return forms[Math.floor(r() * forms.length)];
}

const FURNITURE = [
  'Share on Facebook Share on Twitter',
  'Subscribe now for unlimited access.',
  'Already subscribed? Log in',
  'More Must-Reads from TIME',
  'Read more:',
  'Sign up for our daily newsletter',
  'Contact us at letters@example.com',
  'Related Stories',
  '4 minute read',
  'Advertisement',
  'Copyright 2017. All rights reserved.',
  'Terms of Use | Privacy Policy',
];

function furniture(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(FURNITURE[Math.floor(r() * FURNITURE.length)]);
  return out;
}

interface Doc {
  id: string;
  text: string;
  date: string;
}

/** Writes an article as a file would hold it and returns the offsets of its paragraphs. */
function compose(title: string, date: string, paragraphs: string[], r: () => number, before: string[] = [], after: string[] = []): { text: string; spans: Array<[number, number]> } {
  let text = '';
  for (const line of before) text += `${line}\n\n`;
  text += `${title}\n\n${publishedLine(date, r)}\n\n`;
  const spans: Array<[number, number]> = [];
  for (const p of paragraphs) {
    spans.push([text.length, text.length + p.length]);
    text += `${p}\n\n`;
  }
  for (const line of after) text += `${line}\n`;
  return { text, spans };
}

type Obfuscation = 'verbatim' | 'light' | 'heavy' | 'rewritten';

/** Word-level edits of PAN's random obfuscation: replace, delete or insert a word, with house-style changes on top. */
function obfuscate(sentences: string[], kind: Obfuscation, vocabulary: string[], extra: string, r: () => number): string[] {
  const rate = { verbatim: 0, light: 0.05, heavy: 0.15, rewritten: 0.25 }[kind];
  let out = sentences.map((s) => {
    if (rate === 0) return s;
    let t = s.replace(/\bU\.S\./g, () => (r() < 0.5 ? 'US' : 'U.S.')).replace(/"([^"]*)"/g, (_, q: string) => (r() < 0.5 ? `“${q}”` : `"${q}"`));
    const words = t.split(' ');
    const edited: string[] = [];
    for (const w of words) {
      if (r() >= rate) {
        edited.push(w);
        continue;
      }
      const op = r();
      const v = vocabulary[Math.floor(r() * vocabulary.length)];
      if (op < 0.5) edited.push(v + (/[.,;:!?]$/.test(w) ? w.slice(-1) : ''));
      else if (op < 0.75) {
        if (/[.!?]$/.test(w)) edited.push(w);
      } else edited.push(w, v);
    }
    t = edited.join(' ');
    return t;
  });
  if (kind === 'rewritten' && out.length >= 2) {
    // Sentences reordered, one dropped or one added.
    const i = Math.floor(r() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
    if (out.length >= 4 && r() < 0.5) out.splice(1 + Math.floor(r() * (out.length - 2)), 1);
    else out.splice(1 + Math.floor(r() * (out.length - 1)), 0, extra);
  }
  if (kind === 'heavy' && out.length >= 4 && r() < 0.5) out.splice(1 + Math.floor(r() * (out.length - 2)), 1);
  out = out.filter(Boolean);
  return out;
}

interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

function sentencesOf(text: string, spans: Array<[number, number]>): Sentence[] {
  return spans.flatMap(([s, e], k) => splitSentences(text, s, e).map((x) => ({ text: text.slice(x.start, x.end), start: x.start, end: x.end, paragraph: k })));
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Articles that already share text (wire copy run by several outlets of one event) would be
 * unlabelled reuse: of each such pair only the first is kept. The test is the plain baseline's
 * (12 words in a row in common), not the detector under test.
 */
export function withoutNaturalReuse(sources: readonly Source[]): Source[] {
  const texts = sources.map((s) => ({ id: s.id, text: s.paragraphs.join('\n\n'), date: null }));
  const dropped = new Set<string>();
  for (const p of shingleBaseline(texts, 12)) if (!dropped.has(p.a.file)) dropped.add(p.b.file);
  return sources.filter((s) => !dropped.has(s.id));
}

export function buildBenchmark(pool: readonly Source[], seed: number): { docs: Doc[]; cases: GoldCase[] } {
  const r = rng(seed);
  const sources = withoutNaturalReuse(pool);
  const shuffled = sources.slice().sort((a, b) => hashString(`${seed}:${a.id}`) - hashString(`${seed}:${b.id}`));
  // Hosts lend their own text to the copies and are not in the corpus themselves.
  const hosts = shuffled.filter((_, i) => i % 2 === 1);
  const originals = shuffled.filter((_, i) => i % 2 === 0);
  const docs: Doc[] = [];
  const cases: GoldCase[] = [];
  const composed = originals.map((s, k) => {
    const date = s.date ?? addDays('2017-01-01', Math.floor(r() * 300));
    const c = compose(s.title, date, s.paragraphs, r, r() < 0.5 ? ['You are here'] : [], furniture(r, 2 + Math.floor(r() * 4)));
    const doc = { id: `orig-${String(k).padStart(4, '0')}.txt`, text: c.text, date };
    docs.push(doc);
    return { source: s, doc, spans: c.spans, sentences: sentencesOf(c.text, c.spans) };
  });
  // A source reprinted is not also pasted, and no two copies take overlapping sentences of
  // one source: the copies would share text with each other, reuse the gold does not list.
  const reprinted = new Set(composed.filter(() => r() < 0.3));
  const pasteable = composed.filter((c) => !reprinted.has(c));
  const used = new Map<(typeof composed)[number], Array<[number, number]>>();
  const kinds: Obfuscation[] = ['verbatim', 'light', 'heavy', 'rewritten'];
  hosts.forEach((host, h) => {
    const vocabulary = host.paragraphs.join(' ').split(/\s+/).filter((w) => /^[a-z]{3,}$/.test(w));
    const pasted: Array<{ from: (typeof composed)[number]; start: Sentence; end: Sentence; copy: string[]; kind: Obfuscation }> = [];
    const count = 1 + (r() < 0.4 ? 1 : 0);
    for (let n = 0; n < count; n++) {
      let from = pasteable[Math.floor(r() * pasteable.length)];
      for (let tries = 0; tries < 10 && (from.source.event === host.event || pasted.some((p) => p.from === from)); tries++) from = pasteable[Math.floor(r() * pasteable.length)];
      if (from.source.event === host.event || pasted.some((p) => p.from === from)) continue;
      const target = 50 + Math.floor(r() * 150);
      const first = Math.floor(r() * Math.max(1, from.sentences.length - 3));
      let last = first;
      let total = words(from.sentences[first].text);
      while (total < target && last + 1 < from.sentences.length) total += words(from.sentences[++last].text);
      if (total < 50 || total > 400) continue;
      // Words inside one quotation and nothing else are a shared quote, not reuse (issue #22):
      // a pasted run needs words of the writer's own around its quotes.
      const run = from.sentences.slice(first, last + 1).map((x) => x.text).join(' ');
      if (words(run.replace(/[“"][^”"]*[”"]/g, ' ')) < 10) continue;
      const taken = used.get(from) ?? [];
      if (taken.some(([x, y]) => first <= y && last >= x)) continue;
      taken.push([first, last]);
      used.set(from, taken);
      const kind = kinds[(h + n) % kinds.length];
      const extra = host.paragraphs[Math.floor(r() * host.paragraphs.length)];
      const copy = obfuscate(from.sentences.slice(first, last + 1).map((s) => s.text), kind, vocabulary.length ? vocabulary : ['word'], extra, r);
      pasted.push({ from, start: from.sentences[first], end: from.sentences[last], copy, kind });
    }
    if (!pasted.length) return;
    const latest = pasted.map((p) => p.from.doc.date).sort().pop()!;
    const date = addDays(latest, 1 + Math.floor(r() * 10));
    const paragraphs = host.paragraphs.slice();
    const inserts: Array<{ at: number; index: number }> = [];
    const placed: string[][] = paragraphs.map((p) => [p]);
    pasted.forEach((p, index) => {
      // Long copies are laid out as two paragraphs, as a sub-editor would.
      const half = p.copy.length >= 4 && r() < 0.5 ? Math.ceil(p.copy.length / 2) : p.copy.length;
      const block = [p.copy.slice(0, half).join(' '), p.copy.slice(half).join(' ')].filter(Boolean);
      const at = Math.floor(r() * (paragraphs.length + 1));
      inserts.push({ at, index });
      (placed[at - 1] ?? (placed[-1 as unknown as number] = [])).push(...block.map((b) => `\u0000${index}\u0000${b}`));
    });
    const lead = (placed[-1 as unknown as number] ?? []).concat();
    const flat = [...lead, ...placed.flat()];
    const marked = flat.map((p) => p.replace(/^\u0000\d+\u0000/, ''));
    const c = compose(host.title, date, marked, r, [], furniture(r, 1 + Math.floor(r() * 3)));
    const id = `copy-${String(h).padStart(4, '0')}.txt`;
    docs.push({ id, text: c.text, date });
    pasted.forEach((p, index) => {
      const mine = flat.map((x, k) => (x.startsWith(`\u0000${index}\u0000`) ? c.spans[k] : null)).filter((x): x is [number, number] => !!x);
      cases.push({
        source: { file: p.from.doc.id, start: p.start.start, end: p.end.end },
        copy: { file: id, start: mine[0][0], end: mine[mine.length - 1][1] },
        type: p.kind,
      });
    });
    void inserts;
  });
  // Reprints: a source whole or cut short, under a new headline with other furniture.
  composed.forEach((from, k) => {
    if (!reprinted.has(from)) return;
    const cut = r() < 0.5;
    const keep = cut ? Math.max(2, Math.ceil(from.source.paragraphs.length * (0.4 + r() * 0.4))) : from.source.paragraphs.length;
    const paragraphs = from.source.paragraphs.slice(0, keep);
    if (words(paragraphs.join(' ')) < 50) return;
    const date = addDays(from.doc.date, 1 + Math.floor(r() * 5));
    const headline = `${hosts[k % hosts.length].title.split(' ').slice(0, 4).join(' ')}: ${from.source.title.split(' ').slice(0, 6).join(' ')}`;
    const c = compose(headline, date, paragraphs, r, r() < 0.5 ? ['News / World'] : ['Home > World'], furniture(r, 2 + Math.floor(r() * 3)));
    const id = `reprint-${String(k).padStart(4, '0')}.txt`;
    docs.push({ id, text: c.text, date });
    cases.push({
      source: { file: from.doc.id, start: from.spans[0][0], end: from.spans[keep - 1][1] },
      copy: { file: id, start: c.spans[0][0], end: c.spans[c.spans.length - 1][1] },
      type: cut ? 'reprint-cut' : 'reprint',
    });
  });
  return { docs, cases };
}

function scoreSplit(name: string, sources: readonly Source[], seed: number, dump?: string): { ours: PlagdetScores; baseline: PlagdetScores } {
  const { docs, cases } = buildBenchmark(sources, seed);
  if (dump) {
    mkdirSync(path.join(dump, name), { recursive: true });
    for (const d of docs) writeFileSync(path.join(dump, name, d.id), d.text);
    writeFileSync(path.join(dump, name, 'cases.json'), JSON.stringify(cases, null, 1));
  }
  const prepared = docs.map((d) => prepareFromText(d.id, d.text));
  const datesRead = prepared.filter((p, i) => p.date === docs[i].date).length;
  const t0 = performance.now();
  const ours = scorePlagdet(cases, findReuse(prepared));
  const oursMs = performance.now() - t0;
  const t1 = performance.now();
  const baseline = scorePlagdet(cases, shingleBaseline(prepared.map((p) => ({ id: p.id, text: p.text, date: p.date }))));
  const baseMs = performance.now() - t1;
  process.stderr.write(`${name}: ${docs.length} articles, ${cases.length} cases, dates read ${datesRead}/${docs.length}; reuse ${Math.round(oursMs)} ms, baseline ${Math.round(baseMs)} ms\n`);
  return { ours, baseline };
}

function main(): void {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'both' }, seed: { type: 'string', default: '22' }, dump: { type: 'string' } }, strict: true });
  const all = loadSources();
  const half = (s: Source) => ((hashString(s.id) >>> 0) % 2 === 0 ? 'tune' : 'test');
  const splits = values.split === 'both' ? ['tune', 'test'] : [values.split!];
  const rows: Record<string, unknown> = {};
  for (const split of splits) {
    const result = scoreSplit(split, all.filter((s) => half(s) === split), Number(values.seed), values.dump);
    rows[split] = result;
    const fmt = (s: PlagdetScores) =>
      `plagdet ${s.plagdet.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  gran ${s.granularity.toFixed(3)}  direction ${(s.direction * 100).toFixed(1)}%  (${s.detections} detections)\n      recall by type: ${Object.entries(s.recallByType).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`;
    console.log(`[${split}] ${result.ours.cases} cases`);
    console.log(`  reuse     ${fmt(result.ours)}`);
    console.log(`  baseline  ${fmt(result.baseline)}`);
  }
  mkdirSync(path.join(root, 'test-output'), { recursive: true });
  writeFileSync(path.join(root, 'test-output', 'reuse-benchmark.json'), JSON.stringify(rows, null, 1));
}

main();
