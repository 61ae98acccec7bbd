import { dig } from '../repo/parsed-document.js';
import { readRepoYaml } from '../repo/repo.js';
import { SERVICE_CONFIGS } from '../repo/stack-files.js';

/** Where Tempo's config names the exemplar label of its span metrics. */
export const TRACE_ID_LABEL_SETTING = 'overrides.defaults.metrics_generator.trace_id_label_name';

/**
 * The exemplar label that carries the trace id, which Grafana's exemplar links must read:
 * `traceID` unless the overrides set it (grafana/tempo v3.0.3
 * modules/generator/registry/histogram.go).
 */
export function tempoTraceIdLabel(): string {
  const configured = dig(readRepoYaml(SERVICE_CONFIGS.tempo), ...TRACE_ID_LABEL_SETTING.split('.'));
  return typeof configured === 'string' && configured !== '' ? configured : 'traceID';
}
