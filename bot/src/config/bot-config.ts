import type { LogFormat } from '../telemetry/logger.js';
import { ConfigError } from './config-error.js';
import { deepFreeze } from './deep-freeze.js';
import type { Secret } from './secret.js';
import { type Environment, readSections } from './section.js';
import { demoSection } from './sections/demo.js';
import { discordSection } from './sections/discord.js';
import { discordTokenSection, resolveToken, tokenFormProblems } from './sections/discord-token.js';
import { healthSection } from './sections/health.js';
import { type LogLevel, logFormatSection, loggingSection } from './sections/logging.js';
import { modeOf, modeSection } from './sections/mode.js';
import { roleColorSection } from './sections/roles.js';
import { shutdownSection } from './sections/shutdown.js';

/**
 * The bot's settings (main.ts, register.ts), read once from the environment. A bad value is
 * reported as one line naming the variable and the form it expects; the token is never
 * echoed. Telemetry settings are the preload's (telemetry-config.ts).
 */

interface CommonConfig {
  /** RGB of the colour that marks a game role. */
  readonly roleColor: number;
  readonly logLevel: LogLevel;
  /** Undefined: pretty on a terminal, JSON otherwise. */
  readonly logFormat: LogFormat | undefined;
  readonly shutdownTimeoutMs: number;
  /** Where /livez and /readyz are served (compose healthcheck, Kubernetes probes). */
  readonly health: { readonly host: string; readonly port: number };
  readonly applicationId?: string;
  readonly guildId?: string;
  /** A ShardingManager started this process with its shards (SHARDS). */
  readonly shardsAssigned: boolean;
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

export function loadBotConfig(env: Environment): Config {
  // Raw strings that cannot be refused here, so its form is judged with everything else.
  const { tokenSource } = readSections(env, { tokenSource: discordTokenSection });
  const sections = withProblems(tokenFormProblems(tokenSource), () =>
    readSections(env, {
      mode: modeSection,
      discord: discordSection,
      demo: demoSection,
      health: healthSection,
      logLevel: loggingSection,
      logFormat: logFormatSection,
      roleColor: roleColorSection,
      shutdownTimeoutMs: shutdownSection,
    }),
  );
  const { discord } = sections;
  const common: CommonConfig = {
    roleColor: sections.roleColor,
    logLevel: sections.logLevel,
    logFormat: sections.logFormat,
    shutdownTimeoutMs: sections.shutdownTimeoutMs,
    health: sections.health,
    shardsAssigned: discord.shardsAssigned,
    ...(discord.applicationId ? { applicationId: discord.applicationId } : {}),
    ...(discord.guildId ? { guildId: discord.guildId } : {}),
  };
  const tokenGiven = tokenSource.token !== undefined || tokenSource.file !== undefined;
  if (modeOf(sections.mode.forcedDemo, tokenGiven) === 'demo') {
    return deepFreeze({ ...common, mode: 'demo', demo: sections.demo });
  }
  const resolved = resolveToken(tokenSource);
  if ('problems' in resolved) throw new ConfigError(resolved.problems);
  return deepFreeze({ ...common, mode: 'discord', token: resolved.token, apiUrl: discord.apiUrl });
}

/** `read()`'s value when it and `earlier` find nothing wrong; else one error listing both. */
function withProblems<T>(earlier: readonly string[], read: () => T): T {
  let value: T;
  try {
    value = read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError([...earlier, ...error.problems]);
  }
  if (earlier.length > 0) throw new ConfigError(earlier);
  return value;
}
