import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { findMentions } from '../../src/core/entities/mentions';
import { goldQuotes, readAttributions } from '../../src/core/quotes/brat';
import { scoreQuotes, summarize, type QuoteCounts } from '../../src/core/quotes/evaluate';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { diffWords, matchQuotes } from '../../src/core/quotes/match';
import { findArticleQuotes } from '../../src/core/quotes/quotes';
import { loadRecognizer } from '../../src/node/models';
import { seed } from './seeds';

const recognizer = loadRecognizer(path.join(__dirname, '..', '..', 'models', 'ner.json.gz'));

function quotesOf(text: string) {
  const article = parseArticle(text);
  return findArticleQuotes(text, article, findMentions(text, article, recognizer));
}

function speakerOf(text: string, start: string): string | undefined {
  return quotesOf(text).find((q) => q.text.startsWith(start))?.speaker?.name;
}

describe('quotes on the seeds', () => {
  it.each([
    ['000', 'safeguard the hard won', 'Xi'],
    ['000', 'to consolidate the mutual', 'Xi'],
    ['001', 'China, too, pays', 'Mr Xi'],
    ['001', "We're willing", 'Mr Xi'],
    ['001', 'President Moon said he hopes', 'Mr Lee'],
    ['002', 'normal track', 'Xi Jinping'],
    ['002', 'China is willing to strengthen', 'Xi'],
    ['002', 'hopes that South Korea can respect', 'Yang Jiechi'],
    ['003', 'concerted efforts', 'Xi'],
    ['003', 'stands ready to join efforts', 'Xi'],
    ['004', 'well aware', 'Moon Jae-in'],
    ['004', 'obstacles', 'Wang Yi'],
    ['004', 'We hope the new government', 'Wang Yi'],
    ['004', 'exclusively discuss', 'Yoon Young'],
    ['004', 'We believe South Korea', 'Wang'],
  ])('%s: “%s…” is said by %s', (prefix, start, speaker) => {
    // A title is not part of a name (CoNLL): since #13's recogniser the speaker "Mr Xi" is the mention "Xi".
    const found = speakerOf(seed(prefix), start);
    expect(found === speaker || `Mr ${found}` === speaker, `${found} for ${speaker}`).toBe(true);
  });

  it('reports the cue and the local speaker mention with exact offsets', () => {
    const text = seed('001');
    const q = quotesOf(text).find((x) => x.text.startsWith("We're willing"))!;
    expect(text.slice(q.cue!.start, q.cue!.end)).toBe('said');
    expect(q.speaker!.text).toBe('he');
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(text[q.start - 1]).toBe('"');
  });
});

