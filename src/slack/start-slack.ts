import { App, type AppOptions, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { type ChannelPoster, type ChatBot, ChatError } from '../chat/types.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { createSlackPoster, slackErrorCode } from './post-reply.ts';
import { registerHandlers } from './register-handlers.ts';

export interface StartSlackOptions {
  config: Config;
  bot: ChatBot;
  logger: Logger;
  /** Merged over the defaults; `clientOptions` is merged key by key (tests pass `retryConfig: { retries: 0 }`). */
  appOptions?: Partial<AppOptions>;
  /** HTTP mode: the interface to listen on (default: all). */
  host?: string;
}

export interface SlackAdapter {
  poster: ChannelPoster;
  stop(): Promise<void>;
  app: App;
  mode: 'socket' | 'http';
  /** HTTP mode: the port actually listened on (useful with PORT=0); null in Socket Mode. */
  port: number | null;
}

/**
 * Connects Slack: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode on PORT with
 * SLACK_SIGNING_SECRET. Resolves once connected (socket) or listening (HTTP). The bot token is
 * checked with auth.test first, so a bad token is a clear start-up error, not an unhandled rejection.
 */
export async function startSlack({
  config,
  bot,
  logger,
  appOptions = {},
  host,
}: StartSlackOptions): Promise<SlackAdapter> {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new ChatError('NOT_CONFIGURED', 'SLACK_BOT_TOKEN is required to connect Slack');
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new ChatError(
      'NOT_CONFIGURED',
      'Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) besides SLACK_BOT_TOKEN',
    );
  }
  const log = logger.child({ component: 'slack' });
  const { clientOptions: extraClientOptions, ...restAppOptions } = appOptions;
  const clientOptions: webApi.WebClientOptions = {
    // Rate-limited calls wait for Retry-After and are tried again, so no reply is lost.
    rejectRateLimitedCalls: false,
    retryConfig: webApi.retryPolicies.tenRetriesInAboutThirtyMinutes,
    ...(config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {}),
    ...extraClientOptions,
  };
  const slackLogger = boltLogger(logger);
  const identity =
    restAppOptions.botId && restAppOptions.botUserId
      ? {}
      : await verifyBotToken(token, {
          ...clientOptions,
          logger: slackLogger,
          // At start-up, fail within minutes rather than retry for half an hour.
          retryConfig: extraClientOptions?.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
        });

  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const receiver = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        logger: slackLogger,
        installerOptions: { clientOptions },
      })
    : new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', logger: slackLogger });

  const app = new App({
    token,
    receiver,
    socketMode,
    logger: slackLogger,
    clientOptions,
    ...identity,
    ...restAppOptions,
  });
  registerHandlers(app, { bot, logger, admins: config.BRIEF_ADMINS });

  let port: number | null = null;
  if (receiver instanceof SocketModeReceiver) {
    try {
      await receiver.start();
    } catch (err) {
      await receiver.client.disconnect().catch(() => {});
      const code = slackErrorCode(err);
      throw new ChatError(
        'NOT_CONFIGURED',
        code
          ? `Slack rejected SLACK_APP_TOKEN (apps.connections.open: ${code}); it needs the connections:write scope`
          : 'Could not open the Socket Mode connection to Slack (check SLACK_APP_TOKEN and the network)',
        { cause: err },
      );
    }
    log.info('Slack connected (Socket Mode)');
  } else {
    const server = await receiver.start(host ? { port: config.PORT, host } : config.PORT);
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : config.PORT;
    log.info({ port }, 'Slack listening for events (HTTP mode, POST /slack/events)');
  }

  let stopped: Promise<void> | null = null;
  return {
    poster: createSlackPoster(app.client),
    app,
    mode: socketMode ? 'socket' : 'http',
    port,
    stop() {
      // Idempotent. app.stop() does not wait for the socket to close; disconnect() does.
      stopped ??= receiver instanceof SocketModeReceiver ? receiver.client.disconnect() : receiver.stop();
      return stopped;
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Runs auth.test once; its bot ids let Bolt skip its own (unawaited) check and ignore the bot's messages. */
async function verifyBotToken(
  token: string,
  clientOptions: webApi.WebClientOptions,
): Promise<{ botId?: string; botUserId?: string }> {
  const client = new webApi.WebClient(token, clientOptions);
  try {
    const result = await client.auth.test();
    return {
      ...(result.bot_id ? { botId: result.bot_id } : {}),
      ...(result.user_id ? { botUserId: result.user_id } : {}),
    };
  } catch (err) {
    const code = slackErrorCode(err);
    throw new ChatError(
      'NOT_CONFIGURED',
      code
        ? `Slack rejected SLACK_BOT_TOKEN (auth.test: ${code})`
        : 'Could not reach Slack to check SLACK_BOT_TOKEN (auth.test failed); check the network or SLACK_API_URL',
      { cause: err },
    );
  }
}
