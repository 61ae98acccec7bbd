import type { GenericContainer } from 'testcontainers';
import { REPO_ROOT } from '../repo/repo.js';
import { COMPOSE_FILE } from '../repo/stack-files.js';
import { type Compose, type Environment, loadCompose, serviceNamed } from './compose.js';
import { goDurationSeconds } from './go-duration.js';

/**
 * One compose service as the container suites start it, so they run the very image tag,
 * command, config files and environment the stack ships, without repeating them. Read
 * through the shared compose reader (harness/compose/compose.ts): `docker compose config`,
 * with no .env and only the variables in `env`.
 */
export interface ComposeService {
  readonly name: string;
  /** Absent for a service that is built (`build:`) rather than pulled. */
  readonly image?: string;
  readonly command?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly user?: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Bind-mounted files and folders, `source` absolute on the host. */
  readonly binds: readonly {
    readonly source: string;
    readonly target: string;
    readonly readOnly: boolean;
  }[];
  /** Container paths of named volumes (the store's data directory). */
  readonly volumeTargets: readonly string[];
  /** Container ports the service publishes. */
  readonly publishedPorts: readonly number[];
  readonly hasHealthcheck: boolean;
  /** The service's healthcheck in the runtime's terms (durations in ms), when it has one. */
  readonly healthcheck?: HealthCheck;
  readonly readOnly: boolean;
  readonly init: boolean;
  /** The service's own `tmpfs:` paths (not its named volumes). */
  readonly tmpfs: readonly string[];
  readonly memoryLimitBytes?: number;
  /** How long `docker compose stop` waits before SIGKILL: stop_grace_period, else compose's 10 s. */
  readonly stopGraceMs: number;
}

type HealthCheck = Parameters<GenericContainer['withHealthCheck']>[0];

/** A compose healthcheck as the runtime's API takes it; undefined when none or disabled. */
export function healthcheckOf(
  spec: Readonly<Record<string, unknown>> | undefined,
): HealthCheck | undefined {
  if (spec === undefined || spec.disable === true) return undefined;
  const raw = spec.test;
  let test: HealthCheck['test'];
  if (typeof raw === 'string') test = ['CMD-SHELL', raw];
  else if (Array.isArray(raw) && raw[0] === 'CMD-SHELL' && typeof raw[1] === 'string')
    test = ['CMD-SHELL', raw[1]];
  else if (Array.isArray(raw) && raw[0] === 'CMD') test = ['CMD', ...raw.slice(1).map(String)];
  else
    throw new Error(
      `${COMPOSE_FILE}: healthcheck.test must be a string, [CMD, ...] or [CMD-SHELL, cmd]`,
    );
  const milliseconds = (value: unknown) => {
    const seconds = typeof value === 'string' ? goDurationSeconds(value) : undefined;
    return seconds === undefined ? undefined : seconds * 1000;
  };
  const durations = {
    interval: milliseconds(spec.interval),
    timeout: milliseconds(spec.timeout),
    startPeriod: milliseconds(spec.start_period),
    retries: typeof spec.retries === 'number' ? spec.retries : undefined,
  };
  return {
    test,
    ...Object.fromEntries(Object.entries(durations).filter(([, value]) => value !== undefined)),
  };
}

/** Compose's stop grace period when a service sets none. */
const COMPOSE_STOP_GRACE_SECONDS = 10;

function composeOf(composeYaml: string, projectDir: string, env: Environment): Compose {
  return loadCompose({ files: ['-'], stdin: composeYaml, projectDir, env });
}

/** Reads service `name` from compose.yaml text; `projectDir` anchors relative bind sources. */
export function composeService(
  composeYaml: string,
  name: string,
  projectDir: string,
  env: Environment = {},
): ComposeService {
  const service = serviceNamed(composeOf(composeYaml, projectDir, env), name);
  return {
    name,
    ...(service.image === undefined ? {} : { image: service.image }),
    ...(service.command.length === 0 ? {} : { command: service.command }),
    ...(service.entrypoint.length === 0 ? {} : { entrypoint: service.entrypoint }),
    ...(service.user === undefined ? {} : { user: service.user }),
    // A variable listed without a value and unset on the host reaches the container empty.
    environment: Object.fromEntries(
      Object.entries(service.environment).map(([key, value]) => [key, value ?? '']),
    ),
    // Compose writes bind sources absolute, resolved against the project directory.
    binds: service.mounts.flatMap(({ type, source, target, readOnly }) =>
      type === 'bind' && source !== undefined ? [{ source, target, readOnly }] : [],
    ),
    volumeTargets: service.mounts.filter((m) => m.type === 'volume').map((m) => m.target),
    publishedPorts: service.ports.map((port) => port.target),
    hasHealthcheck: service.healthcheck !== undefined && service.healthcheck.disable !== true,
    ...optional('healthcheck', healthcheckOf(service.healthcheck)),
    readOnly: service.readOnly,
    init: service.init,
    tmpfs: service.tmpfs,
    ...optional('memoryLimitBytes', service.memoryLimitBytes),
    stopGraceMs: (service.stopGracePeriodSeconds ?? COMPOSE_STOP_GRACE_SECONDS) * 1000,
  };
}

/** `{ key: value }`, or nothing when the value is absent (optional properties stay absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The image a service pulls; a built service has none to start as a lone container. */
export function imageOf(service: ComposeService): string {
  if (service.image === undefined)
    throw new Error(`${COMPOSE_FILE}: service "${service.name}" has no image`);
  return service.image;
}

/** Every service name in a compose file's text. */
export function composeServiceNames(composeYaml: string, projectDir = REPO_ROOT): string[] {
  return composeOf(composeYaml, projectDir, {}).services.map((service) => service.name);
}
