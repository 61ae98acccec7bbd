import { RESOURCE_ATTRIBUTES } from '../../bot/src/contract/resource.js';
import { SPANS } from '../../bot/src/contract/spans.js';
import { parseQuery } from './parsed-query.js';

/** What a TraceQL query may select: the bot's resource attributes and span attributes. */
const RESOURCE = new Set(Object.keys(RESOURCE_ATTRIBUTES));
const SPAN_ATTRIBUTES = new Set<string>(
  Object.values(SPANS).flatMap((span) => span.attributes.map((attribute) => attribute.name)),
);

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
      const known = scope.name === 'Resource' ? RESOURCE : SPAN_ATTRIBUTES;
      if (!known.has(name))
        problems.push(`attribute "${text.slice(node.from, node.to)}" is not one the bot sets`);
    },
  });
  return problems;
}
