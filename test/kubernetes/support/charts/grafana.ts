import type { ChartKeys } from '../chart-keys.js';

export const GRAFANA_KEYS: ChartKeys = {
  chart: 'grafana 12.11.1',
  // Its sidecars' default labels there: sidecar.dashboards.label grafana_dashboard,
  // sidecar.alerts.label grafana_alert (any value).
  source:
    'grafana-community/helm-charts, tag grafana-12.11.1 (864f7794), charts/grafana/values.yaml',
  keys: [
    'image',
    'image.tag',
    'sidecar',
    'sidecar.dashboards',
    'sidecar.dashboards.enabled',
    'sidecar.alerts',
    'sidecar.alerts.enabled',
    'datasources',
  ],
  // Provisioning files, by file name, written as they are.
  freeForm: ['datasources'],
};
