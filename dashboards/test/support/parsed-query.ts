import type { parser } from '@prometheus-io/lezer-promql';
import { substituteGrafanaVariables } from './grafana-variables.js';

/** The lezer tree type every grammar's parser returns. */
export type Tree = ReturnType<typeof parser.parse>;
export type SyntaxNode = Tree['topNode'];

export interface ParsedQuery {
  /** The query with Grafana's variables substituted, as the grammar saw it. */
  readonly text: string;
  readonly tree: Tree;
  /** Where the parse put error nodes: the grammar did not accept the text there. */
  readonly errors: readonly string[];
}

/** Parses a query as Grafana would send it, with one of the real lezer grammars. */
export function parseQuery(grammar: { parse(text: string): Tree }, query: string): ParsedQuery {
  const text = substituteGrafanaVariables(query);
  const tree = grammar.parse(text);
  const errors: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        const around = text.slice(Math.max(0, node.from - 15), node.from + 15);
        errors.push(`syntax error at ${node.from}: "${around}"`);
      }
    },
  });
  return { text, tree, errors };
}
