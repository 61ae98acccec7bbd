import { roleChangeSubcommand } from './role-change.js';

export const roleRemove = roleChangeSubcommand('remove', 'Take a game role off yourself');
