/**
 * A Discord API double for discord.js bots' tests: REST, gateway and a control API on one
 * HTTP server on 127.0.0.1. Point the client at `apiUrl`, log in with `token`, send
 * interactions, read what the bot called, inject Discord's failures. README.md shows how.
 */
export type { RecordedCall } from './call-log.js';
export type { CommandCatalog } from './command-catalog.js';
export type {
  ButtonRequest,
  ComponentRequest,
  ModalRequest,
  SelectRequest,
} from './component-interaction.js';
export { type ControlAnswer, type ControlRequest, NoBotConnected } from './control-api.js';
export type { ControlFault } from './control-faults.js';
export { defaultGuildFixture } from './default-guild.js';
export type {
  AnyInteractionRequest,
  DiscordDouble,
  DiscordDoubleOptions,
  DoubleLogger,
} from './discord-double.js';
export { RecordingOff, startDiscordDouble } from './discord-double.js';
export { DISCORD_ERRORS, type DiscordError } from './discord-errors.js';
export type { FailureRates, ScriptedFault } from './fault-injector.js';
export { DEMO_FAILURES, NO_FAILURES } from './fault-injector.js';
export {
  fixtureMember,
  fixtureRole,
  type GuildFixture,
  type RoleSpec,
} from './guild-fixture.js';
export type { GuildState } from './guild-state.js';
export { type InteractionRequest, InvalidInteractionRequest } from './interaction-payload.js';
export { CallbackTimeout, type InteractionResult } from './interaction-registry.js';
export type { MessagePayload } from './message-payload.js';
export { SeededRandom } from './seeded-random.js';
export { snowflakeAt } from './snowflake.js';
