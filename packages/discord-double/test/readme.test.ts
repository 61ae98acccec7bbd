import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { type DiscordRouteContext, discordRoutes } from '../src/discord-routes.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('GIVEN the routes the double serves THEN the README table names each, with its method', () => {
  // Building the table reads nothing from the context; only answering a call would.
  const routes = discordRoutes({} as DiscordRouteContext);
  const table = README.slice(
    README.indexOf('## What it serves'),
    README.indexOf('### Anything else'),
  );
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));
  const unlisted = routes
    .map((route) => ({ method: route.method, path: route.template.replace(/:(\w+)/g, '{$1}') }))
    .filter(
      ({ method, path }) =>
        !rows.some((row) => row.includes(` ${path}\``) && new RegExp(`\\b${method}\\b`).test(row)),
    );
  expect(routes.length).toBeGreaterThan(20);
  expect(unlisted).toEqual([]);
});
