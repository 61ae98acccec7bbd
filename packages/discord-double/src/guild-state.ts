import {
  type APIGuildMember,
  type APIRole,
  PermissionFlagsBits,
  type RoleFlags,
} from 'discord-api-types/v10';
import { DISCORD_ERRORS, type DiscordError, invalidBody } from './discord-errors.js';
import type { GuildFixture } from './guild-fixture.js';
import { bodyFields } from './http-exchange.js';
import { memberPermissions } from './permissions.js';
import type { SnowflakeSource } from './snowflake.js';

/** A gateway event the state change must be announced with. */
export type Dispatch = (event: string, data: object) => void;

/** Discord's limit on role names. */
const ROLE_NAME_MAX = 100;

/**
 * The double's authoritative guild: what Discord's database holds. Every change is
 * announced through `dispatch` (as the gateway would), so a client's cache stays true.
 */
export class GuildState {
  readonly fixture: GuildFixture;
  readonly #roles: APIRole[];
  readonly #members: Map<string, APIGuildMember>;
  readonly #dispatch: Dispatch;
  readonly #ids: SnowflakeSource;

  constructor(fixture: GuildFixture, ids: SnowflakeSource, dispatch: Dispatch) {
    this.fixture = fixture;
    this.#roles = structuredClone(fixture.roles);
    this.#members = new Map(structuredClone(fixture.members).map((m) => [m.user.id, m]));
    this.#ids = ids;
    this.#dispatch = dispatch;
  }

  get id(): string {
    return this.fixture.guildId;
  }

  /** Ascending by position. */
  roles(): readonly APIRole[] {
    return [...this.#roles].sort((a, b) => a.position - b.position);
  }

  members(): readonly APIGuildMember[] {
    return [...this.#members.values()];
  }

  role(id: string): APIRole | undefined {
    return this.#roles.find((r) => r.id === id);
  }

  roleByName(name: string): APIRole | undefined {
    return this.#roles.find((r) => r.name === name);
  }

  member(userId: string): APIGuildMember | undefined {
    return this.#members.get(userId);
  }

  /** The member's guild permissions, as Discord puts them in `member.permissions`. */
  permissionsOf(userId: string): bigint {
    const member = this.#members.get(userId);
    return memberPermissions(
      member?.roles ?? [],
      this.#roles,
      this.id,
      userId === this.fixture.ownerId,
    );
  }

  /** The highest position among the bot's roles. */
  botTopPosition(): number {
    const bot = this.#members.get(this.fixture.botUser.id);
    const positions = (bot?.roles ?? []).map((id) => this.role(id)?.position ?? 0);
    return Math.max(0, ...positions);
  }

  /** Whether Discord lets the bot assign this role: Manage Roles, not managed, below the bot. */
  canBotAssign(role: APIRole): boolean {
    return (
      this.#botHasManageRoles() &&
      !role.managed &&
      role.id !== this.id &&
      role.position < this.botTopPosition()
    );
  }

  #botHasManageRoles(): boolean {
    return (this.permissionsOf(this.fixture.botUser.id) & PermissionFlagsBits.ManageRoles) !== 0n;
  }

  /** `PUT`/`DELETE /guilds/{g}/members/{u}/roles/{r}`: Discord's checks, then the change. */
  changeMemberRole(userId: string, roleId: string, action: 'add' | 'remove'): DiscordError | null {
    const member = this.#members.get(userId);
    if (member === undefined) return DISCORD_ERRORS.unknownMember;
    const role = this.role(roleId);
    if (role === undefined || role.id === this.id) return DISCORD_ERRORS.unknownRole;
    if (!this.canBotAssign(role)) return DISCORD_ERRORS.missingPermissions;
    const has = member.roles.includes(roleId);
    // Discord answers 204 and sends no event when nothing changes.
    if (action === 'add' && has) return null;
    if (action === 'remove' && !has) return null;
    member.roles =
      action === 'add' ? [...member.roles, roleId] : member.roles.filter((r) => r !== roleId);
    this.#dispatch('GUILD_MEMBER_UPDATE', { guild_id: this.id, ...member });
    return null;
  }

  /** `POST /guilds/{g}/roles`: a new role at the bottom (position 1), the others shift up. */
  createRole(body: unknown): { role: APIRole } | { error: DiscordError } {
    const input = bodyFields(body);
    const name = typeof input.name === 'string' && input.name.length > 0 ? input.name : 'new role';
    if (!this.#botHasManageRoles()) return { error: DISCORD_ERRORS.missingPermissions };
    if (name.length > ROLE_NAME_MAX) {
      return { error: invalidBody('name', `Must be ${ROLE_NAME_MAX} or fewer in length.`) };
    }
    // discord.js 14.28 sends `colors.primary_color`; older clients send `color`.
    const colors = (
      typeof input.colors === 'object' && input.colors !== null ? input.colors : {}
    ) as Record<string, unknown>;
    const color =
      typeof colors.primary_color === 'number'
        ? colors.primary_color
        : typeof input.color === 'number'
          ? input.color
          : 0;
    const shifted = this.#roles.filter((r) => r.position >= 1);
    for (const r of shifted) r.position += 1;
    const role: APIRole = {
      id: this.#ids.next(),
      name,
      color,
      colors: { primary_color: color, secondary_color: null, tertiary_color: null },
      hoist: input.hoist === true,
      icon: null,
      unicode_emoji: null,
      position: 1,
      permissions: typeof input.permissions === 'string' ? input.permissions : '0',
      managed: false,
      mentionable: input.mentionable === true,
      flags: 0 as RoleFlags,
    };
    this.#roles.push(role);
    this.#dispatch('GUILD_ROLE_CREATE', { guild_id: this.id, role });
    for (const r of shifted) this.#dispatch('GUILD_ROLE_UPDATE', { guild_id: this.id, role: r });
    return { role };
  }

  /**
   * Moves a role to `position` (others close the gap), as an admin dragging it in the role
   * list would. Returns the roles whose position changed; `announce` sends their updates.
   */
  moveRole(roleId: string, position: number, announce = true): APIRole[] {
    const ordered = this.roles().filter((r) => r.id !== this.id && r.id !== roleId);
    const role = this.role(roleId);
    if (role === undefined) return [];
    ordered.splice(Math.max(0, Math.min(position - 1, ordered.length)), 0, role);
    const changed: APIRole[] = [];
    ordered.forEach((r, index) => {
      if (r.position !== index + 1) {
        r.position = index + 1;
        changed.push(r);
      }
    });
    if (announce) this.announceRoles(changed);
    return changed;
  }

  announceRoles(roles: readonly APIRole[]): void {
    for (const role of roles) this.#dispatch('GUILD_ROLE_UPDATE', { guild_id: this.id, role });
  }
}
