import { describe, expect, it } from 'vitest';
import { evaluateBoilerplate } from '../../scripts/boilerplate-benchmark';

describe('boilerplate on the article-extraction benchmark (web pages through html-to-text)', () => {
  it('stays above the measured floors', () => {
    const s = evaluateBoilerplate();
    console.log(`boilerplate-line F1 ${s.boilerplateF1.toFixed(3)}, body-line F1 ${s.body.f1.toFixed(3)}`);
    // Measured: boilerplate lines 0.970, body lines F1 0.820 (P 0.839); half A 0.852, half B 0.786;
    // with the HTML title as first line 0.814 (P 0.830); trafilatura "without" alone 16.8 %;
    // CoNLL testa one sentence a line: 42 of 3,234 lines boilerplate, 99 of 8,541 entity tokens on them.
    expect(s.boilerplateF1).toBeGreaterThan(0.965);
    expect(s.body.f1).toBeGreaterThan(0.815);
    expect(s.body.precision).toBeGreaterThan(0.835);
    expect(s.halves.B.body.f1).toBeGreaterThan(0.78);
    expect(s.withTitleLine.body.f1).toBeGreaterThan(0.81);
    expect(s.withTitleLine.body.precision).toBeGreaterThan(0.825);
    // Wire copy's results tables and standings are content, not a web page's menus.
    expect(s.conll.documents).toBe(215);
    expect(s.conll.entityTokensDropped).toBeLessThan(120);
    expect(s.withoutCaught).toBeGreaterThan(0.16);
    // Lines that must survive extraction nearly always do.
    expect(s.withKept).toBeGreaterThan(0.99);
    // The benchmark converts 181 pages and reads CoNLL testa: slow on a loaded machine.
  }, 180_000);
});
