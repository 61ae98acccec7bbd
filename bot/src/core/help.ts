import { type CommandResult, commandResult } from './result.js';

export interface CommandHelp {
  /** How it is typed, e.g. `/role add <name>`. */
  readonly usage: string;
  readonly description: string;
}

/** `/help`: one line per command, from the same definitions Discord is given. */
export function showHelp(commands: readonly CommandHelp[]): CommandResult {
  const lines = commands.map((command) => `\`${command.usage}\`: ${command.description}`);
  return commandResult('helpShown', {
    content: ['RoboShpee commands:', ...lines].join('\n'),
    ephemeral: true,
  });
}
