import type { GuildRole } from './guild-role.js';
import { messages } from './messages.js';
import { type CommandResult, commandResult, privateResult } from './result.js';
import { findRole } from './role-matching.js';

export type RoleAction = 'add' | 'remove';

export interface RoleChangeRequest {
  readonly action: RoleAction;
  /** What the member typed or picked; autocomplete values are free text. */
  readonly typed: string;
  readonly manageable: readonly GuildRole[];
  /** Ids of the roles the member has now. */
  readonly memberRoleIds: ReadonlySet<string>;
}

/** Either the change to make, or the answer that ends the command without one. */
export type RoleChangeDecision =
  | { readonly kind: 'change'; readonly role: GuildRole }
  | { readonly kind: 'done'; readonly result: CommandResult };

export function decideRoleChange(request: RoleChangeRequest): RoleChangeDecision {
  const role = findRole(request.typed, request.manageable);
  if (!role) {
    return {
      kind: 'done',
      result: privateResult('unknownRole', messages.unknownRole(request.typed)),
    };
  }
  const has = request.memberRoleIds.has(role.id);
  if (request.action === 'add' && has) {
    return {
      kind: 'done',
      result: privateResult('alreadyHasRole', messages.alreadyHas(role.name)),
    };
  }
  if (request.action === 'remove' && !has) {
    return {
      kind: 'done',
      result: privateResult('doesNotHaveRole', messages.doesNotHave(role.name)),
    };
  }
  return { kind: 'change', role };
}

/**
 * The answer when the role was deleted between the lookup and the change: to the member it
 * is a role that does not exist, named as they typed it.
 */
export function roleVanished(typed: string): CommandResult {
  return privateResult('unknownRole', messages.unknownRole(typed));
}

/** The answer once Discord has made the change. */
export function roleChanged(action: RoleAction, role: GuildRole): CommandResult {
  return action === 'add'
    ? commandResult('roleAdded', { content: messages.added(role.name), ephemeral: false })
    : commandResult('roleRemoved', { content: messages.removed(role.name), ephemeral: false });
}
