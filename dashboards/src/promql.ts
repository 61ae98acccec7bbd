/** Per-second rate over Grafana's `$__rate_interval` (at least four scrape intervals, so never empty). */
export const rate = (series: string): string => `rate(${series}[$__rate_interval])`;
