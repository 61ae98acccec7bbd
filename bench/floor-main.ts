/**
 * The floor's process (started by floor-process.ts with the bot's own preload, so that the
 * SDK is the bot's): runs the per-command telemetry of floor-telemetry.ts at the rate the
 * bench asks for over IPC, with no bot around it, and flushes on SIGTERM as the bot does.
 * With OTEL_SDK_DISABLED the same loop costs what the floor pays without telemetry (the
 * pacing loop, the process itself); the bench subtracts it.
 */
import { shutdownTelemetry } from '../bot/src/telemetry/lifecycle.js';
import { floorTelemetry } from './floor-telemetry.js';

export interface FloorRequest {
  readonly total: number;
  readonly perSecond: number;
}

/** How often the paced loop wakes up: the bot, too, serves commands in bursts. */
const TICK_MS = 5;

const telemetry = floorTelemetry();

async function paced({ total, perSecond }: FloorRequest): Promise<void> {
  const began = performance.now();
  let done = 0;
  while (done < total) {
    const due = Math.min(total, Math.ceil(((performance.now() - began) / 1000) * perSecond));
    for (; done < due; done += 1) telemetry.command();
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
}

process.on('message', (request: FloorRequest) => {
  paced(request).then(
    () => process.send?.({ done: true }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
process.once('SIGTERM', () => {
  // 'not-running': the same loop with OTEL_SDK_DISABLED, the floor's own baseline.
  void shutdownTelemetry().then((result) =>
    process.exit(result === 'flushed' || result === 'not-running' ? 0 : 1),
  );
});
process.send?.({ ready: true });
