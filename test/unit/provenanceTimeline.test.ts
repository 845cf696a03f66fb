import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { findReuse, prepareFromText, type ReuseArticle } from '../../src/core/reuse/corpusReuse';
import { buildProvenance } from '../../src/core/reuse/provenance';
import { provenanceTimeline, shareLabel, type TimelineArticle } from '../../src/core/reuse/timeline';
import { editorReuse, passageLine, ProvenanceStage, type ProvenanceInput } from '../../src/engine/provenance';
import { seed, seedFiles } from './seeds';

const quotes = (a: ReuseArticle) => findQuotes(a.text, a.article.paragraphs).map((q) => ({ start: q.start, end: q.end, text: a.text.slice(q.start, q.end) }));

function timelineOf(articles: ReuseArticle[], view: readonly string[] = articles.map((a) => a.id)) {
  const prov = buildProvenance(
    articles.map((a) => ({ id: a.id, date: a.date, body: a.article.paragraphs, quotes: quotes(a) })),
    findReuse(articles),
  );
  const byId = new Map(prov.map((p) => [p.file, p]));
  const inputs: TimelineArticle[] = articles
    .filter((a) => view.includes(a.id))
    .map((a) => ({ id: a.id, label: a.id, title: a.article.title?.value ?? null, outlet: a.article.outlet?.value ?? null, date: a.date }));
  return { prov, timeline: provenanceTimeline(inputs, (id) => byId.get(id)) };
}

describe('the Provenance view model on the seeds', () => {
  describe('as the seeds come (001 and 002 carry no date)', () => {
    const articles = seedFiles().map((f) => prepareFromText(f.slice(0, 3), seed(f.slice(0, 3))));
    const { prov, timeline } = timelineOf(articles);

    it('puts every article in the undated column, one row per outlet', () => {
      const undated = timeline.columns.findIndex((c) => c.date === null);
      expect(undated).toBe(timeline.columns.length - 1);
      expect(timeline.columns[undated].label).toBe('undated');
      for (const id of ['001', '002']) expect(timeline.nodes.find((n) => n.id === id)!.column).toBe(undated);
      const outlets = timeline.nodes.map((n) => n.outlet ?? `(${n.id})`);
      expect(timeline.rows.length).toBe(new Set(outlets).size);
      const time = timeline.nodes.find((n) => n.id === '002')!;
      expect(time.outlet).toBe('TIME');
      expect(timeline.rows[time.row].label).toBe('TIME');
    });

    it('links 001 and 002 without an arrow: which came first is unknown', () => {
      expect(timeline.edges).toHaveLength(1);
      const [e] = timeline.edges;
      expect([timeline.nodes[e.from].id, timeline.nodes[e.to].id]).toEqual(['001', '002']);
      expect(e.directed).toBe(false);
      expect(e.share).toBeGreaterThanOrEqual(0.7);
      expect(e.summary).toMatch(/which came first is unknown/);
    });

    it('does not claim an original share it cannot know', () => {
      const n001 = timeline.nodes.find((n) => n.id === '001')!;
      expect(n001.originalShare).toBeNull();
      expect(n001.shareLabel).toMatch(/^\d+ % shared, order unknown$/);
      expect(Number(n001.shareLabel.split(' ')[0])).toBe(Math.round(prov.find((p) => p.file === '001')!.sharedShare * 100));
      for (const id of ['000', '003', '004']) expect(timeline.nodes.find((n) => n.id === id)!.shareLabel).toBe('all its own');
    });

    it('lists the quote 001 and 002 share with an unknown first carrier', () => {
      const q = timeline.quotes.find((x) => x.text.startsWith('China, too, pays great attention'));
      expect(q).toBeDefined();
      expect(q!.carriers.map((i) => timeline.nodes[i].id)).toEqual(expect.arrayContaining(['001', '002']));
      expect(q!.first).toBeNull();
      expect(q!.firstLabel).toBe('first: unknown');
      expect(timeline.nodes.every((n) => n.firstQuotes === 0)).toBe(true);
    });
  });

  describe('with dates set and a reprint of 002 a day later', () => {
    const t002 = seed('002');
    const body002 = parseArticle(t002).paragraphs.map((p) => p.text);
    const reprint = `Korea ties: Xi wants normal track\n\nPublished 21.05.2017 08:00\n\n${body002.slice(8).join('\n\n')}\n\nShare on Facebook Share on Twitter\n`;
    const articles = [
      prepareFromText('001', seed('001'), { date: '2017-05-19' }),
      prepareFromText('002', t002, { date: '2017-05-20' }),
      prepareFromText('copy', reprint),
      prepareFromText('000', seed('000')),
    ];
    const { prov, timeline } = timelineOf(articles);
    const node = (id: string) => timeline.nodes.findIndex((n) => n.id === id);

    it('orders the columns by day, the undated one last', () => {
      expect(timeline.columns.map((c) => c.date)).toEqual(['2017-05-19', '2017-05-20', '2017-05-21', null]);
      expect(timeline.columns.map((c) => c.label)).toEqual(['19 May 2017', '20 May 2017', '21 May 2017', 'undated']);
      expect(timeline.nodes[node('copy')].column).toBe(2);
      expect(timeline.nodes[node('000')].column).toBe(3);
    });

    it('draws arrows from each source to its copies, weighted by the share the copy took', () => {
      const e = timeline.edges.find((x) => x.from === node('001') && x.to === node('002'));
      expect(e?.directed).toBe(true);
      const p002 = prov.find((p) => p.file === '002')!;
      // 002 took from 001 exactly what it does not have of its own.
      expect(e!.share).toBeCloseTo(1 - p002.originalShare, 1);
      expect(timeline.edges.find((x) => x.from === node('002') && x.to === node('copy'))?.directed).toBe(true);
      // Never an arrow against time.
      for (const x of timeline.edges.filter((x) => x.directed)) expect(timeline.nodes[x.from].date! < timeline.nodes[x.to].date!).toBe(true);
      expect(timeline.edges.some((x) => x.from === node('000') || x.to === node('000'))).toBe(false);
      expect(e!.summary).toMatch(/^002 \(TIME\) took \d+ % of its text from 001 \(.+\): \d passages?, (verbatim|edited|rewritten), \d+ % alike$/);
    });

    it('marks 001 as the first carrier of the quote the three share', () => {
      const q = timeline.quotes.find((x) => x.text.startsWith('China, too, pays great attention'));
      expect(q?.first).toBe(node('001'));
      expect(q?.firstLabel).toBe('first: 001 (19 May 2017)');
      expect(timeline.nodes[node('001')].firstQuotes).toBeGreaterThanOrEqual(1);
      expect(timeline.nodes[node('001')].summary).toMatch(/first carrier of \d+ shared quotes?/);
    });

    it('gives known original shares and says what each copied', () => {
      expect(timeline.nodes[node('001')].originalShare).toBe(1);
      expect(timeline.nodes[node('002')].shareLabel).toBe(shareLabel(prov.find((p) => p.file === '002')!));
      expect(timeline.nodes[node('002')].shareLabel).toMatch(/^\d+ % original$/);
      expect(timeline.nodes[node('copy')].summary).toMatch(/copied .*\d+ % from 002/);
    });

    it('counts links to articles left out of the view', () => {
      const { timeline: part } = timelineOf(articles, ['002', 'copy']);
      expect(part.nodes.find((n) => n.id === '002')!.outside).toBe(1);
      expect(part.nodes.find((n) => n.id === '002')!.summary).toMatch(/1 article outside this view/);
      expect(part.edges).toHaveLength(1);
    });
  });
});

