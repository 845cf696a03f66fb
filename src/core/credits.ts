/**
 * Wire and agency credits in an article's text: who supplied the words ("--IANS",
 * "(Reuters) -", "Washington (AFP) –", "By … | Reuters") told apart from who supplied the
 * pictures ("(Photo by AFP)", "Photo: AP", "AP Photo/…"). An agency named as the source
 * of a statement ("Xinhua reported", "told Reuters") is attribution, not a credit: only
 * the places a credit is written (a dateline, a sign-off line, a byline, a caption) count.
 */
import { splitLines } from './lines';

export type CreditKind = 'text' | 'photo';

export interface Credit {
  /** The agency's usual short name ("AP" for "Associated Press"). */
  readonly name: string;
  readonly kind: CreditKind;
  /** The agency's name as written. */
  readonly start: number;
  readonly end: number;
}

const AGENCIES: ReadonlyArray<[string, string]> = [
  ['Reuters', 'Reuters|REUTERS'],
  ['AP', 'AP|Associated Press|ASSOCIATED PRESS'],
  ['AFP', 'AFP|Agence France[- ]Presse|Agence France Presse'],
  ['IANS', 'IANS'],
  ['PTI', 'PTI'],
  ['ANI', 'ANI'],
  ['UNI', 'UNI'],
  ['Xinhua', 'Xinhua|XINHUA'],
  ['dpa', 'dpa|DPA'],
  ['Bloomberg', 'Bloomberg'],
  ['EFE', 'EFE'],
  ['Kyodo', 'Kyodo'],
  ['Yonhap', 'Yonhap'],
  ['TASS', 'TASS'],
  ['Anadolu', 'Anadolu Agency|Anadolu'],
  ['ANSA', 'ANSA'],
  ['EPA', 'EPA'],
  ['Getty Images', 'Getty Images'],
];

const AGENCY = `(?:${AGENCIES.map(([, p]) => p).join('|')})`;

function canonical(written: string): string {
  for (const [name, pattern] of AGENCIES) if (new RegExp(`^(?:${pattern})$`).test(written)) return name;
  return written;
}

/** Each rule finds the agency name in group `agency`; photo rules are tried first. */
const PHOTO_RULES: readonly RegExp[] = [
  // (Photo by AFP), (Photo: Reuters/Kim Hong-Ji), (File photo: AP)
  new RegExp(`\\((?:file )?(?:photo|photograph|image|picture|pic)s?\\s*(?:by|:|credit:?)\\s*(?:[^)]*?[/,;]\\s*)?(?<agency>${AGENCY})\\b[^)]*\\)`, 'gi'),
  // Photo: AP   /   Photograph: AFP/Getty Images
  new RegExp(`^(?:file )?(?:photo|photograph|image|picture|credit)s?\\s*(?:by\\b|:)\\s*(?:[^\\n]*?[/,;]\\s*)?(?<agency>${AGENCY})\\b`, 'gim'),
  // AP Photo/Ahn Young-joon, AFP PHOTO / STR
  new RegExp(`\\b(?<agency>${AGENCY})\\s+(?:photo|PHOTO|Photo)\\b`, 'g'),
  // Reuters/Kim Hong-Ji, AFP/Getty Images, EPA/JEON HEON-KYUN
  new RegExp(`\\b(?<agency>${AGENCY})\\s?\\/\\s?(?:Getty|[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?\\)?\\s*$)`, 'gm'),
  new RegExp(`\\b(?<agency>Getty Images)\\b`, 'g'),
];

const TEXT_RULES: readonly RegExp[] = [
  // --IANS   — AFP   (a sign-off line, or the end of the last paragraph)
  new RegExp(`(?:^|\\s)[-–—]{1,2}\\s?(?<agency>${AGENCY})\\.?[ \\t]*$`, 'gm'),
  // (Reuters) -   WASHINGTON (AFP) –   SEOUL, South Korea (AP) —   (XINHUA) --
  new RegExp(`^[^\\n]{0,80}?\\((?<agency>${AGENCY})\\)\\s*[-–—:]`, 'gm'),
  // a line that is only the credit: (Reuters)
  new RegExp(`^[ \\t]*\\(?(?<agency>${AGENCY})\\)?\\.?[ \\t]*$`, 'gm'),
  // By Jane Doe | Reuters   By Jane Doe, Associated Press   By AFP
  new RegExp(`^[ \\t]*By\\b[^\\n]{0,80}?(?:[|,/–—-]\\s*|\\bBy\\s+(?:the\\s+)?)(?<agency>${AGENCY})\\b[^\\n]{0,20}$`, 'gm'),
  // © 2017 Reuters, Copyright The Associated Press
  new RegExp(`(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?(?:the\\s+)?(?<agency>${AGENCY})\\b`, 'gi'),
  // The Associated Press contributed to this report.
  new RegExp(`\\b(?<agency>${AGENCY})\\s+contributed\\b`, 'g'),
];

function agencySpan(m: RegExpMatchArray): { start: number; end: number; written: string } | null {
  const written = m.groups?.agency;
  if (!written) return null;
  const offset = m[0].lastIndexOf(written);
  const start = m.index! + offset;
  return { start, end: start + written.length, written };
}

/** The credits written in an article, in text order. */
export function findCredits(text: string): Credit[] {
  const found: Credit[] = [];
  const taken = (s: number, e: number) => found.some((c) => s < c.end && e > c.start);
  for (const [kind, rules] of [['photo', PHOTO_RULES], ['text', TEXT_RULES]] as const) {
    for (const line of splitLines(text)) {
      if (!line.text.trim()) continue;
      for (const rule of rules) {
        for (const m of line.text.matchAll(rule)) {
          const span = agencySpan(m);
          if (!span) continue;
          // Short names must be written in capitals to be an agency ("ap" or "Ani" are words).
          if (/^[A-Z]{2,5}$/i.test(span.written) && span.written !== span.written.toUpperCase() && span.written !== 'dpa') continue;
          const start = line.start + span.start;
          const end = line.start + span.end;
          if (taken(start, end)) continue;
          found.push({ name: canonical(span.written), kind, start, end });
        }
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
