import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { viewDashboards } from '../support/dashboard-browser.js';

const PAGES: Record<string, string> = {
  broken: `<html><body>
    <section data-viz-panel-key="p1"><h2>Command rate</h2><div><div>No data</div></div></section>
    <section data-viz-panel-key="p2"><h2>Gateway ping</h2><div data-testid="data-testid Panel status error">!</div><div>42</div></section>
    <section data-viz-panel-key="p3"><h2>Fine</h2><div>12 ms</div><p>No data here is prose</p></section>
  </body></html>`,
  clean: `<html><body><section><h2>All good</h2><div>1.2 req/s</div></section></body></html>`,
};

test('viewDashboards finds "No data" and error panels by title and saves screenshots', async () => {
  const server = createServer((req, res) => {
    const uid = /\/d\/([^?]+)/.exec(req.url ?? '')?.[1] ?? '';
    res.writeHead(PAGES[uid] ? 200 : 404, { 'content-type': 'text/html' }).end(PAGES[uid] ?? 'nope');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    const views = await viewDashboards(`http://127.0.0.1:${port}`, ['broken', 'clean'], '/tmp/it-screens');
    console.log(JSON.stringify(views, null, 1));
    expect(views[0]?.problems).toEqual(['Command rate: No data', 'Gateway ping: error']);
    expect(views[1]?.problems).toEqual([]);
  } finally {
    server.close();
  }
}, 120_000);
