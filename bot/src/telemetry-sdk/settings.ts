import { z } from 'zod';

/**
 * The RoboShpee-specific telemetry settings (everything else is a standard `OTEL_*`
 * variable read by the SDK itself). A bad value is a startup error naming the variable.
 */
export interface TelemetrySettings {
  /** `hash`: a pseudonymous digest of the Discord user id; `omit`: no user attribute at all. */
  readonly userIds: 'hash' | 'omit';
  /** Also send log records over OTLP (compose); off where journald already keeps stdout. */
  readonly otlpLogs: boolean;
  /** Continuous CPU and heap profiles to Pyroscope (compose turns it on). */
  readonly profiling: boolean;
}

const got = (input: unknown) => `got '${String(input)}'`;

const booleanFlag = (name: string) =>
  z
    .enum(['true', 'false'], {
      error: (issue) => `${name} must be 'true' or 'false', ${got(issue.input)}`,
    })
    .default('false')
    .transform((value) => value === 'true');

const schema = z.object({
  ROBOSHPEE_USER_IDS: z
    .enum(['hash', 'omit'], {
      error: (issue) => `ROBOSHPEE_USER_IDS must be 'hash' or 'omit', ${got(issue.input)}`,
    })
    .default('hash'),
  ROBOSHPEE_OTLP_LOGS: booleanFlag('ROBOSHPEE_OTLP_LOGS'),
  ROBOSHPEE_PROFILING: booleanFlag('ROBOSHPEE_PROFILING'),
});

export class TelemetrySettingsError extends Error {
  override readonly name = 'TelemetrySettingsError';
}

/** A parsed settings schema's value, or one error naming every bad variable. */
export function settingsOrThrow<T>(parsed: z.ZodSafeParseResult<T>): T {
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
  throw new TelemetrySettingsError(`invalid telemetry configuration: ${problems}`);
}

export function readTelemetrySettings(env: NodeJS.ProcessEnv = process.env): TelemetrySettings {
  const value = settingsOrThrow(
    schema.safeParse({
      ROBOSHPEE_USER_IDS: env.ROBOSHPEE_USER_IDS || undefined,
      ROBOSHPEE_OTLP_LOGS: env.ROBOSHPEE_OTLP_LOGS || undefined,
      ROBOSHPEE_PROFILING: env.ROBOSHPEE_PROFILING || undefined,
    }),
  );
  return {
    userIds: value.ROBOSHPEE_USER_IDS,
    otlpLogs: value.ROBOSHPEE_OTLP_LOGS,
    profiling: value.ROBOSHPEE_PROFILING,
  };
}
