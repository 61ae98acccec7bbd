/**
 * Loaded before the app (`node --import ./bot/dist/telemetry/preload.js bot/dist/main.js`):
 * starts OpenTelemetry so that the app only ever uses `@opentelemetry/api`. The bot's
 * main.ts flushes it on shutdown with `shutdownTelemetry()` from `./lifecycle.js`.
 *
 * Order matters. The ESM loader hook must be registered, and the pino instrumentation
 * created, before pino is first imported, or pino stays unpatched (no trace ids, no log
 * records). Hence no static import of pino, or of a module that imports it (the logger,
 * main.ts), here: static imports are evaluated before this module's body.
 */
import { register } from 'node:module';
import { getBooleanFromEnv } from '@opentelemetry/core';
import { registerTelemetry } from './telemetry/lifecycle.js';
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
  // Only pino needs patching at load time (undici is observed via diagnostics_channel);
  // leaving every other module unwrapped keeps startup fast.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
    data: { include: ['pino'] },
  });
  const log = new TelemetryLog();
  const telemetry = startTelemetry({ reporter: log });
  registerTelemetry(telemetry);
  for (const problem of telemetry.problems) log.problem(problem);

  const { pino } = await import('pino');
  const level = process.env.LOG_LEVEL ?? 'info';
  log.attach(pino({ name: 'telemetry', level: level in pino.levels.values ? level : 'info' }));
}
