import { ATTR } from '../../../bot/src/telemetry/semconv.js';
import { parseQuery } from './parsed-query.js';

/**
 * Resource attributes the bot's spans carry: `service.name` and
 * `deployment.environment.name` (set by the telemetry preload from OTEL_* variables) and
 * `service.instance.id`; span attributes are the ATTR keys of semconv.ts.
 */
const RESOURCE_ATTRIBUTES = new Set([
  'service.name',
  'service.instance.id',
  'deployment.environment.name',
]);
const SPAN_ATTRIBUTES = new Set<string>(Object.values(ATTR));

export function traceqlProblems(query: string): string[] {
  const { text, tree, errors } = parseQuery('traceql', query);
  if (errors.length > 0) return [...errors];
  const problems: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name !== 'AttributeField') return;
      const scope = node.node.firstChild;
      const identifier = node.node.getChild('Identifier');
      if (scope === null || identifier === null) return;
      const name = text.slice(identifier.from, identifier.to);
      const known = scope.name === 'Resource' ? RESOURCE_ATTRIBUTES : SPAN_ATTRIBUTES;
      if (!known.has(name))
        problems.push(`attribute "${text.slice(node.from, node.to)}" is not one the bot sets`);
    },
  });
  return problems;
}
