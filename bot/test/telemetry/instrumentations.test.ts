import { Module } from 'node:module';
import { expect, test } from 'vitest';
import { startInMemoryTelemetry } from '../../../harness/bot/in-memory-telemetry.js';

test('WHEN telemetry starts THEN require and getBuiltinModule are not hooked (no instrumentation patches a module)', async () => {
  const { require } = Module.prototype;
  const { getBuiltinModule } = process;
  const otel = startInMemoryTelemetry();
  try {
    expect(Module.prototype.require).toBe(require);
    expect(process.getBuiltinModule).toBe(getBuiltinModule);
  } finally {
    await otel.stop();
  }
});
