/**
 * Line-level recognition of the web furniture scraped along with an article:
 * paywall offers, share bars, related links, credits, footers and the like.
 */
import { isBlank, isListItem, type TextLine } from './lines';
import { wrapContinuations } from './wrap';

export type BoilerplateKind =
  | 'subscription'
  | 'newsletter'
  | 'share'
  | 'related'
  | 'contact'
  | 'disclaimer'
  | 'copyright'
  | 'footer'
  | 'breadcrumb'
  | 'read-time'
  | 'photo-file'
  | 'photo-credit'
  | 'photo-caption'
  | 'credit'
  | 'widget'
  | 'advertisement'
  | 'comments'
  | 'navigation';

interface Rule {
  kind: BoilerplateKind;
  test: (line: string, words: number) => boolean;
}

const SHORT = 120;

const rules: Rule[] = [
  { kind: 'advertisement', test: (l) => /^(advertisements?|sponsored( content)?|ad|story continues below( this)? ad(vertisement)?)$/i.test(l) },
  { kind: 'read-time', test: (l) => /^\d+\s*-?\s*(min|mins|minutes?)\s+read$/i.test(l) },
  { kind: 'breadcrumb', test: (l) => /^you are here:?$/i.test(l) || /^home\s*[>/»›|]/i.test(l) || isSegmentTrail(l) },
  { kind: 'photo-file', test: (l) => l.length < 150 && /\.(jpe?g|png|gif|webp|tiff?|bmp)$/i.test(l) },
  {
    kind: 'photo-credit',
    test: (l) =>
      l.length < 400 &&
      (/\((file )?(photo|photograph|image|picture|pic)s?\s*(by|:|credit:?)[^)]*\)\.?$/i.test(l) ||
        /^(file )?(photo|photograph|image|picture|credit)s?\s*(by\b|:)/i.test(l) ||
        /\b(getty images|afp photo|ap photo|reuters\/[A-Z][a-z]+|shutterstock)\b\.?\)?$/i.test(l)),
  },
  {
    kind: 'share',
    test: (l, w) =>
      l.length < 80 &&
      (/^(share|tweet|pin|email|print|whatsapp)( (on|this|via|to|the|article|story|page|with)\b.*)?$/i.test(l) ||
        (w <= 6 && /^((facebook|twitter|linkedin|whatsapp|reddit|email|pinterest|telegram|x)\s*[|,·•]?\s*)+$/i.test(l))),
  },
  {
    kind: 'related',
    test: (l) =>
      l.length < SHORT &&
      /^(more must-reads?|related( articles?| stories| coverage| news| content| posts?)?:?|read more|read also|also read|recommended( for you| stories)?|most (popular|read|viewed|shared)|you (may|might) (also )?(like|be interested)|more (from|on this|stories|news)\b|see also|trending( now)?|top stories|editor'?s picks?|what to read next)\b(\s*:.*|(\s+[^\s.!?]+){0,6}\s*[:.]?)$/i.test(
        l,
      ),
  },
  {
    kind: 'contact',
    test: (l) =>
      l.length < SHORT &&
      (/^(contact us|write to us|email us|send (us )?(a |your )?(tip|news tips?)|letters to the editor)\b/i.test(l) ||
        /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(l)),
  },
  {
    kind: 'newsletter',
    test: (l) =>
      l.length < SHORT &&
      (/\bnewsletters?\b/i.test(l) || /^(sign up|subscribe) (for|to) (our|the|daily|weekly)\b/i.test(l)),
  },
  {
    kind: 'subscription',
    test: (l) =>
      l.length < 200 &&
      (/(reached your (monthly )?(article )?limit|free articles?\b|subscribe (now|today|to read|to continue)|already (a )?subscri|subscription plans?|digital subscription|subscribers? only|unlimited (digital )?access|renews automatically|cancel any ?time|(log|sign) ?in to (continue|read)|premium stories|become a (member|subscriber)|start your (free )?trial)/i.test(
        l,
      ) ||
        /^(subscribe|log ?in|sign ?in|register)$/i.test(l) ||
        /^[₹$€£¥]\s?\d[\d,.]*(\s*\/\s*(month|year|week|mo|yr))?$/i.test(l) ||
        /^\d+\s+(months?|years?|weeks?|days?)$/i.test(l)),
  },
  { kind: 'disclaimer', test: (l) => /^\(?disclaimer\b/i.test(l) || /auto-generated from a syndicated feed/i.test(l) },
  { kind: 'copyright', test: (l) => l.length < 200 && (/^(©|\(c\)\s|copyright\b)/i.test(l) || /\ball rights reserved\b/i.test(l)) },
  {
    kind: 'footer',
    test: (l) =>
      (l.length < 200 && /\bcan also be accessed at\b/i.test(l)) ||
      /^(www\.|https?:\/\/)\S+$/i.test(l) ||
      /^(terms of (use|service)|privacy( policy)?|cookie (policy|settings)|about us|site ?map)(\s*[|·•]\s*.*)?$/i.test(l),
  },
  {
    kind: 'credit',
    test: (l) =>
      /^[-–—]{1,2}\s?[A-Z][A-Za-z]{1,15}$/.test(l) ||
      /^[a-z]{2,4}(\/[a-z]{2,4})+$/.test(l) ||
      /^\(?(additional )?(reporting|writing|editing|compiled) by\b.{0,200}\)?$/i.test(l) ||
      /^\((reuters|ap|afp|ians|pti|xinhua|dpa|ani|bloomberg)\)$/i.test(l),
  },
  {
    kind: 'widget',
    test: (l, w) =>
      (w <= 4 && /\b(on|in|for|to|about|from|with)\s*:$/i.test(l)) ||
      /^(tags|topics|filed under|categories|keywords|related topics|listen to this article|watch)\s*:/i.test(l),
  },
];

