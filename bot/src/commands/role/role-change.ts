import { decideRoleChange, type RoleAction, roleChanged } from '../../core/role-change.js';
import { matchRoles } from '../../core/role-matching.js';
import { MAX_ROLE_NAME_LENGTH } from '../../core/role-name.js';
import { resultForError } from '../../discord/discord-error.js';
import { memberRoleIds, snapshotGuild } from '../../discord/guild-snapshot.js';
import type { Subcommand } from './subcommand.js';

const NAME_OPTION = 'name';

/**
 * `/role add` and `/role remove`: the same steps in both directions. Autocomplete for
 * `remove` offers only the roles the member has.
 */
export function roleChangeSubcommand(action: RoleAction, description: string): Subcommand {
  return {
    name: action,
    declare: (builder) =>
      builder
        .setName(action)
        .setDescription(description)
        .addStringOption((option) =>
          option
            .setName(NAME_OPTION)
            .setDescription('The game role')
            .setRequired(true)
            .setMaxLength(MAX_ROLE_NAME_LENGTH)
            .setAutocomplete(true),
        ),

    async execute(interaction, { roleColor, logger, lookUpRole }) {
      const typed = interaction.options.getString(NAME_OPTION, true);
      const { manageable, manageableNames } = snapshotGuild(interaction.guild, roleColor);
      const decision = lookUpRole(() =>
        decideRoleChange({
          action,
          typed,
          manageable,
          memberRoleIds: memberRoleIds(interaction.member),
        }),
      );
      if (decision.kind === 'done') {
        return { result: decision.result, role: { name: typed, manageable: manageableNames } };
      }
      const { role } = decision;
      const facts = { name: role.name, manageable: manageableNames };
      const user = interaction.user.username;
      // The audit log shows who asked, since Discord records the bot as the one who did it.
      const reason = `/role ${action} by ${user}`;
      try {
        if (action === 'add') await interaction.member.roles.add(role.id, reason);
        else await interaction.member.roles.remove(role.id, reason);
      } catch (error) {
        // Deleted since the cache saw it: the member is answered with the name as typed.
        return { result: resultForError(error, { role: typed }), role: facts, error };
      }
      // RoboShpee's log line (user name only: ids stay out of logs).
      logger.info(
        action === 'add'
          ? `Added role '${role.name}' to user '${user}'`
          : `Removed role '${role.name}' from user '${user}'`,
      );
      return { result: roleChanged(action, role), role: facts, change: action };
    },

    async autocomplete(interaction, { roleColor }) {
      const { manageable } = snapshotGuild(interaction.guild, roleColor);
      const held = memberRoleIds(interaction.member);
      const offered =
        action === 'remove' ? manageable.filter((role) => held.has(role.id)) : manageable;
      return matchRoles(interaction.options.getFocused(), offered).map((role) => ({
        name: role.name,
        value: role.name,
      }));
    },
  };
}
