import { flagValue } from '../../harness/compose/command-flag.js';
import { type Compose, serviceNamed } from '../../harness/compose/compose.js';
import { loadAlloyValues, stripComments } from '../../harness/configs/alloy-config.js';
import { readRepoFile, readRepoYaml } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { type Address, isListenAddress, parseAddress } from './address.js';
import { valueAt } from './config-value.js';

/**
 * The ports each compose service listens on, read from that service's own configuration
 * (not from compose.yaml's port list), each with where it was found.
 */

export type ListeningPorts = ReadonlyMap<string, ReadonlyMap<number, string>>;

/** Ports the binaries use when their config does not say (documented defaults). */
const DEFAULT_HTTP_PORT = {
  tempo: 3200,
  loki: 3100,
  mimir: 8080,
  pyroscope: 4040,
  grafana: 3000,
} as const;

function httpPort(service: keyof typeof SERVICE_CONFIGS, document: unknown): [number, string] {
  const file = SERVICE_CONFIGS[service];
  const port = valueAt(document, 'server.http_listen_port');
  return typeof port === 'number'
    ? [port, `${file}: server.http_listen_port`]
    : [DEFAULT_HTTP_PORT[service], `${file}: server.http_listen_port (default)`];
}

function tempoPorts(): Map<number, string> {
  const file = SERVICE_CONFIGS.tempo;
  const document = readRepoYaml(file);
  const ports = new Map([httpPort('tempo', document)]);
  for (const protocol of ['grpc', 'http']) {
    const path = `distributor.receivers.otlp.protocols.${protocol}.endpoint`;
    const endpoint = valueAt(document, path);
    const address = typeof endpoint === 'string' ? parseAddress(endpoint) : undefined;
    if (address) ports.set(address.port, `${file}: ${path}`);
  }
  return ports;
}

function alloyPorts(compose: Compose): Map<number, string> {
  const ports = new Map<number, string>();
  for (const value of loadAlloyValues()) {
    const address = value.key === 'endpoint' ? parseAddress(value.value) : undefined;
    if (address && isListenAddress(address)) {
      ports.set(address.port, `${ALLOY_CONFIG}:${value.line} endpoint`);
    }
  }
  // pyroscope.receive_http gives its port as a number of its own (listen_port = 9999).
  const code = stripComments(readRepoFile(ALLOY_CONFIG));
  for (const match of code.matchAll(/\blisten_port\s*=\s*(\d+)/g)) {
    const line = code.slice(0, match.index).split('\n').length;
    ports.set(Number(match[1]), `${ALLOY_CONFIG}:${line} listen_port`);
  }
  const listen = flagValue(serviceNamed(compose, 'alloy').command, '--server.http.listen-addr');
  const address = listen === undefined ? undefined : parseAddress(listen);
  if (address) ports.set(address.port, 'compose.yaml: alloy command --server.http.listen-addr');
  return ports;
}

function environmentPort(
  compose: Compose,
  service: string,
  variable: string,
  fallback: number | undefined,
): Map<number, string> {
  const value = serviceNamed(compose, service).environment[variable];
  if (value !== undefined) {
    return new Map([[Number(value), `compose.yaml: services.${service}.environment.${variable}`]]);
  }
  return fallback === undefined
    ? new Map()
    : new Map([[fallback, `${service} default port (${variable} unset)`]]);
}

export function listeningPorts(compose: Compose): ListeningPorts {
  const loki = readRepoYaml(SERVICE_CONFIGS.loki);
  const mimir = readRepoYaml(SERVICE_CONFIGS.mimir);
  const pyroscope = readRepoYaml(SERVICE_CONFIGS.pyroscope);
  return new Map<string, ReadonlyMap<number, string>>([
    ['alloy', alloyPorts(compose)],
    ['tempo', tempoPorts()],
    ['loki', new Map([httpPort('loki', loki)])],
    ['mimir', new Map([httpPort('mimir', mimir)])],
    ['pyroscope', new Map([httpPort('pyroscope', pyroscope)])],
    [
      'grafana',
      environmentPort(compose, 'grafana', 'GF_SERVER_HTTP_PORT', DEFAULT_HTTP_PORT.grafana),
    ],
    ['bot', environmentPort(compose, 'bot', 'ROBOSHPEE_DEMO_PORT', undefined)],
  ]);
}

/**
 * Why an address does not reach a compose service on a port it listens on, or undefined
 * when it does.
 */
export function unreachable(
  address: Address,
  compose: Compose,
  ports: ListeningPorts,
): string | undefined {
  if (!compose.services.some((s) => s.name === address.host)) {
    return `expected the host to be a compose service (${compose.services.map((s) => s.name).join(', ')}), got "${address.host}"`;
  }
  const listening = ports.get(address.host);
  if (!listening?.has(address.port)) {
    const known = [...(listening ?? new Map<number, string>()).entries()]
      .map(([port, source]) => `${port} (${source})`)
      .join(', ');
    return `expected a port ${address.host} listens on [${known}], got ${address.port}`;
  }
  return undefined;
}
