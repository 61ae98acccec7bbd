import { describe, expect, test } from 'vitest';
import { outline, spanTree } from '../../../harness/backends/span-tree.js';
import { parseTraceSearch } from '../../../harness/backends/tempo-search.js';
import { normalizeId, parseTrace } from '../../../harness/backends/tempo-trace.js';
import {
  SEARCH_ANSWER,
  TRACE_ID_HEX,
  V1_HEX_TRACE,
  V2_FAILED_ROLE_ADD,
  V2_NOT_YET,
} from './fixtures/tempo-answers.js';

describe('normalizeId', () => {
  test.each([
    ['S/kvNXezTaajzpKdDg5HNg==', 16, TRACE_ID_HEX],
    ['4BF92F3577B34DA6A3CE929D0E0E4736', 16, TRACE_ID_HEX],
    ['APBnqgupArc=', 8, '00f067aa0ba902b7'],
    ['00f067aa0ba902b7', 8, '00f067aa0ba902b7'],
  ] as const)('%s (%i bytes) is %s', (raw, bytes, hex) => {
    expect(normalizeId(raw, bytes)).toBe(hex);
  });

  test.each([
    ['APBnqgupArc=', 16],
    ['not an id', 8],
    ['4bf92f3577b34da6', 16],
  ] as const)('refuses %j as a %i-byte id', (raw, bytes) => {
    expect(() => normalizeId(raw, bytes)).toThrow(/neither/);
  });
});

describe('parseTrace on a v2 answer (base64 ids, enum names)', () => {
  const spans = parseTrace(V2_FAILED_ROLE_ADD);

  test('reads every span of every batch and scope', () => {
    expect(spans.map((s) => s.name)).toEqual(['/role add', 'role lookup', 'PUT']);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([TRACE_ID_HEX]));
  });

  test('the root: kind, error status with message, attributes, exception event, resource', () => {
    const root = spans[0];
    expect(root).toMatchObject({
      spanId: '00f067aa0ba902b7',
      kind: 'server',
      status: 'error',
      statusMessage: 'forbidden',
      attributes: { 'command.name': '/role add', 'command.outcome': 'forbidden' },
      resource: { 'service.name': 'roboshpee' },
    });
    expect(root?.parentSpanId).toBeUndefined();
    expect(root?.events).toEqual([
      { name: 'exception', attributes: { 'exception.message': 'Missing Permissions' } },
    ]);
  });

  test('children link to the root; an unset status and int64 strings are read', () => {
    expect(spans[1]).toMatchObject({
      parentSpanId: '00f067aa0ba902b7',
      kind: 'internal',
      status: 'unset',
    });
    expect(spans[2]).toMatchObject({
      kind: 'client',
      attributes: { 'http.response.status_code': 403 },
    });
  });

  test('the tree: one root, two children, no orphan', () => {
    const tree = spanTree(spans);
    expect(tree.roots.map((s) => s.name)).toEqual(['/role add']);
    expect(tree.roots.flatMap(tree.childrenOf).map((s) => s.name)).toEqual(['role lookup', 'PUT']);
    expect(tree.orphans).toEqual([]);
    expect(outline(spans)).toBe(
      [
        '/role add [server, error]',
        '  role lookup [internal, unset]',
        '  PUT [client, error]',
      ].join('\n'),
    );
  });
});

test('parseTrace on a v1 answer (`batches`, hex ids, numeric enums, typed attributes)', () => {
  const [span] = parseTrace(V1_HEX_TRACE);
  expect(span).toMatchObject({
    traceId: TRACE_ID_HEX,
    name: '/role list',
    kind: 'server',
    status: 'ok',
    attributes: { ephemeral: true, ratio: 0.5, roles: ['Valheim', 'Factorio'] },
  });
  expect(span?.parentSpanId).toBeUndefined();
});

test('an empty v2 trace (not there yet) is no span, not an error', () => {
  expect(parseTrace(V2_NOT_YET)).toEqual([]);
});

test.each([
  ['a 404 text body', '404 page not found'],
  [
    'a span without spanId',
    { batches: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID_HEX, name: 'x' }] }] }] },
  ],
  [
    'an unknown span kind',
    {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: TRACE_ID_HEX,
                  spanId: '00f067aa0ba902b7',
                  name: 'x',
                  kind: 'SPAN_KIND_ODD',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
])('parseTrace refuses %s with a message', (_what, body) => {
  expect(() => parseTrace(body)).toThrow(/Tempo trace|unknown SPAN_KIND_/);
});

test('a span whose parent is missing is an orphan, shown in the outline', () => {
  const spans = parseTrace(V2_FAILED_ROLE_ADD);
  const withoutRoot = spans.slice(1, 2);
  const tree = spanTree(withoutRoot);
  expect(tree.roots).toEqual([]);
  expect(tree.orphans).toEqual(withoutRoot);
  expect(outline(withoutRoot)).toContain(`(orphan of ${spans[0]?.spanId})`);
});

describe('parseTraceSearch', () => {
  const found = parseTraceSearch(SEARCH_ANSWER);

  test('reads ids, root service and name, matched spans', () => {
    expect(found[0]).toEqual({
      traceId: TRACE_ID_HEX,
      rootServiceName: 'roboshpee',
      rootTraceName: '/role add',
      durationMs: 40,
      matchedSpanIds: ['00f067aa0ba902b7'],
    });
  });

  test('pads a trace id Tempo shortened by its leading zero back to 32 digits', () => {
    expect(found[1]?.traceId).toBe('02f3e0cee77ae5dc9c17ade3689eb2e5');
    expect(found[1]?.matchedSpanIds).toEqual([]);
  });

  test('no trace found is an empty list; a foreign body is an error', () => {
    expect(parseTraceSearch({ traces: [], metrics: {} })).toEqual([]);
    expect(() => parseTraceSearch({ traces: 'nope' })).toThrow(/not a Tempo search answer/);
  });
});
