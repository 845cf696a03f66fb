// Entities a user can trust on a real corpus: names cleaned, spread and merged only on evidence.
// Sentences are from the Giveme5W1H evaluation set (../shared/eval/events/).
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { cleanName, findMentions, lineCase } from '../../src/core/entities/mentions';
import { tokenize } from '../../src/core/ner/tokenize';
import { analysedCorpus, builtInRecognizer } from './entityCorpus';
import { evaluateConllCorpus, evaluateGiveme } from '../../scripts/entity-corpus-eval';

const recognizer = builtInRecognizer;



/** What cleanName makes of the tokens `span` covers in `sentence` (as the tagger once cut them). */
function cleaned(sentence: string, span: string): string[] {
  const tokens = tokenize(sentence);
  const at = sentence.indexOf(span);
  const inside = tokens.filter((t) => t.start >= at && t.end <= at + span.length);
  return cleanName(inside, lineCase(tokens), recognizer).map((p) => sentence.slice(p[0].start, p[p.length - 1].end));
}

describe('names are cleaned', () => {
  it.each([
    ['Mountain View based tech giant Google has announced that Pixel 2 users can take better images for social media.', 'Google has', ['Google']],
    ['Guaranteed to be exciting, one way or another. — Elon Musk (@elonmusk) December 2, 2017', 'Elon Musk (', ['Elon Musk']],
    ['Please re-enter. You must select a newsletter to subscribe to. Sign Up You agree to receive occasional updates and special offers.', 'Sign Up You', ['Sign']],
    ['An American Airlines spokesman said the players and the assistant coach were apologized to and later flown to their destination.', 'An American Airlines spokesman', ['American Airlines']],
    ['1:06 Elon Musk Promised South Australia 100MW of Batteries in 100 Days or Its Free.', 'Elon Musk Promised South Australia', ['Elon Musk', 'South Australia']],
    ['How is this the better idea, you ask?', 'How', []],
    ['The accident happened late Tuesday on the Rhine River near the north-west German city of Duisburg.', 'The', []],
  ])('%s: "%s" → %j', (sentence, span, expected) => {
    expect(cleaned(sentence, span)).toEqual(expected);
  });

  it('keeps what is a name: "US" amid lower case, a capitalised word inside a sentence, a full stop on the word', () => {
    expect(cleaned('The firm revealed information on 143million US customers had been exposed.', 'US')).toEqual(['US']);
    expect(cleaned('One of the flights was serviced by United Airlines and the other by All Nippon Airways.', 'All Nippon Airways')).toEqual(['All Nippon Airways']);
    expect(cleaned('Shares in Barnett Banks Inc. rose.', 'Barnett Banks Inc.')).toEqual(['Barnett Banks Inc.']);
  });
});

describe('a list line is no headline', () => {
  // Results and squad lines from CoNLL-2003 train (../shared/eval/ner/): every word capitalised
  // as in a headline, but the names are set off by commas and brackets and the tagger is sure.
  // On held-out text their surnames are unseen names; the built-in model has seen these, so
  // the recogniser is asked as if it had not.
  const unseen = Object.assign(Object.create(recognizer) as typeof recognizer, { isNameWord: () => false });
  const cut = (line: string, name: string) => {
    const tokens = tokenize(line);
    const at = line.indexOf(name);
    const from = tokens.findIndex((t) => t.start === at);
    const to = tokens.findIndex((t) => t.end === at + name.length) + 1;
    const margins = recognizer.tagWithConfidence([tokens.map((t) => t.text)]).margins[0].slice(from, to);
    return cleanName(tokens.slice(from, to), lineCase(tokens), unseen, margins).map((p) => line.slice(p[0].start, p[p.length - 1].end));
  };
  it.each([
    ['143 , M. Dowman 107 , W. Noon 57 ; B. Julian 4-104 ) .', 'W. Noon'],
    ['Midfielders - Richard Witschge ( Ajax ) , Philip Cocu ( PSV ) , Wim Jonk ( PSV ) , Aron Winter ( Inter )', 'Aron Winter'],
  ])('%s keeps "%s"', (line, name) => {
    expect(cut(line, name)).toEqual([name]);
  });

  it('still splits a headline the tagger was sure of', () => {
    expect(cut('1:06 Elon Musk Promised South Australia 100MW of Batteries in 100 Days or Its Free.', 'Elon Musk Promised South Australia')).toEqual(['Elon Musk', 'South Australia']);
  });
});

