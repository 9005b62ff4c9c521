import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { registerCommands } from './commands.ts';

/**
 * `npm run discord:register`: registers /brief and /ask once, without starting the bot (the bot also
 * registers them on every start). To DISCORD_GUILD_ID when set (instant), else globally.
 */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example and docs/discord.md.\n`);
    return 1;
  }
  const missing = [
    config.DISCORD_TOKEN ? null : 'DISCORD_TOKEN',
    config.DISCORD_APPLICATION_ID ? null : 'DISCORD_APPLICATION_ID',
  ].filter(Boolean);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write(
      `Missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'} in the environment or .env (see docs/discord.md).\n`,
    );
    return 1;
  }
  const where = config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global)';
  try {
    const stored = await registerCommands({
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      guildId: config.DISCORD_GUILD_ID,
      apiUrl: config.DISCORD_API_URL,
    });
    process.stdout.write(
      `Registered ${stored.map((c) => `/${c.name}`).join(', ') || 'no commands'} for ${where}.\n`,
    );
    if (!config.DISCORD_GUILD_ID) {
      process.stdout.write('Global commands can take up to an hour to appear in every server.\n');
    }
    return 0;
  } catch (error) {
    // The REST error names the route and status, never the token.
    process.stderr.write(`Could not register the commands for ${where}: ${(error as Error).message}\n`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
