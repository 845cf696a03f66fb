/** `corpus-lens import --label-map`: brat's own labels and PolNeAR-style extras, reported or mapped. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import type { Cli } from '../../src/cli/io';
import { seed } from './seeds';

function capture(): Cli & { stdout: string; stderr: string } {
  const c = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (c.stdout += text + '\n'),
    warn: (message: string) => void (c.stderr += message + '\n'),
    usage(message: string) {
      c.stderr += message + '\n';
      return 2;
    },
  };
  return c;
}

/** A corpus with seed 004 (CRLF), and a brat folder annotating it with labels of other schemes. */
function setUp(): { corpus: string; brat: string; text: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-labelmap-'));
  const corpus = path.join(root, 'corpus');
  const brat = path.join(root, 'brat');
  mkdirSync(corpus);
  mkdirSync(brat);
  const text = seed('004').replace(/\n/g, '\r\n');
  writeFileSync(path.join(corpus, 'a.txt'), text);
  const txt = seed('004');
  writeFileSync(path.join(brat, 'a.txt'), txt);
  const span = (id: number, label: string, words: string, from = 0) => {
    const s = txt.indexOf(words, from);
    return `T${id}\t${label} ${s} ${s + words.length}\t${words}`;
  };
  const wang = txt.indexOf('Wang Yi');
  writeFileSync(
    path.join(brat, 'a.ann'),
    [span(1, 'Person', 'Wang Yi'), span(2, 'Geo-political-entity', 'China'), span(3, 'Money', 'Wang Yi', wang + 1), span(4, 'Money', 'China', txt.indexOf('China') + 1)].join('\n') + '\n',
  );
  return { corpus, brat, text };
}

describe('corpus-lens import --label-map', () => {
  it('reports labels it does not know with their counts, and imports what the map names', async () => {
    const plain = setUp();
    const cli = capture();
    expect(await main(['import', '--format', 'brat', '--into', plain.corpus, plain.brat], cli)).toBe(0);
    expect(cli.stderr).toContain('imported 2 annotations');
    expect(cli.stderr).toContain('unknown labels not imported: Money (2)');

    const mapped = setUp();
    const map = path.join(mapped.brat, '..', 'labels.tsv');
    writeFileSync(map, '# our names\nMoney\tMISC\n');
    const cli2 = capture();
    expect(await main(['import', '--format', 'brat', '--label-map', map, '--into', mapped.corpus, mapped.brat], cli2)).toBe(0);
    expect(cli2.stderr).toContain('imported 4 annotations');
    expect(cli2.stderr).not.toContain('unknown labels');
    const sidecar = JSON.parse(readFileSync(path.join(mapped.corpus, '.corpus-lens', 'a.txt.json'), 'utf8'));
    // Offsets counted in brat's LF .txt land on the same words of the CRLF article.
    for (const a of sidecar.annotations) expect(mapped.text.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
    expect(sidecar.annotations.map((a: { type: string }) => a.type).sort()).toEqual(['LOC', 'MISC', 'MISC', 'PER']);
  });

  it('a label map naming a type we do not have is a usage error naming the option', async () => {
    const { corpus, brat } = setUp();
    const map = path.join(brat, '..', 'bad.json');
    writeFileSync(map, '{"Money": "CURRENCY"}');
    const cli = capture();
    expect(await main(['import', '--format', 'brat', '--label-map', map, '--into', corpus, brat], cli)).toBe(2);
    expect(cli.stderr).toContain('--label-map');
    expect(cli.stderr).toContain('"CURRENCY" is not one of');
  });
});
