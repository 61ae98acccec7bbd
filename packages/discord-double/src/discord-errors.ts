import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { ApiAnswer } from './rest-router.js';

/** A JSON error answer shaped like Discord's: `{ message, code }` with Discord's HTTP status. */
export interface DiscordError {
  readonly status: number;
  readonly body: { readonly message: string; readonly code: number; readonly errors?: object };
}

function error(status: number, message: string, code: number): DiscordError {
  return { status, body: { message, code } };
}

export const DISCORD_ERRORS = {
  unauthorized: error(401, '401: Unauthorized', 0),
  unknownGuild: error(404, 'Unknown Guild', RESTJSONErrorCodes.UnknownGuild),
  unknownMember: error(404, 'Unknown Member', RESTJSONErrorCodes.UnknownMember),
  unknownRole: error(404, 'Unknown Role', RESTJSONErrorCodes.UnknownRole),
  unknownUser: error(404, 'Unknown User', RESTJSONErrorCodes.UnknownUser),
  unknownInteraction: error(404, 'Unknown interaction', RESTJSONErrorCodes.UnknownInteraction),
  unknownWebhook: error(404, 'Unknown Webhook', RESTJSONErrorCodes.UnknownWebhook),
  unknownMessage: error(404, 'Unknown Message', RESTJSONErrorCodes.UnknownMessage),
  unknownChannel: error(404, 'Unknown Channel', RESTJSONErrorCodes.UnknownChannel),
  emptyMessage: error(
    400,
    'Cannot send an empty message',
    RESTJSONErrorCodes.CannotSendAnEmptyMessage,
  ),
  alreadyAcknowledged: error(
    400,
    'Interaction has already been acknowledged.',
    RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  ),
  missingPermissions: error(403, 'Missing Permissions', RESTJSONErrorCodes.MissingPermissions),
  invalidBody: error(400, 'Invalid Form Body', RESTJSONErrorCodes.InvalidFormBodyOrContentType),
  payloadTooLarge: error(413, '413: Request Entity Too Large', 0),
  internal: error(500, '500: Internal Server Error', 0),
  badGateway: error(502, '502: Bad Gateway', 0),
  unavailable: error(503, '503: Service Unavailable', 0),
} as const satisfies Record<string, DiscordError>;

/** 50035 with Discord's per-field error tree, e.g. `invalidBody('data.choices', 'Must be 25 or fewer in length.')`. */
export function invalidBody(field: string, message: string): DiscordError {
  return {
    status: 400,
    body: {
      ...DISCORD_ERRORS.invalidBody.body,
      errors: { [field]: { _errors: [{ code: 'INVALID', message }] } },
    },
  };
}

/**
 * What the double answers a route it does not serve: Discord's own 404 (or 405) shape, with a
 * message naming the call, so that a bot's test fails saying what the double lacks instead
 * of hanging or meeting a bare 404. `path` must come redacted (no tokens).
 */
export function unservedRoute(
  method: string,
  path: string,
  allowed: readonly string[] = [],
): DiscordError {
  const served = allowed.length > 0 ? `; it serves ${allowed.join(', ')} there` : '';
  const [status, reason] = allowed.length > 0 ? [405, 'Method Not Allowed'] : [404, 'Not Found'];
  return {
    status,
    body: {
      message: `${status}: ${reason}: the Discord double does not serve ${method} ${path}${served} (its README lists what it serves)`,
      code: 0,
    },
  };
}

export function answerWith(error: DiscordError): ApiAnswer {
  return { status: error.status, body: error.body };
}
