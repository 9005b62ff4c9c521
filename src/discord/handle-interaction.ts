import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import type { Reply } from '../chat/reply.ts';
import type { ArticleSetSource, ChatBot, ChatContext } from '../chat/types.ts';
import type { Logger } from '../logger.ts';
import { startDigestThread } from './channel-poster.ts';
import { askCommandText, briefCommandText } from './commands.ts';
import { type DiscordMessage, renderEmbeds } from './render-embeds.ts';

export interface InteractionDeps {
  bot: ChatBot;
  logger: Logger;
  /** Set names for autocomplete; without it autocomplete offers nothing and users type the name. */
  sets?: ArticleSetSource | undefined;
}

/** Whether any part of the reply reached Discord (then a failure must not delete it). */
interface Progress {
  sent: boolean;
}

export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Entry point for every interaction; never rejects (errors are logged and apologised for). */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const progress: Progress = { sent: false };
  try {
    if (interaction.isAutocomplete()) return await autocompleteSet(interaction, deps);
    if (!interaction.isChatInputCommand()) return;
    if (interaction.commandName !== 'brief' && interaction.commandName !== 'ask') return;
    await runCommand(interaction, deps, progress);
  } catch (err) {
    deps.logger.error({ err, interactionId: interaction.id }, 'discord interaction failed');
    if (interaction.isChatInputCommand()) await apologise(interaction, progress.sent, deps.logger);
  }
}

function commandContext(interaction: ChatInputCommandInteraction): ChatContext {
  return {
    platform: 'discord',
    channelId: interaction.channelId,
    userId: interaction.user.id,
    // In a DM the user is the only member, so the "channel" is theirs to manage.
    canManageChannel: interaction.inGuild()
      ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)
      : true,
  };
}

function commandText(interaction: ChatInputCommandInteraction): string {
  const options = interaction.options;
  if (interaction.commandName === 'ask') {
    return askCommandText({ question: options.getString('question') ?? '', set: options.getString('set') });
  }
  return briefCommandText({
    set: options.getString('set'),
    section: options.getString('section'),
    text: options.getString('text'),
  });
}

/**
 * How each command's placeholder is shown. The chat layer's digests and answers are public and only
 * help, lists and errors are private, so both defer publicly: the usual reply edits the placeholder.
 */
const DEFER_EPHEMERAL = { brief: false, ask: false } as const;

/**
 * Defers at once (Discord allows 3 s), asks the chat layer, then edits the deferred reply with the
 * first message and follows up with the rest. When the reply's visibility differs from the deferral
 * (e.g. `/brief help` is ephemeral), the placeholder is deleted and the reply is sent as follow-ups
 * with the right visibility.
 */
async function runCommand(
  interaction: ChatInputCommandInteraction,
  deps: InteractionDeps,
  progress: Progress,
): Promise<void> {
  const name = interaction.commandName as 'brief' | 'ask';
  const deferredEphemeral = DEFER_EPHEMERAL[name];
  await interaction.deferReply(deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {});

  const reply = await deps.bot.handle(
    { type: 'command', name, text: commandText(interaction) },
    commandContext(interaction),
  );
  if (!reply) {
    await interaction.deleteReply();
    return;
  }
  const messages = renderEmbeds(reply);
  const ephemeral = reply.visibility === 'ephemeral';
  const firstId = await sendReply(
    interaction,
    messages,
    ephemeral === deferredEphemeral,
    ephemeral,
    progress,
  );
  if (reply.digest && !ephemeral && firstId) await openThread(interaction, reply, firstId, deps);
}

/** Sends the messages; returns the id of the first one. */
async function sendReply(
  interaction: ChatInputCommandInteraction,
  messages: DiscordMessage[],
  editOriginal: boolean,
  ephemeral: boolean,
  progress: Progress,
): Promise<string | null> {
  let firstId: string | null = null;
  if (!editOriginal) await interaction.deleteReply();
  for (const [i, message] of messages.entries()) {
    const sent =
      i === 0 && editOriginal
        ? await interaction.editReply(message as InteractionEditReplyOptions)
        : await interaction.followUp({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    firstId ??= sent.id;
    progress.sent = true;
  }
  return firstId;
}

async function openThread(
  interaction: ChatInputCommandInteraction,
  reply: Reply,
  messageId: string,
  deps: InteractionDeps,
): Promise<void> {
  if (!reply.digest) return;
  const channel =
    interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId).catch(() => null));
  if (channel?.isThread() && channel.parentId) {
    // Asked inside a thread (or a forum post): that thread becomes the digest's questions thread.
    await deps.bot.linkThread({ platform: 'discord', channelId: channel.parentId }, channel.id, reply.digest);
    return;
  }
  const threadId = await startDigestThread(channel, messageId, deps.logger);
  if (!threadId) return;
  await deps.bot.linkThread(
    { platform: 'discord', channelId: interaction.channelId },
    threadId,
    reply.digest,
  );
}

async function apologise(
  interaction: ChatInputCommandInteraction,
  replySent: boolean,
  logger: Logger,
): Promise<void> {
  const apology = {
    content: APOLOGY,
    allowedMentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  } as const;
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(apology);
      return;
    }
    // A public placeholder must not stay "thinking" for everyone: remove it (but never a reply that
    // was already delivered, such as a digest whose thread failed), then apologise privately.
    if (interaction.deferred && !interaction.ephemeral && !replySent) {
      await interaction.deleteReply().catch(() => undefined);
    }
    await interaction.followUp(apology);
  } catch (err) {
    logger.error({ err, interactionId: interaction.id }, 'could not send the apology');
  }
}

/** Suggests up to 25 set names containing what the user typed (prefix matches first). */
async function autocompleteSet(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'set' || !deps.sets) {
    await interaction.respond([]);
    return;
  }
  const typed = String(focused.value).trim().toLowerCase();
  const names = await deps.sets.list().catch((err: unknown) => {
    deps.logger.error({ err }, 'could not list article sets for autocomplete');
    return [] as string[];
  });
  const matches = names
    .filter((n) => n.toLowerCase().includes(typed))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(typed)) - Number(!b.toLowerCase().startsWith(typed)));
  await interaction.respond(
    matches.slice(0, 25).map((n) => ({ name: n.slice(0, 100), value: n.slice(0, 100) })),
  );
}
