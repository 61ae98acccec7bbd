import { describe, expect, test } from 'vitest';
import {
  hasData,
  parseDashboardSearch,
  parseDsQuery,
  parseHealth,
} from '../../../harness/backends/grafana-answers.js';

/**
 * Grafana 13 answers, written from grafana/grafana docs/sources/developers/http_api/
 * data_source.md ("Query a data source", "Check data source health") and
 * dashboard_search.md.
 */
describe('parseDsQuery and hasData', () => {
  test('a time series frame with rows has data', () => {
    const body = {
      results: {
        A: {
          status: 200,
          frames: [
            {
              schema: {
                refId: 'A',
                fields: [
                  { name: 'Time', type: 'time' },
                  { name: 'Value', type: 'number', labels: { command_name: '/role add' } },
                ],
              },
              data: {
                values: [
                  [1764077000000, 1764077010000],
                  [0.2, 0.4],
                ],
              },
            },
          ],
        },
      },
    };
    const outcomes = parseDsQuery(body);
    expect(outcomes).toEqual([{ refId: 'A', frameRows: [2] }]);
    expect(outcomes.map(hasData)).toEqual([true]);
  });

  test('a frame with a schema but no values has no data (the panel would say "No data")', () => {
    const outcomes = parseDsQuery({
      results: { A: { status: 200, frames: [{ schema: { fields: [] }, data: { values: [] } }] } },
    });
    expect(outcomes.map(hasData)).toEqual([false]);
  });

  test('no frame at all has no data', () => {
    const outcomes = parseDsQuery({ results: { B: { status: 200, frames: [] } } });
    expect(outcomes).toEqual([{ refId: 'B', frameRows: [] }]);
    expect(outcomes.map(hasData)).toEqual([false]);
  });

  test('a failed query carries its error and has no data even with frames', () => {
    const body = {
      results: {
        A: {
          status: 400,
          error: 'bad_data: 1:18: parse error: unexpected end of input',
          errorSource: 'downstream',
          frames: [{ data: { values: [[1]] } }],
        },
        B: { status: 200, frames: [{ data: { values: [[1], [2]] } }] },
      },
    };
    const outcomes = parseDsQuery(body);
    expect(outcomes.map((o) => [o.refId, hasData(o)])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    expect(outcomes[0]?.error).toMatch(/parse error/);
  });

  test('a body without results is refused', () => {
    expect(() => parseDsQuery({ message: 'Unauthorized' })).toThrow(
      /not a Grafana \/api\/ds\/query answer/,
    );
  });
});

describe('parseHealth', () => {
  test.each([
    [{ status: 'OK', message: 'Successfully queried the Prometheus API.' }, true],
    [
      {
        status: 'ERROR',
        message: 'Post "http://mimir:9009/prometheus/api/v1/query": dial tcp: connection refused',
      },
      false,
    ],
  ])('%j -> ok=%s', (body, ok) => {
    expect(parseHealth(body)).toEqual({ ok, message: body.message });
  });

  test('a body without status is refused', () => {
    expect(() => parseHealth({ message: 'Data source not found' })).toThrow(/datasource health/);
  });
});

test('parseDashboardSearch keeps dashboards, not folders', () => {
  const body = [
    {
      id: 1,
      uid: 'roboshpee-overview',
      title: 'RoboShpee overview',
      uri: 'db/roboshpee-overview',
      type: 'dash-db',
      tags: [],
      isStarred: false,
    },
    { id: 2, uid: 'stack', title: 'Stack', type: 'dash-folder', tags: [], isStarred: false },
  ];
  expect(parseDashboardSearch(body)).toEqual([
    { uid: 'roboshpee-overview', title: 'RoboShpee overview' },
  ]);
});
