/**
 * Loaded before the app (`node --import ./bot/dist/telemetry/preload.js bot/dist/main.js`):
 * starts OpenTelemetry so that the app only ever uses `@opentelemetry/api`. The bot's
 * main.ts flushes it on shutdown with `shutdownTelemetry()` from `./lifecycle.js`.
 * No module is patched (no loader hook): the logger writes trace ids and log records
 * itself, and undici is observed through diagnostics_channel.
 */
import { getBooleanFromEnv } from '@opentelemetry/core';
import { registerTelemetry } from './telemetry/lifecycle.js';
import { createLogger } from './telemetry/logger.js';
import { readExportSettings } from './telemetry-sdk/export-settings.js';
import { readProfilingSettings } from './telemetry-sdk/profiling/profiling-settings.js';
import { startTelemetry } from './telemetry-sdk/sdk.js';
import { readTelemetrySettings, TelemetrySettingsError } from './telemetry-sdk/settings.js';
import { TelemetryLog } from './telemetry-sdk/telemetry-log.js';

const disabled = getBooleanFromEnv('OTEL_SDK_DISABLED');
try {
  // ROBOSHPEE_USER_IDS applies to log lines even without the SDK: checked either way.
  const { profiling } = readTelemetrySettings();
  if (!disabled) readExportSettings();
  if (!disabled && profiling) readProfilingSettings();
} catch (error) {
  if (!(error instanceof TelemetrySettingsError)) throw error;
  // One line and exit status 1, like the bot's own configuration errors.
  process.stderr.write(`roboshpee: ${error.message}\n`);
  process.exit(1);
}

if (!disabled) {
  const log = new TelemetryLog();
  const telemetry = startTelemetry({ reporter: log });
  registerTelemetry(telemetry);
  for (const problem of telemetry.problems) log.problem(problem);

  const writer = createLogger('telemetry');
  const level = process.env.LOG_LEVEL ?? 'info';
  if (level in writer.levels.values) writer.level = level;
  log.attach(writer);
}
