import { BriefingBot } from '../chat/briefing-bot.ts';
import { MemoryStore } from '../chat/memory-store.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { FileSetSource } from '../sets/file-set-source.ts';
import { runTerminalChat } from '../terminal/terminal-chat.ts';
import { isEntryPoint } from './entry-point.ts';

/** `npm run chat`: the bot in this terminal, with the article sets of BRIEFINGS_DIR and no tokens. */
export async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const bot = new BriefingBot({
    sets: new FileSetSource(config.BRIEFINGS_DIR, config.DEFAULT_SET),
    store: new MemoryStore(),
    logger,
  });
  await runTerminalChat({ input: process.stdin, output: process.stdout, bot });
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  main().then((code) => {
    process.exitCode = code;
  });
}
