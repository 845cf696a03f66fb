import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_SPACING, Refresher } from '../../src/extension/scheduler';

describe('Refresher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A refresh that takes `ms` of the fake clock. */
  function refresherTaking(ms: number, delay = 150) {
    const runs: number[] = [];
    const r = new Refresher(delay, async () => {
      runs.push(Date.now());
      await new Promise((done) => setTimeout(done, ms));
    });
    return { r, runs };
  }

  it('debounces a quick refresh until changes pause', async () => {
    const { r, runs } = refresherTaking(10);
    for (let i = 0; i < 20; i++) {
      r.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toHaveLength(1);
  });

  it('runs a slow refresh at most once per spacing while changes keep coming, and never puts it off for ever', async () => {
    const { r, runs } = refresherTaking(2_000);
    const first = r.now();
    await vi.advanceTimersByTimeAsync(2_000);
    await first;
    // A change every 500 ms for a minute, as indexing makes them.
    for (let t = 0; t < 60_000; t += 500) {
      r.schedule();
      await vi.advanceTimersByTimeAsync(500);
    }
    const gaps = runs.slice(1).map((t, i) => t - runs[i]);
    // 2 s of work, then at least 6 s before the next: the worker is free three quarters of the time.
    expect(gaps.every((g) => g >= 2_000 * (REFRESH_SPACING + 1))).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(9);
  });

  it('now() runs at once, whatever the spacing', async () => {
    const { r, runs } = refresherTaking(2_000);
    const first = r.now();
    await vi.advanceTimersByTimeAsync(2_000);
    await first;
    r.schedule();
    const done = r.now();
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(runs).toHaveLength(2);
    expect(runs[1] - runs[0]).toBe(2_000);
  });
});
