/**
 * Durations as Go's time.ParseDuration writes them ("5s", "1m30s", "250ms"), which is also
 * the form compose uses for stop_grace_period and healthcheck intervals, in seconds.
 * Undefined for anything else, so a caller can name the value it could not read.
 */
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };

export function goDurationSeconds(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|ms|us|ns|m|s))+$/.test(text)) return undefined;
  let seconds = 0;
  for (const [, amount = '', unit = ''] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|ns|m|s)/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
  }
  return seconds;
}
