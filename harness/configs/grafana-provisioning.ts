import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ComposeService } from '../compose/compose-service.js';
import { REPO_ROOT } from '../repo/repo.js';
import { loadProvisionedDatasources, type ProvisionedDatasource } from './grafana-datasources.js';

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

export function provisionedDatasources(grafana: ComposeService): ProvisionedDatasource[] {
  const folder = hostPath(grafana, `${PROVISIONING}/datasources`);
  return folder === undefined ? [] : loadProvisionedDatasources(relative(REPO_ROOT, folder));
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
