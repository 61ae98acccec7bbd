/**
 * Loaded before the app (`node --import ./bot/dist/preload.js bot/dist/main.js`):
 * starts OpenTelemetry so that the app only ever uses `@opentelemetry/api`. The bot's
 * main.ts flushes it on shutdown with `shutdownTelemetry()` from `./telemetry/lifecycle.js`.
 *
 * Order matters. The ESM loader hook must be registered, and the pino instrumentation
 * created, before pino is first imported, or pino stays unpatched (no trace ids, no log
 * records). Hence no static import of pino, or of a module that imports it (the logger,
 * main.ts), here: static imports are evaluated before this module's body.
 */
import { register } from 'node:module';
import { loadOrExit } from './config/exit-on-config-error.js';
import { loadTelemetryConfig } from './config/telemetry-config.js';
import { registerTelemetry } from './telemetry/lifecycle.js';
import { configurePrivacy } from './telemetry/privacy.js';
import { startTelemetry } from './telemetry-sdk/sdk.js';
import { TelemetryLog } from './telemetry-sdk/telemetry-log.js';

// The environment is read here, once; the app's own settings are main.ts's.
const config = loadOrExit(
  () => loadTelemetryConfig(process.env),
  'invalid telemetry configuration',
);
configurePrivacy(config.privacy);

if (config.sdk !== undefined) {
  // Only pino needs patching at load time (undici is observed via diagnostics_channel);
  // leaving every other module unwrapped keeps startup fast.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
    data: { include: ['pino'] },
  });
  const log = new TelemetryLog(config.sdk.endpoints);
  const telemetry = startTelemetry({ settings: config.sdk, reporter: log });
  registerTelemetry(telemetry);
  for (const problem of telemetry.problems) log.problem(problem);

  const { pino } = await import('pino');
  log.attach(pino({ name: 'telemetry', level: config.sdk.logLevel }));
}