describe('a lower-case word inside a name', () => {
  // Lines from CoNLL-2003 (../shared/eval/ner/), where these are gold names whole: train (the
  // built-in model saw them) and testa (it did not).
  const cut = (line: string, name: string, margin?: number) => {
    const tokens = tokenize(line);
    const at = line.indexOf(name);
    const from = tokens.findIndex((t) => t.start === at);
    const to = tokens.findIndex((t) => t.end === at + name.length) + 1;
    const tagged = recognizer.tagWithConfidence([tokens.map((t) => t.text)]).margins[0].slice(from, to);
    const margins = margin === undefined ? tagged : tagged.map(() => margin);
    return cleanName(tokens.slice(from, to), lineCase(tokens), recognizer, margins).map((p) => line.slice(p[0].start, p[p.length - 1].end));
  };
  const bank = 'The Reserve bank of India governor C. Rangarajan said on Thursday that he expected the cash reserve ratio ( CRR ) maintained by banks to be reduced over the medium term .';
  const lawyer = 'Lawyer Cesare dal Maso told ANSA that Stevanin confessed to beheading and dumping the body of a fourth woman in the nearby Adige river .';
  const zaire = 'Zairean Prime Minister Kengo wa Dondo said at the end of a visit to Rwanda last week that the Zairean and Rwandan governments agreed on an " organised , massive and unconditional repatriation " of the 1.1 million Rwandan refugees in Zaire .';

  it.each([
    [bank, 'Reserve bank of India'],
    [lawyer, 'Cesare dal Maso'],
    [zaire, 'Kengo wa Dondo'],
  ])('stays when the tagger was sure: %s', (line, name) => {
    expect(cut(line, name)).toEqual([name]);
  });

  it('splits the name where the tagger was unsure of the word', () => {
    expect(cut(bank, 'Reserve bank of India', 1)).toEqual(['Reserve', 'India']);
    expect(cut(lawyer, 'Cesare dal Maso', 1)).toEqual(['Cesare', 'Maso']);
  });

  it('never keeps a common lower-case word, a word no training name has or the "v" of a fixture, however sure', () => {
    // Giveme5W1H, a BBC photo caption.
    expect(cut('Image caption The Taliban claimed responsibility for the attack', 'Image caption The Taliban', 100)).toEqual(['Image', 'The Taliban']);
    // Giveme5W1H: the tagger ran "Verge reported Monday" into one name, sure of "reported".
    const verge = "The Verge reported Monday that Intel's New Devices Group (which reportedly axed its wearables division last July) has been quietly working on just such a pair of glasses, dubbed Vaunt, and plans to offer them up to developers in an early access program later this year.";
    expect(cut(verge, 'Verge reported Monday', 100)).toEqual(['Verge', 'Monday']);
    expect(cut('Morton v Falkir , Partick v St Mirren , St Johnstone v', 'Morton v Falkir', 100)).toEqual(['Morton', 'Falkir']);
  });
});

describe('corpus propagation and resolution on evidence', () => {
  it('does not tie the Moon of a supermoon story to Moon Jae-in', () => {
    const { articles, mentions, resolution } = analysedCorpus([
      'South Korean President Moon Jae-in met Chinese President Xi Jinping in Beijing on Thursday. Moon said the talks went well.',
      'Skywatchers saw the Moon rise over Chicago on Monday. The Moon looked bigger than usual, NASA said.',
    ]);
    const entityOf = (k: number, text: string) => mentions[k].map((m, i) => (m.text === text ? resolution.entityFor(articles[k].id, i) : undefined)).find(Boolean);
    const president = entityOf(0, 'Moon Jae-in');
    expect(president).toBeDefined();
    expect(entityOf(0, 'Moon')?.id).toBe(president!.id);
    const supermoon = entityOf(1, 'Moon');
    expect(supermoon).toBeDefined();
    expect(supermoon!.id).not.toBe(president!.id);
  });

  it('does not spread a common word the tagger once took for a name', () => {
    const texts = ['Police say 27 people are injured.', 'Police said the gunman fired from the Mandalay Bay hotel, several hundred feet southwest of the concert grounds.', 'The Swiss Crystal, which had 129 people on board, hit a pillar of the bridge near Duisburg on Tuesday evening.'];
    const { mentions } = analysedCorpus(texts);
    for (const m of mentions.flat()) {
      expect(m.text).not.toBe('Police');
      expect(m.text).not.toBe('The');
    }
  });

  it('keeps the tagger margin on every recognised name', () => {
    const text = 'Mountain View based tech giant Google has announced that Pixel 2 users can take better images.';
    const ms = findMentions(text, parseArticle(text), recognizer).filter((m) => m.type !== 'DATE');
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) expect(m.margin).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ms.map((m) => m.margin!))).toBeGreaterThan(0);
  });
});

describe('Giveme5W1H as one corpus through corpus-lens entities', () => {
  it('has almost no junk mentions and few unrelated person merges', async () => {
    const r = await evaluateGiveme();
    // Measured 40 of 19,421 (0.21 %) and 0 (was 10.66 % and 393; 6 before name ends were trimmed); floors just above.
    expect(r.junk / r.nonDateMentions).toBeLessThan(0.003);
    expect(r.unrelatedPersonMerges).toBeLessThanOrEqual(10);
    expect(r.topForms.map(([t]) => t)).not.toContain('The');
  }, 120_000);
});

describe('CoNLL testa as one corpus through corpus-lens entities', () => {
  it('stays above the regression floor', async () => {
    const r = await evaluateConllCorpus(recognizer);
    // Measured 0.9260 (0.9252 before name ends were trimmed and names joined by "and" split;
    // 0.8860 before CoNLL-style tokens, plain text kept as body, free-standing propagation and
    // place/organisation by context; 0.8431 before propagation needed evidence); per document
    // 0.9257 (0.9225). Propagation must help, never hurt: the corpus at least per document.
    expect(r.corpus.overall.f1).toBeGreaterThan(0.925);
    expect(r.perDocument.overall.f1).toBeGreaterThan(0.925);
    expect(r.corpus.overall.f1).toBeGreaterThanOrEqual(r.perDocument.overall.f1);
  }, 120_000);
});
