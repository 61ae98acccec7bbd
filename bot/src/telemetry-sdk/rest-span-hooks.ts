import type { Attributes } from '@opentelemetry/api';
import type {
  UndiciInstrumentationConfig,
  UndiciRequest,
} from '@opentelemetry/instrumentation-undici';
import {
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import { scrubDiscordPath } from '../telemetry/discord-route.js';

/** Still incubating in semantic-conventions 1.45; copied rather than imported, as advised. */
const ATTR_URL_TEMPLATE = 'url.template';

/**
 * The peer attribute Tempo 3.0.3's service-graph processor reads first (its default
 * `peer_attributes` start with it). Semantic conventions 1.45 deprecate it for
 * `server.service.name`, which that Tempo does not read.
 */
const ATTR_PEER_SERVICE = 'peer.service';

/**
 * The node Discord's REST API is in the service graph, whatever host the REST client is
 * pointed at (discord.com, or the demo's double on 127.0.0.1).
 */
export const DISCORD_PEER_SERVICE = 'discord';

/**
 * Attributes undici's instrumentation sets that neither the contract, the dashboards nor
 * Tempo read: as `undefined`, the SDK leaves them off the span (the duration histogram
 * reads none of them). The query is in `url.full` already, discord.js sends standard
 * methods only (the original is `http.request.method` again), and the user agent is
 * discord.js's own.
 */
const UNREAD = {
  [ATTR_HTTP_REQUEST_METHOD_ORIGINAL]: undefined,
  [ATTR_URL_QUERY]: undefined,
  [ATTR_USER_AGENT_ORIGINAL]: undefined,
} as const;

/** The template startSpanHook computed, so that the URL is parsed once per request. */
const templates = new WeakMap<UndiciRequest, string>();

/**
 * The request's origin, path and query. undici's `path` is the path and query as sent,
 * beside an `origin` with no path: split, not parsed, on every REST call. A proxy's
 * absolute-form path is parsed as a URL.
 */
function splitRequestUrl(request: UndiciRequest) {
  if (!request.path.startsWith('/')) return new URL(request.path, request.origin);
  const queryAt = request.path.indexOf('?');
  return {
    origin: request.origin,
    pathname: queryAt === -1 ? request.path : request.path.slice(0, queryAt),
    search: queryAt === -1 ? '' : request.path.slice(queryAt),
  };
}

/**
 * Undici span settings for discord.js REST calls: attributes computed from the scrubbed
 * path override the instrumentation's own `url.full`/`url.path` (which would carry the
 * interaction token), the span names its peer service, and is named `{method} {url.template}`.
 */
export const restSpanHooks: UndiciInstrumentationConfig = {
  // Calls outside an interaction (login, cache warm-up) would be lone root traces.
  requireParentforSpans: true,
  startSpanHook: (request: UndiciRequest): Attributes => {
    const { origin, pathname, search } = splitRequestUrl(request);
    const { path, template } = scrubDiscordPath(pathname);
    templates.set(request, template);
    return {
      ...UNREAD,
      [ATTR_URL_FULL]: `${origin}${path}${search}`,
      [ATTR_URL_PATH]: path,
      [ATTR_URL_TEMPLATE]: template,
      [ATTR_PEER_SERVICE]: DISCORD_PEER_SERVICE,
    };
  },
  // Called right after startSpanHook for the same request, once its span exists.
  requestHook: (span, request) => {
    const template = templates.get(request);
    if (template === undefined) return;
    templates.delete(request);
    span.updateName(`${request.method} ${template}`);
  },
};
