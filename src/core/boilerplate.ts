/**
 * Line-level recognition of the web furniture scraped along with an article:
 * paywall offers, share bars, related links, credits, footers and the like.
 * Each line is first judged alone by the rules table (`boilerplateRules.ts`); the algorithm
 * here then reads the page: trailing furniture blocks, captions, and on a whole web page the
 * article block among its menus and link lists.
 */
import { isBlank, isListItem, type TextLine } from './lines';
import { wrapContinuations } from './wrap';
import { classifyLine, wordCount, type BoilerplateKind } from './boilerplateRules';

export { BOILERPLATE_RULES, classifyLine, type BoilerplateKind, type BoilerplateRule } from './boilerplateRules';

/** Lines that read like article prose: several words ending in sentence punctuation, or long. */
export function isProseLike(raw: string): boolean {
  const line = raw.trim();
  if (line.length >= 200) return true;
  return wordCount(line) >= 8 && /[.!?"”’'»)。！？」』]$/.test(line);
}

/** The block is named after the kind of furniture it is mostly made of. */
function commonestTailKind(kinds: readonly (BoilerplateKind | null)[]): BoilerplateKind | null {
  const counts = new Map<BoilerplateKind, number>();
  for (const k of kinds) if (k && TAIL_OPENERS.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: BoilerplateKind | null = null;
  for (const [k, n] of counts) if (!best || n > counts.get(best)!) best = k;
  return best;
}

/**
 * A photo's file name is followed by its caption; a caption that ends in a credit is
 * a caption, not just a credit.
 */
function markCaptions(lines: readonly TextLine[], kinds: (BoilerplateKind | null)[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] === 'photo-credit' && lines[i].text.trim().length > 60) kinds[i] = 'photo-caption';
    // A credit on a line of its own signs the caption directly above it.
    if (kinds[i] === 'photo-credit' && i > 0 && !kinds[i - 1] && isCaptionLike(lines[i - 1].text)) kinds[i - 1] = 'photo-caption';
    if (kinds[i] !== 'photo-file') continue;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j].text)) j++;
    if (j >= lines.length || kinds[j]) continue;
    if (isCaptionLike(lines[j].text)) kinds[j] = 'photo-caption';
  }
}

function isCaptionLike(line: string): boolean {
  const t = line.trim();
  const sentenceEnds = t.match(/[.!?]["”’']?(\s|$)/g)?.length ?? 0;
  return t.length > 0 && t.length < 400 && sentenceEnds <= 2;
}

/** Kinds that open a trailing block of page furniture: nothing after them is article text. */
const TAIL_OPENERS = new Set<BoilerplateKind>([
  'comments',
  'subscription',
  'newsletter',
  'share',
  'related',
  'contact',
  'disclaimer',
  'copyright',
  'footer',
]);

/**
 * Classifies every line. A hard-wrapped paragraph is judged as the one line it stands for,
 * and its verdict given to each of its lines (`continues` as `wrapContinuations` gives it,
 * for callers that already have it).
 */
export function classifyLines(lines: readonly TextLine[], continues: readonly boolean[] = wrapContinuations(lines)): (BoilerplateKind | null)[] {
  if (!continues.includes(true)) return classifyLogicalLines(lines);
  const logical: TextLine[] = [];
  const logicalOf: number[] = [];
  lines.forEach((line, i) => {
    const last = logical.length - 1;
    if (continues[i]) {
      const head = logical[last];
      logical[last] = { number: head.number, start: head.start, end: line.end, text: `${head.text.trimEnd()} ${line.text.trim()}` };
      logicalOf.push(last);
    } else {
      logical.push(line);
      logicalOf.push(last + 1);
    }
  });
  const kinds = classifyLogicalLines(logical);
  return lines.map((_, i) => kinds[logicalOf[i]]);
}

/** A bulleted line as a page's menus and link lists are written out ("  * Guides"). */
const MENU_BULLET = /^\s*[*•·▪◦‣]\s/;

/** Consecutive menu-sized lines that make a menu ("Home", "News", "Politics", …). */
const MENU_RUN = 5;

/**
 * Whether the page has a menu: a bulleted line, or a run of MENU_RUN menu-sized lines (one to
 * three words, none ending a sentence or a bracket). A wrapped sentence's last words ("Leeds )",
 * "Scotland .") and a lone month heading in an itinerary are not one.
 */
function hasMenu(lines: readonly TextLine[]): boolean {
  let run = 0;
  for (const l of lines) {
    if (MENU_BULLET.test(l.text)) return true;
    if (isBlank(l.text)) continue;
    const t = l.text.trim();
    run = words(t) <= 3 && !/[.!?:;,)\]"”]$/.test(t) ? run + 1 : 0;
    if (run >= MENU_RUN) return true;
  }
  return false;
}

/**
 * Lines are first judged alone; then a trailing block that
 * starts at page furniture and holds no prose is boilerplate as a whole, since
 * paywall offers and footers are made of short lines no single rule can know
 * ("3 Months", "Archives").
 */
function classifyLogicalLines(lines: readonly TextLine[]): (BoilerplateKind | null)[] {
  const kinds = lines.map((l) => classifyLine(l.text));
  // Plain text (no line any rule knows as web furniture, no menu) is never a whole web page: a
  // short agency story, an itinerary or a results list is all body, however little prose.
  const furnished = kinds.some((k) => k !== null) || hasMenu(lines);
  let tailStart = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i].text;
    if (isBlank(text)) continue;
    const kind = kinds[i];
    if (kind && TAIL_OPENERS.has(kind)) {
      tailStart = i;
      continue;
    }
    if (kind || !isProseLike(text)) continue;
    break;
  }
  const tailKind = tailStart >= 0 ? commonestTailKind(kinds.slice(tailStart)) : null;
  if (tailKind) {
    for (let i = tailStart; i < lines.length; i++) {
      if (!isBlank(lines[i].text) && !kinds[i]) kinds[i] = tailKind;
    }
  }
  markCaptions(lines, kinds);
  if (furnished && looksLikeWholePage(lines, kinds)) markOutsideMainBlock(lines, kinds);
  return kinds;
}

