/**
 * Who said a quote: the cue ("said", "told", "according to", "quoted … as saying") and
 * the speaker mention next to it, before, after or around the quote. Pronouns and
 * quotes with no cue of their own go to the speaker of the quote just before.
 */
import { isAbbreviation, type Span } from '../sentences';
import { foldDoubledApostrophes, type QuoteSpan } from './findQuotes';
import { firstAtLeast } from '../sortedSearch';

export interface Attributed {
  readonly quote: QuoteSpan;
  readonly cue: Span | null;
  /** The local mention: a name, a description or a pronoun. */
  readonly speaker: Span | null;
  /** Whether the quote is a whole statement or a few words inside the writer's sentence. */
  readonly kind: 'direct' | 'partial';
  /** For pronouns and continuations: the quote whose speaker this one inherits. */
  readonly inheritsFrom: number | null;
}

const CUE_VERBS =
  'hoped|hopes|expressed|highlighted|said|says|say|saying|told|tells|tell|telling|added|adds|adding|stressed|stresses|stressing|urged|urges|urging|warned|warns|warning|wrote|writes|writing|noted|notes|explained|explains|asked|asks|replied|replies|declared|declares|announced|announces|insisted|insists|argued|argues|claimed|claims|acknowledged|admitted|admits|continued|continues|reported|reports|tweeted|tweets|posted|stated|states|suggested|suggests|recalled|recalls|complained|conceded|emphasi[sz]ed|emphasi[sz]es|agreed|predicted|promised|vowed|called|calls|calling|described|describes|describing|responded|remarked|observed|quipped|joked|countered|boasted|cautioned|pledged|thundered|shouted|yelled|retorted|mused|opined|lamented|charged|alleged|commented|comments|asserted|asserting|chanted|chanting|sang|sings|singing|reads|read|testified|wondered|whispered|concluded|acknowledges|texted|cited|citing|exclaimed|exhorted|cracked|recommended|remembered|assured|recounted|warned|scoffed|snapped|interjected|marveled|marvelled|reacted|riffed|pointed out|points out|fired back|shot back|chimed in|reiterated|confessed|confided|bragged|exclaims|put it|puts it|answered|answers|answering|mocks|mocked|asking|concludes|concluding|demanded|demands|barked|responds|write|went on|goes on|tweeting|retaliated|promises|scolded|yells|echoed|jokes|shouting|interjecting|beamed|boomed|protesting|yelling|affirms|affirmed|jeered|gloated|demurred|cut in|arguing|pressed|remarking|explaining|fumed|surmised|proclaimed|elaborated|screamed|added later';
const CUE = `(?:(?:has|have|had|would|will|also|then|later|again|once|previously|recently|often|repeatedly|publicly)\\s+)*(?:${CUE_VERBS})`;
const PRONOUN = '(?:he|she|they|we|I|it)';
/** A speaker phrase: a pronoun, or up to seven words of a name or description. */
const NP = `(?:${PRONOUN}|(?:[\\p{L}\\p{N}][\\p{L}\\p{N}.’‘'&-]*\\s+){0,6}?[\\p{L}\\p{N}][\\p{L}\\p{N}.’‘'&-]*)`;

/** "(R-Utah)", "(D-Newport News)": a party and state after a name. */
const PAREN = `(?:\\s*\\([^()]{1,40}\\))?`;
const AFTER_SPEAKER_CUE = new RegExp(`^[\\s,—–-]*(${NP})${PAREN},?\\s+(${CUE})\\b`, 'u');
/** "“…,” Scott Pruitt, the Republican attorney general of Oklahoma, said": a name, its apposition, the cue. */
const AFTER_SPEAKER_APPOSITION_CUE = new RegExp(`^[\\s,—–-]*(${NP})${PAREN},\\s+[^“”"]{1,140}?,\\s+(${CUE})\\b`, 'u');
/** "“…” in the legislature, he said": the quoted words run on into the writer's few words, then the speaker and cue. */
const AFTER_PHRASE_SPEAKER_CUE = new RegExp(`^\\s*\\p{Ll}[^“”"\\n.!?;:,]{0,60}?,\\s+(${NP})${PAREN},?\\s+(${CUE})\\b`, 'u');
const AFTER_CUE_SPEAKER = new RegExp(`^[\\s,—–-]*(${CUE})\\s+(${NP}?)(?=[,.;:!?]|\\s+(?:on|in|at|during|before|after|when|while|who|as|of|to|from|with)\\b|$)`, 'u');
/**
 * The same, read past a title's stop ("said Rep. Elijah Cummings of Maryland", not "Rep") or a
 * middle initial's ("John F. Kennedy"), up to a comma, a stop, a party and state or a preposition;
 * tried first, the plain reading when the name runs longer than a speaker phrase.
 */
