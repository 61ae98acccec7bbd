import type { Sample } from './prometheus-results.js';

export interface Gap {
  readonly fromSeconds: number;
  readonly toSeconds: number;
}

/**
 * Intervals between consecutive samples longer than `maxIntervalSeconds`, plus a missing
 * head or tail when the samples do not reach the window's edges. A metric exported every
 * 10 s that Alloy queued through a Mimir restart has no gap; one that was dropped has.
 */
export function sampleGaps(
  samples: readonly Sample[],
  window: { readonly fromSeconds: number; readonly toSeconds: number },
  maxIntervalSeconds: number,
): Gap[] {
  const times = samples
    .map((s) => s.timestampSeconds)
    .filter((t) => t >= window.fromSeconds && t <= window.toSeconds)
    .sort((a, b) => a - b);
  const edges = [window.fromSeconds, ...times, window.toSeconds];
  const gaps: Gap[] = [];
  for (let i = 1; i < edges.length; i += 1) {
    const from = edges[i - 1] as number;
    const to = edges[i] as number;
    if (to - from > maxIntervalSeconds) gaps.push({ fromSeconds: from, toSeconds: to });
  }
  return gaps;
}
