import { inspect } from 'node:util';
import { describe, expect, test, vi } from 'vitest';
import { loadBotConfig as loadConfig } from '../../src/config/bot-config.js';
import { loadOrExit } from '../../src/config/exit-on-config-error.js';
import { problemsOf } from './problems-of.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.s3cr3t-t0k3n_value';

describe('loadConfig: modes', () => {
  test('GIVEN nothing set THEN demo mode with the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      mode: 'demo',
      roleColor: 0x206694,
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      health: { host: '127.0.0.1', port: 8081 },
      shardsAssigned: false,
      demo: { rate: 2, host: '127.0.0.1', port: 0 },
    });
  });

  test('GIVEN a token THEN Discord mode against discord.com', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(config.mode).toBe('discord');
    if (config.mode !== 'discord') return;
    expect(config.token.reveal()).toBe(TOKEN);
    expect(config.apiUrl).toBe('https://discord.com/api');
  });

  test('GIVEN a token and ROBOSHPEE_DEMO=true THEN demo mode', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, ROBOSHPEE_DEMO: 'true' }).mode).toBe('demo');
  });

  test('GIVEN ROBOSHPEE_DEMO=false and no token THEN one line asking for the token', () => {
    expect(problemsOf({ ROBOSHPEE_DEMO: 'false' })).toEqual([
      'DISCORD_TOKEN or DISCORD_TOKEN_FILE must be set to the bot token when ROBOSHPEE_DEMO=false (unset ROBOSHPEE_DEMO for demo mode)',
    ]);
  });

  test('GIVEN empty variables THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '', ROBOSHPEE_DEMO_PORT: '' })).toMatchObject(
      {
        mode: 'demo',
        logLevel: 'info',
        demo: { port: 0 },
      },
    );
  });

  test('GIVEN every setting THEN each is read', () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_GUILD_ID: '876543210987654321',
        ROBOSHPEE_ROLE_COLOR: '#00FF7f',
        LOG_LEVEL: 'debug',
        ROBOSHPEE_SHUTDOWN_TIMEOUT_MS: '2500',
        ROBOSHPEE_HEALTH_HOST: '0.0.0.0',
        ROBOSHPEE_HEALTH_PORT: '9000',
      }),
    ).toMatchObject({
      health: { host: '0.0.0.0', port: 9000 },
      mode: 'discord',
      apiUrl: 'http://127.0.0.1:8080/api',
      applicationId: '123456789012345678',
      guildId: '876543210987654321',
      roleColor: 0x00ff7f,
      logLevel: 'debug',
      shutdownTimeoutMs: 2500,
    });
    expect(
      loadConfig({
        ROBOSHPEE_DEMO_RATE: '0.5',
        ROBOSHPEE_DEMO_HOST: '0.0.0.0',
        ROBOSHPEE_DEMO_PORT: '8090',
      }),
    ).toMatchObject({ demo: { rate: 0.5, host: '0.0.0.0', port: 8090 } });
  });
});

