/** A comparison as Markdown or as one standalone HTML page (no scripts, no remote resources). */
import { alignedRows } from './rows';
import type { ComparisonReport } from './report';

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Article text in a Markdown table cell: as text, never as HTML or Markdown the preview would run. */
const md = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ');

export function comparisonToMarkdown(r: ComparisonReport): string {
  const names = r.articles.map((a, i) => a.outlet ?? a.title ?? `Article ${i + 1}`);
  const out: string[] = ['# Comparison', ''];
  out.push('| | ' + names.map(md).join(' | ') + ' |', '|---|' + names.map(() => '---').join('|') + '|');
  out.push('| Title | ' + r.articles.map((a) => md(a.title ?? '—')).join(' | ') + ' |');
  out.push('| Date | ' + r.articles.map((a) => a.date ?? 'unknown').join(' | ') + ' |');
  out.push('| Shared (identical or near-identical) | ' + r.articles.map((a) => pct(a.sharedFraction)).join(' | ') + ' |');
  out.push('| File | ' + r.articles.map((a) => md(a.file)).join(' | ') + ' |', '');
  out.push('## Passages side by side', '', '| Relation | ' + names.map(md).join(' | ') + ' |', '|---|' + names.map(() => '---').join('|') + '|');
  for (const row of alignedRows(r)) out.push(`| ${row.relation}${row.score ? ` ${pct(row.score)}` : ''} | ` + row.cells.map((cs) => md(cs.map((c) => c.text).join(' ')) || '—').join(' | ') + ' |');
  out.push('', '## Quotes', '', '| Speaker | ' + names.map(md).join(' | ') + ' |', '|---|' + names.map(() => '---').join('|') + '|');
  for (const q of r.quotes) out.push(`| ${md(q.speaker ?? '—')} | ` + q.variants.map((v) => (v ? `“${md(v)}”` : '—')).join(' | ') + ' |');
  out.push('', '## Entities (mentions)', '', '| Name | ' + names.map(md).join(' | ') + ' |', '|---|' + names.map(() => '---:').join('|') + '|');
  for (const e of r.entities) out.push(`| ${md(e.name)} (${e.type}) | ` + e.counts.join(' | ') + ' |');
  return out.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function comparisonToHtml(r: ComparisonReport): string {
  const names = r.articles.map((a, i) => a.outlet ?? a.title ?? `Article ${i + 1}`);
  const head = `<tr><th></th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}</tr>`;
  const rows = alignedRows(r)
    .map((row) => `<tr class="${row.relation}"><td class="rel">${row.relation}</td>${row.cells.map((cs) => `<td>${esc(cs.map((c) => c.text).join(' '))}</td>`).join('')}</tr>`)
    .join('\n');
  const quotes = r.quotes.map((q) => `<tr><td>${esc(q.speaker ?? '—')}</td>${q.variants.map((v) => `<td>${v ? `“${esc(v)}”` : '—'}</td>`).join('')}</tr>`).join('\n');
  const entities = r.entities.map((e) => `<tr><td>${esc(e.name)} <small>${e.type}</small></td>${e.counts.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`).join('\n');
  const summary = r.articles.map((a) => `<tr><td>${esc(a.title ?? a.file)}</td><td>${esc(a.outlet ?? 'unknown')}</td><td>${a.date ?? 'unknown'}</td><td class="num">${pct(a.sharedFraction)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Comparison</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:24px}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}.num{text-align:right}.identical td{background:#eaf7ea}.near-identical td{background:#e8f0fc}.overlap td{background:#fbf6e0}.unique td{background:#f5eefc}.rel{white-space:nowrap;color:#666}small{color:#888}</style>
</head><body>
<h1>Comparison</h1>
<table><tr><th>Title</th><th>Outlet</th><th>Date</th><th>Shared</th></tr>
${summary}</table>
<h2>Passages side by side</h2><table>${head}
${rows}</table>
<h2>Quotes</h2><table>${head}
${quotes}</table>
<h2>Entities (mentions)</h2><table>${head}
${entities}</table>
</body></html>
`;
}
