import { describe, expect, it } from 'vitest';
import { alertQueries, dashboardQueries } from '../../harness/dashboards/extracted-queries.js';
import { parseQuery } from '../../harness/dashboards/parsed-query.js';

const parsed = [...dashboardQueries(), ...alertQueries()].flatMap((query) => {
  if (query.language === 'serviceMap') return [];
  // label_values' selector and Pyroscope's label selectors are PromQL vector selectors.
  const language =
    query.language === 'labelValues' || query.language === 'profile' ? 'promql' : query.language;
  // label_values(selector, label) is Grafana's, not PromQL; its selector is.
  const text =
    query.language === 'labelValues'
      ? query.text.replace(/^label_values\((.+),\s*\w+\)$/, '$1')
      : query.text;
  return [{ ...query, language, text }];
});

describe('every query in the generated dashboards and alert rules parses with its real grammar', () => {
  it('finds queries of all three languages', () => {
    expect(new Set(parsed.map((query) => query.language))).toEqual(
      new Set(['promql', 'logql', 'traceql']),
    );
  });

  it.each(parsed.map((query) => [query.where, query.language, query.text] as const))(
    '%s (%s)',
    (_where, language, text) => {
      expect(parseQuery(language, text).errors).toEqual([]);
    },
  );
});

describe('the syntax check rejects what the grammars reject', () => {
  it.each([
    ['promql', 'sum(rate(roboshpee_commands[5m])'],
    ['promql', 'rate(roboshpee_commands[$__rate_interval]) +'],
    ['logql', '{service_name="roboshpee"} |= '],
    ['traceql', '{resource.service.name = "roboshpee" && }'],
  ] as const)('%s: %s', (language, text) => {
    expect(parseQuery(language, text).errors).not.toEqual([]);
  });
});
