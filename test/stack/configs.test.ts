import { describe, expect, test } from 'vitest';
import { type Backend, loadBackendConfig } from '../../harness/configs/backend-config.js';
import { isRecord, topLevelMapping } from '../../harness/repo/parsed-document.js';
import { readRepoYaml } from '../../harness/repo/repo.js';
import { SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import {
  LOKI_3_7_KEYS,
  MIMIR_3_2_KEYS,
  PYROSCOPE_2_2_KEYS,
  TEMPO_2_ONLY_KEYS,
  TEMPO_3_0_KEYS,
  TEMPO_3_OVERRIDES_KEYS,
  TEMPO_3_PROCESSORS,
} from './accepted-top-level-keys.js';
import { unmet, valueAt } from './config-value.js';

/** A backend's config as the binary reads it: expanded with every default (no .env). */
function mapping(backend: Backend): Record<string, unknown> {
  return topLevelMapping(loadBackendConfig(backend), SERVICE_CONFIGS[backend]);
}

function unknownTopLevelKeys(backend: Backend, accepted: readonly string[]): string[] {
  return Object.keys(mapping(backend))
    .filter((key) => !accepted.includes(key))
    .map((key) => `${SERVICE_CONFIGS[backend]}: ${key}: not a top-level key of the pinned version`);
}

const tempo = mapping('tempo');
const loki = mapping('loki');
const mimir = mapping('mimir');
// Pyroscope reads its file as written (no -config.expand-env).
const pyroscope = topLevelMapping(
  readRepoYaml(SERVICE_CONFIGS.pyroscope),
  SERVICE_CONFIGS.pyroscope,
);

describe('backend configs', () => {
  test.each([
    ['tempo', TEMPO_3_0_KEYS],
    ['loki', LOKI_3_7_KEYS],
    ['mimir', MIMIR_3_2_KEYS],
  ] as const)('%s has only top-level keys its pinned version accepts', (backend, accepted) => {
    expect(unknownTopLevelKeys(backend, accepted)).toEqual([]);
  });

  test('pyroscope has only top-level keys its pinned version accepts', () => {
    const unknown = Object.keys(pyroscope).filter(
      (key) => !(PYROSCOPE_2_2_KEYS as readonly string[]).includes(key),
    );
    expect(
      unknown.map((key) => `${SERVICE_CONFIGS.pyroscope}: ${key}: not a top-level key`),
    ).toEqual([]);
  });
});

describe(SERVICE_CONFIGS.tempo, () => {
  test('has none of the Tempo 2 blocks that Tempo 3 rejects', () => {
    const problems = TEMPO_2_ONLY_KEYS.filter((key) => key in tempo).map(
      (key) => `${SERVICE_CONFIGS.tempo}: ${key}: a Tempo 2 block, removed in Tempo 3`,
    );
    expect(problems).toEqual([]);
  });

  test('uses the scoped overrides format, not the removed flat one', () => {
    const overrides = valueAt(tempo, 'overrides');
    const keys = isRecord(overrides) ? Object.keys(overrides) : [];
    const problems = keys
      .filter((key) => !(TEMPO_3_OVERRIDES_KEYS as readonly string[]).includes(key))
      .map(
        (key) =>
          `${SERVICE_CONFIGS.tempo}: overrides.${key}: expected one of ${TEMPO_3_OVERRIDES_KEYS.join(', ')} (flat overrides are Tempo 2)`,
      );
    expect(problems).toEqual([]);
  });

  test('runs the service-graphs and span-metrics processors, and no removed one', () => {
    const path = 'overrides.defaults.metrics_generator.processors';
    const processors = valueAt(tempo, path);
    const list = Array.isArray(processors) ? processors.map(String) : [];
    const problems = [
      ...['service-graphs', 'span-metrics']
        .filter((name) => !list.includes(name))
        .map((name) => `${SERVICE_CONFIGS.tempo}: ${path}: expected to include ${name}`),
      ...list
        .filter((name) => !(TEMPO_3_PROCESSORS as readonly string[]).includes(name))
        .map((name) => `${SERVICE_CONFIGS.tempo}: ${path}: ${name} is not a Tempo 3 processor`),
      ...(valueAt(tempo, 'metrics_generator.processor.local_blocks') === undefined
        ? []
        : [
            `${SERVICE_CONFIGS.tempo}: metrics_generator.processor.local_blocks: removed in Tempo 3`,
          ]),
    ];
    expect(problems).toEqual([]);
  });

  test('receives OTLP on all interfaces (Alloy is another container)', () => {
    const onAllInterfaces = (value: unknown) =>
      typeof value === 'string' && value.startsWith('0.0.0.0:');
    const expectations = ['grpc', 'http'].map((protocol) => ({
      path: `distributor.receivers.otlp.protocols.${protocol}.endpoint`,
      expected: '0.0.0.0:<port>',
      accepts: onAllInterfaces,
    }));
    expect(unmet(SERVICE_CONFIGS.tempo, tempo, expectations)).toEqual([]);
  });
});

describe(SERVICE_CONFIGS.mimir, () => {
  test('maps OTLP names without suffixes and promotes deployment.environment.name', () => {
    const promotes = (value: unknown) =>
      typeof value === 'string' &&
      value
        .split(',')
        .map((name) => name.trim())
        .includes('deployment.environment.name');
    expect(
      unmet(SERVICE_CONFIGS.mimir, mimir, [
        // Written out: the dashboards' metric names depend on it, not on a default.
        {
          path: 'limits.otel_metric_suffixes_enabled',
          expected: 'false, written out',
          accepts: (v) => v === false,
        },
        {
          path: 'limits.otel_translation_strategy',
          expected: 'UnderscoreEscapingWithoutSuffixes (dots become underscores, no suffixes)',
          accepts: (v) => v === 'UnderscoreEscapingWithoutSuffixes',
        },
        {
          path: 'limits.name_validation_scheme',
          expected: 'legacy (utf8 would keep the dots)',
          accepts: (v) => v === 'legacy',
        },
        {
          path: 'limits.promote_otel_resource_attributes',
          expected: 'a comma-separated list with deployment.environment.name',
          accepts: promotes,
        },
        {
          path: 'limits.max_global_exemplars_per_user',
          expected: 'a number above 0 (exemplars are stored)',
          accepts: (v) => typeof v === 'number' && v > 0,
        },
        {
          path: 'limits.native_histograms_ingestion_enabled',
          expected: 'true',
          accepts: (v) => v === true,
        },
        { path: 'multitenancy_enabled', expected: 'false', accepts: (v) => v === false },
      ]),
    ).toEqual([]);
  });
});

describe(SERVICE_CONFIGS.loki, () => {
  test('keeps structured metadata, applies retention and runs the pattern ingester', () => {
    expect(
      unmet(SERVICE_CONFIGS.loki, loki, [
        {
          path: 'limits_config.allow_structured_metadata',
          expected: 'true (trace_id of OTLP logs)',
          accepts: (v) => v === true,
        },
        {
          path: 'limits_config.retention_period',
          expected: 'a retention duration',
          accepts: (v) => typeof v === 'string' && !/^0[a-z]*$/.test(v),
        },
        {
          path: 'compactor.retention_enabled',
          expected: 'true (the compactor applies retention)',
          accepts: (v) => v === true,
        },
        {
          path: 'pattern_ingester.enabled',
          expected: 'true (Logs Drilldown patterns)',
          accepts: (v) => v === true,
        },
      ]),
    ).toEqual([]);
  });

  test('stores the newest data with the tsdb v13 schema', () => {
    const schemas = valueAt(loki, 'schema_config.configs');
    const newest = Array.isArray(schemas) ? schemas.at(-1) : undefined;
    const at = `schema_config.configs[${Array.isArray(schemas) ? schemas.length - 1 : 0}]`;
    expect(
      unmet(`${SERVICE_CONFIGS.loki}: ${at}`, newest, [
        { path: 'schema', expected: 'v13', accepts: (v) => v === 'v13' },
        { path: 'store', expected: 'tsdb', accepts: (v) => v === 'tsdb' },
      ]),
    ).toEqual([]);
  });
});

describe(SERVICE_CONFIGS.pyroscope, () => {
  test('keeps profiles on the filesystem for a stated retention, v2 storage only', () => {
    expect(
      unmet(SERVICE_CONFIGS.pyroscope, pyroscope, [
        {
          path: 'storage.backend',
          expected: 'filesystem (single node, named volume)',
          accepts: (v) => v === 'filesystem',
        },
        {
          path: 'limits.retention_period',
          expected: 'a retention duration (the default keeps 31 days)',
          accepts: (v) => typeof v === 'string' && !/^0[a-z]*$/.test(v),
        },
        {
          path: 'architecture_storage',
          expected: 'v2 (the dual default also runs the v1 ingester)',
          accepts: (v) => v === 'v2',
        },
      ]),
    ).toEqual([]);
  });
});
