// The Provenance panel's page: draws the timeline the extension sends — outlets as rows,
// days as columns (the undated last), arrows from each source to its copies — and reports
// which article to open. Runs under a CSP without 'unsafe-inline': no style attributes, the
// drawing is SVG shapes placed and sized by their attributes, colours come from the theme
// through provenance.css. Imports only the protocol's declarations.
import type { FromProvenancePage, ProvenanceNodeView, ProvenancePageState, ProvenanceView, ToProvenancePage } from '../../src/shared/provenanceProtocol';

interface VsCodeApi {
  postMessage(message: FromProvenancePage): void;
  setState(state: ProvenancePageState): void;
  getState(): ProvenancePageState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const status = document.getElementById('status');
const titleEl = document.getElementById('title');

const SVG = 'http://www.w3.org/2000/svg';
const LEFT = 190;
const TOP = 44;
const COLUMN = 170;
const SLOT = 44;
const ROW_PAD = 18;
const RADIUS = 9;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Placed {
  readonly node: ProvenanceNodeView;
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

let placed: Placed[] = [];

function layout(view: ProvenanceView): { placed: Placed[]; rowTops: number[]; rowHeights: number[]; width: number; height: number } {
  const slots = view.rows.map(() => 1);
  for (const n of view.nodes) slots[n.row] = Math.max(slots[n.row], n.slot + 1);
  const rowHeights = slots.map((s) => s * SLOT + ROW_PAD);
  const rowTops: number[] = [];
  let y = TOP;
  for (const h of rowHeights) {
    rowTops.push(y);
    y += h;
  }
  const out = view.nodes.map((node, index) => ({ node, index, x: LEFT + node.column * COLUMN + 24, y: rowTops[node.row] + ROW_PAD / 2 + SLOT / 2 + node.slot * SLOT }));
  return { placed: out, rowTops, rowHeights, width: LEFT + Math.max(1, view.columns.length) * COLUMN + 20, height: y + 8 };
}

/** A curve from one article to another, ending at the target circle's edge. */
function edgePath(a: Placed, b: Placed): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Bend sideways so links between the same two rows do not overlap; more for long ones.
  const bend = Math.min(60, 18 + len / 6);
  const mx = (a.x + b.x) / 2 - (dy / len) * bend;
  const my = (a.y + b.y) / 2 + (dx / len) * bend;
  const tx = b.x - mx;
  const ty = b.y - my;
  const tl = Math.hypot(tx, ty) || 1;
  const ex = b.x - (tx / tl) * (RADIUS + 3);
  const ey = b.y - (ty / tl) * (RADIUS + 3);
  const sx0 = mx - a.x;
  const sy0 = my - a.y;
  const sl = Math.hypot(sx0, sy0) || 1;
  const sx = a.x + (sx0 / sl) * RADIUS;
  const sy = a.y + (sy0 / sl) * RADIUS;
  return `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

function diamond(x: number, y: number, r: number): string {
  return `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`;
}

function render(view: ProvenanceView): void {
  root.replaceChildren();
  if (titleEl) titleEl.textContent = `Provenance: ${view.title}`;
  const { placed: at, rowTops, rowHeights, width, height } = layout(view);
  placed = at;
  const chart = svg('svg', { class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `Timeline of ${view.title}: ${view.summary} Arrow keys move between articles, Enter opens one.` });
  const defs = svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })));
  chart.append(defs);
  // Rows: alternate bands with the outlet's name.
  view.rows.forEach((r, i) => {
    if (i % 2 === 0) chart.append(svg('rect', { class: 'band', x: 0, y: rowTops[i], width, height: rowHeights[i] }));
    chart.append(svg('text', { class: 'row-label', x: 8, y: rowTops[i] + ROW_PAD / 2 + SLOT / 2 + 4 }, clip(r.label, 26)));
  });
  // Columns: one per day, the undated set apart.
  view.columns.forEach((c, i) => {
    const x = LEFT + i * COLUMN;
    chart.append(svg('line', { class: `gridline${c.date ? '' : ' undated'}`, x1: x, y1: TOP - 8, x2: x, y2: height }));
    chart.append(svg('text', { class: 'axis', x: x + 8, y: TOP - 16 }, c.label));
  });
  const edgeEls = view.edges.map((e) => {
    const path = svg('path', { class: `edge ${e.directed ? 'directed' : 'undirected'} ${e.kind}`, d: edgePath(at[e.from], at[e.to]), 'stroke-width': (1.5 + 8 * e.share).toFixed(1), 'data-from': e.from, 'data-to': e.to }, svg('title', {}, e.summary));
    if (e.directed) path.setAttribute('marker-end', 'url(#arrow)');
    chart.append(path);
    return path;
  });
  const first = at.find((p) => p.node.firstQuotes > 0) ?? at[0];
  for (const p of at) {
    const n = p.node;
    const g = svg('g', { class: `node${n.originalShare === 1 && n.sharedShare > 0 ? ' original' : ''}`, tabindex: p === first ? 0 : -1, role: 'button', 'aria-label': n.summary, 'data-index': p.index, 'data-id': n.id });
    g.append(svg('title', {}, `${n.title ?? n.label} — ${n.summary} Enter opens it.`));
    g.append(svg('circle', { cx: p.x, cy: p.y, r: RADIUS }));
    g.append(svg('text', { x: p.x + RADIUS + 6, y: p.y - 2 }, clip(n.label, 20)));
    g.append(svg('text', { class: 'share', x: p.x + RADIUS + 6, y: p.y + 12 }, n.shareLabel));
    if (n.firstQuotes > 0) {
      g.append(svg('polygon', { class: 'first-quote', points: diamond(p.x + RADIUS, p.y - RADIUS, 5) }));
    }
    g.addEventListener('click', () => open(p.index));
    g.addEventListener('focus', () => select(p.index, edgeEls, view));
    chart.append(g);
  }
  root.append(el('div', { class: 'chart-wrap' }, chart));
  root.append(el('div', { id: 'details', 'aria-live': 'polite' }, el('span', { class: 'hint' }, 'Focus an article (Tab, then the arrow keys) to read what it copied and from whom.')));
  root.append(el('h2', {}, 'Copies'), copiesTable(view));
  root.append(el('h2', {}, 'Quotes carried by several articles'), quotesTable(view));
  if (status) status.textContent = view.summary;
}

function select(index: number, edges: SVGElement[], view: ProvenanceView): void {
  for (const g of root.querySelectorAll('.node')) g.classList.toggle('selected', g.getAttribute('data-index') === String(index));
  view.edges.forEach((e, i) => {
    const touches = e.from === index || e.to === index;
    edges[i].classList.toggle('lit', touches);
    edges[i].classList.toggle('dim', !touches);
  });
  const details = document.getElementById('details');
  if (!details) return;
  const n = view.nodes[index];
  const lines = view.edges.filter((e) => e.from === index || e.to === index).map((e) => el('li', {}, e.summary));
  details.replaceChildren(el('div', { class: 'title' }, el('strong', {}, n.title ?? n.label)), el('div', {}, n.summary), ...(lines.length ? [el('ul', {}, ...lines)] : []));
}

function open(index: number): void {
  const n = placed[index]?.node;
  if (n) vscode.postMessage({ type: 'open', id: n.id });
}

function copiesTable(view: ProvenanceView): HTMLElement {
  const table = el('table', { class: 'matrix copies' }, el('caption', {}, view.edges.length ? `Shared text between the articles: ${view.edges.length} ${view.edges.length === 1 ? 'link' : 'links'}` : 'These articles share no passage of 40 words or more.'));
  table.append(el('thead', {}, el('tr', {}, ...['Source', 'Copy', 'Share of the copy', 'Kind', 'Alike'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const e of view.edges) {
    const a = view.nodes[e.from];
    const b = view.nodes[e.to];
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, e.directed ? a.label : `${a.label} (order unknown)`),
        el('td', {}, e.directed ? b.label : `${b.label} (order unknown)`),
        el('td', { class: 'num' }, pct(e.share)),
        el('td', {}, `${e.kind}, ${e.passages} ${e.passages === 1 ? 'passage' : 'passages'}`),
        el('td', { class: 'num' }, pct(e.similarity)),
      ),
    );
  }
  table.append(body);
  return table;
}

function quotesTable(view: ProvenanceView): HTMLElement {
  const table = el('table', { class: 'matrix quotes' }, el('caption', {}, view.quotes.length ? `${view.quotes.length} ${view.quotes.length === 1 ? 'quote' : 'quotes'} carried by several of these articles, with the first to carry each` : 'No quote is carried by more than one of these articles.'));
  table.append(el('thead', {}, el('tr', {}, ...['Quote', 'Carried by', 'First'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const q of view.quotes) {
    body.append(el('tr', {}, el('th', { scope: 'row' }, `“${clip(q.text, 160)}”`), el('td', {}, q.carriers.map((c) => view.nodes[c].label).join(', ')), el('td', {}, q.firstLabel.replace(/^first: /, ''))));
  }
  table.append(body);
  return table;
}

/** Keyboard: Left/Right through time (then rows), Up/Down to the nearest article of the row above or below, Home/End, Enter or Space opens. */
root.addEventListener('keydown', (e) => {
  const target = (e.target as Element).closest?.('.node');
  if (!target) return;
  const index = Number(target.getAttribute('data-index'));
  const here = placed[index];
  if (!here) return;
  const order = [...placed].sort((a, b) => a.node.column - b.node.column || a.node.row - b.node.row || a.node.slot - b.node.slot);
  const pos = order.indexOf(here);
  let next: Placed | undefined;
  if (e.key === 'ArrowRight') next = order[pos + 1];
  else if (e.key === 'ArrowLeft') next = order[pos - 1];
  else if (e.key === 'Home') next = order[0];
  else if (e.key === 'End') next = order[order.length - 1];
  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const down = e.key === 'ArrowDown';
    const candidates = placed.filter((p) => (down ? p.y > here.y : p.y < here.y));
    next = candidates.sort((a, b) => Math.abs(a.y - here.y) - Math.abs(b.y - here.y) || Math.abs(a.x - here.x) - Math.abs(b.x - here.x))[0];
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open(index);
    return;
  } else return;
  e.preventDefault();
  if (!next) return;
  const nodes = root.querySelectorAll<SVGGElement>('.node');
  for (const g of nodes) g.setAttribute('tabindex', g.getAttribute('data-index') === String(next.index) ? '0' : '-1');
  root.querySelector<SVGGElement>(`.node[data-index="${next.index}"]`)?.focus();
});

window.addEventListener('message', (event: MessageEvent<ToProvenancePage>) => {
  const m = event.data;
  if (m.type === 'render') {
    vscode.setState(m.state);
    render(m.view);
  } else if (m.type === 'error') {
    root.replaceChildren(el('p', { class: 'error' }, m.message));
    if (status) status.textContent = m.message;
  }
});

vscode.postMessage({ type: 'ready' });
