import { expect, test } from 'vitest';
import { accountCreatedAt, formatUtc, showAge } from '../../src/core/account-age.js';

// The worked example in Discord's API reference ("Snowflakes"): 175928847299117063 was made
// at 1462015105796 ms, 2016-04-30T11:18:25.796Z.
const DOCS_SNOWFLAKE = '175928847299117063';

test('GIVEN the snowflake from Discord docs THEN its documented creation time', () => {
  expect(accountCreatedAt(DOCS_SNOWFLAKE).getTime()).toBe(1462015105796);
});

test("GIVEN a user THEN RoboShpee's sentence with the UTC date", () => {
  expect(showAge('Shpee', DOCS_SNOWFLAKE)).toEqual({
    code: 'ageShown',
    outcome: 'ok',
    reply: { content: "Shpee's account was created at 2016-04-30 11:18:25 UTC", ephemeral: false },
  });
});

test('GIVEN the Discord epoch THEN formats midnight', () => {
  expect(formatUtc(new Date(Date.UTC(2015, 0, 1)))).toBe('2015-01-01 00:00:00 UTC');
});
