/**
 * Preloaded into the sustained phase's bots (`--import`): the event loop's delay at 10 ms
 * resolution and V8's GC pauses (the runtime instrumentation's own delay gauges sample every
 * 5 s, too coarse to see what stalls the loop). The bench sends SIGWINCH when the load
 * starts (start-up is not counted) and again when it ends, and this writes the figures as
 * JSON to BENCH_LOOP_DELAY_FILE then. SIGWINCH because nothing else in the bot handles it:
 * close-with-grace shuts down on SIGUSR2.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface LoopDelay {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly gcPauses: number;
  readonly gcTotalMs: number;
  readonly gcMaxMs: number;
}

const file = process.env.BENCH_LOOP_DELAY_FILE;
if (file !== undefined) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const gc = { pauses: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauses += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  let measuring = false;
  process.on('SIGWINCH', () => {
    if (!measuring) {
      measuring = true;
      delay.reset();
      Object.assign(gc, { pauses: 0, totalMs: 0, maxMs: 0 });
      return;
    }
    const result: LoopDelay = {
      p50Ms: delay.percentile(50) / 1e6,
      p99Ms: delay.percentile(99) / 1e6,
      maxMs: delay.max / 1e6,
      gcPauses: gc.pauses,
      gcTotalMs: gc.totalMs,
      gcMaxMs: gc.maxMs,
    };
    writeFileSync(file, JSON.stringify(result));
  });
}
