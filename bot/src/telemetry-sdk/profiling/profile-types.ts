/**
 * The profile types Pyroscope stores for the bot's uploads, as Grafana queries them
 * (`name:sample type:unit:period type:unit`). Pyroscope names a pprof upload by its sample
 * types: one of type `wall` makes a "wall" profile, one of `objects`/`space` a "memory"
 * profile (grafana/pyroscope pkg/og/convert/pprof/profile.go, metricName). The CPU profile
 * is the wall-clock profiler's with CPU time per sample (continuous-profiler.ts).
 * The dashboards and the datasource's traces-to-profiles link use these ids.
 */
export const PROFILE_TYPES = {
  cpu: 'wall:cpu:nanoseconds:wall:nanoseconds',
  wallClock: 'wall:wall:nanoseconds:wall:nanoseconds',
  heapInUseBytes: 'memory:space:bytes:space:bytes',
  heapInUseObjects: 'memory:objects:count:space:bytes',
} as const;
