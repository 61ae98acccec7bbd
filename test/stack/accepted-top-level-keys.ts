/**
 * The top-level keys each pinned backend accepts, transcribed from the upstream config
 * structs at the pinned tag. All three load their config strictly (an unknown key is fatal
 * at startup), so a key outside these lists would crash-loop the container.
 * Update them with the image tags in compose.yaml.
 */

/**
 * grafana/tempo v3.0.3, cmd/tempo/app/config.go (type Config), less
 * metrics_generator_client: a Tempo 2 block that 3.0 still parses only to ignore it.
 */
export const TEMPO_3_0_KEYS = [
  'target',
  'auth_enabled',
  'multitenancy_enabled',
  'shutdown_delay',
  'stream_over_http_enabled',
  'http_api_prefix',
  'enable_go_runtime_metrics',
  'automemlimit_enabled',
  'automemlimit_ratio',
  'span_profiling',
  'memory',
  'server',
  'internal_server',
  'distributor',
  'live_store_client',
  'querier',
  'query_frontend',
  'metrics_generator',
  'ingest',
  'block_builder',
  'storage',
  'overrides',
  'memberlist',
  'usage_report',
  'cache',
  'backend_scheduler',
  'backend_scheduler_client',
  'backend_worker',
  'live_store',
] as const;

/** Tempo 2 blocks that Tempo 3 no longer has (the 3.0 migration guide). */
export const TEMPO_2_ONLY_KEYS = [
  'ingester',
  'ingester_client',
  'compactor',
  'metrics_generator_client',
] as const;

/**
 * The keys of Tempo 3's scoped overrides (modules/overrides/config.go). Anything else under
 * `overrides` is the Tempo 2 flat format, which 3.0 rejects unless `enable_legacy_overrides`
 * opts back in; that switch is left out too, as the format is going away.
 */
export const TEMPO_3_OVERRIDES_KEYS = [
  'defaults',
  'per_tenant_override_config',
  'per_tenant_override_period',
  'user_configurable_overrides',
] as const;

/** Metrics-generator processors Tempo 3 has (local-blocks, Tempo 2's, is gone). */
export const TEMPO_3_PROCESSORS = ['service-graphs', 'span-metrics', 'host-info'] as const;

/** grafana/loki v3.7.6, pkg/loki/loki.go (type Config). */
export const LOKI_3_7_KEYS = [
  'target',
  'auth_enabled',
  'http_prefix',
  'ballast_bytes',
  'server',
  'internal_server',
  'ui',
  'distributor',
  'querier',
  'query_engine',
  'query_scheduler',
  'frontend',
  'query_range',
  'ruler',
  'ruler_storage',
  'ingester_client',
  'ingester',
  'pattern_ingester',
  'index_gateway',
  'bloom_build',
  'bloom_gateway',
  'storage_config',
  'chunk_store_config',
  'schema_config',
  'compactor',
  'compactor_client',
  'compactor_grpc_client',
  'limits_config',
  'frontend_worker',
  'table_manager',
  'memberlist',
  'kafka_config',
  'dataobj',
  'ingest_limits',
  'ingest_limits_frontend',
  'ingest_limits_frontend_client',
  'runtime_config',
  'operational_config',
  'tracing',
  'analytics',
  'profiling',
  'tenant_limits_allow_publish',
  'legacy_read_target',
  'common',
  'shutdown_delay',
  'metrics_namespace',
] as const;

/**
 * grafana/mimir 3.2, the documented top-level blocks of the configuration reference
 * (docs/sources/mimir/configure/configuration-parameters, generated from pkg/mimir/mimir.go).
 */
export const MIMIR_3_2_KEYS = [
  'target',
  'multitenancy_enabled',
  'no_auth_tenant',
  'shutdown_delay',
  'max_separate_metrics_groups_per_user',
  'enable_go_runtime_metrics',
  'api',
  'server',
  'distributor',
  'querier',
  'ingester_client',
  'ingester',
  'limits',
  'frontend_worker',
  'frontend',
  'ingest_storage',
  'blocks_storage',
  'compactor',
  'compactor_scheduler',
  'store_gateway',
  'tenant_federation',
  'activity_tracker',
  'include_tenant_id_in_profile_labels',
  'vault',
  'ruler',
  'ruler_storage',
  'alertmanager',
  'alertmanager_storage',
  'runtime_config',
  'memberlist',
  'query_scheduler',
  'usage_stats',
  'overrides_exporter',
  'common',
  'timeseries_unmarshal_caching_optimization_enabled',
  'cost_attribution_eviction_interval',
  'cost_attribution_registry_path',
  'cost_attribution_cleanup_interval',
  'instrument_ref_leaks',
  'label_access_control_enabled',
] as const;

/**
 * grafana/pyroscope v2.2.1, pkg/pyroscope/pyroscope.go (type Config), with the legacy v1
 * blocks it still parses; pkg/cfg/files.go decodes with KnownFields.
 */
export const PYROSCOPE_2_2_KEYS = [
  'target',
  'api',
  'server',
  'metastore',
  'distributor',
  'frontend',
  'query_backend',
  'adaptive_placement',
  'symbolizer',
  'frontend_worker',
  'limits',
  'segment_writer',
  'memberlist',
  'pyroscopedb',
  'tracing',
  'overrides_exporter',
  'runtime_config',
  'compaction_worker',
  'tenant_settings',
  'storage',
  'self_profiling',
  'multitenancy_enabled',
  'analytics',
  'show_banner',
  'shutdown_delay',
  'architecture_storage',
  'admin_server',
  'embedded_grafana',
  'querier',
  'ingester',
  'compactor',
  'store_gateway',
  'query_scheduler',
] as const;
