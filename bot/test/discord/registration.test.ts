import { type DiscordDouble, startDiscordDouble } from '@roboshpee/discord-double';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commandDefinitions } from '../../src/commands/registry.js';
import { demoGuild } from '../../src/demo/index.js';
import { registerCommands } from '../../src/runtime/registration.js';

describe('registerCommands against the Discord double', () => {
  let double: DiscordDouble;
  let rest: REST;

  beforeEach(async () => {
    double = await startDiscordDouble({ ...demoGuild(), recordCalls: true, failures: false });
    rest = new REST({ api: double.apiUrl }).setToken(double.token);
  });
  afterEach(() => double.close());

  test('GIVEN a guild id THEN the commands are PUT guild-scoped', async () => {
    const registration = await registerCommands(rest, {
      applicationId: double.applicationId,
      guildId: double.guildId,
    });
    const route = `/applications/${double.applicationId}/guilds/${double.guildId}/commands`;
    expect(registration).toEqual({ scope: 'guild', route, commands: ['role', 'age', 'help'] });
    expect(double.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `PUT /api/v10${route}`,
    ]);
    expect(double.calls[0]?.body).toEqual(commandDefinitions());
  });

  test('GIVEN no guild and no application id THEN the id is looked up and the commands are PUT globally', async () => {
    const registration = await registerCommands(rest, {});
    const route = `/applications/${double.applicationId}/commands`;
    expect(registration.scope).toBe('global');
    expect(double.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/v10/applications/@me',
      `PUT /api/v10${route}`,
    ]);
  });
});
