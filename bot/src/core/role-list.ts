import type { GuildRole } from './guild-role.js';
import { messages } from './messages.js';
import { type CommandResult, commandResult } from './result.js';

/** Discord rejects message content longer than this. */
export const MAX_MESSAGE_LENGTH = 2000;

export interface RoleListRequest {
  readonly manageable: readonly GuildRole[];
  readonly memberCount: (roleId: string) => number;
  readonly callerRoleIds: ReadonlySet<string>;
}

/** `/role list`: RoboShpee's list, plus how many members have each role and which the caller has. */
export function listRoles(request: RoleListRequest): CommandResult {
  if (request.manageable.length === 0) {
    return commandResult('rolesListed', { content: messages.noRoles, ephemeral: true });
  }
  const lines = request.manageable.map((role) => {
    const count = request.memberCount(role.id);
    const members = `${count} ${count === 1 ? 'member' : 'members'}`;
    const yours = request.callerRoleIds.has(role.id) ? ', yours' : '';
    return `${role.name} (${members}${yours})`;
  });
  return commandResult('rolesListed', { content: fitLines(lines), ephemeral: true });
}

/** The header and as many lines as fit in one message, then how many were left out. */
function fitLines(lines: readonly string[]): string {
  let content: string = messages.listHeader;
  for (const [index, line] of lines.entries()) {
    const rest = lines.length - index;
    const candidate = `${content}\n${line}`;
    const reserve = rest > 1 ? `\n${messages.listMore(rest - 1)}`.length : 0;
    if (candidate.length + reserve > MAX_MESSAGE_LENGTH)
      return `${content}\n${messages.listMore(rest)}`;
    content = candidate;
  }
  return content;
}
