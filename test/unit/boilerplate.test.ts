import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { pageText, pageTitleText } from '../../scripts/boilerplate-benchmark';
import { classifyLine, classifyLines, isGluedTeaser, isProseLike } from '../../src/core/boilerplate';
import { splitLines } from '../../src/core/lines';

/** The kind each line of a page is given, looked up by the line's text. */
function kindsOfPage(lines: readonly string[]): (line: string) => ReturnType<typeof classifyLine> | undefined {
  const split = splitLines(lines.join('\n'));
  const kinds = classifyLines(split);
  return (line) => kinds[split.findIndex((l) => l.text === line)];
}

/** A news site's section menu, as scraped: one short item a line. */
const SECTIONS = ['Home', 'News', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts', 'Search', 'Weather', 'Travel', 'Food', 'Health', 'Markets', 'Climate', 'Tech', 'Science', 'Books', 'Music'];

describe('boilerplate lines judged alone', () => {
  it.each([
    ['You are here', 'breadcrumb'],
    ['News \u00a0 / \u00a0 China \u00a0 / \u00a0 Koreas', 'breadcrumb'],
    ['Home > World > Asia', 'breadcrumb'],
    ['4 minute read', 'read-time'],
    ['Xi Jinping.jpg', 'photo-file'],
    ['South Korea President Moon Jae-In. (Photo by AFP)', 'photo-credit'],
    ['Share on Facebook Share on Twitter', 'share'],
    ['SHARE THIS ARTICLE', 'share'],
    // WordPress share buttons on ProFootballTalk (article-extraction benchmark page 8e3efab5).
    [' * Click to share on Facebook (Opens in new window)', 'share'],
    ['Click to email this to a friend (Opens in new window)', 'share'],
    ['More Must-Reads from TIME', 'related'],
    ['Contact us at letters@time.com', 'contact'],
    ['Disclaimer: No Business Standard Journalist was involved in creation of this content', 'disclaimer'],
    ['Subscribe now for unlimited access.', 'subscription'],
    ['₹300/Month', 'subscription'],
    ['© 2017 Reuters. All rights reserved.', 'copyright'],
    ['www.presstv.co.uk', 'footer'],
    ['--IANS', 'credit'],
    ['ksk/bg', 'credit'],
    ['Market voices on:', 'widget'],
    ['Sign up for our daily newsletter', 'newsletter'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it.each([
    'Infuriated',
    'China has been infuriated by the U.S. deployment of the THAAD system in South Korea.',
    '"We hope the new government will correct the problems," he said.',
    'Shares in Lotte Shopping reversed earlier losses to rise 1.5%.',
    'The company said it would share the data with regulators next year.',
  ])('keeps article text: %s', (line) => {
    expect(classifyLine(line)).toBeNull();
  });
});

describe('furniture in other languages', () => {
  it('recognises related links, comments, credits, sharing and legal lines in German, French, Spanish, Italian, Portuguese and Polish', () => {
    expect(classifyLine('Mehr zum Thema')).toBe('related');
    expect(classifyLine('Das könnte Sie auch interessieren')).toBe('related');
    expect(classifyLine('À lire aussi')).toBe('related');
    expect(classifyLine('Noticias relacionadas')).toBe('related');
    expect(classifyLine('Leggi anche')).toBe('related');
    // wday.ru (article-extraction benchmark page 3c6d3381).
    expect(classifyLine('Фото:личный архив Андрея Рудькова')).toBe('photo-credit');
    expect(classifyLine('Czytaj także')).toBe('related');
    expect(classifyLine('Leave a Reply')).toBe('comments');
    expect(classifyLine('Komentarze')).toBe('comments');
    expect(classifyLine('[ 167 comments ]')).toBe('comments');
    expect(classifyLine('Foto: Timur Emek/dpa')).toBe('photo-credit');
    expect(classifyLine('Artikel teilen')).toBe('share');
    expect(classifyLine('Anzeige')).toBe('advertisement');
    expect(classifyLine('Schlagworte: Dresden, Polizei')).toBe('widget');
    expect(classifyLine('© 2019 Verlag GmbH. Alle Rechte vorbehalten.')).toBe('copyright');
    expect(classifyLine('Impressum')).toBe('footer');
  });

  it('recognises the common furniture of German-language news sites and its English twins', () => {
    expect(classifyLine('Anzeige:')).toBe('advertisement');
    expect(classifyLine('Deutschlandradio © 2009-2020')).toBe('copyright');
    expect(classifyLine('Weiterführende Links')).toBe('related');
    expect(classifyLine('Scroll Down For the Next Article')).toBe('related');
    expect(classifyLine('Schreiben Sie einen Kommentar')).toBe('comments');
    expect(classifyLine('Nur angemeldete Benutzer können kommentieren und bewerten.')).toBe('comments');
    expect(classifyLine('Folgen Sie uns auf Twitter')).toBe('share');
    expect(classifyLine('Diesen Artikel teilen:')).toBe('share');
    expect(classifyLine('Getaggt mit')).toBe('widget');
    expect(classifyLine('Filed under')).toBe('widget');
    expect(classifyLine('Ist dieser Beitrag hilfreich?')).toBe('widget');
    expect(classifyLine('Alle Angaben ohne Gewähr')).toBe('disclaimer');
    expect(classifyLine('Haftungsbeschränkung für externe Links')).toBe('disclaimer');
    expect(classifyLine('(Foto: ABr)')).toBe('photo-credit');
    expect(classifyLine('Kuva: ALEXANDER BECHER')).toBe('photo-credit');
    expect(classifyLine('Gib deine E-Mail-Adresse ein')).toBe('newsletter');
    expect(classifyLine('powered by Microsoft News')).toBe('footer');
    expect(classifyLine('[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]')).toBe('related');
    expect(classifyLine('Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.')).toBe('share');
    expect(classifyLine('Please check the opt-in box to acknowledge that you would like to subscribe.')).toBe('newsletter');
    expect(classifyLine('As you comment, please be respectful of other commenters and other viewpoints.')).toBe('comments');
  });

  it('leaves sentences that merely contain those words', () => {
    for (const line of [
      'Mehr zum Thema Klimaschutz will die Regierung im Herbst vorlegen, sagte der Minister am Dienstag in Berlin.',
      'Les commentaires du ministre ont provoqué une vive polémique à l’Assemblée nationale mardi soir.',
      'Foto-Ausstellungen in Dresden ziehen jedes Jahr tausende Besucher an.',
      'He said the comments were taken out of context and would be clarified on Monday.',
      'Read more about the plan in the ministry’s report, officials said on Tuesday.',
      'Themen wie Klimaschutz und Migration bestimmten den Wahlkampf bis zuletzt.',
      'Follow us, the protesters shouted as they marched towards the parliament building on Sunday.',
      'Die Downloads der App haben sich nach dem Update verdoppelt, teilte das Unternehmen mit.',
      'The painting, © 1962 by the artist’s estate, was shown in public for the first time since the war.',
      'Fans who follow the band on Instagram saw the announcement first, the label said on Monday.',
      '(Related coverage of the trial appears on page 4 of the print edition, editors noted.)',
    ]) expect(classifyLine(line)).toBeNull();
    expect(classifyLine('Read more: How Seoul and Beijing mended ties after the THAAD row')).toBe('related');
  });
});

describe('a whole web page with readers\' comments', () => {
  it('keeps the article, not the comments below it, even when the comments hold more prose', () => {
    const menu = ['Home', 'World', 'Business', 'Tech', 'Science', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts', 'Newsletters', 'Search', 'Log in', 'Sign up', 'Weather', 'Travel', 'Food', 'Health', 'Markets', 'Climate'];
    const article = [
      'Apple plans to release a new 13-inch MacBook Pro with a scissor switch keyboard in the first half of next year, according to a report.',
      'The report claims the display size will remain 13.3 inches, although the source has a mixed track record on such details.',
      'The new 16-inch model already features a redesigned keyboard, largely based on the standalone Magic Keyboard sold for desktops.',
      'It also brings back a physical Escape key and an inverted-T arrow key layout that many professional users had asked for.',
      'An analyst has previously predicted that the whole notebook lineup will move to the new keyboard during the coming year.',
      'It would hardly be surprising, since the older butterfly keyboards suffered from reliability issues that led to repair programmes.',
    ];
    const comment = (k: number) => `I think the new machine is the redesign we were waiting for, and the thermal changes alone make it worth it for anyone doing video work every day, comment ${k}.`;
    const lines = [
      ...menu,
      '13-Inch MacBook Pro With Scissor Keyboard Expected Next Year',
      ...article,
      'Tag: keyboards',
      '[ 167 comments ]',
      ...Array.from({ length: 14 }, (_, k) => [`reader${k}`, comment(k), comment(100 + k), comment(200 + k)]).flat(),
      // The site's footer: sections, guides, other titles.
      ...menu.map((m) => `${m} guides`),
      ...menu.map((m) => `More ${m}`),
      'Privacy Policy',
      'Terms of Use',
    ];
    const kindOf = kindsOfPage(lines);
    for (const a of article) expect(kindOf(a)).toBeNull();
    expect(kindOf(comment(3))).not.toBeNull();
    expect(kindOf('Business')).not.toBeNull();
  });
});

describe('a whole web page whose article ends in a list', () => {
  it('keeps the list the article introduces, not the share bar after it', () => {
    const menu = SECTIONS;
    const article = [
      'The band announced on Monday a fiftieth anniversary tour that will take it to thirty cities across North America next summer.',
      'The singer, who left the group in the early eighties, will rejoin it for the whole tour, the first time in more than two decades.',
      'Tickets go on sale to the general public on Friday morning, with presales for members of the fan club starting a day earlier.',
      'The band said it would also release a box set of its early albums, remastered from the original tapes, before the tour begins.',
      'A documentary about the making of its best-known album is expected to premiere at a film festival in the spring, the band said.',
    ];
    const dates = ['June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL', 'June 10 -- Credit Union Amphitheatre, Tampa, FL', 'June 14 -- Bank Amphitheatre, Alpharetta, GA', 'June 17 -- Bridgestone Arena, Nashville, TN', 'June 19 -- Music Pavilion, Charlotte, NC'];
    const share = [' * FACEBOOK', ' * TWITTER', ' * EMAIL ME'];
    const lines = [...menu, 'The Band Announces Its 50th Anniversary Tour', ...article, 'The 50th Anniversary Tour 2020 dates:', ...dates, ...share, ...menu.map((m) => `${m} Archive`), 'Privacy Policy'];
    const kindOf = kindsOfPage(lines);
    for (const line of [...article, 'The 50th Anniversary Tour 2020 dates:', ...dates]) expect(kindOf(line)).toBeNull();
    for (const line of share) expect(kindOf(line)).not.toBeNull();
    expect(kindOf('Music Archive')).not.toBeNull();
  });

  it('keeps the bulleted points the writer made inside the article, not a bulleted share bar', () => {
    const menu = SECTIONS;
    const prose = (k: number) => `The band said on Monday that the tour would be its longest in two decades, with ${k + 20} dates planned across the continent next summer.`;
    const points = [' * Tickets go on sale Friday at noon', ' * Fan club presales start on Thursday', ' * Every show includes the full album'];
    const share = [' * Facebook', ' * Twitter'];
    const lines = [...menu, 'The Band Announces Its 50th Anniversary Tour', ...[1, 2, 3].map(prose), ...share, ...[4, 5, 6].map(prose), 'What fans need to know:', ...points, ...[7, 8, 9, 10, 11, 12].map(prose), ...menu.map((m) => `${m} Archive`)];
    const kindOf = kindsOfPage(lines);
    for (const line of points) expect(kindOf(line)).toBeNull();
    for (const line of share) expect(kindOf(line)).not.toBeNull();
  });
});

describe('a whole web page with an embedded post', () => {
  it('keeps the quoted block and the article after it', () => {
    const menu = SECTIONS;
    const prose = (k: number) => `The state's new anti-drug campaign drew ridicule online on Tuesday, the ${k}th day after its launch, from residents and officials alike.`;
    const tweet = ['> Oh, no. It seems like the rest of the anti-drug campaigns are just as bad as this one.', '> ', '> — Mike Beauvais (@MikeBeauvais) November 18, 2019', '> ', '> on. meth. dot. com.', '> ', '> meth.', '> '];
    const lines = [...menu, 'Anti-drug campaign draws ridicule', ...[1, 2, 3, 4].map(prose), ...tweet, ...[5, 6, 7, 8].map(prose), ...menu.map((m) => `${m} Archive`)];
    const kindOf = kindsOfPage(lines);
    for (const line of [prose(5), prose(6), tweet[0], tweet[4]]) expect(kindOf(line)).toBeNull();
    expect(kindOf('News Archive')).not.toBeNull();
  });
});

describe('prose in scripts without spaces', () => {
  it('reads a Japanese or Chinese sentence as prose, and a short menu item as not', () => {
    expect(isProseLike('お客様のブランドをお守りするため、商標登録の出願を専門の弁理士が丁寧にお手伝いします。')).toBe(true);
    expect(isProseLike('中国国家主席习近平周五表示，愿意与韩国恢复正常关系。')).toBe(true);
    expect(isProseLike('受付時間')).toBe(false);
  });
});

describe('boilerplate blocks', () => {
  it('extends a trailing offer block over its short lines, but not back into the body', () => {
    const text = [
      'The talks ended without agreement on Friday, and both sides said they would meet again.',
      'Subscribe to read the full story',
      'Smart Essential',
      'Archives',
      '',
      'Ad-free Reading',
    ].join('\n');
    const kinds = classifyLines(splitLines(text));
    expect(kinds).toEqual([null, 'subscription', 'subscription', 'subscription', null, 'subscription']);
  });

  it('does not swallow prose that follows a share bar', () => {
    const text = ['Share this article', 'The minister resigned on Monday after weeks of protests in the capital.'].join('\n');
    expect(classifyLines(splitLines(text))).toEqual(['share', null]);
  });
});

/** A page of the article-extraction benchmark converted to text the way the benchmark does. */
function benchmarkPage(idPrefix: string): { lines: ReturnType<typeof splitLines>; kinds: ReturnType<typeof classifyLines> } {
  const dir = path.join('..', 'shared', 'eval', 'boilerplate', 'article-extraction-benchmark', 'html');
  const file = readdirSync(dir).find((f) => f.startsWith(idPrefix))!;
  const lines = splitLines(pageText(gunzipSync(readFileSync(path.join(dir, file))).toString('utf8')));
  return { lines, kinds: classifyLines(lines) };
}

const kept = ({ lines, kinds }: ReturnType<typeof benchmarkPage>, start: string) => {
  const i = lines.findIndex((l) => l.text.trim().startsWith(start));
  expect(i, start).toBeGreaterThanOrEqual(0);
  return kinds[i] === null;
};

describe('comment threads on real web pages (article-extraction benchmark)', () => {
  it('takes a "Name on <date> at <time> said:" line for a reader\'s comment, so a blog post is kept and its thread is not', () => {
    const page = benchmarkPage('ac3c0355');
    expect(classifyLine('* Alex on September 17, 2018 at 6:34 am said:')).toBe('comments');
    expect(kept(page, 'Our goal with hosting quarterly open threads')).toBe(true);
    expect(kept(page, 'I skimmed your Zusha report')).toBe(false);
    expect(kept(page, 'Good Ventures is a large charitable foundation')).toBe(false);
  });

  it('ends the article at a reply form or a commenting service\'s credit', () => {
    expect(classifyLine('LEAVE A REPLY CANCEL REPLY')).toBe('comments');
    expect(classifyLine('blog comments powered by Disqus')).toBe('comments');
    expect(classifyLine('View Comments')).toBe('comments');
    const wild = benchmarkPage('264dc3ae');
    expect(kept(wild, '“I haven’t talked to the trainers at all,” Boudreau said.')).toBe(true);
    expect(kept(wild, 'Maybe the Wild have found their own personal GEEK Squad')).toBe(false);
    const pv = benchmarkPage('b0cf2bbf');
    expect(kept(pv, 'Despite the manufacturing setbacks')).toBe(true);
    expect(kept(pv, 'Your personal data will only be disclosed')).toBe(false);
  });
});

describe('a short whole web page (article-extraction benchmark)', () => {
  it('is read as a whole page when half its lines are menu-sized, though it has fewer than 40 lines', () => {
    const page = benchmarkPage('b6fb53e9');
    expect(kept(page, 'E’ stato annunciato in queste ore che Netflix')).toBe(true);
    expect(kept(page, 'Tornando al remake')).toBe(true);
    expect(kept(page, '* Giocattoli')).toBe(false);
    expect(kept(page, 'Nessun commento')).toBe(false);
  });
});

/** A benchmark page with its HTML title written as the first line, as many converters do. */
function benchmarkPageWithTitle(idPrefix: string): ReturnType<typeof benchmarkPage> & { title: string } {
  const dir = path.join('..', 'shared', 'eval', 'boilerplate', 'article-extraction-benchmark', 'html');
  const file = readdirSync(dir).find((f) => f.startsWith(idPrefix))!;
  const html = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
  const title = pageTitleText(html);
  const lines = splitLines(`${title}\n\n${pageText(html)}`);
  return { lines, kinds: classifyLines(lines), title };
}

describe('the headline of a whole web page (article-extraction benchmark)', () => {
  it('takes the line that repeats the page title for the headline, and the title line for furniture', () => {
    const page = benchmarkPageWithTitle('0d461229');
    expect(page.title).toBe('Nadal keeps Spain alive against Russia in Davis Cup Finals - Sportsnet.ca');
    expect(page.kinds[0]).toBe('navigation');
    const headline = page.lines.findIndex((l) => l.text.trim() === 'Nadal keeps Spain alive against Russia in Davis Cup Finals');
    expect(headline).toBeGreaterThan(0);
    expect(page.kinds[headline]).toBeNull();
    expect(kept(page, 'MADRID — Rafael Nadal kept Spain’s hopes alive')).toBe(true);
    // Without the title line the headline is still found: the line over its byline and date
    // ("Associated Press November 19, 2019, 9:02 AM"); the title line is not needed.
    const bare = benchmarkPage('0d461229');
    expect(kept(bare, 'Nadal keeps Spain alive against Russia in Davis Cup Finals')).toBe(true);
    expect(kept(bare, 'Associated Press November 19, 2019, 9:02 AM')).toBe(false);
  });

  it('takes the headline-shaped line over the byline for the headline, not the standfirst between them', () => {
    // NYT opinion page: headline, standfirst, "By Jamelle Bouie", then share buttons and a photo.
    const nyt = benchmarkPage('04a6711c');
    expect(kept(nyt, 'Republicans Are Following Trump to Nowhere')).toBe(true);
    expect(kept(nyt, 'There’s an impeachment lesson hiding')).toBe(false);
    expect(kept(nyt, 'By Jamelle Bouie')).toBe(false);
    expect(kept(nyt, 'Americans have gone to the polls four times this month')).toBe(true);
    // WSJ: the byline is "By" on a line of its own, the date nine lines further down.
    const wsj = benchmarkPage('042bb7b5');
    expect(kept(wsj, 'Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay')).toBe(true);
    expect(kept(wsj, 'The Wall Street Journal')).toBe(false);
    expect(kept(wsj, 'Nov. 19, 2019 8:03 am ET')).toBe(false);
    // VentureBeat: an agency's name and a time stamp under the headline.
    const vb = benchmarkPage('06e5123e');
    expect(kept(vb, 'New York State Attorney General investigating WeWork and former CEO')).toBe(true);
    expect(kept(vb, 'Reuters November 18, 2019 11:03 PM')).toBe(false);
    expect(kept(vb, 'Image Credit: WeWork')).toBe(false);
  });

  it('takes for the headline the headline-shaped line whose words the article repeats, not the byline or credit under it', () => {
    // Futurism (half A): the writer's name and site in capitals stand between headline and body.
    const futurism = benchmarkPage('14cc2a0c');
    expect(kept(futurism, "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa")).toBe(true);
    expect(kept(futurism, 'VICTOR TANGERMANN, FUTURISM')).toBe(false);
    // Daily Star (half A): a reporter's handle under the headline.
    const star = benchmarkPage('92101975');
    expect(kept(star, 'Jose Mourinho agrees deal to replace Mauricio Pochettino as Tottenham manager')).toBe(true);
    expect(kept(star, 'News reporter @TomGillespie1')).toBe(false);
    // Los Angeles Times (half B): a photo's credit under the headline.
    const lat = benchmarkPage('098bb3e9');
    expect(kept(lat, '‘We had some issues,’ exec says on Disney+ glitches')).toBe(true);
    expect(kept(lat, '(Reed Saxon / Associated Press)')).toBe(false);
  });

  it('takes, of two copies of the headline above the article, the one nearer the body (the other is a menu\'s link)', () => {
    const page = benchmarkPage('1ee91d1f');
    const copies = page.lines.flatMap((l, i) => (l.text.trim() === 'Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return' ? [i] : []));
    expect(copies.length).toBeGreaterThanOrEqual(2);
    expect(page.kinds[copies[0]]).toBe('navigation');
    expect(page.kinds[copies[1]]).toBeNull();
  });

  it('does not take a caption above the article for its headline, though it shares more of its words', () => {
    // The caption "Trump asked voters in Louisiana for a big win. He didn't get it.Credit…" holds
    // two sentences; the headline one.
    const nyt = benchmarkPage('04a6711c');
    expect(kept(nyt, 'Trump asked voters in Louisiana for a big win.')).toBe(false);
    expect(kept(nyt, 'Republicans Are Following Trump to Nowhere')).toBe(true);
  });

  it('does not take a time stamp or byline above the article for its headline', () => {
    const page = benchmarkPage('156770d6');
    expect(kept(page, 'By Tess Bonn - 11/19/19 06:56 AM EST')).toBe(false);
    expect(kept(page, "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign")).toBe(true);
  });
});

describe('the article past its densest prose (article-extraction benchmark)', () => {
  it('goes on over an interview\'s short questions and answers, and stops at the page\'s furniture', () => {
    // Experience's blog (page 4648a420, half A): a Q&A whose answers are a few words each.
    const page = benchmarkPage('4648a420');
    expect(kept(page, 'Q: FAVORITE APPS?')).toBe(true);
    expect(kept(page, 'A: Trip to Disney World')).toBe(true);
    expect(kept(page, 'A: Lebron James')).toBe(true);
    expect(kept(page, 'A: Sonos – Music is the soundtrack')).toBe(true);
    expect(kept(page, '« Previous Post Next Post »')).toBe(false);
    expect(kept(page, '* Categories:')).toBe(false);
  });
});

describe('an article written as lists (article-extraction benchmark)', () => {
  it('keeps the lists the article introduces, so the article is not cut in two at its bullets', () => {
    // Copyblogger's lesson (page c582d3b7, half B): prose broken by bulleted points after
    // "Think about it:" and "If you are …"; its first half was taken for navigation.
    const page = benchmarkPage('c582d3b7');
    expect(kept(page, 'Business focus is why some people are able to build')).toBe(true);
    expect(kept(page, '* You build your website in its own little corner of the internet')).toBe(true);
    expect(kept(page, '* Your email list will begin to grow')).toBe(true);
    expect(kept(page, 'Are you ready to make this happen?')).toBe(true);
    expect(kept(page, 'PAMELA WILSON')).toBe(false);
  });

  it('does not keep a list of related stories under a short heading after the article', () => {
    // WIRED (page d48aeb9c, half A) and Vox (page 16c30add, half A) write their related
    // stories in sentence case, as bullets under "More Great WIRED Stories" / "Next Up In …".
    const wired = benchmarkPage('d48aeb9c');
    expect(kept(wired, 'More Great WIRED Stories')).toBe(false);
    expect(kept(wired, '* The strange life and mysterious death of a virtuoso coder')).toBe(false);
    const vox = benchmarkPage('16c30add');
    expect(kept(vox, '* A clever new solar solution to one of the trickiest climate problems')).toBe(false);
  });
});

describe('related stories glued to their summaries (article-extraction benchmark)', () => {
  it('takes a Title Case headline run into its summary for a link, not prose', () => {
    // CBS Detroit's teaser lists, as html-to-text writes them (page c467d507, half A).
    expect(isGluedTeaser("Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's championship run was foiled by the tale of the tape.")).toBe(true);
    expect(isGluedTeaser('Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped for the blue oval at the track.')).toBe(true);
    // Body lines of the benchmark with a name in camel case: sentence case, or too few words before it.
    expect(isGluedTeaser('Even with Apple’s AirPower project canceled, wireless charging moved forward this year.')).toBe(false);
    expect(isGluedTeaser('The price of one of the PS4 DualShock controllers has prematurely dropped to Black Friday levels.')).toBe(false);
    const line = (id: string, start: string) => benchmarkPage(id).lines.find((l) => l.text.trim().startsWith(start))!.text;
    expect(isGluedTeaser(line('8634d121', 'The merged Gannett and GateHouse may not diverge'))).toBe(false);
    expect(isGluedTeaser(line('a078b365', 'For the case report, Patrick Liu-Shiu-Cheong'))).toBe(false);
  });

  it('does not start the article at a list of glued teasers above it', () => {
    const page = benchmarkPage('c467d507');
    expect(kept(page, "Tape Gaffe Ends Hamlin's Title Run")).toBe(false);
    expect(kept(page, 'The 4 Best Vegan Spots In Detroit')).toBe(false);
    expect(kept(page, 'ST. JOSEPH, Mich. (AP) — Michigan health authorities')).toBe(true);
    expect(kept(page, 'Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported')).toBe(true);
  });
});

describe('lists under a related-links heading (article-extraction benchmark, half A)', () => {
  it('does not keep the links under "TRENDING NEWS" in the middle of the article, nor the prose around them', () => {
    // CBS News (page 2c46804d): the list stands between two paragraphs of the article.
    const page = benchmarkPage('2c46804d');
    expect(kept(page, 'TRENDING NEWS')).toBe(false);
    expect(kept(page, '* Man arrested after 7 trafficking victims found in car: Police')).toBe(false);
    expect(kept(page, '* Video shows dramatic rescue of kidnapped girl: "We got her!"')).toBe(false);
    expect(kept(page, "It was around midnight when a tip led Forest Hill police officers to Webb's room.")).toBe(true);
    expect(kept(page, 'Meanwhile, friends, volunteers, and law enforcement canvassed the city of Fort Worth')).toBe(true);
  });

  it('reads a heading of any site\'s wording by its shape: "PFT Most Commented", "Most Popular"', () => {
    const pft = benchmarkPage('8e3efab5');
    expect(kept(pft, 'PFT Most Commented')).toBe(false);
    expect(kept(pft, '* Myles Garrett should expect a significant suspension (148)')).toBe(false);
    expect(kept(pft, 'At 4-7, including 2-6 in the AFC and 0-3 in AFC West')).toBe(true);
    const timesUnion = benchmarkPage('d0382c0d');
    expect(kept(timesUnion, '* Fire damages Fort Orange Club in Albany')).toBe(false);
  });

  it('stops the list at a line that introduces the article\'s own list', () => {
    // CBS News (page 7a664e40): "More in Trump Impeachment Inquiry", its links, then the article's "Here are some of the highlights:".
    const page = benchmarkPage('7a664e40');
    expect(kept(page, '* Key moments from Kurt Volker')).toBe(false);
    expect(kept(page, 'Here are some of the highlights:')).toBe(true);
  });

  it('keeps the article one block across a related-links list in its middle', () => {
    // Sky News (page 92101975): "More from UK" and six capitalised links between two halves of the article.
    const page = benchmarkPage('92101975');
    expect(kept(page, 'Jose Mourinho has agreed a deal to replace Mauricio Pochettino')).toBe(true);
    expect(kept(page, '* PRINCE ANDREW: BT AND THREE UNIVERSITIES')).toBe(false);
    expect(kept(page, 'Tottenham posted an image of Mourinho')).toBe(true);
  });
});

describe('how a whole web page\'s article ends (article-extraction benchmark, half A)', () => {
  it('goes on over a list of records in one shape under its own heading', () => {
    // Rolling Stone (page ac1bfdd4): the tour dates close the article.
    const tour = benchmarkPage('ac1bfdd4');
    expect(kept(tour, 'The Doobie Brothers Tour Dates')).toBe(true);
    expect(kept(tour, 'June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre')).toBe(true);
    expect(kept(tour, 'June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)')).toBe(true);
    expect(kept(tour, 'October 10 – Houston, TX @ The Cynthia Woods Mitchell Pavilion')).toBe(true);
    // CBS Sports (page 9a440270): the qualified teams.
    const euro = benchmarkPage('9a440270');
    expect(kept(euro, '* England (Group A): 10th appearance')).toBe(true);
    expect(kept(euro, '* Wales (Group E): Second appearance')).toBe(true);
    expect(kept(euro, 'Roger Gonzalez is an award-winning writer')).toBe(false);
    // A blog's archive is a list of one shape too, but of menu-sized items (page f6ac15a4).
    expect(kept(benchmarkPage('f6ac15a4'), '* Novembro (113)')).toBe(false);
  });

  it('goes on over a numbered list while its numbers count up, a link between two items', () => {
    // remember8090.it (page 20b2b649): 22 offers, each followed by its link.
    const page = benchmarkPage('20b2b649');
    expect(kept(page, '2) Polistil 960574 Pista Elettrica Sorpasso')).toBe(true);
    expect(kept(page, '22) Hasbro Gaming – L’ALLEGRO CHIRURGO')).toBe(true);
    expect(kept(page, 'rmb8090')).toBe(false);
  });

  it('goes on over the recipe card after the article: its title, ingredients and steps', () => {
    // theantijunecleaver.com (page 4219d096): the card stands below "Print" after the article's last paragraph.
    const page = benchmarkPage('4219d096');
    expect(kept(page, 'Both the pear jam and honey are a delicious addition')).toBe(true);
    expect(kept(page, 'Ingredients')).toBe(true);
    expect(kept(page, '* 1 tsp cinnamon')).toBe(true);
    expect(kept(page, '* 1 jar Don Victor® Honey, or 1 1/2 cups')).toBe(true);
    expect(kept(page, 'Sharing is caring!')).toBe(false);
  });

  it('ends before the writer\'s box, not at a subheading or a short item\'s subject', () => {
    // NBC News (page 7a457a4f): "Phil Helsel", then "Phil Helsel is a reporter for NBC News."
    const nbc = benchmarkPage('7a457a4f');
    expect(kept(nbc, '"The First Amendment right to freedom of speech')).toBe(true);
    expect(kept(nbc, 'Phil Helsel is a reporter for NBC News.')).toBe(false);
    // A short item that opens on its subject's name (page 34a73285) keeps it.
    expect(kept(benchmarkPage('34a73285'), 'Veteran Nollywood actress, Kate Henshaw')).toBe(true);
  });
});

describe('whole-page mode by the share of short lines', () => {
  it('reads a page cut down to its article and a few lines around it as a whole page (fewer than 40 lines, a quarter of them short)', () => {
    // The Doobie Brothers page (Rolling Stone) from its share bar to the tour dates' heading: 28
    // lines, 7 of them of one to three words — once too few for whole-page mode, which needed
    // 40 unrecognised lines or half of them short.
    const { lines } = benchmarkPage('ac1bfdd4');
    const from = lines.findIndex((l) => l.text.trim() === '* Facebook');
    const to = lines.findIndex((l) => l.text.trim() === 'The Doobie Brothers Tour Dates');
    const cut = splitLines(lines.slice(from, to).map((l) => l.text).join('\n'));
    const kinds = classifyLines(cut);
    const at = (start: string) => kinds[cut.findIndex((l) => l.text.trim().startsWith(start))];
    expect(at('* Facebook')).not.toBeNull();
    expect(at('* WhatsApp')).not.toBeNull();
    expect(at('The Doobie Brothers announced the 30-date jaunt')).toBeNull();
    expect(at('“We’re truly excited about our 50th Anniversary Tour')).toBeNull();
  });
});

describe('wire copy with results tables (CoNLL-2003 testa, one sentence a line)', () => {
  it('keeps a standings table that follows one line of prose: a web page has its menus above the article', () => {
    const raw = readFileSync(path.join('..', 'shared', 'eval', 'ner', 'conll2003-eng.testa'), 'utf8');
    const doc = raw
      .split(/-DOCSTART-[^\n]*\n/)
      .find((d) => d.trimStart().startsWith('BASEBALL O\n- O\nMAJOR'))!
      .split(/\n\s*\n/)
      .map((s) => s.split('\n').filter(Boolean).map((l) => l.split(' ')[0]).join(' '))
      .filter(Boolean);
    expect(doc[0]).toMatch(/^BASEBALL - MAJOR LEAGUE STANDINGS AFTER/);
    const lines = splitLines(doc.join('\n'));
    const kinds = classifyLines(lines);
    const row = lines.findIndex((l) => /^NEW YORK \d+ \d+ \.\d+/.test(l.text));
    expect(row).toBeGreaterThan(0);
    expect(kinds[row]).toBeNull();
    expect(lines.filter((_, i) => kinds[i] !== null).map((l) => l.text)).toEqual([]);
  });
});

describe('a carousel flattened into one line', () => {
  const evalDir = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events');
  const giveme = readFileSync(path.join(evalDir, 'giveme5w1h-news-cluster.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string });
  const basil = readFileSync(path.join(evalDir, 'basil-articles.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { paragraphs: string[] });

  it('is a widget when the same five words repeat once per item (Giveme5W1H video carousel)', () => {
    const carousel = giveme.flatMap((a) => a.text.split('\n')).find((l) => l.startsWith('Skip in Skip x Embed x Share CLOSE'));
    expect(carousel).toBeDefined();
    expect(classifyLine(carousel!)).toBe('widget');
  });

  const givemeLines = giveme.flatMap((a) => a.text.split('\n'));
  const givemeLine = (start: string) => {
    const line = givemeLines.find((l) => l.startsWith(start));
    expect(line, start).toBeDefined();
    return line!;
  };

  it('takes a sign-up form flattened into one line for a newsletter box by its messages to the reader, however long its pitch (Giveme5W1H)', () => {
    // NYT's box: a robot check, then the e-mail field's errors; 40 "Please" PER mentions came from these lines.
    const nyt = givemeLine('Newsletter Sign Up Continue reading the main story Marc Stein He has covered Jordan.');
    expect(nyt.length).toBeGreaterThan(400);
    expect(classifyLine(nyt)).toBe('newsletter');
    expect(classifyLine(givemeLine('Sign up for The Interpreter Subscribe for original insights'))).toBe('newsletter');
    expect(classifyLine(givemeLine('ES News Email Enter your email address Please enter an email address'))).toBe('newsletter');
    // One such phrase in a sentence is the article's.
    expect(classifyLine(givemeLine('“I think you might have the wrong email address,” wrote one man'))).toBeNull();
    expect(classifyLine(givemeLine('“Please note that this is not a swap,” he said.'))).toBeNull();
  });

  it('is not a speech repeating a phrase for effect (BASIL, the 2017 inaugural address)', () => {
    const speech = basil.flatMap((a) => a.paragraphs).filter((p) => /we will bring back our/i.test(p));
    expect(speech.length).toBeGreaterThan(0);
    for (const p of speech) expect(classifyLine(p)).toBeNull();
  });
});
