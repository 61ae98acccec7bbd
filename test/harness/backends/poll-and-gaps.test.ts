import { describe, expect, test } from 'vitest';
import { notYet, PollTimeoutError, pollUntil } from '../../../harness/backends/poll.js';
import { sampleGaps } from '../../../harness/backends/sample-gaps.js';

describe('pollUntil', () => {
  test('returns the first real answer with the attempts it took', async () => {
    let calls = 0;
    const polled = await pollUntil(
      async () => {
        calls += 1;
        return calls < 3 ? notYet(`call ${calls}`) : 'found';
      },
      { description: 'a value', timeoutMs: 2_000, intervalMs: 5 },
    );
    expect(polled.value).toBe('found');
    expect(polled.attempts).toBe(3);
    expect(polled.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  test('a throwing probe is retried (a restarting backend), not fatal', async () => {
    let calls = 0;
    const polled = await pollUntil(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('ECONNREFUSED');
        return 42;
      },
      { description: 'a value', timeoutMs: 2_000, intervalMs: 5 },
    );
    expect(polled.value).toBe(42);
  });

  test('times out naming what it waited for and the last observation', async () => {
    const started = performance.now();
    const error = await pollUntil(async () => notYet('0 spans'), {
      description: 'trace abc in Tempo',
      timeoutMs: 120,
      intervalMs: 20,
    }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as Error).message).toMatch(
      /gave up after \d+ attempts \(limit 120 ms\) waiting for trace abc in Tempo; last seen: 0 spans/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(115);
    expect(elapsed).toBeLessThan(1_000);
  });

  test('the last observation of a throwing probe is its error message', async () => {
    const error = await pollUntil(
      async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:3200');
      },
      { description: 'Tempo', timeoutMs: 30, intervalMs: 10 },
    ).catch((e: unknown) => e);
    expect((error as PollTimeoutError).lastObservation).toBe('connect ECONNREFUSED 127.0.0.1:3200');
  });

  test('stops at maxAttempts even with time left', async () => {
    let calls = 0;
    const error = await pollUntil(
      async () => {
        calls += 1;
        return notYet(`attempt ${calls}`);
      },
      { description: 'a refusal', timeoutMs: 60_000, intervalMs: 0, maxAttempts: 4 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect((error as PollTimeoutError).attempts).toBe(4);
    expect((error as PollTimeoutError).lastObservation).toBe('attempt 4');
  });

  test('a falsy answer (0, empty string) is an answer, not "not yet"', async () => {
    expect((await pollUntil(async () => 0, { description: 'zero', timeoutMs: 50 })).value).toBe(0);
    expect((await pollUntil(async () => '', { description: 'empty', timeoutMs: 50 })).value).toBe(
      '',
    );
  });
});

describe('sampleGaps', () => {
  const window = { fromSeconds: 1000, toSeconds: 1100 };
  const every10s = (from: number, to: number) =>
    Array.from({ length: (to - from) / 10 + 1 }, (_, i) => ({
      timestampSeconds: from + i * 10,
      value: i,
    }));

  test('samples every 10 s across the window: no gap', () => {
    expect(sampleGaps(every10s(1000, 1100), window, 15)).toEqual([]);
  });

  test('a missing stretch in the middle is reported with its bounds', () => {
    const samples = every10s(1000, 1100).filter(
      (s) => s.timestampSeconds < 1040 || s.timestampSeconds > 1070,
    );
    expect(sampleGaps(samples, window, 15)).toEqual([{ fromSeconds: 1030, toSeconds: 1080 }]);
  });

  test('samples that stop before the window ends leave a tail gap', () => {
    expect(sampleGaps(every10s(1000, 1050), window, 15)).toEqual([
      { fromSeconds: 1050, toSeconds: 1100 },
    ]);
  });

  test('no sample at all is one gap over the whole window; samples outside it do not count', () => {
    expect(sampleGaps([{ timestampSeconds: 900, value: 1 }], window, 15)).toEqual([
      { fromSeconds: 1000, toSeconds: 1100 },
    ]);
  });
});
