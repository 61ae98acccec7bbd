import { BoundedLabels } from './bounded-labels.js';

/** The label for a route that does not look like a Discord API route template. */
export const OTHER_ROUTE = 'other';

const routeClasses = new BoundedLabels(64, OTHER_ROUTE);

/** A literal path word (`guilds`, `members`) or a placeholder @discordjs/rest put in (`:id`). */
const TEMPLATE_SEGMENT = /^(?:[a-z][a-z0-9_-]{0,31}|:[a-z]+)$/;

/**
 * The route class of a Discord REST call, from @discordjs/rest's bucket route
 * (`/guilds/:id/members/:id/roles/:id`, `/interactions/:id/:token/callback`). Any segment
 * that is not a template word becomes `:param`: ids or tokens never reach a label.
 */
export function routeClass(bucketRoute: string): string {
  const path = bucketRoute.split('?', 1)[0] ?? '';
  if (!path.startsWith('/')) return OTHER_ROUTE;
  const segments = path
    .slice(1)
    .split('/')
    .map((segment) => (TEMPLATE_SEGMENT.test(segment) ? segment : ':param'));
  return routeClasses.label(`/${segments.join('/')}`);
}

/** What a REST URL path may show in a span, and its template for the span name. */
export interface ScrubbedPath {
  /** The path with credentials replaced by `REDACTED` (ids stay: they are not secrets). */
  readonly path: string;
  /** The path with ids as `{id}` and credentials as `{token}`, e.g. for `PUT {template}`. */
  readonly template: string;
}

const SNOWFLAKE = /^\d{15,21}$/;
/** Interaction and webhook tokens follow the id: `/interactions/{id}/{token}/callback`. */
const TOKEN_AFTER = new Set(['interactions', 'webhooks']);

/**
 * Scrubs a Discord REST path before it becomes a span attribute: interaction tokens are
 * credentials for 15 minutes, and undici's default `url.full`/`url.path` carry them.
 */
export function scrubDiscordPath(path: string): ScrubbedPath {
  const segments = path.split('/');
  const scrubbed: string[] = [];
  const template: string[] = [];
  segments.forEach((segment, index) => {
    const isToken = index >= 2 && TOKEN_AFTER.has(segments[index - 2] ?? '');
    // Anything long and opaque is treated as a credential too, whatever its position.
    if (isToken || (segment.length > 40 && !SNOWFLAKE.test(segment))) {
      scrubbed.push('REDACTED');
      template.push('{token}');
    } else {
      scrubbed.push(segment);
      template.push(SNOWFLAKE.test(segment) ? '{id}' : segment);
    }
  });
  return { path: scrubbed.join('/'), template: template.join('/') };
}
