import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * One compose service, read from the project's compose.yaml so the container suites run the
 * very image tag, command, config files and environment the stack ships, without repeating
 * them. Only what the suites need is read; `${VAR:-default}` takes its default (or the
 * value from `env`), as `docker compose` would with no .env.
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
}

const stringOrList = z.union([z.string(), z.array(z.string())]);
const service = z.object({
  image: z.string().optional(),
  command: stringOrList.optional(),
  entrypoint: stringOrList.optional(),
  user: z.union([z.string(), z.number()]).optional(),
  environment: z
    .union([
      z.array(z.string()),
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    ])
    .optional(),
  volumes: z
    .array(
      z.union([
        z.string(),
        z.object({
          type: z.string(),
          source: z.string().optional(),
          target: z.string(),
          read_only: z.boolean().optional(),
        }),
      ]),
    )
    .optional(),
  ports: z
    .array(
      z.union([z.string(), z.number(), z.object({ target: z.union([z.number(), z.string()]) })]),
    )
    .optional(),
  healthcheck: z.object({ disable: z.boolean().optional() }).loose().optional(),
});
const composeFile = z.object({ services: z.record(z.string(), service) });

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$` as compose reads them. */
export function interpolate(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}/g,
    (match, name, colon, fallback) => {
      if (match === '$$') return '$';
      const value = env[name as string];
      if (fallback === undefined) return value ?? '';
      if (value === undefined || (colon === ':' && value === '')) return fallback as string;
      return value;
    },
  );
}

function asList(value: string | readonly string[] | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  // Compose splits a string command like a shell; the stack's commands are plain words.
  return typeof value === 'string' ? value.split(/\s+/).filter((w) => w !== '') : value;
}

function containerPort(port: string | number | { target: number | string }): number {
  if (typeof port === 'object') return Number(port.target);
  // "127.0.0.1:3000:3000", "3000:3000", "3000", "4317/tcp": the container side is last.
  const last = String(port).split(':').at(-1) ?? '';
  const value = Number(last.split('/')[0]);
  if (!Number.isInteger(value)) throw new Error(`cannot read a container port from "${port}"`);
  return value;
}

const HOST_PATH = /^(\.{1,2}\/|\/|~)/;

/** Reads service `name` from compose.yaml text; `projectDir` anchors relative bind sources. */
export function composeService(
  composeYaml: string,
  name: string,
  projectDir: string,
  env: Readonly<Record<string, string | undefined>> = {},
): ComposeService {
  const file = composeFile.safeParse(parse(composeYaml));
  if (!file.success)
    throw new Error(`compose.yaml: ${file.error.issues[0]?.message ?? 'unreadable'}`);
  const raw = file.data.services[name];
  if (raw === undefined) {
    throw new Error(
      `compose.yaml has no service "${name}" (it has: ${Object.keys(file.data.services).join(', ')})`,
    );
  }
  const sub = (text: string): string => interpolate(text, env);
  const binds: { source: string; target: string; readOnly: boolean }[] = [];
  const volumeTargets: string[] = [];
  for (const volume of raw.volumes ?? []) {
    if (typeof volume === 'string') {
      const [source = '', target = '', mode = ''] = sub(volume).split(':');
      if (HOST_PATH.test(source))
        binds.push({
          source: resolve(projectDir, source),
          target,
          readOnly: mode.split(',').includes('ro'),
        });
      else volumeTargets.push(target);
    } else if (volume.type === 'bind' && volume.source !== undefined) {
      binds.push({
        source: resolve(projectDir, sub(volume.source)),
        target: volume.target,
        readOnly: volume.read_only ?? false,
      });
    } else if (volume.type === 'volume') {
      volumeTargets.push(volume.target);
    }
  }
  const environment = Array.isArray(raw.environment)
    ? Object.fromEntries(
        raw.environment.map((entry) => {
          const at = entry.indexOf('=');
          return at < 0
            ? [entry, env[entry] ?? '']
            : [entry.slice(0, at), sub(entry.slice(at + 1))];
        }),
      )
    : Object.fromEntries(
        Object.entries(raw.environment ?? {}).map(([k, v]) => [
          k,
          v === null ? (env[k] ?? '') : sub(String(v)),
        ]),
      );
  const command = asList(raw.command)?.map(sub);
  const entrypoint = asList(raw.entrypoint)?.map(sub);
  return {
    name,
    ...(raw.image === undefined ? {} : { image: sub(raw.image) }),
    ...(command === undefined ? {} : { command }),
    ...(entrypoint === undefined ? {} : { entrypoint }),
    ...(raw.user === undefined ? {} : { user: sub(String(raw.user)) }),
    environment,
    binds,
    volumeTargets,
    publishedPorts: (raw.ports ?? []).map((p) => containerPort(typeof p === 'string' ? sub(p) : p)),
    hasHealthcheck: raw.healthcheck !== undefined && raw.healthcheck.disable !== true,
  };
}

/** The image a service pulls; a built service has none to start as a lone container. */
export function imageOf(service: ComposeService): string {
  if (service.image === undefined)
    throw new Error(`compose.yaml: service "${service.name}" has no image`);
  return service.image;
}

/** Every service name in compose.yaml. */
export function composeServiceNames(composeYaml: string): string[] {
  const file = composeFile.safeParse(parse(composeYaml));
  if (!file.success)
    throw new Error(`compose.yaml: ${file.error.issues[0]?.message ?? 'unreadable'}`);
  return Object.keys(file.data.services);
}
