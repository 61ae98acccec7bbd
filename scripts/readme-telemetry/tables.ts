import {
  DURATION_BUCKETS_SECONDS,
  METRICS,
  PROMETHEUS_TYPE,
  RUNTIME_METRICS,
} from '../../bot/src/contract/bot-metrics.js';
import { LOG_FIELDS, LOKI_METADATA, LOKI_STREAM_LABELS } from '../../bot/src/contract/logs.js';
import { OUTCOME, OUTCOMES } from '../../bot/src/contract/outcomes.js';
import { MIMIR_RESOURCE_LABELS } from '../../bot/src/contract/resource.js';
import { SPANS, type SpanAttribute } from '../../bot/src/contract/spans.js';
import {
  SCRAPE_UP,
  STACK_COMPONENTS,
  type StackMetricDeclaration,
  TEMPO_GENERATED,
} from '../../dashboards/src/stack-series.js';

/** bot/README.md's telemetry tables, rendered from the data contract (bot/src/contract). */

const code = (text: string): string => `\`${text}\``;
const codes = (names: readonly string[]): string =>
  names.length === 0 ? 'none' : names.map(code).join(', ');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const spanAttribute = (attribute: SpanAttribute): string =>
  `${code(attribute.value === undefined ? attribute.name : `${attribute.name}=${attribute.value}`)} (${attribute.meaning})`;

export function spansSection(): string {
  const spans = table(
    ['Span', 'Kind', 'Attributes', 'Status'],
    Object.values(SPANS).map((span) => [
      `${code(span.name)}: ${span.what}`,
      span.kind,
      span.attributes.length === 0 ? 'none' : span.attributes.map(spanAttribute).join(', '),
      span.status,
    ]),
  );
  const outcomes = table(
    ['Outcome (`command.outcome`)', 'Counts as a failure', 'Meaning'],
    OUTCOMES.map((outcome) => [
      code(outcome),
      OUTCOME[outcome].failure ? 'yes' : 'no',
      OUTCOME[outcome].meaning,
    ]),
  );
  return `${spans}\n\n${outcomes}`;
}

const milliseconds = (seconds: number): string =>
  seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds} s`;

/** `_bucket`, `_sum`, `_count` after a histogram's family name. */
const mimirName = (name: string, type: 'counter' | 'gauge' | 'histogram'): string =>
  type === 'histogram'
    ? `${code(`${name}_bucket`)}, ${code('_sum')}, ${code('_count')}`
    : code(name);

export function metricsSection(): string {
  const buckets = `buckets ${milliseconds(DURATION_BUCKETS_SECONDS[0])} to ${milliseconds(DURATION_BUCKETS_SECONDS.at(-1) ?? 0)}`;
  const own = table(
    ['Metric (OTLP name)', 'In Mimir', 'Type', 'Unit', 'Labels', 'Meaning'],
    Object.values(METRICS).map((metric) => {
      const type = PROMETHEUS_TYPE[metric.kind];
      return [
        code(metric.name),
        mimirName(metric.prometheus, type),
        type === 'histogram' ? `histogram, ${buckets}` : type,
        code(metric.unit),
        codes(metric.attributes),
        metric.description,
      ];
    }),
  );
  const runtime = table(
    ['Metric (OTLP name)', 'In Mimir', 'Type', 'Unit', 'Labels', 'From'],
    Object.values(RUNTIME_METRICS).map((metric) => {
      const type = PROMETHEUS_TYPE[metric.kind];
      const note = 'note' in metric ? ` (${metric.note})` : '';
      return [
        `${code(metric.name)}${note}`,
        mimirName(metric.prometheus, type),
        metric.kind === 'observableUpDownCounter' ? 'up-down counter (gauge)' : type,
        metric.unit === '' ? 'none' : code(metric.unit),
        codes(metric.attributes),
        code(metric.source.replace('@opentelemetry/instrumentation-', '')),
      ];
    }),
  );
  const derived = (metric: StackMetricDeclaration, from: string): string[] => [
    mimirName(metric.name, metric.type),
    metric.type,
    codes(metric.labels),
    from,
  ];
  const stack = table(
    ['Series', 'Type', 'Labels', 'Written by'],
    [
      ...Object.values(TEMPO_GENERATED.spanMetrics).map((metric) =>
        derived(metric, 'Tempo, span metrics'),
      ),
      ...Object.values(TEMPO_GENERATED.serviceGraphs).map((metric) =>
        derived(metric, 'Tempo, service graphs'),
      ),
      ...Object.entries(STACK_COMPONENTS).flatMap(([component, { metrics }]) =>
        metrics.map((metric) =>
          derived(
            { ...metric, labels: [...metric.labels, 'job', 'instance'] },
            `${component}, scraped by Alloy`,
          ),
        ),
      ),
      derived(SCRAPE_UP, 'Alloy, per scrape'),
    ],
  );
  return [
    `Every series of the bot also carries ${codes(MIMIR_RESOURCE_LABELS)}. The bot's own instruments:`,
    own,
    'From the instrumentations the preload turns on:',
    runtime,
    'Written by the stack (what the Stack health dashboard, the service map and the alerts query):',
    stack,
  ].join('\n\n');
}

export function logsSection(): string {
  const fields = table(
    ['Field', 'On', 'In an OTel log record', 'Meaning'],
    Object.entries(LOG_FIELDS).map(([field, { on, otlp, meaning }]) => [
      code(field),
      on,
      otlp,
      meaning,
    ]),
  );
  return `${fields}\n\nIn Loki: stream labels ${codes(LOKI_STREAM_LABELS)}; structured metadata ${codes(LOKI_METADATA)}.`;
}

/** Each generated section of bot/README.md, by the name its markers carry. */
export const README_TELEMETRY_SECTIONS: Readonly<Record<string, () => string>> = {
  'telemetry-spans': spansSection,
  'telemetry-metrics': metricsSection,
  'telemetry-logs': logsSection,
};
