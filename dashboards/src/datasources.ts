import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

/**
 * The provisioned datasources, by the fixed uids `infra/grafana/provisioning/datasources/`
 * gives them. A dashboard that named a datasource by display name would break on rename.
 */
export const MIMIR = { type: 'prometheus', uid: 'mimir' } as const satisfies DataSourceRef;
export const LOKI = { type: 'loki', uid: 'loki' } as const satisfies DataSourceRef;
export const TEMPO = { type: 'tempo', uid: 'tempo' } as const satisfies DataSourceRef;
export const PYROSCOPE = {
  type: 'grafana-pyroscope-datasource',
  uid: 'pyroscope',
} as const satisfies DataSourceRef;

export type Datasource = typeof MIMIR | typeof LOKI | typeof TEMPO | typeof PYROSCOPE;
