import { listRoles } from '../../core/role-list.js';
import { memberRoleIds, snapshotGuild } from '../../discord/guild-snapshot.js';
import type { Subcommand } from './subcommand.js';

export const roleList: Subcommand = {
  name: 'list',
  declare: (builder) =>
    builder.setName('list').setDescription('Show the game roles and how many members have each'),

  async execute(interaction, { roleColor }) {
    const { manageable } = snapshotGuild(interaction.guild, roleColor);
    const roles = interaction.guild.roles.cache;
    const result = listRoles({
      manageable,
      // Counts come from the member cache, complete only with the Server Members intent.
      memberCount: (roleId) => roles.get(roleId)?.members.size ?? 0,
      callerRoleIds: memberRoleIds(interaction.member),
    });
    return { result };
  },
};