describe('attribution in the styles of US newspapers (PolNeAR sentences)', () => {
  const texts = (text: string) => quotesOf(text).map((q) => q.text);
  const speakerIn = (text: string, start: string) => {
    const q = quotesOf(text).find((x) => x.text.startsWith(start));
    return q?.speaker ? text.slice(q.speaker.start, q.speaker.end) : undefined;
  };

  it("reads two apostrophes as a double mark (''…'') and keeps both in the marks' span", () => {
    const text = "Mexico's future relies on North American integration.\n\n''That's Mexico's vulnerability,'' said Luis Rubio, who heads the Center of Research for Development in Mexico City.";
    const [q] = quotesOf(text);
    expect(q.text).toBe("That's Mexico's vulnerability");
    expect(text.slice(q.speaker!.start, q.speaker!.end)).toBe('Luis Rubio');
    const [span] = findQuotes(text, [{ start: 55, end: text.length }]);
    expect(text.slice(span.outerStart, span.outerEnd)).toBe("''That's Mexico's vulnerability,''");
  });

  it('does not end the sentence at an abbreviation before the speaker', () => {
    const text = "The company had more customers.\n\n''If you throw obstacles at the relationship with Mexico, you would be shooting yourself in the foot,'' Mr. Guajardo Villarreal told me.";
    expect(speakerIn(text, 'If you throw')).toBe('Mr. Guajardo Villarreal');
  });

  it('finds the speaker past an apposition or a party and state', () => {
    expect(speakerIn('The rules face a test.\n\n“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, said.', 'It’s an invasion')).toBe('Scott Pruitt');
    expect(speakerIn('The hearing ended.\n\n“Immunity deals should not be a requirement for cooperating with the FBI,” Oversight Chairman Jason Chaffetz (R-Utah) said in a statement.', 'Immunity deals')).toBe('Oversight Chairman Jason Chaffetz');
    expect(speakerIn('Protesters marched again.\n\n"We\'re not going to stop," Quina Jones, 25, said.', "We're not going")).toBe('Quina Jones');
  });

  it('takes a name signed under a quote with a dash, and a cue that opens the sentence', () => {
    const text = 'Latinos answered.\n\n“Maybe, we can build a wall around Donald Trump.”\u00a0― Steve Quinlan\u00a0\n“The most unqualified child to ever run for president.” ― Francisco Herrero';
    expect(speakerIn(text, 'Maybe, we can')).toBe('Steve Quinlan');
    expect(speakerIn(text, 'The most unqualified')).toBe('Francisco Herrero');
    expect(speakerIn('Some note that Trump changed course. Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”', 'I don’t get')).toBe('Ellis');
  });

  it('opens a quote on a bracketed change or an ellipsis, and reads "who" as the name before it', () => {
    expect(speakerIn('He wants to accomplish.\n\nAccording to Limbaugh, “[I]f it was left up to Hillary, she wouldn’t have time to say anything positive.”', '[I]f it was')).toBe('Limbaugh');
    expect(texts('Obama said the words “lump” the good Muslims with the bad.\n\n” … what I learned from listening to some of these families is that words matter,” he said.')).toContain('… what I learned from listening to some of these families is that words matter');
    expect(speakerIn("The crowd included Patti LaBelle and Stevie Wonder, who joked of the museum, ''I haven't seen it yet, but I'm going to.''", "I haven't seen")).toBe('Stevie Wonder');
  });

  it('treats the second half of a quote split by its cue as the same whole statement', () => {
    const quotes = quotesOf('"You know, I love Larry," he said, "but when it comes to energy issues, Larry has a history of representing fossil fuel industries."');
    expect(quotes.map((q) => q.kind)).toEqual(['direct', 'direct']);
  });

  it('takes "put it" as a cue', () => {
    expect(speakerIn("As Steven M. Rosenthal, a senior fellow at the Urban-Brookings Tax Policy Center, recently put it, ''Did Trump lower his taxes through legal tax avoidance, or illegal tax evasion?''", 'Did Trump lower')).toBe('Steven M. Rosenthal');
  });

  it('reads a statement that opens on a number after a colon as whole, and a few words after a verb as partial', () => {
    const text = 'Senator Levin summed up the finding: "27 companies reported 16,389 subsidiaries to the Federal Reserve, and only 2,279 to the S.E.C." He called the gap "shocking."';
    expect(quotesOf(text).map((q) => [q.text.slice(0, 12), q.kind])).toEqual([['27 companies', 'direct'], ['shocking.', 'partial']]);
    // A number that names a film is no statement.
    const title = 'DuVernay said the film was her most personal work. Check out the full trailer for the documentary, “13th,” below, she said.';
    expect(quotesOf(title).filter((q) => q.kind === 'direct')).toEqual([]);
  });
});

describe('quotes in a huge paragraph', () => {
  it('finds every quote of a 1 MB single-line paragraph with its speaker', () => {
    const unit = 'The senator Mr. Smith, the former head of the committee, said: "We will win." Then Ms. Jones said: "They will lose." ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const article = parseArticle(text);
    const quotes = findArticleQuotes(text, article);
    expect(quotes).toHaveLength(2 * Math.ceil(1_000_000 / unit.length));
    expect(new Set(quotes.filter((q) => q.text === 'We will win.').map((q) => q.speaker?.text))).toEqual(new Set(['Mr. Smith']));
    expect(new Set(quotes.filter((q) => q.text === 'They will lose.').map((q) => q.speaker?.text))).toEqual(new Set(['Ms. Jones']));
  });
});

