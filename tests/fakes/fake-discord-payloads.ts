/**
 * The fake Discord's identity and the objects it sends or returns (users, the guild, messages,
 * threads), shaped as discord.js 14 reads them. Ids are numeric snowflake strings.
 */

export const APP_ID = '100000000000000001';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const HUMAN_ID = '400000000000000001';
/** Manage Channels (1 << 4) plus View, Send and thread permissions: a user who may subscribe. */
export const MANAGER_PERMISSIONS = String((1n << 4n) | (1n << 10n) | (1n << 11n) | (1n << 38n));
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 38n));
const JOINED = '2026-01-01T00:00:00.000Z';

export type Json = Record<string, unknown>;

/** The bot user; its id is the application id, as for real bots. */
export function botUser(): Json {
  return { id: APP_ID, username: 'briefbot', discriminator: '0', global_name: null, avatar: null, bot: true };
}

export function human(id = HUMAN_ID): Json {
  return { id, username: `user${id.slice(-3)}`, discriminator: '0', global_name: null, avatar: null };
}

/** The guild's one text channel, CHANNEL_ID. */
export function textChannel(): Json {
  return { id: CHANNEL_ID, type: 0, name: 'news', position: 0, permission_overwrites: [] };
}

/** GUILD_CREATE after READY: without it discord.js waits 15 s before ClientReady. */
export function guildCreate(): Json {
  return {
    id: GUILD_ID,
    name: 'Newsroom',
    icon: null,
    owner_id: HUMAN_ID,
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: JOINED,
    features: [],
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0 }],
    channels: [textChannel()],
    threads: [],
    members: [{ user: botUser(), roles: [], joined_at: JOINED }],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** A message object as Discord returns it for a send or a webhook edit (`body` is what was sent). */
export function messageObject(id: string, channelId: string, body: Json): Json {
  return {
    id,
    channel_id: channelId,
    guild_id: GUILD_ID,
    author: botUser(),
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    type: 0,
    flags: body.flags ?? 0,
  };
}

/** A public thread (type 11) started from message `id` in `parentId`; it carries guild_id so discord.js caches it. */
export function threadObject(id: string, parentId: string, body: Json): Json {
  return {
    id,
    type: 11,
    guild_id: GUILD_ID,
    parent_id: parentId,
    name: body.name,
    owner_id: APP_ID,
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: body.auto_archive_duration ?? 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
    total_message_sent: 0,
  };
}

/** A MESSAGE_CREATE payload from a human (or `author`), mentioning the bot when `mentionsBot`. */
export function messagePayload(
  id: string,
  options: { channelId: string; content: string; author?: Json; mentionsBot?: boolean },
): Json {
  return {
    id,
    channel_id: options.channelId,
    guild_id: GUILD_ID,
    author: options.author ?? human(),
    member: { roles: [], joined_at: JOINED, deaf: false, mute: false, flags: 0 },
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentionsBot ? [botUser()] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}
