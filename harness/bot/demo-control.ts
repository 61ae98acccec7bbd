import type { ControlRequest } from '@roboshpee/discord-double';
import { z } from 'zod';
import { excerpt, requestJson } from '../backends/http-json.js';
import { notYet, pollUntil } from '../backends/poll.js';

/**
 * Client of the demo double's control API (packages/discord-double/src/control-api.ts):
 * `POST /_demo/interactions` sends one interaction through the real gateway and answers the
 * bot's interaction callback and the trace id from its `traceparent`.
 */

export interface InteractionAnswer {
  /** What the bot said (`data.content` of its callback), when it said something. */
  readonly content?: string;
  /** 32 hex digits, or undefined when the callback carried no traceparent. */
  readonly traceId?: string;
  /** With a fault: how many of Discord's answers it replaced (0 when no call met it). */
  readonly faultedCalls?: number;
}

const withContent = z.object({ content: z.string().optional() }).loose();
const answer = z.object({
  callback: z.object({ data: withContent.optional() }).loose().optional(),
  // After a deferred callback the bot's words are in its first edit or follow-up.
  deferredReply: withContent.optional(),
  traceId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .nullable(),
  faultedCalls: z.number().int().nonnegative().optional(),
});

const CALLBACK_WAIT_MS = 30_000;

export async function sendInteraction(
  doubleUrl: string,
  request: ControlRequest,
): Promise<InteractionAnswer> {
  // The double waits 5 s for the bot by default; a busy demo (rate-limit queues, injected
  // slow answers) can take longer, and a late answer is still an answer.
  const response = await requestJson(`${doubleUrl}/_demo/interactions`, {
    json: { ...request, timeoutMs: CALLBACK_WAIT_MS },
    timeoutMs: CALLBACK_WAIT_MS + 5_000,
  });
  if (response.status !== 200) {
    throw new Error(
      `POST /_demo/interactions ${JSON.stringify(request)} answered ${response.status}: ${excerpt(response.body)}`,
    );
  }
  const parsed = answer.safeParse(response.body);
  if (!parsed.success)
    throw new Error(`unexpected /_demo/interactions answer: ${excerpt(response.body)}`);
  const content = parsed.data.callback?.data?.content ?? parsed.data.deferredReply?.content;
  return {
    ...(content === undefined ? {} : { content }),
    ...(parsed.data.traceId === null ? {} : { traceId: parsed.data.traceId }),
    ...(parsed.data.faultedCalls === undefined ? {} : { faultedCalls: parsed.data.faultedCalls }),
  };
}

const health = z.object({ botConnected: z.boolean() }).loose();

/**
 * Waits until the double's health check says a bot is connected to its gateway: before
 * that, an interaction has nobody to go to (503 `bot_not_connected`).
 */
export async function waitForDemo(doubleUrl: string, timeoutMs: number): Promise<void> {
  await pollUntil(
    async () => {
      const response = await requestJson(`${doubleUrl}/_demo/healthz`);
      const parsed = health.safeParse(response.body);
      return response.status === 200 && parsed.success && parsed.data.botConnected
        ? true
        : notYet(`healthz ${response.status}: ${excerpt(response.body)}`);
    },
    { description: `a bot connected to the demo double at ${doubleUrl}`, timeoutMs },
  );
}
