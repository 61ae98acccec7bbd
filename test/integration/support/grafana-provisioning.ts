import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ComposeService } from './compose-service.js';

/**
 * What Grafana is provisioned with, read from the files compose mounts into it: the
 * datasources (uids, correlation settings) and the dashboard JSON files.
 */

/** Grafana's default provisioning folder (GF_PATHS_PROVISIONING). */
const PROVISIONING = '/etc/grafana/provisioning';

/** The host path behind a container path, through the service's bind mounts. */
function hostPath(service: ComposeService, containerPath: string): string | undefined {
  for (const bind of service.binds) {
    if (containerPath === bind.target) return bind.source;
    if (containerPath.startsWith(`${bind.target}/`))
      return join(bind.source, relative(bind.target, containerPath));
  }
  return undefined;
}

function yamlFiles(folder: string | undefined): string[] {
  if (folder === undefined) return [];
  return readdirSync(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(folder, f));
}

const datasourceFile = z.object({
  datasources: z
    .array(
      z.object({
        uid: z.string(),
        type: z.string(),
        name: z.string(),
        url: z.string().optional(),
        jsonData: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});
export type ProvisionedDatasource = NonNullable<
  z.infer<typeof datasourceFile>['datasources']
>[number];

export function provisionedDatasources(grafana: ComposeService): ProvisionedDatasource[] {
  return yamlFiles(hostPath(grafana, `${PROVISIONING}/datasources`)).flatMap((file) => {
    const parsed = datasourceFile.safeParse(parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? 'not a datasource file'}`);
    return parsed.data.datasources ?? [];
  });
}

const dashboardProviders = z.object({
  providers: z
    .array(z.object({ type: z.string().optional(), options: z.object({ path: z.string() }) }))
    .optional(),
});

/** Host paths of the dashboard JSON files Grafana loads through its file providers. */
export function provisionedDashboardFiles(grafana: ComposeService): string[] {
  return yamlFiles(hostPath(grafana, `${PROVISIONING}/dashboards`)).flatMap((file) => {
    const parsed = dashboardProviders.safeParse(parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues[0]?.message ?? 'not a dashboard provider file'}`,
      );
    return (parsed.data.providers ?? []).flatMap((provider) => {
      const folder = hostPath(grafana, provider.options.path);
      if (folder === undefined)
        throw new Error(
          `${file}: provider path ${provider.options.path} is not mounted into Grafana`,
        );
      return readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(folder, f));
    });
  });
}
