import { z } from 'zod';
import type { TraceSpan } from './tempo-trace.js';

/**
 * The Pyroscope query behind Grafana's "Profiles for this span" link, from the Tempo
 * datasource's `tracesToProfiles` settings: with `customQuery`, the configured query with
 * `$__tags` replaced by the mapped tags found on the span or its resource (Grafana's docs:
 * "You can interpolate the configured tags using the `$__tags` keyword"); without it,
 * Grafana would select the span's own samples by span id, which the bot's profiles lack.
 */

export const tracesToProfilesSettings = z.object({
  datasourceUid: z.string(),
  profileTypeId: z.string(),
  tags: z.array(z.object({ key: z.string(), value: z.string().optional() })).optional(),
  customQuery: z.boolean().optional(),
  query: z.string().optional(),
});
export type TracesToProfilesSettings = z.infer<typeof tracesToProfilesSettings>;

export interface ProfileQuery {
  readonly profileTypeId: string;
  readonly labelSelector: string;
}

/** The query the link opens, or undefined when no mapped tag is on the span (no link). */
export function tracesToProfilesQuery(
  settings: TracesToProfilesSettings,
  span: TraceSpan,
): ProfileQuery | undefined {
  if (!settings.customQuery || settings.query === undefined) {
    throw new Error('tracesToProfiles: expected customQuery with a query (no span profiles)');
  }
  const values = { ...span.resource, ...span.attributes };
  const tags = (settings.tags ?? []).flatMap(({ key, value }) => {
    const found = values[key];
    return found === undefined || found === null ? [] : [`${value || key}="${String(found)}"`];
  });
  if (tags.length === 0) return undefined;
  // `$$` is the provisioning file's escape for a literal `$`.
  const query = settings.query.replaceAll('$$', '$');
  return {
    profileTypeId: settings.profileTypeId,
    labelSelector: query.replaceAll('$__tags', tags.join(', ')),
  };
}
