import {
  type APIUser,
  InteractionResponseType,
  InteractionType,
  RESTJSONErrorCodes,
} from 'discord.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultGuildFixture } from '../src/default-guild.js';
import { InteractionRegistry } from '../src/interaction-registry.js';
import { SnowflakeSource } from '../src/snowflake.js';

const fixture = defaultGuildFixture();
const user = memberUser();
const REPLY = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok' } };
/** Far more interactions than any bound the registry may keep (a demo hour at 2/s is 7,200). */
const MANY = 5_000;

function memberUser(): APIUser {
  const user = fixture.members[0]?.user;
  if (user === undefined) throw new Error('the guild fixture has no members');
  return user;
}

function registry(): InteractionRegistry {
  // A deadline no test reaches: acknowledgements here are judged on memory, not on time.
  return new InteractionRegistry(fixture, new SnowflakeSource(), 60_000);
}

function register(interactions: InteractionRegistry, id: string): void {
  interactions.register(id, `token-${id}`, InteractionType.ApplicationCommand, user);
}

function acknowledge(interactions: InteractionRegistry, id: string) {
  return interactions.acknowledge(id, `token-${id}`, REPLY, undefined, false);
}

describe('the Discord double remembering interactions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('stays bounded however many interactions it has answered, forgetting the oldest', () => {
    const interactions = registry();
    for (let i = 0; i < MANY; i++) {
      register(interactions, `${i}`);
      expect(acknowledge(interactions, `${i}`).status).toBe(204);
    }

    expect(interactions.size).toBeLessThanOrEqual(1_000);
    expect(acknowledge(interactions, '0').body).toMatchObject({
      code: RESTJSONErrorCodes.UnknownInteraction,
    });
    // The latest are still known: answering again is a duplicate, not an unknown interaction.
    expect(acknowledge(interactions, `${MANY - 1}`).body).toMatchObject({
      code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    });
  });

  test('keeps an interaction still waiting for the bot, however many arrive after it', async () => {
    const interactions = registry();
    register(interactions, 'awaited');
    const result = interactions.waitForResult('awaited', 60_000);
    for (let i = 0; i < MANY; i++) register(interactions, `${i}`);

    expect(interactions.size).toBeLessThanOrEqual(1_001);
    expect(acknowledge(interactions, 'awaited').status).toBe(204);
    await expect(result).resolves.toMatchObject({ interactionId: 'awaited', callback: REPLY });
  });

  test('forgets a token after its 15 minutes even below the bound', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const interactions = registry();
    register(interactions, 'old');
    vi.advanceTimersByTime(15 * 60_000 + 1);
    register(interactions, 'new');

    expect(interactions.size).toBe(1);
    expect(acknowledge(interactions, 'old').body).toMatchObject({
      code: RESTJSONErrorCodes.UnknownInteraction,
    });
  });

  test('reports how long the bot took from the interaction to its callback', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const interactions = registry();
    register(interactions, 'timed');
    const result = interactions.waitForResult('timed', 60_000);
    vi.advanceTimersByTime(42);
    acknowledge(interactions, 'timed');
    vi.useRealTimers();

    await expect(result).resolves.toMatchObject({ interactionId: 'timed', callbackMs: 42 });
  });
});
