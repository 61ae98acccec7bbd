import { describe, expect, test } from 'vitest';
import { type ComposeService, loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoYaml } from '../../harness/repo/repo.js';
import { COMPOSE_FILE, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { IMAGE_CONTENTS } from './image-contents.js';

/**
 * Where the stores write must be a named volume their user can write: data written anywhere
 * else is lost on `docker compose down`, and a volume the image's user cannot write stops
 * the service at startup.
 */

const compose = loadCompose();

function namedVolumeTargets(service: ComposeService): string[] {
  return service.mounts
    .filter((mount) => mount.type === 'volume' && mount.source !== undefined)
    .map((mount) => mount.target);
}

/** Every absolute path a config sets for data (`...path`, `...dir`, `...directory`, `path_prefix`). */
function dataPaths(value: unknown, path: string): { path: string; value: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => dataPaths(item, `${path}[${i}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path === '' ? key : `${path}.${key}`;
    return typeof child === 'string' &&
      /(path|dir|directory|path_prefix)$/.test(key) &&
      child.startsWith('/')
      ? [{ path: at, value: child }]
      : dataPaths(child, at);
  });
}

describe(`${COMPOSE_FILE} volumes`, () => {
  test('every named volume of a non-root image is mounted on a directory the image made for its user', () => {
    const problems = compose.services.flatMap((service) => {
      const image = IMAGE_CONTENTS[(service.image ?? '').split(':')[0] ?? ''];
      if (!image || image.user === 'root') return [];
      return namedVolumeTargets(service)
        .filter((target) => !image.writableDirs.includes(target))
        .map(
          (target) =>
            `${COMPOSE_FILE}: services.${service.name}.volumes: ${target} is not a directory ${service.image} creates for user ${image.user}, so the new volume is root-owned and unwritable: expected one of ${image.writableDirs.join(', ')} (${image.source})`,
        );
    });
    expect(problems).toEqual([]);
  });

  test.each(Object.entries(SERVICE_CONFIGS))(
    'every data path of %s is on its named volume',
    (name, file) => {
      const volumes = namedVolumeTargets(serviceNamed(compose, name));
      const paths = dataPaths(readRepoYaml(file), '');
      expect(
        paths.length,
        `${file}: expected data paths (a guard: the walk found them)`,
      ).toBeGreaterThan(0);
      const problems = paths
        .filter(({ value }) => !volumes.some((v) => value === v || value.startsWith(`${v}/`)))
        .map(
          ({ path, value }) =>
            `${file}: ${path} = ${value}: expected under a named volume of services.${name} (${volumes.join(', ') || 'none'}), or the data is lost with the container`,
        );
      expect(problems).toEqual([]);
    },
  );
});
