import { LOKI_METADATA, LOKI_STREAM_LABELS } from '../../bot/src/contract/logs.js';
import { parseQuery } from './parsed-query.js';

const STREAM_LABELS = new Set<string>(LOKI_STREAM_LABELS);
const ANY_LABEL = new Set<string>([...LOKI_STREAM_LABELS, ...LOKI_METADATA]);

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
      const known = inSelector ? STREAM_LABELS : ANY_LABEL;
      if (!known.has(label)) {
        problems.push(
          `${inSelector ? 'stream label' : 'label'} "${label}" does not exist on the bot's logs`,
        );
      }
    },
  });
  return problems;
}
