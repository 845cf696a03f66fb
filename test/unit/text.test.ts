import fc from 'fast-check';
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences';
import { contentHash, decodeArticleBytes } from '../../src/core/text';
import { splitLines } from '../../src/core/lines';
import { findExplicitDates } from '../../src/core/dates';

describe('decoding article bytes', () => {
  it('drops a BOM', () => {
    const r = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69]));
    expect(r).toEqual({ ok: true, text: 'Hi', hadBom: true, encoding: 'utf-8' });
  });
  it('refuses binary files', () => {
    const r = decodeArticleBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('binary');
  });
  it('refuses text that is not UTF-8 instead of corrupting offsets', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]);
    const r = decodeArticleBytes(latin1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('not-utf8');
  });
});

describe('decoding: UTF-16, NUL bytes anywhere, random bytes', () => {
  const seed = readFileSync(`${__dirname}/../../seeds/002_2ef836bb7012053c.txt`, 'utf8');
  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from(text, 'utf16le');
    const body = bigEndian ? Buffer.from(le.map((_, i) => le[i ^ 1])) : le;
    return new Uint8Array([...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), ...body]);
  };

  it('decodes a UTF-16 article with its byte-order mark (little- and big-endian) instead of calling it binary', () => {
    expect(decodeArticleBytes(utf16(seed, false))).toEqual({ ok: true, text: seed, hadBom: true, encoding: 'utf-16le' });
    expect(decodeArticleBytes(utf16(seed, true))).toEqual({ ok: true, text: seed, hadBom: true, encoding: 'utf-16be' });
  });

  it('finds a NUL byte after the first 8 KiB', () => {
    const bytes = Buffer.concat([Buffer.from(seed.repeat(3)), Buffer.from([0]), Buffer.from('tail')]);
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    const r = decodeArticleBytes(bytes);
    expect(!r.ok && r.reason).toBe('binary');
  });

  it('never throws on random bytes, and always decodes valid UTF-8 and UTF-16 text (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeArticleBytes(bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter((t) => !t.includes('\0') && !t.startsWith('\ufeff')), fc.boolean(), (text, bigEndian) => {
        expect(decodeArticleBytes(new TextEncoder().encode(text))).toMatchObject({ ok: true, text });
        expect(decodeArticleBytes(utf16(text, bigEndian))).toMatchObject({ ok: true, text });
      }),
      { numRuns: 500 },
    );
  });
});

describe('content hash', () => {
  it('is stable and changes with the text', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
  });
});

describe('lines', () => {
  it('splits LF, CRLF and CR with exact offsets', () => {
    const lines = splitLines('a\r\nbb\ncc\rd');
    expect(lines.map((l) => [l.number, l.start, l.end, l.text])).toEqual([
      [1, 0, 1, 'a'],
      [2, 3, 5, 'bb'],
      [3, 6, 8, 'cc'],
      [4, 9, 10, 'd'],
    ]);
  });
});

describe('sentences', () => {
  it('does not split after titles, initials or U.S.', () => {
    const text = 'Mr. Xi met Dr. Lee in the U.S. capital on Friday. Talks went well. "We agree," he said.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Mr. Xi met Dr. Lee in the U.S. capital on Friday.',
      'Talks went well.',
      '"We agree," he said.',
    ]);
  });
  it('splits after a closing quote', () => {
    const text = 'He said the plan was "dead." The vote is on Monday.';
    expect(splitSentences(text)).toHaveLength(2);
  });
});

describe('explicit dates', () => {
  it('reads dotted, ISO and written dates, ignoring partial ones', () => {
    const found = findExplicitDates('Published 24.08.2017; updated 2017-08-25. Talks on May 18, 2017 and on Friday.');
    expect(found.map((d) => d.iso)).toEqual(['2017-08-24', '2017-08-25', '2017-05-18']);
  });
  it('rejects impossible dates', () => {
    expect(findExplicitDates('31.02.2017')).toEqual([]);
  });
});
