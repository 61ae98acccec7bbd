/**
 * `npm run bench`: what telemetry costs the bot, and whether it loses anything.
 * 1. The demo bot, telemetry off (OTEL_SDK_DISABLED) then on (OTLP/gRPC to a local
 *    receiver, logs too), alternating: closed-loop throughput and CPU per command.
 * 2. Telemetry on at a sustained rate for 60 s: spans the bot started (its SDK's own
 *    `otel.sdk.span.started`) against spans the receiver got, after a SIGTERM flush.
 * 3. Telemetry on, profiling off then on (uploads to a local Pyroscope stand-in),
 *    alternating like phase 1: what continuous profiling adds.
 * Loopback only; one bot process at a time. BENCH_SECONDS shortens phase 2 for a trial.
 */
import { isInteractionLine } from '../bot/test/support/interaction-line.js';
import { DemoBot } from '../bot/test/telemetry/support/demo-bot.js';
import { OtlpReceiver } from '../bot/test/telemetry/support/otlp-receiver.js';
import { PyroscopeReceiver } from '../bot/test/telemetry/support/pyroscope-receiver.js';
import { closedLoop, openLoop } from './load.js';
import { type ProcessSample, sampleProcess } from './process-stats.js';

const WARMUP = 200;
const COMMANDS = 1000;
const CONCURRENCY = 16;
/** Off and on alternate, and the medians are reported: the machine is shared and noisy. */
const ROUNDS = 3;
const RATE_PER_SECOND = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

interface Throughput {
  readonly commandsPerSecond: number;
  readonly cpuMicrosPerCommand: number;
  readonly start: ProcessSample;
  readonly end: ProcessSample;
}

async function throughput(env: Record<string, string>): Promise<Throughput> {
  const bot = await DemoBot.start(env);
  try {
    await closedLoop(bot, WARMUP, CONCURRENCY);
    const start = await sampleProcess(bot.pid);
    const began = performance.now();
    await closedLoop(bot, COMMANDS, CONCURRENCY);
    const seconds = (performance.now() - began) / 1000;
    const end = await sampleProcess(bot.pid);
    return {
      commandsPerSecond: COMMANDS / seconds,
      cpuMicrosPerCommand: (end.cpuMicros - start.cpuMicros) / COMMANDS,
      start,
      end,
    };
  } finally {
    await bot.stop('SIGKILL');
  }
}

function median(runs: readonly Throughput[], pick: (run: Throughput) => number): number {
  const sorted = runs.map(pick).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const row = (label: string, ...cells: string[]) =>
  console.log(label.padEnd(34) + cells.map((cell) => cell.padStart(22)).join(''));

const receiver = await new OtlpReceiver().start(0);
const exporting = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, ROBOSHPEE_OTLP_LOGS: 'true' };

console.log(
  `node ${process.version}; ${ROUNDS} rounds of ${WARMUP} warm-up + ${COMMANDS} /role list, ` +
    `${CONCURRENCY} in flight; medians`,
);
const offRuns: Throughput[] = [];
const onRuns: Throughput[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  offRuns.push(await throughput({ OTEL_SDK_DISABLED: 'true' }));
  onRuns.push(await throughput(exporting));
}
const rate = (run: Throughput) => run.commandsPerSecond;
const cpu = (run: Throughput) => run.cpuMicrosPerCommand;
const rss = (runs: readonly Throughput[]) =>
  `${mib(median(runs, (run) => run.start.rssBytes))} -> ${mib(median(runs, (run) => run.end.rssBytes))}`;
row('', 'telemetry off', 'telemetry on');
row('commands/s', median(offRuns, rate).toFixed(0), median(onRuns, rate).toFixed(0));
row('bot CPU per command (µs)', median(offRuns, cpu).toFixed(0), median(onRuns, cpu).toFixed(0));
row('RSS before -> after a run', rss(offRuns), rss(onRuns));
console.log(
  `cost per command: ${(median(onRuns, cpu) - median(offRuns, cpu)).toFixed(0)} µs of bot CPU; ` +
    `${((1 / median(onRuns, rate) - 1 / median(offRuns, rate)) * 1e6).toFixed(0)} µs of wall time at full load`,
);

receiver.clear();
const bot = await DemoBot.start({ ...exporting, OTEL_NODE_EXPERIMENTAL_SDK_METRICS: 'true' });
const before = await sampleProcess(bot.pid);
const traceIds = await openLoop(bot, RATE_PER_SECOND, SECONDS);
const after = await sampleProcess(bot.pid);
const exitCode = await bot.stop('SIGTERM');

const started = receiver.metrics.filter((metric) => metric.name === 'otel.sdk.span.started').at(-1);
const produced = (started?.points ?? [])
  .filter((point) => point.attributes['otel.span.sampling_result'] === 'RECORD_AND_SAMPLE')
  .reduce((sum, point) => sum + (point.value ?? 0), 0);
const answered = new Set(traceIds.filter((id) => id !== null));
const roots = new Set(
  receiver.spans
    .filter((span) => span.parentSpanId === '' && answered.has(span.traceId))
    .map((span) => span.traceId),
);
const interactionLogs = receiver.logs.filter((record) =>
  isInteractionLine({ ...record.attributes, msg: record.body }),
).length;

console.log(
  `\nsustained: ${RATE_PER_SECOND} /role list per second for ${SECONDS} s, then SIGTERM (exit ${exitCode})`,
);
row('interactions sent / answered', `${traceIds.length} / ${answered.size}`);
row('spans produced / received', `${produced} / ${receiver.spans.length}`);
row('spans lost', String(produced - receiver.spans.length));
row('interaction traces received', `${roots.size} / ${answered.size}`);
row('interaction log records received', `${interactionLogs} / ${answered.size}`);
row('bot RSS start -> end', `${mib(before.rssBytes)} -> ${mib(after.rssBytes)}`);

// Phase 3. One upload a second, ten times compose's rate, so that uploads fall inside the
// measured runs: an upper bound on what profiling costs.
const pyroscope = await new PyroscopeReceiver().start();
const profiling = {
  ...exporting,
  ROBOSHPEE_PROFILING: 'true',
  PYROSCOPE_SERVER_ADDRESS: pyroscope.endpoint,
  PYROSCOPE_FLUSH_INTERVAL_MS: '1000',
};
const unprofiledRuns: Throughput[] = [];
const profiledRuns: Throughput[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  unprofiledRuns.push(await throughput(exporting));
  profiledRuns.push(await throughput(profiling));
}
console.log(`
profiling: ${ROUNDS} rounds as above, telemetry on, one CPU + heap upload a second`);
row('', 'profiling off', 'profiling on', 'on / off');
const ratio = (pick: (run: Throughput) => number) =>
  (median(profiledRuns, pick) / median(unprofiledRuns, pick)).toFixed(2);
row(
  'commands/s',
  median(unprofiledRuns, rate).toFixed(0),
  median(profiledRuns, rate).toFixed(0),
  ratio(rate),
);
row(
  'bot CPU per command (µs)',
  median(unprofiledRuns, cpu).toFixed(0),
  median(profiledRuns, cpu).toFixed(0),
  ratio(cpu),
);
row('RSS before -> after a run', rss(unprofiledRuns), rss(profiledRuns));
row('profiles received', '', String(pyroscope.profiles.length));
await pyroscope.stop();

await receiver.stop();
