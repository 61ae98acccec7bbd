/**
 * The bot's handle on telemetry it did not start: the preload registers the running SDK
 * here, and `main.ts` awaits `shutdownTelemetry()` in its graceful shutdown, after the
 * Discord client is destroyed (so the last interactions' spans and logs are included) and
 * before the process exits.
 *
 * The handle lives on `globalThis` rather than in a module variable so that it is found
 * even if this module were loaded twice under different URLs.
 */

/** What failed exports held since the start, for the exit summary. */
export interface Undelivered {
  readonly spans: number;
  readonly metricExports: number;
  readonly logRecords: number;
}

export interface TelemetryLifecycle {
  /** Where OTLP goes (the traces' endpoint, without credentials), for the start line. */
  readonly endpoint: string;
  undelivered(): Undelivered;
  shutdown(): Promise<void>;
}

const KEY = Symbol.for('roboshpee.telemetry');
type Registry = { [KEY]?: TelemetryLifecycle };

export function registerTelemetry(lifecycle: TelemetryLifecycle): void {
  (globalThis as Registry)[KEY] = lifecycle;
}

/** The running SDK's endpoint and losses; undefined without it (OTEL_SDK_DISABLED=true). */
export function runningTelemetry(): Omit<TelemetryLifecycle, 'shutdown'> | undefined {
  return (globalThis as Registry)[KEY];
}

export type ShutdownResult = 'flushed' | 'timed-out' | 'not-running' | 'failed';

/**
 * Flushes traces, metrics and logs and stops exporting, waiting at most `timeoutMs`
 * (default 5 s; pass what is left of ROBOSHPEE_SHUTDOWN_TIMEOUT_MS). Never rejects:
 * shutdown must go on whether or not the backend answers.
 */
export async function shutdownTelemetry(timeoutMs = 5000): Promise<ShutdownResult> {
  const lifecycle = (globalThis as Registry)[KEY];
  if (lifecycle === undefined) return 'not-running';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ShutdownResult>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  const flushed = lifecycle.shutdown().then(
    (): ShutdownResult => 'flushed',
    (): ShutdownResult => 'failed',
  );
  try {
    return await Promise.race([flushed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
