import type { SeriesFamily } from './types.js';

/** The families one declared metric is stored as: a classic histogram is three. */
export function familiesOf(
  name: string,
  type: 'counter' | 'gauge' | 'histogram',
  labels: Iterable<string>,
  source: string,
): SeriesFamily[] {
  const set = new Set(labels);
  if (type !== 'histogram') return [{ name, labels: set, source }];
  return [
    { name: `${name}_bucket`, labels: new Set([...set, 'le']), source },
    { name: `${name}_sum`, labels: set, source },
    { name: `${name}_count`, labels: set, source },
  ];
}
