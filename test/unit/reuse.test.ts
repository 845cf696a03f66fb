import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { parseArticle } from '../../src/core/article';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { DEFAULT_ALIGN } from '../../src/core/reuse/align';
import { findReuse, prepareFromText, withMinWords, type ReuseArticle } from '../../src/core/reuse/corpusReuse';
import { candidatePairs, fingerprints } from '../../src/core/reuse/fingerprints';
import { buildProvenance } from '../../src/core/reuse/provenance';
import { scorePlagdet } from '../../src/core/reuse/plagdet';
import { shingleBaseline } from '../../src/core/reuse/shingleBaseline';
import { seed, seedFiles, SEEDS_DIR } from './seeds';
import { captureCli as capture } from './captureCli';

const seedArticles = (): ReuseArticle[] => seedFiles().map((f) => prepareFromText(f.slice(0, 3), seed(f.slice(0, 3))));

function bodyCoverage(a: ReuseArticle, spans: Array<{ start: number; end: number }>): number {
  const covered = new Set<number>();
  for (const p of a.article.paragraphs) for (const s of spans) for (let i = Math.max(p.start, s.start); i < Math.min(p.end, s.end); i++) covered.add(i);
  return covered.size / a.article.bodyLength;
}

describe('text reuse on the seeds', () => {
  const articles = seedArticles();
  const pairs = findReuse(articles);

  it('finds 001 and 002 as one Reuters copy covering at least 70 % of 001', () => {
    const shared = pairs.filter((p) => p.a.file === '001' && p.b.file === '002');
    expect(shared.length).toBeGreaterThan(0);
    expect(bodyCoverage(articles[1], shared.map((p) => p.a))).toBeGreaterThanOrEqual(0.7);
    expect(shared.every((p) => p.kind !== 'verbatim')).toBe(true); // "Mr Xi" / "Xi", curly quotes, added paragraphs
  });

  it('lists no pair between 000, 003 or 004 and any other seed (quotes and set phrases only)', () => {
    for (const p of pairs) {
      expect(['000', '003', '004']).not.toContain(p.a.file);
      expect(['000', '003', '004']).not.toContain(p.b.file);
    }
  });

  it('reports each pair once, a before b, with spans inside each article body', () => {
    const keys = pairs.map((p) => `${p.a.file}:${p.a.start}:${p.b.file}:${p.b.start}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of pairs) {
      expect(p.a.file < p.b.file).toBe(true);
      expect(p.words).toBeGreaterThanOrEqual(DEFAULT_ALIGN.minWords);
    }
  });

  it('finds no candidates among unrelated reports of one event beyond the copy (fingerprint index)', () => {
    const cands = candidatePairs(articles.map((a) => fingerprints(a.tokens)));
    expect(cands).toContainEqual([1, 2]);
    expect(cands.length).toBeLessThan(10);
  });
});

describe('candidate pairs (the fingerprint join)', () => {
  it('are exactly the pairs a plain count over every fingerprint’s articles gives, on real articles', () => {
    const lines = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8').trim().split('\n').slice(0, 200);
    const prints = lines.map((l, i) => {
      const r = JSON.parse(l);
      return fingerprints(prepareFromText(`g${i}`, `${r.title}\n\n${r.text}`).tokens);
    });
    // The plain join: every fingerprint's articles, every pair of them counted.
    const naive = (maxArticles: number, minShared: number) => {
      const postings = new Map<number, number[]>();
      prints.forEach((list, d) => list.forEach((h) => postings.set(h, [...(postings.get(h) ?? []), d])));
      const counts = new Map<string, number>();
      for (const docs of postings.values()) {
        if (docs.length < 2 || docs.length > maxArticles) continue;
        for (let x = 0; x < docs.length; x++) for (let y = x + 1; y < docs.length; y++) counts.set(`${docs[x]},${docs[y]}`, (counts.get(`${docs[x]},${docs[y]}`) ?? 0) + 1);
      }
      return [...counts].filter(([, c]) => c >= minShared).map(([k]) => k.split(',').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    };
    const found = candidatePairs(prints);
    expect(found.length).toBeGreaterThan(50);
    expect(found).toEqual(naive(200, 2));
    // The set-phrase cut and the threshold are applied as the plain join applies them.
    expect(candidatePairs(prints, { maxArticles: 3, minShared: 1 })).toEqual(naive(3, 1));
  });
});

describe('the same quote is not reuse, a copied paragraph around it is', () => {
  // 001's quote of Xi, carried in full by 002 too, set into the IANS copy (000) and the AP copy (003).
  const quotePara = seed('001').split('\n').find((l) => l.startsWith('"We\'re willing to work'))!;
  const ownPara = seed('001').split('\n').find((l) => l.startsWith('Mr Xi told Lee Hae-Chan'))!;
  const body000 = seed('000').split('\n').slice(0, 8).join('\n\n');
  const body003 = seed('003').split('\n').slice(4, 14).join('\n\n');

  it('drops a passage that is words inside the same quotation in both articles', () => {
    const a = prepareFromText('x', `${body000}\n\n${quotePara}\n`);
    const b = prepareFromText('y', `${body003}\n\n${quotePara}\n`);
    expect(findReuse([a, b], withMinWords(20))).toEqual([]);
    // Without the rule the quotation would be listed: the test can fail.
    expect(findReuse([a, b], { ...withMinWords(20), align: { ...withMinWords(20).align, ownWords: 0, ownShare: 0 } }).length).toBe(1);
  });

  it('lists a copied paragraph whose quote comes with the writer’s own words, quote included', () => {
    const text1 = `${body000}\n\n${ownPara}\n\n${quotePara}\n`;
    const text2 = `${body003}\n\n${ownPara}\n\n${quotePara}\n`;
    const found = findReuse([prepareFromText('x', text1), prepareFromText('y', text2)], withMinWords(20));
    expect(found).toHaveLength(1);
    expect(text1.slice(found[0].a.start, found[0].a.end)).toContain('mutual understanding and mutual respect');
    expect(text1.slice(found[0].a.start, found[0].a.end)).toContain('showed the importance');
  });
});

describe('provenance', () => {
  const t001 = seed('001');
  const t002 = seed('002');
  // A third outlet reprints 002's version (its stock-market paragraph included) a day later.
  const body002 = parseArticle(t002).paragraphs.map((p) => p.text);
  const t3 = `Korea ties: Xi wants normal track\n\nPublished 21.05.2017 08:00\n\n${body002.slice(8).join('\n\n')}\n\nShare on Facebook Share on Twitter\n`;
  const articles = [
    prepareFromText('001', t001, { date: '2017-05-19' }),
    prepareFromText('002', t002, { date: '2017-05-20' }),
    prepareFromText('copy', t3),
  ];
  const pairs = findReuse(articles);
  const prov = buildProvenance(
    articles.map((a) => ({ id: a.id, date: a.date, body: a.article.paragraphs })),
    pairs,
  );

  it('reads the copy’s date from its published line and orders each pair', () => {
    expect(articles[2].date).toBe('2017-05-21');
    expect(pairs.find((p) => p.a.file === '001' && p.b.file === '002')!.earlier).toBe('a');
  });

  it('traces a copy of a copy to the first article, even without the direct link', () => {
    const chainOnly = pairs.filter((p) => !(p.a.file === '001' && p.b.file === 'copy'));
    expect(chainOnly.length).toBeLessThan(pairs.length);
    const p = buildProvenance(articles.map((a) => ({ id: a.id, date: a.date, body: a.article.paragraphs })), chainOnly)[2];
    const fromReuters = p.passages.filter((x) => x.other.file === '002' && x.chain.includes('001'));
    expect(fromReuters.length).toBeGreaterThan(0);
    for (const x of fromReuters) expect(x.earliest).toEqual({ file: '001', date: '2017-05-19' });
  });

  it('gives 001 all its text as original and the copies a small original share', () => {
    expect(prov[0].originalShare).toBe(1);
    expect(prov[1].originalShare).toBeLessThan(0.4);
    expect(prov[2].originalShare).toBeLessThan(0.3);
  });

  it('says unknown when a date is missing rather than guessing', () => {
    const undated = seedArticles();
    const p = buildProvenance(undated.map((a) => ({ id: a.id, date: a.date, body: a.article.paragraphs })), findReuse(undated));
    const p001 = p[1];
    expect(p001.passages.length).toBeGreaterThan(0);
    for (const x of p001.passages) {
      expect(x.earliest).toBeNull();
      expect(x.earlier).toBeNull();
    }
    expect(p001.originalShare).toBe(1); // nothing is known to be earlier
    expect(p001.sharedShare).toBeGreaterThan(0.7);
  });

  it('names the first carrier of a quote shared by two outlets', () => {
    const quotes = (a: ReuseArticle) => findQuotes(a.text, a.article.paragraphs).map((q) => ({ start: q.start, end: q.end, text: a.text.slice(q.start, q.end) }));
    const p = buildProvenance(articles.map((a) => ({ id: a.id, date: a.date, body: a.article.paragraphs, quotes: quotes(a) })), pairs);
    const shared = p[1].quotes.find((q) => q.text.startsWith('China, too, pays great attention'));
    expect(shared?.carriers).toEqual(expect.arrayContaining(['001', '002']));
    expect(shared?.first).toEqual({ file: '001', date: '2017-05-19' });
  });
});

describe('corpus-lens reuse', () => {
  it('prints one JSON line per shared passage pair in the contract’s shape', async () => {
    const cli = capture();
    expect(await main(['reuse', SEEDS_DIR], cli)).toBe(0);
    const lines = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['a', 'b', 'words', 'similarity', 'kind', 'earlier']);
      expect(Object.keys(l.a)).toEqual(['file', 'start', 'end']);
      expect(['verbatim', 'edited', 'rewritten']).toContain(l.kind);
      expect(path.basename(l.a.file).slice(0, 3)).toBe('001');
      const text = readFileSync(l.a.file, 'utf8');
      const body = parseArticle(text).paragraphs;
      expect(l.a.start).toBeGreaterThanOrEqual(body[0].start);
      expect(l.a.end).toBeLessThanOrEqual(body[body.length - 1].end);
    }
    expect(cli.stderr).toBe('');
  });

  it('rejects a bad --min-words and unknown options with a usage message', async () => {
    for (const args of [['--min-words', 'many', SEEDS_DIR], ['--bogus', SEEDS_DIR], []]) {
      const cli = capture();
      expect(await main(['reuse', ...args], cli)).toBe(2);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toMatch(/reuse/);
    }
  });

  it('--min-words lowers the passage length', async () => {
    const a = capture();
    const b = capture();
    await main(['reuse', SEEDS_DIR], a);
    await main(['reuse', '--min-words', '200', SEEDS_DIR], b);
    expect(b.stdout.trim().split('\n').filter(Boolean).length).toBeLessThan(a.stdout.trim().split('\n').length);
  });
});

describe('PAN measures and the baseline', () => {
  const S = { file: 's', start: 0, end: 100 };
  const C = { file: 'c', start: 50, end: 150 };
  it('scores a perfect detection 1 and a split one with granularity 2', () => {
    expect(scorePlagdet([{ source: S, copy: C, type: 'x' }], [{ a: C, b: S, earlier: 'b' }])).toMatchObject({ precision: 1, recall: 1, granularity: 1, plagdet: 1, direction: 1 });
    const split = scorePlagdet([{ source: S, copy: C, type: 'x' }], [
      { a: { file: 's', start: 0, end: 50 }, b: { file: 'c', start: 50, end: 100 }, earlier: null },
      { a: { file: 's', start: 50, end: 100 }, b: { file: 'c', start: 100, end: 150 }, earlier: null },
    ]);
    expect(split).toMatchObject({ recall: 1, granularity: 2, direction: 0 });
    expect(split.plagdet).toBeCloseTo(1 / Math.log2(3), 3);
  });
  it('counts a detection joining unrelated files as wholly imprecise', () => {
    const s = scorePlagdet([{ source: S, copy: C, type: 'x' }], [{ a: C, b: S, earlier: 'b' }, { a: { file: 'q', start: 0, end: 10 }, b: S, earlier: null }]);
    expect(s.precision).toBe(0.5);
  });
  it('the baseline finds 002’s verbatim tail in 001 but not the edited lead', () => {
    const found = shingleBaseline(seedArticles().map((a) => ({ id: a.id, text: a.text, date: a.date })));
    expect(found.some((p) => p.a.file === '001' && p.b.file === '002')).toBe(true);
  });
});
