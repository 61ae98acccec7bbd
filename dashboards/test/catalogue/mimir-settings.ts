import { dig, readRepoYaml } from '../support/repo.js';
import type { MimirOtlpSettings } from './mimir-otlp-naming.js';

export const MIMIR_CONFIG = 'infra/mimir/mimir.yaml';

/** Reads the OTLP naming settings from the stack's Mimir config (defaults as Mimir's own). */
export function mimirOtlpSettings(): MimirOtlpSettings {
  const config = readRepoYaml(MIMIR_CONFIG);
  const suffixes = dig(config, 'limits', 'otel_metric_suffixes_enabled');
  const promoted = dig(config, 'limits', 'promote_otel_resource_attributes');
  const list = Array.isArray(promoted)
    ? promoted.map(String)
    : typeof promoted === 'string'
      ? promoted.split(',')
      : [];
  return {
    // Mimir's default is false (-distributor.otel-metric-suffixes-enabled).
    suffixes: suffixes === true,
    promotedResourceAttributes: list.map((name) => name.trim()).filter((name) => name !== ''),
  };
}
