import type { DiscordDouble } from '../src/index.js';

/** `POST /_demo/interactions` as a test sends it: any body, the status and the parsed answer. */
export async function postInteraction(
  double: DiscordDouble,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${double.baseUrl}/_demo/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
