import { describe, expect, test } from 'vitest';
import { loadManifests, manifestsOfKind, yamlFilesIn } from '../../harness/kubernetes/manifests.js';
import { KUBERNETES_DIR } from '../../harness/repo/deploy-files.js';
import { asArray, dig, isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile, readRepoYaml } from '../../harness/repo/repo.js';

const manifests = loadManifests();
const [deployment] = manifestsOfKind(manifests, 'Deployment');
const spec = dig(deployment?.object, 'spec', 'template', 'spec');
const [container] = asArray(dig(spec, 'containers'));
const env = new Map(
  asArray(dig(container, 'env')).map((entry) => [String(dig(entry, 'name')), entry] as const),
);
const envValue = (name: string): unknown => dig(env.get(name), 'value');
const portNamed = (name: string): unknown =>
  dig(
    asArray(dig(container, 'ports')).find((port) => dig(port, 'name') === name),
    'containerPort',
  );

describe('the bot Deployment', () => {
  test('runs exactly one bot, stopping the old one before starting the new', () => {
    expect(manifestsOfKind(manifests, 'Deployment')).toHaveLength(1);
    expect(dig(deployment?.object, 'spec', 'replicas')).toBe(1);
    expect(dig(deployment?.object, 'spec', 'strategy', 'type')).toBe('Recreate');
  });

  test('takes the Discord token from a Secret, never from the manifest', () => {
    expect(dig(env.get('DISCORD_TOKEN'), 'valueFrom', 'secretKeyRef')).toEqual({
      name: 'roboshpee-discord',
      key: 'token',
    });
    expect(env.get('DISCORD_TOKEN')).not.toHaveProperty('value');
    expect(manifestsOfKind(manifests, 'Secret')).toEqual([]);
  });

  test('probes the health endpoint: /livez for liveness and startup, /readyz for readiness', () => {
    const port = Number(envValue('ROBOSHPEE_HEALTH_PORT'));
    expect(envValue('ROBOSHPEE_HEALTH_HOST')).toBe('0.0.0.0');
    expect(portNamed('health')).toBe(port);
    const probe = (kind: string) => dig(container, kind, 'httpGet');
    expect(probe('startupProbe')).toEqual({ path: '/livez', port: 'health' });
    expect(probe('livenessProbe')).toEqual({ path: '/livez', port: 'health' });
    expect(probe('readinessProbe')).toEqual({ path: '/readyz', port: 'health' });
  });

  test('runs as a non-root user on a read-only root filesystem, without privileges', () => {
    expect(dig(spec, 'securityContext', 'runAsNonRoot')).toBe(true);
    expect(Number(dig(spec, 'securityContext', 'runAsUser'))).toBeGreaterThan(0);
    expect(dig(spec, 'automountServiceAccountToken')).toBe(false);
    expect(dig(container, 'securityContext')).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
  });

  test('requests CPU and memory and caps memory', () => {
    expect(dig(container, 'resources', 'requests')).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(dig(container, 'resources', 'limits', 'memory')).toEqual(expect.any(String));
  });

  test('runs the image of this version of the bot', () => {
    const manifest = readRepoYaml('package.json');
    const version = isRecord(manifest) ? String(manifest.version) : '';
    expect(String(dig(container, 'image'))).toMatch(
      new RegExp(`:${version.replaceAll('.', '\\.')}$`),
    );
  });

  test('sends OTLP gRPC to the alloy-receiver of the k8s-monitoring release', () => {
    const values = readRepoYaml(`${KUBERNETES_DIR}/values/k8s-monitoring.yaml`);
    const collector = String(dig(values, 'applicationObservability', 'collector'));
    expect(dig(values, 'applicationObservability', 'receivers', 'otlp', 'grpc', 'enabled')).toBe(
      true,
    );
    // The release name is the one the install command in the values file gives.
    const release = /helm install (\S+) grafana\/k8s-monitoring/.exec(
      readRepoFile(`${KUBERNETES_DIR}/values/k8s-monitoring.yaml`),
    )?.[1];
    expect(envValue('OTEL_EXPORTER_OTLP_ENDPOINT')).toBe(
      `http://${release}-${collector}.monitoring.svc:4317`,
    );
  });

  test('has no PodDisruptionBudget (one replica: the manifest says why)', () => {
    const files = yamlFilesIn(`${KUBERNETES_DIR}/bot`);
    expect(manifestsOfKind(manifests, 'PodDisruptionBudget')).toEqual([]);
    expect(files.map(readRepoFile).join('\n')).toMatch(/No PodDisruptionBudget: with one replica/);
  });
});
