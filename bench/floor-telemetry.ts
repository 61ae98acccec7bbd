/**
 * One `/role list`'s telemetry and nothing else, made with plain `@opentelemetry/api` calls
 * from the data contract (bot/src/contract): the command span with every attribute the
 * contract declares for it, its Discord REST child span (with the `traceparent` the call
 * carries), the REST call's duration, the command counter and duration, and the interaction
 * line's log record. The bench runs it in a process started with the bot's own preload (the
 * same SDK, exporters, batches and resource), so that its cost is the SDK's floor for what
 * the bot emits per command.
 */
import {
  type Attributes,
  type AttributeValue,
  context,
  logs,
  metrics,
  propagation,
  SeverityNumber,
  SpanKind,
  trace,
} from '@opentelemetry/api';
import {
  DURATION_BUCKETS_SECONDS,
  METRICS,
  RUNTIME_METRICS,
} from '../bot/src/contract/bot-metrics.js';
import { LOG_FIELDS } from '../bot/src/contract/logs.js';
import { SPANS, type SpanAttribute } from '../bot/src/contract/spans.js';

/**
 * A value for each attribute the contract declares on the two spans, the metrics and the
 * interaction line, as the bot's `/role list` against the bench's double has them. A
 * declared name missing here stops the bench (`valuesOf`): the floor follows the contract.
 */
const SAMPLE_VALUES: Readonly<Record<string, AttributeValue>> = {
  'command.name': '/role list',
  'command.subcommand': 'list',
  'command.outcome': 'ok',
  'discord.guild.id': '1100000000000000001',
  'discord.shard.id': 0,
  'discord.user.hash': '5f2b1c0d9e8a7b6c',
  'discord.role.name': 'other',
  'http.request.method': 'POST',
  'http.response.status_code': 204,
  'url.full': 'http://127.0.0.1:40000/api/v10/interactions/1100000000000000002/REDACTED/callback',
  'url.path': '/api/v10/interactions/1100000000000000002/REDACTED/callback',
  'url.template': '/api/v10/interactions/{id}/{token}/callback',
  'url.scheme': 'http',
  'server.address': '127.0.0.1',
  'server.port': 40000,
  'network.protocol.version': '1.1',
  // The interaction line's fields (LOG_FIELDS), by their log names.
  name: 'roboshpee',
  type: 'command',
  command: '/role list',
  outcome: 'ok',
  durationMs: 1.234,
  role: 'other',
  user: '5f2b1c0d9e8a7b6c',
};

function valuesOf(names: readonly string[], fixed: Attributes = {}): Attributes {
  const attributes: Attributes = {};
  for (const name of names) {
    const value = fixed[name] ?? SAMPLE_VALUES[name];
    if (value === undefined) {
      throw new Error(
        `the floor has no value for ${name}, which the contract declares: add one to SAMPLE_VALUES in bench/floor-telemetry.ts`,
      );
    }
    attributes[name] = value;
  }
  return attributes;
}

const spanAttributes = (declared: readonly SpanAttribute[]) =>
  valuesOf(
    declared.map((attribute) => attribute.name),
    Object.fromEntries(declared.flatMap((a) => (a.value === undefined ? [] : [[a.name, a.value]]))),
  );

const outcomeAttribute = 'command.outcome';
const statusAttribute = 'http.response.status_code';

/** The attributes set when each span starts; outcome and status come at the end, as in the bot. */
function startAttributes(declared: readonly SpanAttribute[], later: string): Attributes {
  const { [later]: _, ...attributes } = spanAttributes(declared);
  return attributes;
}

export interface FloorTelemetry {
  /** Emits one command's telemetry, ending both spans at once. */
  command(): void;
}

/** The instruments and values, made once, as the bot makes its instruments once. */
export function floorTelemetry(): FloorTelemetry {
  const commandSpan = SPANS.command;
  const restSpan = SPANS.discordRest;
  const commandTracer = trace.getTracer(commandSpan.scope);
  const restTracer = trace.getTracer(restSpan.scope);
  const commandAttributes = startAttributes(commandSpan.attributes, outcomeAttribute);
  const restAttributes = startAttributes(restSpan.attributes, statusAttribute);
  const outcome = SAMPLE_VALUES[outcomeAttribute] as AttributeValue;
  const status = SAMPLE_VALUES[statusAttribute] as AttributeValue;
  const restName = `${restAttributes['http.request.method']} ${restAttributes['url.template']}`;
  const commandName = String(commandAttributes['command.name']);

  const botMeter = metrics.getMeter(commandSpan.scope);
  const commands = botMeter.createCounter(METRICS.commands.name, { unit: METRICS.commands.unit });
  const commandDuration = botMeter.createHistogram(METRICS.commandDuration.name, {
    unit: METRICS.commandDuration.unit,
    advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_SECONDS] },
  });
  const restDuration = metrics
    .getMeter(RUNTIME_METRICS.httpClientDuration.source)
    .createHistogram(RUNTIME_METRICS.httpClientDuration.name, {
      unit: RUNTIME_METRICS.httpClientDuration.unit,
    });
  const commandLabels = valuesOf(METRICS.commands.attributes);
  const restLabels = valuesOf(RUNTIME_METRICS.httpClientDuration.attributes);

  const logger = logs.getLogger(commandSpan.scope);
  const logAttributes = valuesOf(
    Object.entries(LOG_FIELDS)
      .filter(([, field]) => field.otlp === 'attribute')
      .map(([name]) => name),
  );

  return {
    command() {
      const started = performance.now();
      commandTracer.startActiveSpan(
        commandName,
        { kind: SpanKind.SERVER, attributes: commandAttributes },
        (span) => {
          const rest = restTracer.startSpan(restName, {
            kind: SpanKind.CLIENT,
            attributes: restAttributes,
          });
          const headers: Record<string, string> = {};
          propagation.inject(trace.setSpan(context.active(), rest), headers);
          rest.setAttribute(statusAttribute, status);
          rest.end();
          restDuration.record((performance.now() - started) / 1000, restLabels);

          const seconds = (performance.now() - started) / 1000;
          span.setAttribute(outcomeAttribute, outcome);
          commands.add(1, commandLabels);
          commandDuration.record(seconds, commandLabels);
          const timestamp = Date.now();
          logger.emit({
            timestamp,
            observedTimestamp: timestamp,
            severityNumber: SeverityNumber.INFO,
            severityText: 'info',
            body: `${commandName} ok in 1.234 ms`,
            attributes: logAttributes,
          });
          span.end();
        },
      );
    },
  };
}
