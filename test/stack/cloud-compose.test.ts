import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { composeConfig } from '../../harness/compose/compose-config.js';
import { loadComposeOverride } from '../../harness/compose/compose-override.js';
import { CLOUD_COMPOSE } from '../../harness/repo/deploy-files.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG, COMPOSE_FILE } from '../../harness/repo/stack-files.js';

const base = loadCompose();

/** Alloy's endpoint variables that fall back to a service of compose.yaml when empty. */
const localFallbacks = [
  ...readRepoFile(ALLOY_CONFIG).matchAll(
    /coalesce\(sys\.env\("([A-Z_]+)"\), "(?:http:\/\/)?(tempo|loki|mimir|pyroscope)[:/]/g,
  ),
].map((match) => match[1] ?? '');

/** The remote endpoints a user puts in .env (stand-ins: Compose only reads them). */
const remote = Object.fromEntries(
  localFallbacks.map((variable) => [variable, `https://${variable.toLowerCase()}.example`]),
);
const override = loadComposeOverride(CLOUD_COMPOSE, remote);

describe(CLOUD_COMPOSE, () => {
  test('without the remote endpoints in .env, Compose refuses it and names what to set', () => {
    expect(() => composeConfig({ files: [COMPOSE_FILE, CLOUD_COMPOSE] })).toThrow(
      /set \w+ in \.env/,
    );
  });

  test('starts only the bot and Alloy: the backends are behind a profile', () => {
    const started = override.merged.services.map((service) => service.name);
    expect(started.sort()).toEqual(['alloy', 'bot']);
    expect(base.services.length).toBeGreaterThan(2);
  });

  test("resets Alloy's wait for the backends that do not start", () => {
    expect(Object.keys(serviceNamed(base, 'alloy').dependsOn).length).toBeGreaterThan(0);
    expect(serviceNamed(override.merged, 'alloy').dependsOn).toEqual({});
  });

  test("hands the remote endpoints to Alloy's environment", () => {
    const environment = serviceNamed(override.merged, 'alloy').environment;
    for (const [variable, value] of Object.entries(remote)) {
      expect(environment[variable], variable).toBe(value);
    }
  });

  test('requires in .env every endpoint that would otherwise point at a local backend', () => {
    expect(localFallbacks.length).toBeGreaterThan(0);
    const text = readRepoFile(CLOUD_COMPOSE);
    const missing = localFallbacks.filter(
      (variable) =>
        !new RegExp(`${variable}: \\$\\{${variable}:\\?set ${variable} in \\.env`).test(text),
    );
    expect(missing).toEqual([]);
  });
});