// Tuned on the article-extraction benchmark: a short non-prose line costs as much as a twelve-word sentence earns.
const PENALTY_SHORT = 12;
const PENALTY_PER_WORD = 3;

function words(line: string): number {
  return wordCount(line);
}

// Whole-page mode: a page of 15 lines or more with little prose (under 45 %) is a whole web page
// when at least 15 % of its lines are menu-sized (one to three words). Tuned on half A of the
// article-extraction benchmark; the seeds (scraped articles) stay below it.
const WHOLE_PAGE_MIN_LINES = 15;
const WHOLE_PAGE_MAX_PROSE = 0.45;
const WHOLE_PAGE_MIN_SHORT = 0.15;

const NUMBER_TOKEN = /^[-+]?\p{N}+([.,:/-]\p{N}+)*[.%]?$|^[.]\p{N}+$/u;

/** A line of a table: a name or two and numbers, the numbers at least two and a third of its tokens. */
export function isTableRow(raw: string): boolean {
  const tokens = raw.trim().split(/\s+/);
  let numbers = 0;
  let named = false;
  for (const t of tokens) {
    if (NUMBER_TOKEN.test(t)) numbers++;
    else if (/\p{L}{2}/u.test(t)) named = true;
  }
  return named && numbers >= 2 && numbers * 3 >= tokens.length;
}

/**
 * A whole web page (menus, link lists, footers) rather than an article already cut out: little
 * prose and a share of menu-sized lines, whatever its length. Scraped articles keep the line rules alone.
 */
function looksLikeWholePage(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[]): boolean {
  // Lines the rules already recognised count as the page's furniture too: recognising more
  // of it must not make a page look more like an article.
  const nonBlank = lines.filter((l) => !isBlank(l.text));
  if (nonBlank.length < WHOLE_PAGE_MIN_LINES) return false;
  const content = lines.filter((l, i) => !isBlank(l.text) && kinds[i] === null);
  const prose = content.filter((l) => isProseLike(l.text)).length;
  // Rows of a results table or standings ("Puchon 3 1 0 6 1 10") are the article's own text.
  const rows = content.filter((l) => !isProseLike(l.text) && isTableRow(l.text)).length;
  if ((prose + rows) / nonBlank.length >= WHOLE_PAGE_MAX_PROSE) return false;
  // An article cut out of its page has a headline and a byline, not a menu.
  const short = nonBlank.filter((l) => words(l.text) <= 3).length;
  return short / nonBlank.length >= WHOLE_PAGE_MIN_SHORT;
}

/**
 * A list the article introduces ("The tour dates:", "Here's what to know:") is part of it,
 * although its lines are as short as a menu's: the lines right after the colon, up to the
 * first blank line, recognised furniture or change of shape (bulleted or not).
 */
