/**
 * Targets (src/extension/targets.ts): what the worker sends the editor to go to is offsets and
 * the text version, never lines. These check them on the engine's real answers for a seed, as
 * the text is and with CRLF line breaks (offsets still index the text the worker was sent).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { AnalysisEngine } from '../../src/engine/analysisEngine';
import { EngineRequests } from '../../src/extension/engineRequests';
import type { EntitiesUpdate } from '../../src/extension/analysisProtocol';
import { byFreshness, decodeTarget, describeTarget, holdsIn, linkArguments, spanAt, spansAt, target, targetLink } from '../../src/extension/targets';
import { SEEDS_DIR } from './seeds';

const SEED = readFileSync(path.join(SEEDS_DIR, '004_057a0b69c0c8fa40.txt'), 'utf8');

function entitiesOf(text: string, version: number): EntitiesUpdate {
  const requests = new EngineRequests(new AnalysisEngine());
  requests.handle('analyze', { uri: 'file:///c/004.txt', version, text, metadata: {}, pinnedEvent: null, annotations: [] });
  return requests.handle('entities', { since: -1 });
}

describe('targets', () => {
  it('the worker answers offsets and the text version only: no lines, in LF and CRLF text alike', () => {
    const crlf = SEED.replace(/\r?\n/g, '\r\n');
    expect(crlf).not.toBe(SEED);
    for (const [text, version] of [[SEED, 3], [crlf, 4]] as const) {
      const a = entitiesOf(text, version).articles['file:///c/004.txt'];
      expect(a?.version).toBe(version);
      expect(a!.mentions.length).toBeGreaterThan(20);
      for (const m of a!.mentions) {
        expect(Object.keys(m)).not.toContain('line');
        expect(Object.keys(m)).not.toContain('endCharacter');
        // The offsets index the text the worker was sent, CRLF or not.
        expect(text.slice(m.start, m.end)).toBe(m.text);
      }
      for (const q of a!.quotes) {
        expect(Object.keys(q)).not.toContain('line');
        expect(text.slice(q.start, q.end).length).toBe(q.end - q.start);
        if (q.cue) expect(text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
      }
    }
  });

  it('finds the mention at an offset, ends included, and all spans that contain it', () => {
    const a = entitiesOf(SEED, 1).articles['file:///c/004.txt']!;
    const lee = a.mentions.find((m) => m.text === 'Lee Hae-chan')!;
    expect(lee).toBeDefined();
    for (const offset of [lee.start, lee.start + 3, lee.end]) expect(spanAt(a.mentions, offset)?.span).toBe(lee);
    expect(spanAt(a.mentions, lee.start - 1)?.span).not.toBe(lee);
    const nested = [{ start: 0, end: 10 }, { start: 2, end: 4 }, { start: 5, end: 9 }];
    expect(spansAt(nested, 3)).toEqual([nested[0], nested[1]]);
    expect(spanAt(nested, 9)).toEqual({ span: nested[0], index: 0 });
  });

  it('holds only in the text version it was found in, inside the text', () => {
    const t = target('file:///c/a.txt', { start: 5, end: 9 }, 7);
    expect(holdsIn(t, { version: 7, isDirty: true, length: 100 })).toBe(true);
    expect(holdsIn(t, { version: 8, isDirty: true, length: 100 })).toBe(false);
    expect(holdsIn(t, { version: 7, isDirty: false, length: 8 })).toBe(false);
    const saved = target('file:///c/a.txt', { start: 5, end: 9 }, null);
    expect(holdsIn(saved, { version: 12, isDirty: false, length: 100 })).toBe(true);
    expect(holdsIn(saved, { version: 12, isDirty: true, length: 100 })).toBe(false);
  });

  it('orders by freshness: higher document versions first, the file as saved last', () => {
    const at = (v: number | null) => target('file:///c/a.txt', { start: 0, end: 1 }, v);
    expect([at(null), at(2), at(9), at(null), at(5)].sort(byFreshness).map((t) => t.version)).toEqual([9, 5, 2, null, null]);
  });

  it('goes into a command link and comes back unchanged, and anything else is refused', () => {
    const t = target('file:///c/seeds/a b#?.txt', { start: 12, end: 40 }, null);
    const link = targetLink(t);
    expect(link.startsWith('command:corpusLens.openTarget?')).toBe(true);
    // No character that would end a Markdown link or its query.
    expect(link).not.toMatch(/[\s()[\]#]/);
    expect(decodeTarget(linkArguments(link))).toEqual(t);
    expect(decodeTarget(JSON.stringify(t))).toEqual(t);
    expect(describeTarget(t)).toBe('file:///c/seeds/a b#?.txt 12–40 (as saved)');
    for (const junk of [undefined, null, 3, '{', [], [t, t], { article: 'x', start: 5, end: 2, version: 1 }, { article: 'x', start: -1, end: 2, version: 1 }, { article: 'x', start: 1, end: 2, version: 'v' }, { article: 'x', start: 1.5, end: 2, version: null }]) {
      expect(decodeTarget(junk)).toBeUndefined();
    }
  });
});
