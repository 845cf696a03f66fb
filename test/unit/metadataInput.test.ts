import { describe, expect, it } from 'vitest';
import { readPublicationDay } from '../../src/core/metadataInput';

describe('reading a publication day the user typed', () => {
  it.each([
    ['2017-05-19', '2017-05-19'],
    ['19 May 2017', '2017-05-19'],
    ['May 19, 2017', '2017-05-19'],
    ['Friday, 19 May 2017', '2017-05-19'],
    ['  24 Aug 2017 ', '2017-08-24'],
    ['August 24th 2017', '2017-08-24'],
  ])('reads %j as %s', (input, day) => {
    expect(readPublicationDay(input)).toMatchObject({ ok: true, day });
  });

  it('says what is missing rather than guessing a year or a day', () => {
    expect(readPublicationDay('19 May')).toMatchObject({ ok: false, message: expect.stringMatching(/which year/) });
    expect(readPublicationDay('May 2017')).toMatchObject({ ok: false, message: expect.stringMatching(/which day/) });
    expect(readPublicationDay('soon')).toMatchObject({ ok: false });
    expect(readPublicationDay('2017-02-30')).toMatchObject({ ok: false, message: expect.stringMatching(/not a day/) });
  });
});
