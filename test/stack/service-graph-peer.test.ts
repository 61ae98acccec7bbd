import type { Attributes } from '@opentelemetry/api';
import type { UndiciRequest } from '@opentelemetry/instrumentation-undici';
import { ATTR_SERVER_ADDRESS } from '@opentelemetry/semantic-conventions';
import { describe, expect, test } from 'vitest';
import {
  DISCORD_PEER_SERVICE,
  restSpanHooks,
} from '../../bot/src/telemetry-sdk/rest-span-hooks.js';
import {
  PEER_ATTRIBUTES_SETTING,
  tempoPeerAttributes,
} from '../../harness/configs/tempo-peer-attributes.js';
import { SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';

/** The node Tempo's service-graph processor names after a client span's attributes. */
function peerNode(attributes: Attributes): string | undefined {
  const key = tempoPeerAttributes().find((attribute) => attributes[attribute] !== undefined);
  return key === undefined ? undefined : String(attributes[key]);
}

/** The attributes of a discord.js REST span: undici's own `server.address`, then the hook's. */
function restSpanAttributes(origin: string): Attributes {
  const request = {
    origin,
    method: 'PUT',
    path: '/api/v10/guilds/1/members/2/roles/3',
  } as UndiciRequest;
  return {
    [ATTR_SERVER_ADDRESS]: new URL(origin).hostname,
    ...restSpanHooks.startSpanHook?.(request),
  };
}

describe(`the service graph Tempo builds with ${SERVICE_CONFIGS.tempo} (${PEER_ATTRIBUTES_SETTING})`, () => {
  test.each([
    ['the demo double', 'http://127.0.0.1:3001'],
    ['Discord', 'https://discord.com'],
  ])('names the REST calls to %s (%s) after the service `discord`', (_, origin) => {
    expect(peerNode(restSpanAttributes(origin))).toBe(DISCORD_PEER_SERVICE);
  });
});
