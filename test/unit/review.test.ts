import { describe, expect, it } from 'vitest';
import { applyEntityAnnotations, applyQuoteAnnotations, readAnnotations, reanchorAnnotations, shiftAnnotations, toSidecarAnnotations, type UserAnnotation } from '../../src/core/annotations/annotations';
import { acceptEntity, acceptQuote, correctEntity, correctQuote, decideAll, entityStatus, identicalMentions, quoteStatus, rejectEntity, rejectQuote, reviewQueue, statusText, undecide } from '../../src/core/annotations/review';
import { parseArticle } from '../../src/core/article';
import { findMentions } from '../../src/core/entities/mentions';
import { findArticleQuotes } from '../../src/core/quotes/quotes';
import { emptySidecar, parseSidecar, serializeSidecar, withReviewed } from '../../src/core/sidecar';
import { loadRecognizer } from '../../src/node/models';
import { seed } from './seeds';

const text = seed('002');
const article = parseArticle(text);
const mentions = findMentions(text, article, loadRecognizer());
const quotes = findArticleQuotes(text, article, mentions);
const named = mentions.filter((m) => m.type !== 'DATE' && m.type !== 'TIME');

/** The sidecar written and read back, as a restart of the editor or a CLI run sees it. */
function roundTrip(annotations: readonly UserAnnotation[], reviewed = false): { annotations: UserAnnotation[]; reviewed: boolean } {
  const sidecar = withReviewed({ ...emptySidecar('002.txt'), annotations: toSidecarAnnotations(annotations, []) }, reviewed);
  const parsed = parseSidecar(serializeSidecar(sidecar));
  if (!parsed.ok) throw new Error(parsed.error);
  const read = readAnnotations(parsed.sidecar.annotations);
  expect(read.problems).toEqual([]);
  return { annotations: read.annotations, reviewed: parsed.sidecar.reviewed === true };
}

