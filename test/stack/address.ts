/** A network address as configs write it: `http://mimir:9009/otlp`, `tempo:4317`, `0.0.0.0:4318`. */
export interface Address {
  readonly scheme: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** undefined for values that are not network addresses (paths, labels, unix sockets). */
export function parseAddress(value: string): Address | undefined {
  const url =
    /^(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?<host>[^/:]+)(?::(?<port>\d+))?(?<path>\/.*)?$/i.exec(
      value,
    );
  if (url?.groups) {
    const { scheme = '', host = '', port, path = '' } = url.groups;
    const lower = scheme.toLowerCase();
    const resolvedPort = port === undefined ? DEFAULT_PORTS[lower] : Number(port);
    if (resolvedPort === undefined) return undefined;
    return { scheme: lower, host, port: resolvedPort, path };
  }
  const hostPort = /^(?<host>[A-Za-z0-9_.-]+):(?<port>\d+)$/.exec(value);
  if (hostPort?.groups) {
    return {
      scheme: undefined,
      host: hostPort.groups.host ?? '',
      port: Number(hostPort.groups.port),
      path: '',
    };
  }
  return undefined;
}

/** A listen address (all interfaces or loopback) rather than a peer to send to. */
export function isListenAddress(address: Address): boolean {
  return ['0.0.0.0', '::', '127.0.0.1', 'localhost', ''].includes(address.host);
}
