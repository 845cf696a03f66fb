/** The publishing outlet, read from the page furniture scraped with the article. */
import type { BoilerplateKind } from './boilerplate';
import type { Span } from './sentences';

/** Outlets whose names or mail domains appear in their own page furniture. */
const KNOWN_OUTLETS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'Business Standard', pattern: /\bBusiness Standard\b/ },
  { name: 'TIME', pattern: /\b(from TIME|TIME\.com|@time\.com)\b|\bTIME\b/ },
  { name: 'Press TV', pattern: /\bPress ?TV\b|presstv\./i },
  { name: 'Reuters', pattern: /\bReuters\b/ },
  { name: 'Associated Press', pattern: /\bAssociated Press\b|\bapnews\.com\b/ },
  { name: 'Agence France-Presse', pattern: /\bAgence France-Presse\b/ },
  { name: 'BBC', pattern: /\bBBC\b/ },
  { name: 'CNN', pattern: /\bCNN\b/ },
  { name: 'The New York Times', pattern: /\b(The )?New York Times\b|nytimes\.com/ },
  { name: 'The Washington Post', pattern: /\bWashington Post\b/ },
  { name: 'The Guardian', pattern: /\bThe Guardian\b|theguardian\.com/ },
  { name: 'Fox News', pattern: /\bFox News\b/ },
  { name: 'HuffPost', pattern: /\bHuff(ington )?Post\b/ },
  { name: 'Al Jazeera', pattern: /\bAl Jazeera\b/ },
  { name: 'Xinhua', pattern: /\bXinhua(net)?\b/ },
  { name: 'The Straits Times', pattern: /\bStraits Times\b/ },
  { name: 'The Business Times', pattern: /\bBusiness Times\b/ },
  { name: 'Daily Sabah', pattern: /\bDaily Sabah\b/ },
  { name: 'The Korea Herald', pattern: /\bKorea Herald\b/ },
  { name: 'Yonhap', pattern: /\bYonhap\b/ },
  { name: 'South China Morning Post', pattern: /\bSouth China Morning Post\b|scmp\.com/ },
];

/** Furniture that an outlet writes about itself, more telling than a paywall's partner list. */
const SELF_REFERENCE: ReadonlySet<BoilerplateKind> = new Set(['disclaimer', 'copyright', 'footer', 'contact', 'related']);

export interface BoilerplateLine {
  readonly text: string;
  readonly start: number;
  readonly kind: BoilerplateKind;
}

/**
 * The outlet named most often in the boilerplate, self-references weighing more.
 * Null when nothing names one: an unnamed outlet is never guessed.
 */
export function inferOutlet(lines: readonly BoilerplateLine[]): { name: string; span: Span } | null {
  const scores = new Map<string, { score: number; span: Span }>();
  for (const line of lines) {
    for (const outlet of KNOWN_OUTLETS) {
      const m = outlet.pattern.exec(line.text);
      if (!m) continue;
      const weight = SELF_REFERENCE.has(line.kind) ? 3 : 1;
      const prev = scores.get(outlet.name);
      const span = { start: line.start + m.index, end: line.start + m.index + m[0].length };
      scores.set(outlet.name, { score: (prev?.score ?? 0) + weight, span: prev?.span ?? span });
    }
  }
  let best: { name: string; score: number; span: Span } | null = null;
  for (const [name, v] of scores) if (!best || v.score > best.score) best = { name, ...v };
  return best ? { name: best.name, span: best.span } : null;
}
