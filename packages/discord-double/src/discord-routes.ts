import type { ChannelMessages } from './channel-messages.js';
import { answerWith, DISCORD_ERRORS, type DiscordError } from './discord-errors.js';
import { channelPayload } from './guild-payload.js';
import type { GuildState } from './guild-state.js';
import type { HierarchyDrift } from './hierarchy-drift.js';
import type { InteractionRegistry } from './interaction-registry.js';
import type { ApiAnswer, Route, RouteOptions } from './rest-router.js';
import type { SnowflakeSource } from './snowflake.js';

export interface DiscordRouteContext {
  readonly state: GuildState;
  readonly messages: ChannelMessages;
  readonly interactions: InteractionRegistry;
  readonly drift: HierarchyDrift;
  readonly ids: SnowflakeSource;
  readonly gatewayUrl: () => string;
}

const BOT: RouteOptions = { botAuth: true, limited: false };
const BOT_LIMITED: RouteOptions = { botAuth: true, limited: true };
const INTERACTION: RouteOptions = { botAuth: false, limited: false };

function route(
  method: string,
  template: string,
  options: RouteOptions,
  handle: Route['handle'],
): Route {
  return { method, template, ...options, handle };
}

function ok(body: unknown, status = 200): ApiAnswer {
  return { status, body };
}

/** A message, or Discord's error instead of one. */
function messageOr(result: object | DiscordError): ApiAnswer {
  return 'id' in result ? ok(result) : answerWith(result as DiscordError);
}

/**
 * The REST routes the double serves, answered as Discord does: login, the guild, its roles
 * and members, command registration, interaction answers, and the channel's messages.
 */
