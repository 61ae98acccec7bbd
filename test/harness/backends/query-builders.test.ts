import { describe, expect, test } from 'vitest';
import { logQuery } from '../../../harness/backends/logql.js';
import { rangeOf, seriesSelector, sumOf } from '../../../harness/backends/promql.js';
import { parseWithGrammar } from '../../../harness/backends/query-grammars.js';
import { quoted } from '../../../harness/backends/query-string-literal.js';
import { spansetFilter } from '../../../harness/backends/traceql.js';

// Values that would break a query if pasted in raw.
const AWKWARD = ['/role add', 'say "hi"', 'back\\slash', 'line\nbreak', '} or {', ''] as const;

describe('quoted', () => {
  test.each(AWKWARD)('%j round-trips through a JSON-compatible reading', (value) => {
    // Go-style escapes for these characters coincide with JSON's.
    expect(JSON.parse(quoted(value))).toBe(value);
  });
});

describe('spansetFilter builds TraceQL the real grammar accepts', () => {
  test.each(AWKWARD.filter((v) => !v.includes('\n')))('with the value %j', (value) => {
    const query = spansetFilter({
      attributes: [
        { scope: 'resource', attribute: 'service.name', value: 'roboshpee' },
        { scope: 'span', attribute: 'command.name', value },
      ],
    });
    expect(parseWithGrammar('traceql', query).errors).toEqual([]);
  });

  test('service and command, as the Tempo suite searches', () => {
    expect(
      spansetFilter({
        attributes: [
          { scope: 'resource', attribute: 'service.name', value: 'roboshpee' },
          { scope: 'span', attribute: 'command.name', value: '/role add' },
        ],
      }),
    ).toBe('{ resource.service.name = "roboshpee" && span.command.name = "/role add" }');
  });

  test('intrinsics: span name and error status', () => {
    const query = spansetFilter({ attributes: [], name: '/role add', status: 'error' });
    expect(query).toBe('{ name = "/role add" && status = error }');
    expect(parseWithGrammar('traceql', query).errors).toEqual([]);
  });

  test('an attribute name outside [A-Za-z0-9_.] is quoted and still parses', () => {
    const query = spansetFilter({
      attributes: [{ scope: 'span', attribute: 'odd name', value: 'x' }],
    });
    expect(query).toBe('{ span."odd name" = "x" }');
    expect(parseWithGrammar('traceql', query).errors).toEqual([]);
  });

  test('a line break is refused: the TraceQL grammar has no escape for it', () => {
    expect(() => spansetFilter({ attributes: [], name: 'line\nbreak' })).toThrow(/line breaks/);
  });

  test('no condition at all is refused rather than matching every span', () => {
    expect(() => spansetFilter({ attributes: [] })).toThrow(/at least one condition/);
  });
});

describe('logQuery builds LogQL the real grammar accepts', () => {
  test.each(AWKWARD)('with the value %j', (value) => {
    const query = logQuery({
      stream: { service_name: 'roboshpee' },
      contains: value,
      labelFilters: { trace_id: value },
    });
    expect(parseWithGrammar('logql', query).errors).toEqual([]);
  });

  test('a trace id as a structured-metadata filter after the selector', () => {
    expect(
      logQuery({
        stream: { service_name: 'roboshpee' },
        labelFilters: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' },
      }),
    ).toBe('{service_name="roboshpee"} | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"');
  });

  test.each([
    [{ stream: {} }, /at least one label/],
    [{ stream: { 'service.name': 'x' } }, /not a valid Loki label name/],
  ] as const)('refuses %j', (query, message) => {
    expect(() => logQuery(query)).toThrow(message);
  });
});

describe('PromQL builders produce what the real grammar accepts', () => {
  test.each(AWKWARD)('with the value %j', (value) => {
    const query = sumOf(
      seriesSelector('roboshpee_commands', { command_name: value, job: 'roboshpee' }),
    );
    expect(parseWithGrammar('promql', query).errors).toEqual([]);
  });

  test('a range selector for raw samples', () => {
    const query = rangeOf(seriesSelector('roboshpee_commands', { job: 'roboshpee' }), 300);
    expect(query).toBe('roboshpee_commands{job="roboshpee"}[300s]');
    expect(parseWithGrammar('promql', query).errors).toEqual([]);
  });

  test.each([
    ['roboshpee.commands', {}, /not a valid Prometheus metric name/],
    ['roboshpee_commands', { 'command.name': 'x' }, /not a valid Prometheus label name/],
  ] as const)('refuses metric %j with labels %j', (metric, labels, message) => {
    expect(() => seriesSelector(metric, labels)).toThrow(message);
  });

  test.each([0, -5, 1.5])('refuses a range of %j seconds', (seconds) => {
    expect(() => rangeOf('up', seconds)).toThrow(/positive whole number/);
  });
});

test('the grammar check itself rejects a broken query (so the checks above can fail)', () => {
  expect(parseWithGrammar('traceql', '{ span.command.name = }').errors).not.toEqual([]);
  expect(parseWithGrammar('logql', '{service_name="x" | trace_id=').errors).not.toEqual([]);
  expect(parseWithGrammar('promql', 'sum(roboshpee_commands{job="x"').errors).not.toEqual([]);
});