const AFTER_CUE_TITLED_SPEAKER = new RegExp(
  `^[\\s,—–-]*(${CUE})\\s+(${NP}?)(?=[,;:!?]|\\s*\\(|\\.(?<!(?:^|[\\s(])(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Sgt|Col|Capt|Adm|Prof|Rev)\\.)(?<!\\s\\p{Lu}\\.(?=\\s+\\p{Lu}\\p{Ll}))|\\s+(?:on|in|at|during|before|after|when|while|who|as|of|to|from|with)\\b|$)`,
  'u',
);
const AFTER_ACCORDING = new RegExp(`^[\\s,—–-]*([Aa]ccording to)\\s+(${NP}?)(?=[,.;:!?]|$)`, 'u');
const BEFORE_ACCORDING = new RegExp(`([Aa]ccording to)\\s+(${NP}?)\\s*,\\s*$`, 'u');
const BEFORE_QUOTED_AS = new RegExp(`(${NP})\\s+(quoted)\\s+(${NP}?)\\s+as\\s+(?:saying|telling\\b[^“”"]*?)\\b`, 'u');
/** A name signed under a quote with a dash, ending its line. */
const AFTER_DASH_NAME = /^[^\S\n]*[―—–-]{1,2}[^\S\n]*(\p{Lu}[\p{L}.’'-]*(?:[^\S\n]+(?:\p{Lu}[\p{L}.’'-]*|de|del|la|van|von|da|dos)){0,5})[^\S\n]*[.,]?[^\S\n]*(?:\n|$)/u;
/** A capitalised name ending right before ", the …": the head of an apposition. */
const NAME_BEFORE_APPOSITION = /((?:\p{Lu}[\p{L}.’'-]*\s+){0,4}\p{Lu}[\p{L}’'-]+)\s*,\s*$/u;
/** "Likewise, a paper from …": a sentence adverb before a comma is not a name. */
const DISCOURSE_WORD = /^(?:Likewise|However|Meanwhile|Moreover|Still|Instead|Indeed|Similarly|Furthermore|Nevertheless|Also|Yet|Now|Today|Here|There|Later|Earlier|Then|Again|Besides|Otherwise|Finally|Thus|Hence|Yes|No|Well)$/;
const BEFORE_CUE_SPEAKER_COLON = new RegExp(`\\b((?:Said|Says|Wrote|Writes|Added|Adds|Asked|Asks|Explained|Explains|Noted|Notes))\\s+(${NP})\\s*[:,]\\s*$`, 'u');
const BEFORE_SPEAKER_CUE = new RegExp(`(${NP})${PAREN},?\\s+(${CUE})\\b`, 'gu');

/** A label before a colon, at the sentence's start or after a dash: "Rep. Trey Gowdy (R-S.C.):". */
const NAME_COLON = /(?:^|\s[-–—]\s+)\s*(\p{Lu}[^\s:]*(?:\s+[^\s:]+){0,7}?)(?:\s*\([^()]{1,40}\))?\s*:\s*$/u;

/** A name or a title and name: capitalised at both ends, no verb inside ("Ted Cruz", "Former secretary of state Hillary Rodham Clinton"). */
function isNameLabel(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  if (!/^\p{Lu}/u.test(words[words.length - 1])) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || (/^\p{Ll}+$/u.test(w) && !/(?:ed|ing|s)$/.test(w) && !/^(?:is|are|was|were|will|would|can|could|has|have|had|do|did|says|said|to|that|this|it)$/.test(w)));
}