describe('review decisions on real automatic results (seed 002)', () => {
  it('the seed has automatic names and quotes to review', () => {
    expect(named.length).toBeGreaterThan(10);
    expect(quotes.length).toBeGreaterThan(0);
  });

  it('accept, reject and correct an entity; each status survives the sidecar round trip', () => {
    const [a, b, c] = named;
    let anns: UserAnnotation[] = [];
    anns = acceptEntity(anns, text, a);
    anns = rejectEntity(anns, text, b);
    const other = c.type === 'ORG' ? 'PER' : 'ORG';
    anns = correctEntity(anns, text, c, { type: other });
    const back = roundTrip(anns).annotations;
    expect(entityStatus(a, back)).toBe('accepted');
    expect(entityStatus(b, back)).toBe('rejected');
    expect(entityStatus(c, back)).toBe('corrected');
    expect(entityStatus(named[3], back)).toBe('automatic');
    const shown = applyEntityAnnotations(mentions, back);
    expect(shown.some((m) => m.start === b.start && m.end === b.end)).toBe(false);
    expect(shown.find((m) => m.start === c.start && m.end === c.end)?.type).toBe(other);
    expect(shown.find((m) => m.start === a.start && m.end === a.end)?.type).toBe(a.type);
    expect(statusText(entityStatus(a, back))).toBe('automatic — accepted by you');
  });

  it('a second decision on the same words replaces the first; undecide brings the automatic result back', () => {
    const m = named[0];
    let anns = acceptEntity([], text, m);
    anns = rejectEntity(anns, text, m);
    expect(anns).toHaveLength(1);
    expect(entityStatus(m, anns)).toBe('rejected');
    anns = undecide(anns, m, 'entity');
    expect(anns).toHaveLength(0);
    expect(entityStatus(m, anns)).toBe('automatic');
  });

  it('a span correction moves the name onto the new words', () => {
    const m = named.find((x) => x.text.includes(' '))!;
    const firstWord = m.text.split(' ')[0];
    const anns = correctEntity([], text, m, { end: m.start + firstWord.length });
    const shown = applyEntityAnnotations(mentions, anns);
    expect(shown.some((x) => x.start === m.start && x.end === m.end)).toBe(false);
    expect(shown.find((x) => x.start === m.start)?.text).toBe(firstWord);
    expect(() => correctEntity([], text, m, { start: m.start, end: m.start })).toThrow(RangeError);
  });

  it('quotes: accept, reject, correct the speaker; rejected quotes disappear', () => {
    const q = quotes[0];
    const accepted = roundTrip(acceptQuote([], text, q)).annotations;
    expect(quoteStatus(q, accepted)).toBe('accepted');
    const rejected = roundTrip(rejectQuote([], text, q)).annotations;
    expect(quoteStatus(q, rejected)).toBe('rejected');
    expect(applyQuoteAnnotations(quotes, rejected).some((x) => x.start === q.start)).toBe(false);
    const corrected = roundTrip(correctQuote([], text, q, { speaker: 'Someone Else' })).annotations;
    expect(quoteStatus(q, corrected)).toBe('corrected');
    expect(applyQuoteAnnotations(quotes, corrected).find((x) => x.start === q.start)?.speaker?.name).toBe('Someone Else');
  });

  it('decisions survive edits in the editor (shifted) and edits made elsewhere (re-anchored)', () => {
    const [a, b] = named;
    const anns = rejectEntity(acceptEntity([], text, a), text, b);
    const insert = 'An added first line.\n\n';
    const shifted = shiftAnnotations(anns, [{ start: 0, end: 0, text: insert }]);
    const edited = insert + text;
    const shiftedBack = roundTrip(shifted).annotations;
    expect(entityStatus({ start: a.start + insert.length, end: a.end + insert.length }, shiftedBack)).toBe('accepted');
    expect(entityStatus({ start: b.start + insert.length, end: b.end + insert.length }, shiftedBack)).toBe('rejected');
    // Elsewhere: the same edit, found again by the words.
    const reanchored = reanchorAnnotations(roundTrip(anns).annotations, edited);
    expect(reanchored.every((x) => !x.orphaned)).toBe(true);
    expect(reanchored.find((x) => x.kind === 'entity')).toMatchObject({ decision: 'accepted' });
    // An edit of the decided words themselves orphans the decision, never moves it elsewhere.
    const broken = shiftAnnotations(anns, [{ start: a.start, end: a.end, text: 'Somebody' }]);
    expect(broken.find((x) => x.kind === 'entity')?.orphaned).toBe(true);
  });

  it('the article review mark round-trips and is written only when set', () => {
    expect(roundTrip([], true).reviewed).toBe(true);
    expect(roundTrip([], false).reviewed).toBe(false);
    expect(serializeSidecar(emptySidecar('x.txt'))).not.toContain('reviewed');
    expect(parseSidecar(JSON.stringify({ format: 'corpus-lens/article@1', file: 'x.txt', reviewed: 'yes' })).ok).toBe(false);
  });

  it('unknown decisions and fields ride along unchanged', () => {
    const raw = [{ id: 'a1', kind: 'entity', type: 'ORG', name: null, anchor: acceptEntity([], text, named[0])[0].anchor, decision: 'escalated', reviewer: 'kim' }];
    const read = readAnnotations(raw);
    expect(read.annotations[0]).not.toHaveProperty('decision', 'accepted');
    expect(toSidecarAnnotations(read.annotations, read.keptAside)[0]).toMatchObject({ decision: 'escalated', reviewer: 'kim' });
    expect(entityStatus(named[0], read.annotations)).toBe('user');
  });

  it('accept all identical mentions in the article', () => {
    const counts = new Map<string, number>();
    for (const m of named) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    const repeated = named.find((m) => counts.get(m.text)! > 1)!;
    const same = identicalMentions(named, repeated);
    expect(same.length).toBeGreaterThan(1);
    const anns = decideAll([], text, same, { action: 'retype', type: 'ORG' });
    for (const m of same) expect(['accepted', 'corrected']).toContain(entityStatus(m, anns));
    expect(applyEntityAnnotations(mentions, anns).filter((m) => m.text === repeated.text).every((m) => m.type === 'ORG')).toBe(true);
  });

  it('the queue: least confident first, decided results left out, one article\'s decisions never change another\'s', () => {
    const input = [
      { id: 'a.txt', mentions, quotes, annotations: [] as UserAnnotation[] },
      { id: 'b.txt', mentions, quotes, annotations: acceptEntity([], text, named[0]) },
    ];
    const queue = reviewQueue(input);
    const entities = queue.filter((q) => q.kind === 'entity');
    for (let i = 1; i < entities.length; i++) expect(entities[i].margin).toBeGreaterThanOrEqual(entities[i - 1].margin);
    expect(queue.filter((q) => q.article === 'a.txt' && q.kind === 'entity')).toHaveLength(named.length);
    expect(queue.filter((q) => q.article === 'b.txt' && q.kind === 'entity')).toHaveLength(named.length - 1);
    expect(queue.some((q) => q.article === 'b.txt' && q.start === named[0].start && q.kind === 'entity')).toBe(false);
    expect(queue.filter((q) => q.kind === 'quote')).toHaveLength(2 * quotes.length);
  });
});
