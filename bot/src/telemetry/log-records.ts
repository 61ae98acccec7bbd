import {
  type AnyValue,
  type Attributes,
  type Logger,
  logs,
  SeverityNumber,
} from '@opentelemetry/api';
import { type DestinationStream, type Logger as PinoLogger, symbols } from 'pino';
import { SCOPE } from './instruments.js';
import { TRACE_CONTEXT_KEYS } from './log-correlation.js';

/**
 * Sends every line the bot logs as an OTel log record too, from the pino destination: the
 * line is written first (stdout stays the record of truth), then the record is emitted
 * synchronously, inside the caller's context, so that it carries the active span's trace
 * and span ids. The record is the line: body `msg`, severity from `level`, every other
 * field an attribute except `time` (the timestamp), `pid` and `hostname` (the resource says
 * them), `err` (the exception), `otel.event.name` (the event name) and the trace context
 * keys (the record's own ids): the record instrumentation-pino 0.70 made of the same line.
 *
 * This replaces @opentelemetry/instrumentation-pino, which wrapped the destination in a
 * multistream and parsed every JSON line back into an object. Here the fields come from
 * what pino had before it serialised them; a line whose fields are not all JSON scalars
 * (an error description, an array) is parsed back instead, so that its record is what the
 * line says, exactly. That holds as long as the logger has no serializer or formatter of
 * its own (createLogger sets none; pino's default `err` serializer takes the parsed path).
 */

/** Fields of the line that are not attributes; with one of them, the line is parsed back. */
const NOT_ATTRIBUTES = new Set([
  'time',
  'msg',
  'err',
  'level',
  'hostname',
  'pid',
  'otel.event.name',
]);
const TRACE_KEYS: ReadonlySet<string> = new Set(TRACE_CONTEXT_KEYS);

/** Attribute values as JSON has them: an error description stays a nested map. */
type AnyValueMap = Record<string, AnyValue>;

/** pino's default levels (the bot defines no others), each the lowest of its severity. */
const SEVERITIES: ReadonlyArray<readonly [number, SeverityNumber]> = [
  [60, SeverityNumber.FATAL],
  [50, SeverityNumber.ERROR],
  [40, SeverityNumber.WARN],
  [30, SeverityNumber.INFO],
  [20, SeverityNumber.DEBUG],
  [Number.NEGATIVE_INFINITY, SeverityNumber.TRACE],
];

let otelLogger: Logger | undefined;

/**
 * Whether lines become log records: the SDK turns it on once its logger provider has a
 * processor (only with ROBOSHPEE_OTLP_LOGS, so that no line reaches Loki twice). Until
 * then, and without the SDK, the destination only writes lines.
 */
export function sendLogRecords(enabled: boolean): void {
  otelLogger = enabled ? logs.getLogger(SCOPE) : undefined;
}

/** The state pino leaves on a destination that asks for metadata, before each write. */
interface LineMetadata {
  lastLevel: number;
  lastTime: string;
  lastMsg: string | undefined;
  lastObj: Record<string, unknown>;
  lastLogger: PinoLogger;
}

type Destination = DestinationStream & { flush?(callback?: (error?: Error) => void): void };

/** `destination` (pino's own stdout stream), also emitting each line as a log record. */
export function withLogRecords(destination: Destination): DestinationStream {
  const stream: Destination & LineMetadata & { [key: symbol]: boolean } = {
    [Symbol.for('pino.metadata')]: true,
    lastLevel: 0,
    lastTime: '',
    lastMsg: undefined,
    lastObj: {},
    lastLogger: undefined as unknown as PinoLogger,
    write(line: string) {
      destination.write(line);
      if (otelLogger !== undefined) emitRecord(otelLogger, stream, line);
    },
    // logger.flush() reaches the stdout stream; its flush on exit is registered on it.
    flush: (callback) => destination.flush?.(callback),
  };
  return stream;
}

function emitRecord(otel: Logger, meta: LineMetadata, line: string): void {
  const fields = fieldsOf(meta) ?? fieldsOfLine(line);
  const { body, exception, attributes } = fields;
  const time = Number(meta.lastTime);
  const timestamp = Number.isFinite(time) ? time : Date.now();
  const severityText = meta.lastLogger.levels.labels[meta.lastLevel];
  otel.emit({
    timestamp,
    observedTimestamp: timestamp,
    severityNumber: severityOf(meta.lastLevel),
    ...(severityText === undefined ? {} : { severityText }),
    body: body as AnyValue,
    // The SDK keeps nested values as they are; the API's type only names the flat ones.
    attributes: attributes as Attributes,
    ...(exception === undefined ? {} : { exception }),
    ...(fields.eventName === undefined ? {} : { eventName: fields.eventName }),
  });
}

interface RecordFields {
  readonly body: unknown;
  readonly attributes: AnyValueMap;
  readonly exception?: unknown;
  readonly eventName?: string;
}

/** The record from pino's own values, or undefined when only the parsed line is exact. */
function fieldsOf(meta: LineMetadata): RecordFields | undefined {
  const attributes: AnyValueMap = { ...bindingsOf(meta.lastLogger) };
  const fields = meta.lastObj;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined || TRACE_KEYS.has(key)) continue;
    if (NOT_ATTRIBUTES.has(key) || !isJsonScalar(value)) return undefined;
    attributes[key] = value;
  }
  return { body: meta.lastMsg, attributes };
}

/** Strings, booleans and finite numbers read back from JSON as they were. */
function isJsonScalar(value: unknown): value is string | boolean | number {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function fieldsOfLine(line: string): RecordFields {
  const parsed = JSON.parse(line) as Record<string, unknown>;
  const attributes: AnyValueMap = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!NOT_ATTRIBUTES.has(key) && !TRACE_KEYS.has(key)) attributes[key] = value as AnyValue;
  }
  const eventName = parsed['otel.event.name'];
  return {
    body: parsed.msg,
    attributes,
    exception: withName(parsed.err),
    ...(typeof eventName === 'string' ? { eventName } : {}),
  };
}

/** pino's error serialiser names the class `type`; OTel's exception wants a `name`. */
function withName(exception: unknown): unknown {
  if (typeof exception !== 'object' || exception === null || Array.isArray(exception)) {
    return exception;
  }
  const error = exception as Record<string, unknown>;
  if (typeof error.type === 'string' && typeof error.name !== 'string') error.name = error.type;
  return error;
}

/** A logger's bindings (`name`, a child's fields), parsed once per set of bindings. */
const bindingsCache = new WeakMap<PinoLogger, { key: string; bindings: AnyValueMap }>();

function bindingsOf(logger: PinoLogger): AnyValueMap {
  const key = (logger as unknown as Record<symbol, string>)[symbols.chindingsSym] ?? '';
  const cached = bindingsCache.get(logger);
  if (cached?.key === key) return cached.bindings;
  const bindings = logger.bindings() as AnyValueMap;
  bindingsCache.set(logger, { key, bindings });
  return bindings;
}

function severityOf(level: number): SeverityNumber {
  for (const [lowest, severity] of SEVERITIES) if (level >= lowest) return severity;
  return SeverityNumber.TRACE;
}
