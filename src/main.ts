import { existsSync } from 'node:fs';
import { BriefingBot } from './chat/briefing-bot.ts';
import type { ChannelPoster, Platform } from './chat/types.ts';
import { runBrief } from './cli/brief.ts';
import { type Config, ConfigError, discordEnabled, loadConfig, slackEnabled } from './config.ts';
import { startDiscord } from './discord/start-discord.ts';
import { createLogger, type Logger } from './logger.ts';
import { watchSets } from './schedule/set-watcher.ts';
import { startScheduling } from './schedule/start-scheduling.ts';
import { FileSetSource } from './sets/file-set-source.ts';
import { startSlack } from './slack/start-slack.ts';
import { SqliteStore } from './store/sqlite-store.ts';

/**
 * The one place that reads the environment and wires the core to its adapters. With no chat tokens it
 * prints the default digest; with Slack and/or Discord variables it connects them and runs schedules.
 */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its format.\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const sets = new FileSetSource(config.BRIEFINGS_DIR, config.DEFAULT_SET);

  if (!slackEnabled(config) && !discordEnabled(config)) {
    const code = await runBrief([], process.stdout, process.stderr);
    if (code === 0) process.stdout.write(CONNECT_HINT);
    return code;
  }
  return runBot(config, sets, logger);
}

async function runBot(config: Config, sets: FileSetSource, logger: Logger): Promise<number> {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const store = new SqliteStore(config.DATA_DIR);
  const scheduling = await startScheduling({ config, store, logger, sets });
  const bot = new BriefingBot({ sets, store, subscriptions: scheduling.subscriptions, logger });
  const posters = new Map<Platform, ChannelPoster>();
  const stops: (() => Promise<void>)[] = [];

  if (slackEnabled(config)) {
    const slack = await startSlack({ config, bot, logger });
    posters.set('slack', slack.poster);
    stops.push(slack.stop);
  }
  if (discordEnabled(config)) {
    const discord = await startDiscord({ config, bot, logger, sets });
    posters.set('discord', discord.poster);
    stops.push(discord.stop);
    logger.info('Discord connected');
  }
  await scheduling.start({ bot, posters });
  stops.push(scheduling.stop);

  const watcher = watchSets(
    config.BRIEFINGS_DIR,
    (changed) => {
      for (const name of changed) sets.invalidate(name);
      logger.info({ sets: changed }, 'article sets changed');
    },
    { debounceMs: 500, onError: (err) => logger.warn({ err }, 'watching the article sets failed') },
  );
  stops.push(async () => watcher.close());

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  for (const stop of stops.reverse()) {
    await stop().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
  }
  store.close();
  return 0;
}

const CONNECT_HINT = `
────────────────────────────────────────
This was the default article set's digest, printed because no chat platform is configured.
To connect the bot, set these variables (in .env or your shell) and run \`npm start\` again:
  Slack:   SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode)  — see docs/slack.md
  Discord: DISCORD_TOKEN and DISCORD_APPLICATION_ID          — see docs/discord.md
Try it without a token: \`npm run chat\` (terminal chat) or \`npm run ask -- "your question"\`.
`;

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `The bot stopped on an unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
