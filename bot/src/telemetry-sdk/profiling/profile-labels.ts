import type { Resource } from '@opentelemetry/resources';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';

/**
 * The resource attributes a profile is labelled with, under the label names Loki gives the
 * same attributes (dots become underscores), so that one selector finds a service's logs
 * and profiles. service.name is the application name itself: Pyroscope makes it the
 * `service_name` label.
 */
export const PROFILE_LABELS = {
  service_version: ATTR_SERVICE_VERSION,
  deployment_environment_name: ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  service_instance_id: ATTR_SERVICE_INSTANCE_ID,
} as const;

/** Characters that end a name or a label in Pyroscope's `name{key=value,...}` form. */
const RESERVED = /[{},=]/g;

/**
 * The `name` of Pyroscope's ingest API for a resource: `roboshpee{service_version=0.1.0,...}`.
 * A value that would break the form (OTEL_RESOURCE_ATTRIBUTES is free text) has the
 * offending characters replaced rather than the upload refused.
 */
export function applicationName(resource: Resource): string {
  const attributes = resource.attributes;
  const labels = Object.entries(PROFILE_LABELS).flatMap(([label, attribute]) => {
    const value = attributes[attribute];
    return value === undefined ? [] : [`${label}=${String(value).replace(RESERVED, '_')}`];
  });
  const service = String(attributes[ATTR_SERVICE_NAME] ?? 'unknown_service').replace(RESERVED, '_');
  return `${service}{${labels.join(',')}}`;
}
