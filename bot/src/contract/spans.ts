import { ATTRIBUTES } from './attributes.js';

export interface SpanAttribute {
  readonly name: string;
  /** Set when the attribute always has this value on the span. */
  readonly value?: string;
  readonly meaning: string;
}

export interface SpanDeclaration {
  /** As Tempo shows it; `<...>` stands for a part that varies. */
  readonly name: string;
  /** Every name the declaration stands for, and nothing else. */
  readonly matches: RegExp;
  readonly kind: 'server' | 'internal' | 'client';
  /** The instrumentation scope: the bot's own, or the instrumentation that makes the span. */
  readonly scope: 'roboshpee' | '@opentelemetry/instrumentation-undici';
  readonly what: string;
  readonly attributes: readonly SpanAttribute[];
  readonly status: string;
}

const interactionAttributes = (type: string): readonly SpanAttribute[] => [
  ATTRIBUTES.command,
  ATTRIBUTES.subcommand,
  { ...ATTRIBUTES.interactionType, value: type },
  ATTRIBUTES.guild,
  ATTRIBUTES.shard,
  ATTRIBUTES.user,
  ATTRIBUTES.role,
  { ...ATTRIBUTES.outcome, meaning: '`ok`, `rejected`, `forbidden`, `error`' },
];

const INTERACTION_STATUS =
  'ERROR for `forbidden`/`error`, with an `exception` event when an error was thrown (a command turned away during shutdown has none)';

/** Every span the bot's process sends. */
export const SPANS = {
  command: {
    name: '<command>',
    matches: /^\/[a-z-]+( [a-z-]+)?$/,
    kind: 'server',
    scope: 'roboshpee',
    what: 'one per slash command, e.g. `/role add`, `/role list`, `/age`, `/help`',
    attributes: interactionAttributes('command'),
    status: INTERACTION_STATUS,
  },
  autocomplete: {
    name: '<command> autocomplete',
    matches: /^\/[a-z-]+( [a-z-]+)? autocomplete$/,
    kind: 'server',
    scope: 'roboshpee',
    what: 'one per autocomplete request, e.g. `/role add autocomplete`',
    attributes: interactionAttributes('autocomplete'),
    status: INTERACTION_STATUS,
  },
  roleLookup: {
    name: 'role lookup',
    matches: /^role lookup$/,
    kind: 'internal',
    scope: 'roboshpee',
    what: 'resolving the typed role name, child of the command',
    attributes: [],
    status: 'ERROR if it throws',
  },
  discordRest: {
    name: '<METHOD> <url.template>',
    matches: /^(GET|PUT|POST|PATCH|DELETE) \/api\/v10\/\S*$/,
    kind: 'client',
    scope: '@opentelemetry/instrumentation-undici',
    what: 'each Discord REST call, child of the command, e.g. `PUT /api/v10/guilds/{id}/members/{id}/roles/{id}`, `POST /api/v10/interactions/{id}/{token}/callback`; the call carries `traceparent`',
    attributes: [
      { name: 'http.request.method', meaning: 'e.g. `PUT`' },
      ATTRIBUTES.status,
      {
        name: 'url.full',
        meaning: 'the URL, with the interaction token replaced by `REDACTED`',
      },
      { name: 'url.path', meaning: 'the path, with the interaction token replaced by `REDACTED`' },
      { name: 'url.template', meaning: 'the path with ids as `{id}`' },
      { name: 'server.address', meaning: 'the REST host' },
      { name: 'server.port', meaning: 'the REST port' },
      {
        name: 'peer.service',
        value: 'discord',
        meaning:
          "so Tempo's service graph draws `roboshpee -> discord`, in the demo and against Discord alike, not an address",
      },
    ],
    status: 'as the undici instrumentation sets it',
  },
} as const satisfies Record<string, SpanDeclaration>;
