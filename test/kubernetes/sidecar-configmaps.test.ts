import { describe, expect, test } from 'vitest';
import {
  ALERT_RULES_CONFIGMAP_PATH,
  DASHBOARD_CONFIGMAPS_PATH,
} from '../../dashboards/src/outputs.js';
import { generatedDashboards } from '../../harness/dashboards/generated-dashboards.js';
import { loadManifests, type Manifest } from '../../harness/kubernetes/manifests.js';
import { dig, isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { ALERT_RULES, GENERATED_DASHBOARDS_DIR } from '../../harness/repo/stack-files.js';

const manifests = loadManifests();
const fromFile = (path: string): Manifest[] =>
  manifests.filter((manifest) => manifest.where.startsWith(`${path}#`));

/** Each ConfigMap's files, by file name, as Grafana's sidecar writes them out. */
function filesOf(configMaps: readonly Manifest[]): Map<string, string> {
  return new Map(
    configMaps.flatMap((configMap) => {
      const data = dig(configMap.object, 'data');
      return isRecord(data) ? Object.entries(data).map(([k, v]) => [k, String(v)] as const) : [];
    }),
  );
}

describe('the ConfigMaps for Grafana sidecars', () => {
  const dashboards = fromFile(DASHBOARD_CONFIGMAPS_PATH);
  const rules = fromFile(ALERT_RULES_CONFIGMAP_PATH);

  test('hold every generated dashboard, byte for byte, and nothing else', () => {
    const expected = new Map(
      generatedDashboards().map(({ file }) => [
        file,
        readRepoFile(`${GENERATED_DASHBOARDS_DIR}/${file}`),
      ]),
    );
    expect(filesOf(dashboards)).toEqual(expected);
  });

  test('hold the provisioned alert rules, byte for byte', () => {
    expect(filesOf(rules)).toEqual(new Map([['rules.yaml', readRepoFile(ALERT_RULES)]]));
  });

  test.each([
    ['dashboard', DASHBOARD_CONFIGMAPS_PATH, 'grafana_dashboard'],
    ['alert', ALERT_RULES_CONFIGMAP_PATH, 'grafana_alert'],
  ] as const)(
    '%s ConfigMaps carry the label the Grafana chart sidecar watches (%s)',
    (_kind, path, label) => {
      const configMaps = fromFile(path);
      expect(configMaps.length).toBeGreaterThan(0);
      for (const configMap of configMaps) {
        expect(dig(configMap.object, 'metadata', 'labels', label), configMap.where).toBe('1');
      }
    },
  );
});
