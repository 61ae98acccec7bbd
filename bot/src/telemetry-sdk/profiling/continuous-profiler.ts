import { encode, heap, time } from '@datadog/pprof';
import { ExportResultCode } from '@opentelemetry/core';
import type { ProfilingSettings } from '../../config/sections/profiling.js';
import type { DeliveryHealth } from '../delivery-health.js';
import { uploadProfile } from './ingest-upload.js';

/** 100 samples a second, the rate of every Pyroscope SDK's CPU profiler. */
const SAMPLING_INTERVAL_MICROS = 10_000;
const SAMPLE_RATE = 1_000_000 / SAMPLING_INTERVAL_MICROS;
/** The Pyroscope Node SDK's heap defaults: one sample per 512 KiB allocated, 64 frames. */
const HEAP_SAMPLING_INTERVAL_BYTES = 512 * 1024;
const HEAP_STACK_DEPTH = 64;

type Profile = ReturnType<typeof time.stop>;
type Kind = 'cpu' | 'heap';

/**
 * V8's sampling profilers, read once per interval and uploaded to Pyroscope: a CPU profile
 * (the wall-clock profiler with CPU time per sample) of the interval, and the heap
 * allocations live at its end.
 */
export class ContinuousProfiler {
  #timer: NodeJS.Timeout | undefined;
  /** Where the next profile of each kind starts: the end of the last one uploaded. */
  readonly #since = { cpu: new Date(), heap: new Date() };
  readonly #inFlight = new Set<Kind>();
  #stopped: Promise<void> | undefined;

  constructor(
    private readonly settings: ProfilingSettings,
    private readonly name: string,
    private readonly health: DeliveryHealth,
  ) {}

  start(): void {
    time.start({
      intervalMicros: SAMPLING_INTERVAL_MICROS,
      // CPU time per sample needs the profiler's context support.
      withContexts: true,
      collectCpuTime: true,
    });
    heap.start(HEAP_SAMPLING_INTERVAL_BYTES, HEAP_STACK_DEPTH);
    this.#since.cpu = this.#since.heap = new Date();
    // unref: profiling alone never keeps the process alive.
    this.#timer = setInterval(() => void this.#safeRound(), this.settings.flushIntervalMillis);
    this.#timer.unref();
  }

  /** A round from the timer: a profiler failure costs profiles (one warning), never the bot. */
  async #safeRound(): Promise<void> {
    try {
      await this.#round(true);
    } catch {
      this.health.record('profiles', { code: ExportResultCode.FAILED });
    }
  }

  /** Uploads what the profilers hold and stops them; idempotent. */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      clearInterval(this.#timer);
      const last = this.#round(false);
      heap.stop();
      await last;
    })();
    return this.#stopped;
  }

  /**
   * At most one upload of each kind is in flight. While Pyroscope is slow or down, a round
   * whose previous upload is still pending leaves its samples in the profiler, so the next
   * upload covers both periods: nothing is queued (an outage costs at most one pending
   * profile of each kind, uploads give up after 5 s) and the periods stay contiguous.
   * The last round, on stop, collects regardless.
   */
  #round(restart: boolean): Promise<void> {
    const until = new Date();
    const last = !restart;
    const sends: Promise<void>[] = [];
    if (last || !this.#inFlight.has('cpu')) {
      sends.push(this.#send('cpu', time.stop(restart), until, SAMPLE_RATE));
    }
    if (last || !this.#inFlight.has('heap')) {
      sends.push(this.#send('heap', heap.profile(), until));
    }
    return Promise.all(sends).then(() => undefined);
  }

  async #send(kind: Kind, profile: Profile, until: Date, sampleRate?: number): Promise<void> {
    const from = this.#since[kind];
    this.#since[kind] = until;
    this.#inFlight.add(kind);
    try {
      const body = await encode(profile);
      const result = await uploadProfile(this.settings.serverAddress, {
        name: this.name,
        body,
        from,
        until,
        ...(sampleRate === undefined ? {} : { sampleRate }),
      });
      this.health.record('profiles', result);
    } finally {
      this.#inFlight.delete(kind);
    }
  }
}
