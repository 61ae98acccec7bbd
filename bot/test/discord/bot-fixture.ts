import { Writable } from 'node:stream';
import {
  type DiscordDouble,
  type DiscordDoubleOptions,
  startDiscordDouble,
} from '@roboshpee/discord-double';
import type { Client } from 'discord.js';
import { pino } from 'pino';
import { test as base } from 'vitest';
import { demoGuild } from '../../src/demo/index.js';
import { type RunningBot, startBot } from '../../src/runtime/bot.js';
import { createDiscordClient } from '../../src/runtime/client.js';

export const GAME_COLOR = 0x206694;

export interface BotUnderTest {
  readonly double: DiscordDouble;
  readonly bot: RunningBot;
  /** The bot's discord.js client. */
  readonly client: Client;
  /** Every log record the bot wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** All log output as written, to search for secrets. */
  readonly rawLogs: () => string;
}

/** What a test may change about the bot under test; everything else is as in production. */
export interface BotSetup {
  readonly double?: DiscordDoubleOptions;
  /** How long a command may take before its reply is deferred; default as in production. */
  readonly deferAfterMs?: number;
  /** The discord.js client; default the bot's own `createDiscordClient`. */
  readonly createClient?: (apiUrl: string) => Client;
}

/**
 * The real discord.js client and the bot's handlers, logged in to the demo's Discord double
 * on loopback with failures off. Fresh per test: commands change the guild. A suite changes
 * the setup with `test.override({ setup: { ... } })`.
 */
export const test = base.extend<{ setup: BotSetup; discord: BotUnderTest }>({
  setup: {},
  discord: async ({ setup }, use) => {
    const double = await startDiscordDouble({
      ...demoGuild(),
      failures: false,
      recordCalls: true,
      ...setup.double,
    });
    let raw = '';
    const logs: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw += chunk.toString();
        for (const line of chunk.toString().split('\n').filter(Boolean))
          logs.push(JSON.parse(line));
        done();
      },
    });
    const logger = pino({ level: 'debug' }, sink);
    const client = (setup.createClient ?? createDiscordClient)(double.apiUrl);
    const bot = await startBot(
      {
        client,
        roleColor: GAME_COLOR,
        logger,
        ...(setup.deferAfterMs === undefined ? {} : { deferAfterMs: setup.deferAfterMs }),
      },
      double.token,
    );
    double.clearCalls();
    await use({ double, bot, client, logs, rawLogs: () => raw });
    await bot.stop();
    await double.close();
  },
});

/** The double's role id for a name in the demo guild. */
export function roleId(double: DiscordDouble, name: string): string {
  const role = double.guild.roleByName(name);
  if (!role) throw new Error(`no role '${name}' in the demo guild`);
  return role.id;
}

/** A member of the demo guild chosen by a predicate on their role ids. */
export function memberWhere(
  double: DiscordDouble,
  predicate: (roles: readonly string[]) => boolean,
): string {
  const member = double.guild
    .members()
    .find(
      (m) =>
        m.user.id !== double.botUserId &&
        m.user.id !== double.fixture.ownerId &&
        predicate(m.roles),
    );
  if (!member) throw new Error('no such member in the demo guild');
  return member.user.id;
}

export interface SentReply {
  readonly type: unknown;
  readonly content: unknown;
  /** 64 when only the caller sees it. */
  readonly flags: unknown;
  readonly allowed_mentions: unknown;
}

/** The parts of an interaction callback (or a deferred reply) that these tests are about. */
export function replyOf(callback: unknown): SentReply {
  const { type, data } = callback as { type: unknown; data?: Record<string, unknown> };
  return {
    type,
    content: data?.content,
    flags: data?.flags,
    allowed_mentions: data?.allowed_mentions,
  };
}

/**
 * `/role add <name>` from a member who lacks the role (typed as `typed`, default the exact
 * name); what the bot answered, and to whom.
 */
export async function addRoleToNewcomer(
  double: DiscordDouble,
  name: string,
  { typed = name, ...options }: { readonly timeoutMs?: number; readonly typed?: string } = {},
) {
  const role = roleId(double, name);
  const userId = memberWhere(double, (roles) => !roles.includes(role));
  const result = await double.sendInteraction(
    { command: 'role', subcommand: 'add', options: { name: typed }, userId },
    options,
  );
  return { role, userId, result };
}
