import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumPath, viewDashboards } from '../../../harness/dashboards/dashboard-browser.js';

// Pages in the shape Grafana 13 renders panels (a section per panel, its title in an h2, an
// empty panel's "No data", the error status icon's test id), served on loopback, so the
// browser check's own logic is tested wherever Chromium is, without a Grafana.
const PAGES: Record<string, string> = {
  broken: `<html><body>
    <section data-viz-panel-key="panel-1"><header><h2>Command rate</h2></header><div><p>No data</p></div></section>
    <section data-viz-panel-key="panel-2"><header><h2>Gateway ping</h2><div data-testid="data-testid Panel status error">!</div></header><div>42 ms</div></section>
    <section data-viz-panel-key="panel-3"><header><h2>Members per role</h2></header><div>12</div><p>No data is lost on restart</p></section>
  </body></html>`,
  clean:
    '<html><body><section data-viz-panel-key="panel-1"><h2>Command rate</h2><div>1.2 req/s</div></section></body></html>',
};

let baseUrl = '';
let chromiumMissing: string | undefined;
const server = createServer((request, response) => {
  const uid = /^\/d\/([^?]+)/.exec(request.url ?? '')?.[1] ?? '';
  const page = PAGES[uid];
  response
    .writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html' })
    .end(page ?? 'not found');
});
const screenshots = mkdtempSync(join(tmpdir(), 'dashboard-screenshots-'));

beforeAll(async () => {
  try {
    chromiumPath();
  } catch (error) {
    chromiumMissing = (error as Error).message;
    return;
  }
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(screenshots, { recursive: true, force: true });
});

test('the browser check names the panels that show "No data" or an error, and saves screenshots', async (context) => {
  if (chromiumMissing !== undefined) context.skip(chromiumMissing);
  const views = await viewDashboards(baseUrl, ['broken', 'clean'], screenshots);
  expect(views.map((v) => [v.uid, v.problems])).toEqual([
    ['broken', ['Command rate: No data', 'Gateway ping: error']],
    ['clean', []],
  ]);
  for (const view of views) expect(statSync(view.screenshot).size).toBeGreaterThan(1000);
}, 60_000);
