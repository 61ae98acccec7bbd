/** What the bench keeps of one interaction's answer. */
export interface LoadAnswer {
  readonly traceId: string | null;
  /** The double's time from sending the interaction to the bot's callback. */
  readonly callbackMs: number;
}

/** Sends one interaction and resolves with the bot's answer. */
export type Send = () => Promise<LoadAnswer>;

/** As many interactions as `concurrency` callers can push through. */
export async function closedLoop(
  send: Send,
  total: number,
  concurrency: number,
): Promise<LoadAnswer[]> {
  const answers: LoadAnswer[] = [];
  let next = 0;
  const caller = async () => {
    while (next < total) {
      next += 1;
      answers.push(await send());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return answers;
}

/**
 * Interactions started at a fixed rate (open loop) for `seconds`, whatever the bot's
 * progress; a failed one (the bot too late) is counted as null, not thrown.
 */
export async function openLoop(
  send: Send,
  perSecond: number,
  seconds: number,
): Promise<Array<LoadAnswer | null>> {
  const started = performance.now();
  const pending: Array<Promise<LoadAnswer | null>> = [];
  for (let index = 0; index < Math.round(perSecond * seconds); index += 1) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send().catch(() => null));
  }
  return Promise.all(pending);
}
