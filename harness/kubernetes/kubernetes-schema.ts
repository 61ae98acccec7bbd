import * as apps from 'kubernetes-models/apps/v1';
import * as core from 'kubernetes-models/v1';
import type { Manifest } from './manifests.js';

/**
 * Kubernetes' own OpenAPI schemas, as the kubernetes-models package compiles them (its
 * schemas have fields that Kubernetes 1.34 added, such as PodSpec.hostnameOverride). These
 * check types, required fields and formats; they allow unknown fields, which
 * manifest-fields.ts checks instead.
 */
const MODELS: Readonly<Record<string, new (data: never) => { validate(): void }>> = {
  'v1/Namespace': core.Namespace,
  'v1/ServiceAccount': core.ServiceAccount,
  'v1/ConfigMap': core.ConfigMap,
  'apps/v1/Deployment': apps.Deployment,
};

export const MODELLED_KINDS = Object.keys(MODELS);

/** The schema's complaint about the object, or undefined when it is valid. */
export function kubernetesSchemaError(manifest: Manifest): string | undefined {
  const key = `${String(manifest.object.apiVersion)}/${String(manifest.object.kind)}`;
  const Model = MODELS[key];
  if (Model === undefined) return `${manifest.where}: no schema known here for ${key}`;
  try {
    new Model(manifest.object as never).validate();
    return undefined;
  } catch (error) {
    return `${manifest.where}: ${(error as Error).message}`;
  }
}
