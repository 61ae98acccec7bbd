import { describe, expect, test } from 'vitest';
import { DISCORD_ERRORS } from '../src/discord-errors.js';
import { FaultInjector, resolveFailureRates } from '../src/fault-injector.js';
import { DEMO_FAILURES, NO_FAILURES } from '../src/index.js';

/** A clock that jumps a minute per reading, so no outage outlasts a single call. */
function minuteClock(): () => number {
  let now = 0;
  return () => {
    now += 60_000;
    return now;
  };
}

function draw(seed: number, count: number) {
  const injector = new FaultInjector(DEMO_FAILURES, seed, minuteClock());
  return Array.from({ length: count }, () => injector.next());
}

describe('injected failures', () => {
  test('occur at the configured rates, with bounded delays', () => {
    const faults = draw(11, 20_000);
    const share = (kind: string) => faults.filter((f) => f.kind === kind).length / faults.length;
    expect(share('rate-limit')).toBeGreaterThan(0.02);
    expect(share('rate-limit')).toBeLessThan(0.04);
    // Drawn after the rate limit: (1 - 0.03) * 0.03.
    expect(share('server-error')).toBeGreaterThan(0.019);
    expect(share('server-error')).toBeLessThan(0.039);
    const [minLatency] = DEMO_FAILURES.latencyMs;
    const maxDelay = DEMO_FAILURES.latencyMs[1] + DEMO_FAILURES.slowDelayMs[1];
    const delays = faults.map((f) => f.delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(minLatency);
    expect(Math.max(...delays)).toBeLessThanOrEqual(maxDelay);
    const slow =
      faults.filter((f) => f.delayMs > DEMO_FAILURES.latencyMs[1]).length / faults.length;
    expect(slow).toBeGreaterThan(0.04);
    expect(slow).toBeLessThan(0.06);
  });

  test('repeat for the same seed', () => {
    expect(draw(5, 500)).toEqual(draw(5, 500));
    expect(draw(5, 500)).not.toEqual(draw(6, 500));
  });

  test('are off with NO_FAILURES', () => {
    const injector = new FaultInjector(NO_FAILURES, 1);
    for (let i = 0; i < 1000; i++) expect(injector.next()).toEqual({ kind: 'none', delayMs: 0 });
    expect(injector.hierarchyDrift()).toBe(false);
  });

  test('an outage fails every call until it ends', () => {
    let now = 0;
    const rates = { ...NO_FAILURES, serverErrorRate: 1, incidentRate: 1, incidentMs: 1000 };
    const injector = new FaultInjector(rates, 1, () => now);
    expect(injector.next().kind).toBe('server-error');
    injector.rates = NO_FAILURES;
    now = 999;
    expect(injector.next()).toEqual({ kind: 'server-error', delayMs: 0, status: 503 });
    now = 1000;
    expect(injector.next()).toEqual({ kind: 'none', delayMs: 0 });
  });

  test('are off unless asked: no rates, or rates given field by field, the rest 0', () => {
    expect(resolveFailureRates(undefined)).toEqual(NO_FAILURES);
    expect(resolveFailureRates({ rateLimitRate: 0.5 })).toEqual({
      ...NO_FAILURES,
      rateLimitRate: 0.5,
    });
    expect(resolveFailureRates(DEMO_FAILURES)).toEqual(DEMO_FAILURES);
  });

  test('scripted faults come first, in order', () => {
    const injector = new FaultInjector(NO_FAILURES, 1);
    injector.script([
      { kind: 'server-error', status: 503 },
      { kind: 'rate-limit', retryAfterMs: 20 },
    ]);
    expect(injector.next()).toEqual({ kind: 'server-error', delayMs: 0, status: 503 });
    expect(injector.next()).toEqual({ kind: 'rate-limit', delayMs: 0, retryAfterMs: 20 });
    expect(injector.next()).toEqual({ kind: 'none', delayMs: 0 });
  });

  test('withdrawing a script removes only its own faults that no call met', () => {
    const injector = new FaultInjector(NO_FAILURES, 1);
    const outage = { kind: 'server-error', status: 503 } as const;
    const withdrawMine = injector.script([outage, outage, outage]);
    injector.script([outage, { kind: 'discord-error', error: DISCORD_ERRORS.unknownRole }]);
    expect(injector.next()).toEqual({ kind: 'server-error', delayMs: 0, status: 503 });

    expect(withdrawMine()).toBe(2);
    expect(withdrawMine()).toBe(0);
    expect(injector.next()).toEqual({ kind: 'server-error', delayMs: 0, status: 503 });
    expect(injector.next()).toEqual({
      kind: 'discord-error',
      delayMs: 0,
      error: DISCORD_ERRORS.unknownRole,
    });
    expect(injector.next()).toEqual({ kind: 'none', delayMs: 0 });
  });

  test.for([
    [{ rateLimitRate: 1.5 }, 'failures.rateLimitRate must be from 0 to 1, got 1.5'],
    [{ serverErrorRate: Number.NaN }, 'failures.serverErrorRate must be from 0 to 1, got NaN'],
    [{ retryAfterMs: -1 }, 'failures.retryAfterMs must be from 0 to 30000 ms, got -1'],
    [
      { slowDelayMs: [500, 100] as const },
      'failures.slowDelayMs must be [min, max] with 0 <= min <= max <= 30000 ms, got [500, 100]',
    ],
  ] as const)('refuses %j', ([rates, message]) => {
    expect(() => resolveFailureRates(rates)).toThrow(message);
  });
});
