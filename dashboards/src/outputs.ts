import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { alertRules } from './alert-rules.js';
import { alertingFile } from './alerting-file.js';
import { botOverview } from './bot-overview.js';
import { botRuntime } from './bot-runtime.js';
import { runbooks } from './runbooks.js';
import { alertRulesConfigMap, dashboardConfigMaps } from './sidecar-configmaps.js';
import { stackHealth } from './stack-health.js';

const DASHBOARDS: Readonly<Record<string, () => Dashboard>> = {
  'bot-overview': botOverview,
  'bot-runtime': botRuntime,
  'stack-health': stackHealth,
  runbooks,
};

/** Where the alert rules go: Grafana reads every .yaml/.json file of this folder. */
const ALERT_RULES_PATH = 'infra/grafana/provisioning/alerting/rules.yaml';

/** The same dashboards and rules for Kubernetes, as ConfigMaps for Grafana's sidecars. */
export const DASHBOARD_CONFIGMAPS_PATH = 'deploy/kubernetes/grafana/dashboards.yaml';
export const ALERT_RULES_CONFIGMAP_PATH = 'deploy/kubernetes/grafana/alert-rules.yaml';

/** Every generated file, by path from the repository root, with its exact content. */
export function renderOutputs(): Map<string, string> {
  const outputs = new Map<string, string>();
  const dashboards = new Map<string, string>();
  for (const [name, build] of Object.entries(DASHBOARDS)) {
    dashboards.set(name, `${JSON.stringify(build(), null, 2)}\n`);
    outputs.set(`dashboards/generated/${name}.json`, dashboards.get(name) ?? '');
  }
  const rules = alertingFile(alertRules());
  outputs.set(ALERT_RULES_PATH, rules);
  outputs.set(DASHBOARD_CONFIGMAPS_PATH, dashboardConfigMaps(dashboards));
  outputs.set(ALERT_RULES_CONFIGMAP_PATH, alertRulesConfigMap(rules));
  return outputs;
}
