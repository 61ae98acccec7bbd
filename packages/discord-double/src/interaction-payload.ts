import { randomBytes } from 'node:crypto';
import {
  type APIGuildMember,
  type APIUser,
  ApplicationCommandOptionType,
  InteractionType,
} from 'discord-api-types/v10';
import { type CommandCatalog, commandPath, optionType } from './command-catalog.js';
import { channelPayload } from './guild-payload.js';
import type { GuildState } from './guild-state.js';
import { snowflakeAt } from './snowflake.js';

/** What to send: a slash command (or an autocomplete keystroke in one) from a member. */
export interface InteractionRequest {
  /** Top-level command, e.g. `role`. */
  readonly command: string;
  /** e.g. `add`. */
  readonly subcommand?: string | undefined;
  /** Option values by name; user options take a member's id. */
  readonly options?: Readonly<Record<string, string | number | boolean>> | undefined;
  /** The member who runs it; default: the double's `defaultUserId`. */
  readonly userId?: string | undefined;
  /** Send an autocomplete interaction (type 4) instead of the command (type 2). */
  readonly autocomplete?: boolean | undefined;
  /** The option being typed, for autocomplete; default: the command's autocomplete option. */
  readonly focused?: string | undefined;
}

/** The caller asked for something Discord could not have sent. */
export class InvalidInteractionRequest extends Error {
  override readonly name = 'InvalidInteractionRequest';
}

export interface BuiltInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  /** Who sent it. */
  readonly user: APIUser;
  /** INTERACTION_CREATE's data. */
  readonly payload: object;
}

interface OptionPayload {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  focused?: boolean;
  options?: OptionPayload[];
}

/** INTERACTION_CREATE for a slash command or an autocomplete keystroke in one. */
export function buildInteraction(
  state: GuildState,
  request: InteractionRequest,
  id: string,
  userId: string,
  catalog: CommandCatalog,
): BuiltInteraction {
  const member = memberOf(state, userId);
  const path = commandPath(request.command, request.subcommand);
  const focused = request.autocomplete
    ? (request.focused ?? catalog.autocompleteOptions?.[path])
    : undefined;
  if (request.autocomplete && focused === undefined)
    throw new InvalidInteractionRequest(
      `autocomplete for '${path}' needs 'focused': the double's commands name no autocomplete option for it`,
    );

  const resolvedUsers: Record<string, object> = {};
  const resolvedMembers: Record<string, object> = {};
  const options: OptionPayload[] = Object.entries(request.options ?? {}).map(([name, value]) => {
    const type = optionType(catalog, path, name, value);
    if (type === ApplicationCommandOptionType.User) {
      const target = state.member(String(value));
      if (target === undefined)
        throw new InvalidInteractionRequest(`option '${name}': no member with id ${value}`);
      resolvedUsers[target.user.id] = target.user;
      // Resolved members are interaction members without the user, which sits beside them.
      const { user: _user, ...member } = interactionMember(state, target);
      resolvedMembers[target.user.id] = member;
    }
    return {
      name,
      type,
      value: type === ApplicationCommandOptionType.User ? String(value) : value,
      ...(name === focused ? { focused: true } : {}),
    };
  });
  if (focused !== undefined && !options.some((o) => o.focused)) {
    // The user has focused the option but typed nothing yet.
    options.push({
      name: focused,
      type: ApplicationCommandOptionType.String,
      value: '',
      focused: true,
    });
  }
  const hasResolved = Object.keys(resolvedUsers).length > 0;

  const type = request.autocomplete
    ? InteractionType.ApplicationCommandAutocomplete
    : InteractionType.ApplicationCommand;
  return interactionEnvelope(state, id, type, member, {
    // One stable id per command, as registration would have assigned.
    id: commandId(request.command),
    name: request.command,
    type: 1,
    guild_id: state.id,
    options:
      request.subcommand === undefined
        ? options
        : [
            {
              name: request.subcommand,
              type: ApplicationCommandOptionType.Subcommand,
              options,
            },
          ],
    ...(hasResolved ? { resolved: { users: resolvedUsers, members: resolvedMembers } } : {}),
  });
}

/** The member an interaction comes from; Discord sends none from outside the guild. */
export function memberOf(state: GuildState, userId: string): APIGuildMember {
  const member = state.member(userId);
  if (member === undefined)
    throw new InvalidInteractionRequest(`no member with id ${userId} in the double's guild`);
  return member;
}

/**
 * INTERACTION_CREATE around `data`, with every field discord.js 14.28 reads (without
 * `app_permissions`, `entitlements` or `authorizing_integration_owners` it throws), from
 * `member` in the guild's channel. `extra` adds fields, e.g. the `message` of a component.
 */
export function interactionEnvelope(
  state: GuildState,
  id: string,
  type: InteractionType,
  member: APIGuildMember,
  data: object,
  extra: object = {},
): BuiltInteraction {
  const token = `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
  const { fixture } = state;
  const userId = member.user.id;
  return {
    id,
    token,
    type,
    user: member.user,
    payload: {
      id,
      application_id: fixture.applicationId,
      type,
      token,
      version: 1,
      data,
      guild_id: state.id,
      guild: { id: state.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: fixture.channel.id,
      // Without a channel object discord.js leaves `channelId` null.
      channel: { ...channelPayload(fixture), permissions: state.permissionsOf(userId).toString() },
      member: interactionMember(state, member),
      app_permissions: state.permissionsOf(fixture.botUser.id).toString(),
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': state.id },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...extra,
    },
  };
}

function interactionMember(
  state: GuildState,
  member: APIGuildMember,
): APIGuildMember & { permissions: string } {
  return { ...member, permissions: state.permissionsOf(member.user.id).toString() };
}

function commandId(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) & 0xfff;
  return snowflakeAt(new Date('2021-09-02T10:10:00Z'), hash);
}
