// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation (${VAR:-default}) is the subject of these tests.
import { describe, expect, test } from 'vitest';
import { COMPOSE_MISSING, composeConfig } from '../../../harness/compose/compose-config.js';
import {
  composeService,
  composeServiceNames,
  imageOf,
} from '../../../harness/compose/compose-service.js';
import {
  alloyHttpPort,
  alloyOtlpGrpcPort,
  httpListenPort,
  tempoOtlpGrpcPort,
} from '../../../harness/configs/backend-ports.js';

const COMPOSE = `
services:
  tempo:
    image: grafana/tempo:\${TEMPO_TAG:-3.0.3}
    command: [-target=all, -config.file=/etc/tempo/tempo.yaml]
    environment:
      GOMEMLIMIT: 256MiB
      EMPTY:
    volumes:
      - ./infra/tempo/tempo.yaml:/etc/tempo/tempo.yaml:ro
      - tempo-data:/var/tempo
      - type: bind
        source: ./extra
        target: /extra
    ports:
      - 127.0.0.1:3200:3200
      - "4317/tcp"
      - target: 4318
        published: 4318
    healthcheck:
      test: [CMD, /tempo, -health]
  alloy:
    image: grafana/alloy:v1.19.2
    user: "0"
    command: run /etc/alloy/config.alloy --server.http.listen-addr=0.0.0.0:12345
    environment: [ALLOY_LOG_LEVEL=info, FROM_HOST]
  bot:
    build: { context: . }
volumes:
  tempo-data: {}
`;

describe('composeService', () => {
  const tempo = composeService(COMPOSE, 'tempo', '/repo', { EMPTY: 'from host' });

  test('image with its default tag, command, environment', () => {
    expect(tempo.image).toBe('grafana/tempo:3.0.3');
    expect(tempo.command).toEqual(['-target=all', '-config.file=/etc/tempo/tempo.yaml']);
    expect(tempo.environment).toEqual({ GOMEMLIMIT: '256MiB', EMPTY: 'from host' });
    expect(tempo.hasHealthcheck).toBe(true);
  });

  test('bind mounts are absolute on the host; named volumes are their container path', () => {
    expect(tempo.binds).toEqual([
      { source: '/repo/infra/tempo/tempo.yaml', target: '/etc/tempo/tempo.yaml', readOnly: true },
      { source: '/repo/extra', target: '/extra', readOnly: false },
    ]);
    expect(tempo.volumeTargets).toEqual(['/var/tempo']);
  });

  test('container ports from every port syntax', () => {
    expect(tempo.publishedPorts).toEqual([3200, 4317, 4318]);
  });

  test('a string command is split into words; list environment; a user id', () => {
    const alloy = composeService(COMPOSE, 'alloy', '/repo', { FROM_HOST: 'x' });
    expect(alloy.command).toEqual([
      'run',
      '/etc/alloy/config.alloy',
      '--server.http.listen-addr=0.0.0.0:12345',
    ]);
    expect(alloy.environment).toEqual({ ALLOY_LOG_LEVEL: 'info', FROM_HOST: 'x' });
    expect(alloy.user).toBe('0');
    expect(alloy.hasHealthcheck).toBe(false);
  });

  test('a missing service is named with the ones that exist', () => {
    expect(() => composeService(COMPOSE, 'missing', '/repo')).toThrow(
      /has no service "missing" \(it has: alloy, bot, tempo\)/,
    );
  });

  test('a built service has no image to pull', () => {
    const bot = composeService(COMPOSE, 'bot', '/repo');
    expect(bot.image).toBeUndefined();
    expect(() => imageOf(bot)).toThrow(/service "bot" has no image/);
    expect(imageOf(tempo)).toBe('grafana/tempo:3.0.3');
  });

  test("a file that is not a compose file is refused, in Compose's words", () => {
    expect(() => composeServiceNames('just: text')).toThrow(
      /^docker compose config of - failed: .*just/s,
    );
  });
});

describe('compose files are read by Compose v2 (docker compose config)', () => {
  test("interpolation is Compose's: a default, and the value of the variables given", () => {
    expect(composeService(COMPOSE, 'tempo', '/repo', { TEMPO_TAG: '3.1.0' }).image).toBe(
      'grafana/tempo:3.1.0',
    );
  });

  test("the calling shell's variables do not reach it, only the ones given", () => {
    const before = process.env.TEMPO_TAG;
    process.env.TEMPO_TAG = 'from-the-shell';
    try {
      expect(composeService(COMPOSE, 'tempo', '/elsewhere').image).toBe('grafana/tempo:3.0.3');
    } finally {
      if (before === undefined) delete process.env.TEMPO_TAG;
      else process.env.TEMPO_TAG = before;
    }
  });

  test('without Compose v2 the reader says what to install, not a parse error', () => {
    expect(() => composeConfig({ files: ['compose.yaml'] }, '/nonexistent/docker')).toThrow(
      COMPOSE_MISSING,
    );
    expect(COMPOSE_MISSING).toMatch(/install Compose v2/);
  });
});

describe('backend ports from their configs', () => {
  test('server.http_listen_port', () => {
    expect(httpListenPort('server:\n  http_listen_port: 3200\n', 'tempo.yaml')).toBe(3200);
  });

  test('a missing port names the file and the key', () => {
    expect(() => httpListenPort('server: {}\n', 'infra/loki/loki.yaml')).toThrow(
      'infra/loki/loki.yaml server.http_listen_port: expected a port (like 3200 or "0.0.0.0:4317"), found undefined',
    );
  });

  test("Tempo's OTLP gRPC receiver", () => {
    const yaml =
      'distributor:\n  receivers:\n    otlp:\n      protocols:\n        grpc:\n          endpoint: "0.0.0.0:4317"\n';
    expect(tempoOtlpGrpcPort(yaml, 'tempo.yaml')).toBe(4317);
  });

  test("Alloy's OTLP gRPC receiver, not its HTTP one or another component's grpc block", () => {
    const alloy = `
otelcol.exporter.otlp "tempo" {
  client { endpoint = "tempo:4317" }
}
otelcol.receiver.otlp "default" {
  http {
    endpoint = "0.0.0.0:4318"
  }
  grpc {
    endpoint = "0.0.0.0:14317"
  }
}`;
    expect(alloyOtlpGrpcPort(alloy, 'config.alloy')).toBe(14317);
    expect(() => alloyOtlpGrpcPort('logging {}', 'config.alloy')).toThrow(
      /otelcol.receiver.otlp grpc.endpoint/,
    );
  });

  test("Alloy's UI port from its command line, in both flag forms", () => {
    expect(alloyHttpPort(['run', '--server.http.listen-addr=0.0.0.0:12345'], 'alloy')).toBe(12345);
    expect(alloyHttpPort(['run', '--server.http.listen-addr', '0.0.0.0:9000'], 'alloy')).toBe(9000);
    expect(() => alloyHttpPort(['run'], 'compose.yaml alloy')).toThrow(/--server.http.listen-addr/);
  });
});
