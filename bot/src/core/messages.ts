import { MAX_ROLE_NAME_LENGTH } from './role-name.js';

/** Typed text is echoed at most this long, so a 6,000-character option cannot overflow a reply. */
function shown(typed: string): string {
  const chars = [...typed];
  return chars.length > MAX_ROLE_NAME_LENGTH
    ? `${chars.slice(0, MAX_ROLE_NAME_LENGTH).join('')}…`
    : typed;
}

/**
 * Everything the bot says. The first group is RoboShpee's wording, kept verbatim so that
 * members who knew the old bot read the same answers.
 */
export const messages = {
  unknownRole: (name: string) => `The role '${shown(name)}' does not exist or cannot be managed.`,
  added: (role: string) => `Added "${role}"`,
  removed: (role: string) => `Removed "${role}"`,
  listHeader: 'Roles:',
  createRequest: (ownerMention: string, author: string, name: string) =>
    `${ownerMention}, ${author} wants to create role \`${name}\`.`,
  age: (name: string, date: string) => `${name}'s account was created at ${date}`,

  alreadyHas: (role: string) => `You already have "${role}".`,
  doesNotHave: (role: string) => `You don't have "${role}".`,
  listMore: (count: number) => `... and ${count} more`,
  noRoles: 'There are no game roles on this server yet. Ask for one with `/role create`.',
  created: (role: string) => `Created "${role}". Members can now add it with \`/role add\`.`,
  nameEmpty: 'A role needs a name.',
  nameTooLong: (length: number) =>
    `Role names can be at most ${MAX_ROLE_NAME_LENGTH} characters; that one has ${length}.`,
  nameInvisible:
    'That name contains invisible characters (such as zero-width spaces). Please type it plainly.',
  nameMentionLike: 'Role names cannot look like mentions (`@everyone`, `@here`, `<@...>`).',
  nameDuplicate: (existing: string) => `The role '${existing}' already exists.`,
  notInServer: 'This command only works in a server.',
  unknownCommand: 'This command is not available in this version of RoboShpee.',
  missingPermissions:
    'Discord refused: I lack the permission to change that role. A server admin can fix it in Server Settings > Roles: give my role the Manage Roles permission and drag it above the game roles.',
  failed: 'Something went wrong. Please try again in a moment.',
  restarting: 'RoboShpee is restarting, try again in a moment.',
} as const;
