import { asArray, dig } from '../../../harness/repo/parsed-document.js';
import { readRepoYaml } from '../../../harness/repo/repo.js';
import { SERVICE_CONFIGS } from '../../../harness/repo/stack-files.js';
import type { SeriesFamily } from './types.js';

/**
 * Series Tempo's metrics generator remote-writes to Mimir, as derived from the stack's Tempo
 * config and the way grafana/tempo v3.0.3 names them:
 * - span metrics: modules/generator/processor/spanmetrics/spanmetrics.go (`traces_spanmetrics_*`),
 *   intrinsic dimensions and their defaults in spanmetrics/config.go and processor/dimension_names.go
 *   (service, span_name, span_kind, status_code; status_message off), `job`/`instance` only with
 *   `enable_target_info`, configured dimensions sanitized (dots -> underscores);
 * - service graphs: modules/generator/processor/servicegraphs/servicegraphs.go
 *   (`traces_service_graph_*`, labels client, server, connection_type, plus dimensions);
 * - modules/generator/registry/registry.go adds `external_labels` and `__metrics_gen_instance`.
 * Processors count only when enabled in the overrides (`metrics_generator.processors`).
 */
export function configuredTempoSeries(): SeriesFamily[] {
  const config = readRepoYaml(SERVICE_CONFIGS.tempo);
  const processors = new Set(
    asArray(dig(config, 'overrides', 'defaults', 'metrics_generator', 'processors')).map(String),
  );
  const registryLabels = [
    '__metrics_gen_instance',
    ...Object.keys(
      (dig(config, 'metrics_generator', 'registry', 'external_labels') as object | undefined) ?? {},
    ),
  ];
  const setting = (processor: string, key: string): unknown =>
    dig(config, 'metrics_generator', 'processor', processor, key) ??
    dig(config, 'overrides', 'defaults', 'metrics_generator', 'processor', processor, key);
  const sanitize = (name: string): string => name.replace(/[^a-zA-Z0-9_]/g, '_');
  const source = `${SERVICE_CONFIGS.tempo} with grafana/tempo v3.0.3 modules/generator`;
  const families: SeriesFamily[] = [];
  // generate_native_histograms: classic (the default in modules/overrides/config.go), native or both.
  const histogramMode = String(
    dig(config, 'overrides', 'defaults', 'metrics_generator', 'generate_native_histograms') ??
      'classic',
  );
  const histogram = (name: string, labels: Set<string>): void => {
    if (histogramMode === 'native') {
      families.push({ name, labels, source });
      return;
    }
    families.push(
      { name: `${name}_bucket`, labels: new Set([...labels, 'le']), source },
      { name: `${name}_sum`, labels, source },
      { name: `${name}_count`, labels, source },
    );
  };

  if (processors.has('span-metrics')) {
    const intrinsic = {
      service: true,
      span_name: true,
      span_kind: true,
      status_code: true,
      status_message: false,
      ...((setting('span_metrics', 'intrinsic_dimensions') as
        | Record<string, boolean>
        | undefined) ?? {}),
    };
    const targetInfo = setting('span_metrics', 'enable_target_info') === true;
    const labels = new Set([
      ...registryLabels,
      ...Object.entries(intrinsic)
        .filter(([, on]) => on)
        .map(([name]) => name),
      ...asArray(setting('span_metrics', 'dimensions')).map((d) => sanitize(String(d))),
      ...(targetInfo ? ['job', 'instance'] : []),
    ]);
    families.push(
      { name: 'traces_spanmetrics_calls_total', labels, source },
      { name: 'traces_spanmetrics_size_total', labels, source },
    );
    histogram('traces_spanmetrics_latency', labels);
  }

  if (processors.has('service-graphs')) {
    const labels = new Set([
      ...registryLabels,
      'client',
      'server',
      'connection_type',
      ...asArray(setting('service_graphs', 'dimensions')).flatMap((d) => {
        const label = sanitize(String(d));
        return setting('service_graphs', 'enable_client_server_prefix') === true
          ? [`client_${label}`, `server_${label}`]
          : [label];
      }),
    ]);
    families.push(
      { name: 'traces_service_graph_request_total', labels, source },
      { name: 'traces_service_graph_request_failed_total', labels, source },
    );
    histogram('traces_service_graph_request_server_seconds', labels);
    histogram('traces_service_graph_request_client_seconds', labels);
  }
  return families;
}

/** Whether Tempo sends exemplars with its remote writes (needed for exemplar panels). */
export function tempoSendsExemplars(): boolean {
  const config = readRepoYaml(SERVICE_CONFIGS.tempo);
  const writes = asArray(dig(config, 'metrics_generator', 'storage', 'remote_write'));
  return writes.length > 0 && writes.every((write) => dig(write, 'send_exemplars') === true);
}
