/**
 * An image reference as compose.yaml writes it: `grafana/tempo:3.0.3`, or with the digest
 * Renovate pins next to the tag, `grafana/tempo:3.0.3@sha256:<hex>`.
 */
export interface ImageReference {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export function imageReference(image: string): ImageReference {
  const [name = '', digest] = image.split('@');
  const colon = name.lastIndexOf(':');
  // A colon before the last slash belongs to a registry's port (registry:5000/repo).
  const hasTag = colon > name.lastIndexOf('/');
  return {
    repository: hasTag ? name.slice(0, colon) : name,
    tag: hasTag ? name.slice(colon + 1) : undefined,
    digest,
  };
}
