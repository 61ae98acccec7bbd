// `npm test` runs this first (pretest), under whatever Node is on PATH: on an older one it
// stops at once with the version needed and the line that gets it, instead of a minute of
// lint followed by a TypeError. Plain JavaScript of old syntax, so that old Nodes can run it.
// Usage: node scripts/check-node.mjs [version]   (default: this Node's; tests pass others)
// The line comes from package.json engines["get-node-24"], which is no engine: npm ignores
// keys it does not know there, and prints the whole engines object when `npm ci` refuses
// this Node (.npmrc engine-strict), so both refusals show the same line.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const required = manifest.engines.node;
const howToGet = manifest.engines['get-node-24'];
const minimum = /^>=(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(required);
if (minimum === null) {
  console.error(
    `scripts/check-node.mjs: package.json engines.node must read ">=MAJOR[.MINOR[.PATCH]]", not "${required}"`,
  );
  process.exit(2);
}

const version = process.argv[2] ?? process.version;
const actual = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
if (actual === null) {
  console.error(
    `scripts/check-node.mjs: expected a Node version such as v24.1.0, not "${version}"`,
  );
  process.exit(2);
}

const parts = (match) => [1, 2, 3].map((index) => Number(match[index] ?? 0));
const [want, have] = [parts(minimum), parts(actual)];
const firstDifference = want.findIndex((part, index) => part !== have[index]);
const tooOld = firstDifference !== -1 && have[firstDifference] < want[firstDifference];
if (tooOld) {
  console.error(
    [
      `This project needs Node ${required} (package.json engines.node); this is Node ${version}.`,
      'Get Node 24 from npm, then run the command again:',
      '',
      `  ${howToGet}`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}
