import { DEMO_FAILURES, type DiscordDoubleOptions } from '@roboshpee/discord-double';
import { ROBOSHPEE_COMMANDS } from './fixture/commands.js';
import { createGuildFixture } from './fixture/guild-fixture.js';

/**
 * What the double needs to serve RoboShpee's demo guild: one seed, one guild, one failure
 * sequence. The double fails nothing unless asked, so the demo asks for its realistic mix
 * (DEMO_FAILURES: slow answers, 429s, 5xx, hierarchy drift); tests pass `failures: false`.
 */
export function demoGuild(
  seed = 1,
): Required<Pick<DiscordDoubleOptions, 'seed' | 'fixture' | 'commands' | 'failures'>> {
  return {
    seed,
    fixture: createGuildFixture(seed),
    commands: ROBOSHPEE_COMMANDS,
    failures: DEMO_FAILURES,
  };
}
