/**
 * The line rules of boilerplate recognition, as one table: each row names a kind of web
 * furniture, the shape a line must have (shorter than `below` characters, at most `maxWords`
 * words) and the patterns of which any one must match the trimmed line. Rows are tried in
 * order and the first that matches gives the line its kind. The page-level algorithm that
 * uses these verdicts (trailing blocks, captions, whole web pages) is in `boilerplate.ts`.
 *
 * Rules are whole short lines wherever a phrase could also occur in a sentence, so that an
 * article's own prose is never touched ("The company said it would share the data").
 */

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

/** A pattern is a regular expression or, where one cannot say it, a named test of the line. */
export type LinePattern = RegExp | ((line: string) => boolean);

export interface BoilerplateRule {
  readonly kind: BoilerplateKind;
  /** The line (trimmed) must be shorter than this many characters. */
  readonly below?: number;
  /** The line must have at most this many words (see `wordCount`). */
  readonly maxWords?: number;
  /** Any one of these must match. */
  readonly patterns: readonly LinePattern[];
}

const SHORT = 120;

/** "News / China / Koreas": three or more short segments joined by path separators. */
function isSegmentTrail(line: string): boolean {
  if (line.length > 80) return false;
  const parts = line.split(/\s+[/>»›|]\s+/);
  return parts.length >= 3 && parts.every((p) => p.trim().length > 0 && p.trim().split(/\s+/).length <= 3);
}

/**
 * A carousel or gallery flattened into one line: its controls or its heading repeated once per
 * item ("Skip in Skip x Embed x Share CLOSE …" 41 times, "Photos: Bastille Day terror: …" 26).
 * Prose repeats a phrase for effect a handful of times (an inaugural's "we will bring back our"
 * four); eight repeats of the same five words is furniture. A carousel's items differ between
 * its repeated labels (three words in ten distinct on such pages); a line that is one sentence
 * over and over is not a carousel, and is kept rather than lost.
 */
const WIDGET_PHRASE_WORDS = 5;
const WIDGET_PHRASE_REPEATS = 8;
const WIDGET_DISTINCT_SHARE = 0.15;
function isRepeatedWidget(line: string): boolean {
  const words = line.toLowerCase().split(/\s+/);
  if (words.length < WIDGET_PHRASE_WORDS * WIDGET_PHRASE_REPEATS) return false;
  // Only a word seen often enough can start a phrase seen often enough.
  const wordCounts = new Map<string, number>();
  for (const w of words) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
  if (wordCounts.size < words.length * WIDGET_DISTINCT_SHARE) return false;
  const phraseCounts = new Map<string, number>();
  for (let i = 0; i + WIDGET_PHRASE_WORDS <= words.length; i++) {
    if (wordCounts.get(words[i])! < WIDGET_PHRASE_REPEATS) continue;
    const phrase = words.slice(i, i + WIDGET_PHRASE_WORDS).join(' ');
    const n = (phraseCounts.get(phrase) ?? 0) + 1;
    if (n >= WIDGET_PHRASE_REPEATS) return true;
    phraseCounts.set(phrase, n);
  }
  return false;
}

/**
 * A sign-up form flattened into one line, known by what it says to the reader filling it in: a
 * robot check, the e-mail field's prompt and its error messages ("Please verify you're not a robot
 * by clicking the box. Invalid email address. Please re-enter."). Two different messages make a
 * form, however long the line the form's pitch makes it; a sentence may quote one.
 */
