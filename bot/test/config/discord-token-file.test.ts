import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { loadBotConfig } from '../../src/config/bot-config.js';
import { problemsOf } from './problems-of.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.s3cr3t-t0k3n_value';
const dir = mkdtempSync(join(tmpdir(), 'roboshpee-token-'));

function tokenFile(name: string, contents: string): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

describe('DISCORD_TOKEN_FILE: the token from a file (systemd LoadCredential, a mounted secret)', () => {
  test('GIVEN a file holding the token and a trailing newline THEN Discord mode with that token', () => {
    const config = loadBotConfig({ DISCORD_TOKEN_FILE: tokenFile('token', `${TOKEN}\n`) });
    expect(config.mode).toBe('discord');
    if (config.mode !== 'discord') return;
    expect(config.token.reveal()).toBe(TOKEN);
    expect(inspect(config)).not.toContain('s3cr3t');
  });

  test('GIVEN both DISCORD_TOKEN and DISCORD_TOKEN_FILE THEN one line naming both', () => {
    expect(
      problemsOf({ DISCORD_TOKEN: TOKEN, DISCORD_TOKEN_FILE: tokenFile('both', TOKEN) }),
    ).toEqual([
      'set only one of DISCORD_TOKEN and DISCORD_TOKEN_FILE (the token, or a file holding it)',
    ]);
  });

  test('GIVEN a file that cannot be read THEN the line names the variable and the path', () => {
    const missing = join(dir, 'missing');
    expect(problemsOf({ DISCORD_TOKEN_FILE: missing })).toEqual([
      `DISCORD_TOKEN_FILE must be a readable file holding the bot token, cannot read '${missing}' (ENOENT)`,
    ]);
  });

  test('GIVEN a file holding something else THEN the line names the variable and the path, not the contents', () => {
    const path = tokenFile('prefixed', `Bot ${TOKEN}\n`);
    const problems = problemsOf({ DISCORD_TOKEN_FILE: path });
    expect(problems).toEqual([
      `DISCORD_TOKEN_FILE must hold the bot token from the Developer Portal, without a 'Bot ' prefix or spaces: '${path}' does not`,
    ]);
    expect(problems.join('\n')).not.toContain('s3cr3t');
  });

  test('GIVEN ROBOSHPEE_DEMO=true THEN the file is not read', () => {
    expect(
      loadBotConfig({ ROBOSHPEE_DEMO: 'true', DISCORD_TOKEN_FILE: join(dir, 'missing') }).mode,
    ).toBe('demo');
  });
});

test('GIVEN a loaded config THEN it cannot be changed', () => {
  const config = loadBotConfig({});
  expect(Object.isFrozen(config)).toBe(true);
  expect(Object.isFrozen(config.health)).toBe(true);
  expect(() => {
    (config.health as { port: number }).port = 1;
  }).toThrow(TypeError);
});
