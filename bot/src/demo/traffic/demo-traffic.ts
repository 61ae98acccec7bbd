import { type DiscordDouble, type DoubleLogger, SeededRandom } from '@roboshpee/discord-double';
import { nextScenario, type TrafficKind, type TrafficStep } from './scenarios.js';

export interface DemoTrafficOptions {
  /** Interactions per second (0 to 1000); 0 sends nothing. */
  readonly ratePerSecond: number;
  /** Seeds who does what; one seed, one sequence of interactions. Default 1. */
  readonly seed?: number;
  /** Interactions waiting for the bot at most; a tick beyond that is skipped (and counted). Default 16. */
  readonly maxInFlight?: number;
  /** Stops on its own after this many interactions. Default: no limit. */
  readonly limit?: number;
  /** How long each interaction waits for the bot. Default: the double's callback timeout. */
  readonly timeoutMs?: number;
  readonly logger?: DoubleLogger;
}

export interface TrafficStats {
  readonly sent: number;
  readonly answered: number;
  /** No answer in time, or the bot was not connected. */
  readonly unanswered: number;
  /** Ticks dropped because `maxInFlight` interactions were still waiting. */
  readonly skipped: number;
  /** Interactions that carry a deliberate user mistake. */
  readonly mistakes: number;
  readonly byKind: Readonly<Record<TrafficKind, number>>;
}

export interface DemoTraffic {
  stats(): TrafficStats;
  /** Stops sending and waits for the interactions in flight (each bounded by its timeout). */
  stop(): Promise<void>;
}

const MAX_RATE = 1000;
/** Members typing at once: their keystrokes and commands interleave. */
const CONCURRENT_MEMBERS = 3;

/**
 * Sends generated member activity to the double's bot at a steady rate: autocomplete
 * keystrokes, /role add|remove|list|create, /age, /help, with realistic mistakes.
 */
export function startDemoTraffic(double: DiscordDouble, options: DemoTrafficOptions): DemoTraffic {
  const rate = options.ratePerSecond;
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_RATE) {
    throw new RangeError(`ratePerSecond must be a number from 0 to ${MAX_RATE}, got ${rate}`);
  }
  const maxInFlight = options.maxInFlight ?? 16;
  const sendOptions = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  const random = new SeededRandom(options.seed ?? 1);
  const guild = {
    id: double.guildId,
    botUserId: double.botUserId,
    roles: () => double.guild.roles(),
    members: () => double.guild.members(),
    botTopPosition: () => double.guild.botTopPosition(),
  };
  const lanes: TrafficStep[][] = Array.from({ length: CONCURRENT_MEMBERS }, () => []);
  const inFlight = new Set<Promise<void>>();
  const byKind: Record<TrafficKind, number> = {
    autocomplete: 0,
    'role add': 0,
    'role remove': 0,
    'role list': 0,
    'role create': 0,
    age: 0,
    help: 0,
  };
  let sent = 0;
  let answered = 0;
  let unanswered = 0;
  let skipped = 0;
  let mistakes = 0;
  let stopped = rate === 0;
  let timer: NodeJS.Timeout | undefined;
  let warnedDisconnected = false;

  const nextStep = (): TrafficStep => {
    const lane = random.pick(lanes);
    if (lane.length === 0) lane.push(...nextScenario(random, guild));
    return lane.shift() as TrafficStep;
  };

  const tick = (): void => {
    if (inFlight.size >= maxInFlight) {
      skipped += 1;
      return;
    }
    const step = nextStep();
    sent += 1;
    byKind[step.kind] += 1;
    if (step.mistake !== undefined) mistakes += 1;
    const flight = double.sendInteraction(step.request, sendOptions).then(
      () => {
        answered += 1;
      },
      (error: unknown) => {
        unanswered += 1;
        if (!warnedDisconnected) {
          warnedDisconnected = true;
          options.logger?.warn(
            { err: String(error) },
            'demo traffic: an interaction got no answer',
          );
        }
      },
    );
    inFlight.add(flight);
    void flight.finally(() => inFlight.delete(flight));
  };

  // Due times from the start, not from the last tick, so the rate does not drift.
  const intervalMs = rate > 0 ? 1000 / rate : 0;
  const startedAt = performance.now();
  let ticks = 0;
  const schedule = (): void => {
    if (stopped) return;
    ticks += 1;
    const due = startedAt + ticks * intervalMs;
    timer = setTimeout(
      () => {
        if (stopped) return;
        tick();
        if (options.limit !== undefined && sent >= options.limit) stopped = true;
        schedule();
      },
      Math.max(0, due - performance.now()),
    );
  };
  if (!stopped) {
    options.logger?.info({ ratePerSecond: rate }, 'demo traffic started');
    schedule();
  }

  const stats = (): TrafficStats => ({
    sent,
    answered,
    unanswered,
    skipped,
    mistakes,
    byKind: { ...byKind },
  });
  return {
    stats,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
      if (rate > 0) options.logger?.info(stats(), 'demo traffic stopped');
    },
  };
}
