/** Content terms of an article for event clustering: words, names, and title words weighted up. */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves said says say told tell one two three new year years also like would could may might must last first people time day week month told according since including however yet still even well back many much made make get got see way just however whether another around across among already although though without within via per mr mrs ms monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow`.split(
    /\s+/,
  ),
);

export interface TermOptions {
  readonly titleWeight: number;
  readonly nameWeight: number;
  /** Weight of the lead: the opening characters, where news states the event. */
  readonly leadWeight: number;
  readonly leadChars: number;
}

export const DEFAULT_TERM_OPTIONS: TermOptions = { titleWeight: 3, nameWeight: 5, leadWeight: 2, leadChars: 600 };

const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'President', 'Minister', 'Premier']);

function onlySpaces(text: string, from: number, to: number): boolean {
  if (from < 0 || to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True at the start of the text, a line, or a sentence (after . ! or ?, maybe a closing quote). */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n' || text[i] === '\r') return true;
  if (i < at - 1 && '"”’\''.includes(text[i])) i--;
  return i >= 0 && (text[i] === '.' || text[i] === '!' || text[i] === '?');
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/**
 * Term counts: lower-cased, stemmed content words; capitalised word runs away from a
 * sentence start as "name" terms (cheap stand-ins for entities at corpus scale).
 */
export function termCounts(title: string, body: string, options: TermOptions = DEFAULT_TERM_OPTIONS): Map<string, number> {
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const byId = termIdCounts(title, body, options, ids, terms);
  return new Map([...byId].map(([id, n]) => [terms[id], n]));
}

/** Term counts keyed by ids from a shared interning table (`terms[id]` is the term). */
export function termIdCounts(title: string, body: string, options: TermOptions, ids: Map<string, number>, terms: string[]): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (term: string, weight: number) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length;
      ids.set(term, id);
      terms.push(term);
    }
    counts.set(id, (counts.get(id) ?? 0) + weight);
  };
  // One pass over the words; runs of capitalised words not opening a sentence are names.
  const scan = (text: string, weight: number) => {
    let run: string[] = [];
    let runEnd = -1;
    const flush = () => {
      if (run.length) {
        // "Lee Hae-chan", "Lee Hae Chan" and "Mr Lee Hae-Chan" are one name term.
        const words = TITLES.has(run[0]) && run.length > 1 ? run.slice(1) : run;
        const name = words.join('').toLowerCase().replace(/-/g, '');
        if (name.length >= 3 && !STOPWORDS.has(name)) add(`@${name}`, weight * options.nameWeight);
      }
      run = [];
    };
    for (const m of text.matchAll(WORD)) {
      const raw = m[0].endsWith("'s") || m[0].endsWith('’s') ? m[0].slice(0, -2) : m[0];
      const start = m.index!;
      const capital = raw.charCodeAt(0) < 128 ? raw[0] >= 'A' && raw[0] <= 'Z' : raw[0] !== raw[0].toLowerCase();
      if (!capital || !onlySpaces(text, runEnd, start)) flush();
      if (capital && (run.length > 0 || !opensSentence(text, start))) run.push(raw);
      runEnd = start + m[0].length;
      const w = raw.toLowerCase();
      if (w.length < 3 || STOPWORDS.has(w)) continue;
      add(stem(w), weight);
    }
    flush();
  };
  scan(title, options.titleWeight);
  const cut = options.leadWeight > 1 ? body.indexOf(' ', options.leadChars) : -1;
  if (cut > 0) {
    scan(body.slice(0, cut), options.leadWeight);
    scan(body.slice(cut), 1);
  } else scan(body, 1);
  return counts;
}

/** The content words of a headline, as the clustering's terms spell them. */
export function titleWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const m of title.matchAll(WORD)) {
    const raw = m[0].endsWith("'s") || m[0].endsWith('’s') ? m[0].slice(0, -2) : m[0];
    const w = raw.toLowerCase();
    if (w.length >= 3 && !STOPWORDS.has(w)) words.add(stem(w));
  }
  return words;
}
