// The outsider bot's tests, run by `node --test` in a project that installed the packed
// @roboshpee/discord-double and discord.js from the registry (../outsider.test.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { DISCORD_ERRORS, startDiscordDouble } from '@roboshpee/discord-double';
import { Events } from 'discord.js';
import { createBot } from './bot.js';

let double;
let client;

beforeEach(async () => {
  double = await startDiscordDouble({
    recordCalls: true,
    commands: { userOptions: { whois: ['user'] }, autocompleteOptions: { 'role-me': 'role' } },
  });
  client = createBot({ api: double.apiUrl });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(double.token);
  await ready;
});

afterEach(async () => {
  await client.destroy();
  await double.close();
});

const memberNamed = (username) =>
  double.guild.members().find((member) => member.user.username === username).user.id;

test('/greet with a string and an integer option', async () => {
  const { callback } = await double.sendInteraction({
    command: 'greet',
    options: { name: 'Ann', times: 2 },
  });
  assert.equal(callback.type, 4);
  assert.equal(callback.data.content, 'Hello, Ann! Hello, Ann!');
});

test('/whois with a user option resolves the member', async () => {
  const { callback } = await double.sendInteraction({
    command: 'whois',
    options: { user: memberNamed('bob') },
  });
  assert.equal(callback.data.content, 'bob joined on 2020-01-13');
});

test('/report defers, then edits its answer in', async () => {
  const { callback, deferredReply } = await double.sendInteraction({ command: 'report' });
  assert.equal(callback.type, 5);
  assert.equal(deferredReply.content, `${double.fixture.members.length} members`);
});

test('/role-me gives the member the role, in the double and in the client cache', async () => {
  const bob = memberNamed('bob');
  const role = double.guild.roleByName('Member');
  const { callback } = await double.sendInteraction({
    command: 'role-me',
    options: { role: 'Member' },
    userId: bob,
  });
  assert.equal(callback.data.content, 'You now have Member');
  assert.ok(double.guild.member(bob).roles.includes(role.id));
  const put = double.calls.find((call) => call.method === 'PUT');
  assert.equal(put.path, `/api/v10/guilds/${double.guildId}/members/${bob}/roles/${role.id}`);
  // GUILD_MEMBER_UPDATE follows the change over the gateway, as Discord sends it.
  const cached = () => client.guilds.cache.get(double.guildId).members.cache.get(bob);
  for (let tries = 0; !cached().roles.cache.has(role.id) && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.ok(cached().roles.cache.has(role.id));
});

test('an injected 50013 reaches the member as a refusal and changes nothing', async () => {
  const bob = memberNamed('bob');
  double.failNext({ kind: 'discord-error', error: DISCORD_ERRORS.missingPermissions });
  const { callback } = await double.sendInteraction({
    command: 'role-me',
    options: { role: 'Member' },
    userId: bob,
  });
  assert.equal(callback.data.content, 'Discord refused (50013): Missing Permissions');
  assert.deepEqual(double.guild.member(bob).roles, []);
});

test('autocomplete offers the roles the bot may give', async () => {
  const { callback } = await double.sendInteraction({
    command: 'role-me',
    options: { role: 'm' },
    autocomplete: true,
  });
  assert.deepEqual(callback, { type: 8, data: { choices: [{ name: 'Member', value: 'Member' }] } });
});

test('a click on the button of /raid updates the message', async () => {
  await double.sendInteraction({ command: 'raid' });
  const { callback } = await double.sendInteraction({
    button: 'raid-join',
    userId: memberNamed('bob'),
  });
  assert.equal(callback.type, 7);
  assert.equal(callback.data.content, 'bob joins the raid');
  assert.deepEqual(callback.data.components, []);
});
