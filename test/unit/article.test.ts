import { describe, expect, it } from 'vitest';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseArticle, type Article } from '../../src/core/article';
import { seed } from './seeds';

function boilerplateTexts(a: Article): string[] {
  return a.boilerplate.map((b) => b.text);
}

function bodyText(a: Article): string {
  return a.paragraphs.map((p) => p.text).join('\n');
}

describe('article model on the seeds', () => {
  it("reads 001's headline, not the breadcrumb above it", () => {
    const a = parseArticle(seed('001'));
    expect(a.title?.value).toBe("China's Xi says willing to put South Korea ties back on track");
    expect(a.title?.source).toBe('text');
    expect(boilerplateTexts(a)).toContain('You are here');
    expect(boilerplateTexts(a)).toContain('Xi Jinping.jpg');
    expect(boilerplateTexts(a)).toContain('Market voices on:');
  });

  it("dates 003 from its Published line", () => {
    const a = parseArticle(seed('003'));
    expect(a.date?.value).toBe('2017-08-24');
    expect(a.date?.source).toBe('published-line');
    expect(bodyText(a)).not.toContain('Published 24.08.2017');
    expect(boilerplateTexts(a)).toContain('Share on Facebook Share on Twitter');
  });

  it("dates 004 from the caption that carries May 18, 2017", () => {
    const a = parseArticle(seed('004'));
    expect(a.date).toMatchObject({ value: '2017-05-18', source: 'caption' });
    const text = seed('004');
    expect(text.slice(a.date!.span!.start, a.date!.span!.end)).toBe('May 18, 2017');
    expect(a.title?.value).toBe('South Korean envoy in China to mend strained ties');
    expect(a.outlet?.value).toBe('Press TV');
    const bp = boilerplateTexts(a);
    expect(bp).toContain(seed('004').split('\n')[0].trim());
    expect(bp.some((t) => t.startsWith('Press TV’s website can also be accessed'))).toBe(true);
    expect(bp).toContain('SHARE THIS ARTICLE');
  });

  it("finds 000's subscription offer and disclaimer but keeps its whole body", () => {
    const a = parseArticle(seed('000'));
    const bp = boilerplateTexts(a);
    expect(bp.some((t) => t.startsWith('Disclaimer:'))).toBe(true);
    for (const line of ['Subscribe now for unlimited access.', '₹900', '3 Months', 'Smart Quarterly', 'Archives', 'Access Business Standard across devices — mobile, tablet, or PC, via web or app']) {
      expect(bp, line).toContain(line);
    }
    expect(a.boilerplate.find((b) => b.text === '3 Months')?.kind).toBe('subscription');
    expect(a.paragraphs).toHaveLength(8);
    expect(a.paragraphs[0].text.startsWith('Chinese President Xi Jinping on Friday said')).toBe(true);
    expect(a.paragraphs[7].text.startsWith('In addition, there has also been a decline')).toBe(true);
    expect(a.outlet?.value).toBe('Business Standard');
  });

  it('leaves a value unknown rather than inventing it', () => {
    const a000 = parseArticle(seed('000'));
    expect(a000.title).toBeNull();
    expect(a000.date).toBeNull();
    const a001 = parseArticle(seed('001'));
    expect(a001.outlet).toBeNull();
    expect(a001.date).toBeNull();
  });

  it("finds 002's read time, must-reads and contact line, and its dateline", () => {
    const a = parseArticle(seed('002'));
    const bp = boilerplateTexts(a);
    expect(bp).toEqual(expect.arrayContaining(['4 minute read', 'More Must-Reads from TIME', 'Contact us at letters@time.com']));
    expect(a.dateline?.place).toBe('Beijing');
    expect(seed('002').slice(a.dateline!.start, a.dateline!.end)).toBe('BEIJING');
    expect(a.outlet?.value).toBe('TIME');
    expect(bodyText(a)).toContain('Infuriated');
  });

  it('gives every paragraph and sentence exact offsets into the text', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seed(prefix);
      const a = parseArticle(text);
      for (const p of a.paragraphs) {
        expect(text.slice(p.start, p.end)).toBe(p.text);
        for (const s of p.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(p.start);
          expect(s.end).toBeLessThanOrEqual(p.end);
          expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
        }
      }
      for (const b of a.boilerplate) expect(text.slice(b.start, b.end)).toBe(b.text);
    }
  });

  it('lets user metadata win over inference', () => {
    const a = parseArticle(seed('003'), { title: 'My title', outlet: 'Daily Sabah', date: '2017-08-25', url: 'https://example.org/a' });
    expect(a.title).toEqual({ value: 'My title', source: 'user' });
    expect(a.outlet?.value).toBe('Daily Sabah');
    expect(a.date).toEqual({ value: '2017-08-25', source: 'user' });
    expect(a.url?.value).toBe('https://example.org/a');
  });
});

