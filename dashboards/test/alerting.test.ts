import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadComposeDocument } from '../../harness/compose/compose.js';
import { alertRules } from '../../harness/dashboards/extracted-queries.js';
import { asArray, dig } from '../../harness/repo/parsed-document.js';
import { readRepoFile, readRepoYaml, repoPath } from '../../harness/repo/repo.js';
import { ALERTING_DIR } from '../../harness/repo/stack-files.js';
import { RULES } from '../src/alert-rules.js';
import { RUNBOOK_ORDER, RUNBOOKS_DIR, readRunbook } from '../src/runbook.js';

const CONTACT_POINTS = `${ALERTING_DIR}/discord.yaml`;
const WEBHOOK_VARIABLE = 'DISCORD_ALERT_WEBHOOK_URL';
const rules = alertRules();

/** Where compose mounts the dashboards Grafana provisions (compose.yaml, grafana volumes). */
const DASHBOARDS_DIR = 'dashboards/generated';

interface ProvisionedDashboard {
  readonly uid: string;
  readonly panels: ReadonlyArray<{
    readonly id: number;
    readonly type: string;
    readonly title: string;
    readonly options?: { readonly mode?: string; readonly content?: string };
  }>;
}

function provisionedDashboards(): ProvisionedDashboard[] {
  return readdirSync(repoPath(DASHBOARDS_DIR))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readRepoFile(`${DASHBOARDS_DIR}/${name}`)) as ProvisionedDashboard);
}

describe('alert rules', () => {
  it('cover bot down, error ratio, latency, dropped telemetry and backend readiness', () => {
    expect(rules.map((rule) => rule.uid)).toEqual([
      'roboshpee-bot-down',
      'roboshpee-command-errors',
      'roboshpee-command-latency',
      'roboshpee-telemetry-dropped',
      'roboshpee-backend-not-ready',
    ]);
  });

  it('count every way Alloy loses telemetry: refused, send failed, and queue full', () => {
    const dropped = RULES.find((rule) => rule.uid === 'roboshpee-telemetry-dropped')?.expr ?? '';
    for (const items of ['spans', 'metric_points', 'log_records']) {
      for (const counter of [
        'receiver_refused',
        'exporter_send_failed',
        'exporter_enqueue_failed',
      ]) {
        expect(dropped).toContain(`otelcol_${counter}_${items}_total`);
      }
    }
  });

  it.each(rules.map((rule) => [String(rule.title), rule] as const))(
    '"%s" has a condition that is one of its queries, and a summary',
    (_title, rule) => {
      const refIds = asArray(rule.data).map((query) => dig(query, 'refId'));
      expect(refIds).toContain(rule.condition);
      expect(String(dig(rule, 'annotations', 'summary'))).not.toBe('');
    },
  );

  it.each(rules.map((rule) => [String(rule.title), rule] as const))(
    '"%s" has no $ in its labels, which Grafana would fill from its environment',
    (_title, rule) => {
      // File provisioning expands $VARS in rule labels (not in annotations or models).
      expect(JSON.stringify(rule.labels ?? {})).not.toContain('$');
    },
  );

  it.each(rules.map((rule) => [String(rule.title), rule] as const))(
    '"%s" carries a severity a notification policy can route on',
    (_title, rule) => {
      expect(['critical', 'warning']).toContain(dig(rule, 'labels', 'severity'));
    },
  );

  it.each(rules.map((rule) => [String(rule.title), rule] as const))(
    '"%s" has a runbook_url that opens, on the same Grafana, a panel saying what to do',
    (title, rule) => {
      // Followed as a browser would from any page of the user's Grafana.
      const url = new URL(
        String(dig(rule, 'annotations', 'runbook_url')),
        'http://grafana.invalid/',
      );
      expect(url.origin, 'a path on Grafana itself, nothing on the internet').toBe(
        'http://grafana.invalid',
      );
      const [, d, uid] = url.pathname.split('/');
      expect(d).toBe('d');
      const dashboard = provisionedDashboards().find((candidate) => candidate.uid === uid);
      expect(dashboard, `no dashboard with uid ${uid} in ${DASHBOARDS_DIR}`).toBeDefined();
      const panelKey = url.searchParams.get('viewPanel');
      const panel = dashboard?.panels.find((candidate) => `panel-${candidate.id}` === panelKey);
      expect(panel, `${uid}: no panel ${panelKey}`).toBeDefined();
      expect(panel?.type).toBe('text');
      expect(panel?.title).toBe(`Runbook: ${title}`);
      expect(panel?.options?.mode).toBe('markdown');
      // A runbook is steps, not a title: a few sentences at least.
      expect(panel?.options?.content?.split(/\s+/).length ?? 0).toBeGreaterThan(30);
    },
  );

  it("each runbook in dashboards/runbooks is an alert's, and its panel shows the file as written", () => {
    const files = readdirSync(repoPath(RUNBOOKS_DIR)).sort();
    expect(files).toEqual(RUNBOOK_ORDER.map((name) => `${name}.md`).sort());
    const panels =
      provisionedDashboards().find((d) => d.uid === 'roboshpee-runbooks')?.panels ?? [];
    expect(panels.map((panel) => [panel.title, panel.options?.content])).toEqual(
      RUNBOOK_ORDER.map((name) => {
        const runbook = readRunbook(name, repoPath('.'));
        return [runbook.title, runbook.body];
      }),
    );
  });

  it('thresholds are the ones the issue asks for', () => {
    const byUid = new Map(RULES.map((rule) => [rule.uid, rule]));
    expect(byUid.get('roboshpee-command-errors')).toMatchObject({
      threshold: { is: 'gt', value: 0.05 },
      pending: '5m',
    });
    expect(byUid.get('roboshpee-command-latency')).toMatchObject({
      threshold: { is: 'gt', value: 2 },
    });
    expect(byUid.get('roboshpee-bot-down')?.expr).toContain('[2m]');
    expect(byUid.get('roboshpee-command-errors')?.expr).toContain(
      'command_outcome=~"forbidden|error"',
    );
  });
});

