// The Compare panel's page: renders the comparison the extension sends and reports
// clicks back. Runs in the webview under a CSP without 'unsafe-inline': no style
// attributes anywhere, so the share bars are SVG shapes sized by their attributes.
import type { CompareRow as Row, CompareState, CompareView, FromWebview, ToWebview } from '../../src/shared/compareProtocol';

const api = acquireVsCodeApi<CompareState>();
const vscode = { postMessage: (message: FromWebview) => api.postMessage(message), setState: (state: CompareState) => api.setState(state) };
const root = document.getElementById('root')!;
const status = document.getElementById('status');

/** How many rows each matrix shows; the caption says when there are more. */
const QUOTE_ROWS = 60;
const ENTITY_ROWS = 40;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const hidden = (text: string) => el('span', { class: 'visually-hidden' }, text);

function kindLabel(row: Row, names: readonly string[]): string {
  if (row.relation === 'unique') {
    const i = row.cells.findIndex((c) => c.length > 0);
    return `only in ${names[i] ?? 'one article'}`;
  }
  const base = { identical: 'identical', 'near-identical': 'near-identical', overlap: 'overlapping' }[row.relation];
  return row.relation !== 'identical' && row.score ? `${base} ${Math.round(row.score * 100)}%` : base;
}

/** The share of an article found elsewhere: green identical/near-identical, then yellow overlap. */
function shareBar(shared: number, overlap: number): SVGElement {
  const extra = Math.max(0, overlap - shared);
  const bar = svg('svg', { class: 'bar', viewBox: '0 0 100 6', preserveAspectRatio: 'none', role: 'img', 'aria-label': `${pct(shared)} shared, ${pct(extra)} more overlapping` });
  bar.append(
    svg('rect', { class: 'track', x: '0', y: '0', width: '100', height: '6' }),
    svg('rect', { class: 'shared', x: '0', y: '0', width: String(+(shared * 100).toFixed(2)), height: '6' }),
    svg('rect', { class: 'overlap', x: String(+(shared * 100).toFixed(2)), y: '0', width: String(+(extra * 100).toFixed(2)), height: '6' }),
  );
  return bar;
}

function render(report: CompareView, labels: readonly string[]): void {
  root.replaceChildren();
  const names = report.articles.map((a, i) => a.outlet ?? a.title ?? labels[i]);
  const rows = report.rows;

  const table = el('table', { class: 'passages' });
  const uniqueRows = rows.filter((r) => r.relation === 'unique').length;
  table.append(el('caption', {}, `Passages side by side: ${plural(rows.length, 'row')}, ${uniqueRows} only in one article. Arrow keys move between passages; Enter shows one in the editor.`));
  const headRow = el('tr', {}, el('th', { scope: 'col', class: 'kind-col' }, 'Match'));
  report.articles.forEach((a, i) => {
    headRow.append(
      el(
        'th',
        { scope: 'col', class: 'article' },
        el('div', { class: 'title' }, a.title ?? labels[i]),
        el('div', { class: 'meta' }, `${a.outlet ?? 'Outlet unknown'} · ${a.date ?? 'date unknown'}`),
        shareBar(a.sharedFraction, a.overlapFraction),
        el('div', { class: 'meta' }, `${pct(a.sharedFraction)} shared · ${plural(a.uniqueCount, 'passage')} only here`),
      ),
    );
  });
  table.append(el('thead', { class: 'header' }, headRow));
  const body = el('tbody');
  for (const row of rows) body.append(renderRow(row, report.articles.length, names));
  table.append(body);
  root.append(el('h2', {}, 'Passages side by side'), table);
  root.append(el('h2', {}, 'Quotes'), quoteTable(report, labels));
  root.append(el('h2', {}, 'Who is covered'), entityTable(report, labels));

  if (status) {
    const shares = report.articles.map((a, i) => `${names[i]} ${pct(a.sharedFraction)}`).join(', ');
    status.textContent = `Compared ${plural(report.articles.length, 'article')}. Shared: ${shares}. ${plural(rows.length, 'aligned passage')}, ${uniqueRows} only in one article.`;
  }
}

