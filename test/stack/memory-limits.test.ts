import { describe, expect, test } from 'vitest';
import { loadCompose } from '../../harness/compose/compose.js';
import { markdownSections } from '../../harness/repo/markdown-sections.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * Every memory limit rests on a figure: upstream's own (an issue, a sizing guide, a chart)
 * or a measurement here, and is at least that figure. Four of the images cannot be pulled on
 * this project's machines, so most figures are upstream's; infra/README.md ("Memory") gives
 * each limit with its source, and this test holds the two together.
 */

const MIB = 1024 ** 2;
const GIB_IN_MIB = 1024;

/**
 * Active series in Mimir, which Alloy scrapes and Mimir stores: the self-scrape of six
 * services every 10 s (config.alloy, prometheus.scrape "stack"), the bot's metrics and Tempo's
 * span metrics. An estimate, not a measurement (the backends cannot run here); infra/README.md
 * says how to read the real number.
 */
const ACTIVE_SERIES = 30_000;
const SCRAPE_INTERVAL_S = 10;
/** Queries a second with the largest dashboard open (27 Mimir queries every 30 s) and the alert rules. */
const QUERIES_PER_SECOND = 1;

/**
 * grafana/mimir docs/sources/mimir/manage/run-production-environment/planning-capacity.md:
 * monolithic mode needs the sum of its components, plus 50 % for peaks.
 */
function mimirPlanningMiB(): number {
  const samplesPerSecond = ACTIVE_SERIES / SCRAPE_INTERVAL_S;
  const components = {
    distributor: (samplesPerSecond / 25_000) * GIB_IN_MIB,
    ingester: (ACTIVE_SERIES / 300_000) * 2.5 * GIB_IN_MIB,
    queryFrontend: (QUERIES_PER_SECOND / 250) * GIB_IN_MIB,
    querier: (QUERIES_PER_SECOND / 10) * GIB_IN_MIB,
    storeGateway: (QUERIES_PER_SECOND / 10) * GIB_IN_MIB,
    compactor: (ACTIVE_SERIES / 20_000_000) * 4 * GIB_IN_MIB,
  };
  return Object.values(components).reduce((sum, mib) => sum + mib, 0) * 1.5;
}

/**
 * grafana/alloy docs/sources/set-up/estimate-resource-usage.md (v1.19): 11 GiB per million
 * scraped series, 10 GiB per 100 profiles a second (here two every 10 s).
 */
function alloyEstimateMiB(): number {
  return (ACTIVE_SERIES / 1_000_000) * 11 * GIB_IN_MIB + (0.2 / 100) * 10 * GIB_IN_MIB;
}

interface Figure {
  /** The memory the source says the service needs, in MiB; undefined where none was found. */
  readonly mib: number | undefined;
  readonly source: string;
}

const FIGURES: Readonly<Record<string, Figure>> = {
  bot: { mib: 66.6, source: 'measured here: demo mode in its image under this limit' },
  alloy: { mib: alloyEstimateMiB(), source: "Alloy's resource estimate at ACTIVE_SERIES" },
  tempo: { mib: undefined, source: 'no upstream figure for a monolithic Tempo 3 found' },
  loki: { mib: undefined, source: 'no upstream figure for a single-binary Loki found' },
  mimir: { mib: mimirPlanningMiB(), source: "Mimir's capacity planning at ACTIVE_SERIES" },
  'mimir-ready': { mib: undefined, source: '`sleep` under tini' },
  pyroscope: {
    mib: 128,
    source: "the single-binary example limit of Pyroscope's Helm chart (v2.2.1 values.yaml)",
  },
  grafana: {
    mib: 330 * 1.5,
    source: 'grafana/grafana#123017: 13.0.1 idles at ~330 MiB, OOM-killed under 300-400 MiB',
  },
};

/** What the stack may take in all; infra/README.md says which machine that fits. */
const MEMORY_BUDGET_MIB = 3 * GIB_IN_MIB;

const compose = loadCompose();
const limitMiB = (name: string) =>
  (compose.services.find((s) => s.name === name)?.memoryLimitBytes ?? 0) / MIB;

describe(`${COMPOSE_FILE}: memory limits`, () => {
  test('every service has a figure behind its limit', () => {
    const unsourced = compose.services
      .filter((service) => FIGURES[service.name] === undefined)
      .map((service) => `services.${service.name}: no entry in test/stack/memory-limits.test.ts`);
    expect(unsourced).toEqual([]);
  });

  test.each(Object.entries(FIGURES).filter(([, figure]) => figure.mib !== undefined))(
    '%s: the limit is at least what its source says it needs',
    (name, figure) => {
      expect(
        limitMiB(name),
        `${COMPOSE_FILE}: services.${name}.deploy.resources.limits.memory: expected at least ${Math.ceil(figure.mib ?? 0)} MiB (${figure.source})`,
      ).toBeGreaterThanOrEqual(figure.mib ?? 0);
    },
  );
});

describe('infra/README.md, "Memory"', () => {
  const section = markdownSections(readRepoFile('infra/README.md')).find(
    (s) => s.anchor === 'memory',
  );
  /** `| grafana | 512 MiB | ... |` rows: service name and limit. */
  const rows = new Map(
    [...(section?.body ?? '').matchAll(/^\|\s*`?([\w-]+)`?\s*\|\s*(\d+) MiB\s*\|/gm)].map((m) => [
      m[1] ?? '',
      Number(m[2]),
    ]),
  );
  const total = compose.services.reduce((sum, s) => sum + (s.memoryLimitBytes ?? 0), 0) / MIB;

  test("gives every service's limit as compose sets it", () => {
    const wrong = compose.services
      .filter((service) => rows.get(service.name) !== limitMiB(service.name))
      .map(
        (service) =>
          `infra/README.md: the Memory table says ${rows.get(service.name) ?? 'nothing'} for ${service.name}, ${COMPOSE_FILE} sets ${limitMiB(service.name)} MiB`,
      );
    expect(wrong).toEqual([]);
  });

  test('gives the total, which stays within the budget', () => {
    expect(section?.body, 'infra/README.md: expected the total in the Memory section').toContain(
      `${total} MiB`,
    );
    expect(total).toBeLessThanOrEqual(MEMORY_BUDGET_MIB);
  });
});
