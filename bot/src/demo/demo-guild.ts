import type { DiscordDoubleOptions } from '@roboshpee/discord-double';
import { ROBOSHPEE_COMMANDS } from './fixture/commands.js';
import { createGuildFixture } from './fixture/guild-fixture.js';

/** What the double needs to serve RoboShpee's demo guild: one seed, one guild, one failure sequence. */
export function demoGuild(
  seed = 1,
): Required<Pick<DiscordDoubleOptions, 'seed' | 'fixture' | 'commands'>> {
  return { seed, fixture: createGuildFixture(seed), commands: ROBOSHPEE_COMMANDS };
}
