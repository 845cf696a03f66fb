/**
 * Hard-wrapped text: wire copy, e-mail and `fold`ed files break every line at a fixed
 * width, so one paragraph spans many lines. Judging such lines one by one makes each
 * look like a short fragment (a menu item, a headline), so they are recognised here and
 * read as the paragraphs they belong to.
 */
import { isBlank, isListItem, type TextLine } from './lines';
import { isAbbreviation } from './sentences';

/** Wrapping narrower or wider than this is not a fixed-width wrap but short items or paragraphs. */
const MIN_WIDTH = 30;
const MAX_WIDTH = 110;
/** A line this close to the run's width was broken by the wrap, not by the writer. */
const FULL_FRACTION = 0.7;
const MIN_RUN = 3;


function width(line: TextLine): number {
  return line.text.trim().length;
}

/** The width a run was wrapped at: its lines' upper quartile, so one long stray line cannot set it. */
function wrapWidth(run: readonly TextLine[]): number {
  const widths = run.map(width).sort((a, b) => a - b);
  return widths[Math.floor((widths.length - 1) * 0.75)];
}

/** Adjacent non-blank lines, as [from, to) index pairs. */
function runsOf(lines: readonly TextLine[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i].text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !isBlank(lines[j].text)) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

interface BreakEvidence {
  /** Line breaks that fall at the wrap width. */
  breaks: number;
  /** Of those, breaks inside a sentence: the next line starts in lower case. */
  runOns: number;
  /** All breaks between adjacent lines. */
  all: number;
}

function isFull(line: TextLine, w: number): boolean {
  const n = width(line);
  return n >= FULL_FRACTION * w && n <= w * 1.15;
}

function evidence(lines: readonly TextLine[], runs: ReadonlyArray<[number, number]>, w: number): BreakEvidence {
  const e = { breaks: 0, runOns: 0, all: 0 };
  for (const [from, to] of runs) {
    for (let k = from; k < to - 1; k++) {
      e.all++;
      if (!isFull(lines[k], w)) continue;
      e.breaks++;
      if (/^\s*\p{Ll}/u.test(lines[k + 1].text)) e.runOns++;
    }
  }
  return e;
}

/** Most breaks fall at the width, and a good share of them inside a sentence. */
function looksWrapped(e: BreakEvidence, minRunOns: number): boolean {
  return e.breaks >= 2 && e.breaks >= 0.5 * e.all && e.runOns >= minRunOns && e.runOns >= 0.25 * e.breaks;
}

/**
 * A line that ends a sentence is joined to the next only when the sentence visibly goes
 * on ("U.S." before "officials", "Mr." before a name); otherwise the break may as well be
 * the writer's (a paragraph, a signature such as "--IANS"), and keeping it loses nothing.
 */
const SENTENCE_END = /[.!?…]["”’'»)]*$/;

function endsSentence(line: string, next: string): boolean {
  const t = line.trimEnd();
  if (!SENTENCE_END.test(t)) return false;
  if (/^\s*\p{Ll}/u.test(next)) return false;
  return !(t.endsWith('.') && isAbbreviation(t, 0, t.length - 1));
}

function join(lines: readonly TextLine[], [from, to]: [number, number], w: number, continues: boolean[]): void {
  for (let k = from; k < to - 1; k++) {
    const next = lines[k + 1].text;
    if (!isFull(lines[k], w) || isListItem(next) || endsSentence(lines[k].text, next)) continue;
    continues[k + 1] = true;
  }
}

/**
 * For each line, whether it continues the line before it as part of one hard-wrapped
 * paragraph. Lines count as wrapped when they fill a common width and sentences visibly
 * run on across the breaks (many lines start in lower case), which a list of headlines
 * or menu items never does. The evidence is weighed over the whole text first, so a
 * short wrapped paragraph whose breaks happen to precede names is still read whole;
 * failing that, run by run, for a page where only the article was wrapped.
 */
export function wrapContinuations(lines: readonly TextLine[]): boolean[] {
  const continues = new Array<boolean>(lines.length).fill(false);
  const runs = runsOf(lines).filter(([from, to]) => to - from >= 2);
  const broken = runs.flatMap(([from, to]) => lines.slice(from, to - 1));
  if (broken.length === 0) return continues;
  const w = wrapWidth(broken);
  if (w >= MIN_WIDTH && w <= MAX_WIDTH && looksWrapped(evidence(lines, runs, w), 3)) {
    for (const run of runs) join(lines, run, w, continues);
    return continues;
  }
  for (const run of runs) {
    if (run[1] - run[0] < MIN_RUN) continue;
    const runWidth = wrapWidth(lines.slice(run[0], run[1]));
    if (runWidth < MIN_WIDTH || runWidth > MAX_WIDTH) continue;
    if (looksWrapped(evidence(lines, [run], runWidth), 2)) join(lines, run, runWidth, continues);
  }
  return continues;
}
