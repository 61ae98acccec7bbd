import { type DiscordDouble, startDiscordDouble } from '@roboshpee/discord-double';
import { Client, type DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, vi } from 'vitest';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { messages } from '../../src/core/messages.js';
import { demoGuild } from '../../src/demo/index.js';
import {
  addRoleToNewcomer,
  test as botTest,
  memberWhere,
  replyOf,
  roleId,
} from '../discord/bot-fixture.js';
import { test } from './client-fixture.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

async function post(
  double: DiscordDouble,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${double.baseUrl}/_demo/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A client whose REST calls carry a W3C traceparent, as the OpenTelemetry undici instrumentation adds. */
async function tracedClient(double: DiscordDouble): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    rest: {
      api: double.apiUrl,
      makeRequest: (url, init) => {
        const headers = new Headers(init.headers as Record<string, string>);
        headers.set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-01`);
        return fetch(url, { ...(init as unknown as RequestInit), headers });
      },
    },
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(double.token);
  return ready;
}

describe('the control API of the Discord double', () => {
  test('GET /_demo/healthz says whether a bot is connected', async ({ double }) => {
    const before = await (await fetch(`${double.baseUrl}/_demo/healthz`)).json();
    expect(before).toEqual({
      status: 'ok',
      guildId: double.guildId,
      botConnected: false,
      gatewaySessions: 0,
    });
    const client = await tracedClient(double);
    try {
      const after = await (await fetch(`${double.baseUrl}/_demo/healthz`)).json();
      expect(after).toMatchObject({ botConnected: true, gatewaySessions: 1 });
    } finally {
      await client.destroy();
    }
  });

  test('POST /_demo/interactions answers the callback and the trace id of its traceparent', async ({
    double,
  }) => {
    const client = await tracedClient(double);
    try {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (interaction.isChatInputCommand()) {
          await interaction.reply({
            content: `Added "${interaction.options.getString('name')}"`,
            allowedMentions: { parse: [] },
          });
        }
      });
      const { status, json } = await post(double, {
        command: 'role',
        subcommand: 'add',
        options: { name: 'Valheim' },
      });
      expect(status).toBe(200);
      expect(json.traceId).toBe(TRACE_ID);
      expect(json.callback).toEqual({
        type: 4,
        data: {
          content: 'Added "Valheim"',
          allowed_mentions: { parse: [] },
          tts: false,
          enforce_nonce: false,
        },
      });
      expect(double.calls.at(-1)?.headers.traceparent).toBe(`00-${TRACE_ID}-00f067aa0ba902b7-01`);
    } finally {
      await client.destroy();
    }
  });

  test('answers 504 with a clear JSON error when the bot does not answer in time', async ({
    client,
    double,
  }) => {
    expect(client.isReady()).toBe(true);
    const { status, json } = await post(double, { command: 'help', timeoutMs: 150 });
    expect(status).toBe(504);
    expect(json).toMatchObject({
      error: 'callback_timeout',
      message: 'no interaction callback from the bot within 150 ms',
    });
    expect(json.interactionId).toMatch(/^\d{17,20}$/);
  });

  test('answers 503 when no bot is connected', async ({ double }) => {
    const { status, json } = await post(double, { command: 'help' });
    expect(status).toBe(503);
    expect(json.error).toBe('bot_not_connected');
  });

  test.for([
    [{}, 'command'],
    [{ command: '' }, 'command'],
    [{ command: 'role', options: { name: { nested: true } } }, 'options'],
    [{ command: 'age', userId: 'not-a-snowflake' }, 'userId'],
    [{ command: 'help', extra: 1 }, 'extra'],
  ] as const)('rejects %j with 400 naming %s', async ([body, field], { double }) => {
    const { status, json } = await post(double, body);
    expect(status).toBe(400);
    expect(json.error).toBe('invalid_request');
    expect(String(json.message)).toContain(field);
  });

  test('rejects a user option that names nobody in the guild', async ({ client, double }) => {
    expect(client.isReady()).toBe(true);
    const { status, json } = await post(double, {
      command: 'age',
      options: { user: '123456789012345678' },
    });
    expect(status).toBe(400);
    expect(json.message).toBe("option 'user': no member with id 123456789012345678");
  });
});

describe('interaction answers as Discord checks them', () => {
  test('a deferred reply resolves with the edit of the original message', async ({
    client,
    double,
  }) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'done later', allowedMentions: { parse: [] } });
    });
    const result = await double.sendInteraction({ command: 'role', subcommand: 'list' });
    expect(result.callback).toMatchObject({ type: 5 });
    expect(result.deferredReply).toMatchObject({
      content: 'done later',
      allowed_mentions: { parse: [] },
    });
    const edit = double.calls.find((c) => c.method === 'PATCH');
    expect(edit?.path).toMatch(
      new RegExp(`^/api/v10/webhooks/${double.applicationId}/[^/]+/messages/@original$`),
    );
    expect(edit?.status).toBe(200);
  });

  test('a reply the bot gives a second time is 40060', async ({ client, double }) => {
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'one' });
      // Bypass discord.js's own guard to send the same callback again, as a buggy bot might.
      await client.rest
        .post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
          body: { type: 4, data: { content: 'two' } },
          auth: false,
        })
        .catch((e: unknown) => errors.push(e));
    });
    await double.sendInteraction({ command: 'help' });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect((errors[0] as DiscordAPIError).code).toBe(40060);
  });

  test('more than 25 autocomplete choices are refused with 50035', async ({ client, double }) => {
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const choices = Array.from({ length: 26 }, (_, i) => ({ name: `r${i}`, value: `r${i}` }));
      await interaction.respond(choices).catch((e: unknown) => errors.push(e));
    });
    const wait = double.sendInteraction(
      { command: 'role', subcommand: 'add', options: { name: 'r' }, autocomplete: true },
      { timeoutMs: 500 },
    );
    await expect(wait).rejects.toThrow('no interaction callback from the bot within 500 ms');
    expect((errors[0] as DiscordAPIError).code).toBe(50035);
  });
});

describe('Discord deadlines', () => {
  test.override('doubleOptions', { failures: false, callbackDeadlineMs: 100 });

  test('a callback after the deadline is 10062 Unknown interaction', async ({ client, double }) => {
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await interaction.reply({ content: 'too late' }).catch((e: unknown) => errors.push(e));
    });
    await expect(double.sendInteraction({ command: 'help' }, { timeoutMs: 600 })).rejects.toThrow(
      'within 600 ms',
    );
    expect((errors[0] as DiscordAPIError).code).toBe(10062);
  });
});

describe('authentication and unknown routes', () => {
  test('bot routes without the bot token are 401 in Discord JSON', async ({ double }) => {
    const response = await fetch(`${double.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: 'Bot wrong' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });

  test('a client with the wrong token cannot log in', async ({ double }) => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: double.apiUrl },
    });
    try {
      await expect(client.login('not.the.token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(double.calls).toMatchObject([
        { method: 'GET', path: '/api/v10/gateway/bot', status: 401 },
      ]);
    } finally {
      await client.destroy();
    }
  });

  test('an unknown route is 404 in Discord JSON and logged without tokens', async () => {
    const warnings: [object, string][] = [];
    const double = await startDiscordDouble({
      ...demoGuild(),
      recordCalls: true,
      failures: false,
      logger: { info: () => {}, warn: (fields, message) => warnings.push([fields, message]) },
    });
    try {
      const token = 'a'.repeat(60);
      const response = await fetch(`${double.apiUrl}/v10/channels/1/webhooks/${token}`, {
        headers: { authorization: `Bot ${double.token}` },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
      expect(warnings).toEqual([
        [
          { method: 'GET', path: '/api/v10/channels/1/webhooks/:token' },
          'Discord double: unknown route',
        ],
      ]);
      expect(double.calls.at(-1)).toMatchObject({ method: 'GET', status: 404 });
    } finally {
      await double.close();
    }
  });

  test('a known path with the wrong method is 405', async ({ double }) => {
    const response = await fetch(`${double.apiUrl}/v10/gateway/bot`, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });
});

describe('faults on demand: POST /_demo/interactions with "fault" and the real bot', () => {
  const EPHEMERAL = 64;

  interface FaultCase {
    readonly fault: string;
    /** Statuses of the role PUTs, in order. */
    readonly puts: readonly number[];
    readonly faultedCalls: number;
    readonly reply: { readonly type: number; readonly content: string; readonly flags?: number };
    readonly outcome: string;
    readonly roleAdded: boolean;
  }

  const cases: readonly FaultCase[] = [
    {
      fault: 'forbidden',
      puts: [403],
      faultedCalls: 1,
      reply: { type: 4, content: messages.missingPermissions, flags: EPHEMERAL },
      outcome: 'forbidden',
      roleAdded: false,
    },
    {
      fault: 'server_error',
      // The first try and discord.js's three retries.
      puts: [503, 503, 503, 503],
      faultedCalls: 4,
      reply: { type: 4, content: messages.failed, flags: EPHEMERAL },
      outcome: 'error',
      roleAdded: false,
    },
    {
      fault: 'rate_limited',
      puts: [429, 204],
      faultedCalls: 1,
      reply: { type: 4, content: messages.added('Valheim') },
      outcome: 'ok',
      roleAdded: true,
    },
    {
      fault: 'slow',
      puts: [204],
      faultedCalls: 1,
      // Deferred (ephemeral "thinking..."), the answer edited in after the slow change.
      reply: { type: 5, content: messages.added('Valheim'), flags: EPHEMERAL },
      outcome: 'ok',
      roleAdded: true,
    },
  ];

  botTest.for(cases)(
    'GIVEN fault $fault WHEN a member adds Valheim THEN PUTs $puts and outcome $outcome',
    async (expected, { discord: { double, logs } }) => {
      const valheim = roleId(double, 'Valheim');
      const userId = memberWhere(double, (roles) => !roles.includes(valheim));
      const { status, json } = await post(double, {
        command: 'role',
        subcommand: 'add',
        options: { name: 'Valheim' },
        userId,
        fault: expected.fault,
        timeoutMs: 10_000,
      });

      expect(status).toBe(200);
      expect(json.faultedCalls).toBe(expected.faultedCalls);
      const callback = replyOf(json.callback);
      const words =
        json.deferredReply === undefined ? callback : replyOf({ data: json.deferredReply });
      expect({ type: callback.type, content: words.content, flags: callback.flags }).toEqual({
        flags: undefined,
        ...expected.reply,
      });
      expect(words.allowed_mentions).toEqual({ parse: [] });
      const puts = double.calls.filter((call) => call.method === 'PUT');
      expect(puts.map((call) => call.status)).toEqual(expected.puts);
      expect(double.guild.member(userId)?.roles.includes(valheim)).toBe(expected.roleAdded);
      await expect.poll(() => logs.find(isInteractionLine)?.outcome).toBe(expected.outcome);
    },
  );

  botTest(
    'a fault the command never meets is withdrawn, not left for the next command',
    async ({ discord: { double } }) => {
      const help = await post(double, { command: 'help', fault: 'forbidden' });
      expect(help.status).toBe(200);
      expect(help.json.faultedCalls).toBe(0);

      const { result } = await addRoleToNewcomer(double, 'Valheim');
      expect(replyOf(result.callback).content).toBe(messages.added('Valheim'));
      expect(double.calls.filter((call) => call.injected !== undefined)).toEqual([]);
    },
  );

  test.for([
    [{ command: 'help', fault: 'meteor' }, 'fault'],
    [
      {
        command: 'role',
        subcommand: 'add',
        options: { name: 'V' },
        autocomplete: true,
        fault: 'slow',
      },
      'fault',
    ],
  ] as const)('rejects %j with 400 naming %s', async ([body, field], { double }) => {
    const { status, json } = await post(double, body);
    expect(status).toBe(400);
    expect(json.error).toBe('invalid_request');
    expect(String(json.message)).toContain(field);
  });
});
