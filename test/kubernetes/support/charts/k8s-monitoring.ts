import type { ChartKeys } from '../chart-keys.js';

const BOOLEAN = { type: 'boolean' } as const;
const STRING = { type: 'string' } as const;

export const K8S_MONITORING_KEYS: ChartKeys = {
  chart: 'k8s-monitoring 4.4.0',
  // The types and enums are those its values.schema.json gives these keys at the same tag.
  source:
    'grafana/k8s-monitoring-helm, tag k8s-monitoring-4.4.0 (c30159c1), charts/k8s-monitoring/: ' +
    'values.yaml, destinations/otlp-values.yaml (the keys of a destination of type otlp), ' +
    'collectors/alloy-values.yaml, charts/feature-application-observability/values.yaml',
  keys: [
    'cluster',
    'cluster.name',
    // A map from destination names of our choosing to destinations.
    'destinations',
    'destinations.*',
    'destinations.*.type',
    'destinations.*.url',
    'destinations.*.protocol',
    'destinations.*.tls',
    'destinations.*.tls.insecure',
    'destinations.*.metrics',
    'destinations.*.metrics.enabled',
    'destinations.*.logs',
    'destinations.*.logs.enabled',
    'destinations.*.traces',
    'destinations.*.traces.enabled',
    'applicationObservability',
    'applicationObservability.enabled',
    'applicationObservability.collector',
    // The parent passes `receivers` to the feature subchart, whose values.yaml has these.
    'applicationObservability.receivers',
    'applicationObservability.receivers.otlp',
    'applicationObservability.receivers.otlp.grpc',
    'applicationObservability.receivers.otlp.grpc.enabled',
    // A map from collector names of our choosing to Alloy instances.
    'collectors',
    'collectors.*',
    'collectors.*.presets',
  ],
  freeForm: [],
  values: {
    'cluster.name': STRING,
    // One per file in destinations/ (`<type>-values.yaml`).
    'destinations.*.type': {
      oneOf: ['custom', 'loki', 'loki-stdout', 'nop', 'otlp', 'prometheus', 'pyroscope', 'router'],
    },
    'destinations.*.url': STRING,
    'destinations.*.protocol': { oneOf: ['grpc', 'http'] },
    'destinations.*.tls.insecure': BOOLEAN,
    'destinations.*.metrics.enabled': BOOLEAN,
    'destinations.*.logs.enabled': BOOLEAN,
    'destinations.*.traces.enabled': BOOLEAN,
    'applicationObservability.enabled': BOOLEAN,
    'applicationObservability.collector': STRING,
    'applicationObservability.receivers.otlp.grpc.enabled': BOOLEAN,
    // One per file in collectors/presets/; the chart's templates fail on any other name.
    'collectors.*.presets': {
      eachOneOf: [
        'clustered',
        'daemonset',
        'deployment',
        'filesystem-log-reader',
        'host-cgroup',
        'host-network',
        'host-storage',
        'host-tracefs',
        'large',
        'linux-host-monitor',
        'medium',
        'otel-receiver',
        'privileged',
        'root',
        'service-discovery',
        'singleton',
        'small',
        'statefulset',
        'windows',
        'windows-host-process',
        'windows-scrapeable',
        'xlarge',
      ],
    },
  },
};