describe('alert notifications', () => {
  const config = readRepoYaml(CONTACT_POINTS);
  const contactPoints = asArray(dig(config, 'contactPoints'));

  it('go to a Discord contact point whose webhook URL comes from the environment', () => {
    const receiver = asArray(dig(contactPoints[0], 'receivers'))[0];
    expect(dig(receiver, 'type')).toBe('discord');
    expect(dig(receiver, 'settings', 'url')).toBe(`$${WEBHOOK_VARIABLE}`);
  });

  it('route every alert to that contact point', () => {
    const names = contactPoints.map((point) => dig(point, 'name'));
    expect(names).toContain(dig(asArray(dig(config, 'policies'))[0], 'receiver'));
  });

  it('keep the provisioning folder to files Grafana accepts (it refuses to start on others)', () => {
    const files = readdirSync(repoPath(ALERTING_DIR));
    expect(files.filter((file) => !/\.(ya?ml|json)$/.test(file))).toEqual([]);
  });

  it('never hand Grafana an empty webhook URL: compose gives the variable a non-empty default', () => {
    // Grafana validates a Discord url as non-empty and fails to start otherwise; file
    // provisioning has no default syntax, so compose must supply one when .env has none.
    const grafana = dig(loadComposeDocument(), 'services', 'grafana', 'environment');
    const value = Array.isArray(grafana)
      ? grafana.map(String).find((entry) => entry.startsWith(`${WEBHOOK_VARIABLE}=`))
      : dig(grafana, WEBHOOK_VARIABLE);
    expect(
      String(value),
      `compose.yaml services.grafana.environment needs ${WEBHOOK_VARIABLE}: \${${WEBHOOK_VARIABLE}:-https://discord-alerts-off.invalid/}`,
    ).toMatch(new RegExp(`\\$\\{${WEBHOOK_VARIABLE}:-[^}]+\\}`));
  });
});
