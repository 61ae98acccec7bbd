import { roleChangeSubcommand } from './role-change.js';

export const roleAdd = roleChangeSubcommand('add', 'Give yourself a game role');
