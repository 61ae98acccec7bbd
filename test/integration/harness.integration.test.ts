import { readFileSync } from 'node:fs';
import {
  GenericContainer,
  getContainerRuntimeClient,
  Network,
  type StartedNetwork,
  type StartedTestContainer,
  Wait,
} from 'testcontainers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ComposeService, composeService } from '../../harness/compose/compose-service.js';
import {
  containerFromCompose,
  volumeTmpfsOptions,
} from '../../harness/containers/compose-container.js';
import { containerSuite } from '../../harness/containers/container-suite.js';
import { processOwner } from '../../harness/containers/image-user.js';
import {
  BACKEND_SHAPED_IMAGE,
  buildBackendShapedImage,
  nodeBaseImage,
} from '../../harness/containers/local-images.js';
import { repoPath } from '../../harness/repo/repo.js';

const SUITE = 'Container harness';
const FIXTURE = 'harness/containers/backend-shaped';
const PORT = 3200;

/** The fixture's services, read by the same code that reads compose.yaml for the real suites. */
function fixtureService(name: string, env: Record<string, string> = {}): ComposeService {
  const yaml = readFileSync(repoPath(`${FIXTURE}/compose.yaml`), 'utf8');
  return composeService(yaml, name, repoPath(FIXTURE), env);
}

async function getJson(container: StartedTestContainer, path: string): Promise<unknown> {
  const response = await fetch(
    `http://${container.getHost()}:${container.getMappedPort(PORT)}${path}`,
  );
  return response.json();
}

describe(`${SUITE}: containerFromCompose on a real engine, against a backend-shaped test image`, () => {
  const gate = containerSuite(() => [nodeBaseImage()]);
  let network: StartedNetwork | undefined;
  let shaped: StartedTestContainer | undefined;
  let peer: StartedTestContainer | undefined;

  beforeAll(async () => {
    if (!gate.shouldRun()) return;
    await buildBackendShapedImage();
    network = await new Network().start();
    const service = fixtureService('shaped', { SHAPED_GREETING: 'from the host' });
    [shaped, peer] = await Promise.all([
      (
        await containerFromCompose(service, {
          network,
          ports: [PORT],
          ready: Wait.forHealthCheck(),
        })
      ).start(),
      (
        await containerFromCompose(fixtureService('peer'), {
          network,
          ports: [PORT],
          ready: Wait.forHttp('/ready', PORT),
        })
      ).start(),
    ]);
  });

  afterAll(async () => {
    await shaped?.stop();
    await peer?.stop();
    await network?.stop();
  });

  test('the compose facts: environment interpolated from the host, binds, volumes, limits, healthcheck', () => {
    const service = fixtureService('shaped', { SHAPED_GREETING: 'from the host' });
    expect(service.environment).toEqual({ SHAPED_GREETING: 'from the host' });
    expect(service.volumeTargets).toEqual(['/var/shaped']);
    expect(service.binds).toEqual([
      {
        source: repoPath(`${FIXTURE}/shaped.json`),
        target: '/etc/shaped/shaped.json',
        readOnly: true,
      },
    ]);
    expect(service).toMatchObject({
      readOnly: true,
      tmpfs: ['/tmp'],
      memoryLimitBytes: 96 * 1024 ** 2,
    });
    expect(service.healthcheck).toMatchObject({ interval: 1000, timeout: 3000, retries: 20 });
  });

  test('a named volume over a directory the image made for its non-root user is writable by that user', async () => {
    // The server exits at start when it cannot create its store there, as Tempo does; so
    // being up at all says the volume is writable. It runs as the image's uid, not root.
    // A uid the image's /etc/passwd does not list runs with group 0, as on any runtime.
    expect(await getJson(shaped as StartedTestContainer, '/whoami')).toEqual({
      uid: 10001,
      gid: 0,
      env: 'from the host',
    });
    expect(await volumeTmpfsOptions(BACKEND_SHAPED_IMAGE)).toBe('rw,uid=10001,gid=0,mode=0755');
  });

  test('without the owner options the engine leaves such a tmpfs root-owned, whatever mode says (moby/moby#39466)', async () => {
    const broken = await new GenericContainer(BACKEND_SHAPED_IMAGE)
      .withCopyFilesToContainer([
        { source: repoPath(`${FIXTURE}/shaped.json`), target: '/etc/shaped/shaped.json' },
      ])
      .withTmpFs({ '/var/shaped': 'rw,mode=1777' })
      .withWaitStrategy(Wait.forLogMessage(/level=/))
      .start();
    try {
      const client = await getContainerRuntimeClient();
      const handle = client.container.getById(broken.getId());
      await expect
        .poll(async () => (await client.container.inspect(handle)).State.Running)
        .toBe(false);
      expect((await client.container.inspect(handle)).State.ExitCode).toBe(1);
      const logs = await new Promise<string>((resolve) => {
        let text = '';
        void broken
          .logs()
          .then((stream) =>
            stream.on('data', (chunk) => (text += String(chunk))).on('end', () => resolve(text)),
          );
      });
      expect(logs).toMatch(/failed to create store.*EACCES/);
    } finally {
      await broken.stop();
    }
  });

  test('config files are copied in, and a container reaches another by its compose service name', async () => {
    expect(await getJson(shaped as StartedTestContainer, '/ready')).toEqual({
      ready: true,
      name: 'shaped',
    });
    expect(await getJson(shaped as StartedTestContainer, '/peer?host=peer')).toEqual({
      ready: true,
      name: 'peer',
    });
  });

  test('read-only root, tmpfs, memory limit and healthcheck are applied as compose applies them', async () => {
    const container = shaped as StartedTestContainer;
    const write = await container.exec(['sh', '-c', 'touch /etc/shaped/x']);
    expect(write.exitCode).not.toBe(0);
    expect(write.output).toMatch(/Read-only file system/);
    expect((await container.exec(['sh', '-c', 'touch /tmp/x'])).exitCode).toBe(0);
    const client = await getContainerRuntimeClient();
    const inspected = await client.container.inspect(client.container.getById(container.getId()));
    expect(inspected.HostConfig.ReadonlyRootfs).toBe(true);
    expect(inspected.HostConfig.Memory).toBe(96 * 1024 ** 2);
    expect(inspected.State.Health?.Status).toBe('healthy');
  });

  test("a user named in the image's /etc/passwd resolves to its ids, as the runtime resolves it", async () => {
    // Every Node base image has the `node` user (uid 1000), the bot's image runs as it.
    expect(await processOwner(nodeBaseImage(), 'node')).toEqual({ uid: 1000, gid: 1000 });
    expect(await processOwner(nodeBaseImage(), '1234:5678')).toEqual({ uid: 1234, gid: 5678 });
    expect(await processOwner(nodeBaseImage())).toBeUndefined();
    await expect(processOwner(nodeBaseImage(), 'nobody-here')).rejects.toThrow(/does not list/);
  });
});
