import { z } from 'zod';
import { httpUrl } from '../fields/http-url.js';
import { matching } from '../fields/pattern.js';
import { defineSection } from '../section.js';

const snowflake = (name: string) =>
  matching(name, /^\d{17,20}$/, 'a Discord id (17 to 20 digits)').optional();

/** Which Discord API the bot talks to, and as which application. */
export const discordSection = defineSection(
  z.object({
    DISCORD_API_URL: httpUrl('DISCORD_API_URL', {
      expected: 'an http(s) URL such as https://discord.com/api',
      fallback: 'https://discord.com/api',
      echo: 'value',
    }),
    DISCORD_APPLICATION_ID: snowflake('DISCORD_APPLICATION_ID'),
    DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID'),
    // Set by a ShardingManager for the child it starts (discord.js reads it, with
    // SHARD_COUNT, itself); only whether it is set matters here.
    SHARDS: z.string().optional(),
  }),
  (values) => ({
    /** REST base, e.g. `https://discord.com/api`; the gateway URL is asked from it. */
    apiUrl: values.DISCORD_API_URL.replace(/\/+$/, ''),
    /** The shards come from a ShardingManager rather than from Discord's recommendation. */
    shardsAssigned: values.SHARDS !== undefined,
    ...(values.DISCORD_APPLICATION_ID ? { applicationId: values.DISCORD_APPLICATION_ID } : {}),
    ...(values.DISCORD_GUILD_ID ? { guildId: values.DISCORD_GUILD_ID } : {}),
  }),
);
