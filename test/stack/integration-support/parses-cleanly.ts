import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import type { LRParser } from '@lezer/lr';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';

const PARSERS: Record<'promql' | 'logql' | 'traceql', LRParser> = {
  promql: promqlParser,
  logql: logqlParser,
  traceql: traceqlParser,
};

/** Where the real grammar finds an error in `query`, or undefined when it parses cleanly. */
export function grammarError(language: keyof typeof PARSERS, query: string): string | undefined {
  let error: string | undefined;
  PARSERS[language].parse(query).iterate({
    enter: (node) => {
      if (error === undefined && node.type.isError) {
        error = `error at ${node.from}: "${query.slice(node.from, node.from + 20)}"`;
      }
    },
  });
  return error;
}