function extendOverIntroducedList(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], end: number): number {
  let intro = end;
  if (!lines[intro].text.trim().endsWith(':')) {
    intro = end + 1;
    while (intro < lines.length && isBlank(lines[intro].text)) intro++;
    if (intro >= lines.length || kinds[intro] !== null || !lines[intro].text.trim().endsWith(':') || words(lines[intro].text) < 3) return end;
  }
  let j = intro + 1;
  if (j < lines.length && isBlank(lines[j].text)) j++;
  if (j >= lines.length) return end;
  const bulleted = isListItem(lines[j].text);
  let last = intro === end ? end : -1;
  while (j < lines.length && !isBlank(lines[j].text) && kinds[j] === null && isListItem(lines[j].text) === bulleted) last = j++;
  return last < 0 ? end : last;
}

/**
 * The article is the densest run of prose: the maximum-sum segment when prose lines
 * count their words and other lines count against. Outside it (bar the headline just
 * above) is navigation before and page furniture after.
 */
function markOutsideMainBlock(lines: readonly TextLine[], kinds: (BoilerplateKind | null)[]): void {
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  // Readers' comments come after the article: once a comments header follows some prose,
  // what comes after it cannot be the article, however much prose it holds.
  let prose = 0;
  let inComments = false;
  const introduced = introducedListItems(lines, kinds);
  // A list of related links inside the article (its heading too) neither counts for nor against it, so
  // that the article's prose on either side is one block.
  const linkList = new Set(relatedListLines(lines, kinds, 0, lines.length - 1, new Set()));
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].text;
    // A quoted block (an embedded post, a pull quote) is read without its "> " marks; its
    // empty lines are blank lines.
    const text = raw.replace(/^\s*>\s?/, '');
    if (isBlank(text)) continue;
    const n = words(text);
    if (kinds[i] === 'comments' && prose >= 5) inComments = true;
    if (kinds[i] === null && isProseLike(text)) prose++;
    // A related story's headline glued to its summary reads like prose but is a link: it counts as a short line.
    // A point of a list the article introduces costs as little as one word, however long, so
    // that an article written as a list is not cut in two at its bullets.
    const score = linkList.has(i) && !inComments ? -4 : inComments || kinds[i] !== null ? -4 : isGluedTeaser(text) ? -PENALTY_SHORT : isProseLike(text) ? Math.min(n, 60) : n <= 3 ? -PENALTY_SHORT : introduced[i] ? -PENALTY_PER_WORD : -Math.min(n, 12) * PENALTY_PER_WORD;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  if (bestStart < 0) return;
  // A web page has its menus above the article. When the densest prose starts at the text's
  // first line or the one after it (a headline), the text is an article already cut out —
  // wire copy whose results tables and standings follow one line of prose — and keeps the line rules alone.
  if (lines.slice(0, bestStart).filter((l) => !isBlank(l.text)).length <= 1) return;
  bestEnd = extendOverIntroducedList(lines, kinds, bestEnd);
  bestEnd = extendOverArticleLines(lines, kinds, bestEnd);
  bestEnd = extendOverParallelList(lines, kinds, bestEnd);
  bestEnd = extendOverNumberedList(lines, kinds, bestEnd);
  bestEnd = extendOverRecipe(lines, kinds, bestEnd);
  bestEnd = endBeforeAuthorBox(lines, kinds, bestStart, bestEnd);
  // The headline: the line that repeats the page's title line, when the page starts with one
  // (the title line itself is the page's furniture); else the headline-shaped line above the
  // body whose words the body repeats most; else one over a byline or date, or a short line
  // without a closing full stop, not a time stamp or byline, among the few lines above the body.
  const title = pageTitle(lines, kinds);
  if (title) kinds[title.line] = 'navigation';
  const repeat = title && title.repeat < bestStart ? title.repeat : -1;
  let headline = repeat < 0 ? headlineEchoedByBody(lines, kinds, bestStart, bestEnd) : -1;
  if (repeat < 0 && headline < 0) headline = headlineAboveByline(lines, kinds, bestStart);
  for (let i = bestStart - 1, seen = 0; repeat < 0 && headline < 0 && i >= 0 && seen < 6; i--) {
    if (isBlank(lines[i].text)) continue;
    seen++;
    const t = lines[i].text.trim();
    if (kinds[i] === null && words(t) >= 3 && words(t) <= 25 && !/[.:]$/.test(t) && !isTimeStampOrByline(t)) {
      headline = i;
      break;
    }
  }
  markRelatedLists(lines, kinds, bestStart, bestEnd, headline, repeat);
  for (let i = 0; i < lines.length; i++) {
    if (isBlank(lines[i].text) || kinds[i] !== null || i === headline || i === repeat) continue;
    if (i < bestStart) kinds[i] = 'navigation';
    else if (i > bestEnd) kinds[i] = 'footer';
    // Inside the article, a short bulleted item is a menu or a share bar, not a list the writer made.
    else if (/^\s*[*•·]\s+/.test(lines[i].text) && !isProseLike(lines[i].text) && words(lines[i].text) <= 3) kinds[i] = 'navigation';
  }
}

