import { once } from 'node:events';
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import { type ArticleSetSource, type ChannelPoster, type ChatBot, ChatError } from '../chat/types.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createChannelPoster } from './channel-poster.ts';
import { registerCommands, restBase } from './commands.ts';
import { handleInteraction } from './handle-interaction.ts';
import { handleMessage } from './handle-message.ts';
import { guardPayloads } from './payload-guard.ts';

const READY_TIMEOUT_MS = 60_000;

export interface StartDiscordOptions {
  config: Pick<
    Config,
    | 'DISCORD_TOKEN'
    | 'DISCORD_APPLICATION_ID'
    | 'DISCORD_GUILD_ID'
    | 'DISCORD_API_URL'
    | 'DISCORD_MESSAGE_CONTENT'
  >;
  bot: ChatBot;
  logger: Logger;
  /** Article sets, for `set` autocomplete. */
  sets?: ArticleSetSource;
  /** Merged into the discord.js Client options (tests: `rest: { retries: 0 }`). */
  clientOptions?: Partial<ClientOptions>;
}

export interface DiscordConnection {
  poster: ChannelPoster;
  client: Client;
  stop(): Promise<void>;
}

/**
 * Connects to Discord: logs in over the gateway, waits until ready, registers /brief and /ask (to
 * DISCORD_GUILD_ID when set, else globally) and routes interactions and messages to the chat layer.
 * Start-up problems throw a ChatError naming the variable to fix; the token is never logged.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordConnection> {
  const { config, bot, logger } = options;
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) {
    const missing = [!token && 'DISCORD_TOKEN', !applicationId && 'DISCORD_APPLICATION_ID'].filter(Boolean);
    throw new ChatError('NOT_CONFIGURED', `Discord needs ${missing.join(' and ')}.`);
  }

  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.DISCORD_MESSAGE_CONTENT) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    // A default for every send, on top of the explicit allowedMentions on each payload.
    allowedMentions: { parse: [] },
    ...options.clientOptions,
    rest: {
      ...options.clientOptions?.rest,
      ...(config.DISCORD_API_URL ? { api: restBase(config.DISCORD_API_URL) } : {}),
    },
  });

  const log = logger.child({ platform: 'discord' });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'discord gateway error'));
  guardPayloads(client, log);
  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, { bot, logger: log, sets: options.sets }).catch((err: unknown) =>
      log.error({ err }, 'discord interaction handler failed'),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, { bot, logger: log, messageContent: config.DISCORD_MESSAGE_CONTENT }).catch(
      (err: unknown) => log.error({ err }, 'discord message handler failed'),
    );
  });

  try {
    // discord.js retries a gateway that does not answer; give up on start-up after a minute.
    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    throw new ChatError(
      'NOT_CONFIGURED',
      'Could not connect to Discord: check DISCORD_TOKEN (and DISCORD_MESSAGE_CONTENT: the Message Content intent must be enabled in the developer portal when it is true).',
      { cause: err },
    );
  }
  if (client.application && client.application.id !== applicationId) {
    log.warn('DISCORD_APPLICATION_ID differs from the id of the application the token belongs to');
  }

  try {
    const stored = await registerCommands({
      rest: client.rest,
      applicationId,
      guildId: config.DISCORD_GUILD_ID,
    });
    log.info(
      { commands: stored.map((c) => c.name), scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' },
      'discord commands registered',
    );
  } catch (err) {
    await client.destroy().catch(() => undefined);
    const names = config.DISCORD_GUILD_ID
      ? 'DISCORD_APPLICATION_ID and DISCORD_GUILD_ID'
      : 'DISCORD_APPLICATION_ID';
    throw new ChatError('NOT_CONFIGURED', `Could not register the Discord commands: check ${names}.`, {
      cause: err,
    });
  }

  return {
    client,
    poster: createChannelPoster(client, log),
    async stop() {
      await client.destroy();
    },
  };
}
