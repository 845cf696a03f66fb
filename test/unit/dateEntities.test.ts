// Dates as entities: one entity per day, named by its date, and only where a day is stated.
// Sentences are from the Giveme5W1H evaluation set (../shared/eval/events/).
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { dayName, namesCalendarInLowerCase } from '../../src/core/dates';
import { findMentions } from '../../src/core/entities/mentions';
import { analysedCorpus, builtInRecognizer } from './entityCorpus';

const recognizer = builtInRecognizer;


function dateEntityOf(c: ReturnType<typeof analysedCorpus>, article: number, surface: string) {
  const dates = c.mentions[article].map((m, i) => ({ m, i })).filter(({ m }) => m.type === 'DATE');
  const index = (dates.find(({ m }) => m.text === surface) ?? dates.find(({ m }) => m.text.includes(surface)))?.i ?? -1;
  expect(index, `"${surface}" is a date in article ${article}`).toBeGreaterThanOrEqual(0);
  return c.resolution.entityFor(c.articles[article].id, index)!;
}

const rhine = [
  'Germany: Rhine cruise ship hits bridge pylon causing injuries',
  '',
  'Published: 2017-12-30',
  '',
  'The accident happened late Tuesday on the Rhine River near the north-west German city of Duisburg.',
].join('\n');
const sameDay = [
  'Jamaican businessman shot dead in Barbados',
  '',
  'Published: 2017-12-27',
  '',
  'Alleyne was shot several times by an unidentified attacker while walking through his neighborhood, Eden Lodge, around 7 p.m. Tuesday.',
].join('\n');

describe('date entities', () => {
  it('names a day by its date, so "Tuesday" in two articles of the same week is one entity called by its date', () => {
    const c = analysedCorpus([rhine, sameDay]);
    const first = dateEntityOf(c, 0, 'Tuesday');
    expect(first.canonical).toBe('Tuesday 26 December 2017');
    expect(dateEntityOf(c, 1, 'Tuesday').id).toBe(first.id);
  });

  it('puts a bare weekday in the past of the reporting day unless the sentence speaks of what is to come', () => {
    const flight = (sentence: string) => ['Flight turns back', '', 'Published: 2017-12-30', '', sentence].join('\n');
    const departed = analysedCorpus([flight('The flight departed LAX at 11:36 am local time on Tuesday, and turned around after four hours.')]);
    expect(dateEntityOf(departed, 0, 'Tuesday').canonical).toBe('Tuesday 26 December 2017');
    const scheduled = analysedCorpus([flight('The flight is scheduled to take off again on Wednesday morning.')]);
    expect(dateEntityOf(scheduled, 0, 'Wednesday').canonical).toBe('Wednesday 3 January 2018');
    const last = analysedCorpus([flight('The airline apologised last Tuesday.')]);
    expect(dateEntityOf(last, 0, 'Tuesday').canonical).toBe('Tuesday 26 December 2017');
  });

  it('does not make "January" or "this year" a day that joins the mentions of 1 January', () => {
    const moon = [
      'Supermoon 2018: first full moon of the year',
      '',
      'Published: 2018-01-02',
      '',
      'The supermoon rose over the iconic skyline of Chicago, Illinois on January 1.',
      '',
      'The Love & Hip Hop: New York star shot to fame earlier this year with her hit song Bodak Yellow.',
      '',
      'It is the first of two supermoons in January.',
    ].join('\n');
    const c = analysedCorpus([moon]);
    const day = dateEntityOf(c, 0, 'January 1');
    expect(day.canonical).toBe('Monday 1 January 2018');
    expect(dateEntityOf(c, 0, 'this year').id).not.toBe(day.id);
    expect(dateEntityOf(c, 0, 'January').id).not.toBe(day.id);
  });

  it('reads a calendar name in lower case as the common word: the sun, sat down', () => {
    const text = [
      'Asteroid to pass Earth',
      '',
      'Published: 2017-12-15',
      '',
      'They are simply bits of rock in orbit around the sun. These occur every year.',
      '',
      "'I didn’t say anything,' she said. 'I sat down. I did not say one word to anybody.'",
      '',
      'The asteroid will pass on Sunday.',
    ].join('\n');
    const dates = findMentions(text, parseArticle(text), recognizer).filter((m) => m.type === 'DATE').map((m) => m.text);
    expect(dates).toContain('Sunday');
    expect(dates).not.toContain('sun');
    expect(dates).not.toContain('sat');
  });

  it('formats days and tells calendar words in lower case', () => {
    expect(dayName('2016-02-29')).toBe('Monday 29 February 2016');
    expect(namesCalendarInLowerCase('sun')).toBe(true);
    expect(namesCalendarInLowerCase('Sunday')).toBe(false);
    expect(namesCalendarInLowerCase('last month')).toBe(false);
    expect(namesCalendarInLowerCase('mayor')).toBe(false);
  });
});

describe('times and numbers', () => {
  const article = (sentence: string) => ['Report', '', 'Published: 2018-01-02', '', sentence].join('\n');
  const found = (sentence: string) => {
    const text = article(sentence);
    return findMentions(text, parseArticle(text), recognizer).filter((m) => m.type === 'DATE' || m.type === 'TIME').map((m) => `${m.type} ${m.text}`);
  };

  it('takes a number for a time only when it is written as a time of day', () => {
    expect(found('The camera is capable of shooting at 1,000 frames/second.')).toEqual([]);
    expect(found('They missed the play-offs after finishing second in the NFC North at 9-7.')).toEqual([]);
    expect(found('Authorities said the boy, who fell 10 to 12 feet, is expected to recover.')).toEqual([]);
    expect(found('The flight departed LAX at 11:36 a.m. local time.').some((m) => m.startsWith('TIME 11:36'))).toBe(true);
    expect(found('Fireworks began at midnight.')).toContain('TIME midnight');
  });

  it('never reads a date from the tail of a longer number', () => {
    expect(found('Some of these men spent $30,000 to $50,000 a year, according to authorities.')).toEqual([]);
    expect(found('The lake formed about 8,000 years ago.')).toEqual([]);
  });

  it('reads the "k/N" counter of a gallery or a thread, and a fraction, as numbers, not dates', () => {
    const gallery = [
      "Croydon tram derailment 8 show all Croydon Tram derailment 1/8 The scene after a tram overturned in Croydon Steve Parsons/PA",
      '2/8 Police officers walk the site where the tram overturned Carl Court/Getty Images',
      '3/8 Emergency services were called to the scene just after 6am Twitter/@procrastinateur',
    ].join('\n\n');
    expect(found(gallery).filter((m) => m.startsWith('DATE'))).toEqual([]);
    expect(found('The moment was too much for Chapman who had thrown 2 2/3 innings on Sunday.')).toEqual(['DATE Sunday']);
    expect(found('Saw this meteor fall while driving north thru MA 12/26 #Christmaslights')).toEqual(['DATE 12/26']);
  });
});
