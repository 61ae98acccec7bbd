/**
 * Loaded before the app (`node --import ./bot/dist/preload.js bot/dist/main.js`):
 * starts OpenTelemetry so that the app only ever uses `@opentelemetry/api`. The bot's
 * main.ts flushes it on shutdown with `shutdownTelemetry()` from `./telemetry/lifecycle.js`.
 * No module is patched (no loader hook): the logger writes trace ids and log records
 * itself, and undici is observed through diagnostics_channel.
 */
import { withDemoDefault } from './config/demo-default.js';
import { loadOrExit } from './config/exit-on-config-error.js';
import { loadTelemetryConfig } from './config/telemetry-config.js';
import { registerTelemetry } from './telemetry/lifecycle.js';
import { createLogger, useLogFormat } from './telemetry/logger.js';
import { configurePrivacy } from './telemetry/privacy.js';
import { startTelemetry } from './telemetry-sdk/sdk.js';
import { TelemetryLog, withoutCredentials } from './telemetry-sdk/telemetry-log.js';

// The environment is read here, once; the app's own settings are main.ts's.
const config = loadOrExit(() =>
  loadTelemetryConfig(withDemoDefault(process.env, process.argv.slice(2))),
);
configurePrivacy(config.privacy);
// Before the first line, which may be the telemetry's own.
useLogFormat(config.logFormat);

if (config.sdk !== undefined) {
  const log = new TelemetryLog(config.sdk.endpoints);
  const telemetry = startTelemetry({ settings: config.sdk, reporter: log });
  registerTelemetry({
    endpoint: withoutCredentials(config.sdk.endpoints.traces),
    undelivered: () => telemetry.undelivered(),
    shutdown: () => telemetry.shutdown(),
  });
  for (const problem of telemetry.problems) log.problem(problem);

  const writer = createLogger('telemetry');
  writer.level = config.sdk.logLevel;
  log.attach(writer);
}
