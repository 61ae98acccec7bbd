/**
 * What users of the stack care about, printed by each suite as it measures it: how long
 * from `up` to healthy, and how long an interaction takes to become a trace, a log line and
 * a metric sample.
 */
export function reportTiming(suite: string, what: string, milliseconds: number): void {
  console.info(`[integration] ${suite}: ${what}: ${(milliseconds / 1000).toFixed(1)} s`);
}

/** Milliseconds since `started` (a `performance.now()` reading). */
export function since(started: number): number {
  return performance.now() - started;
}
