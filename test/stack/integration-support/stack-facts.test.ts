import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readStackFacts } from '../../integration/support/stack-facts.js';

// The container suites derive images, configs and ports from the project's own files. This
// runs those derivations on the real files, so a change that would leave the suites unable
// to start the stack fails here, where no container runtime is needed.
test('the container suites can derive what they need from compose.yaml and infra/', () => {
  const facts = readStackFacts();
  for (const backend of [facts.tempo, facts.loki, facts.mimir, facts.alloy]) {
    expect(existsSync(backend.configFile), backend.configFile).toBe(true);
    expect(backend.service.image, backend.service.name).toMatch(/^[^:]+:[^:]+$/);
    expect(backend.httpPort).toBeGreaterThan(0);
  }
  expect(facts.tempo.otlpGrpcPort).toBeGreaterThan(0);
  expect(facts.alloy.otlpGrpcPort).toBeGreaterThan(0);
  expect(facts.grafana.httpPort).toBeGreaterThan(0);
  expect(facts.botDemoPort).toBeGreaterThan(0);
});
