import type { GuildFixture } from './guild-fixture.js';
import type { GuildState } from './guild-state.js';

/** GUILD_CREATE as Discord sends it to a bot with the GuildMembers intent (a small guild: all members). */
export function guildCreatePayload(state: GuildState): object {
  const { fixture } = state;
  const members = state.members();
  return {
    id: state.id,
    name: fixture.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: fixture.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 1,
    premium_subscription_count: 2,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: fixture.channel.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    features: [],
    roles: state.roles(),
    emojis: [],
    stickers: [],
    members,
    member_count: members.length,
    large: false,
    unavailable: false,
    joined_at: fixture.members.find((m) => m.user.id === fixture.botUser.id)?.joined_at,
    channels: [channelPayload(fixture)],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    max_members: 500_000,
    max_video_channel_users: 25,
    nsfw: false,
    hub_type: null,
    incidents_data: null,
  };
}

/** The guild's one text channel, where interactions happen. */
export function channelPayload(fixture: GuildFixture): object {
  return {
    id: fixture.channel.id,
    type: 0,
    guild_id: fixture.guildId,
    name: fixture.channel.name,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    parent_id: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}
