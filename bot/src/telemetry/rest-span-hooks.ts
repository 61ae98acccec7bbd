import type { Attributes } from '@opentelemetry/api';
import type {
  UndiciInstrumentationConfig,
  UndiciRequest,
} from '@opentelemetry/instrumentation-undici';
import { ATTR_URL_FULL, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import { scrubDiscordPath } from './discord-route.js';

/** Still incubating in semantic-conventions 1.45; copied rather than imported, as advised. */
const ATTR_URL_TEMPLATE = 'url.template';

/**
 * Undici span settings for discord.js REST calls: attributes computed from the scrubbed
 * path override the instrumentation's own `url.full`/`url.path` (which would carry the
 * interaction token), and the span is named `{method} {url.template}`.
 */
export const restSpanHooks: UndiciInstrumentationConfig = {
  // Calls outside an interaction (login, cache warm-up) would be lone root traces.
  requireParentforSpans: true,
  startSpanHook: (request: UndiciRequest): Attributes => {
    const url = new URL(request.path, request.origin);
    const { path, template } = scrubDiscordPath(url.pathname);
    return {
      [ATTR_URL_FULL]: `${url.origin}${path}${url.search}`,
      [ATTR_URL_PATH]: path,
      [ATTR_URL_TEMPLATE]: template,
    };
  },
  requestHook: (span, request) => {
    const { template } = scrubDiscordPath(new URL(request.path, request.origin).pathname);
    span.updateName(`${request.method} ${template}`);
  },
};
