import { describe, expect, test } from 'vitest';
import { OTHER_ROUTE, routeClass, scrubDiscordPath } from '../../src/telemetry/discord-route.js';

const TOKEN = `aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6`;

describe('routeClass: @discordjs/rest bucket routes become bounded labels', () => {
  test.each([
    ['/guilds/:id/members/:id/roles/:id', '/guilds/:id/members/:id/roles/:id'],
    ['/interactions/:id/:token/callback', '/interactions/:id/:token/callback'],
    ['/webhooks/:id/:token/messages/@original', '/webhooks/:id/:token/messages/:param'],
    [`/interactions/:id/${TOKEN}/callback`, '/interactions/:id/:param/callback'],
    ['/gateway/bot', '/gateway/bot'],
    ['/guilds/:id/roles?limit=5', '/guilds/:id/roles'],
    ['not a route', OTHER_ROUTE],
  ] as const)('%s -> %s', (input, expected) => {
    expect(routeClass(input)).toBe(expected);
  });
});

describe('scrubDiscordPath: tokens never reach span attributes', () => {
  test.each([
    [
      `/api/v10/interactions/123456789012345678/${TOKEN}/callback`,
      '/api/v10/interactions/123456789012345678/REDACTED/callback',
      '/api/v10/interactions/{id}/{token}/callback',
    ],
    [
      `/api/v10/webhooks/123456789012345678/${TOKEN}/messages/@original`,
      '/api/v10/webhooks/123456789012345678/REDACTED/messages/@original',
      '/api/v10/webhooks/{id}/{token}/messages/@original',
    ],
    [
      '/api/v10/guilds/111111111111111111/members/222222222222222222/roles/333333333333333333',
      '/api/v10/guilds/111111111111111111/members/222222222222222222/roles/333333333333333333',
      '/api/v10/guilds/{id}/members/{id}/roles/{id}',
    ],
    [`/api/v10/unknown/${TOKEN}`, '/api/v10/unknown/REDACTED', '/api/v10/unknown/{token}'],
  ] as const)('%s', (input, path, template) => {
    expect(scrubDiscordPath(input)).toEqual({ path, template });
  });
});
