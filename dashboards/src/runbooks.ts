import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { TextMode, PanelBuilder as TextPanelBuilder } from '@grafana/grafana-foundation-sdk/text';
import { roboshpeeDashboard } from './dashboard-defaults.js';
import { RUNBOOKS_UID } from './dashboard-uids.js';
import { RUNBOOK_ORDER, readRunbook, runbookPanelId } from './runbook.js';

/** The Runbooks dashboard: one Markdown panel per alert's runbook, each reached by its id. */
export function runbooks(): Dashboard {
  const builder = roboshpeeDashboard(
    RUNBOOKS_UID,
    'RoboShpee runbooks',
    'What to do when a RoboShpee alert fires: each alert links to its panel here.',
  );
  for (const name of RUNBOOK_ORDER) {
    const { title, body } = readRunbook(name);
    builder.withPanel(
      new TextPanelBuilder()
        .id(runbookPanelId(name))
        .title(title)
        .mode(TextMode.Markdown)
        .content(body)
        .span(24)
        .height(9),
    );
  }
  return builder.build();
}
