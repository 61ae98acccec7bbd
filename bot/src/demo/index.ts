/**
 * Demo mode: a local Discord API double (REST, gateway and control API on one HTTP server)
 * that the real discord.js client logs in to, and a traffic generator that drives
 * interactions through it. main.ts wires them; shut down in the order traffic, bot, double.
 */
export type { RecordedCall } from './double/call-log.js';
export type {
  DiscordDouble,
  DiscordDoubleOptions,
  DoubleLogger,
} from './double/discord-double.js';
export { startDiscordDouble } from './double/discord-double.js';
export type { FailureRates, ScriptedFault } from './double/fault-injector.js';
export { DEMO_FAILURES, NO_FAILURES } from './double/fault-injector.js';
export type { GuildState } from './double/guild-state.js';
export type { InteractionRequest } from './double/interaction-payload.js';
export type { InteractionResult } from './double/interaction-registry.js';
export { GAME_ROLE_COLOR, type GuildFixture } from './fixture/guild-fixture.js';
export type { DemoTraffic, DemoTrafficOptions, TrafficStats } from './traffic/demo-traffic.js';
export { startDemoTraffic } from './traffic/demo-traffic.js';
