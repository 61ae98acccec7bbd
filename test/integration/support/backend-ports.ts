import { parse } from 'yaml';

/**
 * Ports the backends listen on, read from the project's own configs (infra/<component>/),
 * so a port changed there is the port the suites talk to.
 */

function at(document: unknown, path: readonly string[]): unknown {
  let node = document;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function portOf(value: unknown, where: string): number {
  // "0.0.0.0:4317", ":4317", "4317" or 4317.
  const text = String(value ?? '');
  const port = Number(text.split(':').at(-1));
  if (value === undefined || !Number.isInteger(port) || port <= 0) {
    throw new Error(
      `${where}: expected a port (like 3200 or "0.0.0.0:4317"), found ${JSON.stringify(value)}`,
    );
  }
  return port;
}

/** `server.http_listen_port` of a Tempo, Loki or Mimir YAML config. */
export function httpListenPort(configYaml: string, file: string): number {
  return portOf(
    at(parse(configYaml), ['server', 'http_listen_port']),
    `${file} server.http_listen_port`,
  );
}

/** The port of Tempo's OTLP gRPC receiver (`distributor.receivers.otlp.protocols.grpc.endpoint`). */
export function tempoOtlpGrpcPort(configYaml: string, file: string): number {
  const path = ['distributor', 'receivers', 'otlp', 'protocols', 'grpc', 'endpoint'];
  return portOf(at(parse(configYaml), path), `${file} ${path.join('.')}`);
}

/**
 * The port of the gRPC listener of Alloy's `otelcol.receiver.otlp`. Alloy's own syntax has
 * no parser outside the Alloy binary, so this reads the one block it needs: the first
 * `grpc { endpoint = "host:port" }` inside an `otelcol.receiver.otlp` component.
 */
export function alloyOtlpGrpcPort(configAlloy: string, file: string): number {
  const receiver = configAlloy.indexOf('otelcol.receiver.otlp');
  const grpc = /grpc\s*\{[^}]*?endpoint\s*=\s*"([^"]+)"/s.exec(
    receiver < 0 ? '' : configAlloy.slice(receiver),
  );
  return portOf(grpc?.[1], `${file} otelcol.receiver.otlp grpc.endpoint`);
}

/** The port in `--server.http.listen-addr=host:port` of Alloy's command line. */
export function alloyHttpPort(command: readonly string[], where: string): number {
  const flag = command.find((arg) => arg.startsWith('--server.http.listen-addr'));
  const value = flag?.includes('=') ? flag.split('=')[1] : command[command.indexOf(flag ?? '') + 1];
  return portOf(flag === undefined ? undefined : value, `${where} --server.http.listen-addr`);
}
