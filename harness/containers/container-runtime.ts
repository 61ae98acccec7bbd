import { getContainerRuntimeClient, ImageName } from 'testcontainers';

/**
 * Set to `true` where a container runtime must exist (CI with Docker): a suite that would
 * be skipped fails instead, so a broken runtime can never pass as "all skipped".
 */
export const REQUIRE_CONTAINERS = 'ROBOSHPEE_REQUIRE_CONTAINERS';

/** Whether the container suites can run here, and if not, the one line that says why. */
export type RuntimeAvailability =
  | { readonly available: true; readonly description: string }
  | { readonly available: false; readonly reason: string };

export async function detectContainerRuntime(): Promise<RuntimeAvailability> {
  try {
    const client = await getContainerRuntimeClient();
    const { containerRuntime } = client.info;
    return {
      available: true,
      description: `${containerRuntime.operatingSystem} at ${containerRuntime.host} (${containerRuntime.architecture}, ${containerRuntime.cpus} CPUs)`,
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `no container runtime reachable (testcontainers: ${detail})`,
    };
  }
}

/**
 * Makes sure each image is present, pulling it when not. Answers the skip reason naming every
 * image that is missing and cannot be pulled (offline, or a tag that does not exist), or
 * undefined when all are there.
 */
export async function missingImage(images: readonly string[]): Promise<string | undefined> {
  const client = await getContainerRuntimeClient();
  const missing: string[] = [];
  let firstDetail = '';
  for (const image of images) {
    const name = ImageName.fromString(image);
    if (await client.image.exists(name)) continue;
    try {
      await client.image.pull(name);
    } catch (error) {
      missing.push(image);
      firstDetail ||= error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    }
  }
  if (missing.length === 0) return undefined;
  const which = missing.length === 1 ? `image ${missing[0]}` : `images ${missing.join(', ')}`;
  return `${which} missing and not pullable (${firstDetail})`;
}
