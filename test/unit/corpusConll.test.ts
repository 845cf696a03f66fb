// CoNLL-2003 documents written as plain-text files and read back as a corpus (issue #13): the
// tokens, sentences, body lines, propagation and types of `corpus-lens entities` on them.
// Sentences are from CoNLL testa and train (../shared/eval/ner/).
import { existsSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { findMentions, type EntityMention } from '../../src/core/entities/mentions';
import { propagateAcrossCorpus } from '../../src/core/entities/propagate';
import { resolvedType } from '../../src/core/entities/resolve';
import { chunks } from '../../src/core/ner/conll';
import { tokenize } from '../../src/core/ner/tokenize';
import { splitSentences } from '../../src/core/sentences';
import { loadRecognizer } from '../../src/node/models';
import { evaluateConllCorpus, readConll } from '../../scripts/entity-corpus-eval';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('CoNLL-style tokens from text', () => {
  it('gives back the CoNLL tokens of nearly every testa sentence written with spaces', () => {
    let same = 0;
    let all = 0;
    for (const d of readConll('conll2003-eng.testa')) {
      for (const s of d.sentences) {
        const gold = s.tokens.map((t) => t.word);
        all++;
        if (words(gold.join(' ')).join('\u0001') === gold.join('\u0001')) same++;
      }
    }
    // Measured 3,232 of 3,250 (99.4 %; 69.4 % before). Floor just below.
    expect(same / all).toBeGreaterThan(0.99);
  });

  it('keeps scores, dates, ordinals, initials, list numbers and abbreviations whole', () => {
    expect(words('Pete Sampras ( U.S. ) beat Jiri Novak ( Czech Republic ) 6-3 1-6 6-3 4-6 6-4')).toEqual(['Pete', 'Sampras', '(', 'U.S.', ')', 'beat', 'Jiri', 'Novak', '(', 'Czech', 'Republic', ')', '6-3', '1-6', '6-3', '4-6', '6-4']);
    expect(words('1. Michelle Freeman ( Jamaica ) 12.71 seconds')).toEqual(['1.', 'Michelle', 'Freeman', '(', 'Jamaica', ')', '12.71', 'seconds']);
    expect(words('Somerset 83 and 174 ( P. Simmons 4-38 ) , Leicestershire 296 .')).toContain('P.');
    expect(words('LONDON 1996-08-30')).toEqual(['LONDON', '1996-08-30']);
    expect(words('A U.S.-led air force in southern Turkey protects Iraqi Kurds')).toContain('U.S.-led');
    expect(words('The Redmond , Wash.-based company spent tens of millions')).toContain('Wash.-based');
    expect(words('IRVINE , Calif. 1996-08-29')).toEqual(['IRVINE', ',', 'Calif.', '1996-08-29']);
    expect(words('said economist Lynn Reaser of Barnett Banks Inc. in Jacksonville , Fla .')).toEqual(['said', 'economist', 'Lynn', 'Reaser', 'of', 'Barnett', 'Banks', 'Inc.', 'in', 'Jacksonville', ',', 'Fla', '.']);
  });

  it('splits clitics as Reuters text does, written without spaces', () => {
    expect(words("I don't see a lot of other deals being done at this premium, I'm told")).toEqual(['I', 'do', "n't", 'see', 'a', 'lot', 'of', 'other', 'deals', 'being', 'done', 'at', 'this', 'premium', ',', 'I', "'m", 'told']);
    expect(words("China's Xi met Mr. Lee Hae-chan")).toEqual(['China', "'s", 'Xi', 'met', 'Mr.', 'Lee', 'Hae-chan']);
  });
});

describe('sentences of results lists and datelines', () => {
  const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));
  it('does not end a sentence at a list number or a state abbreviation', () => {
    expect(sentences('1. Colonna 8:22:00')).toEqual(['1. Colonna 8:22:00']);
    expect(sentences('IRVINE , Calif. 1996-08-29')).toEqual(['IRVINE , Calif. 1996-08-29']);
    expect(sentences('Overall standings after second stage . 1. Colonna 8:22:00')).toEqual(['Overall standings after second stage .', '1. Colonna 8:22:00']);
  });
});

