import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiAnswer } from './rest-router.js';

/** Larger bodies are refused (413) before they are buffered. */
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** The request body: parsed JSON, the raw text when it is not JSON, or null when empty. */
export async function readBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A JSON body's fields; none when the body is not an object (Discord reads it as empty). */
export function bodyFields(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

export function sendAnswer(response: ServerResponse, answer: ApiAnswer): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

/** Path segments that look like interaction or webhook tokens never reach logs. */
export function redactPath(path: string): string {
  return path.replace(/[A-Za-z0-9_-]{40,}/g, ':token');
}
