import { type Client, Events } from 'discord.js';
import type { Logger } from 'pino';

/**
 * Logs the gateway connection's changes: discord.js reconnects on its own, silently, and an
 * operator wants to know that the bot was deaf for a while or, after a close it cannot
 * recover from (a revoked token, an intent not enabled), for good. Returns a function that
 * stops logging, to call before the client is destroyed (which reconnects one last time).
 */
export function logGatewayState(client: Client, logger: Logger): () => void {
  let lostAt: number | undefined;
  const onReconnecting = (shard: number) => {
    lostAt ??= performance.now();
    logger.warn({ shard }, 'Discord gateway connection lost; reconnecting');
  };
  const onBack = (shard: number) => {
    if (lostAt === undefined) return;
    const downMs = Math.round(performance.now() - lostAt);
    lostAt = undefined;
    logger.info({ shard, downMs }, 'Discord gateway reconnected');
  };
  const onDisconnect = (event: { code: number }, shard: number) =>
    logger.error(
      { shard, code: event.code },
      'Discord gateway closed and will not reconnect; restart the bot once the cause is fixed',
    );
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardReady, onBack);
  client.on(Events.ShardResume, onBack);
  client.on(Events.ShardDisconnect, onDisconnect);
  return () => {
    client.off(Events.ShardReconnecting, onReconnecting);
    client.off(Events.ShardReady, onBack);
    client.off(Events.ShardResume, onBack);
    client.off(Events.ShardDisconnect, onDisconnect);
  };
}