/** A sentence's subject: its opening words up to the first verb-like word. */
const SUBJECT_AT_START = /^[\s“"]*((?:[\p{L}\p{N}.’',-]+\s+){0,9}?[\p{L}\p{N}.’'-]+?)\s+(?:has|have|had|is|was|were|are|will|would|could|can|[a-z]+ed|[a-z]+[^s]s)\b/u;

/**
 * The subject of a sentence, also after an opening phrase too long to read through ("In
 * response to Donald Trump’s proposal to bar Muslims from entering the United States,
 * Hillary Clinton’s right-hand woman rallied supporters"): then the clause after a comma
 * whose subject opens with a capital.
 */
const SUBJECT = {
  exec(sentence: string): RegExpExecArray | null {
    const whole = SUBJECT_AT_START.exec(sentence);
    // "In a statement released Thursday, Rep. Hakeem Jeffries (D-N.Y.) reacted …": an opening
    // prepositional phrase is not the subject; the clause after its comma has it.
    if (whole && !OPENING_PREPOSITION.test(whole[1])) return whole;
    for (const comma of sentence.matchAll(/,\s+(?=\p{Lu}|(?:the|a|an)\s)/gu)) {
      const m = SUBJECT_AT_START.exec(sentence.slice(comma.index! + comma[0].length));
      if (m) {
        m.index += comma.index! + comma[0].length;
        return m;
      }
    }
    return whole;
  },
};

const OPENING_PREPOSITION = /^(?:in|on|at|during|after|before|with|from|for|by|since|despite|following|under|over|asked|when|while)\b/i;

const NOT_SPEAKERS = /^(?:it|this|that|there|which|what|who|in|on|at|of|for|to|with|by|from|as)$/i;
/** "when asked", "was asked": the cue is passive or a time clause, not the speaker's verb. */
const PASSIVE_CUE = /\b(?:when|if|was|were|is|are|be|been|being|once|unless)$/i;

interface Found {
  /** Null when the layout, not a word, says who speaks (a name line above the quote). */
  cue: Span | null;
  speaker: Span;
}

/** Cut a captured phrase to its last clause: "In a meeting on Friday, China's top diplomat Yang Jiechi" → the part after the comma. */
function trimPhrase(text: string, start: number, end: number): Span {
  const phrase = text.slice(start, end);
  // The speaker follows the last clause break or relative word: "… in what the government calls".
  let cut = -1;
  let width = 0;
  for (const m of phrase.matchAll(/,|;|\(|\s(?:and|but|what|which|who|whom|where|when|while|whereas|as)\s/g)) {
    cut = m.index!;
    width = m[0].length;
  }
  let s = cut >= 0 ? start + cut + width : start;
  while (s < end && /[\s,]/.test(text[s])) s++;
  // Leading glue words are not part of the speaker.
  const lead = /^(?:(?:and|but|so|then|also|meanwhile|however|that|while|when|as|because|if|though|although)\s+)+/i.exec(text.slice(s, end));
  if (lead) s += lead[0].length;
  return { start: s, end };
}

/**
 * How far before and after a quote an attribution is looked for: bounded, so a huge
 * paragraph full of quotes costs time in proportion to its length, not its square.
 */
const WINDOW = 600;

/** Whether only white space stands between the paragraph's start and `at`. */
function opensParagraph(text: string, paragraphStart: number, at: number): boolean {
  let j = at - 1;
  while (j >= paragraphStart && /\s/.test(text[j])) j--;
  return j < paragraphStart;
}

/** The paragraph's text before `at`, at most WINDOW characters of it, without trailing space. */
function textBefore(text: string, paragraphStart: number, at: number): string {
  return text.slice(Math.max(paragraphStart, at - WINDOW), at).trimEnd();
}

function sentenceStartBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i > floor; i--) {
    if (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? '') && !(text[i] === '.' && isAbbreviation(text, Math.max(0, i - 20), i))) return i + 1;
    // A quoted sentence ends the sentence too: `Clinton: "…ISIS." Bush: "…"`.
    if (/[.!?]/.test(text[i]) && /["”]/.test(text[i + 1] ?? '') && /\s/.test(text[i + 2] ?? '') && i + 2 < at) return i + 2;
  }
  return floor;
}

function sentenceEndAfter(text: string, at: number, ceiling: number): number {
  for (let i = at; i < ceiling; i++) {
    if (/[.!?]/.test(text[i]) && (/\s/.test(text[i + 1] ?? ' ') || i + 1 >= ceiling) && !(text[i] === '.' && i + 1 < ceiling && isAbbreviation(text, Math.max(0, i - 20), i))) return i + 1;
    if (text[i] === '“' && i > at + 1) return i;
  }
  return ceiling;
}

function afterQuote(text: string, q: QuoteSpan, paragraphEnd: number): Found | null {
  const from = q.outerEnd;
  const to = sentenceEndAfter(text, from, Math.min(paragraphEnd, from + WINDOW));
  const right = text.slice(from, to);
  let m = AFTER_SPEAKER_CUE.exec(right) ?? AFTER_SPEAKER_APPOSITION_CUE.exec(right);
  if (m) {
    const sStart = from + m.index + m[0].indexOf(m[1]);
    const speaker = trimPhrase(text, sStart, sStart + m[1].length);
    const cStart = from + m.index + m[0].lastIndexOf(m[2]);
    if (!NOT_SPEAKERS.test(text.slice(speaker.start, speaker.end))) return { cue: { start: cStart, end: cStart + m[2].length }, speaker };
  }
  // Vox pops: “…” ― Carla Sanchez
  const limit = Math.min(paragraphEnd, from + 200);
  const signed = AFTER_DASH_NAME.exec(text.slice(from, limit));
  if (signed && (limit === paragraphEnd || signed[0].endsWith('\n'))) {
    const sStart = from + signed.index + signed[0].indexOf(signed[1]);
    return { cue: null as unknown as Span, speaker: { start: sStart, end: sStart + signed[1].length } };
  }
  m = AFTER_CUE_TITLED_SPEAKER.exec(right) ?? AFTER_CUE_SPEAKER.exec(right) ?? AFTER_ACCORDING.exec(right);
  if (m && m[2]) {
    const cStart = from + m.index + m[0].indexOf(m[1]);
    const sStart = from + m.index + m[0].lastIndexOf(m[2]);
    return { cue: { start: cStart, end: cStart + m[1].length }, speaker: { start: sStart, end: sStart + m[2].length } };
  }
  m = AFTER_PHRASE_SPEAKER_CUE.exec(right);
  if (m) {
    const comma = m[0].indexOf(',');
    const sStart = from + m.index + m[0].indexOf(m[1], comma);
    const speaker = trimPhrase(text, sStart, sStart + m[1].length);
    const cStart = from + m.index + m[0].lastIndexOf(m[2]);
    if (!NOT_SPEAKERS.test(text.slice(speaker.start, speaker.end))) return { cue: { start: cStart, end: cStart + m[2].length }, speaker };
  }
  return null;
}

function beforeQuote(text: string, q: QuoteSpan, paragraphStart: number): Found | null {
  const from = sentenceStartBefore(text, q.outerStart, Math.max(paragraphStart, q.outerStart - WINDOW));
  const left = text.slice(from, q.outerStart);
  let m = BEFORE_QUOTED_AS.exec(left);
  if (m && m[3]) {
    const cStart = from + m.index + m[0].indexOf(' quoted ') + 1;
    const sStart = from + m.index + m[0].indexOf(m[3], m[0].indexOf(' quoted ') + 8);
    return { cue: { start: cStart, end: cStart + 6 }, speaker: { start: sStart, end: sStart + m[3].length } };
  }
  m = BEFORE_ACCORDING.exec(left);
  if (m && m[2]) {
    const cStart = from + m.index;
    const sStart = from + m.index + m[0].indexOf(m[2], m[1].length);
    return { cue: { start: cStart, end: cStart + m[1].length }, speaker: { start: sStart, end: sStart + m[2].length } };
  }
  // The last cue before the quote in its sentence; nested attribution ("Yang said China
  // “hopes…”, Xinhua reported") keeps the inner speaker this way.
  let last: RegExpExecArray | null = null;
  BEFORE_SPEAKER_CUE.lastIndex = 0;
  for (let k = BEFORE_SPEAKER_CUE.exec(left); k; k = BEFORE_SPEAKER_CUE.exec(left)) {
    if (!PASSIVE_CUE.test(k[1])) last = k;
    BEFORE_SPEAKER_CUE.lastIndex = k.index + k[0].length;
  }
  if (!last) {
    // "Said Ellis: “…”": the cue opens the sentence.
    const inverted = BEFORE_CUE_SPEAKER_COLON.exec(left);
    if (inverted) {
      const cStart = from + inverted.index + inverted[0].indexOf(inverted[1]);
      const sStart = from + inverted.index + inverted[0].lastIndexOf(inverted[2]);
      return { cue: { start: cStart, end: cStart + inverted[1].length }, speaker: { start: sStart, end: sStart + inverted[2].length } };
    }
    // "Ted Cruz: ‘…’", "- Jeffrey M. Jones: “…”": a name and a colon, as in transcripts and headlines.
    const labelled = NAME_COLON.exec(left);
    if (labelled && isNameLabel(labelled[1])) {
      const sStart = from + labelled.index + labelled[0].indexOf(labelled[1]);
      return { cue: null as unknown as Span, speaker: { start: sStart, end: sStart + labelled[1].length } };
    }
    // "Sen. Claire McCaskill (D-Mo.) scolded him: “…”": a colon hands the sentence's subject the quote.
    if (/:\s*$/.test(left)) {
      const subject = SUBJECT.exec(left);
      if (subject && !/^(?:in|on|at|this|that|these|those|it|there)$/i.test(subject[1].split(/\s+/)[0])) {
        const sStart = from + subject.index + subject[0].indexOf(subject[1]);
        const speaker = trimPhrase(text, sStart, sStart + subject[1].length);
        if (/^\p{Lu}/u.test(text.slice(speaker.start, speaker.end))) return { cue: null as unknown as Span, speaker };
      }
    }
    return null;
  }
  const cueText = last[2];
  const cStart = from + last.index + last[0].lastIndexOf(cueText);
  const between = text.slice(cStart + cueText.length, q.outerStart);
  if (between.split(/\s+/).length > 25) return null;
  let speaker = trimPhrase(text, from + last.index, from + last.index + last[1].length);
  // A participle or conjoined cue ("…, urging Seoul to remove “obstacles”", "… and hoped
  // that …") has the sentence's subject as speaker: its opening phrase, up to its verb. So
  // does a cue after an inserted phrase ("Hillary Clinton, at a later press gaggle, said").
  const captured = text.slice(speaker.start, speaker.end).trim();
  // So do "… and added, “…”" and an adverb ("Clinton, exasperated, famously responded").
  if (/ing$/.test(cueText) || /^(?:and|but|or|then|also)?$/i.test(captured) || /\s(?:and|but|or|then)$/i.test(captured) || /^\p{Ll}+ly$/u.test(captured) || /^(?:at|in|on|during|after|before|with|from|for|to|by|later|earlier|in a|speaking)\b/.test(captured)) {
    const subject = SUBJECT.exec(text.slice(from, cStart));
    if (!subject) return null;
    const sStart = from + subject.index + subject[0].indexOf(subject[1]);
    // "At a meeting here, Xi highlighted …": the subject follows the opening phrase.
    speaker = trimPhrase(text, sStart, sStart + subject[1].length);
  }
  // "Stevie Wonder, who joked of the museum, “…”": the name the relative pronoun stands for.
  if (/^(?:who|which)$/i.test(text.slice(speaker.start, speaker.end))) {
    const named = NAME_BEFORE_APPOSITION.exec(text.slice(from, speaker.start));
    if (!named) return null;
    const nStart = from + named.index + named[0].indexOf(named[1]);
    speaker = { start: nStart, end: nStart + named[1].length };
  } else if (/^who\s/i.test(text.slice(speaker.start, speaker.end))) {
    // "a White House official who spoke anonymously to discuss internal strategy said": the
    // words before the relative clause, up to the clause break before them.
    const head = /((?:[\p{L}\p{N}.’'-]+\s+){0,5}[\p{L}\p{N}.’'-]+),?\s*$/u.exec(text.slice(from, speaker.start));
    if (head) {
      const hStart = from + head.index + head[0].indexOf(head[1]);
      const trimmed = trimPhrase(text, hStart, hStart + head[1].length);
      if (trimmed.end > trimmed.start) speaker = trimmed;
    }
  }
  if (NOT_SPEAKERS.test(text.slice(speaker.start, speaker.end))) return null;
  // "Mr. Smith, the former head of the committee, said": the name before the apposition,
  // also when the apposition is too long to be taken whole ("X, a tax lawyer and senior
  // fellow at the Tax Policy Center, recently put it").
  const phrase = text.slice(speaker.start, speaker.end);
  const appositionTail = /^\p{Ll}/u.test(phrase) ? /,\s*(?:the|a|an)\s[^,“”"()]{0,120}$/.exec(text.slice(from, speaker.start)) : null;
  if (/^(?:the|a|an)\s/.test(phrase) || appositionTail) {
    const named = NAME_BEFORE_APPOSITION.exec(text.slice(from, appositionTail ? from + appositionTail.index + 1 : speaker.start));
    if (named && !DISCOURSE_WORD.test(named[1])) {
      const nameStart = from + named.index + named[0].indexOf(named[1]);
      // "As Steven M. Rosenthal, …": a sentence's opening word is not part of the name.
      const opener = /^(?:As|But|And|So|Then|When|While|Because|Also|Yet)\s+/.exec(named[1]);
      speaker = { start: nameStart + (opener ? opener[0].length : 0), end: nameStart + named[1].length };
    }
  }
  return { cue: { start: cStart, end: cStart + cueText.length }, speaker };
}

const CUE_AT_END = new RegExp(`\\b${CUE}\\s*[:,]?$`, 'u');
/** A cue verb with nothing between it and the quote, not in the passive ("was asked"). */
const CUE_RIGHT_BEFORE = new RegExp(`(?<!\\b(?:was|were|is|are|be|been|being|when|if)\\s+)\\b${CUE}$`, 'u');
/**
 * Not a verb of saying right before the quote: a verb of naming, whose object comes before the
 * quoted name ("called him “a genius”"); *tell*, whose first object is the hearer ("told “Fox
 * and Friends”", "told “senior Trump campaign officials”"); a cue word read as a noun or
 * adjective ("Trump’s comments “are based on …”", "his alleged “paramours”"); a relative clause,
 * which the quote goes on ("which he declared “a total disaster”").
 */
const NOT_SAYING_AT_END = /\b(?:called|calls|calling|described|describes|describing|told|tells|tell|telling|comments|reports|claims|notes|states|alleged|charged)$|\bwhich\s+\S+\s+\S+$/;
/** A verb of naming or *tell* right before the quote: its object, the name or the hearer, comes first. */
const NAMING_OR_TELL_AT_END = /\b(?:called|calls|calling|described|describes|describing|told|tells|tell|telling)$/;
const CUE_WORD = new RegExp(`\\b${CUE}\\b`, 'u');
const PRONOUN_ONLY = new RegExp(`^${PRONOUN}$`, 'i');
const CUE_FIRST = new RegExp(`^[\\s,—–-]*${CUE}`, 'u');

/** A finite verb, or a subject pronoun before a word: the quoted words make a clause. */
const CLAUSE = /\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|will|would|can|could|should|shall|may|might|must|wo|ca)\b|\p{L}(?:n['’]t|['’](?:s|re|ve|ll|d|m))\b|\b(?:I|we|you|he|she|they|there)\s+\p{L}/iu;

/**
 * Quoted words that are a statement on their own wherever they stand ("Elliott said “there
 * is no great man that has done more for this city than Muhammad Ali.”"): five words or
 * more, a clause, and the sentence's closing punctuation inside the marks.
 */
function isFullStatement(text: string, q: QuoteSpan): boolean {
  const closing = text.slice(q.start, q.outerEnd).replace(/["”’'»\s]+$/u, '');
  if (!/[.,!?…]$/.test(closing)) return false;
  const words = text.slice(q.start, q.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length >= 5 && CLAUSE.test(text.slice(q.start, q.end));
}

/** A work or a slogan named right before its title: "his 2002 book, ''Make Your Kid a Millionaire,''". */
const WORK_NOUN_BEFORE = /\b(?:book|memoir|novel|autobiography|biography|column|commentary|op-ed|essay|editorial|film|movie|documentary|show|series|sitcom|song|anthem|album|slogan|motto|hashtag|ad|poem|play|musical|podcast)\s*,$/i;

/**
 * The title of the work named before it ("Trump's new book, "Crippled America: How to Make
 * America Great Again,"", "her memoir, "Tough Choices.""): every word capitalised but the
 * small ones. Unlike a title standing alone it may hold a verb ("Who’s Who in the CIA") and a
 * full stop, and a cue after it is the sentence's, not the title's.
 */
function isNamedWork(text: string, q: QuoteSpan, before: string): boolean {
  if (!WORK_NOUN_BEFORE.test(before)) return false;
  const words = text.slice(q.start, q.end).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.every((w, k) => /^[(“"‘']?\p{Lu}/u.test(w) || (k > 0 && TITLE_SMALL_WORD.test(w)));
}

/** A complementiser, subordinator or preposition before a comma: the sentence goes on into the quote. */
const OPEN_WORD_COMMA = /\b(?:that|because|as|including|like|than|whether|if|of|about|for|to)\s*,$/i;

/** Lower-case quoted words opening on an auxiliary or modal verb: their subject stands outside the marks. */
const OPENS_ON_VERB = /^(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|does|did)\s/;

const TITLE_SMALL_WORD = /^(?:of|the|a|an|and|or|for|to|in|on|at|with|by|from|de|la|los|las|el|vs?\.?)$/;

/**
 * A title or a name in quote marks ("Fox and Friends", ''Doomed to Succeed'', "Related:"):
 * six words or fewer, each capitalised but the small words, no clause and no sentence's end
 * inside the marks. A title is not a statement, even after a comma.
 */
function isTitle(text: string, q: QuoteSpan): boolean {
  const inner = text.slice(q.start, q.end);
  if (/[.!?…]["”’']*\s*$/.test(text.slice(q.start, q.outerEnd).replace(/["”’'»]+$/u, ''))) return false;
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length || words.length > 6 || CLAUSE.test(inner)) return false;
  return words.every((w, k) => /^[(“"‘']?\p{Lu}/u.test(w) || (k > 0 && TITLE_SMALL_WORD.test(w)));
}

/**
 * A whole statement rather than a few words in the writer's sentence: it opens its
 * paragraph or a sentence, follows a colon or comma with a capital, follows a cue verb
 * with a capital ("Trump declared “I think…”"), or goes on from a quote split by its cue
 * ("“…,” he said, “and they're terrifying.”").
 */
function isDirect(text: string, q: QuoteSpan, paragraph: Span, previous: QuoteSpan | undefined): boolean {
  if (opensParagraph(text, paragraph.start, q.outerStart)) return true;
  const before = textBefore(text, paragraph.start, q.outerStart);
  // A comma after a word no clause ends on ("Trump tweeted that, “For those …”", "things such
  // as, "…"", "a problem because, “…”") is punctuation only: the quote is part of the writer's sentence.
  if (OPEN_WORD_COMMA.test(before)) return false;
  // A capital opens a statement; so does a number, unless the quote is a name or title ("13th").
  const opening = text.slice(q.start, q.start + 2);
  const capital = /^\p{Lu}|^[‘'(.…[]/u.test(opening) || (/^\p{N}/u.test(opening) && /^\S+\s+\S+\s+\S/u.test(text.slice(q.start, q.end)));
  if (/[:,]$/.test(before) || /[.!?](?:["”’]|'')?$/.test(before)) {
    if (capital) return true;
  }
  // Right after its cue, a capital or a full statement ("Elliott said “there is no …”").
  // But not a statement whose subject is the writer's ("An economic downturn, he said, “could
  // be a good time to borrow …”", "That, the commission said, “would be helpful …”"): one
  // opening on a verb goes on from words before its cue (a quoted subject is a split quote, below).
  // Nor, with nothing between, after a verb of naming or *tell*, whose object comes first
  // ("a chummy corporate culture called "The HP Way."", "allow companies to tell ''one country that …''").
  if ((capital || (isFullStatement(text, q) && !OPENS_ON_VERB.test(text.slice(q.start, q.end)))) && CUE_AT_END.test(before) && !NAMING_OR_TELL_AT_END.test(before)) return true;
  // Right after a verb of saying, with no comma between, the quoted words open what was said,
  // however few (`Obama said “it gets me mad” every time …`, `a sign that read “…”`).
  if (CUE_RIGHT_BEFORE.test(before) && !NOT_SAYING_AT_END.test(before)) return true;
  // The first part ends on a comma (“…,” he said, “…”): a statement split by its cue.
  const firstPartOpen = previous && /,$/.test(text.slice(Math.max(previous.start, previous.outerEnd - 3), previous.outerEnd).replace(/[\s"”’'»]+$/, ''));
  if (previous && previous.outerEnd > paragraph.start && /,$/.test(before) && (firstPartOpen || /^\s*,/.test(text.slice(previous.outerEnd, previous.outerEnd + 2)))) {
    const between = text.slice(previous.outerEnd, q.outerStart);
    if (between.length <= 120 && CUE_WORD.test(between) && !/[.!?]/.test(between.replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr)\./g, ''))) return true;
  }
  return false;
}

/**
 * Attributes each quote. Paragraphs must be in text order; quotes must come from
 * findQuotes over the same paragraphs.
 */
export function attributeQuotes(original: string, quotes: readonly QuoteSpan[], paragraphs: readonly Span[], headline: Span | null = null): Attributed[] {
  // Two apostrophes typed for a double mark (''…'') read as one, as findQuotes reads them: a
  // name is never read across a closing mark ("continue.'' He added"). Offsets are unchanged.
  const text = foldDoubledApostrophes(original);
  const out: Attributed[] = [];
  const sorted = [...paragraphs].sort((a, b) => a.start - b.start);
  const starts = sorted.map((p) => p.start);
  quotes.forEach((q, i) => {
    const k = paragraphAt(sorted, starts, q.outerStart);
    const p = k >= 0 ? sorted[k] : { start: q.outerStart, end: q.outerEnd };
    const last = paragraphAt(sorted, starts, q.outerEnd - 1);
    const lastParagraph = last >= 0 ? sorted[last] : p;
    // A statement in the headline is its subject's ("Ted Cruz: ‘Physically Assaulting A Reporter Is A Fireable Offense.’").
    const inHeadline = !!headline && headline.start <= q.outerStart && q.outerEnd <= headline.end;
    // A title in quote marks ("Fox and Friends", ''Doomed to Succeed'') is not a statement
    // unless a comma and a cue follow it ("“No,” replied Jeff Zucker"); headlines are all capitals anyway,
    // but a headline's quote its sentence runs on from ("Is Right, ‘Thousands of Shootings’ in
    // Chicago") is a phrase in it.
    const after = text.slice(q.outerEnd, q.outerEnd + 80);
    const cueAfter = /^[,!?]/.test(text.slice(q.end, q.outerEnd)) || /^\s*,/.test(after) ? AFTER_SPEAKER_CUE.test(after) || AFTER_CUE_SPEAKER.test(after) : false;
    const titled = !inHeadline && ((isTitle(text, q) && !cueAfter) || isNamedWork(text, q, textBefore(text, p.start, q.outerStart)));
    const runsOn = inHeadline && /^[^\S\n]+\p{Ll}/u.test(after);
    // A statement set off by a dash with its own cue after it ("the Oreos - ''I love Oreos,'' he
    // said, ''…'' - and") is an aside of its own, not words of the writer's sentence.
    const asideWithCue = cueAfter && /(?:^|\s)(?:--?|—|–)$/.test(textBefore(text, p.start, q.outerStart));
    const direct = (isDirect(text, q, p, quotes[i - 1]) || asideWithCue) && !titled && !runsOn;
    // A partial quote sits in reported speech: its own cue comes before it, and a trailing
    // "…, Xinhua reported" names who relayed the sentence, not who said the words.
    const found =
      (direct && !CUE_AT_END.test(textBefore(text, p.start, q.outerStart))
        ? (afterQuote(text, q, lastParagraph.end) ?? beforeQuote(text, q, p.start))
        : (beforeQuote(text, q, p.start) ?? afterQuote(text, q, lastParagraph.end))) ??
      splitQuoteCue(text, quotes, i) ??
      (k > 0 ? nameLineBefore(text, q, p, sorted[k - 1]) : null) ??
      (k > 0 && direct ? colonParagraphBefore(text, q, p, sorted[k - 1]) : null) ??
      (last >= 0 && last + 1 < sorted.length ? nameLineAfter(text, q, lastParagraph, sorted[last + 1]) : null) ??
      (inHeadline ? headlineSubject(text, q, headline!) : null);
    const kind = direct ? 'direct' : 'partial';
    let inheritsFrom: number | null = null;
    const speakerText = found ? text.slice(found.speaker.start, found.speaker.end) : '';
    if (!found || PRONOUN_ONLY.test(speakerText)) {
      // A continuation ("“…,” he said. “…”") or a pronoun: the previous quote's speaker, if close.
      const prev = out[i - 1];
      if (prev && (prev.speaker || prev.inheritsFrom !== null) && q.outerStart - prev.quote.outerEnd < 600) inheritsFrom = i - 1;
    }
    out.push({ quote: q, cue: found?.cue ?? null, speaker: found ? withoutFullStop(text, found.speaker) : null, kind, inheritsFrom });
  });
  return out;
}

/** Index of the paragraph holding `at` (paragraphs sorted by start, with their starts), or -1. */
function paragraphAt(sorted: readonly Span[], starts: readonly number[], at: number): number {
  const k = firstAtLeast(starts, at + 1) - 1;
  return k >= 0 && at < sorted[k].end ? k : -1;
}

/** "said Hester." names Hester: the sentence's full stop is not part of the name (but "Jr." keeps its stop). */
function withoutFullStop(text: string, span: Span): Span {
  return text[span.end - 1] === '.' && !isAbbreviation(text, span.start, span.end - 1) ? { start: span.start, end: span.end - 1 } : span;
}

/**
 * Vox pops and interviews: a short line with just a name ("Carla Sanchez," or "WALLACE:")
 * stands above the paragraph the quote opens.
 */
function nameLineBefore(text: string, q: QuoteSpan, p: Span, prev: Span): Found | null {
  if (!opensParagraph(text, p.start, q.outerStart) || prev.end - prev.start > 200) return null;
  const line = text.slice(prev.start, prev.end).trim();
  if (!/^\p{Lu}[\p{L}.’'() -]{1,60}[:,—–-]?$/u.test(line) || line.split(/\s+/).length > 6 || /[.!?]$/.test(line)) return null;
  const lead = text.slice(prev.start, prev.end).indexOf(line);
  const name = line.replace(/[:,—–-]$/, '').trimEnd();
  const start = prev.start + lead;
  return { cue: null as unknown as Span, speaker: { start, end: start + name.length } };
}

/**
 * A block quote set off as its own paragraph after its cue's sentence ends on a colon
 * ("… and Breitbart News responded:" ¶ "If there are people …"): the cue and speaker of that
 * sentence, read as if the quote followed it directly.
 */
function colonParagraphBefore(text: string, q: QuoteSpan, p: Span, prev: Span): Found | null {
  if (!opensParagraph(text, p.start, q.outerStart)) return null;
  const lead = text.slice(prev.start, prev.end).trimEnd();
  if (!lead.endsWith(':')) return null;
  const at = prev.start + lead.length;
  return beforeQuote(text, { ...q, outerStart: at, start: at }, prev.start);
}

/**
 * Who speaks in a headline: its words before the quote, up to the first capitalised verb
 * ("Obama Sees", "Retired General Reveals", "Elizabeth Warren Hammers Wells Fargo CEO:").
 */
function headlineSubject(text: string, q: QuoteSpan, headline: Span): Found | null {
  const before = text.slice(headline.start, q.outerStart);
  const words = [...before.matchAll(/[^\s:—–-]+/g)];
  if (!words.length || !/^\p{Lu}/u.test(words[0][0])) return null;
  let n = 1;
  while (n < words.length && n < 6 && /^\p{Lu}/u.test(words[n][0]) && !/^\p{Lu}\p{Ll}+(?<![su'’]s)s$/u.test(words[n][0])) n++;
  const start = headline.start + words[0].index!;
  return { cue: null as unknown as Span, speaker: { start, end: headline.start + words[n - 1].index! + words[n - 1][0].length } };
}

/** The fact-checker's layout: the quote's paragraph, then the name signed with a dash on a line of its own ("- Bernie Sanders."). */
function nameLineAfter(text: string, q: QuoteSpan, p: Span, next: Span): Found | null {
  if (text.slice(q.outerEnd, p.end).trim() !== '' || next.end - next.start > 80) return null;
  const m = /^\s*[―—–-]{1,2}\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4}?)\.?\s*$/u.exec(text.slice(next.start, next.end));
  if (!m) return null;
  const start = next.start + m[0].indexOf(m[1]);
  return { cue: null as unknown as Span, speaker: { start, end: start + m[1].length } };
}

/** “First part,” he said, “second part.”: the second quote takes the cue between them. */
function splitQuoteCue(text: string, quotes: readonly QuoteSpan[], i: number): Found | null {
  const prev = quotes[i - 1];
  if (!prev) return null;
  const between = text.slice(prev.outerEnd, quotes[i].outerStart);
  if (between.length > 80) return null;
  const m = AFTER_SPEAKER_CUE.exec(between) ?? AFTER_CUE_TITLED_SPEAKER.exec(between) ?? AFTER_CUE_SPEAKER.exec(between);
  if (!m) return null;
  const isCueFirst = CUE_FIRST.test(between);
  const speakerText = isCueFirst ? m[2] : m[1];
  const cueText = isCueFirst ? m[1] : m[2];
  // "'' last month when asked what … ''": a time clause, not the second part's cue.
  if (!speakerText || (!isCueFirst && PASSIVE_CUE.test(speakerText))) return null;
  const sStart = prev.outerEnd + between.indexOf(speakerText, isCueFirst ? between.indexOf(cueText) + cueText.length : 0);
  const cStart = prev.outerEnd + between.indexOf(cueText, isCueFirst ? 0 : between.indexOf(speakerText) + speakerText.length);
  return { cue: { start: cStart, end: cStart + cueText.length }, speaker: { start: sStart, end: sStart + speakerText.length } };
}
