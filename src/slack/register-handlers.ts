import type { App, RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../chat/reply.ts';
import type { ChatBot, ChatContext, ChatRequest } from '../chat/types.ts';
import type { Logger } from '../logger.ts';
import { postEphemeralReply, postReply, slackErrorCode } from './post-reply.ts';
import { renderBlocks } from './render-blocks.ts';

export interface HandlerDeps {
  bot: ChatBot;
  logger: Logger;
  /** Slack user ids allowed to manage channel schedules; empty means everyone. */
  admins: string[];
}

const APOLOGY = 'Sorry, something went wrong on my side while handling that. Please try again in a moment.';
const CANNOT_POST =
  "I can't post in this channel. Invite me first (`/invite @` followed by my name), then try again.";
const NOT_FOLLOWING =
  "I'm not a member of this channel, so I can't see replies in the digest's thread. Invite me (`/invite @` followed by my name) to have follow-up questions answered there.";
/** Errors meaning the bot may not post here itself: the user can fix it by inviting the bot. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'restricted_action']);
/** How many handled message ids are remembered to drop redelivered events. */
const RECENT_MESSAGES = 1_000;
/** A response_url takes 5 messages; one is kept for the note. */
const MAX_RESPONSE_MESSAGES = 4;
/** Message subtypes that are a person writing; every other subtype (edits, joins, bots) is ignored. */
const HUMAN_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** Removes the bot's own mention (`<@U0BOT>` or `<@U0BOT|name>`) from a message's text. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const id = botUserId?.replace(/[^A-Za-z0-9]/g, '');
  const withoutMention = id ? text.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g'), ' ') : text;
  return withoutMention.replace(/\s+/g, ' ').trim();
}

/** Routes slash commands and thread/mention messages to the chat layer and renders its replies. */
export function registerHandlers(app: App, { bot, logger, admins }: HandlerDeps): void {
  const chatContext = (channelId: string, userId: string): ChatContext => ({
    platform: 'slack',
    channelId,
    userId,
    canManageChannel: admins.length === 0 || admins.includes(userId),
  });

  const linkIfDigest = async (reply: Reply, channelId: string, threadTs: string) => {
    if (reply.digest) await bot.linkThread({ platform: 'slack', channelId }, threadTs, reply.digest);
  };

  const respondEphemeral = async (respond: RespondFn, reply: Reply) => {
    for (const message of renderBlocks(reply)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    }
  };

  /**
   * Where the bot is not a member (private channels, DMs), the command's response_url can still post
   * in the channel, but the bot will not see the thread: the user is told how to fix that.
   */
  const respondInChannel = async (respond: RespondFn, reply: Reply) => {
    const messages = renderBlocks(reply);
    if (messages.length > MAX_RESPONSE_MESSAGES) {
      await respond({ response_type: 'ephemeral', text: CANNOT_POST });
      return;
    }
    for (const message of messages) await respond({ response_type: 'in_channel', ...message });
    await respond({ response_type: 'ephemeral', text: reply.digest ? NOT_FOLLOWING : CANNOT_POST });
  };

  for (const name of ['brief', 'ask'] as const) {
    app.command(`/${name}`, async ({ command, ack, respond, client }) => {
      // Slack gives up after 3 s: acknowledge first, work after.
      await ack();
      const ctx = chatContext(command.channel_id, command.user_id);
      const log = logger.child({ command: `/${name}`, channel: ctx.channelId, user: ctx.userId });
      try {
        const reply = await bot.handle({ type: 'command', name, text: command.text ?? '' }, ctx);
        if (!reply) return;
        // Issue 4: /ask answers privately on Slack, whatever visibility the chat layer chose.
        if (reply.visibility === 'ephemeral' || name === 'ask') return await respondEphemeral(respond, reply);
        try {
          const ts = await postReply(client, ctx.channelId, reply);
          await linkIfDigest(reply, ctx.channelId, ts);
        } catch (err) {
          if (!NOT_A_MEMBER.has(slackErrorCode(err) ?? '')) throw err;
          log.warn({ err }, 'cannot post in channel; answering through the response_url');
          await respondInChannel(respond, reply);
        }
      } catch (err) {
        log.error({ err }, 'slash command failed');
        await respond({ response_type: 'ephemeral', text: APOLOGY }).catch((respondErr: unknown) =>
          log.error({ err: respondErr }, 'could not send the apology'),
        );
      }
    });
  }

  const answered = new Set<string>();

  /** A person's message in a thread, or a mention: answer in the thread. */
  const handleMessage = async (
    client: webApi.WebClient,
    event: { channel: string; user: string; text: string; ts: string; thread_ts?: string | undefined },
    mentioned: boolean,
    botUserId: string | undefined,
  ) => {
    // Slack redelivers an event it thinks was missed (retries, reconnects): answer each message once.
    const key = `${event.channel}:${event.ts}`;
    if (answered.has(key)) return;
    answered.add(key);
    if (answered.size > RECENT_MESSAGES) answered.delete(answered.values().next().value ?? key);
    const ctx = chatContext(event.channel, event.user);
    const threadTs = event.thread_ts ?? event.ts;
    const log = logger.child({ event: mentioned ? 'app_mention' : 'message', channel: ctx.channelId });
    try {
      const request: ChatRequest = {
        type: 'message',
        text: stripMention(event.text, botUserId),
        threadId: event.thread_ts ?? null,
        mentioned,
      };
      const reply = await bot.handle(request, ctx);
      if (!reply) return;
      if (reply.visibility === 'ephemeral') {
        await postEphemeralReply(client, ctx.channelId, ctx.userId, reply, threadTs);
        return;
      }
      await postReply(client, ctx.channelId, reply, threadTs);
      await linkIfDigest(reply, ctx.channelId, threadTs);
    } catch (err) {
      log.error({ err }, 'message handling failed');
      await client.chat
        .postEphemeral({ channel: ctx.channelId, user: ctx.userId, thread_ts: threadTs, text: APOLOGY })
        .catch((postErr: unknown) => log.error({ err: postErr }, 'could not send the apology'));
    }
  };

  app.event('app_mention', async ({ event, client, context }) => {
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    await handleMessage(
      client,
      {
        channel: event.channel,
        user: event.user,
        text: event.text,
        ts: event.ts,
        thread_ts: event.thread_ts,
      },
      true,
      context.botUserId,
    );
  });

  app.event('message', async ({ event, client, context }) => {
    const message = event as unknown as Record<string, unknown>;
    const { channel, user, text, ts, thread_ts: threadTs, subtype, bot_id: botId } = message;
    if (!HUMAN_SUBTYPES.has(subtype as string | undefined) || botId) return;
    if (typeof user !== 'string' || user === context.botUserId) return;
    if (typeof channel !== 'string' || typeof ts !== 'string' || typeof text !== 'string') return;
    // Only thread replies; a message that mentions the bot arrives again as app_mention, handled there.
    if (typeof threadTs !== 'string' || threadTs === ts) return;
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    await handleMessage(client, { channel, user, text, ts, thread_ts: threadTs }, false, context.botUserId);
  });

  app.error(async (error) => {
    logger.error({ err: error }, 'Slack app error');
  });
}
