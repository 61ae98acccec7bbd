import { chownSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  GenericContainer,
  getContainerRuntimeClient,
  type StartedNetwork,
  type WaitStrategy,
} from 'testcontainers';
import { type ComposeService, imageOf } from '../compose/compose-service.js';
import { processOwner } from './image-user.js';

export interface ContainerOptions {
  readonly network: StartedNetwork;
  /** Container ports to map to random host ports. */
  readonly ports: readonly number[];
  readonly ready: WaitStrategy;
  /** The image to run, for a service that compose builds (`build:`) instead of pulling. */
  readonly image?: string;
  /**
   * A host directory under which each named volume gets a directory of its own, bound in and
   * owned by the container's user, so that the data outlives a stop and start (a suite that
   * restarts the service); by default named volumes are tmpfs, emptied by a stop. Needs an
   * engine on this host.
   */
  readonly volumesOnHost?: string;
}

const DOCKER_SOCKET = '/var/run/docker.sock';

/** testcontainers' container with the two compose settings it has no method for. */
class ComposeLikeContainer extends GenericContainer {
  withReadOnlyRootFilesystem(): this {
    this.hostConfig.ReadonlyRootfs = true;
    return this;
  }

  withInit(): this {
    this.hostConfig.Init = true;
    return this;
  }
}

/**
 * The tmpfs options that make a named volume's stand-in writable by the image's user. Docker
 * ignores `mode` for a tmpfs over a directory that exists in the image (moby/moby#39466): it
 * takes that directory's root ownership, so only `uid`/`gid` make it the user's.
 */
export async function volumeTmpfsOptions(image: string, user?: string): Promise<string> {
  const owner = await processOwner(image, user);
  return owner === undefined ? 'rw' : `rw,uid=${owner.uid},gid=${owner.gid},mode=0755`;
}

/**
 * A container that runs a compose service as compose would (image, command, environment,
 * config files, read-only root, init, tmpfs, memory limit, healthcheck) on `network` under
 * the service's name, so the project's configs resolve each other unchanged. Config files are
 * copied in rather than bound (works with a remote runtime), except into a read-only root,
 * which the engine refuses to copy into (there they are bound); named volumes become tmpfs owned
 * by the user the container runs as; the Docker socket is the runtime's own.
 */
export async function containerFromCompose(
  service: ComposeService,
  options: ContainerOptions,
): Promise<GenericContainer> {
  const image = options.image ?? imageOf(service);
  let container = new ComposeLikeContainer(image)
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
  if (service.readOnly) container = container.withReadOnlyRootFilesystem();
  if (service.init) container = container.withInit();
  if (service.healthcheck !== undefined) container = container.withHealthCheck(service.healthcheck);
  if (service.memoryLimitBytes !== undefined) {
    container = container.withResourcesQuota({ memory: service.memoryLimitBytes / 1024 ** 3 });
  }
  for (const bind of service.binds) {
    if (bind.source === DOCKER_SOCKET) {
      const client = await getContainerRuntimeClient();
      const socket = client.info.containerRuntime.remoteSocketPath;
      container = container.withBindMounts([{ source: socket, target: bind.target, mode: 'ro' }]);
    } else if (service.readOnly) {
      // The engine refuses to copy into a read-only root ("container rootfs is marked
      // read-only"), before start too: such a service gets its files bound, as compose does.
      container = container.withBindMounts([
        { source: bind.source, target: bind.target, mode: bind.readOnly ? 'ro' : 'rw' },
      ]);
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
  const tmpfs: Record<string, string> = Object.fromEntries(service.tmpfs.map((t) => [t, 'rw']));
  if (service.volumeTargets.length > 0 && options.volumesOnHost !== undefined) {
    const owner = await processOwner(image, service.user);
    for (const [at, target] of service.volumeTargets.entries()) {
      const source = join(options.volumesOnHost, `volume-${at}`);
      mkdirSync(source, { recursive: true });
      if (owner !== undefined) chownSync(source, owner.uid, owner.gid);
      container = container.withBindMounts([{ source, target, mode: 'rw' }]);
    }
  } else if (service.volumeTargets.length > 0) {
    const volumeOptions = await volumeTmpfsOptions(image, service.user);
    for (const target of service.volumeTargets) tmpfs[target] = volumeOptions;
  }
  if (Object.keys(tmpfs).length > 0) container = container.withTmpFs(tmpfs);
  return container;
}
