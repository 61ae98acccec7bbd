import { PermissionFlagsBits } from 'discord.js';
import { decideRoleCreate, roleCreated } from '../../core/role-create.js';
import { MAX_ROLE_NAME_LENGTH } from '../../core/role-name.js';
import { resultForError } from '../../discord/discord-error.js';
import { snapshotGuild } from '../../discord/guild-snapshot.js';
import type { Subcommand } from './subcommand.js';

const NAME_OPTION = 'name';

export const roleCreate: Subcommand = {
  name: 'create',
  declare: (builder) =>
    builder
      .setName('create')
      .setDescription('Ask for a new game role (members with Manage Roles create it directly)')
      .addStringOption((option) =>
        option
          .setName(NAME_OPTION)
          .setDescription('Name of the new role')
          .setRequired(true)
          .setMaxLength(MAX_ROLE_NAME_LENGTH),
      ),

  async execute(interaction, { roleColor, lookUpRole }) {
    const typed = interaction.options.getString(NAME_OPTION, true);
    const { roles, manageableNames } = snapshotGuild(interaction.guild, roleColor);
    const role = { name: typed, manageable: manageableNames };
    const decision = lookUpRole(() =>
      decideRoleCreate({
        typed,
        existing: roles,
        callerCanManageRoles: interaction.memberPermissions.has(PermissionFlagsBits.ManageRoles),
        ownerId: interaction.guild.ownerId,
        callerMention: `<@${interaction.user.id}>`,
      }),
    );
    if (decision.kind === 'done') return { result: decision.result, role };
    try {
      await interaction.guild.roles.create({
        name: decision.name,
        colors: { primaryColor: roleColor },
        // Game roles exist to be pinged: that is how a squad is called together.
        mentionable: true,
        reason: `/role create by ${interaction.user.username}`,
      });
    } catch (error) {
      return { result: resultForError(error), role, error };
    }
    // The new role is no manageable one yet: it counts as `other`, like the name typed.
    return { result: roleCreated(decision.name), role, change: 'create' };
  },
};
