import { type Channel, type Client, ThreadAutoArchiveDuration } from 'discord.js';
import type { Reply } from '../chat/reply.ts';
import { type ChannelPoster, ChatError } from '../chat/types.ts';
import type { Logger } from '../logger.ts';
import { renderEmbeds } from './render-embeds.ts';

export const THREAD_NAME = 'Questions about this briefing';

/**
 * Starts a public thread on a posted digest message, where follow-up questions are answered.
 * Returns the thread's channel id (Discord gives a thread started from a message the message's id),
 * or null when the channel cannot hold threads or the bot lacks the permission (logged, not thrown:
 * the digest itself was delivered).
 */
export async function startDigestThread(
  channel: Channel | null,
  messageId: string,
  logger: Logger,
): Promise<string | null> {
  if (!channel || !('threads' in channel) || channel.isThread() || !channel.isTextBased()) {
    logger.warn({ channelId: channel?.id, messageId }, 'digest posted where threads cannot be started');
    return null;
  }
  try {
    const thread = await channel.threads.create({
      name: THREAD_NAME,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      startMessage: messageId,
    });
    return thread.id;
  } catch (err) {
    logger.error({ err, channelId: channel.id, messageId }, 'could not start a thread on the digest');
    return null;
  }
}

/**
 * The scheduler's way to post: the reply's messages go to the channel in order; a digest gets its
 * questions thread (whose id equals the first message's id, the messageId returned, so the caller's
 * linkThread(…, messageId, …) names the thread).
 */
export function createChannelPoster(client: Client, logger: Logger): ChannelPoster {
  return {
    platform: 'discord',
    async post(channelId: string, reply: Reply) {
      const channel = await client.channels.fetch(channelId).catch((err: unknown) => {
        throw new ChatError('BAD_ARGUMENTS', `Discord channel ${channelId} cannot be reached.`, {
          cause: err,
        });
      });
      if (!channel?.isSendable()) {
        throw new ChatError('BAD_ARGUMENTS', `Discord channel ${channelId} does not accept messages.`);
      }
      let firstId: string | null = null;
      for (const message of renderEmbeds(reply)) {
        const sent = await channel.send(message);
        firstId ??= sent.id;
      }
      if (firstId === null) throw new ChatError('INTERNAL', 'Nothing was posted.');
      if (reply.digest) await startDigestThread(channel, firstId, logger);
      return { messageId: firstId };
    },
  };
}
