import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';
import { describe, expect, test } from 'vitest';
import {
  describeError,
  isExpiredInteraction,
  isMissingPermissions,
  isUnknownRole,
  resultForError,
} from '../../src/discord/discord-error.js';

const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246c2VjcmV0LXRva2VuLXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw';
const CALLBACK_URL = `https://discord.com/api/v10/interactions/1/${INTERACTION_TOKEN}/callback`;
const BODY = { body: { type: 4, data: { content: 'private words' } } };

function apiError(code: number, status: number, message: string) {
  return new DiscordAPIError({ code, message }, code, status, 'POST', CALLBACK_URL, BODY);
}

describe('isMissingPermissions, isUnknownRole and resultForError', () => {
  const cases = [
    {
      why: 'Discord 50013',
      error: apiError(RESTJSONErrorCodes.MissingPermissions, 403, 'Missing Permissions'),
      forbidden: true,
      unknownRole: false,
    },
    {
      why: 'Discord 50001 (missing access)',
      error: apiError(RESTJSONErrorCodes.MissingAccess, 403, 'Missing Access'),
      forbidden: false,
      unknownRole: false,
    },
    {
      why: 'Discord 10011 (unknown role)',
      error: apiError(RESTJSONErrorCodes.UnknownRole, 404, 'Unknown Role'),
      forbidden: false,
      // Without the role a command was changing, it is a plain failure.
      unknownRole: true,
    },
    {
      why: 'Discord 10007 (unknown member)',
      error: apiError(RESTJSONErrorCodes.UnknownMember, 404, 'Unknown Member'),
      forbidden: false,
      unknownRole: false,
    },
    {
      why: 'a 503 after retries',
      error: new HTTPError(503, 'Service Unavailable', 'PUT', CALLBACK_URL, BODY),
      forbidden: false,
      unknownRole: false,
    },
    {
      why: 'a plain Error',
      error: new Error('Unknown Role'),
      forbidden: false,
      unknownRole: false,
    },
    { why: 'a thrown string', error: 'boom', forbidden: false, unknownRole: false },
  ] as const;

  test.each(cases)(
    'GIVEN $why THEN forbidden is $forbidden, unknown role is $unknownRole',
    ({ error, forbidden, unknownRole }) => {
      expect(isMissingPermissions(error)).toBe(forbidden);
      expect(isUnknownRole(error)).toBe(unknownRole);
      expect(resultForError(error)).toMatchObject(
        forbidden
          ? { code: 'missingPermissions', outcome: 'forbidden', reply: { ephemeral: true } }
          : { code: 'failed', outcome: 'error', reply: { ephemeral: true } },
      );
    },
  );
});

describe('resultForError with the role a command was changing', () => {
  const unknownRole = apiError(RESTJSONErrorCodes.UnknownRole, 404, 'Unknown Role');

  test('GIVEN Discord 10011 THEN the member is told the role they typed is gone', () => {
    const result = resultForError(unknownRole, { role: 'Valheim' });
    expect(result).toMatchObject({ code: 'unknownRole', outcome: 'rejected' });
    expect(result.reply.content).toContain('Valheim');
  });

  test('GIVEN another failure THEN the role name does not change the answer', () => {
    const forbidden = apiError(RESTJSONErrorCodes.MissingPermissions, 403, 'Missing Permissions');
    expect(resultForError(forbidden, { role: 'Valheim' }).code).toBe('missingPermissions');
    expect(resultForError(new Error('boom'), { role: 'Valheim' }).code).toBe('failed');
  });
});

describe('isExpiredInteraction', () => {
  const cases = [
    {
      why: 'Discord 10062 (unknown interaction)',
      code: RESTJSONErrorCodes.UnknownInteraction,
      expired: true,
    },
    {
      why: 'Discord 40060 (already acknowledged)',
      code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
      expired: true,
    },
    { why: 'Discord 50013', code: RESTJSONErrorCodes.MissingPermissions, expired: false },
  ] as const;

  test.each(cases)('GIVEN $why THEN expired is $expired', ({ code, expired }) => {
    expect(isExpiredInteraction(apiError(code, 404, 'x'))).toBe(expired);
  });

  test('GIVEN a plain Error THEN not expired', () => {
    expect(isExpiredInteraction(new Error('Unknown interaction'))).toBe(false);
  });
});

describe('describeError', () => {
  test('GIVEN a Discord API error THEN code, status and method, never the URL (token) or the body', () => {
    const described = describeError(apiError(50013, 403, 'Missing Permissions'));
    expect(described).toEqual({
      type: 'DiscordAPIError',
      code: 50013,
      status: 403,
      method: 'POST',
      message: 'Missing Permissions',
    });
    expect(JSON.stringify(described)).not.toContain(INTERACTION_TOKEN);
    expect(JSON.stringify(described)).not.toContain('private words');
  });

  test('GIVEN an HTTP error THEN status and method only', () => {
    const described = describeError(new HTTPError(502, 'Bad Gateway', 'PUT', CALLBACK_URL, BODY));
    expect(described).toMatchObject({ type: 'HTTPError', status: 502, method: 'PUT' });
    expect(JSON.stringify(described)).not.toContain(INTERACTION_TOKEN);
  });

  test('GIVEN something that is not an Error THEN its type and text', () => {
    expect(describeError(42)).toEqual({ type: 'number', message: '42' });
  });
});
