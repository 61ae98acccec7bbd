import { describe, expect, test } from 'vitest';
import { kubernetesSchemaError } from '../../harness/kubernetes/kubernetes-schema.js';
import { unknownFieldErrors } from '../../harness/kubernetes/manifest-fields.js';
import { loadManifests } from '../../harness/kubernetes/manifests.js';

const manifests = loadManifests();

describe('deploy/kubernetes manifests', () => {
  test('there are some', () => {
    expect(manifests.length).toBeGreaterThan(0);
  });

  test.each(manifests.map((manifest) => [manifest.where, manifest] as const))(
    '%s validates against the Kubernetes schema',
    (_where, manifest) => {
      expect(kubernetesSchemaError(manifest)).toBeUndefined();
    },
  );

  test('have no field the Kubernetes API does not know, and no wrongly typed one', () => {
    expect(unknownFieldErrors(manifests)).toEqual([]);
  });
});
