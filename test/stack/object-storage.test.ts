import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { loadComposeOverride } from '../../harness/compose/compose-override.js';
import { OBJECT_STORAGE_COMPOSE } from '../../harness/repo/deploy-files.js';
import { dig, isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile, readRepoYaml, repoPath } from '../../harness/repo/repo.js';
import { OBJECT_STORAGE_CONFIGS } from '../../scripts/object-storage/configs.js';
import { applyMergePatch } from '../../scripts/object-storage/merge-patch.js';

const override = loadComposeOverride(OBJECT_STORAGE_COMPOSE);
const base = loadCompose();
/** The services the override itself defines or changes, as Compose runs them. */
const overridden = () =>
  override.merged.services.filter(
    (service) => isRecord(override.written.services) && service.name in override.written.services,
  );
const backends = Object.entries(OBJECT_STORAGE_CONFIGS);

describe('applyMergePatch (RFC 7386 on YAML documents)', () => {
  test('merges mappings, replaces scalars and lists, deletes on null, keeps comments', () => {
    const target = parseDocument(
      '# why a\na: 1\nb:\n  # why keep\n  keep: x\n  drop: y\nlist: [1, 2]\n',
    );
    applyMergePatch(target, parseDocument('b:\n  drop: null\n  # why new\n  new: z\nlist: [3]\n'));
    expect(target.toJS()).toEqual({ a: 1, b: { keep: 'x', new: 'z' }, list: [3] });
    expect(String(target)).toContain('# why a');
    expect(String(target)).toContain('# why keep');
    expect(String(target)).toContain('# why new');
  });

  test('a patch that is not a mapping is refused', () => {
    expect(() => applyMergePatch(parseDocument('a: 1'), parseDocument('- a'))).toThrow(
      'a merge patch must be a YAML mapping applied to a YAML mapping',
    );
  });
});

describe.each(backends)('the %s object-storage config', (name, files) => {
  const config = readRepoYaml(files.output);

  test('stores in the S3 bucket and nowhere on the local disk', () => {
    const text = readRepoFile(files.output);
    expect(text).not.toMatch(/\bfilesystem:|\blocal:\n/);
    const backend =
      dig(config, 'storage', 'trace', 'backend') ??
      dig(config, 'blocks_storage', 'backend') ??
      dig(config, 'schema_config', 'configs', '0', 'object_store');
    expect(backend, `${name}: its storage backend`).toBe('s3');
  });

  test('reads endpoint and credentials from the environment, never from the file', () => {
    const variables = [...readRepoFile(files.output).matchAll(/\$\{([A-Z0-9_]+)\}/g)].map(
      (match) => match[1],
    );
    expect(new Set(variables)).toEqual(
      new Set(['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_INSECURE']),
    );
  });

  test(`runs in ${OBJECT_STORAGE_COMPOSE} in place of the local config, with the variables set`, () => {
    const service = serviceNamed(override.merged, name);
    const local = serviceNamed(base, name);
    // Compose writes bind sources absolute.
    const localConfig = local.mounts.find((mount) => mount.source === repoPath(files.base));
    const mounted = service.mounts.find((mount) => mount.source === repoPath(files.output));
    expect(mounted?.target, `${name}: where the generated config is mounted`).toBe(
      localConfig?.target,
    );
    expect(service.command).toContain('-config.expand-env=true');
    expect(service.command).toContain(`-config.file=${localConfig?.target}`);
    for (const variable of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      expect(service.environment[variable], `${name}: ${variable}`).toMatch(/./);
    }
    expect(service.dependsOn['minio-buckets']).toBe('service_completed_successfully');
  });

  test('keeps its working files apart from the local-disk stack (same path, other volume)', () => {
    const service = serviceNamed(override.merged, name);
    const local = serviceNamed(base, name);
    const localStore = local.mounts.find((mount) => mount.type === 'volume');
    const store = service.mounts.find((mount) => mount.target === localStore?.target);
    expect(store?.type).toBe('volume');
    expect(store?.source).not.toBe(localStore?.source);
    expect(override.merged.namedVolumes).toContain(store?.source);
  });
});

describe(OBJECT_STORAGE_COMPOSE, () => {
  test('Compose reads it over compose.yaml (its schema checked by Compose itself) and runs MinIO with it', () => {
    const names = override.merged.services.map((service) => service.name);
    expect(names).toEqual(expect.arrayContaining(['minio', 'minio-buckets']));
    expect(overridden().length).toBeGreaterThan(3);
  });

  test('pins MinIO and mc to release tags', () => {
    const images = ['minio', 'minio-buckets'].map(
      (name) => serviceNamed(override.merged, name).image,
    );
    for (const image of images) expect(image).toMatch(/:RELEASE\.\d{4}-\d\d-\d\dT[\d-]+Z$/);
  });

  test('creates every bucket the configs name, and no other', () => {
    const configs = backends.map(([, files]) => readRepoYaml(files.output));
    const named = [
      dig(configs[0], 'storage', 'trace', 's3', 'bucket'),
      dig(configs[1], 'common', 'storage', 's3', 'bucketnames'),
      dig(configs[2], 'blocks_storage', 's3', 'bucket_name'),
      dig(configs[2], 'ruler_storage', 's3', 'bucket_name'),
    ];
    const script = serviceNamed(override.merged, 'minio-buckets').entrypoint.join(' ');
    const created = [...script.matchAll(/\bstack\/([a-z0-9-]+)/g)].map((match) => match[1]);
    expect(created.sort()).toEqual(named.map(String).sort());
  });

  test('publishes only on loopback', () => {
    const ports = overridden().flatMap((service) => service.ports);
    expect(ports.map((port) => port.hostIp)).toEqual(ports.map(() => '127.0.0.1'));
  });

  test('every mounted file exists', () => {
    const sources = overridden()
      .flatMap((service) => service.mounts)
      .filter((mount) => mount.type === 'bind')
      .map((mount) => String(mount.source));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !existsSync(source))).toEqual([]);
  });
});
