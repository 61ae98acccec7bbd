import { parse } from 'yaml';
import { flagValue } from '../compose/command-flag.js';
import { dig } from '../repo/parsed-document.js';
import { alloyBlocks } from './alloy-config.js';

/**
 * Ports the backends listen on, read from the project's own configs (infra/<component>/),
 * so a port changed there is the port the suites talk to.
 */

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
    dig(parse(configYaml), 'server', 'http_listen_port'),
    `${file} server.http_listen_port`,
  );
}

/** The port of Tempo's OTLP gRPC receiver (`distributor.receivers.otlp.protocols.grpc.endpoint`). */
export function tempoOtlpGrpcPort(configYaml: string, file: string): number {
  const path = ['distributor', 'receivers', 'otlp', 'protocols', 'grpc', 'endpoint'];
  return portOf(dig(parse(configYaml), ...path), `${file} ${path.join('.')}`);
}

/**
 * The port of the gRPC listener of Alloy's `otelcol.receiver.otlp`: the first
 * `grpc { endpoint = "host:port" }` inside the first such component (comments ignored).
 */
export function alloyOtlpGrpcPort(configAlloy: string, file: string): number {
  const [receiver] = alloyBlocks(configAlloy, 'otelcol.receiver.otlp');
  const grpc = /grpc\s*\{[^}]*?endpoint\s*=\s*"([^"]+)"/s.exec(receiver?.body ?? '');
  return portOf(grpc?.[1], `${file} otelcol.receiver.otlp grpc.endpoint`);
}

/** The port in `--server.http.listen-addr=host:port` of Alloy's command line. */
export function alloyHttpPort(command: readonly string[], where: string): number {
  return portOf(
    flagValue(command, '--server.http.listen-addr'),
    `${where} --server.http.listen-addr`,
  );
}
