import { isRecord, topLevelMapping } from '../repo/parsed-document.js';
import { readRepoYaml } from '../repo/repo.js';
import { COMPOSE_FILE } from '../repo/stack-files.js';
import { type ComposeSource, composeConfig } from './compose-config.js';
import { goDurationSeconds } from './go-duration.js';

export type { Environment } from './compose-config.js';

/**
 * compose.yaml as the tests see it: the model `docker compose config` writes
 * (harness/compose/compose-config.ts), without a .env unless a test passes variables,
 * reduced to the facts the checks read. The container suites' view of a service
 * (harness/compose/compose-service.ts) is derived from this one.
 */

export interface PublishedPort {
  readonly hostIp: string | undefined;
  readonly published: string | undefined;
  readonly target: number;
  /** The entry as written, for messages. */
  readonly spec: string;
}

export interface Mount {
  readonly type: 'bind' | 'volume' | 'tmpfs' | 'other';
  readonly source: string | undefined;
  readonly target: string;
  readonly readOnly: boolean;
}

export interface ComposeService {
  readonly name: string;
  readonly image: string | undefined;
  /** The `build` section as written (a context path or a mapping), or undefined. */
  readonly build: unknown;
  readonly command: readonly string[];
  readonly entrypoint: readonly string[];
  readonly user: string | undefined;
  /** undefined: listed without a value and not set in the environment it was read with. */
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly ports: readonly PublishedPort[];
  readonly mounts: readonly Mount[];
  /** deploy.resources.limits.memory or mem_limit, in bytes. */
  readonly memoryLimitBytes: number | undefined;
  readonly healthcheck: Readonly<Record<string, unknown>> | undefined;
  readonly readOnly: boolean;
  readonly init: boolean;
  /** Paths of the service's own `tmpfs:` entries. */
  readonly tmpfs: readonly string[];
  readonly dependsOn: Readonly<Record<string, string>>;
  /** stop_grace_period in seconds; undefined when unset (compose then waits 10 s). */
  readonly stopGracePeriodSeconds: number | undefined;
}

export interface Compose {
  readonly raw: Record<string, unknown>;
  readonly services: readonly ComposeService[];
  readonly namedVolumes: readonly string[];
}

function portOf(entry: unknown): PublishedPort {
  const port = isRecord(entry) ? entry : {};
  const hostIp = typeof port.host_ip === 'string' ? port.host_ip : undefined;
  const published = port.published === undefined ? undefined : String(port.published);
  return {
    hostIp,
    published,
    target: Number(port.target),
    spec: [hostIp, published, port.target].filter((part) => part !== undefined).join(':'),
  };
}

function mountOf(entry: unknown): Mount {
  const mount = isRecord(entry) ? entry : {};
  const type = mount.type;
  return {
    type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
    source: typeof mount.source === 'string' ? mount.source : undefined,
    target: String(mount.target),
    readOnly: mount.read_only === true,
  };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Compose writes every byte size as a count of bytes, in a string. */
function bytesOf(value: unknown): number | undefined {
  return value === undefined || value === null ? undefined : Number(value);
}

function memoryLimitOf(service: Record<string, unknown>): number | undefined {
  const deploy = service.deploy;
  if (isRecord(deploy) && isRecord(deploy.resources) && isRecord(deploy.resources.limits)) {
    const limit = bytesOf(deploy.resources.limits.memory);
    if (limit !== undefined) return limit;
  }
  return bytesOf(service.mem_limit);
}

function serviceOf(name: string, spec: Record<string, unknown>): ComposeService {
  const environment = isRecord(spec.environment) ? spec.environment : {};
  const dependsOn = isRecord(spec.depends_on) ? spec.depends_on : {};
  return {
    name,
    image: typeof spec.image === 'string' ? spec.image : undefined,
    build: spec.build,
    command: strings(spec.command),
    entrypoint: strings(spec.entrypoint),
    user: spec.user === undefined || spec.user === null ? undefined : String(spec.user),
    environment: Object.fromEntries(
      Object.entries(environment).map(([key, value]) => [
        key,
        value === null || value === undefined ? undefined : String(value),
      ]),
    ),
    ports: (Array.isArray(spec.ports) ? spec.ports : []).map(portOf),
    mounts: (Array.isArray(spec.volumes) ? spec.volumes : []).map(mountOf),
    memoryLimitBytes: memoryLimitOf(spec),
    healthcheck: isRecord(spec.healthcheck) ? spec.healthcheck : undefined,
    dependsOn: Object.fromEntries(
      Object.entries(dependsOn).map(([service, how]) => [
        service,
        isRecord(how) && typeof how.condition === 'string' ? how.condition : 'service_started',
      ]),
    ),
    readOnly: spec.read_only === true,
    init: spec.init === true,
    tmpfs: strings(spec.tmpfs),
    stopGracePeriodSeconds:
      typeof spec.stop_grace_period === 'string'
        ? goDurationSeconds(spec.stop_grace_period)
        : undefined,
  };
}

/**
 * compose.yaml as written, before Compose reads it: for the checks about how the file is
 * written (quoting, which variables it names), not about what it means.
 */
export function loadComposeDocument(): Record<string, unknown> {
  return topLevelMapping(readRepoYaml(COMPOSE_FILE), COMPOSE_FILE);
}

/** The facts of a compose model as `docker compose config` writes it. */
export function parseCompose(model: Record<string, unknown>, file = COMPOSE_FILE): Compose {
  const services = model.services;
  if (!isRecord(services)) throw new Error(`${file}: expected a "services" mapping`);
  return {
    raw: model,
    services: Object.entries(services).map(([name, spec]) =>
      serviceOf(name, isRecord(spec) ? spec : {}),
    ),
    namedVolumes: isRecord(model.volumes) ? Object.keys(model.volumes) : [],
  };
}

/** Compose files as Compose reads them; compose.yaml alone, without a .env, by default. */
export function loadCompose(source: ComposeSource = { files: [COMPOSE_FILE] }): Compose {
  return parseCompose(composeConfig(source), source.files.join(' + '));
}

export function serviceNamed(compose: Compose, name: string): ComposeService {
  const service = compose.services.find((s) => s.name === name);
  if (!service) {
    throw new Error(
      `${COMPOSE_FILE} has no service "${name}" (it has: ${compose.services.map((s) => s.name).join(', ')})`,
    );
  }
  return service;
}
