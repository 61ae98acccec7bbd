import { describe, expect } from 'vitest';
import { memberWhere, roleId, test } from './bot-fixture.js';

interface Choices {
  readonly type: number;
  readonly data: { readonly choices: readonly { readonly name: string; readonly value: string }[] };
}

describe('autocomplete through discord.js and the Discord double', () => {
  test("GIVEN 'va' in /role add THEN prefix matches first, then substring matches, as choices", async ({
    discord: { double },
  }) => {
    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      options: { name: 'va' },
      autocomplete: true,
    });
    const callback = result.callback as Choices;
    expect(callback.type).toBe(8);
    expect(callback.data.choices).toEqual([
      { name: 'Valheim', value: 'Valheim' },
      { name: 'Valorant', value: 'Valorant' },
      { name: 'Stardew Valley', value: 'Stardew Valley' },
    ]);
    expect(double.calls.filter((call) => !call.path.includes('/interactions/'))).toEqual([]);
  });

  test('GIVEN nothing typed in /role add THEN every manageable role, never one above the bot', async ({
    discord: { double },
  }) => {
    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      autocomplete: true,
    });
    const names = (result.callback as Choices).data.choices.map((choice) => choice.name);
    expect(names).toContain('Valheim');
    expect(names).not.toContain('Star Citizen');
    expect(names).not.toContain('Twitch Subscriber');
  });

  test('GIVEN more game roles than Discord shows THEN exactly 25 choices, accepted by Discord', async ({
    discord: { double },
  }) => {
    for (let i = 0; i < 30; i += 1) {
      double.guild.createRole({ name: `Game ${i}`, colors: { primary_color: 0x206694 } });
    }
    await expect
      .poll(async () => {
        const result = await double.sendInteraction({
          command: 'role',
          subcommand: 'add',
          options: { name: 'game' },
          autocomplete: true,
        });
        return (result.callback as Choices).data.choices.length;
      })
      .toBe(25);
  });

  test('GIVEN /role remove THEN only roles the member has', async ({ discord: { double } }) => {
    const valheim = roleId(double, 'Valheim');
    const valorant = roleId(double, 'Valorant');
    const userId = memberWhere(
      double,
      (roles) => roles.includes(valheim) && !roles.includes(valorant),
    );

    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'remove',
      options: { name: 'VAL' },
      autocomplete: true,
      userId,
    });

    expect((result.callback as Choices).data.choices).toEqual([
      { name: 'Valheim', value: 'Valheim' },
    ]);
  });

  test('GIVEN a 1,000-character zero-width query THEN an empty list, answered', async ({
    discord: { double },
  }) => {
    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      options: { name: '\u200B'.repeat(1000) },
      autocomplete: true,
    });
    expect(result.callback).toEqual({ type: 8, data: { choices: [] } });
  });
});
