/**
 * Where the stack's files live, relative to the repository root: the one list every test
 * tree reads them from, so a moved file is renamed here once.
 */

export const COMPOSE_FILE = 'compose.yaml';

/** The backends' own configuration files, by compose service name. */
export const SERVICE_CONFIGS = {
  tempo: 'infra/tempo/tempo.yaml',
  loki: 'infra/loki/loki.yaml',
  mimir: 'infra/mimir/mimir.yaml',
  pyroscope: 'infra/pyroscope/pyroscope.yaml',
} as const;

export const ALLOY_CONFIG = 'infra/alloy/config.alloy';

export const DATASOURCES_DIR = 'infra/grafana/provisioning/datasources';
export const ALERTING_DIR = 'infra/grafana/provisioning/alerting';
export const ALERT_RULES = `${ALERTING_DIR}/rules.yaml`;

export const GENERATED_DASHBOARDS_DIR = 'dashboards/generated';
