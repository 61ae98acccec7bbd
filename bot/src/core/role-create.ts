import type { GuildRole } from './guild-role.js';
import { messages } from './messages.js';
import { type CommandResult, commandResult, privateResult } from './result.js';
import { checkRoleName, type RoleNameProblem } from './role-name.js';

export interface RoleCreateRequest {
  readonly typed: string;
  /** Every role of the server, manageable or not: a new name must clash with none. */
  readonly existing: readonly GuildRole[];
  /** Members with Manage Roles create the role themselves; others ask the owner. */
  readonly callerCanManageRoles: boolean;
  readonly ownerId: string;
  readonly callerMention: string;
}

export type RoleCreateDecision =
  | { readonly kind: 'create'; readonly name: string }
  | { readonly kind: 'done'; readonly result: CommandResult };

export function decideRoleCreate(request: RoleCreateRequest): RoleCreateDecision {
  const check = checkRoleName(request.typed, request.existing);
  if (!check.ok) {
    return {
      kind: 'done',
      result: privateResult(problemCode(check.problem), problemMessage(check, request.typed)),
    };
  }
  if (request.callerCanManageRoles) return { kind: 'create', name: check.name };
  return {
    kind: 'done',
    result: commandResult('roleRequested', {
      content: messages.createRequest(`<@${request.ownerId}>`, request.callerMention, check.name),
      ephemeral: false,
      pingUserId: request.ownerId,
    }),
  };
}

export function roleCreated(name: string): CommandResult {
  return commandResult('roleCreated', { content: messages.created(name), ephemeral: false });
}

function problemCode(problem: RoleNameProblem) {
  return problem === 'duplicate' ? 'duplicateRoleName' : 'invalidRoleName';
}

function problemMessage(
  check: { readonly problem: RoleNameProblem; readonly existing?: string },
  typed: string,
): string {
  switch (check.problem) {
    case 'empty':
      return messages.nameEmpty;
    case 'tooLong':
      return messages.nameTooLong([...typed.trim()].length);
    case 'invisibleCharacters':
      return messages.nameInvisible;
    case 'mentionLike':
      return messages.nameMentionLike;
    case 'duplicate':
      return messages.nameDuplicate(check.existing ?? typed.trim());
  }
}
