import type { DemoBot, InteractionRequest } from '../bot/test/telemetry/support/demo-bot.js';

/**
 * `/role list` answers with the interaction callback only: no rate-limited REST route
 * (the double allows 10 per 2 s per route) sits between the load and the bot's own work.
 */
const LIST_ROLES: InteractionRequest = { command: 'role', subcommand: 'list' };

/** As many interactions as `concurrency` callers can push through; returns the trace ids. */
export async function closedLoop(
  bot: DemoBot,
  total: number,
  concurrency: number,
): Promise<Array<string | null>> {
  const traceIds: Array<string | null> = [];
  let next = 0;
  const caller = async () => {
    while (next < total) {
      next += 1;
      traceIds.push((await bot.interact(LIST_ROLES)).traceId);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return traceIds;
}

/** Interactions started at a fixed rate (open loop) for `seconds`; returns the trace ids. */
export async function openLoop(
  bot: DemoBot,
  perSecond: number,
  seconds: number,
): Promise<Array<string | null>> {
  const started = performance.now();
  const pending: Array<Promise<string | null>> = [];
  for (let index = 0; index < perSecond * seconds; index += 1) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(bot.interact(LIST_ROLES).then((answer) => answer.traceId));
  }
  return Promise.all(pending);
}
