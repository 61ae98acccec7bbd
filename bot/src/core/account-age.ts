import { messages } from './messages.js';
import { type CommandResult, commandResult } from './result.js';

/** Discord snowflakes count milliseconds from 2015-01-01T00:00:00Z in their top 42 bits. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

export function accountCreatedAt(userId: string): Date {
  return new Date(Number((BigInt(userId) >> 22n) + DISCORD_EPOCH_MS));
}

/** RoboShpee's date form: `2016-04-30 11:18:25 UTC`. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `/age [user]`. */
export function showAge(name: string, userId: string): CommandResult {
  return commandResult('ageShown', {
    content: messages.age(name, formatUtc(accountCreatedAt(userId))),
    ephemeral: false,
  });
}
