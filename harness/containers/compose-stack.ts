import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DockerComposeEnvironment,
  getContainerRuntimeClient,
  type StartedDockerComposeEnvironment,
  type StartedTestContainer,
  Wait,
} from 'testcontainers';
import type { Environment } from '../compose/compose.js';
import { composeService, composeServiceNames } from '../compose/compose-service.js';
import { REPO_ROOT } from '../repo/repo.js';
import { COMPOSE_FILE } from '../repo/stack-files.js';
import { SERVICE, type StackFacts } from './stack-facts.js';

/** The whole compose stack, started under a project name of its own. */
export interface ComposeStack {
  readonly environment: StartedDockerComposeEnvironment;
  /** From `up` to every service ready (healthy where it has a healthcheck), build included. */
  readonly upMs: number;
  /** From the first container's start to every service ready: what a user's `up` waits, images at hand. */
  readonly startedToReadyMs: number;
  container(service: string): StartedTestContainer;
  /** `http://host:port` of a service's published container port. */
  url(service: string, containerPort: number): string;
}

/**
 * `docker compose up --build` of the project's compose.yaml, waiting for each service to be
 * ready: its healthcheck where it has one, else its own readiness endpoint (Mimir's /ready,
 * the demo double's health). The project name is unique so a developer's running stack and
 * its volumes are never touched; `DISCORD_TOKEN` is forced empty so the bot runs the demo
 * whatever the developer's .env says. `env` adds settings of the suite's own (a smaller
 * Alloy queue, say), as a .env would.
 */
export async function startComposeStack(
  facts: StackFacts,
  purpose: string,
  env: Environment = {},
): Promise<ComposeStack> {
  const composeYaml = readFileSync(resolve(REPO_ROOT, COMPOSE_FILE), 'utf8');
  const services = composeServiceNames(composeYaml);
  const settings = Object.fromEntries(
    Object.entries({ ...env, DISCORD_TOKEN: '', ROBOSHPEE_DEMO: 'true' }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  let compose = new DockerComposeEnvironment(REPO_ROOT, COMPOSE_FILE)
    .withProjectName(`roboshpee-it-${purpose}-${randomBytes(3).toString('hex')}`)
    .withBuild()
    .withEnvironment(settings)
    .withStartupTimeout(300_000);
  const withHealthcheck = new Set(
    services.filter((name) => composeService(composeYaml, name, REPO_ROOT).hasHealthcheck),
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
  const readyAt = Date.now();
  const container = (service: string) => environment.getContainer(`${service}-1`);
  return {
    environment,
    upMs,
    startedToReadyMs: readyAt - (await firstStart(services.map(container))),
    container,
    url: (service, port) => {
      const c = container(service);
      return `http://${c.getHost()}:${c.getMappedPort(port)}`;
    },
  };
}

/** When the first of these containers started, by Docker's clock (epoch milliseconds). */
async function firstStart(containers: readonly StartedTestContainer[]): Promise<number> {
  const client = await getContainerRuntimeClient();
  const starts = await Promise.all(
    containers.map(async (c) => {
      const info = await client.container.inspect(client.container.getById(c.getId()));
      return Date.parse(info.State.StartedAt);
    }),
  );
  return Math.min(...starts);
}
