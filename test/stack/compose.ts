import { isRecord, readRepoYaml } from './repo.js';

/**
 * compose.yaml as the static checks see it: `${VAR:-default}` resolved to its default (what
 * `docker compose up` does without a .env), short and long syntaxes reduced to one shape.
 */

export const COMPOSE_FILE = 'compose.yaml';

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
}

export interface ComposeService {
  readonly name: string;
  readonly image: string | undefined;
  /** The `build` section as written (a context path or a mapping), or undefined. */
  readonly build: unknown;
  readonly command: readonly string[];
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly ports: readonly PublishedPort[];
  readonly mounts: readonly Mount[];
  /** deploy.resources.limits.memory or mem_limit, in bytes. */
  readonly memoryLimitBytes: number | undefined;
  readonly healthcheck: Readonly<Record<string, unknown>> | undefined;
  readonly dependsOn: Readonly<Record<string, string>>;
}

export interface Compose {
  readonly raw: Record<string, unknown>;
  readonly services: readonly ComposeService[];
  readonly namedVolumes: readonly string[];
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$\$/g;

/** Resolves compose interpolation as if no variable were set: `${X:-d}` -> d, `${X}` -> ''. */
export function resolveDefaults(text: string): string {
  return text.replace(VARIABLE, (match, _name, operator: string | undefined, operand) => {
    if (match === '$$') return '$';
    if (operator === ':-' || operator === '-') return operand ?? '';
    return '';
  });
}

function resolveTree(value: unknown): unknown {
  if (typeof value === 'string') return resolveDefaults(value);
  if (Array.isArray(value)) return value.map(resolveTree);
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTree(v)]));
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
    };
  }
  const [source = '', target, ...rest] = String(entry).split(':');
  if (target === undefined || rest.length > 1) {
    return { type: 'volume', source: undefined, target: source };
  }
  const isPath = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
  return { type: isPath ? 'bind' : 'volume', source, target };
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

function environmentOf(value: unknown): Record<string, string | undefined> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map(String).map((item) => {
        const at = item.indexOf('=');
        return at === -1 ? [item, undefined] : [item.slice(0, at), item.slice(at + 1)];
      }),
    );
  }
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      v === null || v === undefined ? undefined : String(v),
    ]),
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

function serviceOf(name: string, spec: Record<string, unknown>): ComposeService {
  return {
    name,
    image: typeof spec.image === 'string' ? spec.image : undefined,
    build: spec.build,
    command: asStringList(spec.command),
    environment: environmentOf(spec.environment),
    ports: (Array.isArray(spec.ports) ? spec.ports : []).map(parsePort),
    mounts: (Array.isArray(spec.volumes) ? spec.volumes : []).map(parseMount),
    memoryLimitBytes: memoryLimitOf(spec),
    healthcheck: isRecord(spec.healthcheck) ? spec.healthcheck : undefined,
    dependsOn: dependsOnOf(spec.depends_on),
  };
}

/** Reads compose.yaml as written (for the schema) and resolved (for everything else). */
export function loadComposeDocument(): Record<string, unknown> {
  const document = readRepoYaml(COMPOSE_FILE);
  if (!isRecord(document)) throw new Error(`${COMPOSE_FILE}: expected a mapping at the top level`);
  return document;
}

export function parseCompose(document: Record<string, unknown>): Compose {
  const resolved = resolveTree(document) as Record<string, unknown>;
  const services = isRecord(resolved.services) ? resolved.services : {};
  return {
    raw: resolved,
    services: Object.entries(services).map(([name, spec]) =>
      serviceOf(name, isRecord(spec) ? spec : {}),
    ),
    namedVolumes: isRecord(resolved.volumes) ? Object.keys(resolved.volumes) : [],
  };
}

export function loadCompose(): Compose {
  return parseCompose(loadComposeDocument());
}

export function serviceNamed(compose: Compose, name: string): ComposeService {
  const service = compose.services.find((s) => s.name === name);
  if (!service) throw new Error(`${COMPOSE_FILE}: no service named "${name}"`);
  return service;
}
