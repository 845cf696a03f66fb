import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAnchor, reanchor, sameWords, shiftAnchor, type TextChange } from '../../src/core/annotations/anchor';
import { applyEntityAnnotations, readAnnotations, sameAnnotations, toSidecarAnnotations, reanchorAnnotations, shiftAnnotations, type UserAnnotation } from '../../src/core/annotations/annotations';
import type { EntityMention } from '../../src/core/entities/mentions';
import { seed } from './seeds';

const applyChange = (text: string, c: TextChange) => text.slice(0, c.start) + c.text + text.slice(c.end);

describe('annotations survive edits', () => {
  const base = seed('002');
  const spans: Array<[number, number]> = [
    [base.indexOf('Yang Jiechi'), base.indexOf('Yang Jiechi') + 'Yang Jiechi'.length],
    [base.indexOf('Hotel Shilla'), base.indexOf('Hotel Shilla') + 'Hotel Shilla'.length],
    [base.indexOf('pre-emptive diplomacy'), base.indexOf('pre-emptive diplomacy') + 'pre-emptive diplomacy'.length],
  ];
  const annotations: UserAnnotation[] = spans.map(([s, e], i) => ({ id: `a${i}`, kind: 'entity', type: 'PER', name: null, anchor: makeAnchor(base, s, e) }));

  it('edits in the editor: every annotation keeps its exact text or is orphaned (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(15), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 25 }),
        (edits) => {
          let text = base;
          let current = annotations;
          for (const [where, len, ins] of edits) {
            const start = Math.floor(where * text.length);
            const change = { start, end: Math.min(text.length, start + len), text: ins };
            current = shiftAnnotations(current, [change]);
            text = applyChange(text, change);
          }
          for (const a of current) if (!a.orphaned) expect(text.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('edits made elsewhere: re-anchoring finds the same words or orphans them (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(40), fc.string({ maxLength: 30 })), { minLength: 1, maxLength: 15 }), (edits) => {
        let text = base;
        for (const [where, len, ins] of edits) {
          const start = Math.floor(where * text.length);
          text = applyChange(text, { start, end: Math.min(text.length, start + len), text: ins });
        }
        reanchorAnnotations(annotations, text).forEach((a, i) => {
          if (a.orphaned) return;
          expect(text.slice(a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
          // The same words as annotated, at most written differently.
          expect(sameWords(a.anchor.exact, annotations[i].anchor.exact)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('edits made elsewhere that retype the words (case, spaces): found on the retyped words (property)', () => {
    const [target] = annotations;
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }), fc.nat(3), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 20 }), (upper, spaces, where, inserted) => {
        const words = target.anchor.exact;
        const retyped = [...words].map((ch, k) => (ch === ' ' ? ' '.repeat(1 + spaces) : upper[k % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        let text = base.slice(0, target.anchor.start) + retyped + base.slice(target.anchor.end);
        // One more edit away from the words (it may not write them again).
        const at = Math.floor(where * text.length);
        const clear = at + 40 < target.anchor.start || at > target.anchor.start + retyped.length + 40;
        if (clear && !inserted.toLowerCase().includes('yang')) text = text.slice(0, at) + inserted + text.slice(at);
        const [found] = reanchorAnnotations([target], text);
        expect(found.orphaned).toBeUndefined();
        expect(found.anchor.exact).toBe(retyped);
        expect(text.slice(found.anchor.start, found.anchor.end)).toBe(retyped);
      }),
      { numRuns: 200 },
    );
  });

  it('an insertion before the words moves them; one after or at their end leaves them', () => {
    const a = makeAnchor('abc Xi def', 4, 6);
    expect(shiftAnchor(a, { start: 0, end: 0, text: 'zz' })).toMatchObject({ start: 6, end: 8 });
    expect(shiftAnchor(a, { start: 4, end: 4, text: 'Mr ' })).toMatchObject({ start: 7, end: 9 });
    expect(shiftAnchor(a, { start: 6, end: 6, text: '!' })).toMatchObject({ start: 4, end: 6 });
    expect(shiftAnchor(a, { start: 5, end: 6, text: 'y' })).toBeNull();
  });

  it('a git checkout that moved a paragraph: the annotation follows its words and context', () => {
    const before = 'First paragraph about Seoul.\n\nSecond paragraph where Yang Jiechi spoke.\n';
    const after = 'Second paragraph where Yang Jiechi spoke.\n\nA new opening.\n\nFirst paragraph about Seoul.\n';
    const a = makeAnchor(before, before.indexOf('Yang'), before.indexOf('Yang') + 11);
    const moved = reanchor(a, after)!;
    expect(after.slice(moved.start, moved.end)).toBe('Yang Jiechi');
  });

  it('finds words written differently after an outside edit (case, spacing, typography), and nothing else', () => {
    const before = seed('002');
    const at = before.indexOf('Terminal High Altitude Area Defense');
    const a = makeAnchor(before, at, at + 'Terminal High Altitude Area Defense'.length);
    const after = ('Editor’s note: updated.\n\n' + before).replace('Terminal High Altitude Area Defense', 'Terminal High  Altitude Area DEFENSE');
    const moved = reanchor(a, after)!;
    expect(after.slice(moved.start, moved.end)).toBe('Terminal High  Altitude Area DEFENSE');
    expect(moved.exact).toBe('Terminal High  Altitude Area DEFENSE');
    // A different word is not the same words: orphaned.
    expect(reanchor(a, before.replace('Terminal High Altitude Area Defense', 'Terminal High Altitude Air Defense'))).toBeNull();
    expect(sameWords('“normal track”', '"Normal Track"')).toBe(true);
    expect(sameWords('Lee Hae-chan', 'Lee Hae chan')).toBe(false);
  });

  it('finds its words again after the article is re-wrapped in another editor', () => {
    const before = seed('001');
    const words = 'Chinese President Xi Jinping told a visiting South Korean envoy';
    const at = before.indexOf(words);
    const a = makeAnchor(before, at, at + words.length);
    // Every line broken at 40 columns, as `fold -s -w 40` or an editor's hard wrap would.
    const fold = (line: string) => line.replace(/(.{1,40})(?: |$)/g, '$1\n').trimEnd();
    const after = before.split('\n').map(fold).join('\n');
    const moved = reanchor(a, after)!;
    expect(moved.exact.replace(/\s+/g, ' ')).toBe(words);
    expect(moved.exact).toContain('\n');
    expect(after.slice(moved.start, moved.end)).toBe(moved.exact);
  });

  it('never guesses between two equally likely places', () => {
    const before = 'Xi met Moon. Xi met Moon.';
    const a = makeAnchor(before, 13, 15);
    expect(reanchor(a, 'Intro. Xi spoke. Later Xi left.')).toBeNull();
  });
});

describe('annotations override automatic results', () => {
  const mentions: EntityMention[] = [
    { start: 0, end: 5, text: 'Lotte', type: 'PER' },
    { start: 10, end: 16, text: 'Beijing', type: 'LOC' },
  ];
  it('a marked entity replaces the automatic one; an unmarked one disappears', () => {
    const text = 'Lotte and Beijing and the Chinese leader';
    const user: UserAnnotation[] = [
      { id: 'a1', kind: 'entity', type: 'ORG', name: null, anchor: makeAnchor(text, 0, 5) },
      { id: 'a2', kind: 'not-entity', anchor: makeAnchor(text, 10, 17) },
      { id: 'a3', kind: 'entity', type: 'PER', name: 'Xi Jinping', anchor: makeAnchor(text, 22, 40) },
    ];
    expect(applyEntityAnnotations(mentions, user)).toEqual([
      { start: 0, end: 5, text: 'Lotte', type: 'ORG' },
      { start: 22, end: 40, text: 'the Chinese leader', type: 'PER', name: 'Xi Jinping' },
    ]);
  });

  it('reports malformed annotations instead of dropping them silently', () => {
    const { annotations, problems } = readAnnotations([{ id: 'a1', kind: 'entity', type: 'PER', anchor: { start: 0, end: 2, exact: 'Xi', prefix: '', suffix: '' } }, { id: 'a2', kind: 'entity' }]);
    expect(annotations).toHaveLength(1);
    expect(problems[0]).toContain('annotation 2');
  });
});

describe('annotations compared by what they say', () => {
  const text = seed('002');
  const start = text.indexOf('Yang Jiechi');
  const written = toSidecarAnnotations([{ id: 'a1', kind: 'entity', type: 'PER', name: 'Yang Jiechi', anchor: makeAnchor(text, start, start + 'Yang Jiechi'.length), decision: 'accepted' }], []);
  const reversed = (r: unknown): unknown =>
    Array.isArray(r) ? r.map(reversed) : r && typeof r === 'object' ? Object.fromEntries(Object.entries(r).reverse().map(([k, v]) => [k, reversed(v)])) : r;

  it('the order keys were written in does not matter (as the engine and the editor both need)', () => {
    const other = reversed(written) as Record<string, unknown>[];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(written));
    expect(sameAnnotations(written, other)).toBe(true);
    const read = readAnnotations(written).annotations;
    expect(sameAnnotations(read, readAnnotations(other).annotations)).toBe(true);
  });

  it('every field counts, the ones this version does not read too', () => {
    expect(sameAnnotations(written, [{ ...written[0], note: 'checked by the desk' }])).toBe(false);
    expect(sameAnnotations([{ ...written[0], note: 'a' }], [{ ...written[0], note: 'b' }])).toBe(false);
    expect(sameAnnotations(written, [{ ...written[0], type: 'ORG' }])).toBe(false);
    const anchor = written[0].anchor as Record<string, unknown>;
    expect(sameAnnotations(written, [{ ...written[0], anchor: { ...anchor, start: (anchor.start as number) + 1 } }])).toBe(false);
    expect(sameAnnotations(written, [...written, ...written])).toBe(false);
    expect(sameAnnotations(written, [])).toBe(false);
  });

  it('a field left undefined is a field left out, as in the sidecar JSON', () => {
    const read = readAnnotations(written).annotations;
    expect(sameAnnotations(read, read.map((a) => ({ ...a, orphaned: undefined })))).toBe(true);
    expect(sameAnnotations(read, read.map((a) => ({ ...a, orphaned: true })))).toBe(false);
    expect(sameAnnotations([{ name: null }], [{}])).toBe(false);
  });
});
