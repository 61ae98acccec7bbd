import { NO_FAILURES } from '@roboshpee/discord-double';
import { Events } from 'discord.js';
import { describe, expect } from 'vitest';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { addRoleToNewcomer, memberWhere, replyOf, roleId, test } from './bot-fixture.js';

const EPHEMERAL = 64;
const ADMIN_FIX =
  'Discord refused: I lack the permission to change that role. A server admin can fix it in Server Settings > Roles: give my role the Manage Roles permission and drag it above the game roles.';

describe('the interaction handler turns Discord failures into replies and keeps running', () => {
  test('GIVEN Discord answers 50013 (role moved above the bot) THEN the admin is told what to fix', async ({
    discord: { double, logs },
  }) => {
    double.setFailures({ ...NO_FAILURES, hierarchyDriftRate: 1, hierarchyDriftMs: 10_000 });
    const { role: valheim, userId, result } = await addRoleToNewcomer(double, 'Valheim');

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: ADMIN_FIX,
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    const put = double.calls.find((call) => call.method === 'PUT');
    expect(put?.status).toBe(403);
    expect(double.guild.member(userId)?.roles).not.toContain(valheim);
    await expect.poll(() => logs.find(isInteractionLine)).toMatchObject({ outcome: 'forbidden' });
    expect(
      logs.find((r) => r.level === 40 && String(r.msg).includes('missing permissions')),
    ).toMatchObject({
      error: { type: 'DiscordAPIError', code: 50013, status: 403, method: 'PUT' },
    });
  });

  test('GIVEN Discord answers 5xx to every try THEN a retry-later reply, outcome error', async ({
    discord: { double, logs },
  }) => {
    double.setFailures({ ...NO_FAILURES, serverErrorRate: 1 });
    const {
      role: valheim,
      userId,
      result,
    } = await addRoleToNewcomer(double, 'Valheim', {
      timeoutMs: 10_000,
    });

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: 'Something went wrong. Please try again in a moment.',
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    // discord.js tries once and retries 5xx three times before giving up.
    const statuses = double.calls
      .filter((call) => call.method === 'PUT')
      .map((call) => call.status);
    expect(statuses).toHaveLength(4);
    expect(statuses.every((status) => status >= 500)).toBe(true);
    expect(double.guild.member(userId)?.roles).not.toContain(valheim);
    await expect.poll(() => logs.find(isInteractionLine)).toMatchObject({ outcome: 'error' });
  });

  test('GIVEN a malformed /role add without its required name THEN an apology, and the bot keeps serving', async ({
    discord: { double, logs },
  }) => {
    const malformed = await double.sendInteraction({ command: 'role', subcommand: 'add' });
    expect(replyOf(malformed.callback)).toEqual({
      type: 4,
      content: 'Something went wrong. Please try again in a moment.',
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    expect(logs.find((r) => r.msg === 'command failed')).toMatchObject({ level: 50 });
    const next = await double.sendInteraction({ command: 'role', subcommand: 'list' });
    expect(replyOf(next.callback).content).toMatch(/^Roles:/);
  });

  test('GIVEN a command this version does not know THEN an apology, and the next command still works', async ({
    discord: { double },
  }) => {
    const stale = await double.sendInteraction({ command: 'ping' });
    expect(replyOf(stale.callback)).toEqual({
      type: 4,
      content: 'This command is not available in this version of RoboShpee.',
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    const next = await double.sendInteraction({ command: 'help' });
    expect(replyOf(next.callback).type).toBe(4);
  });

  test('GIVEN the discord.js client emits an error THEN it is logged and the bot keeps serving', async ({
    discord: { double, client, logs },
  }) => {
    // An `error` event without a listener would be thrown and end the process.
    client.emit(Events.Error, new Error('socket hang up'));
    expect(logs.find((r) => r.msg === 'Discord client error')).toMatchObject({
      level: 50,
      error: { message: 'socket hang up' },
    });
    const next = await double.sendInteraction({ command: 'help' });
    expect(replyOf(next.callback).type).toBe(4);
  });

  test('GIVEN interactions THEN one info line each with outcome and duration, and no token in any log', async ({
    discord: { double, logs, rawLogs },
  }) => {
    await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      options: { name: 'Elden Ring' },
    });
    await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      options: { name: 'va' },
      autocomplete: true,
    });
    await expect.poll(() => logs.filter(isInteractionLine)).toHaveLength(2);
    const [command, autocomplete] = logs.filter(isInteractionLine);
    expect(command).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^\/role add rejected in \d+ ms$/),
      type: 'command',
      command: '/role add',
      outcome: 'rejected',
    });
    expect(autocomplete).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^\/role add autocomplete ok in \d+ ms$/),
      type: 'autocomplete',
      command: '/role add',
      outcome: 'ok',
    });
    expect(command?.durationMs).toBeTypeOf('number');
    for (const record of logs) expect(JSON.stringify(record)).not.toMatch(/\b\d{17,20}\b.*user/);
    expect(rawLogs()).not.toContain(double.token);
    expect(rawLogs()).not.toContain(double.token.split('.')[2]);
  });
});