describe('a press digest: each bulleted headline its own item under its masthead', () => {
  // CoNLL-2003 train, fold 2 (../shared/eval/ner/): a masthead line, then its headlines as "- " items.
  const digest = ['PRESS DIGEST - Spain - Aug 28 .', 'Headlines from major national newspapers .', 'DIARIO 16', '- Catalan nationalists say the 1997 budget will make Spaniards sweat', 'CINCO DIAS', '- Banco Santander starts conquest of the east .', 'EXPANSION', '- Government will finish pension reform before the year 2000', 'GACETA DE LOS NEGOCIOS', '- Caja de Madrid stagnates during struggle for presidency'].join('\n');

  it('reads every line as a paragraph of its own, not a masthead run into its first headline', () => {
    const article = parseArticle(digest);
    expect(article.paragraphs.map((p) => p.text)).toEqual(digest.split('\n'));
  });

  it('tags no name across a line break and its bullet', () => {
    const recognizer = loadRecognizer(path.join(__dirname, '..', '..', 'models', 'ner.json.gz'));
    const names = findMentions(digest, parseArticle(digest), recognizer).filter((m) => m.type !== 'DATE');
    // Before: "EXPANSION\n- Government" was one organisation.
    expect(names.filter((m) => m.text.includes('\n'))).toEqual([]);
    expect(names.map((m) => m.text)).toContain('EXPANSION');
  });
});

describe('plain text is never a whole web page', () => {
  it('keeps a testa itinerary, written as short wrapped lines, all as body', () => {
    const doc = readConll('conll2003-eng.testa').find((d) => d.sentences[0].tokens.some((t) => t.word === 'INTINERARY'))!;
    let text = '';
    const spans: Array<[number, number]> = [];
    for (const s of doc.sentences) {
      const offsets: Array<[number, number]> = [];
      s.tokens.forEach((t, k) => {
        if (k > 0) text += ' ';
        offsets.push([text.length, text.length + t.word.length]);
        text += t.word;
      });
      text += '\n';
      for (const c of chunks(s.tokens.map((t) => t.gold))) spans.push([offsets[c.start][0], offsets[c.end - 1][1]]);
    }
    const article = parseArticle(text);
    expect(article.boilerplate).toEqual([]);
    const sentences = article.paragraphs.flatMap((p) => p.sentences);
    // Before: 28 of its 48 lines were cut as navigation (whole-page mode), with the names on them.
    expect(spans.length).toBeGreaterThan(30);
    for (const [s, e] of spans) expect(sentences.some((x) => x.start <= s && e <= x.end)).toBe(true);
  });
});

