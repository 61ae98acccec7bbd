import { dig } from '../repo/parsed-document.js';
import { readRepoYaml } from '../repo/repo.js';
import { SERVICE_CONFIGS } from '../repo/stack-files.js';

/** Where Tempo's config lists the span attributes that name a service graph's peer node. */
export const PEER_ATTRIBUTES_SETTING = 'metrics_generator.processor.service_graphs.peer_attributes';

/**
 * Tempo's default when the config sets none: grafana/tempo v3.0.3
 * modules/generator/processor/servicegraphs/servicegraphs.go, `defaultPeerAttributes`
 * (semconv v1.25.0 PeerServiceKey, DBNameKey, DBSystemKey).
 */
export const TEMPO_DEFAULT_PEER_ATTRIBUTES = ['peer.service', 'db.name', 'db.system'] as const;

/**
 * The peer attributes in the order Tempo searches a client span's attributes for them: the
 * first one present names the node (v3.0.3 servicegraphs.go, `upsertPeerNode`).
 */
export function tempoPeerAttributes(): readonly string[] {
  const configured = dig(
    readRepoYaml(SERVICE_CONFIGS.tempo),
    ...PEER_ATTRIBUTES_SETTING.split('.'),
  );
  return Array.isArray(configured) ? configured.map(String) : TEMPO_DEFAULT_PEER_ATTRIBUTES;
}