describe('quote marks', () => {
  const paragraphsOf = (text: string) => [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const texts = (text: string) => findQuotes(text, paragraphsOf(text)).map((q) => text.slice(q.start, q.end));

  it('reads a closer typed as an opener and keeps apostrophes inside', () => {
    expect(texts('China wants ties on a “normal track“, Xi said. “We’re willing,” he added.')).toEqual(['normal track', 'We’re willing']);
  });

  it('never lets an unbalanced mark swallow the rest of the article', () => {
    const text = 'He called it a “disaster and walked out.\nThe vote is on Monday. “We will win,” she said.\nMore text follows here.';
    expect(texts(text)).toEqual(['We will win']);
  });

  it('joins a quote running over paragraphs (open mark at each start, one close)', () => {
    const text = '“The first part of the statement goes on.\n“And the second part ends it,” the minister said.';
    const [q] = findQuotes(text, paragraphsOf(text));
    expect(q.paragraphs).toBe(2);
    expect(text.slice(q.start, q.end)).toBe('The first part of the statement goes on.\n“And the second part ends it');
  });

  it('finds a quote at the very end of a file and a quote whose close was lost', () => {
    expect(texts('The senator said: "We will not back down."')).toEqual(['We will not back down.']);
    expect(texts('“We will fight on to the end\nNext paragraph without quotes.')).toEqual(['We will fight on to the end']);
  });

  it('keeps nested single quotes inside the outer quote', () => {
    expect(texts('“He told me ‘never again’ and left,” she said.')).toEqual(['He told me ‘never again’ and left']);
  });
});

describe('the same quote across outlets', () => {
  it('links identical wording despite case and punctuation, and the same statement lightly edited with a score', () => {
    const links = matchQuotes([
      { article: 'a', index: 0, text: 'resolve the THAAD issue,', speaker: 'Yang' },
      { article: 'b', index: 0, text: 'Resolve the Thaad issue', speaker: 'Yang' },
      // Kim Jong Un's New Year speech as two outlets of the Giveme5W1H clusters render it.
      { article: 'c', index: 0, text: 'The entire mainland of the US is within the range of our nuclear weapons and the nuclear button is always on the desk of my office.', speaker: 'Kim' },
      { article: 'd', index: 0, text: 'The entire United States is within range of our nuclear weapons, and a nuclear button is always on my desk. This is reality, not a threat', speaker: 'Kim Jong Un' },
    ]);
    expect(links.find((l) => l.a.article === 'a' && l.b.article === 'b')?.relation).toBe('same');
    expect(links.find((l) => l.a.article === 'c' && l.b.article === 'd')).toMatchObject({ relation: 'similar' });
    expect(links.find((l) => l.a.article === 'c' && l.b.article === 'd')!.score).toBeGreaterThan(0.6);
  });

  it('does not call two statements similar for a phrase in common or for words another speaker used', () => {
    // Two different statements of Xi in the seeds share "bilateral ties" and nothing else.
    const pairs = matchQuotes([
      { article: '000', index: 0, text: 'safeguard the hard won achievements made in the development of bilateral ties', speaker: 'Xi Jinping' },
      { article: '001', index: 0, text: 'China, too, pays great attention to the bilateral ties', speaker: 'Xi Jinping' },
    ]);
    expect(pairs).toEqual([]);
    const others = matchQuotes([
      { article: 'c', index: 0, text: 'The entire mainland of the US is within the range of our nuclear weapons and the nuclear button is always on the desk of my office.', speaker: 'Kim Jong Un' },
      { article: 'd', index: 0, text: 'The entire United States is within range of our nuclear weapons, and a nuclear button is always on my desk.', speaker: 'Donald Trump' },
    ]);
    expect(others).toEqual([]);
  });

  it('keeps a few words quoted out of the same speaker’s longer sentence as the same quote', () => {
    const [link] = matchQuotes([
      { article: '001', index: 0, text: "We're willing to work with South Korea to preserve the hard-won results, properly handle disputes, put China-South Korea relations back onto a normal track", speaker: 'Xi Jinping' },
      { article: '002', index: 0, text: 'normal track', speaker: 'Xi Jinping' },
    ]);
    expect(link?.relation).toBe('same');
  });

  it('diffs wording word by word', () => {
    expect(diffWords('preserve the hard-won results', 'safeguard the hard-won results')).toEqual([
      ['removed', 'preserve'],
      ['added', 'safeguard'],
      ['same', ' the hard-won results'],
    ]);
  });
});

describe('matching quotes across a corpus', () => {
  // The reference compares every pair (about 55,000 calls), slow on a busy machine.
  it('finds the same links as comparing every pair (PolNeAR dev and the seeds)', { timeout: 120_000 }, () => {
    const dir = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', 'polnear-dev', 'text');
    // Every third article keeps the pairwise reference quick; the copies of one story are kept.
    const files = readdirSync(dir).sort().filter((f, i) => i % 3 === 0 || f.includes('charlotte')).map((f) => ({ id: f, text: readFileSync(path.join(dir, f), 'utf8') }));
    for (const n of ['000', '001', '002', '003', '004']) files.push({ id: n, text: seed(n) });
    const refs = files.flatMap(({ id, text }) => findArticleQuotes(text, parseArticle(text), []).map((q, index) => ({ article: id, index, text: q.text, speaker: q.speaker?.name ?? null })));
    // The plain definition: every pair of quotes from different articles, judged one by one.
    const expected = [];
    for (let i = 0; i < refs.length; i++) for (let j = i + 1; j < refs.length; j++) if (refs[i].article !== refs[j].article) expected.push(...matchQuotes([refs[i], refs[j]]));
    const links = matchQuotes(refs);
    expect(links).toEqual(expected);
    console.log(`${refs.length} quotes, ${links.length} links`);
    expect(links.filter((l) => l.relation === 'same').length).toBeGreaterThan(5);
    // Similar is the same speaker's statement lightly edited: 4 such pairs in this sample.
    expect(links.filter((l) => l.relation === 'similar').length).toBeGreaterThan(2);
  });
});

function scoreSplit(split: 'dev' | 'train') {
    const dir = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', `polnear-${split}`);
    const direct: QuoteCounts = { predicted: 0, gold: 0, truePositives: 0, goldFound: 0, speakerRight: 0 };
    const all: QuoteCounts = { ...direct };
    for (const ann of readdirSync(path.join(dir, 'attributions')).sort()) {
      const text = readFileSync(path.join(dir, 'text', ann.replace(/_[0-9a-f]{4}\.ann$/, '.txt')), 'utf8');
      const gold = goldQuotes(readAttributions(readFileSync(path.join(dir, 'attributions', ann), 'utf8')));
      const quotes = quotesOf(text);
      scoreQuotes(gold, quotes.filter((q) => q.kind === 'direct'), direct);
      scoreQuotes(gold, quotes, all);
    }
    const line = (name: string, s: ReturnType<typeof summarize>) =>
      `PolNeAR ${split} (${name}): P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} speaker ${s.speakerAccuracy.toFixed(3)}`;
    const d = summarize(direct);
    console.log(line('whole statements (default)', d) + '\n' + line('with --partial', summarize(all)));
    return d;
}

describe('PolNeAR gold quotes', () => {
  const annotations = (split: 'dev' | 'train', name: string) => readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', `polnear-${split}`, 'attributions', `${name}.ann`), 'utf8');

  it('keeps every Content of an attribution: brat numbers a repeated role (Content, Content2)', () => {
    // E5 Attribution:T21 Cue:T20 Source:T19 Content:T18 Content2:T22 — the speaker's first quote
    // (“Subpoenas are not optional,”) and the second a sentence on; reading the roles into one
    // map had kept only the second.
    const gold = goldQuotes(readAttributions(annotations('dev', 'politico_2016-09-22_house-panel-votes-to-hold-clinto_4e07')));
    const chaffetz = gold.filter((g) => g.source?.text === 'panel Chairman Rep. Jason Chaffetz (R-Utah)').map((g) => g.content!.text);
    expect(chaffetz).toEqual(['"Subpoenas are not optional,"', expect.stringMatching(/^"Mr\. Pagliano is a crucial fact witness/)]);
    // The three such attributions on dev give six gold quotes; a Content opening on the writer's words is none.
    expect(gold.filter((g) => g.contents.length > 1)).toHaveLength(6);
    // Obama "felt a moral obligation to do something about this," … "This is not just a cosmetic item …": the second only.
    const attributions = readAttributions(annotations('train', 'wash-post_2015-12-13_agreement-is-a-big-win-for-obama_4e07'));
    const obligation = attributions.find((a) => a.contents.some((c) => c.text.startsWith('Obama "felt a moral obligation')))!;
    expect(goldQuotes([obligation]).map((g) => g.content!.text.slice(0, 30))).toEqual(['"This is not just a cosmetic i']);
  });
});

describe('quotes on PolNeAR', () => {
  it('stays above the measured floor on dev (direct quotes, the evaluation rule)', { timeout: 120_000 }, () => {
    const d = scoreSplit('dev');
    // Measured: whole statements F1 0.9507, speaker 0.954; floors sit just below.
    expect(d.f1).toBeGreaterThan(0.948);
    expect(d.speakerAccuracy).toBeGreaterThan(0.948);
  });

  it('stays above the measured floor on train, which no rule was tuned on first', { timeout: 300_000 }, () => {
    const d = scoreSplit('train');
    // Measured: whole statements F1 0.9491, speaker 0.9449; floors sit just below.
    expect(d.f1).toBeGreaterThan(0.946);
    expect(d.speakerAccuracy).toBeGreaterThan(0.943);
  });
});

describe('whole statements on unseen text (PolNeAR articles)', () => {
  const polnear = (split: 'dev' | 'train', name: string) => readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', `polnear-${split}`, 'text', `${name}.txt`), 'utf8');
  const quoteOf = (text: string, start: string) => quotesOf(text).find((q) => q.text.startsWith(start));
  const speakerText = (text: string, start: string) => {
    const q = quoteOf(text, start);
    return q?.speaker ? text.slice(q.speaker.start, q.speaker.end) : q ? null : undefined;
  };

  it('lists a full statement right after its cue even when it opens in lower case', () => {
    const q = quoteOf(polnear('train', 'breitbart_2016-06-05_the-latest-mourners-say-ali-s-de'), 'there is no great man');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.text).toBe('Elliott');
  });

  it('lists a whole statement whose cue it cannot read, with the speaker unknown', () => {
    // The speaker's name is damaged by a wrong encoding ("FranÃÂ§ois"), so no cue is read.
    const q = quoteOf(polnear('dev', 'wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea'), 'Let everyone know that if the United States');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker).toBeNull();
  });

  it('reads a name label before a colon, as in transcripts', () => {
    const text = polnear('train', 'wash-post_2015-11-16_clinton-s-claim-that-percent-of-');
    expect(speakerText(text, 'I have not heard anyone')).toBe('Rep. Trey Gowdy');
    expect(speakerText(text, 'We learned that from the State')).toBe('Former secretary of state Hillary Rodham Clinton');
  });

  it('ends the sentence before a label at a quoted full stop', () => {
    expect(speakerText(polnear('train', 'usa-today_2015-12-01_for-gop-a-golden-opportunity-to-'), 'The mission is to destroy ISIS')).toBe('Bush');
  });

  it('finds the subject after a long opening phrase, and a name before a party and state', () => {
    expect(speakerText(polnear('train', 'breitbart_2015-12-07_clinton-camp-trump-s-islamaphobi'), 'We have to be ready to stop him')).toBe('Hillary Clinton’s right-hand woman');
    expect(speakerText(polnear('train', 'breitbart_2016-07-05_ryan-anti-semitic-images-have-no'), 'anti-Semitic images, they’ve got')).toBe('Speaker of the House Rep. Paul Ryan');
  });

  it("reads a sentence closed inside two apostrophes (''60 Minutes.'') as ended before a whole statement", () => {
    const q = quoteOf(polnear('train', 'nyt_2016-07-07_in-criticizing-clinton-hints-tha'), "I don't think it posed a national security problem");
    expect(q?.kind).toBe('direct');
  });

  it('takes a name signed with a dash on the line after the quote', () => {
    expect(speakerText(polnear('train', 'wash-post_2016-02-05_in-the-democrats-debate-some-fam'), '[Americans are] worried')).toBe('Bernie Sanders');
  });

  it('never reads a speaker across a closing mark of two apostrophes', () => {
    // ''Interethnic, interclan and intertribal conflicts continue.'' He added, ''…'': the speaker is "He".
    expect(speakerText(polnear('train', 'nyt_2015-12-19_putin-chides-turkey-and-praises-'), 'And you want us to constantly repeat')).toBe('He');
  });

  it('reads the cue verbs annotators marked that the list lacked (answered, mocks)', () => {
    const denver = quoteOf(polnear('train', 'breitbart_2016-02-06_republican-presidential-candidat'), 'Denver');
    const text = polnear('train', 'breitbart_2016-02-06_republican-presidential-candidat');
    expect(denver && text.slice(denver.cue!.start, denver.cue!.end)).toBe('answered');
    expect(speakerText(polnear('train', 'huff-post_2016-03-23_how-the-democratic-elite-betraye'), 'The marketplace hasn’t failed')).toBe('he');
  });

  it('finds the speaker after a few words the quote runs on into (“…” in the legislature, he said)', () => {
    expect(speakerText(polnear('train', 'wash-post_2016-07-02_judge-blocks-mississippi-s-relig'), 'The politics are just so blatant')).toBe('he');
    expect(speakerText(polnear('train', 'usa-today_2016-02-10_insurgent-tops-institution-in-sa'), 'Let me take this opportunity')).toBe('Sanders');
  });

  it('keeps a title in quote marks to --partial, unless a cue follows it', () => {
    expect(quoteOf(polnear('train', 'politico_2015-12-28_carly-fiorina-bill-clinton-s-fai'), 'Fox and Friends')?.kind).toBe('partial');
    expect(quoteOf(polnear('train', 'nyt_2015-12-18_rubio-and-cruz-diverge-on-approa'), 'A Time for Truth')?.kind).toBe('partial');
    expect(quoteOf(polnear('train', 'west-journal_2015-12-03_cnn-just-responded-to-trump-s-ma'), 'No')?.kind).toBe('direct');
    // A cue later in the sentence ("… on his Facebook page, writing") is not the title's.
    expect(quoteOf(polnear('train', 'huff-post_2015-11-08_ben-carson-defends-himself-again'), 'Perception')?.kind).toBe('partial');
  });

  it('skips a passive or time-clause cue ("when asked") and a conjoined one ("… and added") for the subject', () => {
    expect(speakerText(polnear('train', 'nyt_2016-05-18_clinton-hints-at-husband-s-job-r'), 'Nobody did it better')).toBe('Mrs. Clinton');
    expect(speakerText(polnear('train', 'wash-post_2016-05-26_hacker-who-revealed-private-clin'), 'I\'ll plead guilty')).toMatch(/^Lazar/);
  });

  it('takes the words before a relative clause as the speaker ("a White House official who spoke anonymously … said")', () => {
    expect(speakerText(polnear('train', 'wash-post_2016-01-28_senator-from-vermont-steps-off-c'), 'Certainly there are discussions')).toBe('a White House official');
  });

  it('gives a quote set off as its own paragraph the cue of the sentence before it that ends on a colon', () => {
    // "… and Breitbart News responded:" ¶ "If there are people in this country …"
    expect(speakerText(polnear('train', 'breitbart_2015-11-18_ny-daily-news-paris-terror-attac'), 'If there are people in this country')).toBe('Breitbart News');
    expect(speakerText(polnear('train', 'breitbart_2016-07-22_tim-kaine-fully-embraced-abortio'), 'The platform goes further')).toBe('the Democrat convention committee');
  });

  it('reads a title-cased quote right after the work it names as its title, even with a stop or a cue after it', () => {
    // "Mr. Rubio said in his 2012 book, ''An American Son.''"
    expect(quoteOf(polnear('train', 'nyt_2015-12-18_rubio-and-cruz-diverge-on-approa'), 'An American Son.')?.kind).toBe('partial');
    // "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. McKinley suggested looking at …"
    expect(quoteOf(polnear('dev', 'nyt_2016-09-24_small-steps-toward-college-savin'), 'Make Your Kid a Millionaire')?.kind).toBe('partial');
  });

  it('keeps a quote after a comma that follows a word no clause ends on (that, as, because …) in the writer’s sentence', () => {
    // "Trump tweeted that, “For those few people knocking me for tweeting at three o’clock in the morning, …”"
    expect(quoteOf(polnear('dev', 'breitbart_2016-09-30_the-latest-trump-urges-supporter'), 'For those few people knocking me')?.kind).toBe('partial');
    // "… even now at 86 she still says things such as, "We're not all meant to be equal, you know.""
    expect(quoteOf(polnear('dev', 'usa-today_2016-10-03_my-father-would-have-loved-trump'), "We're not all meant to be equal")?.kind).toBe('partial');
    // A comma after the cue itself still opens a statement: "Issa continued, “Yes. For more than 15 years …”".
    expect(quoteOf(polnear('train', 'breitbart_2016-01-31_issa-hillary-clinton-s-honesty-i'), 'Yes. For more than 15 years')?.kind).toBe('direct');
  });

  it('reads a speaker after its cue past a title’s stop and up to a party and state', () => {
    // "…," said Rep. Elijah Cummings of Maryland, the panel's ranking Democrat.
    expect(speakerText(polnear('dev', 'politico_2016-09-22_house-panel-votes-to-hold-clinto'), 'Republicans want a photo op')).toBe('Rep. Elijah Cummings');
    // "…," said Senate Minority Whip Dick Durbin (D-Ill.) in an interview.
    expect(speakerText(polnear('train', 'politico_2016-06-22_what-will-it-take-for-the-senate'), 'I don’t know what it')).toBe('Senate Minority Whip Dick Durbin');
  });

  it("continues a split statement whose first part ends on a comma inside two apostrophes (''That, unfortunately,'' he said, ''is …'')", () => {
    const q = quoteOf(polnear('train', 'nyt_2016-01-20_in-prisoner-swap-compassion-vs-c'), 'is part of the reality of today');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.text).toBe('he');
  });

  it('keeps a lower-case quote opening on an auxiliary after an inserted cue to the writer’s sentence', () => {
    // "An economic downturn, he said, “could be a good time to borrow and pay off debt, …”": the subject is the writer's.
    expect(quoteOf(polnear('train', 'huff-post_2016-06-23_why-hillary-clinton-s-attacks-on'), 'could be a good time to borrow')?.kind).toBe('partial');
  });

  it('lists quoted words right after a verb of saying as what was said, however few, but not after a verb of naming', () => {
    // "… though he said "budget reforms" and the collection of unpaid taxes would help finance them."
    const vets = quoteOf(polnear('dev', 'usa-today_2016-09-08_candidates-vie-for-vets-support-'), 'budget reforms');
    expect(vets?.kind).toBe('direct');
    expect(vets?.speaker?.text).toBe('he');
    // "Obama said “it gets me mad” every time he thinks about the 20 first-graders …"
    const mad = quoteOf(polnear('train', 'breitbart_2016-01-05_the-latest-cruz-to-give-away-eng'), 'it gets me mad');
    expect([mad?.kind, mad?.speaker?.text]).toEqual(['direct', 'Obama']);
    // "His surrogates called him ''a genius'' …": the object comes first; "Ginsburg’s comments “shows bias to me.”": a noun.
    expect(quoteOf(polnear('dev', 'nyt_2016-10-04_in-avoiding-tax-trump-is-merely-'), 'a genius')?.kind).toBe('partial');
    expect(quoteOf(polnear('train', 'breitbart_2016-07-13_trump-demands-ginsburg-resign-fo'), 'shows bias to me')?.kind).toBe('partial');
    // "Another featured five vintage photos telling "the story of …"": tell's first object is the hearer, not words.
    expect(quoteOf(polnear('train', 'usa-today_2016-01-19_clinton-media-strategy-follows-b'), 'the story of how Bill')?.kind).toBe('partial');
    // "… which he declared “a total disaster” for his party": the relative clause goes on into the quote.
    expect(quoteOf(polnear('train', 'breitbart_2016-03-01_the-latest-sanders-wins-minnesot'), 'a total disaster')?.kind).toBe('partial');
  });

  it('keeps a quote right after a verb of naming or tell to the writer’s sentence, capitalised or a full statement', () => {
    // "renowned for a chummy corporate culture called "The HP Way."": the name of what is called.
    expect(quoteOf(polnear('train', 'wash-post_2016-01-20_fiorina-pushed-ahead-and-paid-a-'), 'The HP Way')?.kind).toBe('partial');
    // "… guidelines that allow companies to tell ''one country that a subsidiary is a corporation …''": the hearer opens the quote.
    expect(quoteOf(polnear('dev', 'nyt_2016-10-04_in-avoiding-tax-trump-is-merely-'), 'one country that a subsidiary')?.kind).toBe('partial');
    // A cue word that may be a noun is still a verb here: "The ad claims “Jeb is the conservative you can trust.”"
    expect(quoteOf(polnear('train', 'breitbart_2016-02-08_the-latest-nh-towns-cast-first-v'), 'Jeb is the conservative')?.kind).toBe('direct');
    // With a comma or a colon between, the quote is what was told: "Trump told the Washington Post, “I like Paul, …”".
    expect(quoteOf(polnear('train', 'west-journal_2016-08-03_pence-endorses-paul-ryan-with-tr'), 'I like Paul')?.kind).toBe('direct');
  });

  it('opens a quote on an elided letter (“’Twas the morning …”)', () => {
    const text = polnear('train', 'politico_2015-12-24_gop-big-money-group-whacks-clint');
    const q = quoteOf(text, '’Twas the morning of Christmas');
    expect([q?.kind, q?.speaker?.text]).toEqual(['direct', 'the ad’s narrator']);
  });

  it('lists a statement set off by a dash with its own cue after it, and not one without', () => {
    // "… brutal leaders like Saddam Hussein - ''He would have loved Stalin,'' Mr. Biden said twice - and …"
    const stalin = quoteOf(polnear('train', 'nyt_2016-08-17_biden-calls-trump-risk-to-u-s-sa'), 'He would have loved Stalin');
    expect([stalin?.kind, stalin?.speaker?.text]).toEqual(['direct', 'Mr. Biden']);
    // "Clinton suggested that Sanders's latest plan was unserious - "Again, we need to get into the details," she said - …"
    expect(quoteOf(polnear('train', 'wash-post_2016-01-18_a-sharper-tone-as-stakes-rise'), 'Again, we need to get into')?.kind).toBe('direct');
    // "… welcome the governor - "my new best friend."": no cue of its own, a phrase of the writer's sentence.
    expect(quoteOf(polnear('dev', 'wash-post_2016-09-08_virginian-could-make-history-aga'), 'my new best friend')?.kind).toBe('partial');
  });

  it('finds statements in single marks in headlines, straight marks too, with the headline’s subject', () => {
    // A quote the headline's sentence runs on from is a phrase in it.
    expect(quoteOf(polnear('dev', 'breitbart_2016-09-29_politifact-donald-trump-is-right'), 'Thousands of Shootings')?.kind).toBe('partial');
    expect(speakerText(polnear('train', 'huff-post_2016-02-24_marco-rubio-you-don-t-win-the-no'), 'You Don’t Win The Nomination')).toBe('Marco Rubio');
    expect(speakerText(polnear('train', 'politico_2015-12-28_carly-fiorina-bill-clinton-s-fai'), "Bill Clinton's fair game.")).toBe('Carly Fiorina');
    expect(speakerText(polnear('dev', 'huff-post_2016-09-20_elizabeth-warren-hammers-wells-f'), 'You Should Be Criminally Investigated.')).toMatch(/Elizabeth Warren/);
    // A word or phrase quoted inside the headline's sentence stays with --partial.
    expect(quoteOf(polnear('dev', 'nyt_2016-09-08_obama-on-climate-change-the-tren'), 'Terrifying.')?.kind).toBe('partial');
  });
});