describe('corpus propagation of free-standing names', () => {
  const mention = (text: string, name: string, type: EntityMention['type'], margin: number): EntityMention => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, type, margin };
  };
  const article = (id: string, text: string, mentions: EntityMention[] = []) => ({ id, text, mentions, body: [{ start: 0, end: text.length }] });

  it('writes a name into another article only where it stands alone', () => {
    const said = 'Johnson said that long-term interest rates have already been spooked by the election .';
    const company = 'Magna , Johnson Controls and Lear have been working to build up their capabilties to supply complete interiors to automakers .';
    const cricket = 'They were held up by a gritty 84 from Paul Johnson but ex-England fast bowler Martin McCague took four for 55 .';
    const out = propagateAcrossCorpus([article('a', said, [mention(said, 'Johnson', 'PER', 80)]), article('b', company), article('c', cricket), article('d', said)]);
    expect(out[1]).toEqual([]); // inside "Johnson Controls"
    expect(out[2]).toEqual([]); // inside "Paul Johnson"
    expect(out[3].map((m) => [m.text, m.type, m.margin])).toEqual([['Johnson', 'PER', 0]]);
  });

  it('writes no name into a hyphenated word', () => {
    // "London-based", "Croatia-Yugoslavia", "PUK-run" are one word each, tagged whole in CoNLL (testa; train fold 2).
    const source = 'Lentini , 27 , joined Milan from Torino in a $ 12 million deal .';
    const london = 'A London-based spokesman of the Iraqi National Congress said Iraqi artillery was shelling the city and Iraqi tanks had advanced to within 10 km ( six miles ) of Arbil , the administrative centre of the Kurdish rebel-controlled region of northern Iraq .';
    const croatia = 'Granic arrives to sign Croatia-Yugoslavia treaty .';
    const puk = 'The PUK-run radio on Friday said Iraqi heavy artillery was pounding its positions in Kurdish-controlled northern Iraq but it gave no details of casualties .';
    const names = 'Croatia and Yugoslavia signed the treaty in London . PUK leader Jalal Talabani said .';
    const out = propagateAcrossCorpus([article('a', names, [mention(names, 'Croatia', 'LOC', 90), mention(names, 'Yugoslavia', 'LOC', 90), mention(names, 'London', 'LOC', 90), mention(names, 'PUK', 'ORG', 90)]), article('b', london), article('c', croatia), article('d', puk), article('e', source)]);
    expect(out.slice(1, 4)).toEqual([[], [], []]);
    // The same names standing alone are still written ("Iraq" of "northern Iraq" is not among them).
    const alone = 'Talks between Croatia and Yugoslavia resumed in London .';
    expect(propagateAcrossCorpus([article('a', names, [mention(names, 'Croatia', 'LOC', 90), mention(names, 'London', 'LOC', 90)]), article('b', alone)])[1].map((m) => m.text)).toEqual(['Croatia', 'London']);
  });

  it('still writes a name after a capitalised word that opens the sentence', () => {
    const source = 'Lentini , 27 , joined Milan from Torino in a $ 12 million deal .';
    const target = 'In Milan , police said the match would go ahead .';
    const out = propagateAcrossCorpus([article('a', source, [mention(source, 'Milan', 'ORG', 90)]), article('b', target)]);
    expect(out[1].map((m) => m.text)).toEqual(['Milan']);
  });
});

describe('place and organisation by context, not by corpus vote', () => {
  it('keeps a tagged club or city its own type when its entity has the other', () => {
    const club = { type: 'ORG' as const, margin: 40 };
    const city = { type: 'LOC' as const, margin: 12 };
    expect(resolvedType(club, { type: 'LOC' })).toBe('ORG');
    expect(resolvedType(city, { type: 'ORG' })).toBe('LOC');
    // A copy written by propagation (margin 0) and a user's mention (no margin) take the entity's type,
    // and so does any other disagreement (a person the corpus knows as an organisation).
    expect(resolvedType({ type: 'LOC' as const, margin: 0 }, { type: 'ORG' })).toBe('ORG');
    expect(resolvedType({ type: 'LOC' as const }, { type: 'ORG' })).toBe('ORG');
    expect(resolvedType({ type: 'PER' as const, margin: 40 }, { type: 'ORG' })).toBe('ORG');
  });
});

const foldModel = path.join(__dirname, '..', '..', '.cache', 'train', 'ner-fold-0.json.gz');

describe('CoNLL train fold 0 (held out) as one corpus through corpus-lens entities', () => {
  // Needs the fold model (`NER_FOLD=0 npm run train:ner`, a few minutes), which is not shipped.
  it.skipIf(!existsSync(foldModel))('stays above the floor and within a hair of the per-document figure', async () => {
    const r = await evaluateConllCorpus(loadRecognizer(foldModel), 'conll2003-eng.train', { fold: 0, modelFile: foldModel });
    // Measured 0.9192 as a corpus (0.8609 before #13's corpus rules), 0.9193 per document.
    expect(r.corpus.overall.f1).toBeGreaterThan(0.915);
    expect(r.corpus.overall.f1).toBeGreaterThan(r.perDocument.overall.f1 - 0.002);
  }, 180_000);
});
