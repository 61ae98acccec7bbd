import { describe, expect, test } from 'vitest';
import { loadBotConfig } from '../../bot/src/config/bot-config.js';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

const bot = serviceNamed(loadCompose(), 'bot');
/** The bot's settings as compose hands them over (no .env). */
const config = loadBotConfig(
  Object.fromEntries(Object.entries(bot.environment).filter(([, value]) => value !== undefined)),
);

describe(`${COMPOSE_FILE}: services.bot`, () => {
  test("its healthcheck asks /readyz on the port the bot's health endpoint listens on", () => {
    const script = (bot.healthcheck?.test as string[] | undefined)?.join(' ') ?? '';
    expect(script).toContain(`/dev/tcp/127.0.0.1/${config.health.port}`);
    expect(script).toContain('GET /readyz');
    // Inside the container only: loopback is enough, and nothing publishes it.
    expect(config.health.host).toBe('127.0.0.1');
    expect(bot.ports.map((port) => port.target)).not.toContain(config.health.port);
  });

  test("its stop grace period outlasts the bot's own shutdown budget, so compose never kills a flush", () => {
    expect(
      (bot.stopGracePeriodSeconds ?? 0) * 1000,
      `${COMPOSE_FILE}: services.bot.stop_grace_period`,
    ).toBeGreaterThan(config.shutdownTimeoutMs);
  });
});