// How far above the body the headline is looked for (non-blank lines: share bars, captions and
// bylines stand between), and how close below it its byline or date must be.
const HEADLINE_WINDOW = 20;
const BYLINE_BELOW_HEADLINE = 3;

/**
 * A headline-shaped line (three to 25 words, no full stop, colon or comma at its end, not a
 * list item, a time stamp or a byline) with a byline or date among the few lines below it:
 * "Republicans Are Following Trump to Nowhere" over its standfirst and "By Jamelle Bouie". The
 * nearest such line above the body, or -1.
 */
function headlineAboveByline(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], bestStart: number): number {
  const above: number[] = [];
  // Lines without a letter (an empty share button, "* ") are not counted.
  for (let i = bestStart - 1; i >= 0 && above.length < HEADLINE_WINDOW; i--) if (/\p{L}/u.test(lines[i].text)) above.push(i);
  for (let k = 0; k < above.length; k++) {
    const i = above[k];
    if (kinds[i] !== null || !isHeadlineShaped(lines[i].text)) continue;
    const below = above.slice(Math.max(0, k - BYLINE_BELOW_HEADLINE), k).map((j) => lines[j].text.trim().replace(/^[*•·]\s+/, ''));
    if (below.some((t) => isTimeStampOrByline(t) || isDateLine(t))) return i;
  }
  return -1;
}

// The body's opening, whose words a headline repeats, and the words that count: four letters or
// more (not "the", "and", "to", which every line shares).
const BODY_OPENING_WORDS = 400;
const KEY_WORD = /^\p{L}{4,}$/u;

const lowerWords = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A sentence's end inside the line followed by another: a caption ("… a big win. He didn't get it."), not a headline. */
const INNER_SENTENCE_END = /\p{Ll}[.!?]["”’']?\s*\p{Lu}/u;

/**
 * The headline is the line the article goes on to talk about: of the headline-shaped lines
 * above the body (within HEADLINE_WINDOW lines), the one whose longer words the body's first
 * BODY_OPENING_WORDS words repeat most, the nearest to the body on a tie; -1 when none shares
 * a word with it. A menu item, a byline or another story's headline shares few of its words.
 * Only the article block is read: a paywalled story's footer names the site over and over.
 */
function headlineEchoedByBody(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], bestStart: number, bestEnd: number): number {
  const opening = new Set<string>();
  let count = 0;
  for (let i = bestStart; i <= bestEnd && count < BODY_OPENING_WORDS; i++) {
    const ws = lowerWords(lines[i].text).slice(0, BODY_OPENING_WORDS - count);
    for (const w of ws) if (KEY_WORD.test(w)) opening.add(w);
    count += ws.length;
  }
  let best = -1;
  let bestShared = 0;
  for (let i = bestStart - 1, seen = 0; i >= 0 && seen < HEADLINE_WINDOW; i--) {
    if (!/\p{L}/u.test(lines[i].text)) continue;
    seen++;
    if (kinds[i] !== null || !isHeadlineShaped(lines[i].text) || INNER_SENTENCE_END.test(lines[i].text)) continue;
    const shared = new Set(lowerWords(lines[i].text).filter((w) => KEY_WORD.test(w) && opening.has(w))).size;
    if (shared > bestShared) {
      best = i;
      bestShared = shared;
    }
  }
  return best;
}

