import { readFileSync } from 'node:fs';
import { containerDetector } from '@opentelemetry/resource-detector-container';
import {
  defaultResource,
  envDetector,
  hostDetector,
  processDetector,
  type Resource,
  type ResourceDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import type { Mode } from '../config/sections/mode.js';
import { BOT_SERVICE } from '../contract/resource.js';

/** The package version, or undefined (with the reason) when package.json cannot be read. */
export function packageVersion(url = new URL('../../../package.json', import.meta.url)): {
  version?: string;
  problem?: string;
} {
  try {
    const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
    const version = (parsed as { version?: unknown }).version;
    return typeof version === 'string'
      ? { version }
      : { problem: `${url.pathname} has no version string` };
  } catch (error) {
    return { problem: `cannot read ${url.pathname}: ${(error as Error).message}` };
  }
}

/**
 * What the bot says about itself. Detected and environment attributes are merged over it,
 * so OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (e.g. `deployment.environment.name=prod`)
 * win over these defaults.
 */
export function baseResource(mode: Mode, version: string | undefined): Resource {
  return defaultResource().merge(
    resourceFromAttributes({
      [ATTR_SERVICE_NAME]: BOT_SERVICE,
      ...(version === undefined ? {} : { [ATTR_SERVICE_VERSION]: version }),
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: mode === 'demo' ? 'demo' : 'production',
    }),
  );
}

/**
 * Later detectors win: the environment comes last so that OTEL_RESOURCE_ATTRIBUTES can set
 * anything, including service.instance.id (a random UUID per start otherwise, as the
 * semantic conventions advise).
 */
export const RESOURCE_DETECTORS: readonly ResourceDetector[] = [
  processDetector,
  hostDetector,
  containerDetector,
  serviceInstanceIdDetector,
  envDetector,
];
