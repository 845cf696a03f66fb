import { describe, expect, it } from 'vitest';
import { CorpusIndex, type Stage } from '../../src/core/corpusIndex';
import { seed } from './seeds';

function countingStage(): Stage<number> & { calls: number } {
  const stage = {
    name: 'paragraph-count',
    version: 1,
    calls: 0,
    run(_input: unknown, article: { paragraphs: readonly unknown[] }) {
      stage.calls++;
      return article.paragraphs.length;
    },
  };
  return stage;
}

describe('corpus index', () => {
  it('adds, changes, renames and removes articles incrementally', () => {
    const index = new CorpusIndex();
    expect(index.upsert('file:///b.txt', seed('001')).change).toBe('added');
    expect(index.upsert('file:///a.txt', seed('002')).change).toBe('added');
    expect(index.list().map((a) => a.uri)).toEqual(['file:///a.txt', 'file:///b.txt']);
    const g = index.generation;
    expect(index.upsert('file:///a.txt', seed('002')).change).toBe('unchanged');
    expect(index.generation).toBe(g);
    expect(index.upsert('file:///a.txt', seed('002') + '\nShare this article').change).toBe('changed');
    expect(index.generation).toBeGreaterThan(g);
    expect(index.rename('file:///a.txt', 'file:///c.txt')).toBe(true);
    expect(index.get('file:///c.txt')?.article.title?.value).toContain('Xi Jinping Wants');
    expect(index.remove('file:///b.txt')).toBe(true);
    expect(index.size).toBe(1);
  });

  it('caches stage results by content hash', () => {
    const index = new CorpusIndex();
    const stage = countingStage();
    index.upsert('file:///x.txt', seed('003'));
    expect(index.stage(stage, 'file:///x.txt')).toBe(9);
    expect(index.stage(stage, 'file:///x.txt')).toBe(9);
    expect(stage.calls).toBe(1);
    // The same text under another name reuses the result.
    index.upsert('file:///copy.txt', seed('003'));
    index.stage(stage, 'file:///copy.txt');
    expect(stage.calls).toBe(1);
    index.upsert('file:///x.txt', seed('003') + '\nA new closing paragraph was added by the editors today.');
    expect(index.stage(stage, 'file:///x.txt')).toBe(10);
    expect(stage.calls).toBe(2);
  });

  it('re-analyses when only the user metadata changes', () => {
    const index = new CorpusIndex();
    index.upsert('file:///x.txt', seed('001'));
    const { change, entry } = index.upsert('file:///x.txt', seed('001'), { outlet: 'The Business Times' });
    expect(change).toBe('changed');
    expect(entry.article.outlet).toEqual({ value: 'The Business Times', source: 'user' });
  });

  it('keeps unreadable files apart from articles', () => {
    const index = new CorpusIndex();
    index.upsert('file:///x.txt', seed('001'));
    index.markUnreadable('file:///x.txt', 'not UTF-8');
    expect(index.size).toBe(0);
    expect(index.unreadableFiles()).toEqual([{ uri: 'file:///x.txt', message: 'not UTF-8' }]);
  });
});