describe('article model on awkward input', () => {
  it('handles an empty text', () => {
    const a = parseArticle('');
    expect(a.title).toBeNull();
    expect(a.paragraphs).toHaveLength(0);
    expect(a.boilerplate).toHaveLength(0);
  });

  it('keeps CRLF offsets exact', () => {
    const text = 'Storm hits the coast overnight\r\n\r\nA storm hit the coast on Monday. Thousands lost power.\r\nShare on Facebook\r\n';
    const a = parseArticle(text);
    expect(a.title?.value).toBe('Storm hits the coast overnight');
    expect(a.paragraphs).toHaveLength(1);
    expect(text.slice(a.paragraphs[0].start, a.paragraphs[0].end)).toBe('A storm hit the coast on Monday. Thousands lost power.');
    expect(a.paragraphs[0].sentences).toHaveLength(2);
    expect(a.boilerplate.map((b) => b.line)).toEqual([4]);
  });

  it('treats an article of nothing but boilerplate as having no body', () => {
    const a = parseArticle('Share on Facebook\nSubscribe now for unlimited access.\n₹900\n3 Months\n');
    expect(a.paragraphs).toHaveLength(0);
    expect(a.boilerplate).toHaveLength(4);
    expect(a.title).toBeNull();
  });

  it('parses a 5 MB article with its paragraphs and boilerplate', () => {
    const paragraph = 'The minister said on Tuesday that talks would resume next week. Officials declined to comment further.\n';
    const text = 'Talks to resume next week\n' + paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length)) + 'Share this article\n';
    const a = parseArticle(text);
    expect(a.title?.value).toBe('Talks to resume next week');
    expect(a.paragraphs.length).toBeGreaterThan(50000);
    expect(a.boilerplate.map((b) => b.kind)).toEqual(['share']);
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const text = 'Rains flood the valley\n\nHeavy rains flooded the valley on Sunday, forcing\nthousands from their homes, officials said.\n\nRescue teams arrived by boat.';
    const a = parseArticle(text);
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      'Heavy rains flooded the valley on Sunday, forcing\nthousands from their homes, officials said.',
      'Rescue teams arrived by boat.',
    ]);
  });

  it('reads a dateline with a date in it', () => {
    const text = 'Markets rally\n\nWASHINGTON, May 18, 2017 (Reuters) - Stocks rose on Thursday as investors cheered earnings.';
    const a = parseArticle(text);
    expect(a.dateline?.place).toBe('Washington');
    expect(a.date).toMatchObject({ value: '2017-05-18', source: 'dateline' });
  });
});

