import { metrics, type ObservableResult } from '@opentelemetry/api';
import type { Client, Guild } from 'discord.js';
import { ATTR } from '../contract/attributes.js';
import { METRICS } from '../contract/bot-metrics.js';
import { routeClass } from '../telemetry/discord-route.js';
import { counterFrom, observableGaugeFrom, SCOPE } from '../telemetry/instruments.js';

/** A manageable role as the bot's core sees it; members are counted from the client cache. */
export interface ManageableRoleRef {
  readonly id: string;
  readonly name: string;
}

export interface DiscordClientWatchOptions {
  /** The manageable roles of a guild (the core's rule); their member counts become a gauge. */
  readonly manageableRoles: (guild: Guild) => Iterable<ManageableRoleRef>;
}

/**
 * Discord-client-level metrics: gateway ping per shard, REST errors and rate limits by route class,
 * members per manageable role. Call once after creating the client (before or after login);
 * the returned function stops watching.
 */
export function watchDiscordClient(client: Client, options: DiscordClientWatchOptions): () => void {
  const meter = metrics.getMeter(SCOPE);
  const apiErrors = counterFrom(meter, METRICS.discordApiErrors);
  const rateLimits = counterFrom(meter, METRICS.discordRateLimits);
  const gatewayPing = observableGaugeFrom(meter, METRICS.gatewayPing);
  const roleMembers = observableGaugeFrom(meter, METRICS.roleMembers);

  const observePing = (result: ObservableResult) => {
    for (const shard of client.ws.shards.values()) {
      // discord.js reports -1 until the shard's first heartbeat is acknowledged.
      if (shard.ping >= 0) result.observe(shard.ping / 1000, { [ATTR.shard]: shard.id });
    }
  };
  const observeRoleMembers = (result: ObservableResult) => {
    const members = new Map<string, number>();
    for (const guild of client.guilds.cache.values()) {
      for (const { id, name } of options.manageableRoles(guild)) {
        const count = guild.roles.cache.get(id)?.members.size ?? 0;
        members.set(name, (members.get(name) ?? 0) + count);
      }
    }
    for (const [name, count] of members) result.observe(count, { [ATTR.role]: name });
  };
  gatewayPing.addCallback(observePing);
  roleMembers.addCallback(observeRoleMembers);

  const onResponse = (request: { route: string }, response: { ok: boolean; status: number }) => {
    if (response.ok) return;
    apiErrors.add(1, {
      [ATTR.route]: routeClass(request.route),
      [ATTR.status]: response.status,
    });
  };
  const onRateLimited = (info: { route: string }) => {
    rateLimits.add(1, { [ATTR.route]: routeClass(info.route) });
  };
  client.rest.on('response', onResponse);
  client.rest.on('rateLimited', onRateLimited);

  return () => {
    client.rest.off('response', onResponse);
    client.rest.off('rateLimited', onRateLimited);
    gatewayPing.removeCallback(observePing);
    roleMembers.removeCallback(observeRoleMembers);
  };
}
