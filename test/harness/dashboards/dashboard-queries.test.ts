// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax (${name}) is the subject of these tests.
import { describe, expect, test } from 'vitest';
import { dashboardQueries, interpolate } from '../../../harness/dashboards/dashboard-queries.js';
import { generatedDashboards } from '../../../harness/dashboards/generated-dashboards.js';

describe('interpolate', () => {
  const values = new Map([
    ['environment', '.*'],
    ['instance', '(a|b)'],
  ]);
  test.each([
    ['x=~"$environment"', 'x=~".*"'],
    ['x=~"${environment}"', 'x=~".*"'],
    ['x=~"${instance:regex}"', 'x=~"(a|b)"'],
    ['x=~"[[instance]]"', 'x=~"(a|b)"'],
    ['rate(x[$__rate_interval])', 'rate(x[$__rate_interval])'],
    ['$unknown stays', '$unknown stays'],
  ])('%s -> %s', (text, expected) => {
    expect(interpolate(text, values)).toBe(expected);
  });
});

// Written for this test in the shape of Grafana dashboard JSON (schema v41 fields used by
// the foundation SDK's output): a collapsed row, a hidden target, variables.
const DASHBOARD = {
  uid: 'demo',
  title: 'Demo',
  templating: {
    list: [
      { name: 'environment', allValue: '.*', current: { value: '$__all' } },
      { name: 'instance', current: { value: ['a', 'b'] } },
      { name: 'single', current: { value: 'prod' } },
    ],
  },
  panels: [
    {
      type: 'timeseries',
      title: 'Rate',
      datasource: { type: 'prometheus', uid: 'mimir' },
      targets: [
        {
          refId: 'A',
          expr: 'rate(x{env=~"$environment", instance=~"$instance", s="$single"}[$__rate_interval])',
        },
        { refId: 'B', expr: 'hidden', hide: true },
      ],
    },
    {
      type: 'row',
      title: 'Collapsed',
      panels: [
        {
          type: 'table',
          title: 'Traces',
          targets: [
            {
              datasource: { uid: 'tempo', type: 'tempo' },
              queryType: 'traceql',
              query: '{ resource.e =~ "$environment" }',
            },
          ],
        },
      ],
    },
    { type: 'text', title: 'Notes' },
  ],
};

describe('dashboardQueries', () => {
  const result = dashboardQueries(DASHBOARD);

  test('panel titles without rows, collapsed rows opened', () => {
    expect(result.panelTitles).toEqual(['Rate', 'Traces', 'Notes']);
  });

  test('visible targets with variables replaced, datasource from the target or the panel', () => {
    expect(result.queries).toEqual([
      {
        panel: 'Rate',
        refId: 'A',
        datasource: { type: 'prometheus', uid: 'mimir' },
        target: {
          refId: 'A',
          expr: 'rate(x{env=~".*", instance=~"(a|b)", s="prod"}[$__rate_interval])',
        },
      },
      {
        panel: 'Traces',
        refId: 'A',
        datasource: { uid: 'tempo', type: 'tempo' },
        target: {
          datasource: { uid: 'tempo', type: 'tempo' },
          queryType: 'traceql',
          query: '{ resource.e =~ ".*" }',
        },
      },
    ]);
  });

  test('All without an allValue is refused with the variable named', () => {
    const bad = {
      ...DASHBOARD,
      templating: { list: [{ name: 'env', current: { value: '$__all' } }] },
    };
    expect(() => dashboardQueries(bad)).toThrow(/variable "env" selects All without an allValue/);
  });

  test('a query without any datasource is refused with its panel named', () => {
    expect(() =>
      dashboardQueries({
        uid: 'x',
        title: 'x',
        panels: [{ type: 'stat', title: 'Lost', targets: [{ expr: 'up' }] }],
      }),
    ).toThrow(/panel "Lost"/);
  });
});

test('every generated dashboard yields its queries (what the stack suite sends to Grafana)', () => {
  // The runbooks dashboard is text only: it asks no datasource anything.
  const dashboards = generatedDashboards().filter(({ file }) => file !== 'runbooks.json');
  expect(dashboards.length).toBeGreaterThan(0);
  for (const { file: name, json } of dashboards) {
    const queries = dashboardQueries(json);
    expect(queries.queries.length, name).toBeGreaterThan(0);
    for (const q of queries.queries) {
      expect(JSON.stringify(q.target), `${name} / ${q.panel}`).not.toMatch(
        /\$(environment|instance)\b/,
      );
    }
  }
});
