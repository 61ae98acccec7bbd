import { PermissionFlagsBits } from 'discord.js';
import { decideRoleCreate, roleCreated } from '../../core/role-create.js';
import { MAX_ROLE_NAME_LENGTH } from '../../core/role-name.js';
import { snapshotGuild } from '../../discord/guild-snapshot.js';
import { observeRoleLookup, recordRoleChange } from '../../telemetry/observe.js';
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

  async execute(interaction, { scope, roleColor }) {
    const typed = interaction.options.getString(NAME_OPTION, true);
    const { roles, manageableNames } = snapshotGuild(interaction.guild, roleColor);
    scope.setRole(typed, manageableNames);
    const decision = observeRoleLookup(() =>
      decideRoleCreate({
        typed,
        existing: roles,
        callerCanManageRoles: interaction.memberPermissions.has(PermissionFlagsBits.ManageRoles),
        ownerId: interaction.guild.ownerId,
        callerMention: `<@${interaction.user.id}>`,
      }),
    );
    if (decision.kind === 'done') return decision.result;
    await interaction.guild.roles.create({
      name: decision.name,
      colors: { primaryColor: roleColor },
      // Game roles exist to be pinged: that is how a squad is called together.
      mentionable: true,
      reason: `/role create by ${interaction.user.username}`,
    });
    recordRoleChange('create', decision.name, manageableNames);
    return roleCreated(decision.name);
  },
};
