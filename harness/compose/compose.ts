import { isRecord, topLevelMapping } from '../repo/parsed-document.js';
import { readRepoYaml } from '../repo/repo.js';
import { COMPOSE_FILE } from '../repo/stack-files.js';
import { goDurationSeconds } from './go-duration.js';

/**
 * compose.yaml as the tests see it: `${VAR:-default}` resolved against a given environment
 * (none for the static checks: what `docker compose up` does without a .env), short and
 * long syntaxes reduced to one shape. The container suites' view of a service
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

export type Environment = Readonly<Record<string, string | undefined>>;

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|\$\$/g;

/**
 * `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` and `$$` as compose reads them; the colon
 * forms treat an empty value as unset. A required `${X:?message}` that is unset reads as
 * empty rather than failing, so the checks run without a .env.
 */
export function interpolate(text: string, env: Environment): string {
  return text.replace(
    VARIABLE,
    (match, name: string, colon: string, operator: string | undefined, operand: string) => {
      if (match === '$$') return '$';
      const value = env[name];
      const set = value !== undefined && !(colon === ':' && value === '');
      if (operator === '-') return set ? value : operand;
      if (operator === '+') return set ? operand : '';
      return value ?? '';
    },
  );
}

function resolveTree(value: unknown, env: Environment): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => resolveTree(item, env));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTree(v, env)]));
  }
  return value;
}

const SHORT_PORT =
  /^(?:(?<ip>\[[^\]]+\]|[^:[\]]+):)?(?:(?<published>[\d-]*):)?(?<target>\d+)(?:-\d+)?(?:\/\w+)?$/;

export function parsePort(entry: unknown): PublishedPort {
  if (isRecord(entry)) {
    return {
      hostIp: typeof entry.host_ip === 'string' ? entry.host_ip : undefined,
      published: entry.published === undefined ? undefined : String(entry.published),
      target: Number(entry.target),
      spec: JSON.stringify(entry),
    };
  }
  const spec = String(entry);
  const match = SHORT_PORT.exec(spec);
  if (!match?.groups) throw new Error(`${COMPOSE_FILE}: cannot read the port entry "${spec}"`);
  const { ip, published, target } = match.groups;
  // "3000:3000" has no IP; the regex reads its first part as one, so put it back.
  if (ip !== undefined && published === undefined && /^\d+$/.test(ip)) {
    return { hostIp: undefined, published: ip, target: Number(target), spec };
  }
  return { hostIp: ip, published: published || undefined, target: Number(target), spec };
}

export function parseMount(entry: unknown): Mount {
  if (isRecord(entry)) {
    const type = entry.type;
    return {
      type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
      source: typeof entry.source === 'string' ? entry.source : undefined,
      target: String(entry.target),
      readOnly: entry.read_only === true,
    };
  }
  const [source = '', target, ...rest] = String(entry).split(':');
  if (target === undefined || rest.length > 1) {
    return { type: 'volume', source: undefined, target: source, readOnly: false };
  }
  const isPath = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
  const readOnly = (rest[0] ?? '').split(',').includes('ro');
  return { type: isPath ? 'bind' : 'volume', source, target, readOnly };
}

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Compose byte values ("192M", "1g", "512mb", 268435456), binary multiples as Docker reads them. */
export function parseBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  return Math.round(Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
}

function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/** A variable listed without a value is passed through from `env`, as compose does. */
function environmentOf(value: unknown, env: Environment): Record<string, string | undefined> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map(String).map((item) => {
        const at = item.indexOf('=');
        return at === -1 ? [item, env[item]] : [item.slice(0, at), item.slice(at + 1)];
      }),
    );
  }
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? env[k] : String(v)]),
  );
}

function dependsOnOf(value: unknown): Record<string, string> {
  if (Array.isArray(value))
    return Object.fromEntries(value.map((name) => [String(name), 'service_started']));
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([name, spec]) => [
      name,
      isRecord(spec) && typeof spec.condition === 'string' ? spec.condition : 'service_started',
    ]),
  );
}

function memoryLimitOf(service: Record<string, unknown>): number | undefined {
  const deploy = service.deploy;
  if (isRecord(deploy) && isRecord(deploy.resources) && isRecord(deploy.resources.limits)) {
    const limit = parseBytes(deploy.resources.limits.memory);
    if (limit !== undefined) return limit;
  }
  return parseBytes(service.mem_limit);
}

function serviceOf(name: string, spec: Record<string, unknown>, env: Environment): ComposeService {
  return {
    name,
    image: typeof spec.image === 'string' ? spec.image : undefined,
    build: spec.build,
    command: asStringList(spec.command),
    entrypoint: asStringList(spec.entrypoint),
    user: spec.user === undefined || spec.user === null ? undefined : String(spec.user),
    environment: environmentOf(spec.environment, env),
    ports: (Array.isArray(spec.ports) ? spec.ports : []).map(parsePort),
    mounts: (Array.isArray(spec.volumes) ? spec.volumes : []).map(parseMount),
    memoryLimitBytes: memoryLimitOf(spec),
    healthcheck: isRecord(spec.healthcheck) ? spec.healthcheck : undefined,
    dependsOn: dependsOnOf(spec.depends_on),
    readOnly: spec.read_only === true,
    init: spec.init === true,
    tmpfs: asStringList(spec.tmpfs),
    stopGracePeriodSeconds:
      typeof spec.stop_grace_period === 'string'
        ? goDurationSeconds(spec.stop_grace_period)
        : undefined,
  };
}

/** Reads compose.yaml as written (for the schema) and resolved (for everything else). */
export function loadComposeDocument(): Record<string, unknown> {
  return topLevelMapping(readRepoYaml(COMPOSE_FILE), COMPOSE_FILE);
}

/** `env`: the variables interpolation sees; none by default, as without a .env. */
export function parseCompose(document: Record<string, unknown>, env: Environment = {}): Compose {
  const resolved = resolveTree(document, env) as Record<string, unknown>;
  const services = resolved.services;
  if (!isRecord(services)) throw new Error(`${COMPOSE_FILE}: expected a "services" mapping`);
  return {
    raw: resolved,
    services: Object.entries(services).map(([name, spec]) =>
      serviceOf(name, isRecord(spec) ? spec : {}, env),
    ),
    namedVolumes: isRecord(resolved.volumes) ? Object.keys(resolved.volumes) : [],
  };
}

export function loadCompose(): Compose {
  return parseCompose(loadComposeDocument());
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
