import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DockerComposeEnvironment,
  type StartedDockerComposeEnvironment,
  type StartedTestContainer,
  Wait,
} from 'testcontainers';
import { REPO_ROOT } from '../../support/repo.js';
import { COMPOSE_FILE } from '../../support/stack-files.js';
import { composeServiceNames } from './compose-service.js';
import { SERVICE, type StackFacts } from './stack-facts.js';

/** The whole compose stack, started under a project name of its own. */
export interface ComposeStack {
  readonly environment: StartedDockerComposeEnvironment;
  /** From `up` to every service ready (healthy where it has a healthcheck). */
  readonly upMs: number;
  container(service: string): StartedTestContainer;
  /** `http://host:port` of a service's published container port. */
  url(service: string, containerPort: number): string;
}

/**
 * `docker compose up --build` of the project's compose.yaml, waiting for each service to be
 * ready: its healthcheck where it has one, else its own readiness endpoint (Mimir's /ready,
 * the demo double's health). The project name is unique so a developer's running stack and
 * its volumes are never touched; `DISCORD_TOKEN` is forced empty so the bot runs the demo
 * whatever the developer's .env says.
 */
export async function startComposeStack(facts: StackFacts, purpose: string): Promise<ComposeStack> {
  const services = composeServiceNames(readFileSync(resolve(REPO_ROOT, COMPOSE_FILE), 'utf8'));
  let compose = new DockerComposeEnvironment(REPO_ROOT, COMPOSE_FILE)
    .withProjectName(`roboshpee-it-${purpose}-${randomBytes(3).toString('hex')}`)
    .withBuild()
    .withEnvironment({ DISCORD_TOKEN: '', ROBOSHPEE_DEMO: 'true' })
    .withStartupTimeout(300_000);
  const withHealthcheck = new Set(
    [facts.tempo, facts.loki, facts.mimir, facts.alloy, facts.grafana]
      .filter((b) => b.service.hasHealthcheck)
      .map((b) => b.service.name),
  );
  for (const name of services) {
    const container = `${name}-1`;
    if (withHealthcheck.has(name))
      compose = compose.withWaitStrategy(container, Wait.forHealthCheck());
    else if (name === facts.mimir.service.name)
      compose = compose.withWaitStrategy(container, Wait.forHttp('/ready', facts.mimir.httpPort));
    else if (name === SERVICE.bot)
      compose = compose.withWaitStrategy(
        container,
        Wait.forHttp('/_demo/healthz', facts.botDemoPort),
      );
  }
  const started = performance.now();
  const environment = await compose.up();
  const upMs = performance.now() - started;
  const container = (service: string) => environment.getContainer(`${service}-1`);
  return {
    environment,
    upMs,
    container,
    url: (service, port) => {
      const c = container(service);
      return `http://${c.getHost()}:${c.getMappedPort(port)}`;
    },
  };
}
