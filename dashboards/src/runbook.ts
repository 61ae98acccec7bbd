import { readFileSync } from 'node:fs';
import { RUNBOOKS_UID } from './dashboard-uids.js';

/**
 * Where a person reads what to do about an alert: a panel of the Runbooks dashboard, which
 * the stack provisions into the user's own Grafana, so the link opens offline and needs no
 * editing. The text is dashboards/runbooks/<name>.md (readable on GitHub too), one panel each.
 *
 * The link is a path on Grafana itself: the alert view opens it on the Grafana it is shown
 * in, whatever GRAFANA_ROOT_URL says (the same as the rules' `dashboard` annotation).
 */

/** The runbooks in the dashboard's order; a runbook's panel id is its place here, from 1. */
export const RUNBOOK_ORDER = [
  'bot-down',
  'command-error-ratio',
  'command-latency',
  'telemetry-dropped',
  'backend-not-ready',
] as const;

/** A runbook's file under dashboards/runbooks, without `.md`. */
export type RunbookName = (typeof RUNBOOK_ORDER)[number];

export const runbookPanelId = (name: RunbookName): number => RUNBOOK_ORDER.indexOf(name) + 1;

/** Grafana's own form of a one-panel view (`viewPanel=panel-<id>`). */
export const runbookUrl = (name: RunbookName): string =>
  `/d/${RUNBOOKS_UID}/runbooks?viewPanel=panel-${runbookPanelId(name)}`;

export const RUNBOOKS_DIR = 'dashboards/runbooks';

export interface Runbook {
  /** The file's first heading, without `# `. */
  readonly title: string;
  /** The rest of the file: Markdown, as a text panel renders it. */
  readonly body: string;
}

/** A runbook as written (`npm run dashboards:generate` runs from the repository root). */
export function readRunbook(name: RunbookName, root = process.cwd()): Runbook {
  const text = readFileSync(`${root}/${RUNBOOKS_DIR}/${name}.md`, 'utf8');
  const heading = /^# (.+)\n/.exec(text);
  if (heading?.[1] === undefined)
    throw new Error(`${RUNBOOKS_DIR}/${name}.md: expected a "# " title first`);
  return { title: heading[1], body: text.slice(heading[0].length).trim() };
}
