import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  GenericContainer,
  type StartedNetwork,
  type StartedTestContainer,
  Wait,
} from 'testcontainers';
import { REPO_ROOT } from '../repo/repo.js';
import type { ReceivedLog, ReceivedMetric, ReceivedSpan } from './otlp-receiver.js';

const TSCONFIG = 'harness/receivers/otlp-receiver-container-main/tsconfig.json';
const COMPILED = 'node_modules/.cache/roboshpee-otlp-receiver';
const IN_CONTAINER = '/app/otlp-receiver';
const OTLP_GRPC_PORT = 4317;
const RECEIVED_PORT = 4320;

export interface Received {
  readonly spans: readonly ReceivedSpan[];
  readonly metrics: readonly ReceivedMetric[];
  readonly logs: readonly ReceivedLog[];
}

export interface StartedOtlpReceiver {
  readonly container: StartedTestContainer;
  received(): Promise<Received>;
}

/**
 * The telemetry tests' OTLP receiver (harness/receivers/otlp-receiver.ts) in a
 * container on `network` under `alias`, so that a container configured for Alloy (compose's
 * `http://alloy:4317`) sends it everything unchanged. It runs on `nodeImage`'s Node with the
 * image's /app/node_modules (the bot's image has @grpc/grpc-js there).
 */
export async function startOtlpReceiver(
  network: StartedNetwork,
  alias: string,
  nodeImage: string,
): Promise<StartedOtlpReceiver> {
  await promisify(execFile)(
    process.execPath,
    [`${REPO_ROOT}node_modules/typescript/bin/tsc`, '-p', TSCONFIG],
    { cwd: REPO_ROOT },
  );
  const container = await new GenericContainer(nodeImage)
    .withNetwork(network)
    .withNetworkAliases(alias)
    .withCopyDirectoriesToContainer([{ source: `${REPO_ROOT}${COMPILED}`, target: IN_CONTAINER }])
    .withEntrypoint(['node'])
    .withCommand([
      `${IN_CONTAINER}/harness/receivers/otlp-receiver-container-main/main.js`,
      String(OTLP_GRPC_PORT),
      String(RECEIVED_PORT),
    ])
    .withExposedPorts(RECEIVED_PORT)
    .withWaitStrategy(Wait.forHttp('/received', RECEIVED_PORT))
    .start();
  const url = `http://${container.getHost()}:${container.getMappedPort(RECEIVED_PORT)}/received`;
  return {
    container,
    received: async () => (await (await fetch(url)).json()) as Received,
  };
}
