import type { LogFormat } from '../telemetry/logger.js';
import type { PrivacySettings } from '../telemetry/privacy.js';
import { deepFreeze } from './deep-freeze.js';
import { type Environment, readSections } from './section.js';
import { discordTokenSection } from './sections/discord-token.js';
import { exportEndpointsSection } from './sections/export-endpoints.js';
import { type LogLevel, logFormatSection, loggingSection } from './sections/logging.js';
import { type Mode, modeOf, modeSection } from './sections/mode.js';
import { privacySection } from './sections/privacy.js';
import {
  DEFAULT_PYROSCOPE_ADDRESS,
  type ProfilingSettings,
  profilingSwitchSection,
  pyroscopeSection,
} from './sections/profiling.js';
import { sdkEnvironmentSection } from './sections/sdk-environment.js';
import { sdkSwitchesSection } from './sections/sdk-switches.js';
import { type ExportSettings, exportSection } from './sections/telemetry-export.js';

/** Where each signal goes, for log lines (credentials in them are stripped when shown). */
export interface ExportEndpoints {
  readonly traces: string;
  readonly metrics: string;
  readonly logs: string;
  readonly profiles: string;
}

/** What the SDK is built from; read only when OTEL_SDK_DISABLED is not true. */
export interface SdkSettings {
  /** The resource's deployment.environment.name default. */
  readonly mode: Mode;
  /** The telemetry's own log lines. */
  readonly logLevel: LogLevel;
  /** Also send log records over OTLP (compose); off where journald already keeps stdout. */
  readonly otlpLogs: boolean;
  readonly export: ExportSettings;
  readonly endpoints: ExportEndpoints;
  /** Set when ROBOSHPEE_PROFILING=true. */
  readonly profiling?: ProfilingSettings;
}

/** The preload's settings. */
export interface TelemetryConfig {
  /** Applies to log lines even without the SDK, hence read either way. */
  readonly privacy: PrivacySettings;
  /** The telemetry's own lines are written as the bot's are; undefined: by the terminal. */
  readonly logFormat: LogFormat | undefined;
  /** Undefined when OTEL_SDK_DISABLED=true. */
  readonly sdk?: SdkSettings;
}

export function loadTelemetryConfig(env: Environment): TelemetryConfig {
  const always = readSections(env, {
    privacy: privacySection,
    switches: sdkSwitchesSection,
    profiling: profilingSwitchSection,
    logFormat: logFormatSection,
  });
  const { privacy, logFormat } = always;
  if (always.switches.disabled) return deepFreeze({ privacy, logFormat });
  const running = readSections(env, {
    mode: modeSection,
    tokenSource: discordTokenSection,
    logLevel: loggingSection,
    endpoints: exportEndpointsSection,
    sdkEnvironment: sdkEnvironmentSection,
  });
  const { token, file } = running.tokenSource;
  const mode = modeOf(running.mode.forcedDemo, token !== undefined || file !== undefined);
  const pipeline = readSections(env, { export: exportSection(mode) });
  const profiling = always.profiling
    ? readSections(env, { pyroscope: pyroscopeSection }).pyroscope
    : undefined;
  const sdk: SdkSettings = {
    mode,
    logLevel: running.logLevel,
    otlpLogs: always.switches.otlpLogs,
    export: pipeline.export,
    endpoints: {
      ...running.endpoints,
      profiles: (profiling?.serverAddress ?? DEFAULT_PYROSCOPE_ADDRESS).toString(),
    },
    ...(profiling === undefined ? {} : { profiling }),
  };
  return deepFreeze({ privacy, logFormat, sdk });
}