describe('a slow command is deferred, not dropped', () => {
  // A threshold far from both the role change's delay and Discord's 3 s, so that a loaded
  // machine moves no timing across a boundary.
  test.override({ setup: { deferAfterMs: 200 } });

  test('GIVEN a role change slower than the threshold THEN the reply is deferred, then edited in', async ({
    discord: { double },
  }) => {
    double.setFailures({ ...NO_FAILURES, slowRate: 1, slowDelayMs: [1200, 1200] });
    const {
      role: valheim,
      userId,
      result,
    } = await addRoleToNewcomer(double, 'Valheim', { timeoutMs: 10_000 });

    expect(result.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(result.deferredReply).toMatchObject({
      content: 'Added "Valheim"',
      allowed_mentions: { parse: [] },
    });
    expect(double.guild.member(userId)?.roles).toContain(valheim);
  });

  test('GIVEN a quick command THEN it is answered directly, not deferred', async ({
    discord: { double },
  }) => {
    const { result } = await addRoleToNewcomer(double, 'Valheim');
    expect(replyOf(result.callback)).toMatchObject({ type: 4, content: 'Added "Valheim"' });
  });
});

describe('a deferral Discord refuses does not abandon the command', () => {
  // Discord's window closes (50 ms) before the deferral is sent (200 ms), so it fails.
  test.override({ setup: { deferAfterMs: 200, double: { callbackDeadlineMs: 50 } } });

  test('GIVEN the deferral fails and the command then fails THEN the bot waits for the command and logs its own error', async ({
    discord: { double, bot, logs },
  }) => {
    double.setFailures({
      ...NO_FAILURES,
      serverErrorRate: 1,
      slowRate: 1,
      slowDelayMs: [300, 300],
    });
    const valheim = roleId(double, 'Valheim');
    const userId = memberWhere(double, (roles) => !roles.includes(valheim));
    const answer = double.sendInteraction(
      { command: 'role', subcommand: 'add', options: { name: 'Valheim' }, userId },
      { timeoutMs: 1000 },
    );
    await expect(answer).rejects.toThrow(/no interaction callback/);

    await expect.poll(() => bot.inFlight(), { timeout: 10_000 }).toBe(0);
    // In flight until discord.js gave up: the first try and three retries, all answered 5xx.
    const puts = double.calls.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.status >= 500)).toEqual([true, true, true, true]);
    expect(logs.find((r) => r.msg === 'could not defer a slow command')).toMatchObject({
      level: 40,
      error: { code: 10062 },
    });
    expect(logs.find((r) => r.msg === 'command failed')).toMatchObject({
      level: 50,
      error: { type: 'HTTPError' },
    });
    expect(logs.find((r) => r.msg === 'interaction could not be answered')).toMatchObject({
      level: 40,
      error: { code: 10062 },
    });
    expect(double.guild.member(userId)?.roles).not.toContain(valheim);
  });
});
