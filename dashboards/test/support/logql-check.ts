import { parseQuery } from './parsed-query.js';

/**
 * Labels the bot's OTLP logs carry in Loki 3.7: the resource attributes Loki indexes by
 * default (grafana/loki v3.7 pkg/loghttp/push/otlp_config.go,
 * DefaultOTLPResourceAttributesAsIndexLabels, dots -> underscores; infra/loki/loki.yaml
 * changes none) and the structured metadata it adds to every OTLP record
 * (pkg/loghttp/push/otlp.go: severity_text, trace_id, span_id).
 */
export const LOKI_STREAM_LABELS = new Set([
  'service_name',
  'service_namespace',
  'service_instance_id',
  'deployment_environment',
  'deployment_environment_name',
]);
export const LOKI_METADATA = new Set(['severity_text', 'trace_id', 'span_id']);

export function logqlProblems(query: string): string[] {
  const { text, tree, errors } = parseQuery('logql', query);
  if (errors.length > 0) return [...errors];
  const problems: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name !== 'Matcher') return;
      const identifier = node.node.getChild('Identifier');
      if (identifier === null) return;
      const label = text.slice(identifier.from, identifier.to);
      const inSelector = node.node.parent?.name === 'Matchers';
      const known = inSelector
        ? LOKI_STREAM_LABELS
        : new Set([...LOKI_STREAM_LABELS, ...LOKI_METADATA]);
      if (!known.has(label)) {
        problems.push(
          `${inSelector ? 'stream label' : 'label'} "${label}" does not exist on the bot's logs`,
        );
      }
    },
  });
  return problems;
}