function isHeadlineShaped(raw: string): boolean {
  const t = raw.trim();
  const n = words(t);
  return n >= 3 && n <= 25 && t.length < 200 && !/[.:,;]$/.test(t) && !isListItem(t) && !isTimeStampOrByline(t);
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE = new RegExp(`\\b${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}\\.?\\s+${MONTH},?\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'i');

/** A short line holding a date ("Nov. 19, 2019", "18 NOV 2019", "2019-04-10"): a byline's date. */
function isDateLine(line: string): boolean {
  return words(line) <= 12 && DATE_LINE.test(line);
}

// A glued teaser's headline: five to 16 words, nine in ten of them capitalised (or short function
// words), no sentence end inside; its summary five words or more.
const TEASER_HEAD_MIN_WORDS = 5;
const TEASER_HEAD_MAX_WORDS = 16;
const TEASER_HEAD_CAPITALISED = 0.9;
const TEASER_SUMMARY_MIN_WORDS = 5;
const TITLE_CASE_SMALL_WORDS = /^(a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|is|v|vs)$/i;

/**
 * A related story's headline glued to its summary by the converter, which drops the break
 * between two elements: "Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota
 * flopped for the blue oval at the track." A Title Case headline, then a word starting right
 * after a lower-case letter. A name in camel case inside a sentence ("Apple's AirPower project",
 * "the PS4 DualShock controllers") has a head in sentence case or too short.
 */
export function isGluedTeaser(raw: string): boolean {
  const m = /^(.*?\p{Ll}{2})(\p{Lu}\p{Ll}.*)$/u.exec(raw.trim());
  if (!m) return false;
  const head = m[1].split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (head.length < TEASER_HEAD_MIN_WORDS || head.length > TEASER_HEAD_MAX_WORDS) return false;
  if (/[.!?;]\s/.test(m[1]) || m[2].split(/\s+/).length < TEASER_SUMMARY_MIN_WORDS) return false;
  const capitalised = head.filter((w) => /^\p{Lu}/u.test(w)).length;
  const titleCase = head.filter((w) => /^\p{Lu}/u.test(w) || TITLE_CASE_SMALL_WORDS.test(w)).length;
  return /^\p{Lu}/u.test(head[0]) && capitalised >= 3 && titleCase / head.length >= TEASER_HEAD_CAPITALISED;
}

// Continuing the article past its densest prose: lines of four words or more, and how many other
// lines may stand between two of them.
const ARTICLE_LINE_MIN_WORDS = 4;
const ARTICLE_GAP = 1;

/**
 * A line that reads like the article's own though it is not prose by `isProseLike`: a short
 * sentence ("Four teams from there will join the field of 20."), a question, or a line of an
 * interview ("Q: FAVORITE APPS?", "A: Trip to Disney World").
 */
function isArticleLine(raw: string): boolean {
  const t = raw.trim().replace(/^>\s?/, '');
  if (/^(q|a)\s*:/i.test(t)) return true;
  return words(t) >= ARTICLE_LINE_MIN_WORDS && /[.!?]["”’')]?$/.test(t);
}

/**
 * The article goes on past its densest prose over its own lines — prose, short sentences,
 * questions and answers — with at most one other line between two of them, and stops at the
 * first line the rules recognise as furniture: an interview's short answers, a list of short
 * sentences, the last lines after a photo.
 */
function extendOverArticleLines(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], end: number): number {
  let last = end;
  let others = 0;
  for (let j = end + 1; j < lines.length; j++) {
    const t = lines[j].text;
    if (isBlank(t)) continue;
    if (kinds[j] !== null) break;
    if (isProseLike(t) || isArticleLine(t)) {
      last = j;
      others = 0;
    } else if (++others > ARTICLE_GAP) break;
  }
  return last;
}

/** A time stamp or byline next to a headline: "Published 24.08.2017 23:21", "By Jane Doe". */
function isTimeStampOrByline(line: string): boolean {
  return (
    /^(by|published|updated|posted|last updated|veröffentlicht|publié|publicado|pubblicato)\b/i.test(line) ||
    (/\b\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s|$)/i.test(line) && /\b\d{4}\b/.test(line)) ||
    /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/.test(line)
  );
}

const titleWords = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The page's title line (its first line, where a converter writes the HTML title) and the line
 * further down that repeats it, the article's headline. The title often carries the site's name
 * after a separator ("Headline | Site", "Headline - Site"); a title of one or two words is not
 * matched (it would match a menu item).
 */
function pageTitle(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[]): { line: number; repeat: number } | null {
  const first = lines.findIndex((l) => !isBlank(l.text));
  if (first < 0 || kinds[first] !== null) return null;
  const text = lines[first].text.trim();
  const parts = text.split(/\s+[|–—:-]\s+|\s*\|\s*/);
  const candidates = new Set([text, parts.slice(0, -1).join(' '), parts[0]].map(titleWords).filter((c) => c.split(' ').length >= 3));
  if (candidates.size === 0) return null;
  for (let j = first + 1; j < lines.length; j++) {
    if (!isBlank(lines[j].text) && kinds[j] === null && candidates.has(titleWords(lines[j].text))) return { line: first, repeat: j };
  }
  return null;
}

/**
 * Whether a line is written in sentence case: after its first word, fewer than half its words
 * are capitalised. A headline in Title Case or capitals ("15 Amazing Images of Stars", "AFGHAN
 * WOMAN POLITICIAN SEES…") is not; a writer's bullet point ("Your email list will begin to grow") is.
 */
function isSentenceCase(raw: string): boolean {
  const ws = raw.trim().replace(/^[*•·-]\s+/, '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (ws.length < 2) return false;
  const rest = ws.slice(1);
  return rest.filter((w) => /^\p{Lu}/u.test(w)).length / rest.length < 0.5;
}

/**
 * The list items the article introduces: a run of bulleted or numbered lines in sentence case
 * right after a prose line or after a line of three words or more ending in a colon or an
 * ellipsis ("Think about it:", "If you are …"). A page's link lists stand under a short heading
 * ("More Great WIRED Stories", "MORE:") or are written as headlines.
 */
function introducedListItems(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[]): boolean[] {
  const introduced = lines.map(() => false);
  let previous = -1;
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (isBlank(text)) continue;
    if (kinds[i] === null && isListItem(text)) {
      if (!inList && previous >= 0 && kinds[previous] === null) {
        const intro = lines[previous].text.trim();
        inList = !isListItem(intro) && (isProseLike(intro) || (/([:…]|\.\.\.)$/.test(intro) && words(intro) >= 3) || RECIPE_HEADING.test(intro));
      }
      introduced[i] = inList && isSentenceCase(text);
    } else inList = false;
    previous = i;
  }
  return introduced;
}

// A heading over links to other stories: a few words naming them as more, related, popular,
// trending, recommended or the latest ("More from Space.com", "PFT Most Commented", "DON'T MISS",
// "You may also like", "Read more"), not a sentence.
const RELATED_HEADING_MAX_WORDS = 5;
const RELATED_HEADING = /\b(related|more|popular|trending|recommended|latest|also|miss|must[- ]reads?|top stories|most (read|viewed|commented|shared|emailed))\b/i;
// A bulleted link may read like a sentence ("Video shows dramatic rescue of kidnapped girl: "We
// got her!""); a bulleted point longer than this is the article's.
const RELATED_ITEM_MAX_WORDS = 20;
// How many items make a list under such a heading.
const RELATED_LIST_MIN_ITEMS = 2;

function isRelatedHeading(raw: string, kind: BoilerplateKind | null): boolean {
  const t = raw.trim();
  // "Related: Headline" is one link, not a heading over a list.
  if (/:\s*\S/.test(t)) return false;
  if (kind === 'related') return true;
  if (kind !== null || isListItem(t) || words(t) > RELATED_HEADING_MAX_WORDS || /[.!?,;]$/.test(t)) return false;
  return RELATED_HEADING.test(t);
}

/**
 * The list under a related-links heading is links, not the article, even where the article's
 * prose goes on below it: the lines after the heading that are not prose (or are bulleted links),
 * up to the first prose line, a line introducing a list, recognised furniture or a headline
 * (the article's, or one over a byline or date), when there are at least two. Only the article block is read
 * (outside it every line is furniture already).
 */
/** A headline-shaped line with a byline or date right below it: an article's headline, not a link. */
function isOverByline(lines: readonly TextLine[], i: number): boolean {
  if (!isHeadlineShaped(lines[i].text)) return false;
  for (let j = i + 1, seen = 0; j < lines.length && seen < BYLINE_BELOW_HEADLINE; j++) {
    const t = lines[j].text.trim().replace(/^[*•·]\s+/, '');
    if (!t) continue;
    seen++;
    if (isTimeStampOrByline(t) || isDateLine(t)) return true;
  }
  return false;
}

function markRelatedLists(lines: readonly TextLine[], kinds: (BoilerplateKind | null)[], blockStart: number, blockEnd: number, headline: number, repeat: number): void {
  // The line taken for the headline may be such a heading itself ("PFT Most Commented" over its list).
  const from = headline >= 0 && headline < blockStart ? headline : blockStart;
  for (const i of relatedListLines(lines, kinds, from, blockEnd, new Set([headline, repeat]))) kinds[i] = kinds[i] ?? 'related';
}

/** The headings over related links between `from` and `to` and the lists under them (see `markRelatedLists`). */
function relatedListLines(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], from: number, to: number, headlines: ReadonlySet<number>): number[] {
  const found: number[] = [];
  for (let h = from; h <= to; h++) {
    if (isBlank(lines[h].text) || !isRelatedHeading(lines[h].text, kinds[h])) continue;
    const items: number[] = [];
    let j = h + 1;
    for (; j <= to; j++) {
      const t = lines[j].text;
      if (isBlank(t)) continue;
      // A line ending in a colon introduces the article's own list ("Here are some of the highlights:").
      if (kinds[j] !== null || headlines.has(j) || /:$/.test(t.trim()) || isOverByline(lines, j)) break;
      if (isProseLike(t) && !(isListItem(t) && words(t) <= RELATED_ITEM_MAX_WORDS)) break;
      items.push(j);
    }
    if (items.length < RELATED_LIST_MIN_ITEMS) continue;
    found.push(h, ...items);
    h = j - 1;
  }
  return found;
}


// A list of records: at least this many items, most of them (this share) of one skeleton.
const PARALLEL_LIST_MIN_ITEMS = 3;
const PARALLEL_LIST_SHARE = 0.8;
const LIST_HEADING_MAX_WORDS = 6;

/**
 * A line's skeleton: its punctuation in order, without bullets, quotes, full stops and the
 * letters, digits and spaces between. "June 9 – Tampa, FL @ Amalie Arena" is "–,@", "England
 * (Group A): 10th appearance" is "():".
 */
function skeleton(raw: string): string {
  return raw
    .trim()
    .replace(/^([*•·▪◦‣-]|\d{1,3}[.)])\s+/, '')
    .replace(/[\p{L}\p{N}\s.'’"“”‘]+/gu, '');
}

/**
 * The article may end on a list of records under its own short heading — tour dates, the
 * qualified teams, results — written one to a line in one shape ("June 9 – West Palm Beach, FL @
 * Coral Sky Amphitheatre", "June 10 – Tampa, FL @ …"). A link list's headlines each have their
 * own punctuation, and a menu's items are one to three words. The block goes on over such a list when it starts
 * right after the block's end.
 */
function extendOverParallelList(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], end: number): number {
  const next = (from: number) => {
    let j = from;
    while (j < lines.length && isBlank(lines[j].text)) j++;
    return j;
  };
  let j = next(end + 1);
  if (j >= lines.length || kinds[j] !== null) return end;
  const first = lines[j].text.trim();
  // A short heading over the list ("The Doobie Brothers Tour Dates", "Qualified teams"), not one over links.
  if (words(first) <= LIST_HEADING_MAX_WORDS && !/[.!?:;,]$/.test(first) && !isRelatedHeading(first, null) && !isListItem(first)) j = next(j + 1);
  const items: number[] = [];
  // Items are records, not sentences (a record may end in a bracket: "… (Formerly Verizon Amphitheatre)").
  const isRecord = (t: string) => t.trim().length < 200 && !/[.!?]["”’')]?$/.test(t.trim());
  for (; j < lines.length && kinds[j] === null && isRecord(lines[j].text); j = next(j + 1)) items.push(j);
  if (items.length < PARALLEL_LIST_MIN_ITEMS) return end;
  const counts = new Map<string, number>();
  for (const i of items) {
    // Menu-sized items ("Novembro (113)" in an archive) are a menu however alike.
    const k = words(lines[i].text) > 3 ? skeleton(lines[i].text) : '';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let shape = '';
  let most = 0;
  for (const [k, n] of counts) if (n > most) [shape, most] = [k, n];
  if (!shape || most < PARALLEL_LIST_MIN_ITEMS || most < PARALLEL_LIST_SHARE * items.length) return end;
  // The list ends at its last item of that shape.
  let last = end;
  for (const i of items) if (words(lines[i].text) > 3 && skeleton(lines[i].text) === shape) last = i;
  return last;
}

// How many lines (a link, a price, a photo's credit) may stand between two items of a numbered list.
const NUMBERED_ITEM_GAP = 3;
const itemNumber = (raw: string) => {
  const m = /^\s*(\d{1,3})[.)]\s+\S/.exec(raw);
  return m ? Number(m[1]) : -1;
};

/**
 * An article written as a numbered list ("1) Lego Star Wars 75188…", a link, "2) Polistil 960574…")
 * goes on past the block's end while the numbers count up, with a few lines of any kind between
 * two items. A list of links after the article numbers its items from 1 again.
 */
function extendOverNumberedList(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], end: number): number {
  let last = -1;
  for (let i = end, seen = 0; i >= 0 && seen <= NUMBERED_ITEM_GAP; i--) {
    if (isBlank(lines[i].text)) continue;
    seen++;
    if (kinds[i] === null && itemNumber(lines[i].text) > 0) {
      last = i;
      break;
    }
  }
  if (last < 0) return end;
  let number = itemNumber(lines[last].text);
  let result = end;
  for (let j = last + 1, between = 0; j < lines.length && between <= NUMBERED_ITEM_GAP; j++) {
    const t = lines[j].text;
    if (isBlank(t)) continue;
    if (kinds[j] === null && itemNumber(t) === number + 1) {
      number++;
      result = Math.max(result, j);
      between = 0;
    } else if (kinds[j] === 'comments') break;
    else between++;
  }
  return result;
}

// An author box: a line of two to four words naming the writer, and at most this many lines about them.
const AUTHOR_BOX_MAX_LINES = 2;
// The article above it: at least this many lines of prose (a short item may open on its subject's name).
const AUTHOR_BOX_MIN_ARTICLE = 3;

/**
 * The block may end on the writer's box: their name on a line of its own ("Phil Helsel",
 * "Über Moritz Bachmann") and a line or two about them that names them again in full ("Phil
 * Helsel is a reporter for NBC News."); a subheading ("AUSTRALIA AHEAD") is not repeated so. The
 * block ends before the name.
 */
function endBeforeAuthorBox(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], start: number, end: number): number {
  const tail: number[] = [];
  for (let i = end; i > start && tail.length <= AUTHOR_BOX_MAX_LINES; i--) {
    if (isBlank(lines[i].text)) continue;
    const t = lines[i].text.trim();
    const ws = t.split(/\s+/);
    // The name: its last two words capitalised (a word before them may be "About", "Über", "Sobre").
    const name = ws.length >= 2 && ws.length <= 4 && kinds[i] === null && !/[.!?:;,]$/.test(t) && ws.slice(-2).every((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w));
    if (name && tail.length > 0) {
      const named = ws.slice(-2).map((w) => w.toLowerCase());
      const about = lines[tail[tail.length - 1]].text.toLowerCase();
      const article = lines.slice(start, i).filter((l) => isProseLike(l.text)).length;
      if (article >= AUTHOR_BOX_MIN_ARTICLE && named.every((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(about))) return i - 1;
      return end;
    }
    tail.push(i);
  }
  return end;
}

/** The headings of a recipe's parts, in the languages of the line rules. */
const RECIPE_HEADING = /^(ingredients|instructions|directions|method|preparation|zutaten|zubereitung|ingrédients|préparation|ingredientes|preparación|preparo|modo de preparo|ingredienti|preparazione|składniki|przygotowanie|ingrediënten|bereiding)\s*:?$/i;
// How far below the block's end a recipe card may start (its title, a print button, a rating).
const RECIPE_WINDOW = 8;

/**
 * A recipe card after the article (its title, "Ingredients" and the list, "Instructions" and the
 * steps) is the article's: ingredients are never a page's menu. The block goes on from the
 * card's first heading over its lists and their headings, up to the first line that is neither.
 */
function extendOverRecipe(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[], end: number): number {
  let heading = -1;
  for (let j = end + 1, seen = 0; j < lines.length && seen < RECIPE_WINDOW; j++) {
    if (isBlank(lines[j].text)) continue;
    seen++;
    if (kinds[j] !== null && TAIL_OPENERS.has(kinds[j]!) && kinds[j] !== 'share') break;
    if (RECIPE_HEADING.test(lines[j].text.trim())) {
      heading = j;
      break;
    }
  }
  if (heading < 0) return end;
  let last = heading;
  for (let j = heading + 1; j < lines.length; j++) {
    const t = lines[j].text;
    if (isBlank(t)) continue;
    if (kinds[j] !== null || !(isListItem(t) || RECIPE_HEADING.test(t.trim()))) break;
    last = j;
  }
  return last;
}
