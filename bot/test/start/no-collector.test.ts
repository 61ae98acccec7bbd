import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { DemoBot } from '../../../harness/bot/demo-bot.js';

const ROLE_ADD = { command: 'role', subcommand: 'add', options: { name: 'Valheim' } } as const;

/** A port nothing listens on: taken from the system, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

test('GIVEN no collector THEN the bot says so once, as information with the way out, and its exit counts what was not delivered', async () => {
  const endpoint = `http://127.0.0.1:${await closedPort()}`;
  const bot = await DemoBot.start({
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    OTEL_METRIC_EXPORT_INTERVAL: '500',
  });
  const start = bot.lines.find((line) => typeof line.health === 'string');
  expect(start?.msg).toMatch(
    new RegExp(
      `^RoboShpee starting in demo mode .*, demo control API http://127\\.0\\.0\\.1:\\d+/_demo; health http://127\\.0\\.0\\.1:\\d+/readyz; telemetry to OTLP ${endpoint}/$`,
    ),
  );
  for (let round = 0; round < 3; round += 1) await bot.interact(ROLE_ADD);
  await expect
    .poll(() => bot.linesWith('no collector answers at'), { timeout: 15_000 })
    .toHaveLength(1);
  // Every signal keeps failing meanwhile: still the one line, and no warning.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(bot.linesWith('no collector answers at')).toEqual([
    expect.objectContaining({
      level: 30,
      msg: expect.stringContaining('start the stack (docker compose up -d --wait)'),
    }),
  ]);
  expect(bot.lines.filter((line) => Number(line.level) >= 40)).toEqual([]);

  expect(await bot.stop('SIGTERM')).toBe(0);
  const summary = bot.linesWith('stopped; telemetry not delivered:');
  expect(summary).toHaveLength(1);
  const undelivered = summary[0]?.undelivered as Record<string, number>;
  // Three commands make at least six spans; metrics were exported at least twice.
  expect(undelivered.spans).toBeGreaterThanOrEqual(6);
  expect(undelivered.metricExports).toBeGreaterThanOrEqual(2);
  expect(undelivered.logRecords).toBe(0);
  expect(summary[0]?.msg).toBe(
    `stopped; telemetry not delivered: spans ${undelivered.spans}, metric exports ${undelivered.metricExports}, log records 0`,
  );
}, 60_000);