describe('the title line', () => {
  it('stays the same when a label or a date is written above the headline', () => {
    const text = seed('001');
    const before = parseArticle(text).title?.value;
    expect(before).toBeTruthy();
    expect(parseArticle(`Notes\n${text}`).title?.value).toBe(before);
    expect(parseArticle(`19 May 2017\n\n${text}`).title?.value).toBe(before);
  });

  it('does not take a dateline opening the body for a title (Giveme5W1H, USA Today on the Tesla Roadster)', () => {
    const record = readFileSync(path.join('..', 'shared', 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8')
      .split('\n')
      .map((l) => (l ? (JSON.parse(l) as { text: string }) : null))
      .find((r) => r?.text.includes('MELBOURNE, Fla. — Can you feel it?'))!;
    const body = record.text.slice(record.text.indexOf('MELBOURNE, Fla. — Can you feel it?'));
    const a = parseArticle(body);
    expect(a.title).toBeNull();
    expect(a.dateline?.place).toBe('Melbourne');
    expect(a.paragraphs[0].text).toBe('MELBOURNE, Fla. — Can you feel it?');
  });
});

describe('the date of a whole web page', () => {
  // A Giveme5W1H story (USA Today, 30 December 2017) as a scraped page: breadcrumb, headline,
  // time stamp, a captioned photo, the article, then related links and a footer. The page
  // classifier takes the time stamp above the article as navigation; it is still the date.
  const page = [
    "You are here",
    "",
    "Alleged 'Nigerian prince' scammer nabbed in Louisiana",
    "",
    "Published 30.12.2017 11:32",
    "",
    "Michael Neu, 67 of Slidell, La., was arrested on wire fraud and money laundering charges in connection with a \"Nigerian prince\" scam, according to the Slidell Police Department. (Photo: Slidell Police Department)",
    "",
    "A Louisiana man was arrested in connection with the \"Nigerian prince\" scheme that has scammed people out of thousands of dollars, police announced Thursday.",
    "",
    "Michael Neu, 67, faces 269 counts of wire fraud and money laundering after being taken into custody following an 18-month investigation, according to the Slidell Police Department. Police said Neu is suspected of being the scam's \"middle man\" who obtained money and \"subsequently wired\" funds to his co-conspirators in Nigeria.",
    "",
    "According to the Federal Trade Commission, the phishing scam begins with an email purporting to be from a high-ranking Nigerian official who seeks financial assistance or personal information to retrieve an alleged inheritance.",
    "",
    "Though the scheme is often the butt of late-night TV jokes, people have fallen victim to the scam, officials say.",
    "",
    "Michael Neu, 67 of Slidell, La., is pictured being taken into custody for wire fraud and money laundering charges in connection with a \"Nigerian prince\" scam, according to the Slidell Police Department. (Photo: Slidell Police Department)",
    "",
    "\"Most people laugh at the thought of falling for such a fraud, but law enforcement officials report annual losses of millions of dollars to these schemes,\" the Slidell police said in a statement.",
    "",
    "Authorities warn to be cautious when receiving suspicious emails or phone calls from unknown individuals and urge people not to disclose personal or financial information. Slidell Police Chief Randy Fandal said he hopes Neu's arrest serves as a warning to the public.",
    "",
    "“If it sounds too good to be true, it probably is,\" Slidell Police Chief Randy Fandal said in a released statement. \"Never give out personal information over the phone, through e-mail, cash checks for other individuals, or wire large amounts of money to someone you don’t know. 99.9 percent of the time, it’s a scam.”",
    "",
    "Related: 5 scams that are fooling even the smartest victims",
    "",
    "Read or Share this story: https://usat.ly/2BXvhLQ",
    "",
    "Sign up for our daily newsletter",
    "Terms of Use | Privacy Policy",
    "Contact us at letters@example.com",
    "Read more:",
    "Related Stories",
  ].join('\n');

  it('reads the "Published" line above the article even when it is page furniture', () => {
    const a = parseArticle(page);
    expect(a.date?.value).toBe('2017-12-30');
    expect(a.date?.source).toBe('published-line');
  });

  it('does not take a time stamp of a related story below the article as the date', () => {
    const a = parseArticle(page.replace('Published 30.12.2017 11:32', 'Updated daily').replace('Related Stories', 'Related Stories\nPublished 02.01.2018 09:00'));
    expect(a.date?.value).not.toBe('2018-01-02');
  });
});

describe('dates the text does not write', () => {
  // A CNN gallery caption from Giveme5W1H: "one day after" is a day counted from the clock by
  // chrono, not a date; the article would otherwise be dated today or tomorrow.
  const caption =
    'Photos: Shocking celebrity splits Ben Affleck and Jennifer Garner filed for divorce in April, almost two years after they announced they planned to. The couple took many fans by surprised when, one day after their 10th wedding anniversary, they revealed they were splitting. Hide Caption 7 of 59';
  const story = 'Ben Affleck and Jennifer Garner have finalised their divorce, a court filing shows.';

  it('does not date an article from a relative phrase in a caption', () => {
    const a = parseArticle(['Affleck and Garner divorce', '', caption, '', story].join('\n'));
    expect(a.boilerplate.some((b) => b.kind === 'photo-caption')).toBe(true);
    expect(a.date).toBeNull();
  });

  it('still dates it from a caption that writes the date', () => {
    const a = parseArticle(['Affleck and Garner divorce', '', caption.replace('in April', 'on April 14, 2017'), '', story].join('\n'));
    expect(a.date?.value).toBe('2017-04-14');
  });
});
