import { statSync } from 'node:fs';
import {
  GenericContainer,
  getContainerRuntimeClient,
  type StartedNetwork,
  type WaitStrategy,
} from 'testcontainers';
import { type ComposeService, imageOf } from './compose-service.js';

export interface ContainerOptions {
  readonly network: StartedNetwork;
  /** Container ports to map to random host ports. */
  readonly ports: readonly number[];
  readonly ready: WaitStrategy;
}

const DOCKER_SOCKET = '/var/run/docker.sock';

/**
 * A container that runs a compose service as compose would (image, command, environment,
 * config files) on `network` under the service's name, so the project's configs resolve
 * each other unchanged. Config files are copied in rather than bound (works with a remote
 * runtime); named volumes become tmpfs (writable whatever user the image runs as); the
 * Docker socket is the runtime's own.
 */
export async function containerFromCompose(
  service: ComposeService,
  options: ContainerOptions,
): Promise<GenericContainer> {
  let container = new GenericContainer(imageOf(service))
    .withNetwork(options.network)
    .withNetworkAliases(service.name)
    .withEnvironment({ ...service.environment })
    .withExposedPorts(...options.ports)
    .withWaitStrategy(options.ready)
    .withStartupTimeout(180_000);
  if (service.command !== undefined) container = container.withCommand([...service.command]);
  if (service.entrypoint !== undefined)
    container = container.withEntrypoint([...service.entrypoint]);
  if (service.user !== undefined) container = container.withUser(service.user);
  for (const bind of service.binds) {
    if (bind.source === DOCKER_SOCKET) {
      const client = await getContainerRuntimeClient();
      const socket = client.info.containerRuntime.remoteSocketPath;
      container = container.withBindMounts([{ source: socket, target: bind.target, mode: 'ro' }]);
    } else if (statSync(bind.source).isDirectory()) {
      container = container.withCopyDirectoriesToContainer([
        { source: bind.source, target: bind.target },
      ]);
    } else {
      container = container.withCopyFilesToContainer([
        { source: bind.source, target: bind.target },
      ]);
    }
  }
  if (service.volumeTargets.length > 0) {
    container = container.withTmpFs(
      Object.fromEntries(service.volumeTargets.map((t) => [t, 'rw,mode=1777'])),
    );
  }
  return container;
}
