import { ConfigError } from './config-error.js';
import { deepFreeze } from './deep-freeze.js';
import type { Secret } from './secret.js';
import { type Environment, readSections } from './section.js';
import { demoSection } from './sections/demo.js';
import { discordSection } from './sections/discord.js';
import { discordTokenSection, resolveToken, tokenFormProblems } from './sections/discord-token.js';
import { healthSection } from './sections/health.js';
import { type LogLevel, loggingSection } from './sections/logging.js';
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
  const sections = readSections(env, {
    mode: modeSection,
    tokenSource: discordTokenSection,
    discord: discordSection,
    demo: demoSection,
    health: healthSection,
    logLevel: loggingSection,
    roleColor: roleColorSection,
    shutdownTimeoutMs: shutdownSection,
  });
  const { tokenSource, discord } = sections;
  const common: CommonConfig = {
    roleColor: sections.roleColor,
    logLevel: sections.logLevel,
    shutdownTimeoutMs: sections.shutdownTimeoutMs,
    health: sections.health,
    shardsAssigned: discord.shardsAssigned,
    ...(discord.applicationId ? { applicationId: discord.applicationId } : {}),
    ...(discord.guildId ? { guildId: discord.guildId } : {}),
  };
  const tokenGiven = tokenSource.token !== undefined || tokenSource.file !== undefined;
  if (modeOf(sections.mode.forcedDemo, tokenGiven) === 'demo') {
    const malformed = tokenFormProblems(tokenSource);
    if (malformed.length > 0) throw new ConfigError(malformed);
    return deepFreeze({ ...common, mode: 'demo', demo: sections.demo });
  }
  const resolved = resolveToken(tokenSource);
  if ('problems' in resolved) throw new ConfigError(resolved.problems);
  return deepFreeze({ ...common, mode: 'discord', token: resolved.token, apiUrl: discord.apiUrl });
}
