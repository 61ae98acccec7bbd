import type { DemoBot, InteractionAnswer, InteractionRequest } from '../harness/demo-bot.js';

/**
 * `/role list` answers with the interaction callback only: no rate-limited REST route
 * (the double allows 10 per 2 s per route) sits between the load and the bot's own work.
 */
const LIST_ROLES: InteractionRequest = { command: 'role', subcommand: 'list' };

/** As many interactions as `concurrency` callers can push through. */
export async function closedLoop(
  bot: DemoBot,
  total: number,
  concurrency: number,
): Promise<InteractionAnswer[]> {
  const answers: InteractionAnswer[] = [];
  let next = 0;
  const caller = async () => {
    while (next < total) {
      next += 1;
      answers.push(await bot.interact(LIST_ROLES));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return answers;
}

/**
 * Interactions started at a fixed rate (open loop) for `seconds`, whatever the bot's
 * progress; a failed one (the bot too late) is counted, not thrown.
 */
export async function openLoop(
  bot: DemoBot,
  perSecond: number,
  seconds: number,
): Promise<Array<InteractionAnswer | null>> {
  const started = performance.now();
  const pending: Array<Promise<InteractionAnswer | null>> = [];
  for (let index = 0; index < Math.round(perSecond * seconds); index += 1) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(bot.interact(LIST_ROLES).catch(() => null));
  }
  return Promise.all(pending);
}