function renderRow(row: Row, n: number, names: readonly string[]): HTMLElement {
  const kind = kindLabel(row, names);
  const line = el('tr', { class: `row ${row.relation}`, 'data-row': String(row.id) }, el('th', { scope: 'row', class: 'kind' }, kind));
  let first = true;
  for (let i = 0; i < n; i++) {
    const cells = row.cells[i];
    if (cells.length === 0) {
      line.append(el('td', { class: 'cell empty' }, hidden('not in this article')));
      continue;
    }
    // One tab stop per row: the row's first passage; the others are reached with the arrow keys.
    const cell = el('td', { class: `cell ${row.relation === 'unique' ? 'unique' : 'twin'}`, tabindex: first ? '0' : '-1', 'data-row': String(row.id), 'data-column': String(i), title: `${kind} — click to show in the editor` });
    first = false;
    cell.textContent = cells.map((c) => c.text).join(' ');
    const start = cells[0];
    const reveal = () => vscode.postMessage({ type: 'reveal', file: start.file, start: start.start, end: start.end });
    cell.addEventListener('click', reveal);
    cell.dataset.file = start.file;
    cell.dataset.start = String(start.start);
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

const focusable = (row: Element | null | undefined): HTMLElement[] => (row ? [...row.querySelectorAll<HTMLElement>('td.cell[data-file]')] : []);

/** Moves focus to `target`, making it its row's one tab stop. */
function focusCell(target: HTMLElement | undefined): void {
  if (!target) return;
  for (const c of focusable(target.closest('tr'))) c.setAttribute('tabindex', c === target ? '0' : '-1');
  target.focus();
}

/** The passage in `row` nearest to `column`. */
function nearest(row: Element | null, column: number): HTMLElement | undefined {
  const cells = focusable(row);
  return cells.sort((a, b) => Math.abs(Number(a.dataset.column) - column) - Math.abs(Number(b.dataset.column) - column))[0];
}

/** The nearest row above or below that has a passage. */
function rowFrom(row: Element, step: 1 | -1): Element | null {
  let r: Element | null = step > 0 ? row.nextElementSibling : row.previousElementSibling;
  while (r && focusable(r).length === 0) r = step > 0 ? r.nextElementSibling : r.previousElementSibling;
  return r;
}

root.addEventListener('keydown', (e) => {
  const cell = (e.target as HTMLElement).closest?.('td.cell[data-file]') as HTMLElement | null;
  if (!cell) return;
  const row = cell.closest('tr')!;
  const cells = focusable(row);
  const at = cells.indexOf(cell);
  const column = Number(cell.dataset.column);
  let target: HTMLElement | undefined;
  switch (e.key) {
    case 'Enter':
    case ' ':
      e.preventDefault();
      cell.click();
      return;
    case 'ArrowRight':
      target = cells[at + 1];
      break;
    case 'ArrowLeft':
      target = cells[at - 1];
      break;
    case 'Home':
      target = cells[0];
      break;
    case 'End':
      target = cells[cells.length - 1];
      break;
    case 'ArrowDown':
      target = nearest(rowFrom(row, 1), column);
      break;
    case 'ArrowUp':
      target = nearest(rowFrom(row, -1), column);
      break;
    default:
      return;
  }
  e.preventDefault();
  focusCell(target);
});

function matrixCaption(what: string, shown: number, total: number, rest: string): string {
  return shown < total ? `${what}: showing ${shown} of ${total} — ${rest}` : `${what}: ${total}`;
}

function quoteTable(report: CompareView, labels: readonly string[]): HTMLElement {
  const all = report.quotes.filter((q) => q.variants.filter(Boolean).length > 0);
  if (all.length === 0) return el('p', { class: 'meta' }, 'No attributed quotes in these articles.');
  const rows = all.slice(0, QUOTE_ROWS);
  const table = el('table', { class: 'matrix quotes' }, el('caption', {}, matrixCaption('Quotes by speaker', rows.length, all.length, 'the exported report has them all')));
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Speaker'), ...report.articles.map((a, i) => el('th', { scope: 'col' }, a.outlet ?? labels[i])))));
  const body = el('tbody');
  for (const q of rows) {
    body.append(el('tr', { class: q.relation }, el('th', { scope: 'row', class: 'speaker' }, q.speaker ?? '—'), ...q.variants.map((v) => el('td', { class: v ? 'has' : 'missing' }, v ? `“${v}”` : el('span', { 'aria-label': 'not quoted here' }, '—')))));
  }
  table.append(body);
  return table;
}

function entityTable(report: CompareView, labels: readonly string[]): HTMLElement {
  const rows = report.entities.slice(0, ENTITY_ROWS);
  const table = el('table', { class: 'matrix entities' }, el('caption', {}, matrixCaption('Mentions of each name per article', rows.length, report.entities.length, 'the most mentioned; the exported report has them all')));
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), ...report.articles.map((a, i) => el('th', { scope: 'col' }, a.outlet ?? labels[i])))));
  const body = el('tbody');
  for (const e of rows) {
    body.append(el('tr', {}, el('th', { scope: 'row' }, `${e.name} `, el('span', { class: 'type' }, e.type)), ...e.counts.map((c) => el('td', { class: c ? 'has num' : 'missing num' }, c ? String(c) : el('span', { 'aria-label': 'none' }, '·')))));
  }
  table.append(body);
  return table;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg.type === 'render') {
    vscode.setState({ files: msg.files });
    render(msg.view, msg.labels);
  } else if (msg.type === 'error') {
    root.replaceChildren(el('p', { class: 'error' }, msg.message));
    if (status) status.textContent = msg.message;
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
