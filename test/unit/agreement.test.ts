import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { cohensKappa, measureAgreement } from '../../src/core/annotations/agreement';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { captureCli as capture } from './captureCli';

const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `corpus-lens-${name}-`));

describe('agreement, computed by hand', () => {
  // Tokens: Xi | met | Moon | in | Seoul | .
  const text = 'Xi met Moon in Seoul.';
  const a = [
    { label: 'PER', fragments: [[0, 2]] as const },
    { label: 'PER', fragments: [[7, 11]] as const },
    { label: 'LOC', fragments: [[15, 20]] as const },
  ];
  const b = [
    { label: 'PER', fragments: [[0, 2]] as const },
    { label: 'ORG', fragments: [[7, 11]] as const },
    { label: 'MISC', fragments: [[3, 6]] as const },
  ];
  const report = measureAgreement([{ name: 'x', text, a, b }]);

  it('scores B against A by exact label and span, overall and per label', () => {
    expect(report.matched).toBe(1);
    expect(report.precision).toBeCloseTo(1 / 3, 10);
    expect(report.recall).toBeCloseTo(1 / 3, 10);
    expect(report.f1).toBeCloseTo(1 / 3, 10);
    expect(report.labels.PER).toMatchObject({ precision: 1, recall: 0.5, a: 2, b: 1, matched: 1 });
    expect(report.labels.PER.f1).toBeCloseTo(2 / 3, 10);
    expect(report.labels.LOC).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(report.labels.ORG).toMatchObject({ a: 0, b: 1, f1: 0 });
  });

  it("computes Cohen's kappa over tokens: observed 3/6, expected 11/36, kappa 7/25", () => {
    expect(report.tokens).toBe(6);
    expect(report.kappa).toBeCloseTo(7 / 25, 10);
  });

  it('lists each disagreement once: a retyped span, and spans only one annotator marked', () => {
    expect(report.disagreements).toEqual([
      { file: 'x', kind: 'only-b', label: 'MISC', start: 3, end: 6, text: 'met' },
      { file: 'x', kind: 'label', labelA: 'PER', labelB: 'ORG', start: 7, end: 11, text: 'Moon' },
      { file: 'x', kind: 'only-a', label: 'LOC', start: 15, end: 20, text: 'Seoul' },
    ]);
  });

  it('gives kappa 1 for identical labellings and 0 for a constant one against another', () => {
    expect(cohensKappa(['PER', '', 'LOC'], ['PER', '', 'LOC'])).toBe(1);
    expect(cohensKappa(['', '', ''], ['', '', ''])).toBe(1);
    expect(cohensKappa(['', '', ''], ['PER', '', ''])).toBe(0);
  });

  it('needs every fragment of a discontinuous span to match', () => {
    const two = measureAgreement([
      { name: 'y', text, a: [{ label: 'PER', fragments: [[0, 2], [7, 11]] }], b: [{ label: 'PER', fragments: [[0, 2]] }] },
    ]);
    expect(two.matched).toBe(0);
  });
});

/** PolNeAR's articles with several annotators, as two brat folders: each article's first two annotators. */
function polnearPairs(set: string): { dirA: string; dirB: string; anns: Array<[string, string]> } {
  const root = path.resolve(__dirname, '..', '..', '..', 'shared', 'eval', 'quotes', set);
  const byArticle = new Map<string, string[]>();
  for (const f of readdirSync(path.join(root, 'attributions')).sort()) {
    const article = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    byArticle.set(article, [...(byArticle.get(article) ?? []), f]);
  }
  const dirA = temp('agreement-a');
  const dirB = temp('agreement-b');
  const anns: Array<[string, string]> = [];
  for (const [article, files] of byArticle) {
    if (files.length < 2) continue;
    const text = readFileSync(path.join(root, 'text', `${article}.txt`));
    for (const [dir, f] of [[dirA, files[0]], [dirB, files[1]]] as const) {
      writeFileSync(path.join(dir, `${article}.txt`), text);
      writeFileSync(path.join(dir, `${article}.ann`), readFileSync(path.join(root, 'attributions', f)));
    }
    anns.push([readFileSync(path.join(root, 'attributions', files[0]), 'utf8'), readFileSync(path.join(root, 'attributions', files[1]), 'utf8')]);
  }
  return { dirA, dirB, anns };
}

/** An independent count: every text-bound line as a "label offsets" string, matched as multisets. */
function independentF1(anns: Array<[string, string]>): { f1: number; perLabel: Record<string, number> } {
  const lines = (ann: string, doc: number) =>
    ann
      .split('\n')
      .filter((l) => /^T\d+\t/.test(l))
      .map((l) => `${doc}|${l.split('\t')[1]}`);
  const a = anns.flatMap(([x], i) => lines(x, i));
  const b = anns.flatMap(([, y], i) => lines(y, i));
  const labelOf = (k: string) => k.split('|')[1].split(' ')[0];
  const matchedOf = (filter: (k: string) => boolean) => {
    const pool = a.filter(filter);
    let matched = 0;
    for (const k of b.filter(filter)) {
      const at = pool.indexOf(k);
      if (at >= 0) {
        pool.splice(at, 1);
        matched++;
      }
    }
    return (2 * matched) / (a.filter(filter).length + b.filter(filter).length);
  };
  const perLabel: Record<string, number> = {};
  for (const label of new Set([...a, ...b].map(labelOf))) perLabel[label] = matchedOf((k) => labelOf(k) === label);
  return { f1: matchedOf(() => true), perLabel };
}