const FORM_MESSAGE = /verify (that )?you['’]?re not a robot|(invalid|valid) e-?mail( address)?|e-?mail( address)? (is|was) invalid|enter (a valid |your |an )?e-?mail( address)?|please re-?enter|you must select a newsletter|\* required field|thank you for subscribing|you are already subscribed/gi;
const FORM_MIN_MESSAGES = 2;
function isSignUpForm(line: string): boolean {
  const found = new Set((line.match(FORM_MESSAGE) ?? []).map((m) => m.toLowerCase()));
  return found.size >= FORM_MIN_MESSAGES;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { kind: 'widget', patterns: [isRepeatedWidget] },
  // --- English ---
  { kind: 'advertisement', patterns: [/^(advertisements?|sponsored( content)?|ad|story continues below( this)? ad(vertisement)?)$/i] },
  { kind: 'read-time', patterns: [/^\d+\s*-?\s*(min|mins|minutes?)\s+read$/i] },
  { kind: 'breadcrumb', patterns: [/^you are here:?$/i, /^home\s*[>/»›|]/i, isSegmentTrail] },
  { kind: 'photo-file', below: 150, patterns: [/\.(jpe?g|png|gif|webp|tiff?|bmp)$/i] },
  {
    kind: 'photo-credit',
    below: 400,
    patterns: [
      /\((file )?(photo|photograph|image|picture|pic)s?\s*(by|:|credit:?)[^)]*\)\.?$/i,
      /^(file )?(photo|photograph|image|picture|credit)s?\s*(by\b|:)/i,
      /\b(getty images|afp photo|ap photo|reuters\/[A-Z][a-z]+|shutterstock)\b\.?\)?$/i,
    ],
  },
  { kind: 'newsletter', patterns: [isSignUpForm] },
  { kind: 'share', below: 80, patterns: [/^(share|tweet|pin|email|print|whatsapp)( (on|this|via|to|the|article|story|page|with)\b.*)?$/i] },
  { kind: 'share', below: 80, maxWords: 6, patterns: [/^((facebook|twitter|linkedin|whatsapp|reddit|email|pinterest|telegram|x)\s*[|,·•]?\s*)+$/i] },
  // WordPress's share buttons as a list: "* Click to share on Twitter (Opens in new window)".
  { kind: 'share', below: 100, patterns: [/^([*•·]\s+)?(click|tap) to (share|email|print|tweet|pin)\b/i] },
  {
    kind: 'related',
    below: SHORT,
    patterns: [
      /^(more must-reads?|related( articles?| stories| coverage| news| content| posts?)?:?|read more|read also|also read|recommended( for you| stories)?|most (popular|read|viewed|shared)|you (may|might) (also )?(like|be interested)|more (from|on this|stories|news)\b|see also|trending( now)?|top stories|editor'?s picks?|what to read next)\b(\s*:.*|(\s+[^\s.!?]+){0,6}\s*[:.]?)$/i,
    ],
  },
  {
    kind: 'contact',
    below: SHORT,
    patterns: [/^(contact us|write to us|email us|send (us )?(a |your )?(tip|news tips?)|letters to the editor)\b/i, /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/],
  },
  { kind: 'newsletter', below: SHORT, patterns: [/\bnewsletters?\b/i, /^(sign up|subscribe) (for|to) (our|the|daily|weekly)\b/i] },
  {
    kind: 'subscription',
    below: 200,
    patterns: [
      /(reached your (monthly )?(article )?limit|free articles?\b|subscribe (now|today|to read|to continue)|already (a )?subscri|subscription plans?|digital subscription|subscribers? only|unlimited (digital )?access|renews automatically|cancel any ?time|(log|sign) ?in to (continue|read)|premium stories|become a (member|subscriber)|start your (free )?trial)/i,
      /^(subscribe|log ?in|sign ?in|register)$/i,
      /^[₹$€£¥]\s?\d[\d,.]*(\s*\/\s*(month|year|week|mo|yr))?$/i,
      /^\d+\s+(months?|years?|weeks?|days?)$/i,
    ],
  },
  { kind: 'disclaimer', patterns: [/^\(?disclaimer\b/i, /auto-generated from a syndicated feed/i] },
  { kind: 'copyright', below: 200, patterns: [/^(©|\(c\)\s|copyright\b)/i, /\ball rights reserved\b/i] },
  { kind: 'footer', below: 200, patterns: [/\bcan also be accessed at\b/i] },
  {
    kind: 'footer',
    patterns: [/^(www\.|https?:\/\/)\S+$/i, /^(terms of (use|service)|privacy( policy)?|cookie (policy|settings)|about us|site ?map)(\s*[|·•]\s*.*)?$/i],
  },
  {
    kind: 'credit',
    patterns: [
      /^[-–—]{1,2}\s?[A-Z][A-Za-z]{1,15}$/,
      /^[a-z]{2,4}(\/[a-z]{2,4})+$/,
      /^\(?(additional )?(reporting|writing|editing|compiled) by\b.{0,200}\)?$/i,
      /^\((reuters|ap|afp|ians|pti|xinhua|dpa|ani|bloomberg)\)$/i,
    ],
  },
  { kind: 'widget', maxWords: 4, patterns: [/\b(on|in|for|to|about|from|with)\s*:$/i] },
  { kind: 'widget', patterns: [/^(tags|topics|filed under|categories|keywords|related topics|listen to this article|watch)\s*:/i] },

  // --- The same furniture in the other languages news corpora are kept in (German, French,
  // Spanish, Italian, Portuguese, Polish, Dutch), and a few more English phrases ---
  {
    kind: 'related',
    below: SHORT,
    patterns: [
      /^(mehr (zum thema|nachrichten|dazu|aus|zu|artikel|news)\b|(ähnliche|verwandte|weitere|beliebte|meistgelesene|empfohlene) (artikel|beiträge|nachrichten|themen|news|meldungen)\b|das könnte sie (auch )?interessieren|auch interessant|lesen sie (auch|mehr|weiter)|heute empfehlen wir|empfehlungen der redaktion|(à lire|lire) aussi|articles? (similaires|liés|recommandés)|sur le même (sujet|thème)|(artículos|noticias|notas) relacionad[ao]s|te puede interesar|(lee|leer|ver) también|(leggi|vedi) anche|articoli correlati|potrebbe interessarti|(leia|veja) também|(artigos|notícias) relacionad[ao]s|czytaj (też|także|również)|zobacz (też|także|również)|podobne artykuły|lees ook|gerelateerde artikelen|(older|newer|previous|next) (posts?|articles?|stories)|popular (posts|articles|stories)|more (articles|posts|headlines)|related topics)\b(\s+[^\s.!?]+){0,4}\s*:?$/i,
    ],
  },
  {
    kind: 'comments',
    below: 80,
    patterns: [
      /^(leave a (reply|comment)!?|post a comment|add (a|your) comment|join the (discussion|conversation)|view the discussion thread\.?|show comments|\[?\s*\d+ (comments?|responses?|replies)\s*\]?|(\d+ )?(kommentare?|commentaires?|comentarios?|commenti|comentários|komentarze?|reacties)( \(\d+\))?:?|kommentar schreiben|écrire un commentaire|deja un comentario|lascia un commento|deixe um comentário|napisz komentarz)$/i,
    ],
  },
  { kind: 'advertisement', patterns: [/^(anzeige|werbung|publicité|publicidad|pubblicità|publicidade|reklama|advertentie)$/i] },
  { kind: 'photo-credit', below: 150, patterns: [/^(foto|fotos|bild|bilder|quelle|crédit photo|crédits? photo|créditos?|fotografía|zdjęcie|fot\.|фото|фотография)\s*:/i] },
  {
    kind: 'share',
    below: 60,
    maxWords: 4,
    patterns: [
      /^((artikel |beitrag |seite )?(teilen|drucken|versenden)|partager|imprimer|compartir|imprimir|condividi|stampa|compartilhe|compartilhar|udostępnij|drukuj|delen|printen)( (auf|sur|en|su|no|na|op) \S+)?:?$/i,
    ],
  },
  {
    kind: 'subscription',
    below: 120,
    patterns: [/^((jetzt )?abonnieren|abo abschließen|s'abonner|abonnez-vous|suscríbete|suscribirse|abbonati|assine( já)?|zaprenumeruj|abonneer( nu)?)\b/i],
  },
  { kind: 'widget', below: 150, patterns: [/^(schlagworte|schlagwörter|stichworte|themen|mots[- ]clés|étiquettes|etiquetas|argomenti|tag|tagi|trefwoorden)\s*:/i] },
  {
    kind: 'footer',
    below: 200,
    patterns: [
      /\b(alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrzeżone|alle rechten voorbehouden)\b/i,
      /^(impressum|datenschutz(erklärung)?|mentions légales|aviso legal|política de (privacidad|privacidade|cookies)|note legali|polityka prywatności|startseite|accueil|inicio|página inicial|kontakt|contacto|contatti|contato)\s*:?$/i,
    ],
  },
  { kind: 'widget', below: 60, patterns: [/^(artikel bewerten|rate this (article|story|post)|bewerten sie diesen artikel)$/i] },
  // Site furniture common on German-language and other European news pages, and in English.
  { kind: 'advertisement', patterns: [/^(anzeige|werbung|advertisement|sponsored)\s*:$/i] },
  { kind: 'copyright', maxWords: 10, patterns: [/©\s*\d{4}/] },
  {
    kind: 'related',
    below: 80,
    patterns: [
      /^(weiterführende links|(für dich|für sie) empfohlen|vorschau auf den nächsten artikel|scroll down for the (next|following) (article|story)|top-themen|więcej informacji:?|das könnte (sie|dich) auch interessieren[!.]?)$/i,
    ],
  },
  {
    kind: 'comments',
    below: 100,
    patterns: [
      /^(schreib(e|en sie)? (einen|ihren|deinen) kommentar|nur angemeldete (benutzer|nutzer|leser)(innen)? können .*kommentieren.*|notify me (of|when) (new|follow-up) comments.*|kommentare insgesamt:?.*|hier ist ihre meinung gefragt[!.]?)$/i,
    ],
  },
  {
    kind: 'share',
    below: 60,
    patterns: [
      /^(folgt uns!?|folgen sie uns( auf .*)?[!.]?|follow us( on .*)?[!.]?|empfiehl (dies|diesen artikel)( deinen freunden)?[!.]?|diesen (artikel|beitrag) teilen:?|weiterempfehlen|url zum kopieren)$/i,
    ],
  },
  {
    kind: 'widget',
    below: 60,
    patterns: [
      /^(getaggt mit:?|filed under:?|abgelegt unter\b.*|markiert:|schlagw[öo]rter:?|stichwort-?wolke|themen|kategorien:?|print recipe|pdf version|downloads?|attachments|ist dieser (beitrag|artikel) hilfreich\??|wie bewerten sie diesen (beitrag|artikel)\??|letzte änderung:?.*|zum shop)$/i,
    ],
  },
  {
    kind: 'disclaimer',
    below: 120,
    patterns: [
      /^(alle angaben ohne gewähr[!.]?|haftungs(beschränkung|ausschluss)\b.*|es gilt die datenschutzerklärung.*|ich bin damit einverstanden.*|i agree (that )?my (information|data|details) .*|rechtliches|cookies? (&|und|and) tracking)$/i,
    ],
  },
  { kind: 'photo-credit', below: 100, patterns: [/^kuva:/i, /^\((foto|fotos|bild|quelle)\s*:[^)]*\)$/i] },
  {
    kind: 'newsletter',
    below: 100,
    patterns: [/^(gib deine e-mail-adresse ein|geben sie ihre e-mail-adresse ein|um neue beiträge per e-mail zu.*|enter your e-?mail( address)?)\b.*$/i],
  },
  { kind: 'footer', patterns: [/^powered by \S+( \S+){0,3}$/i] },
  { kind: 'related', below: 200, patterns: [/^[[(](related|see also|read more|more)\s*:[^\])]*[\])]$/i] },
  { kind: 'share', below: 160, patterns: [/^follow\b.{0,80}\bon (facebook|twitter|instagram|linkedin|youtube|tiktok)\b/i] },
  { kind: 'newsletter', below: 160, patterns: [/\bopt-in box\b|\bopt in to receive\b/i] },
  { kind: 'comments', below: 300, patterns: [/\b(as you comment|when commenting|comments? (are|is) moderated)\b/i] },
  // A comment thread's own furniture: the reply form, a commenting service's credit, and the
  // "Name on 17 September 2018 at 6:34 am said:" line that heads each reader's comment.
  {
    kind: 'comments',
    below: 120,
    patterns: [
      /^(leave a reply|cancel reply|leave a reply cancel reply|view( all)? comments|(\d+ )?thoughts on\b.*|(blog )?comments powered by \S+|your email address will not be published\.?( required fields are marked \*?)?|you must (be logged|log) in to post a comment\.?)$/i,
      /^(\*\s+)?[\p{L}][\p{L}.' ()-]{0,50} on [\p{L}\d ,.]{6,30}\d{4},? at \d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)? (said|says|wrote):?$/iu,
    ],
  },
];

/** Chinese, Japanese and Korean script, written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words of a line; in scripts written without spaces, two characters count as one word. */
export function wordCount(line: string): number {
  const spaced = line.match(/\S+/g)?.length ?? 0;
  const cjk = line.match(CJK)?.length ?? 0;
  return cjk === 0 ? spaced : spaced + Math.floor(cjk / 2);
}

const matches = (p: LinePattern, line: string) => (typeof p === 'function' ? p(line) : p.test(line));

/** The kind of boilerplate a single line is, judged on its own by the table, or null. */
export function classifyLine(raw: string): BoilerplateKind | null {
  const line = raw.trim();
  if (!line) return null;
  const words = wordCount(line);
  for (const rule of BOILERPLATE_RULES) {
    if (rule.below !== undefined && line.length >= rule.below) continue;
    if (rule.maxWords !== undefined && words > rule.maxWords) continue;
    if (rule.patterns.some((p) => matches(p, line))) return rule.kind;
  }
  return null;
}