describe('loadConfig: a bad value is one line naming the variable and the expected form', () => {
  const cases = [
    {
      env: { ROBOSHPEE_DEMO: 'maybe' },
      line: "ROBOSHPEE_DEMO must be one of true, false, 1, 0, yes, no, on, off, got 'maybe'",
    },
    {
      env: { DISCORD_API_URL: 'discord.com/api' },
      line: "DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got 'discord.com/api'",
    },
    {
      env: { DISCORD_API_URL: 'ftp://example.com/api' },
      line: "DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got 'ftp://example.com/api'",
    },
    {
      env: { DISCORD_APPLICATION_ID: 'my-app' },
      line: "DISCORD_APPLICATION_ID must be a Discord id (17 to 20 digits), got 'my-app'",
    },
    {
      env: { DISCORD_GUILD_ID: '12345' },
      line: "DISCORD_GUILD_ID must be a Discord id (17 to 20 digits), got '12345'",
    },
    {
      env: { ROBOSHPEE_ROLE_COLOR: '206694' },
      line: "ROBOSHPEE_ROLE_COLOR must be a hex colour such as #206694, got '206694'",
    },
    {
      env: { ROBOSHPEE_DEMO_RATE: 'fast' },
      line: "ROBOSHPEE_DEMO_RATE must be interactions per second, a number from 0 to 1000, got 'fast'",
    },
    {
      env: { ROBOSHPEE_DEMO_RATE: '5000' },
      line: "ROBOSHPEE_DEMO_RATE must be interactions per second, a number from 0 to 1000, got '5000'",
    },
    {
      env: { ROBOSHPEE_DEMO_PORT: '-1' },
      line: "ROBOSHPEE_DEMO_PORT must be an integer from 0 to 65535, got '-1'",
    },
    {
      env: { ROBOSHPEE_DEMO_PORT: '65536' },
      line: "ROBOSHPEE_DEMO_PORT must be an integer from 0 to 65535, got '65536'",
    },
    {
      env: { ROBOSHPEE_HEALTH_PORT: '70000' },
      line: "ROBOSHPEE_HEALTH_PORT must be an integer from 0 to 65535, got '70000'",
    },
    {
      env: { ROBOSHPEE_DEMO_HOST: 'local host' },
      line: "ROBOSHPEE_DEMO_HOST must be an interface address such as 127.0.0.1 or 0.0.0.0, got 'local host'",
    },
    {
      env: { LOG_LEVEL: 'verbose' },
      line: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'",
    },
    {
      env: { ROBOSHPEE_SHUTDOWN_TIMEOUT_MS: '0' },
      line: "ROBOSHPEE_SHUTDOWN_TIMEOUT_MS must be an integer from 1 to 60000, got '0'",
    },
    {
      env: { ROBOSHPEE_SHUTDOWN_TIMEOUT_MS: '10s' },
      line: "ROBOSHPEE_SHUTDOWN_TIMEOUT_MS must be an integer from 1 to 60000, got '10s'",
    },
  ] as const;

  test.each(cases)('GIVEN $env THEN "$line"', ({ env, line }) => {
    expect(problemsOf(env)).toEqual([line]);
  });

  test('GIVEN a 1,000-character value THEN the echo is cut short', () => {
    const [line] = problemsOf({ LOG_LEVEL: 'x'.repeat(1000) });
    expect(line).toBe(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got '${'x'.repeat(60)}...'`,
    );
  });

  test('GIVEN two bad variables THEN two lines', () => {
    expect(problemsOf({ LOG_LEVEL: 'loud', ROBOSHPEE_DEMO_PORT: 'x' })).toHaveLength(2);
  });
});

describe('loadConfig: the token never shows', () => {
  const badTokens = [`Bot ${TOKEN}`, `${TOKEN} `, `${TOKEN}\n`, `"${TOKEN}"`] as const;

  test.each(badTokens)(
    'GIVEN a malformed token THEN the error names DISCORD_TOKEN but not the token',
    (token) => {
      const problems = problemsOf({ DISCORD_TOKEN: token });
      expect(problems).toEqual([
        "DISCORD_TOKEN must be the bot token from the Developer Portal, without a 'Bot ' prefix or spaces",
      ]);
      expect(problems.join('\n')).not.toContain('s3cr3t');
    },
  );

  test('GIVEN a loaded config THEN JSON, string and inspect forms redact the token', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    for (const shown of [
      JSON.stringify(config),
      String(config.mode === 'discord' && config.token),
      inspect(config),
    ]) {
      expect(shown).not.toContain('s3cr3t');
      expect(shown).toContain('[redacted]');
    }
  });
});

describe('loadOrExit', () => {
  test('GIVEN a bad value THEN the process prints one line on stderr and exits 1', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    try {
      expect(() =>
        loadOrExit(() => loadConfig({ ROBOSHPEE_DEMO_PORT: 'eighty', DISCORD_TOKEN: TOKEN })),
      ).toThrow('exit 1');
    } finally {
      vi.restoreAllMocks();
    }
    expect(written).toEqual([
      "roboshpee: configuration error: ROBOSHPEE_DEMO_PORT must be an integer from 0 to 65535, got 'eighty'\n",
    ]);
  });
});

test('GIVEN a malformed token and another bad value THEN a line for each', () => {
  expect(problemsOf({ DISCORD_TOKEN: `Bot ${TOKEN}`, ROBOSHPEE_DEMO_PORT: 'x' })).toEqual([
    "DISCORD_TOKEN must be the bot token from the Developer Portal, without a 'Bot ' prefix or spaces",
    "ROBOSHPEE_DEMO_PORT must be an integer from 0 to 65535, got 'x'",
  ]);
});
