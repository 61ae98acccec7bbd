import { parser as logql } from '@grafana/lezer-logql';
import { parser as traceql } from '@grafana/lezer-traceql';
import type { LRParser } from '@lezer/lr';
import { parser as promql } from '@prometheus-io/lezer-promql';

/**
 * The real lezer grammars of the three query languages (the ones Grafana's query editors
 * use), for every check that a query parses: the dashboards' queries and the container
 * suites' query builders alike.
 */

export type QueryLanguage = 'promql' | 'logql' | 'traceql';

const GRAMMARS: Readonly<Record<QueryLanguage, LRParser>> = { promql, logql, traceql };

export type Tree = ReturnType<LRParser['parse']>;
export type SyntaxNode = Tree['topNode'];

export interface GrammarParse {
  readonly tree: Tree;
  /** Where the parse put error nodes: the grammar did not accept the text there. */
  readonly errors: readonly string[];
}

export function parseWithGrammar(language: QueryLanguage, text: string): GrammarParse {
  const tree = GRAMMARS[language].parse(text);
  const errors: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        const around = text.slice(Math.max(0, node.from - 15), node.from + 15);
        errors.push(`syntax error at ${node.from}: "${around}"`);
      }
    },
  });
  return { tree, errors };
}
