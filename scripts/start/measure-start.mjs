/**
 * How fast a start speaks, as a user meets it (a script, not a test: the figures depend on
 * the machine and its load). On a built tree, `npm run demo` five times: the time to npm's
 * first line and to the bot's first line, then Ctrl-C; and `LOG_LEVEL=verbose npm run demo`
 * five times: the time to its exit. Prints the medians, each run, and the load average.
 *
 *   node scripts/start/measure-start.mjs
 *
 * Output is not a terminal here, so the bot writes JSON: its first line is the first that
 * starts with `{`. Run from the repository root, with the bot built (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const RUNS = 5;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Milliseconds until `until(line)` holds for a line of stdout or stderr, or until exit. */
function timeRun(env, until) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(npm, ['run', 'demo'], {
      env: { ...process.env, ROBOSHPEE_HEALTH_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const times = { firstLine: undefined, matched: undefined, exit: undefined, code: undefined };
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const at = performance.now() - started;
        times.firstLine ??= at;
        if (times.matched === undefined && until(line)) {
          times.matched = at;
          // Ctrl-C to npm and the bot alike, as a terminal sends it to the foreground group.
          process.kill(-child.pid, 'SIGINT');
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      times.exit = performance.now() - started;
      times.code = code;
      resolve(times);
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => (value === undefined ? '-' : `${Math.round(value)} ms`);

console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);

const demo = [];
for (let run = 0; run < RUNS; run += 1) {
  demo.push(await timeRun({}, (line) => line.startsWith('{')));
}
const bad = [];
for (let run = 0; run < RUNS; run += 1) {
  bad.push(await timeRun({ LOG_LEVEL: 'verbose' }, () => false));
}

console.log(
  `load average after:  ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log('');
console.log(`npm run demo, built tree (${RUNS} runs, median):`);
console.log(`  npm's first line        ${ms(median(demo.map((t) => t.firstLine)))}`);
console.log(`  the bot's first line    ${ms(median(demo.map((t) => t.matched)))}`);
console.log(`  runs: ${demo.map((t) => ms(t.matched)).join(', ')}`);
console.log(`LOG_LEVEL=verbose npm run demo (${RUNS} runs, median):`);
console.log(
  `  exit                    ${ms(median(bad.map((t) => t.exit)))} (exit codes ${bad.map((t) => t.code).join(', ')})`,
);
console.log(`  runs: ${bad.map((t) => ms(t.exit)).join(', ')}`);
