/**
 * `corpus-lens agreement A B [--json]`: how well two annotators agree on the same articles.
 * A and B are brat folders (`.ann` beside `.txt`) or corpora with sidecars; articles pair up
 * by their path below each folder, else by file name when that is unique on both sides.
 */
import * as path from 'path';
import { measureAgreement, type AgreementReport, type AnnotatedPair } from '../core/annotations/agreement';
import { offsetsBetween, readAnnotatedCopy, sameText, type AnnotatedArticle } from '../node/annotatedCopies';
import { defineCommand } from './command';
import type { Cli } from './io';

export const agreementCommand = defineCommand({
  name: 'agreement',
  synopsis: 'agreement A B [--json]',
  summary: "agreement of annotator B with annotator A: precision,\nrecall, F1 per label, Cohen's kappa over tokens",
  options: {
    json: { type: 'boolean', description: 'print {"f1", "kappa", "labels", "disagreements", …} as one JSON object' },
  },
  positionals: { min: 2, max: 2, name: 'folders A and B' },
  async run(cli, { values, positionals }) {
    const [a, b] = await Promise.all(positionals.map((p) => readAnnotatedCopy(p)));
    for (const p of [...a.problems, ...b.problems]) cli.warn(p);
    const pairs = pairUp(cli, positionals[0], a.articles, positionals[1], b.articles);
    if (pairs.length === 0) {
      cli.warn(`no article is in both ${positionals[0]} and ${positionals[1]} (articles pair up by their path or file name)`);
      return 1;
    }
    const report = measureAgreement(pairs);
    cli.out(values.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  },
});

function pairUp(cli: Cli, nameA: string, a: readonly AnnotatedArticle[], nameB: string, b: readonly AnnotatedArticle[]): AnnotatedPair[] {
  const byKey = new Map(b.map((x) => [x.key, x]));
  const byBase = new Map<string, AnnotatedArticle[]>();
  for (const x of b) byBase.set(path.posix.basename(x.key), [...(byBase.get(path.posix.basename(x.key)) ?? []), x]);
  const baseCountA = new Map<string, number>();
  for (const x of a) baseCountA.set(path.posix.basename(x.key), (baseCountA.get(path.posix.basename(x.key)) ?? 0) + 1);
  const used = new Set<AnnotatedArticle>();
  const pairs: AnnotatedPair[] = [];
  const onlyA: string[] = [];
  for (const x of a) {
    const base = path.posix.basename(x.key);
    const candidates = byBase.get(base) ?? [];
    const y = byKey.get(x.key) ?? (candidates.length === 1 && baseCountA.get(base) === 1 ? candidates[0] : undefined);
    if (!y || used.has(y)) {
      onlyA.push(x.key);
      continue;
    }
    used.add(y);
    // B's spans are offsets into B's text: when the copies differ beyond line ends and a BOM, they cannot be compared.
    if (!sameText(x.text, y.text)) {
      cli.warn(`${x.key}: the text differs between ${nameA} and ${nameB}; not compared`);
      continue;
    }
    const shift = offsetsBetween(y.text, x.text);
    pairs.push({ name: x.key, text: x.text, a: x.spans, b: y.spans.map((s) => ({ label: s.label, fragments: s.fragments.map(([p, q]) => [shift(p), shift(q)] as const) })) });
  }
  const onlyB = b.filter((y) => !used.has(y)).map((y) => y.key);
  if (onlyA.length) cli.warn(`${onlyA.length} article${onlyA.length === 1 ? '' : 's'} only in ${nameA}, not compared: ${onlyA.slice(0, 5).join(', ')}${onlyA.length > 5 ? ', …' : ''}`);
  if (onlyB.length) cli.warn(`${onlyB.length} article${onlyB.length === 1 ? '' : 's'} only in ${nameB}, not compared: ${onlyB.slice(0, 5).join(', ')}${onlyB.length > 5 ? ', …' : ''}`);
  return pairs;
}

const pct = (x: number) => x.toFixed(3);

function formatReport(r: AgreementReport): string {
  const lines = [`${r.articles} article${r.articles === 1 ? '' : 's'}, ${r.a} annotations in A, ${r.b} in B, ${r.matched} the same (label and span)`, ''];
  const width = Math.max(5, ...Object.keys(r.labels).map((l) => l.length));
  lines.push(`${'label'.padEnd(width)}  precision  recall  F1     A      B`);
  for (const [label, s] of Object.entries(r.labels)) lines.push(`${label.padEnd(width)}  ${pct(s.precision).padEnd(9)}  ${pct(s.recall).padEnd(6)}  ${pct(s.f1)}  ${String(s.a).padEnd(5)}  ${s.b}`);
  lines.push(`${'all'.padEnd(width)}  ${pct(r.precision).padEnd(9)}  ${pct(r.recall).padEnd(6)}  ${pct(r.f1)}  ${String(r.a).padEnd(5)}  ${r.b}`);
  lines.push('', `Cohen's kappa over ${r.tokens} tokens: ${pct(r.kappa)}`, '', `${r.disagreements.length} disagreement${r.disagreements.length === 1 ? '' : 's'}${r.disagreements.length ? ':' : ''}`);
  for (const d of r.disagreements) {
    const what = d.kind === 'label' ? `A ${d.labelA}, B ${d.labelB}` : d.kind === 'only-a' ? `only A: ${d.label}` : `only B: ${d.label}`;
    lines.push(`  ${d.file} ${d.start}-${d.end}  ${what}  "${d.text.length > 60 ? d.text.slice(0, 59) + '…' : d.text}"`);
  }
  return lines.join('\n');
}
