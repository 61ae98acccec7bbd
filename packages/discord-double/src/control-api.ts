import { z } from 'zod';
import { CONTROL_FAULT_NAMES, type ControlFault } from './control-faults.js';
import type { InteractionRequest } from './interaction-payload.js';
import { InvalidInteractionRequest } from './interaction-payload.js';
import { CallbackTimeout, type InteractionResult } from './interaction-registry.js';
import type { ApiAnswer } from './rest-router.js';

/** Where the control API lives on the double's port, beside Discord's `/api`. */
export const CONTROL_PREFIX = '/_demo';

const SNOWFLAKE = /^\d{17,20}$/;

const interactionBody = z
  .strictObject({
    command: z.string().min(1).max(32),
    subcommand: z.string().min(1).max(32).optional(),
    options: z
      .record(z.string().min(1).max(32), z.union([z.string().max(6000), z.number(), z.boolean()]))
      .optional(),
    userId: z.string().regex(SNOWFLAKE, 'a Discord snowflake (17-20 digits)').optional(),
    autocomplete: z.boolean().optional(),
    focused: z.string().min(1).max(32).optional(),
    timeoutMs: z.number().int().min(1).max(60_000).optional(),
    fault: z.enum(CONTROL_FAULT_NAMES).optional(),
  })
  .refine((body) => body.fault === undefined || body.autocomplete !== true, {
    path: ['fault'],
    message: 'autocomplete makes no role changes for a fault to hit',
  });

/** The body of `POST /_demo/interactions`: an interaction, how long to wait, a fault to inject. */
export type ControlRequest = InteractionRequest & {
  /** How long to wait for the bot's callback; default the double's `callbackTimeoutMs`. */
  readonly timeoutMs?: number;
  /** A failure injected into the role change (or creation) the command makes. */
  readonly fault?: ControlFault;
};

/** The answer of `POST /_demo/interactions`. */
export type ControlAnswer = InteractionResult & {
  /** With a fault: how many of Discord's answers it replaced (0: no call met it). */
  readonly faultedCalls?: number;
};

export interface ControlApiContext {
  readonly health: () => object;
  readonly send: (
    request: InteractionRequest,
    timeoutMs: number | undefined,
    fault: ControlFault | undefined,
  ) => Promise<ControlAnswer>;
}

/**
 * `GET /_demo/healthz` and `POST /_demo/interactions` (send one interaction, wait for the
 * bot's callback, answer `{ callback, traceId, callbackMs }`). Errors are JSON with an `error` code.
 */
export async function handleControl(
  ctx: ControlApiContext,
  method: string,
  path: string,
  body: unknown,
): Promise<ApiAnswer> {
  if (path === `${CONTROL_PREFIX}/healthz`) {
    return method === 'GET' ? { status: 200, body: ctx.health() } : methodNotAllowed('GET');
  }
  if (path !== `${CONTROL_PREFIX}/interactions`) {
    return problem(
      404,
      'not_found',
      `no control route ${path}; try POST ${CONTROL_PREFIX}/interactions`,
    );
  }
  if (method !== 'POST') return methodNotAllowed('POST');
  const parsed = interactionBody.safeParse(body);
  if (!parsed.success) {
    return problem(400, 'invalid_request', z.prettifyError(parsed.error).replaceAll('\n', '; '));
  }
  const { timeoutMs, fault, ...request } = parsed.data;
  try {
    return { status: 200, body: await ctx.send(request, timeoutMs, fault) };
  } catch (error) {
    if (error instanceof CallbackTimeout) {
      return {
        status: 504,
        body: {
          error: 'callback_timeout',
          message: error.message,
          interactionId: error.interactionId,
        },
      };
    }
    if (error instanceof InvalidInteractionRequest)
      return problem(400, 'invalid_request', error.message);
    if (error instanceof NoBotConnected) return problem(503, 'bot_not_connected', error.message);
    throw error;
  }
}

/** No client has identified on the gateway, so nobody could receive the interaction. */
export class NoBotConnected extends Error {
  override readonly name = 'NoBotConnected';
  constructor() {
    super('no bot is connected to the gateway of the Discord double');
  }
}

function problem(status: number, error: string, message: string): ApiAnswer {
  return { status, body: { error, message } };
}

function methodNotAllowed(allowed: string): ApiAnswer {
  return {
    status: 405,
    body: { error: 'method_not_allowed', message: `use ${allowed}` },
    headers: { allow: allowed },
  };
}
