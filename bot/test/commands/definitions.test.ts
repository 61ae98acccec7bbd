import { ApplicationCommandOptionType, InteractionContextType } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { commandDefinitions, commandHelp } from '../../src/commands/registry.js';

const definitions = commandDefinitions();
const byName = new Map(definitions.map((definition) => [definition.name, definition]));

describe('slash command definitions', () => {
  test('GIVEN the registry THEN /role, /age and /help, all guild-only', () => {
    expect(definitions.map((d) => d.name)).toEqual(['role', 'age', 'help']);
    for (const definition of definitions)
      expect(definition.contexts).toEqual([InteractionContextType.Guild]);
  });

  test('GIVEN /role THEN add, remove, list, create as subcommands', () => {
    const subcommands = byName.get('role')?.options ?? [];
    expect(subcommands.map((o) => [o.name, o.type])).toEqual([
      ['add', ApplicationCommandOptionType.Subcommand],
      ['remove', ApplicationCommandOptionType.Subcommand],
      ['list', ApplicationCommandOptionType.Subcommand],
      ['create', ApplicationCommandOptionType.Subcommand],
    ]);
  });

  const nameOptions = [
    { subcommand: 'add', autocomplete: true },
    { subcommand: 'remove', autocomplete: true },
    { subcommand: 'create', autocomplete: undefined },
  ] as const;

  test.each(nameOptions)(
    'GIVEN /role $subcommand THEN a required name of at most 100 characters, autocomplete $autocomplete',
    ({ subcommand, autocomplete }) => {
      const sub = byName.get('role')?.options?.find((o) => o.name === subcommand);
      const options = sub && 'options' in sub ? sub.options : undefined;
      expect(options).toEqual([
        expect.objectContaining({
          name: 'name',
          type: ApplicationCommandOptionType.String,
          required: true,
          max_length: 100,
          autocomplete,
        }),
      ]);
    },
  );

  test('GIVEN /age THEN an optional user option', () => {
    expect(byName.get('age')?.options).toEqual([
      expect.objectContaining({
        name: 'user',
        type: ApplicationCommandOptionType.User,
        required: false,
      }),
    ]);
  });
});

describe('commandHelp', () => {
  test('GIVEN the definitions THEN one usage per subcommand, required <arg> and optional [arg]', () => {
    expect(commandHelp(definitions).map((entry) => entry.usage)).toEqual([
      '/role add <name>',
      '/role remove <name>',
      '/role list',
      '/role create <name>',
      '/age [user]',
      '/help',
    ]);
  });

  test('GIVEN a command without options THEN its own description', () => {
    expect(commandHelp([{ name: 'ping', description: 'Pong' }])).toEqual([
      { usage: '/ping', description: 'Pong' },
    ]);
  });
});
