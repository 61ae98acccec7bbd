import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { loadProvisionedDatasources } from '../../harness/configs/grafana-datasources.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * Grafana 13 ships its data sources as plugins in /usr/share/grafana/data/plugins-bundled and
 * starts each one that has a backend as a process of its own inside the container, used or
 * not: grafana/grafana#123017 (13.0.1 idles at ~330 MiB and is OOM-killed under 300-400 MiB)
 * and hassio-addons/app-grafana#531 (the kernel killing `gpx_grafana-lok`, `gpx_grafana-pro`,
 * `gpx_grafana_pos`). A plugin named in `[plugins] disable_plugins` is filtered out before it
 * is loaded, and dropped from the preinstall list (grafana/grafana pkg/setting/setting_plugins.go,
 * readPluginSettings; the loader's DisablePlugins step).
 *
 * Unless `[plugins] preinstall_auto_update` is false, every start asks the plugin catalog for
 * the latest version of each preinstalled plugin and installs it over the running one
 * (pkg/services/pluginsintegration/plugininstaller, installPlugins); grafana/grafana#132528:
 * the running plugin is unloaded first, and a failed update leaves it unregistered.
 */

/**
 * The data sources among Grafana's default preinstalled plugins (`defaultPreinstallPlugins`
 * in grafana/grafana pkg/setting/setting_plugins.go, read in the 13.x line), which the image
 * bundles; the apps of that list (the Drilldown apps, the advisor) are not data sources.
 */
const BUNDLED_DATASOURCES = [
  'cloudwatch',
  'elasticsearch',
  'grafana-postgresql-datasource',
  'grafana-pyroscope-datasource',
  'influxdb',
  'jaeger',
  'loki',
  'mssql',
  'mysql',
  'opentsdb',
  'prometheus',
  'stackdriver',
  'tempo',
  'zipkin',
] as const;

const environment = serviceNamed(loadCompose(), 'grafana').environment;
const where = `${COMPOSE_FILE}: services.grafana.environment`;
/** Grafana splits the list on commas and spaces (pkg/util SplitString). */
const disabled = (environment.GF_PLUGINS_DISABLE_PLUGINS ?? '').split(/[\s,]+/).filter(Boolean);
const provisionedTypes = new Set(loadProvisionedDatasources().map((d) => d.type));

describe('Grafana plugins', () => {
  test('every bundled data source the stack provisions no datasource for is disabled', () => {
    const running = BUNDLED_DATASOURCES.filter(
      (id) => !provisionedTypes.has(id) && !disabled.includes(id),
    );
    expect(
      running,
      `${where}.GF_PLUGINS_DISABLE_PLUGINS: expected these unused bundled data sources in the list, got "${disabled.join(',')}"`,
    ).toEqual([]);
  });

  test('no provisioned datasource is disabled', () => {
    const broken = disabled.filter((id) => provisionedTypes.has(id));
    expect(
      broken,
      `${where}.GF_PLUGINS_DISABLE_PLUGINS: disables data sources the provisioning uses`,
    ).toEqual([]);
  });

  test('the plugins the image ships are not replaced at start (preinstall_auto_update off)', () => {
    expect(
      environment.GF_PLUGINS_PREINSTALL_AUTO_UPDATE,
      `${where}.GF_PLUGINS_PREINSTALL_AUTO_UPDATE: expected "false"`,
    ).toBe('false');
  });
});
