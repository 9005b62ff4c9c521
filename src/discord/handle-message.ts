import { type Message, PermissionFlagsBits } from 'discord.js';
import type { ChatBot, ChatContext, ChatRequest } from '../chat/types.ts';
import type { Logger } from '../logger.ts';
import { renderEmbeds } from './render-embeds.ts';

export interface MessageDeps {
  bot: ChatBot;
  logger: Logger;
  /** DISCORD_MESSAGE_CONTENT: the privileged intent is on, so every thread message can be read. */
  messageContent: boolean;
}

export const MESSAGE_APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** Removes the bot's own mention (`<@id>` or `<@!id>`) and tidies the spaces it leaves. */
export function stripMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function canManage(message: Message): boolean {
  try {
    if (!message.inGuild()) return true;
    const channel = message.channel.isThread() ? message.channel.parent : message.channel;
    if (!channel || !message.member) return false;
    return channel.permissionsFor(message.member).has(PermissionFlagsBits.ManageChannels);
  } catch {
    return false;
  }
}

/**
 * Messages in a digest's thread (and mentions anywhere) go to the chat layer; its reply goes back
 * to the same channel. Bots, webhooks and system messages are ignored. Without the Message Content
 * intent only mentions carry text, so only mentions are handled. Never rejects.
 */
export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  let request: ChatRequest;
  let ctx: ChatContext;
  try {
    const botId = message.client.user?.id;
    if (!botId || message.author.bot || message.webhookId || message.system) return;
    const mentioned = message.mentions.users.has(botId);
    const inThread = message.channel.isThread();
    if (!mentioned && !(inThread && deps.messageContent)) return;
    request = {
      type: 'message',
      text: stripMention(message.content, botId),
      threadId: inThread ? message.channelId : null,
      mentioned,
    };
    ctx = {
      platform: 'discord',
      // A thread is linked to its digest under the parent channel's id (see handleInteraction).
      channelId: message.channel.isThread()
        ? (message.channel.parentId ?? message.channelId)
        : message.channelId,
      userId: message.author.id,
      canManageChannel: canManage(message),
    };
  } catch (err) {
    // Not understood well enough to answer: log it, say nothing in the channel.
    deps.logger.warn({ err, messageId: message.id }, 'ignored a Discord message that could not be read');
    return;
  }
  try {
    const reply = await deps.bot.handle(request, ctx);
    if (!reply || !message.channel.isSendable()) return;
    for (const payload of renderEmbeds(reply)) await message.channel.send(payload);
  } catch (err) {
    deps.logger.error({ err, messageId: message.id, channelId: message.channelId }, 'discord message failed');
    try {
      if (message.channel.isSendable()) {
        await message.channel.send({ content: MESSAGE_APOLOGY, allowedMentions: { parse: [] } });
      }
    } catch (sendErr) {
      deps.logger.error({ err: sendErr }, 'could not send the apology');
    }
  }
}
