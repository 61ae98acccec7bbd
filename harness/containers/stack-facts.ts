import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { METRICS } from '../../bot/src/contract/bot-metrics.js';
import { BOT_SERVICE } from '../../bot/src/contract/resource.js';
import { TEMPO_GENERATED } from '../../dashboards/src/stack-series.js';
import { flagValue } from '../compose/command-flag.js';
import { type ComposeService, composeService } from '../compose/compose-service.js';
import {
  alloyHttpPort,
  alloyOtlpGrpcPort,
  httpListenPort,
  tempoOtlpGrpcPort,
} from '../configs/backend-ports.js';
import { provisionedDatasources } from '../configs/grafana-provisioning.js';
import { REPO_ROOT } from '../repo/repo.js';
import { COMPOSE_FILE } from '../repo/stack-files.js';

/** Names of the compose services the suites start or talk to (the stack's contract). */
export const SERVICE = {
  tempo: 'tempo',
  loki: 'loki',
  mimir: 'mimir',
  alloy: 'alloy',
  pyroscope: 'pyroscope',
  grafana: 'grafana',
  bot: 'bot',
} as const;

/**
 * What the suites ask the running stack and the bot for, as the data contract
 * (bot/src/contract) declares it, so that a rename there moves the suites with it.
 */
export const TELEMETRY = {
  /** `service.name` on the bot's resource (`job` in Mimir, `service_name` in Loki). */
  service: BOT_SERVICE,
  /** The command counter: `name` over OTLP, `prometheus` in Mimir. */
  commands: METRICS.commands,
  /** The service-graph edges Tempo writes to Mimir. */
  serviceGraphRequests: TEMPO_GENERATED.serviceGraphs.requests.name,
} as const;

export interface Backend {
  readonly service: ComposeService;
  /** Host path of the config file the service's command loads. */
  readonly configFile: string;
  readonly httpPort: number;
}

/** Everything the container suites need to know about the stack, read from its files. */
export interface StackFacts {
  readonly tempo: Backend & { readonly otlpGrpcPort: number };
  readonly loki: Backend;
  /** `prometheusPath`: where Mimir serves the Prometheus API, as Grafana's datasource uses it. */
  readonly mimir: Backend & { readonly prometheusPath: string };
  readonly alloy: Backend & { readonly otlpGrpcPort: number };
  readonly pyroscope: Backend;
  readonly grafana: { readonly service: ComposeService; readonly httpPort: number };
  /** The port of the demo double's control API inside the bot container. */
  readonly botDemoPort: number;
  /** The bot's environment in compose (export intervals, demo settings). */
  readonly botEnvironment: Readonly<Record<string, string>>;
}

/** The host file bound at the path the command names (`-config.file=X`, or `run X` for Alloy). */
function configFileOf(service: ComposeService): string {
  const command = service.command ?? [];
  const target =
    flagValue(command, '-config.file') ?? (command[0] === 'run' ? command[1] : undefined);
  const bind = service.binds.find((b) => b.target === target);
  if (target === undefined || bind === undefined) {
    throw new Error(
      `${COMPOSE_FILE} service "${service.name}": cannot find its config file (expected a command with -config.file=PATH or "run PATH" and a bind mount at PATH)`,
    );
  }
  return bind.source;
}

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

function backend(service: ComposeService): Backend {
  const configFile = configFileOf(service);
  return {
    service,
    configFile,
    httpPort: httpListenPort(read(configFile), relative(REPO_ROOT, configFile)),
  };
}

let memo: StackFacts | undefined;

/**
 * The stack facts, read on first use: a suite that is skipped (no container runtime) reads
 * nothing, so a half-edited config cannot turn a skip into a collection error.
 */
export function stackFacts(): StackFacts {
  memo ??= readStackFacts();
  return memo;
}

export function readStackFacts(env: Readonly<Record<string, string | undefined>> = {}): StackFacts {
  const compose = read(resolve(REPO_ROOT, COMPOSE_FILE));
  const service = (name: string) => composeService(compose, name, REPO_ROOT, env);
  const tempo = backend(service(SERVICE.tempo));
  const alloyService = service(SERVICE.alloy);
  const alloyConfig = configFileOf(alloyService);
  const grafana = service(SERVICE.grafana);
  const [grafanaPort, ...more] = grafana.publishedPorts;
  if (grafanaPort === undefined || more.length > 0) {
    throw new Error(
      `${COMPOSE_FILE} service "grafana": expected exactly one published port, found ${grafana.publishedPorts.join(', ') || 'none'}`,
    );
  }
  const botEnvironment = service(SERVICE.bot).environment;
  const botDemoPort = Number(botEnvironment.ROBOSHPEE_DEMO_PORT);
  if (!Number.isInteger(botDemoPort) || botDemoPort <= 0) {
    throw new Error(
      `${COMPOSE_FILE} service "bot": ROBOSHPEE_DEMO_PORT must be a fixed port for the suites to drive the demo, found ${JSON.stringify(botEnvironment.ROBOSHPEE_DEMO_PORT)}`,
    );
  }
  return {
    tempo: {
      ...tempo,
      otlpGrpcPort: tempoOtlpGrpcPort(
        read(tempo.configFile),
        relative(REPO_ROOT, tempo.configFile),
      ),
    },
    loki: backend(service(SERVICE.loki)),
    mimir: { ...backend(service(SERVICE.mimir)), prometheusPath: prometheusPathOf(grafana) },
    alloy: {
      service: alloyService,
      configFile: alloyConfig,
      httpPort: alloyHttpPort(
        alloyService.command ?? [],
        `${COMPOSE_FILE} service "alloy" command`,
      ),
      otlpGrpcPort: alloyOtlpGrpcPort(read(alloyConfig), relative(REPO_ROOT, alloyConfig)),
    },
    pyroscope: backend(service(SERVICE.pyroscope)),
    grafana: { service: grafana, httpPort: grafanaPort },
    botDemoPort,
    botEnvironment,
  };
}

/** The path of the provisioned datasource that points at Mimir (`http://mimir:9009/prometheus`). */
function prometheusPathOf(grafana: ComposeService): string {
  const mimir = provisionedDatasources(grafana).find(
    (d) => d.url !== undefined && new URL(d.url).hostname === SERVICE.mimir,
  );
  if (mimir?.url === undefined) {
    throw new Error(`no provisioned Grafana datasource points at the "${SERVICE.mimir}" service`);
  }
  return new URL(mimir.url).pathname.replace(/\/$/, '');
}
