import { Client, type DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, vi } from 'vitest';
import { type DiscordDouble, startDiscordDouble } from '../src/index.js';
import { test } from './client-fixture.js';
import { postInteraction as post } from './control-request.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

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
});

describe('user options', () => {
  test.override('guild', { commands: { userOptions: { age: ['user'] } } });

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
      {
        command: 'role',
        subcommand: 'add',
        options: { name: 'r' },
        autocomplete: true,
        focused: 'name',
      },
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

  test('a route the double does not serve fails the client at once, naming it, with one log line', async ({
    client,
    double,
  }) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const guild = client.guilds.cache.get(double.guildId);
      const error = await guild?.bans.fetch().catch((e: unknown) => e);

      const path = `/api/v10/guilds/${double.guildId}/bans`;
      expect(error).toMatchObject({
        status: 404,
        code: 0,
        message: `404: Not Found: the Discord double does not serve GET ${path} (its README lists what it serves)`,
      });
      expect(warn.mock.calls).toEqual([
        [`Discord double: GET ${path} is not served {"method":"GET","path":"${path}"}`],
      ]);
      expect(double.calls.at(-1)).toMatchObject({ method: 'GET', path, status: 404 });
    } finally {
      warn.mockRestore();
    }
  });

  test('the log line and the answer carry no token', async () => {
    const warnings: [object, string][] = [];
    const double = await startDiscordDouble({
      logger: { info: () => {}, warn: (fields, message) => warnings.push([fields, message]) },
    });
    try {
      const token = 'a'.repeat(60);
      const response = await fetch(`${double.apiUrl}/v10/channels/1/webhooks/${token}`, {
        headers: { authorization: `Bot ${double.token}` },
      });
      const path = '/api/v10/channels/1/webhooks/:token';
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        message: `404: Not Found: the Discord double does not serve GET ${path} (its README lists what it serves)`,
        code: 0,
      });
      expect(warnings).toEqual([
        [{ method: 'GET', path }, `Discord double: GET ${path} is not served`],
      ]);
    } finally {
      await double.close();
    }
  });

  test('a served path with another method is 405, naming what it serves', async ({ double }) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const response = await fetch(`${double.apiUrl}/v10/gateway/bot`, { method: 'DELETE' });
      expect(response.status).toBe(405);
      expect(await response.json()).toEqual({
        message:
          '405: Method Not Allowed: the Discord double does not serve DELETE /api/v10/gateway/bot; it serves GET there (its README lists what it serves)',
        code: 0,
      });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  test('a path outside the API version it serves is answered the same way', async ({ double }) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const response = await fetch(`${double.apiUrl}/v9/gateway/bot`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toContain(
        'does not serve GET /api/v9/gateway/bot',
      );
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('faults on demand: POST /_demo/interactions with "fault"', () => {
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
