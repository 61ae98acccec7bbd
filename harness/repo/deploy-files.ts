/**
 * Where the deployment variants live, relative to the repository root: the compose
 * overrides beside compose.yaml and the Kubernetes folder.
 */

export const OBJECT_STORAGE_COMPOSE = 'compose.object-storage.yaml';
export const CLOUD_COMPOSE = 'compose.cloud.yaml';

export const KUBERNETES_DIR = 'deploy/kubernetes';