describe('the editor’s passages (engine)', () => {
  const build = (metadata: Record<string, { date: string }>) => {
    const inputs: ProvenanceInput[] = seedFiles().map((f) => {
      const text = seed(f.slice(0, 3));
      return { id: `file:///seeds/${f}`, hash: f + JSON.stringify(metadata[f.slice(0, 3)] ?? {}), text, article: parseArticle(text, metadata[f.slice(0, 3)] ?? {}) };
    });
    const stage = new ProvenanceStage();
    const prov = stage.provenanceOf('k', 'k', inputs, () => []);
    return { inputs, reuse: editorReuse(inputs, prov) };
  };

  it('gives 001 passages that name 002 (TIME), its twin span and an unknown earliest', () => {
    const { inputs, reuse } = build({});
    const r001 = reuse[inputs[1].id];
    expect(r001.passages.length).toBeGreaterThan(0);
    expect(r001.shareLabel).toMatch(/shared, order unknown/);
    for (const p of r001.passages) {
      expect(p.other.label).toBe('002_2ef836bb7012053c');
      expect(passageLine(p)).toMatch(/^Also in 002_2ef836bb7012053c \(TIME\) — (verbatim|edited|rewritten), \d+ % alike; earliest: unknown$/);
      const twin = inputs[2].text;
      // The twin's span is offsets into the twin's own text (the editor turns them into positions).
      expect(p.other.start).toBeGreaterThanOrEqual(0);
      expect(p.other.end).toBeLessThanOrEqual(twin.length);
      expect(twin.slice(p.other.start, p.other.end).trim().length).toBeGreaterThan(0);
    }
    expect(reuse[inputs[0].id].passages).toEqual([]);
  });

  it('names the earliest article with its date once the dates are set', () => {
    const { inputs, reuse } = build({ '001': { date: '2017-05-19' }, '002': { date: '2017-05-20' } });
    const p = reuse[inputs[2].id].passages[0];
    expect(passageLine(p)).toMatch(/^Also in 001_ac19e9e0453ebfbc — (verbatim|edited|rewritten), \d+ % alike; earliest: 001_ac19e9e0453ebfbc \(19 May 2017\)$/);
    expect(p.earlier).toBe('other');
    expect(reuse[inputs[2].id].orderKnown).toBe(true);
    expect(reuse[inputs[2].id].shareLabel).toMatch(/^\d+ % original$/);
  });
});

describe('the engine’s reuse cache', () => {
  it('gives exactly core’s findReuse, before and after one article changes (only its pairs re-aligned)', () => {
    const texts = seedFiles().map((f) => ({ id: f.slice(0, 3), text: seed(f.slice(0, 3)) }));
    const inputs = (list: typeof texts): ProvenanceInput[] => list.map((a) => ({ id: a.id, hash: a.text, text: a.text, article: parseArticle(a.text) }));
    const stage = new ProvenanceStage();
    const first = stage.reusePairs('1', inputs(texts));
    expect(first).toEqual(findReuse(texts.map((a) => prepareFromText(a.id, a.text))));
    expect(first.length).toBeGreaterThan(0);
    // 002 loses its copied paragraphs but one: the pair is re-aligned, nothing stale is kept.
    const body = parseArticle(texts[2].text).paragraphs;
    const edited = texts.map((a, k) => (k === 2 ? { ...a, text: a.text.slice(0, body[body.length - 3].start) } : a));
    const second = stage.reusePairs('2', inputs(edited));
    expect(second).toEqual(findReuse(edited.map((a) => prepareFromText(a.id, a.text))));
    expect(second).not.toEqual(first);
    expect(stage.reusePairs('2', inputs(edited))).toBe(second);
  });
});
