import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where the browser check finds Chromium: `CHROMIUM_PATH`, else Debian's package path. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `no Chromium at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
    );
  }
  return path;
}

export interface DashboardView {
  readonly uid: string;
  readonly screenshot: string;
  /** Panels that show "No data" or an error, by title where Grafana exposes one. */
  readonly problems: readonly string[];
}

/** Enough 1,000-pixel wheel steps to reach the end of the longest provisioned dashboard. */
const SCROLL_STEPS = 20;

// Grafana marks a failed panel with this test id (its error icon in the panel header).
const PANEL_ERROR = '[data-testid*="Panel status error"]';

/** The little of the DOM the panel-title lookup uses (this project compiles without DOM types). */
interface PageElement {
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/** Runs in the page: the title of the panel around an element, for the failure message. */
function panelTitle(element: PageElement): string {
  const panel = element.closest('[data-viz-panel-key], [data-panelid], section');
  const header = panel?.querySelector('h2, [data-testid*="Panel header"]');
  return header?.textContent?.trim() || panel?.getAttribute('aria-label') || '(panel)';
}

/**
 * Opens each dashboard as an anonymous visitor would, in a viewport tall enough that every
 * panel renders (Grafana loads panels lazily), waits for the queries to settle, and saves a
 * full-page screenshot.
 */
export async function viewDashboards(
  grafanaUrl: string,
  uids: readonly string[],
  screenshotDir: string,
): Promise<DashboardView[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 3200 } });
    const views: DashboardView[] = [];
    for (const uid of uids) {
      await page.goto(
        `${grafanaUrl}/d/${encodeURIComponent(uid)}?orgId=1&from=now-15m&to=now&kiosk`,
        { waitUntil: 'networkidle', timeout: 120_000 },
      );
      // Grafana loads a panel only once it scrolls into view: scroll to the bottom so that
      // every panel queries, then let the queries and streaming (Tempo search) settle.
      await page.mouse.move(800, 400);
      for (let step = 0; step < SCROLL_STEPS; step += 1) {
        await page.mouse.wheel(0, 1_000);
        await page.waitForTimeout(100);
      }
      await page.waitForLoadState('networkidle', { timeout: 120_000 });
      await page.waitForTimeout(3_000);
      const problems: string[] = [];
      for (const [locator, what] of [
        [page.getByText('No data', { exact: true }), 'No data'],
        [page.locator(PANEL_ERROR), 'error'],
      ] as const) {
        for (const element of await locator.all()) {
          problems.push(`${await element.evaluate(panelTitle)}: ${what}`);
        }
      }
      const screenshot = join(screenshotDir, `${uid}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      views.push({ uid, screenshot, problems });
    }
    return views;
  } finally {
    await browser.close();
  }
}