describe('corpus-lens agreement on PolNeAR articles with several annotators', () => {
  for (const set of ['polnear-dev', 'polnear-train']) {
    it(`reports the F1 an independent count gives (${set})`, async () => {
      const { dirA, dirB, anns } = polnearPairs(set);
      expect(anns.length).toBeGreaterThanOrEqual(2);
      const cli = capture();
      expect(await main(['agreement', dirA, dirB, '--json'], cli)).toBe(0);
      const report = JSON.parse(cli.stdout);
      const expected = independentF1(anns);
      expect(report.f1).toBeCloseTo(expected.f1, 12);
      expect(Object.keys(report.labels).sort()).toEqual(Object.keys(expected.perLabel).sort());
      for (const [label, f1] of Object.entries(expected.perLabel)) expect(report.labels[label].f1).toBeCloseTo(f1, 12);
      expect(report.kappa).toBeGreaterThan(0.5);
      expect(report.kappa).toBeLessThan(1);
      expect(report.disagreements.length).toBeGreaterThan(0);
      expect(cli.stderr).toBe('');
    });
  }
});

describe('corpus-lens agreement between a corpus with sidecars and a brat copy', () => {
  it('pairs articles by name and compares offsets across CRLF, a BOM and emoji', async () => {
    const text = 'Xi Jinping 🙂 met Moon Jae-in in Beijing.\r\n"We will talk," Xi said.\r\n';
    const corpus = temp('agreement-corpus');
    mkdirSync(path.join(corpus, '.corpus-lens'), { recursive: true });
    writeFileSync(path.join(corpus, 'a.txt'), text);
    const span = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    const annotation = (id: string, kind: string, s: string, extra: object) => ({ id, kind, ...extra, anchor: makeAnchor(text, ...span(s)) });
    writeFileSync(
      path.join(corpus, '.corpus-lens', 'a.txt.json'),
      JSON.stringify({
        format: 'corpus-lens/article@1',
        file: 'a.txt',
        metadata: {},
        event: null,
        annotations: [annotation('u1', 'entity', 'Xi Jinping', { type: 'PER', name: null }), annotation('u2', 'entity', 'Moon Jae-in', { type: 'PER', name: null }), annotation('u3', 'entity', 'Beijing', { type: 'LOC', name: null })],
      }),
    );
    // The brat copy: the same words read with universal newlines, a BOM in front, offsets in code points.
    const brat = temp('agreement-brat');
    const normal = text.replace(/\r\n/g, '\n');
    const cp = (s: string) => {
      const at = normal.indexOf(s);
      return [[...normal.slice(0, at)].length, [...normal.slice(0, at)].length + [...s].length];
    };
    writeFileSync(path.join(brat, 'a.txt'), '\uFEFF' + text);
    const [m1, m2] = cp('Moon Jae-in');
    const [b1, b2] = cp('Beijing');
    const [x1, x2] = cp('Xi Jinping');
    writeFileSync(path.join(brat, 'a.ann'), `T1\tPerson ${x1} ${x2}\tXi Jinping\nT2\tOrganization ${m1} ${m2}\tMoon Jae-in\nT3\tLocation ${b1} ${b2}\tBeijing\n`);
    const cli = capture();
    expect(await main(['agreement', corpus, brat, '--json'], cli)).toBe(0);
    const report = JSON.parse(cli.stdout);
    expect(report.matched).toBe(2);
    expect(report.labels.LOC.f1).toBe(1);
    expect(report.disagreements).toEqual([{ file: 'a', kind: 'label', labelA: 'PER', labelB: 'ORG', start: text.indexOf('Moon'), end: text.indexOf('Moon') + 11, text: 'Moon Jae-in' }]);
  });

  it('exits 1 with a message when no article is in both, and 2 on a usage error', async () => {
    const one = temp('agreement-one');
    const other = temp('agreement-other');
    writeFileSync(path.join(one, 'a.txt'), 'Some text.');
    writeFileSync(path.join(other, 'b.txt'), 'Other text.');
    const cli = capture();
    expect(await main(['agreement', one, other], cli)).toBe(1);
    expect(cli.stderr).toMatch(/no article is in both/);
    expect(cli.stdout).toBe('');
    const usage = capture();
    expect(await main(['agreement', one], usage)).toBe(2);
    expect(await main(['agreement', one, other, '--jsn'], usage)).toBe(2);
    expect(usage.stderr).toMatch(/unknown option --jsn/);
  });
});
