/** `corpus-lens compare FILE FILE… [--json]`: what articles share, omit and quote. */
import type { ComparisonReport } from '../core/compare/report';
import { defineCommand, engineOptions } from './command';
import { loadArticles } from '../engine/loadArticles';
import { corpusEngineOnWorkers } from '../engine/pipeline';

export const compareCommand = defineCommand({
  name: 'compare',
  synopsis: 'compare FILE FILE… [--json]',
  summary: 'align articles: shared and unique passages, the\nquotes each carries, the entities each covers',
  options: { json: { type: 'boolean', description: 'print the whole comparison as one JSON object' } },
  positionals: { min: 2, name: 'files' },
  workers: true,
  async run(cli, { values, positionals }) {
    const loaded = await loadArticles(cli, positionals);
    if (loaded.length < 2) {
      cli.warn('compare needs at least two readable articles');
      return 1;
    }
    const engine = await corpusEngineOnWorkers(loaded, cli, engineOptions(cli, values));
    const { report, error } = engine.compare(engine.articles().map((a) => a.uri));
    if (!report) {
      cli.warn(error ?? 'the articles could not be compared');
      return 1;
    }
    cli.out(values.json ? JSON.stringify(report) : summarise(report));
    return 0;
  },
});

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function summarise(r: ComparisonReport): string {
  const lines: string[] = [];
  r.articles.forEach((a, i) => {
    lines.push(`[${i + 1}] ${a.file}`);
    lines.push(`    ${a.title ?? '(no title)'} — ${a.outlet ?? 'outlet unknown'}, ${a.date ?? 'date unknown'}`);
    lines.push(`    shared with the others: ${pct(a.sharedFraction)} identical or near-identical, ${pct(a.overlapFraction)} with paraphrases; ${a.unique.length} passage${a.unique.length === 1 ? '' : 's'} only here`);
  });
  const counts = { identical: 0, 'near-identical': 0, overlap: 0 };
  for (const p of r.passages) counts[p.relation]++;
  lines.push('', `Aligned passages: ${counts.identical} identical, ${counts['near-identical']} near-identical, ${counts.overlap} overlapping`);
  const shared = r.quotes.filter((q) => q.variants.filter(Boolean).length > 1);
  lines.push('', `Quotes carried by more than one article: ${shared.length}`);
  for (const q of shared.slice(0, 10)) {
    lines.push(`  ${q.speaker ?? 'unknown speaker'} (${q.relation}): ${q.variants.map((v, i) => (v ? `[${i + 1}]` : '')).filter(Boolean).join(' ')}`);
    const first = q.variants.find(Boolean)!;
    lines.push(`    “${first.length > 100 ? first.slice(0, 99) + '…' : first}”`);
  }
  lines.push('', 'Entities (mentions per article):');
  for (const e of r.entities.slice(0, 15)) lines.push(`  ${e.name.padEnd(40)} ${e.counts.map((n) => String(n).padStart(3)).join(' ')}`);
  return lines.join('\n') + '\n';
}
