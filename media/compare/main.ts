// The Compare panel's page: renders the comparison the extension sends and reports
// clicks back. Runs in the webview; talks only through the typed protocol.
import { alignedRows, type Row } from '../../src/core/compare/rows';
import type { ComparisonReport } from '../../src/core/compare/report';
import type { CompareState, FromWebview, ToWebview } from '../../src/shared/compareProtocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: CompareState): void;
  getState(): CompareState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const RELATION_LABEL = { identical: 'identical', 'near-identical': 'near-identical', overlap: 'overlapping', unique: 'only here' } as const;

function render(report: ComparisonReport, labels: readonly string[]): void {
  root.replaceChildren();
  const n = report.articles.length;
  root.style.setProperty('--columns', String(n));

  const header = el('div', { class: 'grid header', role: 'row' });
  report.articles.forEach((a, i) => {
    const bar = el('div', { class: 'bar', title: `${pct(a.sharedFraction)} of the body is identical or near-identical to another article here` });
    bar.append(el('span', { class: 'shared', style: `width:${pct(a.sharedFraction)}` }), el('span', { class: 'overlap', style: `width:${pct(Math.max(0, a.overlapFraction - a.sharedFraction))}` }));
    header.append(
      el(
        'div',
        { class: 'article', role: 'columnheader' },
        el('div', { class: 'title' }, a.title ?? labels[i]),
        el('div', { class: 'meta' }, `${a.outlet ?? 'Outlet unknown'} · ${a.date ?? 'date unknown'}`),
        bar,
        el('div', { class: 'meta' }, `${pct(a.sharedFraction)} shared · ${a.unique.length} passage${a.unique.length === 1 ? '' : 's'} only here`),
      ),
    );
  });
  root.append(header);

  const rows = alignedRows(report);
  const body = el('div', { class: 'rows', role: 'table', 'aria-label': 'Aligned passages' });
  for (const row of rows) body.append(renderRow(row, n));
  root.append(el('h2', {}, 'Passages side by side'), body);

  root.append(el('h2', {}, 'Quotes'), quoteTable(report, labels));
  root.append(el('h2', {}, 'Who is covered'), entityTable(report, labels));
}

function renderRow(row: Row, n: number): HTMLElement {
  const line = el('div', { class: `grid row ${row.relation}`, role: 'row', 'data-row': String(row.id) });
  for (let i = 0; i < n; i++) {
    const cells = row.cells[i];
    if (cells.length === 0) {
      line.append(el('div', { class: 'cell empty', role: 'cell' }));
      continue;
    }
    const cell = el('div', { class: `cell ${row.relation === 'unique' ? 'unique' : 'twin'}`, role: 'cell', tabindex: '0', 'data-row': String(row.id), title: `${RELATION_LABEL[row.relation]}${row.score ? ` (${Math.round(row.score * 100)}%)` : ''} — click to show in the editor` });
    cell.textContent = cells.map((c) => c.text).join(' ');
    const first = cells[0];
    const reveal = () => vscode.postMessage({ type: 'reveal', file: first.file, start: first.start, end: first.end });
    cell.addEventListener('click', reveal);
    cell.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal();
      }
    });
    cell.dataset.file = first.file;
    cell.dataset.start = String(first.start);
    cell.dataset.end = String(cells[cells.length - 1].end);
    line.append(cell);
  }
  // Hovering or focusing a passage lights up its twins in the other columns.
  const on = () => line.classList.add('lit');
  const off = () => line.classList.remove('lit');
  line.addEventListener('mouseenter', on);
  line.addEventListener('mouseleave', off);
  line.addEventListener('focusin', on);
  line.addEventListener('focusout', off);
  return line;
}

function quoteTable(report: ComparisonReport, labels: readonly string[]): HTMLElement {
  const table = el('table', { class: 'matrix quotes' });
  table.append(el('tr', {}, el('th', {}, 'Speaker'), ...report.articles.map((a, i) => el('th', {}, a.outlet ?? labels[i]))));
  const rows = report.quotes.filter((q) => q.variants.filter(Boolean).length > 0).slice(0, 60);
  if (rows.length === 0) return el('p', { class: 'meta' }, 'No attributed quotes in these articles.');
  for (const q of rows) {
    table.append(el('tr', { class: q.relation }, el('td', { class: 'speaker' }, q.speaker ?? '—'), ...q.variants.map((v) => el('td', { class: v ? 'has' : 'missing' }, v ? `“${v}”` : '—'))));
  }
  return table;
}

function entityTable(report: ComparisonReport, labels: readonly string[]): HTMLElement {
  const table = el('table', { class: 'matrix entities' });
  table.append(el('tr', {}, el('th', {}, 'Name'), ...report.articles.map((a, i) => el('th', {}, a.outlet ?? labels[i]))));
  for (const e of report.entities.slice(0, 40)) {
    table.append(el('tr', {}, el('td', {}, `${e.name} `, el('span', { class: 'type' }, e.type)), ...e.counts.map((c) => el('td', { class: c ? 'has num' : 'missing num' }, c ? String(c) : '·'))));
  }
  return table;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg.type === 'render') {
    vscode.setState({ files: msg.files });
    render(msg.report, msg.labels);
  } else if (msg.type === 'error') {
    root.replaceChildren(el('p', { class: 'error' }, msg.message));
  } else if (msg.type === 'reveal-in-panel') {
    // The editor's selection moved: scroll the panel to the passage under it.
    const cells = [...document.querySelectorAll<HTMLElement>('.cell[data-file]')].filter((c) => c.dataset.file === msg.file && Number(c.dataset.start) <= msg.end && Number(c.dataset.end) >= msg.start);
    document.querySelectorAll('.row.selected').forEach((r) => r.classList.remove('selected'));
    const target = cells[0]?.closest('.row');
    if (target) {
      target.classList.add('selected');
      target.scrollIntoView({ block: 'center' });
    }
  }
});

document.getElementById('export-md')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'markdown' }));
document.getElementById('export-html')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'html' }));
vscode.postMessage({ type: 'ready' });
