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
  readonly injected?: 'rate-limit' | 'server-error' | 'hierarchy-drift';
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
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

/** A method + path table over the API version prefix, matched with the standard URLPattern. */
export class RestRouter {
  readonly #prefix: string;
  readonly #routes: { readonly route: Route; readonly pattern: URLPattern }[];

  constructor(prefix: string, routes: readonly Route[]) {
    this.#prefix = prefix;
    this.#routes = routes.map((route) => ({
      route,
      pattern: new URLPattern({ pathname: prefix + route.template }),
    }));
  }

  owns(path: string): boolean {
    return path === this.#prefix || path.startsWith(`${this.#prefix}/`);
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const { route, pattern } of this.#routes) {
      const found = pattern.exec({ pathname: path });
      if (found === null) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(
        Object.entries(found.pathname.groups).filter(
          (e): e is [string, string] => e[1] !== undefined,
        ),
      );
      return { kind: 'found', route, params };
    }
    return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
  }
}
