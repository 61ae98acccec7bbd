import { describe, expect, test } from 'vitest';
import { parseWithGrammar } from '../../../harness/backends/query-grammars.js';
import { parseTrace } from '../../../harness/backends/tempo-trace.js';
import {
  tracesToProfilesQuery,
  tracesToProfilesSettings,
} from '../../../harness/backends/traces-to-profiles.js';
import { loadProvisionedDatasources } from '../../../harness/configs/grafana-datasources.js';
import { V2_FAILED_ROLE_ADD } from './fixtures/tempo-answers.js';

const [span] = parseTrace(V2_FAILED_ROLE_ADD);
if (span === undefined) throw new Error('the fixture trace has no span');

const tempo = loadProvisionedDatasources().find((ds) => ds.uid === 'tempo');
const provisioned = tracesToProfilesSettings.parse(tempo?.jsonData.tracesToProfiles);

describe('tracesToProfilesQuery', () => {
  test("GIVEN the provisioned settings THEN the span's service selects the CPU profile", () => {
    const query = tracesToProfilesQuery(provisioned, span);
    expect(query).toEqual({
      profileTypeId: 'wall:cpu:nanoseconds:wall:nanoseconds',
      labelSelector: '{service_name="roboshpee"}',
    });
    expect(parseWithGrammar('promql', query?.labelSelector ?? '').errors).toEqual([]);
  });

  test('GIVEN no mapped tag on the span THEN there is no link', () => {
    expect(
      tracesToProfilesQuery({ ...provisioned, tags: [{ key: 'absent.attribute' }] }, span),
    ).toBeUndefined();
  });
});
