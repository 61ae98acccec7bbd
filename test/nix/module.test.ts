import { existsSync, globSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { alloyEnvironmentVariables } from '../../harness/configs/alloy-config.js';
import { nixEval, nixMissing } from '../../harness/nix/nix-cli.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';

// nix/module.nix evaluated with the stand-in lib of fixtures/module-eval.nix (no nixpkgs
// here): its options and the unit it writes. The VM test covers the real module system.

interface OptionDoc {
  description: string | null;
  example: unknown;
  defaultText: string | null;
}
type OptionTree = { [name: string]: OptionDoc | OptionTree };

interface Unit {
  environment: Record<string, string>;
  serviceConfig: Record<string, unknown>;
  after: string[];
}
interface Evaluated {
  options: OptionTree;
  renamed: { from: string[]; to: string[] }[];
  config: {
    assertions: { assertion: boolean; message: string }[];
    services: { alloy?: { enable: boolean; configPath: string } };
    systemd: { services: { roboshpee: Unit; alloy?: Partial<Unit> } };
  };
}

function evaluate(settings: string): Evaluated {
  return nixEval<Evaluated>(
    `import ./test/nix/fixtures/module-eval.nix { settings = ${settings}; }`,
  );
}

// An option's documentation has a string or null description; no option is named
// `description`, so a nested option set never does.
function isDoc(node: OptionDoc | OptionTree): node is OptionDoc {
  return typeof node.description === 'string' || node.description === null;
}

function leaves(tree: OptionTree, prefix = ''): [string, OptionDoc][] {
  return Object.entries(tree).flatMap(([name, node]): [string, OptionDoc][] =>
    isDoc(node) ? [[`${prefix}${name}`, node]] : leaves(node, `${prefix}${name}.`),
  );
}

const failed = (e: Evaluated) =>
  e.config.assertions.filter((a) => !a.assertion).map((a) => a.message);

if (nixMissing) console.warn(`SKIPPED test/nix/module: ${nixMissing}`);

describe.skipIf(nixMissing !== null)('services.roboshpee (nix/module.nix)', () => {
  test('GIVEN the module THEN it has the options the issue asks for, each with a description', () => {
    const options = leaves(evaluate('{ }').options);
    expect(options.map(([name]) => name).sort()).toEqual([
      'alloy.enable',
      'alloy.environment',
      'alloy.environmentFile',
      'demo',
      'enable',
      'environmentFile',
      'otlpEndpoint',
      'package',
      'settings',
      'tokenFile',
    ]);
    for (const [name, doc] of options) {
      expect(doc.description?.trim().length ?? 0, name).toBeGreaterThan(20);
    }
  });

  test('GIVEN no package THEN it is pkgs.roboshpee (mkPackageOption) and the unit runs its program', () => {
    const e = evaluate('{ enable = true; demo = true; }');
    expect((e.options.package as OptionDoc).defaultText).toBe('pkgs.roboshpee');
    expect(e.config.systemd.services.roboshpee.serviceConfig.ExecStart).toBe(
      '/nix/store/00000000000000000000000000000000-roboshpee/bin/roboshpee',
    );
  });

  test('GIVEN the old extraEnvironment option THEN it is renamed to settings, not dropped', () => {
    expect(evaluate('{ }').renamed).toEqual([
      {
        from: ['services', 'roboshpee', 'extraEnvironment'],
        to: ['services', 'roboshpee', 'settings'],
      },
    ]);
  });

  const tokenPath = '/run/secrets/discord-token';
  test('GIVEN a token file THEN systemd loads it as a credential and the bot reads it from %d', () => {
    const e = evaluate(`{ enable = true; tokenFile = "${tokenPath}"; }`);
    const unit = e.config.systemd.services.roboshpee;
    expect(unit.serviceConfig.LoadCredential).toEqual([`discord-token:${tokenPath}`]);
    expect(unit.environment.DISCORD_TOKEN_FILE).toBe('%d/discord-token');
    expect(unit.serviceConfig.EnvironmentFile).toEqual([]);
    expect(unit.environment.ROBOSHPEE_DEMO).toBe('false');
    expect(failed(e)).toEqual([]);
  });

  test('GIVEN a token file THEN neither the environment nor any other unit setting names it or holds a token', () => {
    const unit = evaluate(`{ enable = true; tokenFile = "${tokenPath}"; }`).config.systemd.services
      .roboshpee;
    expect(Object.keys(unit.environment)).not.toContain('DISCORD_TOKEN');
    expect(JSON.stringify(unit.environment)).not.toContain(tokenPath);
    const { LoadCredential: _, ...rest } = unit.serviceConfig;
    expect(JSON.stringify(rest)).not.toContain(tokenPath);
  });

  test('GIVEN demo mode THEN no credential is loaded and no token file is named', () => {
    const unit = evaluate('{ enable = true; demo = true; }').config.systemd.services.roboshpee;
    expect(unit.serviceConfig.LoadCredential).toEqual([]);
    expect(Object.keys(unit.environment)).not.toContain('DISCORD_TOKEN_FILE');
  });

  test('GIVEN an environment file THEN systemd reads it for the other secrets', () => {
    const e = evaluate(
      '{ enable = true; demo = true; environmentFile = "/run/secrets/roboshpee.env"; }',
    );
    expect(e.config.systemd.services.roboshpee.serviceConfig.EnvironmentFile).toEqual([
      '/run/secrets/roboshpee.env',
    ]);
    expect(failed(e)).toEqual([]);
  });

  test('GIVEN settings of each type THEN the unit environment holds them as the bot parses them', () => {
    const unit = evaluate(
      '{ enable = true; demo = true; settings = { LOG_LEVEL = "debug"; ROBOSHPEE_DEMO_RATE = 2; ROBOSHPEE_PROFILING = true; ROBOSHPEE_OTLP_LOGS = true; }; }',
    ).config.systemd.services.roboshpee;
    expect(unit.environment).toMatchObject({
      LOG_LEVEL: 'debug',
      ROBOSHPEE_DEMO_RATE: '2',
      ROBOSHPEE_PROFILING: 'true',
      ROBOSHPEE_OTLP_LOGS: 'true',
    });
  });

  test.each([
    ['neither a token file nor demo mode', '{ enable = true; }', /set tokenFile .* or demo/],
    [
      'a token in settings',
      '{ enable = true; demo = true; settings.DISCORD_TOKEN = "x"; }',
      /settings\.DISCORD_TOKEN: set tokenFile \(the token must stay out of the Nix store\)/,
    ],
    [
      'a token file path in settings',
      '{ enable = true; demo = true; settings.DISCORD_TOKEN_FILE = "/run/t"; }',
      /settings\.DISCORD_TOKEN_FILE: set tokenFile instead/,
    ],
    [
      'demo mode in settings',
      '{ enable = true; demo = true; settings.ROBOSHPEE_DEMO = false; }',
      /settings\.ROBOSHPEE_DEMO: set demo instead/,
    ],
    [
      'the OTLP endpoint in settings',
      '{ enable = true; demo = true; settings.OTEL_EXPORTER_OTLP_ENDPOINT = "http://x:4317"; }',
      /settings\.OTEL_EXPORTER_OTLP_ENDPOINT: set otlpEndpoint instead/,
    ],
    [
      'a token file in the Nix store',
      '{ enable = true; tokenFile = "/nix/store/abc-token"; }',
      /tokenFile is in the Nix store/,
    ],
    [
      'an environment file in the Nix store',
      '{ enable = true; demo = true; environmentFile = "/nix/store/abc-token.env"; }',
      /environmentFile is in the Nix store/,
    ],
  ] as const)('GIVEN %s THEN an assertion refuses the configuration', (_, settings, message) => {
    const messages = failed(evaluate(settings));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  test('GIVEN demo mode THEN the unit is hardened, restarts on failure and logs only to journald', () => {
    const unit = evaluate('{ enable = true; demo = true; }').config.systemd.services.roboshpee;
    expect(unit.environment).toMatchObject({
      ROBOSHPEE_DEMO: 'true',
      ROBOSHPEE_OTLP_LOGS: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4317',
    });
    expect(unit.serviceConfig).toMatchObject({
      ExecStart: '/nix/store/00000000000000000000000000000000-roboshpee/bin/roboshpee',
      DynamicUser: true,
      NoNewPrivileges: true,
      ProtectSystem: 'strict',
      PrivateTmp: true,
      PrivateUsers: true,
      Restart: 'on-failure',
      RestrictAddressFamilies: ['AF_INET', 'AF_INET6', 'AF_UNIX'],
    });
  });

  test.each([
    [undefined, 10],
    ['"60000"', 60],
    ['60000', 60],
  ] as const)(
    'GIVEN ROBOSHPEE_SHUTDOWN_TIMEOUT_MS=%s THEN systemd waits longer than %i s before SIGKILL',
    (ms, seconds) => {
      const settings =
        ms === undefined
          ? '{ enable = true; demo = true; }'
          : `{ enable = true; demo = true; settings.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS = ${ms}; }`;
      const unit = evaluate(settings).config.systemd.services.roboshpee;
      expect(unit.serviceConfig.TimeoutStopSec).toBeGreaterThan(seconds);
    },
  );
});

describe.skipIf(nixMissing !== null)('services.roboshpee stop timeout', () => {
  test('GIVEN a shutdown timeout that is not a number THEN evaluation names the variable', () => {
    expect(() =>
      evaluate('{ enable = true; demo = true; settings.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS = "10s"; }'),
    ).toThrow(
      /settings\.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, got "10s"/,
    );
  });
});

describe.skipIf(nixMissing !== null)('services.roboshpee.alloy and infra/alloy', () => {
  const alloyFiles = globSync('infra/alloy/**/*.alloy', { cwd: REPO_ROOT });
  // sys.env("...") and the booleans config.alloy reads through its boolean_env.
  const readByConfig = new Set(
    alloyFiles.flatMap((file) =>
      alloyEnvironmentVariables(readFileSync(join(REPO_ROOT, file), 'utf8')),
    ),
  );

  test('GIVEN alloy.enable THEN Alloy runs the project config in journald mode before the bot', () => {
    const e = evaluate('{ enable = true; demo = true; alloy.enable = true; }');
    expect(e.config.services.alloy?.enable).toBe(true);
    expect(e.config.services.alloy?.configPath).toMatch(/-config\.alloy$/);
    const env = e.config.systemd.services.alloy?.environment ?? {};
    expect(env.ALLOY_JOURNAL).toBe('on');
    expect(basename(env.ALLOY_MODULES_DIR ?? '')).toMatch(/-modules$/);
    expect(existsSync(join(REPO_ROOT, 'infra/alloy/modules/journal-on.alloy'))).toBe(true);
    expect(e.config.systemd.services.roboshpee.after).toContain('alloy.service');
  });

  test('GIVEN the variables the module, its example and the VM test set for Alloy THEN the config reads each one', () => {
    const e = evaluate(
      '{ enable = true; demo = true; alloy.enable = true; alloy.environment.LOKI_PUSH_URL = "http://x"; }',
    );
    const example = (e.options.alloy as OptionTree).environment as OptionDoc;
    const vmTest = nixEval<Record<string, string>>(
      `((import ./nix/vm-test.nix { testers.runNixOSTest = t: t; roboshpee = null; }).nodes.machine
         { pkgs = { curl = null; jq = null; }; }).services.roboshpee.alloy.environment`,
    );
    const names = new Set([
      ...Object.keys(e.config.systemd.services.alloy?.environment ?? {}),
      ...Object.keys(example.example as Record<string, string>),
      ...Object.keys(vmTest),
    ]);
    expect(readByConfig.size).toBeGreaterThan(5);
    expect([...names].filter((name) => !readByConfig.has(name))).toEqual([]);
  });
});
