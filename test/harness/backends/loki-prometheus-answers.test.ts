import { describe, expect, test } from 'vitest';
import { parseLogStreams } from '../../../harness/backends/loki-streams.js';
import { parseExemplars, parseQueryResult } from '../../../harness/backends/prometheus-results.js';

/**
 * Loki 3.x answers, written from grafana/loki docs/sources/reference/loki-http-api.md
 * ("Query logs within a range of time": `[<ns string>, <line>]` values) and
 * pkg/loghttp/entry.go (the categorized third element). The trace id is the W3C example's.
 */
const LINE =
  '{"level":30,"msg":"/role add ok in 12 ms","command":"/role add","outcome":"ok","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}';

const LOKI_DEFAULT = {
  status: 'success',
  data: {
    resultType: 'streams',
    result: [
      {
        // By default structured metadata comes merged into the stream's labels.
        stream: {
          service_name: 'roboshpee',
          trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
          detected_level: 'info',
        },
        values: [
          ['1764077000040000000', LINE],
          ['1764077000010000000', 'earlier line'],
        ],
      },
    ],
    stats: { summary: { totalEntriesReturned: 2 } },
  },
};

const LOKI_CATEGORIZED = {
  status: 'success',
  data: {
    resultType: 'streams',
    result: [
      {
        stream: { service_name: 'roboshpee' },
        values: [
          [
            '1764077000040000000',
            LINE,
            {
              structuredMetadata: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' },
              parsed: { level: '30' },
            },
          ],
        ],
      },
    ],
  },
};

describe('parseLogStreams', () => {
  test('default answer: entries oldest first, metadata among the labels', () => {
    const entries = parseLogStreams(LOKI_DEFAULT);
    expect(entries.map((e) => e.line)).toEqual(['earlier line', LINE]);
    expect(entries[1]).toEqual({
      timestampNs: 1764077000040000000n,
      line: LINE,
      labels: {
        service_name: 'roboshpee',
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        detected_level: 'info',
      },
    });
  });

  test('categorized answer: structured metadata and parsed labels join the stream labels', () => {
    expect(parseLogStreams(LOKI_CATEGORIZED)[0]?.labels).toEqual({
      service_name: 'roboshpee',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      level: '30',
    });
  });

  test('no match is no entry', () => {
    expect(
      parseLogStreams({ status: 'success', data: { resultType: 'streams', result: [] } }),
    ).toEqual([]);
  });

  test.each([
    ['a metric (matrix) answer', { status: 'success', data: { resultType: 'matrix', result: [] } }],
    ['an error', { status: 'error', error: 'parse error' }],
    [
      'a number timestamp',
      {
        status: 'success',
        data: { resultType: 'streams', result: [{ stream: {}, values: [[1, 'x']] }] },
      },
    ],
  ])('refuses %s', (_what, body) => {
    expect(() => parseLogStreams(body)).toThrow(/not a Loki streams answer/);
  });
});

/**
 * Prometheus HTTP API answers as Mimir serves them under /prometheus, written from
 * prometheus/prometheus docs/querying/api.md ("Instant queries", "Range queries",
 * "Querying exemplars").
 */
describe('parseQueryResult', () => {
  test('an instant vector: labels and one sample per series', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          {
            metric: { command_name: '/role add', command_outcome: 'ok' },
            value: [1764077010.781, '3'],
          },
        ],
      },
    };
    expect(parseQueryResult(body)).toEqual([
      {
        labels: { command_name: '/role add', command_outcome: 'ok' },
        samples: [{ timestampSeconds: 1764077010.781, value: 3 }],
      },
    ]);
  });

  test('a matrix: every sample', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { __name__: 'roboshpee_commands' },
            values: [
              [1764077000, '1'],
              [1764077010, '2'],
            ],
          },
        ],
      },
    };
    expect(parseQueryResult(body)[0]?.samples.map((s) => s.value)).toEqual([1, 2]);
  });

  test('a scalar', () => {
    expect(
      parseQueryResult({
        status: 'success',
        data: { resultType: 'scalar', result: [1764077000, '2'] },
      }),
    ).toEqual([{ labels: {}, samples: [{ timestampSeconds: 1764077000, value: 2 }] }]);
  });

  test('an API error becomes an error carrying its type and text', () => {
    const body = {
      status: 'error',
      errorType: 'bad_data',
      error: '1:5: parse error: unexpected end of input',
    };
    expect(() => parseQueryResult(body)).toThrow(
      'PromQL error (bad_data): 1:5: parse error: unexpected end of input',
    );
  });

  test('a body that is not a Prometheus answer is refused', () => {
    expect(() => parseQueryResult('404 page not found')).toThrow(/not a Prometheus query answer/);
  });
});

describe('parseExemplars', () => {
  test('one entry per exemplar with its series labels', () => {
    const body = {
      status: 'success',
      data: [
        {
          seriesLabels: {
            __name__: 'traces_spanmetrics_latency_bucket',
            service: 'roboshpee',
            le: '0.05',
          },
          exemplars: [
            {
              labels: { traceID: '4bf92f3577b34da6a3ce929d0e0e4736' },
              value: '0.04',
              timestamp: 1764077000.04,
            },
            {
              labels: { traceID: '2f3e0cee77ae5dc9c17ade3689eb2e54' },
              value: '0.03',
              timestamp: 1764077001.5,
            },
          ],
        },
      ],
    };
    const exemplars = parseExemplars(body);
    expect(exemplars.map((e) => e.labels.traceID)).toEqual([
      '4bf92f3577b34da6a3ce929d0e0e4736',
      '2f3e0cee77ae5dc9c17ade3689eb2e54',
    ]);
    expect(exemplars[0]).toMatchObject({
      value: 0.04,
      timestampSeconds: 1764077000.04,
      seriesLabels: { service: 'roboshpee' },
    });
  });

  test('none is an empty list; an error is thrown with its text', () => {
    expect(parseExemplars({ status: 'success', data: [] })).toEqual([]);
    expect(() => parseExemplars({ status: 'error', errorType: 'bad_data', error: 'boom' })).toThrow(
      'boom',
    );
  });
});
