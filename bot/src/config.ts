import { inspect } from 'node:util';
import { z } from 'zod';

/**
 * The bot's settings, read once from environment variables. A bad value is reported as one
 * line naming the variable and the form it expects; the token is never echoed. Telemetry
 * settings (`OTEL_*`, ROBOSHPEE_OTLP_LOGS, ROBOSHPEE_USER_IDS) are read by the preload.
 */

/** A value that logging, JSON, string formatting and `inspect` all show as `[redacted]`. */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself, for the one call that needs it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return '[redacted]';
  }
}

interface CommonConfig {
  /** RGB of the colour that marks a game role. */
  readonly roleColor: number;
  readonly logLevel: LogLevel;
  readonly shutdownTimeoutMs: number;
  /** Where /livez and /readyz are served (compose healthcheck, Kubernetes probes). */
  readonly health: { readonly host: string; readonly port: number };
  readonly applicationId?: string;
  readonly guildId?: string;
}

export interface DiscordConfig extends CommonConfig {
  readonly mode: 'discord';
  readonly token: Secret;
  /** REST base, e.g. `https://discord.com/api`; the gateway URL is asked from it. */
  readonly apiUrl: string;
}

export interface DemoConfig extends CommonConfig {
  readonly mode: 'demo';
  readonly demo: {
    /** Simulated interactions per second; 0 sends only those requested over the control API. */
    readonly rate: number;
    readonly host: string;
    readonly port: number;
  };
}

export type Config = DiscordConfig | DemoConfig;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /** One line per bad variable. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const got = (input: unknown) => {
  const text = String(input);
  return `got '${text.length > 60 ? `${text.slice(0, 60)}...` : text}'`;
};

/** A variable that must match `pattern`; `expected` completes "NAME must be ...". */
const matching = (name: string, pattern: RegExp, expected: string) =>
  z
    .string()
    .regex(pattern, { error: (issue) => `${name} must be ${expected}, ${got(issue.input)}` });

const integer = (name: string, min: number, max: number, fallback: number) =>
  matching(name, /^\d+$/, `an integer from ${min} to ${max}`)
    .default(String(fallback))
    .transform(Number)
    .refine((value) => value >= min && value <= max, {
      error: (issue) => `${name} must be an integer from ${min} to ${max}, ${got(issue.input)}`,
    });

const interfaceAddress = (name: string) =>
  matching(name, /^[\w.:-]+$/, 'an interface address such as 127.0.0.1 or 0.0.0.0').default(
    '127.0.0.1',
  );

const snowflake = (name: string) =>
  matching(name, /^\d{17,20}$/, 'a Discord id (17 to 20 digits)').optional();

const schema = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w.-]+$/, {
      // The token is a secret: say what is wrong with it without repeating it.
      error:
        "DISCORD_TOKEN must be the bot token from the Developer Portal, without a 'Bot ' prefix or spaces",
    })
    .optional(),
  ROBOSHPEE_DEMO: z
    .enum(['true', 'false'], {
      error: (issue) => `ROBOSHPEE_DEMO must be 'true' or 'false', ${got(issue.input)}`,
    })
    .optional(),
  DISCORD_API_URL: z
    .url({
      protocol: /^https?$/,
      error: (issue) =>
        `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, ${got(issue.input)}`,
    })
    .default('https://discord.com/api')
    .transform((url) => url.replace(/\/+$/, '')),
  DISCORD_APPLICATION_ID: snowflake('DISCORD_APPLICATION_ID'),
  DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID'),
  ROBOSHPEE_ROLE_COLOR: matching(
    'ROBOSHPEE_ROLE_COLOR',
    /^#[0-9a-fA-F]{6}$/,
    'a hex colour such as #206694',
  )
    .default('#206694')
    .transform((hex) => Number.parseInt(hex.slice(1), 16)),
  ROBOSHPEE_DEMO_RATE: matching(
    'ROBOSHPEE_DEMO_RATE',
    /^\d+(\.\d+)?$/,
    'interactions per second, a number from 0 to 1000',
  )
    .default('2')
    .transform(Number)
    .refine((rate) => rate <= 1000, {
      error: (issue) =>
        `ROBOSHPEE_DEMO_RATE must be interactions per second, a number from 0 to 1000, ${got(issue.input)}`,
    }),
  ROBOSHPEE_DEMO_HOST: interfaceAddress('ROBOSHPEE_DEMO_HOST'),
  ROBOSHPEE_DEMO_PORT: integer('ROBOSHPEE_DEMO_PORT', 0, 65535, 0),
  // Loopback by default: only the machine's own checks ask; Kubernetes probes need 0.0.0.0.
  ROBOSHPEE_HEALTH_HOST: interfaceAddress('ROBOSHPEE_HEALTH_HOST'),
  // A fixed port, so that a healthcheck or probe written once finds it; 0 picks a free one.
  ROBOSHPEE_HEALTH_PORT: integer('ROBOSHPEE_HEALTH_PORT', 0, 65535, 8081),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, {
      error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, ${got(issue.input)}`,
    })
    .default('info'),
  // Long enough for a rate-limited Discord call to finish, short of systemd's 90 s kill.
  ROBOSHPEE_SHUTDOWN_TIMEOUT_MS: integer('ROBOSHPEE_SHUTDOWN_TIMEOUT_MS', 1, 60_000, 10_000),
});

type Variable = keyof typeof schema.shape;

/**
 * Demo mode: an explicit ROBOSHPEE_DEMO, else no DISCORD_TOKEN. The telemetry preload asks
 * too, before the configuration is loaded (the resource's environment, the metric interval).
 */
export function isDemoMode(env: NodeJS.ProcessEnv): boolean {
  if (env.ROBOSHPEE_DEMO === 'true') return true;
  if (env.ROBOSHPEE_DEMO === 'false') return false;
  return !env.DISCORD_TOKEN;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as `FOO= cmd` and compose's `FOO:` intend.
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, env[name] === '' ? undefined : env[name]]),
  ) as Record<Variable, string | undefined>;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError([...new Set(parsed.error.issues.map((issue) => issue.message))]);
  }
  const vars = parsed.data;
  const common: CommonConfig = {
    roleColor: vars.ROBOSHPEE_ROLE_COLOR,
    logLevel: vars.LOG_LEVEL,
    shutdownTimeoutMs: vars.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS,
    health: { host: vars.ROBOSHPEE_HEALTH_HOST, port: vars.ROBOSHPEE_HEALTH_PORT },
    ...(vars.DISCORD_APPLICATION_ID ? { applicationId: vars.DISCORD_APPLICATION_ID } : {}),
    ...(vars.DISCORD_GUILD_ID ? { guildId: vars.DISCORD_GUILD_ID } : {}),
  };
  if (isDemoMode(env)) {
    return {
      ...common,
      mode: 'demo',
      demo: {
        rate: vars.ROBOSHPEE_DEMO_RATE,
        host: vars.ROBOSHPEE_DEMO_HOST,
        port: vars.ROBOSHPEE_DEMO_PORT,
      },
    };
  }
  if (!vars.DISCORD_TOKEN) {
    throw new ConfigError([
      'DISCORD_TOKEN must be set to the bot token when ROBOSHPEE_DEMO=false (unset both for demo mode)',
    ]);
  }
  return {
    ...common,
    mode: 'discord',
    token: new Secret(vars.DISCORD_TOKEN),
    apiUrl: vars.DISCORD_API_URL,
  };
}

/** For entry points: the configuration, or each problem on stderr and exit status 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`roboshpee: ${problem}\n`);
    process.exit(1);
  }
}
