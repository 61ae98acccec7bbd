// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's link variables (${__span.spanId}) are the subject of these tests.
import { describe, expect, test } from 'vitest';
import { parseWithGrammar } from '../../../harness/backends/query-grammars.js';
import { parseTrace } from '../../../harness/backends/tempo-trace.js';
import {
  type TracesToLogsSettings,
  tracesToLogsQuery,
} from '../../../harness/backends/traces-to-logs.js';
import { V2_FAILED_ROLE_ADD } from './fixtures/tempo-answers.js';

const [span] = parseTrace(V2_FAILED_ROLE_ADD);
if (span === undefined) throw new Error('the fixture trace has no span');

// Settings in the shape of a provisioned Tempo datasource's jsonData.tracesToLogsV2.
const BY_SERVICE: TracesToLogsSettings = {
  datasourceUid: 'loki',
  tags: [{ key: 'service.name', value: 'service_name' }],
  filterByTraceID: true,
  filterBySpanID: false,
  customQuery: false,
};

describe('tracesToLogsQuery', () => {
  test('mapped resource tag as the selector, trace id in the line or in trace_id', () => {
    const query = tracesToLogsQuery(BY_SERVICE, span);
    expect(query).toBe(
      '{service_name="roboshpee"} | label_format log_line_contains_trace_id=`{{ contains "4bf92f3577b34da6a3ce929d0e0e4736" __line__  }}` | log_line_contains_trace_id="true" or trace_id="4bf92f3577b34da6a3ce929d0e0e4736"',
    );
    expect(parseWithGrammar('logql', query ?? '').errors).toEqual([]);
  });

  test('an unmapped tag keeps its own name; span ids filter when asked', () => {
    const query = tracesToLogsQuery(
      { ...BY_SERVICE, tags: [{ key: 'command.name' }], filterBySpanID: true },
      span,
    );
    expect(query).toMatch(/^\{command\.name="\/role add"\}/);
    expect(query).toContain('span_id="00f067aa0ba902b7"');
  });

  test('no mapped tag on the span: no link', () => {
    expect(
      tracesToLogsQuery({ ...BY_SERVICE, tags: [{ key: 'k8s.pod.name' }] }, span),
    ).toBeUndefined();
  });

  test('a custom query gets the trace and span ids', () => {
    const query = tracesToLogsQuery(
      {
        ...BY_SERVICE,
        customQuery: true,
        query:
          '{service_name="roboshpee"} | trace_id="${__trace.traceId}" | span_id="${__span.spanId}"',
      },
      span,
    );
    expect(query).toBe(
      '{service_name="roboshpee"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736" | span_id="00f067aa0ba902b7"',
    );
  });

  test('a custom query setting without a query is refused', () => {
    expect(() => tracesToLogsQuery({ ...BY_SERVICE, customQuery: true }, span)).toThrow(
      /without a query/,
    );
  });
});
