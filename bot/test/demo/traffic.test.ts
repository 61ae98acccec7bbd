import { SeededRandom } from '@roboshpee/discord-double';
import { Events } from 'discord.js';
import { describe, expect, test as plainTest } from 'vitest';
import { createGuildFixture, GAME_ROLE_COLOR } from '../../src/demo/fixture/guild-fixture.js';
import { startDemoTraffic } from '../../src/demo/index.js';
import {
  type GuildView,
  nextScenario,
  type TrafficStep,
} from '../../src/demo/traffic/scenarios.js';
import { test } from './client-fixture.js';

const fixture = createGuildFixture(1);
const guild: GuildView = {
  id: fixture.guildId,
  botUserId: fixture.botUser.id,
  roles: () => fixture.roles,
  members: () => fixture.members,
  botTopPosition: () => fixture.roles.find((r) => r.name === 'RoboShpee')?.position ?? 0,
};

function steps(count: number, seed = 7): TrafficStep[] {
  const random = new SeededRandom(seed);
  const out: TrafficStep[] = [];
  while (out.length < count) out.push(...nextScenario(random, guild));
  return out;
}

describe('demo traffic scenarios', () => {
  const sample = steps(4000);
  const share = (kind: TrafficStep['kind']) =>
    sample.filter((s) => s.kind === kind).length / sample.length;

  plainTest('mix autocomplete keystrokes with every command', () => {
    expect(share('autocomplete')).toBeGreaterThan(0.4);
    expect(share('autocomplete')).toBeLessThan(0.75);
    for (const kind of [
      'role add',
      'role remove',
      'role list',
      'role create',
      'age',
      'help',
    ] as const) {
      expect(share(kind), kind).toBeGreaterThan(0.01);
      expect(share(kind), kind).toBeLessThan(0.25);
    }
  });

  plainTest('type growing prefixes of the name the command then uses', () => {
    for (let i = 0; i < sample.length; i++) {
      const step = sample[i] as TrafficStep;
      if (step.kind !== 'role add' && step.kind !== 'role remove') continue;
      const name = String(step.request.options?.name);
      const typed: string[] = [];
      for (let j = i - 1; j >= 0 && sample[j]?.kind === 'autocomplete'; j--) {
        typed.unshift(String(sample[j]?.request.options?.name));
      }
      expect(typed.length).toBeGreaterThanOrEqual(1);
      expect(typed).toEqual(typed.map((_, k) => name.slice(0, k + 1)));
      expect(sample[i - 1]?.request.autocomplete).toBe(true);
      expect(sample[i - 1]?.request.subcommand).toBe(step.request.subcommand);
    }
  });

  plainTest('include the mistakes members make', () => {
    const mistakes = sample.filter((s) => s.mistake !== undefined);
    const names = (mistake: string) =>
      new Set(mistakes.filter((s) => s.mistake === mistake).map((s) => s.request.options?.name));
    const gameRoles = new Map(
      fixture.roles.filter((r) => r.color === GAME_ROLE_COLOR).map((r) => [r.name, r]),
    );
    expect(names('unknown role').size).toBeGreaterThanOrEqual(3);
    for (const name of names('unknown role')) expect(gameRoles.has(String(name))).toBe(false);
    expect([...names('unmanageable role')].sort()).toEqual(['Star Citizen', 'Twitch Subscriber']);
    expect(names('duplicate role').size).toBeGreaterThanOrEqual(1);
  });

  plainTest('are the same for the same seed', () => {
    expect(steps(200, 3)).toEqual(steps(200, 3));
    expect(steps(200, 3)).not.toEqual(steps(200, 4));
  });
});

describe('demo traffic against a real discord.js client', () => {
  test('sends the configured rate through the gateway, every interaction answered, and stops', async ({
    client,
    double,
  }) => {
    const received: string[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isAutocomplete()) {
        received.push('autocomplete');
        await interaction.respond([]);
      } else if (interaction.isChatInputCommand()) {
        received.push(
          [interaction.commandName, interaction.options.getSubcommand(false)]
            .filter(Boolean)
            .join(' '),
        );
        await interaction.reply({ content: 'ok' });
      }
    });
    const rate = 40;
    const started = performance.now();
    const traffic = startDemoTraffic(double, { ratePerSecond: rate, seed: 5 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await traffic.stop();
    const elapsed = (performance.now() - started) / 1000;
    const stats = traffic.stats();

    // One interaction every 25 ms: about 40 in the second, allowing for timer slack on a busy machine.
    expect(stats.sent).toBeGreaterThanOrEqual(Math.floor(rate * 0.75));
    expect(stats.sent).toBeLessThanOrEqual(Math.ceil(rate * elapsed) + 1);
    expect(stats.answered).toBe(stats.sent);
    expect(stats.unanswered).toBe(0);
    expect(received).toHaveLength(stats.sent);
    const counted = Object.entries(stats.byKind)
      .filter(([, n]) => n > 0)
      .map(([kind]) => kind);
    expect(new Set(received)).toEqual(new Set(counted));
    expect(stats.byKind.autocomplete).toBeGreaterThan(0);

    const after = received.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(after);
  });

  test('rate 0 sends nothing; an impossible rate is refused', async ({ double }) => {
    const traffic = startDemoTraffic(double, { ratePerSecond: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await traffic.stop();
    expect(traffic.stats().sent).toBe(0);
    expect(() => startDemoTraffic(double, { ratePerSecond: -1 })).toThrow(
      'ratePerSecond must be a number from 0 to 1000, got -1',
    );
    expect(() => startDemoTraffic(double, { ratePerSecond: Number.NaN })).toThrow('ratePerSecond');
  });

  test('keeps at most maxInFlight interactions waiting when the bot is silent', async ({
    client,
    double,
  }) => {
    expect(client.isReady()).toBe(true);
    const traffic = startDemoTraffic(double, {
      ratePerSecond: 100,
      maxInFlight: 3,
      timeoutMs: 150,
      limit: 30,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await traffic.stop();
    const stats = traffic.stats();
    expect(stats.sent).toBeGreaterThanOrEqual(3);
    expect(stats.answered).toBe(0);
    expect(stats.unanswered).toBe(stats.sent);
    expect(stats.skipped).toBeGreaterThan(0);
  });
});
