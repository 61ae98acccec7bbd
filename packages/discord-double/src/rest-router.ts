import type { IncomingHttpHeaders } from 'node:http';

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly params: Readonly<Record<string, string>>;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Set when the double chose to fail this call (recorded on the call for tests). */
  readonly injected?: 'rate-limit' | 'server-error' | 'discord-error' | 'hierarchy-drift';
}

export interface RouteOptions {
  /** Needs `Authorization: Bot <token>` (interaction callbacks and webhooks do not). */
  readonly botAuth: boolean;
  /** Counts against a rate-limit bucket and meets injected failures. */
  readonly limited: boolean;
}

export interface Route extends RouteOptions {
  readonly method: string;
  /** e.g. `/guilds/:guild/roles`; also what logs show instead of ids and tokens. */
  readonly template: string;
  readonly handle: (request: ApiRequest) => ApiAnswer | Promise<ApiAnswer>;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

/**
 * A method + path table over the API version prefix. Templates are Discord's own route
 * notation (`/guilds/:guild/roles`): `:name` takes one path segment, anything else must
 * match exactly. (URLPattern would do; this needs nothing newer than Node 22.)
 */
export class RestRouter {
  readonly #prefix: string;
  readonly #routes: { readonly route: Route; readonly segments: readonly string[] }[];

  constructor(prefix: string, routes: readonly Route[]) {
    this.#prefix = prefix;
    this.#routes = routes.map((route) => ({ route, segments: route.template.split('/') }));
  }

  owns(path: string): boolean {
    return path === this.#prefix || path.startsWith(`${this.#prefix}/`);
  }

  match(method: string, path: string): RouteMatch {
    if (!this.owns(path)) return { kind: 'none' };
    const segments = path.slice(this.#prefix.length).split('/');
    const allowed: string[] = [];
    for (const { route, segments: template } of this.#routes) {
      const params = matchSegments(template, segments);
      if (params === null) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function matchSegments(
  template: readonly string[],
  segments: readonly string[],
): Record<string, string> | null {
  if (template.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of template.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':') && actual !== '') params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}
