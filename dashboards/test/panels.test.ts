import { describe, expect, it } from 'vitest';
import { panelsOf } from '../../harness/dashboards/extracted-queries.js';
import { generatedDashboards } from '../../harness/dashboards/generated-dashboards.js';
import { asArray, dig } from '../../harness/repo/parsed-document.js';
import {
  BOT_OVERVIEW_UID,
  BOT_RUNTIME_UID,
  RUNBOOKS_UID,
  STACK_HEALTH_UID,
} from '../src/dashboard-uids.js';

const dashboards = generatedDashboards();
const panels = dashboards.flatMap((dashboard) =>
  panelsOf(dashboard).map(
    (panel) => [`${String(dashboard.json.title)} / "${String(panel.title)}"`, panel] as const,
  ),
);
/**
 * Units of panels that judge health (latencies, ratios, up/down): these need limits that
 * colour them. Throughput panels (items per second, members per role) have no natural limit.
 */
const JUDGED_UNITS = new Set(['s', 'percentunit', 'bool']);
const stepsOf = (panel: Record<string, unknown>): unknown[] =>
  asArray(dig(panel, 'fieldConfig', 'defaults', 'thresholds', 'steps'));

describe('dashboards', () => {
  it('have the fixed uids that links and alert annotations use', () => {
    expect(dashboards.map((dashboard) => dashboard.json.uid).sort()).toEqual(
      [BOT_OVERVIEW_UID, BOT_RUNTIME_UID, STACK_HEALTH_UID, RUNBOOKS_UID].sort(),
    );
  });

  it.each(dashboards.map((dashboard) => [dashboard.file, dashboard.json] as const))(
    '%s has a title and a description',
    (_file, json) => {
      expect(String(json.title)).not.toBe('');
      expect(String(json.description ?? '')).not.toBe('');
    },
  );

  it.each(
    dashboards
      // The stack's own health and the runbooks are about no one bot instance.
      .filter((dashboard) => ![STACK_HEALTH_UID, RUNBOOKS_UID].includes(String(dashboard.json.uid)))
      .map((dashboard) => [dashboard.file, dashboard.json] as const),
  )('%s can be filtered by environment and instance', (_file, json) => {
    const names = asArray(dig(json, 'templating', 'list')).map((variable) => dig(variable, 'name'));
    expect(names.slice(0, 2)).toEqual(['environment', 'instance']);
  });

  it('bot-overview.json splits the gateway ping by shard, with a shard variable', () => {
    const overview = dashboards.find((dashboard) => dashboard.file === 'bot-overview.json');
    const names = asArray(dig(overview?.json, 'templating', 'list')).map((variable) =>
      dig(variable, 'name'),
    );
    expect(names).toContain('shard');
    const ping = panels.find(([where]) => where.endsWith('"Gateway ping"'))?.[1];
    const expr = String(dig(asArray(dig(ping, 'targets'))[0], 'expr'));
    expect(expr).toContain('by (instance, discord_shard_id)');
    expect(expr).toContain('discord_shard_id=~"$shard"');
  });
});

describe('panels', () => {
  it.each(panels)('%s has a description and a unit', (_where, panel) => {
    expect(String(panel.description ?? '')).not.toBe('');
    expect(String(dig(panel, 'fieldConfig', 'defaults', 'unit') ?? '')).not.toBe('');
  });

  it.each(
    panels.filter(([, panel]) =>
      JUDGED_UNITS.has(String(dig(panel, 'fieldConfig', 'defaults', 'unit'))),
    ),
  )('%s judges its values with thresholds', (_where, panel) => {
    expect(stepsOf(panel).length).toBeGreaterThan(1);
  });

  it.each(panels.filter(([, panel]) => stepsOf(panel).length > 1))(
    '%s has thresholds in ascending order',
    (_where, panel) => {
      const values = stepsOf(panel)
        .slice(1)
        .map((step) => Number(dig(step, 'value')));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    },
  );

  it.each(panels.filter(([, panel]) => panel.type !== 'nodeGraph'))(
    '%s links to Explore with its own query and datasource',
    (_where, panel) => {
      const url = String(dig(asArray(panel.links)[0], 'url'));
      expect(url).toMatch(/^\/explore\?/);
      const pane = decodeURIComponent(url.replace(/^.*panes=/, '')).replaceAll(
        /\$\{(\w+)(:\w+)?\}/g,
        '$$$1',
      );
      const state = JSON.parse(pane) as unknown;
      const query = dig(state, 'panel', 'queries', '0');
      const target = asArray(panel.targets)[0];
      expect(dig(query, 'datasource', 'uid')).toBe(dig(panel, 'datasource', 'uid'));
      const text = (q: unknown) => dig(q, 'expr') ?? dig(q, 'query') ?? dig(q, 'labelSelector');
      expect(text(query)).toBeDefined();
      expect(text(query)).toBe(text(target));
      expect(dig(query, 'profileTypeId')).toBe(dig(target, 'profileTypeId'));
    },
  );
});
