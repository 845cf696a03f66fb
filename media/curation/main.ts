// The Curation page (Compare Annotations with…): both annotators' versions of the article side
// by side, the disagreements listed with the side the curated version follows, and buttons and
// keys to take a side. Runs under a CSP without 'unsafe-inline': no style attributes; colours come
// from the theme through curation.css. Imports only the protocol's declarations.
import type { CurationItemView, CurationPageState, CurationSegmentView, CurationSide, CurationView, FromCurationPage, ToCurationPage } from '../../src/shared/curationProtocol';

interface VsCodeApi {
  postMessage(message: FromCurationPage): void;
  setState(state: CurationPageState): void;
  getState(): CurationPageState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const status = document.getElementById('status');
const titleEl = document.getElementById('title');
const takeAllA = document.getElementById('take-all-a') as HTMLButtonElement | null;
const takeAllB = document.getElementById('take-all-b') as HTMLButtonElement | null;
const undoButton = document.getElementById('undo') as HTMLButtonElement | null;

let view: CurationView | null = null;
/** The disagreement that has the list's tab stop, kept across renders by its key. */
let focusKey: string | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

const post = (m: FromCurationPage) => vscode.postMessage(m);
const labelOf = (l: string | null) => (l === null ? el('span', { class: 'none' }, 'nothing') : el('span', { class: 'label' }, l));
const follows = (i: CurationItemView, v: CurationView) => (i.curated === 'a' ? v.a.name : i.curated === 'b' ? v.b.name : 'neither');

function take(item: CurationItemView, side: CurationSide): void {
  if ((side === 'a' ? item.cannotTakeA : item.cannotTakeB) !== null) return;
  focusKey = item.key;
  post({ type: 'take', key: item.key, side });
}

function sideCell(item: CurationItemView, side: CurationSide, v: CurationView): HTMLElement {
  const label = side === 'a' ? item.a : item.b;
  const name = side === 'a' ? v.a.name : v.b.name;
  const why = side === 'a' ? item.cannotTakeA : item.cannotTakeB;
  const button = el('button', { tabindex: '-1', class: item.curated === side ? 'chosen' : '', 'aria-label': `Take ${name}: ${label ?? 'nothing'} on “${item.text}” (${side === 'a' ? '1' : '2'})`, title: why ? `Cannot be taken: ${why}` : `Take ${name} here (${side === 'a' ? '1' : '2'})` }, item.curated === side ? 'Taken' : 'Take');
  if (why) button.disabled = true;
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    take(item, side);
  });
  return el('td', { class: `side side-${side}` }, labelOf(label), ' ', button);
}

function itemsTable(v: CurationView): HTMLElement {
  const table = el('table', { class: 'items' }, el('caption', {}, v.items.length ? `Disagreements: ${v.items.length}. ↑/↓ move, 1 takes ${v.a.name}, 2 takes ${v.b.name}, Enter shows the words in the editor.` : 'No disagreements.'));
  table.append(el('thead', {}, el('tr', {}, ...['Words', v.a.name, v.b.name, 'Curated follows'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  const keep = v.items.some((i) => i.key === focusKey) ? focusKey : (v.items.find((i) => i.curated === null)?.key ?? v.items[0]?.key ?? null);
  v.items.forEach((item, index) => {
    const row = el(
      'tr',
      { class: `item follows-${item.curated ?? 'none'}`, tabindex: item.key === keep ? '0' : '-1', 'data-index': String(index), 'data-key': item.key, 'aria-label': item.summary, 'aria-keyshortcuts': '1 2 Enter' },
      el('th', { scope: 'row' }, `“${item.text}”`),
      sideCell(item, 'a', v),
      sideCell(item, 'b', v),
      el('td', { class: 'follows' }, follows(item, v)),
    );
    row.addEventListener('focus', () => light(index));
    row.addEventListener('click', () => row.focus());
    body.append(row);
  });
  table.append(body);
  return table;
}

function segment(s: CurationSegmentView, v: CurationView, side: CurationSide): Node[] {
  if (s.label === null) return [document.createTextNode(s.text)];
  const item = s.item === null ? null : v.items[s.item];
  const cls = ['ann', s.label.replace(/[^A-Za-z0-9_-]/g, '_')];
  if (item) cls.push('disagree');
  if (item && item.curated === side) cls.push('taken');
  const mark = el('mark', { class: cls.join(' '), ...(item ? { 'data-index': String(s.item), title: item.summary } : { title: `${s.label}: both agree` }) }, s.text);
  if (item) mark.addEventListener('click', () => focusItem(s.item!));
  return s.continues ? [mark] : [mark, el('span', { class: 'tag' }, s.label)];
}

function textTable(v: CurationView): HTMLElement {
  const table = el('table', { class: 'text' }, el('caption', {}, 'The article as each annotator marked it, line by line; disagreements outlined.'));
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, `${v.a.name}`), el('th', { scope: 'col' }, v.b.name))));
  const body = el('tbody');
  for (const r of v.rows) body.append(el('tr', { class: r.items.length ? 'has-items' : '' }, el('td', {}, ...r.a.flatMap((s) => segment(s, v, 'a'))), el('td', {}, ...r.b.flatMap((s) => segment(s, v, 'b')))));
  table.append(body);
  return table;
}

