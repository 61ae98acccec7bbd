import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
  type Panel,
  RowBuilder,
} from '@grafana/grafana-foundation-sdk/dashboard';

/** Tag shared by the generated dashboards, so each links to the others. */
const TAG = 'roboshpee';

/** The settings every generated dashboard shares: fixed uid, tags, read-only, time range. */
export function roboshpeeDashboard(
  uid: string,
  title: string,
  description: string,
): DashboardBuilder {
  return (
    new DashboardBuilder(title)
      .uid(uid)
      .description(description)
      .tags([TAG, 'generated'])
      // Provisioned from files: edits belong in dashboards/src, not in the UI.
      .readonly()
      .tooltip(DashboardCursorSync.Crosshair)
      .refresh('30s')
      .time({ from: 'now-1h', to: 'now' })
      .timezone('browser')
      .link(
        new DashboardLinkBuilder('RoboShpee dashboards')
          .type(DashboardLinkType.Dashboards)
          .tags([TAG])
          .asDropdown(true)
          .includeVars(true)
          .keepTime(true),
      )
  );
}

/** Adds each titled row and its panels, in order. */
export function withRows(
  builder: DashboardBuilder,
  rows: Readonly<Record<string, readonly cog.Builder<Panel>[]>>,
): DashboardBuilder {
  for (const [title, panels] of Object.entries(rows)) {
    builder.withRow(new RowBuilder(title));
    for (const panel of panels) builder.withPanel(panel);
  }
  return builder;
}
