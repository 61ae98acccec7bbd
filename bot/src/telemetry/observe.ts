import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { ATTR } from '../contract/attributes.js';
import { FAILED_OUTCOMES, type Outcome } from '../contract/outcomes.js';
import { SPANS } from '../contract/spans.js';
import { interactionInstruments, SCOPE } from './instruments.js';
import { type InteractionType, interactionMessage } from './interaction-message.js';
import { commandLabel, roleLabel, telemetryUserId } from './privacy.js';

/**
 * The bot's telemetry API: the app calls these around its work and knows nothing else of
 * OpenTelemetry. Built on `@opentelemetry/api` alone (no SDK): without the preload every
 * call is a cheap no-op.
 */

export interface InteractionMeta {
  /** The command as a user types it, e.g. `/role add`. */
  readonly command: string;
  readonly subcommand?: string;
  readonly guildId: string | null;
  /** The gateway shard the interaction came in on; absent outside a guild. */
  readonly shardId?: number;
  /** The Discord user id: hashed or dropped per ROBOSHPEE_USER_IDS, never recorded as is. */
  readonly userId: string;
}

export interface InteractionScope {
  /** How the interaction ended; `ok` unless set, `error` when `run` throws. */
  setOutcome(outcome: Outcome): void;
  /** The role the interaction is about; recorded by name only if it is manageable. */
  setRole(name: string, manageable: readonly string[]): void;
  /** An error the handler caught and turned into a reply: recorded on the span. */
  recordError(error: unknown): void;
}

/**
 * Runs one command inside its span, then counts and times it and writes its log line to
 * `logger`, inside the span so that the line carries the interaction's trace_id and span_id.
 */
export function observeCommand<T>(
  meta: InteractionMeta,
  logger: Logger,
  run: (scope: InteractionScope) => Promise<T>,
): Promise<T> {
  return observeInteraction('command', meta, logger, run);
}

/** As `observeCommand`, for an autocomplete request. */
export function observeAutocomplete<T>(
  meta: InteractionMeta,
  logger: Logger,
  run: (scope: InteractionScope) => Promise<T>,
): Promise<T> {
  return observeInteraction('autocomplete', meta, logger, run);
}

/** A child span around resolving a role name: the core's lookups are synchronous. */
export function observeRoleLookup<T>(fn: () => T): T {
  return trace.getTracer(SCOPE).startActiveSpan(SPANS.roleLookup.name, (span) => {
    try {
      return fn();
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Counts a role change; the role is a label only when it is manageable, else `other`. */
export function recordRoleChange(
  action: 'add' | 'remove' | 'create',
  role: string,
  manageable: readonly string[],
): void {
  interactionInstruments().roleChanges.add(1, {
    [ATTR.roleAction]: action,
    [ATTR.role]: roleLabel(role, manageable),
  });
}

/** `/role add` from either `{command: '/role add'}` or `{command: 'role', subcommand: 'add'}`. */
function displayName(meta: InteractionMeta): string {
  const base = meta.command.startsWith('/') ? meta.command : `/${meta.command}`;
  if (meta.subcommand === undefined || base.split(' ').includes(meta.subcommand)) return base;
  return `${base} ${meta.subcommand}`;
}

async function observeInteraction<T>(
  type: InteractionType,
  meta: InteractionMeta,
  logger: Logger,
  run: (scope: InteractionScope) => Promise<T>,
): Promise<T> {
  const command = commandLabel(displayName(meta));
  const user = telemetryUserId(meta.userId);
  const attributes: Attributes = { [ATTR.command]: command, [ATTR.interactionType]: type };
  if (meta.subcommand !== undefined) attributes[ATTR.subcommand] = meta.subcommand;
  if (meta.guildId !== null) attributes[ATTR.guild] = meta.guildId;
  if (meta.shardId !== undefined) attributes[ATTR.shard] = meta.shardId;
  if (user !== undefined) attributes[ATTR.user] = user;
  const spanName = type === 'command' ? command : `${command} autocomplete`;

  return trace
    .getTracer(SCOPE)
    .startActiveSpan(spanName, { kind: SpanKind.SERVER, attributes }, async (span) => {
      const started = performance.now();
      let outcome: Outcome | undefined;
      let role: string | undefined;
      const scope: InteractionScope = {
        setOutcome: (value) => {
          outcome = value;
        },
        setRole: (name, manageable) => {
          role = roleLabel(name, manageable);
          span.setAttribute(ATTR.role, role);
        },
        recordError: (error) => recordException(span, error),
      };
      try {
        return await run(scope);
      } catch (error) {
        if (outcome === undefined || !FAILED_OUTCOMES.includes(outcome)) outcome = 'error';
        recordException(span, error);
        throw error;
      } finally {
        const final = outcome ?? 'ok';
        const seconds = (performance.now() - started) / 1000;
        span.setAttribute(ATTR.outcome, final);
        if (FAILED_OUTCOMES.includes(final)) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: final });
        }
        const instruments = interactionInstruments();
        const labels = { [ATTR.command]: command, [ATTR.outcome]: final };
        if (type === 'command') {
          instruments.commands.add(1, labels);
          instruments.commandDuration.record(seconds, labels);
        } else {
          instruments.autocompleteDuration.record(seconds, { [ATTR.command]: command });
        }
        const summary = {
          type,
          command,
          outcome: final,
          durationMs: Math.round(seconds * 1_000_000) / 1000,
          ...(role === undefined ? {} : { role }),
          ...(user === undefined ? {} : { user }),
        };
        try {
          logger.info(summary, interactionMessage(summary));
        } catch {
          // A failing log line must not turn a served interaction into a failed one.
        }
        span.end();
      }
    });
}

function recordException(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
}

function failSpan(span: Span, error: unknown): void {
  recordException(span, error);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
