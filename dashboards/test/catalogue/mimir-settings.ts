import { dig } from '../../../harness/repo/parsed-document.js';
import { readRepoYaml } from '../../../harness/repo/repo.js';
import { SERVICE_CONFIGS } from '../../../harness/repo/stack-files.js';
import type { MimirOtlpSettings } from './mimir-otlp-naming.js';

/** Reads the OTLP naming settings from the stack's Mimir config (defaults as Mimir's own). */
export function mimirOtlpSettings(): MimirOtlpSettings {
  const config = readRepoYaml(SERVICE_CONFIGS.mimir);
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
