import { parseWithGrammar, type QueryLanguage, type Tree } from '../backends/query-grammars.js';
import { substituteGrafanaVariables } from './grafana-variables.js';

export interface ParsedQuery {
  /** The query with Grafana's variables substituted, as the grammar saw it. */
  readonly text: string;
  readonly tree: Tree;
  /** Where the parse put error nodes: the grammar did not accept the text there. */
  readonly errors: readonly string[];
}

/** Parses a query as Grafana would send it, with one of the real lezer grammars. */
export function parseQuery(language: QueryLanguage, query: string): ParsedQuery {
  const text = substituteGrafanaVariables(query);
  return { text, ...parseWithGrammar(language, text) };
}
