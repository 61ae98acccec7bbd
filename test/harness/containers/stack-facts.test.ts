import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  provisionedDashboardFiles,
  provisionedDatasources,
} from '../../../harness/configs/grafana-provisioning.js';
import { readStackFacts } from '../../../harness/containers/stack-facts.js';

// The container suites derive images, configs and ports from the project's own files. This
// runs those derivations on the real files, so a change that would leave the suites unable
// to start the stack fails here, where no container runtime is needed.
test('the container suites can derive what they need from compose.yaml and infra/', () => {
  const facts = readStackFacts();
  for (const backend of [facts.tempo, facts.loki, facts.mimir, facts.alloy, facts.pyroscope]) {
    expect(existsSync(backend.configFile), backend.configFile).toBe(true);
    expect(backend.service.image, backend.service.name).toMatch(/^[^:]+:[^:]+$/);
    expect(backend.httpPort).toBeGreaterThan(0);
  }
  expect(facts.tempo.otlpGrpcPort).toBeGreaterThan(0);
  expect(facts.alloy.otlpGrpcPort).toBeGreaterThan(0);
  expect(facts.grafana.httpPort).toBeGreaterThan(0);
  expect(facts.botDemoPort).toBeGreaterThan(0);
  expect(facts.mimir.prometheusPath).toMatch(/^\/\w/);
});

test("Grafana's provisioning is readable from the files compose mounts into it", () => {
  const { grafana } = readStackFacts();
  const uids = provisionedDatasources(grafana.service).map((d) => d.uid);
  expect(uids.length).toBeGreaterThan(0);
  expect(new Set(uids).size, 'datasource uids are unique').toBe(uids.length);
  const dashboards = provisionedDashboardFiles(grafana.service);
  expect(dashboards.length).toBeGreaterThan(0);
  for (const file of dashboards) expect(existsSync(file), file).toBe(true);
});
