import { describe, expect, test } from 'vitest';
import { loadBotConfig } from '../../bot/src/config/bot-config.js';
import { BOOLEAN_SPELLINGS } from '../../bot/src/config/fields/boolean-flag.js';
import { loadTelemetryConfig } from '../../bot/src/config/telemetry-config.js';
import { loadCompose, loadComposeDocument } from '../../harness/compose/compose.js';
import {
  alloyBlocks,
  alloyBooleanVariables,
  stripComments,
} from '../../harness/configs/alloy-config.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile, repoFileExists } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG, COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * Every on/off setting the stack reads from the environment either accepts the usual
 * spellings or refuses anything else at startup, naming the variable: none may read a
 * value it does not know as false (TEMPO_OTLP_TLS=TRUE once sent credentials in clear).
 */

type Handling =
  /** config.alloy's boolean_env: true/1/yes/on, false/0/no/off, any case; else Alloy stops. */
  | 'alloy'
  /** The bot's own startup checks: boolean_env's spellings, anything else a named error. */
  | 'bot'
  /** A literal in compose.yaml, not settable from .env. */
  | 'fixed';

const BOOLEANS: Readonly<Record<string, Handling>> = {
  TEMPO_OTLP_TLS: 'alloy',
  ALLOY_JOURNAL: 'alloy',
  ROBOSHPEE_DEMO: 'bot',
  ROBOSHPEE_OTLP_LOGS: 'bot',
  ROBOSHPEE_PROFILING: 'bot',
  GF_AUTH_ANONYMOUS_ENABLED: 'fixed',
  GF_USERS_ALLOW_SIGN_UP: 'fixed',
  GF_ANALYTICS_REPORTING_ENABLED: 'fixed',
  GF_PLUGINS_PREINSTALL_AUTO_UPDATE: 'fixed',
};

/** The bot's check for each of its booleans, as its entry points run them. */
const BOT_CHECKS: Readonly<Record<string, (env: NodeJS.ProcessEnv) => unknown>> = {
  ROBOSHPEE_DEMO: loadBotConfig,
  ROBOSHPEE_OTLP_LOGS: loadTelemetryConfig,
  ROBOSHPEE_PROFILING: loadTelemetryConfig,
};

const WORDS = /^(true|false|on|off|yes|no)$/i;
const alloySource = readRepoFile(ALLOY_CONFIG);
const alloyCode = stripComments(alloySource);

/** Variables that hold a boolean, wherever the stack shows it. */
function discoveredBooleans(): string[] {
  const inCompose = loadCompose().services.flatMap((service) =>
    Object.entries(service.environment)
      .filter(([, value]) => value !== undefined && WORDS.test(value))
      .map(([name]) => name),
  );
  // .env.example documents a boolean as "NAME=true" in a comment, or "true/false" above it.
  const example = readRepoFile('.env.example');
  const inExample = [
    ...[...example.matchAll(/\b([A-Z][A-Z0-9_]*)=(?:true|false)\b/g)].map((m) => m[1] ?? ''),
    ...[...example.matchAll(/^#.*\btrue\/false\b.*\n(?:#.*\n)*#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
      (m) => m[1] ?? '',
    ),
  ];
  const comparedInAlloy = [...alloyCode.matchAll(/sys\.env\("([^"]+)"\)\s*\)?\s*[!=]=/g)].map(
    (m) => m[1] ?? '',
  );
  const readAsBooleanInAlloy = alloyBooleanVariables(alloySource).map((b) => b.variable);
  return [
    ...new Set([...inCompose, ...inExample, ...comparedInAlloy, ...readAsBooleanInAlloy]),
  ].sort();
}

/** The spellings config.alloy's boolean_env maps to a file under modules/boolean/. */
function alloySpellings(): Record<string, string> {
  const [declare] = alloyBlocks(alloySource, 'declare').filter((b) => b.label === 'boolean_env');
  const [reader] = alloyBlocks(declare?.body ?? '', 'local.file');
  const table = /\{([^{}]*)\}\[/.exec(reader?.body ?? '')?.[1] ?? '';
  return Object.fromEntries(
    [...table.matchAll(/"([^"]+)"\s*=\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
}

describe('boolean settings from the environment', () => {
  test('every one the stack reads is listed here with how it is checked', () => {
    expect(discoveredBooleans()).toEqual(Object.keys(BOOLEANS).sort());
  });

  test.each(
    Object.entries(BOOLEANS)
      .filter(([, h]) => h === 'alloy')
      .map(([name]) => name),
  )('%s goes through boolean_env in config.alloy, never a raw comparison', (name) => {
    expect(alloyBooleanVariables(alloySource).map((b) => b.variable)).toContain(name);
    expect(alloyCode, `${ALLOY_CONFIG}: sys.env("${name}") bypasses boolean_env`).not.toContain(
      `sys.env("${name}")`,
    );
  });

  test('boolean_env accepts the usual spellings, and each leads to a file holding the value', () => {
    const spellings = alloySpellings();
    expect(spellings).toEqual({
      true: 'true',
      '1': 'true',
      yes: 'true',
      on: 'true',
      false: 'false',
      '0': 'false',
      no: 'false',
      off: 'false',
    });
    for (const value of ['true', 'false']) {
      const file = `infra/alloy/modules/boolean/${value}`;
      expect(repoFileExists(file), `${file}: expected (boolean_env reads it)`).toBe(true);
      expect(JSON.parse(readRepoFile(file))).toBe(value === 'true');
    }
  });

  test('boolean_env lowercases and trims the value, reads unset as false, and names the variable otherwise', () => {
    const [declare] = alloyBlocks(alloySource, 'declare').filter((b) => b.label === 'boolean_env');
    const body = declare?.body ?? '';
    expect(body).toMatch(
      /coalesce\(string\.to_lower\(string\.trim_space\(sys\.env\(argument\.variable\.value\)\)\), "false"\)/,
    );
    // The fallback file name is the error message Alloy prints when it cannot read it.
    expect(body).toMatch(
      /string\.format\("%s=%q is not a boolean[^"]*", argument\.variable\.value/,
    );
  });

  test('compose hands the journal switch a spelling boolean_env knows', () => {
    const journal = loadCompose().services.find((s) => s.name === 'alloy')?.environment
      .ALLOY_JOURNAL;
    expect(Object.keys(alloySpellings())).toContain(String(journal).trim().toLowerCase());
  });

  test("the bot takes boolean_env's spellings: one .env means the same to both", () => {
    const bot = Object.fromEntries(
      Object.entries(BOOLEAN_SPELLINGS).flatMap(([value, words]) =>
        words.map((word) => [word, value]),
      ),
    );
    expect(bot).toEqual(alloySpellings());
  });

  test.each(Object.entries(BOT_CHECKS))(
    'the bot reads %s=" YES " as on and refuses maybe at startup, naming it',
    (name, check) => {
      expect(() => check({ [name]: ' YES ', DISCORD_TOKEN: 'token.for.mode' })).not.toThrow();
      expect(() => check({ [name]: 'maybe' })).toThrow(name);
    },
  );

  test.each(
    Object.entries(BOOLEANS)
      .filter(([, h]) => h === 'fixed')
      .map(([name]) => name),
  )('%s is a literal true or false in compose.yaml', (name) => {
    const services = loadComposeDocument().services;
    const values = Object.values(isRecord(services) ? services : {}).flatMap((service) => {
      const environment = isRecord(service) ? service.environment : undefined;
      return isRecord(environment) && name in environment ? [environment[name]] : [];
    });
    expect(values.length, `${COMPOSE_FILE}: ${name}`).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^(true|false)$/);
  });
});
