/**
 * Span and metric attribute keys the bot sets, with what each value means. In Mimir, dots
 * become underscores (`command.outcome` -> `command_outcome`).
 */
export const ATTRIBUTES = {
  command: { name: 'command.name', meaning: 'the slash command, e.g. `/role add`' },
  subcommand: { name: 'command.subcommand', meaning: 'the subcommand, e.g. `add`' },
  outcome: { name: 'command.outcome', meaning: 'how the interaction ended (see Outcomes)' },
  guild: { name: 'discord.guild.id', meaning: 'the server' },
  user: { name: 'discord.user.hash', meaning: 'the hashed user id' },
  role: { name: 'discord.role.name', meaning: 'a game role, else `other`' },
  roleAction: { name: 'discord.role.action', meaning: '`add`, `remove` or `create`' },
  route: {
    name: 'discord.api.route',
    meaning: 'the REST route class, e.g. `/guilds/:id/members/:id/roles/:id`',
  },
  status: { name: 'http.response.status_code', meaning: 'the HTTP status Discord answered' },
  interactionType: {
    name: 'discord.interaction.type',
    meaning: '`command` or `autocomplete`: which kind of interaction a span answers',
  },
  // One process may hold several shards (discord.js internal sharding), so this is per span
  // and per data point, not a resource attribute.
  shard: { name: 'discord.shard.id', meaning: 'the gateway shard (0-based) of the guild' },
} as const satisfies Record<string, { readonly name: string; readonly meaning: string }>;

type AttributeKey = keyof typeof ATTRIBUTES;

/** The attribute names alone, for the code that sets them. */
export const ATTR = Object.fromEntries(
  Object.entries(ATTRIBUTES).map(([key, { name }]) => [key, name]),
) as { readonly [K in AttributeKey]: (typeof ATTRIBUTES)[K]['name'] };

/** The value a role attribute takes when the name is not one of the manageable roles. */
export const OTHER_ROLE = 'other';
