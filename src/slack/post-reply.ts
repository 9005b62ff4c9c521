import type { webApi } from '@slack/bolt';
import type { Reply } from '../chat/reply.ts';
import type { ChannelPoster } from '../chat/types.ts';
import { renderBlocks } from './render-blocks.ts';

type WebClient = webApi.WebClient;

/**
 * Posts a public Reply as one or more messages, in order (Slack allows about one message a second
 * per channel; web-api waits and retries when rate-limited). Returns the first message's ts: the
 * root of the digest's thread. `threadTs` posts the messages as replies in that thread.
 */
export async function postReply(
  client: WebClient,
  channel: string,
  reply: Reply,
  threadTs?: string,
): Promise<string> {
  let first: string | undefined;
  for (const message of renderBlocks(reply)) {
    const result = await client.chat.postMessage({
      channel,
      blocks: message.blocks,
      text: message.text,
      unfurl_links: false,
      unfurl_media: false,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    first ??= result.ts;
  }
  if (!first) throw new Error('chat.postMessage returned no ts');
  return first;
}

/** Posts an ephemeral Reply to one user in a channel (optionally inside a thread). */
export async function postEphemeralReply(
  client: WebClient,
  channel: string,
  user: string,
  reply: Reply,
  threadTs?: string,
): Promise<void> {
  for (const message of renderBlocks(reply)) {
    await client.chat.postEphemeral({
      channel,
      user,
      blocks: message.blocks,
      text: message.text,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }
}

/** The scheduler's way into Slack: posts a Reply in a channel, returns the first message's ts. */
export function createSlackPoster(client: WebClient): ChannelPoster {
  return {
    platform: 'slack',
    async post(channelId, reply) {
      return { messageId: await postReply(client, channelId, reply) };
    },
  };
}

/** The Web API error code (`not_in_channel`, `channel_not_found`, …) of a failed call, if any. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