function render(v: CurationView): void {
  view = v;
  const hadFocus = !!document.activeElement?.closest?.('tr.item');
  if (titleEl) titleEl.textContent = `Curation: ${v.title}`;
  if (takeAllA) {
    takeAllA.textContent = `Take All from ${v.a.name}`;
    takeAllA.disabled = !v.items.some((i) => i.curated !== 'a' && i.cannotTakeA === null);
  }
  if (takeAllB) {
    takeAllB.textContent = `Take All from ${v.b.name}`;
    takeAllB.disabled = !v.items.some((i) => i.curated !== 'b' && i.cannotTakeB === null);
  }
  if (undoButton) undoButton.disabled = !v.canUndo;
  root.replaceChildren(
    el('p', { id: 'summary' }, v.summary),
    el('p', { class: 'meta' }, `Left: ${v.a.name} — ${v.a.detail}. Right: ${v.b.name} — ${v.b.detail}. The curated version is this article’s sidecar.`),
    itemsTable(v),
    el('h2', {}, 'Side by side'),
    textTable(v),
  );
  if (status) status.textContent = v.summary;
  // After a take the list keeps the keyboard where it was.
  if (hadFocus) root.querySelector<HTMLElement>('tr.item[tabindex="0"]')?.focus();
}

function light(index: number): void {
  if (!view) return;
  focusKey = view.items[index]?.key ?? null;
  for (const r of root.querySelectorAll('tr.item')) {
    const here = r.getAttribute('data-index') === String(index);
    r.classList.toggle('selected', here);
    r.setAttribute('tabindex', here ? '0' : '-1');
  }
  for (const m of root.querySelectorAll('mark.disagree')) m.classList.toggle('lit', m.getAttribute('data-index') === String(index));
  root.querySelector('mark.disagree.lit')?.scrollIntoView({ block: 'nearest' });
}

function focusItem(index: number): void {
  root.querySelector<HTMLElement>(`tr.item[data-index="${index}"]`)?.focus();
}

root.addEventListener('keydown', (e) => {
  const row = (e.target as Element).closest?.('tr.item');
  if (!row || !view) return;
  const index = Number(row.getAttribute('data-index'));
  const item = view.items[index];
  if (!item) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? view.items.length - 1 : Math.min(view.items.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)));
    focusItem(next);
  } else if (e.key === '1' || e.key === '2') take(item, e.key === '1' ? 'a' : 'b');
  else if (e.key === 'Enter' || e.key === ' ') post({ type: 'reveal', start: item.start, end: item.end });
  else return;
  e.preventDefault();
});

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (view?.canUndo) post({ type: 'undo' });
  }
});

takeAllA?.addEventListener('click', () => post({ type: 'takeAll', side: 'a' }));
takeAllB?.addEventListener('click', () => post({ type: 'takeAll', side: 'b' }));
undoButton?.addEventListener('click', () => post({ type: 'undo' }));

window.addEventListener('message', (event: MessageEvent<ToCurationPage>) => {
  const m = event.data;
  if (m.type === 'render') {
    vscode.setState(m.state);
    render(m.view);
  } else if (m.type === 'error') {
    view = null;
    root.replaceChildren(el('p', { class: 'error' }, m.message));
    for (const b of [takeAllA, takeAllB, undoButton]) if (b) b.disabled = true;
    if (status) status.textContent = m.message;
  }
});

post({ type: 'ready' });