/**
 * The same furniture in the other languages news corpora are kept in (German, French,
 * Spanish, Italian, Portuguese, Polish, Dutch) and a few more English phrases: whole short
 * lines only, so a sentence that happens to contain the words is never touched.
 */
const MORE_RULES: Rule[] = [
  {
    kind: 'related',
    test: (l) =>
      l.length < SHORT &&
      /^(mehr (zum thema|nachrichten|dazu|aus|zu|artikel|news)\b|(ähnliche|verwandte|weitere|beliebte|meistgelesene|empfohlene) (artikel|beiträge|nachrichten|themen|news|meldungen)\b|das könnte sie (auch )?interessieren|auch interessant|lesen sie (auch|mehr|weiter)|heute empfehlen wir|empfehlungen der redaktion|(à lire|lire) aussi|articles? (similaires|liés|recommandés)|sur le même (sujet|thème)|(artículos|noticias|notas) relacionad[ao]s|te puede interesar|(lee|leer|ver) también|(leggi|vedi) anche|articoli correlati|potrebbe interessarti|(leia|veja) também|(artigos|notícias) relacionad[ao]s|czytaj (też|także|również)|zobacz (też|także|również)|podobne artykuły|lees ook|gerelateerde artikelen|(older|newer|previous|next) (posts?|articles?|stories)|popular (posts|articles|stories)|more (articles|posts|headlines)|related topics)\b(\s+[^\s.!?]+){0,4}\s*:?$/i.test(l),
  },
  {
    kind: 'comments',
    test: (l) =>
      l.length < 80 &&
      /^(leave a (reply|comment)!?|post a comment|add (a|your) comment|join the (discussion|conversation)|view the discussion thread\.?|show comments|\[?\s*\d+ (comments?|responses?|replies)\s*\]?|(\d+ )?(kommentare?|commentaires?|comentarios?|commenti|comentários|komentarze?|reacties)( \(\d+\))?:?|kommentar schreiben|écrire un commentaire|deja un comentario|lascia un commento|deixe um comentário|napisz komentarz)$/i.test(l.trim()),
  },
  { kind: 'advertisement', test: (l) => /^(anzeige|werbung|publicité|publicidad|pubblicità|publicidade|reklama|advertentie)$/i.test(l) },
  { kind: 'photo-credit', test: (l) => l.length < 150 && /^(foto|fotos|bild|bilder|quelle|crédit photo|crédits? photo|créditos?|fotografía|zdjęcie|fot\.)\s*:/i.test(l) },
  {
    kind: 'share',
    test: (l, w) => l.length < 60 && w <= 4 && /^((artikel |beitrag |seite )?(teilen|drucken|versenden)|partager|imprimer|compartir|imprimir|condividi|stampa|compartilhe|compartilhar|udostępnij|drukuj|delen|printen)( (auf|sur|en|su|no|na|op) \S+)?:?$/i.test(l),
  },
  {
    kind: 'subscription',
    test: (l) => l.length < 120 && /^((jetzt )?abonnieren|abo abschließen|s'abonner|abonnez-vous|suscríbete|suscribirse|abbonati|assine( já)?|zaprenumeruj|abonneer( nu)?)\b/i.test(l),
  },
  {
    kind: 'widget',
    test: (l) => l.length < 150 && /^(schlagworte|schlagwörter|stichworte|themen|mots[- ]clés|étiquettes|etiquetas|argomenti|tag|tagi|trefwoorden)\s*:/i.test(l),
  },
  {
    kind: 'footer',
    test: (l) =>
      l.length < 200 &&
      (/\b(alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrzeżone|alle rechten voorbehouden)\b/i.test(l) ||
        /^(impressum|datenschutz(erklärung)?|mentions légales|aviso legal|política de (privacidad|privacidade|cookies)|note legali|polityka prywatności|startseite|accueil|inicio|página inicial|kontakt|contacto|contatti|contato)\s*:?$/i.test(l)),
  },
  { kind: 'widget', test: (l) => l.length < 60 && /^(artikel bewerten|rate this (article|story|post)|bewerten sie diesen artikel)$/i.test(l) },
  // Site furniture common on German-language and other European news pages, and in English:
  // whole short lines only, as above.
  { kind: 'advertisement', test: (l) => /^(anzeige|werbung|advertisement|sponsored)\s*:$/i.test(l) },
  { kind: 'copyright', test: (l, w) => w <= 10 && /©\s*\d{4}/.test(l) },
  {
    kind: 'related',
    test: (l) =>
      l.length < 80 &&
      /^(weiterführende links|(für dich|für sie) empfohlen|vorschau auf den nächsten artikel|scroll down for the (next|following) (article|story)|top-themen|więcej informacji:?|das könnte (sie|dich) auch interessieren[!.]?)$/i.test(l),
  },
  {
    kind: 'comments',
    test: (l) =>
      l.length < 100 &&
      /^(schreib(e|en sie)? (einen|ihren|deinen) kommentar|nur angemeldete (benutzer|nutzer|leser)(innen)? können .*kommentieren.*|notify me (of|when) (new|follow-up) comments.*|kommentare insgesamt:?.*|hier ist ihre meinung gefragt[!.]?)$/i.test(l),
  },
  {
    kind: 'share',
    test: (l) =>
      l.length < 60 &&
      /^(folgt uns!?|folgen sie uns( auf .*)?[!.]?|follow us( on .*)?[!.]?|empfiehl (dies|diesen artikel)( deinen freunden)?[!.]?|diesen (artikel|beitrag) teilen:?|weiterempfehlen|url zum kopieren)$/i.test(l),
  },
  {
    kind: 'widget',
    test: (l) =>
      l.length < 60 &&
      /^(getaggt mit:?|filed under:?|abgelegt unter\b.*|markiert:|schlagw[öo]rter:?|stichwort-?wolke|themen|kategorien:?|print recipe|pdf version|downloads?|attachments|ist dieser (beitrag|artikel) hilfreich\??|wie bewerten sie diesen (beitrag|artikel)\??|letzte änderung:?.*|zum shop)$/i.test(l),
  },
  {
    kind: 'disclaimer',
    test: (l) =>
      l.length < 120 &&
      /^(alle angaben ohne gewähr[!.]?|haftungs(beschränkung|ausschluss)\b.*|es gilt die datenschutzerklärung.*|ich bin damit einverstanden.*|i agree (that )?my (information|data|details) .*|rechtliches|cookies? (&|und|and) tracking)$/i.test(l),
  },
  { kind: 'photo-credit', test: (l) => l.length < 100 && (/^kuva:/i.test(l) || /^\((foto|fotos|bild|quelle)\s*:[^)]*\)$/i.test(l)) },
  { kind: 'newsletter', test: (l) => l.length < 100 && /^(gib deine e-mail-adresse ein|geben sie ihre e-mail-adresse ein|um neue beiträge per e-mail zu.*|enter your e-?mail( address)?)\b.*$/i.test(l) },
  { kind: 'footer', test: (l) => /^powered by \S+( \S+){0,3}$/i.test(l) },
  { kind: 'related', test: (l) => l.length < 200 && /^[[(](related|see also|read more|more)\s*:[^\])]*[\])]$/i.test(l) },
  { kind: 'share', test: (l) => l.length < 160 && /^follow\b.{0,80}\bon (facebook|twitter|instagram|linkedin|youtube|tiktok)\b/i.test(l) },
  { kind: 'newsletter', test: (l) => l.length < 160 && /\bopt-in box\b|\bopt in to receive\b/i.test(l) },
  { kind: 'comments', test: (l) => l.length < 300 && /\b(as you comment|when commenting|comments? (are|is) moderated)\b/i.test(l) },
  // A comment thread's own furniture: the reply form, a commenting service's credit, and the
  // "Name on 17 September 2018 at 6:34 am said:" line that heads each reader's comment.
  {
    kind: 'comments',
    test: (l) =>
      l.length < 120 &&
      (/^(leave a reply|cancel reply|leave a reply cancel reply|view( all)? comments|(\d+ )?thoughts on\b.*|(blog )?comments powered by \S+|your email address will not be published\.?( required fields are marked \*?)?|you must (be logged|log) in to post a comment\.?)$/i.test(l) ||
        /^(\*\s+)?[\p{L}][\p{L}.' ()-]{0,50} on [\p{L}\d ,.]{6,30}\d{4},? at \d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)? (said|says|wrote):?$/iu.test(l)),
  },
];

/** "News / China / Koreas": three or more short segments joined by path separators. */
function isSegmentTrail(line: string): boolean {
  if (line.length > 80) return false;
  const parts = line.split(/\s+[/>»›|]\s+/);
  return parts.length >= 3 && parts.every((p) => p.trim().length > 0 && p.trim().split(/\s+/).length <= 3);
}

/** Chinese, Japanese and Korean script, written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words of a line; in scripts written without spaces, two characters count as one word. */
function wordCount(line: string): number {
  const spaced = line.match(/\S+/g)?.length ?? 0;
  const cjk = line.match(CJK)?.length ?? 0;
  return cjk === 0 ? spaced : spaced + Math.floor(cjk / 2);
}

/** The kind of boilerplate a single line is, judged on its own, or null. */
export function classifyLine(raw: string): BoilerplateKind | null {
  const line = raw.trim();
  if (!line) return null;
  const words = wordCount(line);
  for (const rule of rules) {
    if (rule.test(line, words)) return rule.kind;
  }
  for (const rule of MORE_RULES) {
    if (rule.test(line, words)) return rule.kind;
  }
  return null;
}

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

/**
 * Lines are first judged alone; then a trailing block that
 * starts at page furniture and holds no prose is boilerplate as a whole, since
 * paywall offers and footers are made of short lines no single rule can know
 * ("3 Months", "Archives").
 */
function classifyLogicalLines(lines: readonly TextLine[]): (BoilerplateKind | null)[] {
  const kinds = lines.map((l) => classifyLine(l.text));
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
  if (looksLikeWholePage(lines, kinds)) markOutsideMainBlock(lines, kinds);
  return kinds;
}

// Tuned on the article-extraction benchmark: a short non-prose line costs as much as a twelve-word sentence earns.
const PENALTY_SHORT = 12;
const PENALTY_PER_WORD = 3;

function words(line: string): number {
  return wordCount(line);
}

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
 * A whole web page (menus, link lists, footers) rather than an article already cut out:
 * many lines, or half of them menu-sized, and little prose. Scraped articles keep the line rules alone.
 */
function looksLikeWholePage(lines: readonly TextLine[], kinds: readonly (BoilerplateKind | null)[]): boolean {
  // Lines the rules already recognised count as the page's furniture too: recognising more
  // of it must not make a page look more like an article.
  const nonBlank = lines.filter((l) => !isBlank(l.text));
  const content = lines.filter((l, i) => !isBlank(l.text) && kinds[i] === null);
  const prose = content.filter((l) => isProseLike(l.text)).length;
  // Rows of a results table or standings ("Puchon 3 1 0 6 1 10") are the article's own text.
  const rows = content.filter((l) => !isProseLike(l.text) && isTableRow(l.text)).length;
  if ((prose + rows) / nonBlank.length >= 0.45) return false;
  // A short page is a whole page too when half its lines are menu-sized (one to three words):
  // an article cut out of its page has a headline and a byline, not a menu.
  const short = nonBlank.filter((l) => words(l.text) <= 3).length;
  return content.length >= 40 || (nonBlank.length >= 20 && short / nonBlank.length >= 0.5);
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
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].text;
    // A quoted block (an embedded post, a pull quote) is read without its "> " marks; its
    // empty lines are blank lines.
    const text = raw.replace(/^\s*>\s?/, '');
    if (isBlank(text)) continue;
    const n = words(text);
    if (kinds[i] === 'comments' && prose >= 5) inComments = true;
    if (kinds[i] === null && isProseLike(text)) prose++;
    const score = inComments || kinds[i] !== null ? -4 : isProseLike(text) ? Math.min(n, 60) : n <= 3 ? -PENALTY_SHORT : -Math.min(n, 12) * PENALTY_PER_WORD;
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
  bestEnd = extendOverIntroducedList(lines, kinds, bestEnd);
  // The headline: a short line without a closing full stop among the few lines above the body.
  let headline = -1;
  for (let i = bestStart - 1, seen = 0; i >= 0 && seen < 6; i--) {
    if (isBlank(lines[i].text)) continue;
    seen++;
    const t = lines[i].text.trim();
    if (kinds[i] === null && words(t) >= 3 && words(t) <= 25 && !/[.:]$/.test(t)) {
      headline = i;
      break;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (isBlank(lines[i].text) || kinds[i] !== null || i === headline) continue;
    if (i < bestStart) kinds[i] = 'navigation';
    else if (i > bestEnd) kinds[i] = 'footer';
    // Inside the article, a short bulleted item is a menu or a share bar, not a list the writer made.
    else if (/^\s*[*•·]\s+/.test(lines[i].text) && !isProseLike(lines[i].text) && words(lines[i].text) <= 3) kinds[i] = 'navigation';
  }
}
