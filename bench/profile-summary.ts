/**
 * Where a bot's CPU went, per command, from a `--cpu-prof` profile written by
 * `BENCH_CPU_PROF=<dir> npm run bench` (one profile per bot; the bench prints their pids):
 *   node node_modules/.cache/roboshpee-bench/bench/profile-summary.js <profile> <commands> [top]
 * `commands` is what the run served (warm-up included: 2300 in a closed-loop run). Time
 * before the first interaction (startup) is left out. Each sample goes to the nearest frame
 * outside Node's internals: the package (or the bot's directory) that asked for the work.
 * The floor's profile (bench/floor-main.ts) reads the same way, from its first command.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface Profile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: CallFrame;
    readonly children?: readonly number[];
  }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, commandsArgument, topArgument = '25'] = process.argv.slice(2);
if (file === undefined || !(Number(commandsArgument) > 0)) {
  console.error('usage: profile-summary.js <profile.cpuprofile> <commands served> [top]');
  process.exit(1);
}
const commands = Number(commandsArgument);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
const parents = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);

function stackOf(leaf: number): CallFrame[] {
  const stack: CallFrame[] = [];
  for (let id: number | undefined = leaf; id !== undefined; id = parents.get(id)) {
    const frame = frames.get(id);
    if (frame !== undefined) stack.push(frame);
  }
  return stack;
}

function owner(frame: CallFrame): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (dependency?.[1] !== undefined) return dependency[1];
  const own = /bot\/dist\/([^/]+)/.exec(frame.url);
  return own?.[1] === undefined ? frame.url : `bot/${own[1]}`;
}

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
const add = (map: Map<string, number>, key: string, micros: number) =>
  map.set(key, (map.get(key) ?? 0) + micros);
let busy = 0;
let serving = false;
profile.samples.forEach((leaf, index) => {
  const micros = profile.timeDeltas[index + 1] ?? 0;
  const stack = stackOf(leaf);
  // The bot's first interaction, or the floor's first command (floor-telemetry.ts).
  serving ||= stack.some((frame) => /interaction-handler|floor-telemetry/.test(frame.url));
  const [top] = stack;
  if (!serving || top === undefined || top.functionName === '(idle)') return;
  busy += micros;
  const asker = stack.find((frame) => frame.url !== '' && !frame.url.startsWith('node:'));
  add(byOwner, asker === undefined ? top.functionName || '(native)' : owner(asker), micros);
  const where = top.url === '' ? '' : ` ${owner(top)}:${top.lineNumber + 1}`;
  add(byFunction, `${top.functionName || '(anonymous)'}${where}`, micros);
});

const perCommand = (micros: number) => (micros / commands).toFixed(1).padStart(8);
const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(topArgument)))
    console.log(`${perCommand(micros)} µs ${share(micros)}  ${key}`);
};
console.log(`${perCommand(busy)} µs of CPU per command sampled over ${commands} commands`);
print('by the code that asked for it (nearest frame outside Node)', byOwner);
print('self time by function', byFunction);
