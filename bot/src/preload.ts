/**
 * Loaded before the app (`node --import ./bot/dist/preload.js bot/dist/main.js`):
 * starts OpenTelemetry so that the app only ever uses `@opentelemetry/api`. The bot's
 * main.ts flushes it on shutdown with `shutdownTelemetry()` from `./telemetry/lifecycle.js`.
 * No module is patched (no loader hook): the logger writes trace ids and log records
 * itself, and undici is observed through diagnostics_channel.
 */
import { loadOrExit } from './config/exit-on-config-error.js';
import { loadTelemetryConfig } from './config/telemetry-config.js';
import { registerTelemetry } from './telemetry/lifecycle.js';
import { createLogger } from './telemetry/logger.js';
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
  const log = new TelemetryLog(config.sdk.endpoints);
  const telemetry = startTelemetry({ settings: config.sdk, reporter: log });
  registerTelemetry(telemetry);
  for (const problem of telemetry.problems) log.problem(problem);

  const writer = createLogger('telemetry');
  writer.level = config.sdk.logLevel;
  log.attach(writer);
}
