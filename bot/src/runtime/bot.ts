import { once } from 'node:events';
import { type Client, Events } from 'discord.js';
import type { Logger } from 'pino';
import { commandDefinitions, commandHelp, commands } from '../commands/registry.js';
import { describeError } from '../discord/discord-error.js';
import { snapshotGuild } from '../discord/guild-snapshot.js';
import { watchDiscordClient } from './discord-client-metrics.js';
import { logGatewayState } from './gateway-log.js';
import { InFlight } from './in-flight.js';
import { createInteractionHandler } from './interaction-handler.js';

export interface BotOptions {
  readonly client: Client;
  readonly roleColor: number;
  readonly logger: Logger;
  /** How long a command may take before its reply is deferred (tests shorten it). */
  readonly deferAfterMs?: number;
}

export interface RunningBot {
  /** Interactions being handled right now. */
  readonly inFlight: () => number;
  /**
   * Answer new interactions "restarting", wait for those in flight, then stop taking any and
   * disconnect.
   */
  stop(): Promise<void>;
}

/** Wires the interaction handler, logging and client metrics to a client, then logs in and waits for Ready. */
export async function startBot(options: BotOptions, token: string): Promise<RunningBot> {
  const { client, logger, roleColor } = options;
  const inFlight = new InFlight();
  // Interactions answered "restarting" during shutdown: apart, so that the wait for the
  // commands in flight cannot be prolonged by new arrivals.
  const turnedAway = new InFlight();
  let stopping = false;
  const handle = createInteractionHandler({
    commands,
    help: commandHelp(commandDefinitions()),
    roleColor,
    logger,
    isStopping: () => stopping,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
  const onInteraction = (interaction: Parameters<typeof handle>[0]) =>
    (stopping ? turnedAway : inFlight).track(handle(interaction));
  // Without an `error` listener an emitted error would be thrown and end the process.
  const onError = (error: Error) =>
    logger.error({ error: describeError(error) }, 'Discord client error');
  const onWarn = (message: string) => logger.warn(message);
  const stopWatching = watchDiscordClient(client, {
    manageableRoles: (guild) => snapshotGuild(guild, roleColor).manageable,
  });

  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.Error, onError);
  client.on(Events.Warn, onWarn);
  const stopGatewayLog = logGatewayState(client, logger);
  // login() resolves once the gateway is connected; the guilds arrive just before Ready.
  const [ready] = await Promise.all([once(client, Events.ClientReady), client.login(token)]);
  const user = (ready[0] as Client<true>).user;
  logger.info({ user: user.tag, guilds: client.guilds.cache.size }, 'connected to Discord');

  async function shutDown(): Promise<void> {
    stopping = true;
    await inFlight.drain();
    client.off(Events.InteractionCreate, onInteraction);
    await turnedAway.drain();
    stopWatching();
    stopGatewayLog();
    await client.destroy();
    client.off(Events.Error, onError);
    client.off(Events.Warn, onWarn);
  }
  let stopped: Promise<void> | undefined;
  return {
    inFlight: () => inFlight.size,
    stop: () => {
      stopped ??= shutDown();
      return stopped;
    },
  };
}
