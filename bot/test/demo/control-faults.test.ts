import { describe, expect } from 'vitest';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { postInteraction as post } from '../../../packages/discord-double/test/control-request.js';
import { messages } from '../../src/core/messages.js';
import {
  addRoleToNewcomer,
  test as botTest,
  memberWhere,
  replyOf,
  roleId,
} from '../discord/bot-fixture.js';

// The control API's faults (packages/discord-double) as RoboShpee meets them: what each does
// to a real /role add in the demo guild, and what the member reads. The control API itself is
// tested with the double (packages/discord-double/test/control-api.test.ts).

describe('faults on demand: POST /_demo/interactions with "fault" and the real bot', () => {
  const EPHEMERAL = 64;

  interface FaultCase {
    readonly fault: string;
    /** Statuses of the role PUTs, in order. */
    readonly puts: readonly number[];
    readonly faultedCalls: number;
    readonly reply: { readonly type: number; readonly content: string; readonly flags?: number };
    readonly outcome: string;
    readonly roleAdded: boolean;
  }

  const cases: readonly FaultCase[] = [
    {
      fault: 'forbidden',
      puts: [403],
      faultedCalls: 1,
      reply: { type: 4, content: messages.missingPermissions, flags: EPHEMERAL },
      outcome: 'forbidden',
      roleAdded: false,
    },
    {
      fault: 'server_error',
      // The first try and discord.js's three retries.
      puts: [503, 503, 503, 503],
      faultedCalls: 4,
      reply: { type: 4, content: messages.failed, flags: EPHEMERAL },
      outcome: 'error',
      roleAdded: false,
    },
    {
      fault: 'rate_limited',
      puts: [429, 204],
      faultedCalls: 1,
      reply: { type: 4, content: messages.added('Valheim') },
      outcome: 'ok',
      roleAdded: true,
    },
    {
      fault: 'slow',
      puts: [204],
      faultedCalls: 1,
      // Deferred (ephemeral "thinking..."), the answer edited in after the slow change.
      reply: { type: 5, content: messages.added('Valheim'), flags: EPHEMERAL },
      outcome: 'ok',
      roleAdded: true,
    },
  ];

  botTest.for(cases)(
    'GIVEN fault $fault WHEN a member adds Valheim THEN PUTs $puts and outcome $outcome',
    async (expected, { discord: { double, logs } }) => {
      const valheim = roleId(double, 'Valheim');
      const userId = memberWhere(double, (roles) => !roles.includes(valheim));
      const { status, json } = await post(double, {
        command: 'role',
        subcommand: 'add',
        options: { name: 'Valheim' },
        userId,
        fault: expected.fault,
        timeoutMs: 10_000,
      });

      expect(status).toBe(200);
      expect(json.faultedCalls).toBe(expected.faultedCalls);
      const callback = replyOf(json.callback);
      const words =
        json.deferredReply === undefined ? callback : replyOf({ data: json.deferredReply });
      expect({ type: callback.type, content: words.content, flags: callback.flags }).toEqual({
        flags: undefined,
        ...expected.reply,
      });
      expect(words.allowed_mentions).toEqual({ parse: [] });
      const puts = double.calls.filter((call) => call.method === 'PUT');
      expect(puts.map((call) => call.status)).toEqual(expected.puts);
      expect(double.guild.member(userId)?.roles.includes(valheim)).toBe(expected.roleAdded);
      await expect.poll(() => logs.find(isInteractionLine)?.outcome).toBe(expected.outcome);
    },
  );

  botTest(
    'a fault the command never meets is withdrawn, not left for the next command',
    async ({ discord: { double } }) => {
      const help = await post(double, { command: 'help', fault: 'forbidden' });
      expect(help.status).toBe(200);
      expect(help.json.faultedCalls).toBe(0);

      const { result } = await addRoleToNewcomer(double, 'Valheim');
      expect(replyOf(result.callback).content).toBe(messages.added('Valheim'));
      expect(double.calls.filter((call) => call.injected !== undefined)).toEqual([]);
    },
  );
});