export function discordRoutes(ctx: DiscordRouteContext): Route[] {
  const { state, interactions, messages } = ctx;
  const inGuild = (guild: string | undefined, answer: () => ApiAnswer): ApiAnswer =>
    guild === state.id ? answer() : answerWith(DISCORD_ERRORS.unknownGuild);
  const commands = new Map<string, unknown[]>();
  const registerCommands = (key: string, body: unknown): ApiAnswer => {
    const registered = (Array.isArray(body) ? body : []).map((command) => ({
      ...(command as object),
      id: ctx.ids.next(),
      application_id: state.fixture.applicationId,
      version: ctx.ids.next(),
    }));
    commands.set(key, registered);
    return ok(registered);
  };
  const changeRole =
    (action: 'add' | 'remove'): Route['handle'] =>
    ({ params }) =>
      inGuild(params.guild, () => {
        const drifted = params.role !== undefined && ctx.drift.maybeDrift(params.role);
        const error = state.changeMemberRole(params.user ?? '', params.role ?? '', action);
        if (error === null) return { status: 204 };
        return drifted ? { ...answerWith(error), injected: 'hierarchy-drift' } : answerWith(error);
      });

  return [
    route('GET', '/gateway', INTERACTION, () => ok({ url: ctx.gatewayUrl() })),
    route('GET', '/gateway/bot', BOT, () =>
      ok({
        url: ctx.gatewayUrl(),
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 86_400_000,
          max_concurrency: 1,
        },
      }),
    ),
    route('GET', '/users/@me', BOT, () => ok(state.fixture.botUser)),
    route('GET', '/users/:user', BOT, ({ params }) => {
      const member = state.member(params.user ?? '');
      return member === undefined ? answerWith(DISCORD_ERRORS.unknownUser) : ok(member.user);
    }),
    route('GET', '/applications/@me', BOT, () =>
      ok({
        id: state.fixture.applicationId,
        name: state.fixture.botUser.username,
        icon: null,
        description: 'RoboShpee demo application',
        bot_public: false,
        bot_require_code_grant: false,
        flags: 0,
        owner: state.member(state.fixture.ownerId)?.user,
        bot: state.fixture.botUser,
      }),
    ),
    route('GET', '/guilds/:guild', BOT, ({ params }) =>
      inGuild(params.guild, () =>
        ok({
          id: state.id,
          name: state.fixture.guildName,
          owner_id: state.fixture.ownerId,
          roles: state.roles(),
          emojis: [],
          stickers: [],
          features: [],
          icon: null,
          splash: null,
          banner: null,
          description: null,
          preferred_locale: 'en-US',
        }),
      ),
    ),
    route('GET', '/guilds/:guild/roles', BOT, ({ params }) =>
      inGuild(params.guild, () => ok(state.roles())),
    ),
    route('POST', '/guilds/:guild/roles', BOT_LIMITED, ({ params, body }) =>
      inGuild(params.guild, () => {
        const created = state.createRole(body);
        return 'role' in created ? ok(created.role) : answerWith(created.error);
      }),
    ),
    route('GET', '/guilds/:guild/members', BOT, ({ params, query }) =>
      inGuild(params.guild, () => {
        const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 1)));
        const afterParam = query.get('after') ?? '0';
        if (!/^\d{1,20}$/.test(afterParam)) return answerWith(DISCORD_ERRORS.invalidBody);
        const after = BigInt(afterParam);
        const members = state
          .members()
          .filter((m) => BigInt(m.user.id) > after)
          .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1))
          .slice(0, limit);
        return ok(members);
      }),
    ),
    route('GET', '/guilds/:guild/members/:user', BOT, ({ params }) =>
      inGuild(params.guild, () => {
        const member = state.member(params.user ?? '');
        return member === undefined ? answerWith(DISCORD_ERRORS.unknownMember) : ok(member);
      }),
    ),
    route('PUT', '/guilds/:guild/members/:user/roles/:role', BOT_LIMITED, changeRole('add')),
    route('DELETE', '/guilds/:guild/members/:user/roles/:role', BOT_LIMITED, changeRole('remove')),
    route('GET', '/channels/:channel', BOT, ({ params }) =>
      params.channel === state.fixture.channel.id
        ? ok(channelPayload(state.fixture))
        : answerWith(DISCORD_ERRORS.unknownChannel),
    ),
    route('POST', '/channels/:channel/messages', BOT, ({ params, body }) =>
      messageOr(messages.create(params.channel ?? '', body)),
    ),
    route('GET', '/channels/:channel/messages/:message', BOT, ({ params }) =>
      messageOr(messages.get(params.channel ?? '', params.message ?? '')),
    ),
    route('PATCH', '/channels/:channel/messages/:message', BOT, ({ params, body }) =>
      messageOr(messages.edit(params.channel ?? '', params.message ?? '', body)),
    ),
    route('DELETE', '/channels/:channel/messages/:message', BOT, ({ params }) => {
      const error = messages.delete(params.channel ?? '', params.message ?? '');
      return error === null ? { status: 204 } : answerWith(error);
    }),
    route('GET', '/applications/:app/commands', BOT, ({ params }) =>
      ok(commands.get(`${params.app}`) ?? []),
    ),
    route('PUT', '/applications/:app/commands', BOT, ({ params, body }) =>
      registerCommands(`${params.app}`, body),
    ),
    route('GET', '/applications/:app/guilds/:guild/commands', BOT, ({ params }) =>
      ok(commands.get(`${params.app}/${params.guild}`) ?? []),
    ),
    route('PUT', '/applications/:app/guilds/:guild/commands', BOT, ({ params, body }) =>
      registerCommands(`${params.app}/${params.guild}`, body),
    ),
    route(
      'POST',
      '/interactions/:id/:token/callback',
      INTERACTION,
      ({ params, body, headers, query }) =>
        interactions.acknowledge(
          params.id ?? '',
          params.token ?? '',
          body,
          typeof headers.traceparent === 'string' ? headers.traceparent : undefined,
          query.get('with_response') === 'true',
        ),
    ),
    route('GET', '/webhooks/:app/:token/messages/@original', INTERACTION, ({ params }) =>
      interactions.original(params.token ?? '', 'GET'),
    ),
    route('PATCH', '/webhooks/:app/:token/messages/@original', INTERACTION, ({ params, body }) =>
      interactions.reply(params.token ?? '', body, 'edit'),
    ),
    route('DELETE', '/webhooks/:app/:token/messages/@original', INTERACTION, ({ params }) =>
      interactions.original(params.token ?? '', 'DELETE'),
    ),
    route('POST', '/webhooks/:app/:token', INTERACTION, ({ params, body }) =>
      interactions.reply(params.token ?? '', body, 'follow-up'),
    ),
  ];
}
