import { describe, expect, test } from 'vitest';
import { imageReference } from '../../../harness/compose/image-reference.js';

describe('imageReference', () => {
  test.each([
    ['grafana/tempo:3.0.3', { repository: 'grafana/tempo', tag: '3.0.3', digest: undefined }],
    [
      'grafana/tempo:3.0.3@sha256:0123abcd',
      { repository: 'grafana/tempo', tag: '3.0.3', digest: 'sha256:0123abcd' },
    ],
    ['grafana/tempo', { repository: 'grafana/tempo', tag: undefined, digest: undefined }],
    [
      'registry.local:5000/grafana/tempo:3.0.3',
      { repository: 'registry.local:5000/grafana/tempo', tag: '3.0.3', digest: undefined },
    ],
    [
      'registry.local:5000/grafana/tempo',
      { repository: 'registry.local:5000/grafana/tempo', tag: undefined, digest: undefined },
    ],
  ] as const)('%s', (image, expected) => {
    expect(imageReference(image)).toEqual(expected);
  });
});
