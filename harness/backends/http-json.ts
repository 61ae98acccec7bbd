export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface JsonRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON when present. */
  readonly json?: unknown;
  readonly timeoutMs?: number;
}

/**
 * One HTTP exchange with a JSON API. Any status is returned (a 404 from Tempo means "not
 * yet"); a body that is not JSON is returned as its text so the caller's error can show it.
 */
export async function requestJson(url: string, request: JsonRequest = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  const init: RequestInit = {
    method: request.method ?? (request.json === undefined ? 'GET' : 'POST'),
    headers,
    signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
  };
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(request.json);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy error page, "404 page not found"): keep the text.
  }
  return { status: response.status, body };
}

/** A short, single-line rendering of a response body for error messages. */
export function excerpt(body: unknown, max = 300): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}...` : line;
}
