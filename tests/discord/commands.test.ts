import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatError } from '../../src/chat/types.ts';
import {
  askCommandText,
  briefCommandText,
  COMMANDS,
  registerCommands,
  restBase,
} from '../../src/discord/commands.ts';
import { stripMention } from '../../src/discord/handle-message.ts';
import { startDiscord } from '../../src/discord/start-discord.ts';
import { createLogger } from '../../src/logger.ts';
import { APP_ID, FakeDiscord } from '../fakes/fake-discord.ts';
import { ScriptedBot } from './fake-chat-bot.ts';

describe('command text for the chat grammar', () => {
  it('turns /brief options into "[set] [section]" or the free text', () => {
    expect(briefCommandText({})).toBe('');
    expect(briefCommandText({ set: 'harbour-bridge' })).toBe('harbour-bridge');
    expect(briefCommandText({ set: 'harbour-bridge', section: 'quotes' })).toBe('harbour-bridge quotes');
    expect(briefCommandText({ section: 'timeline' })).toBe('timeline');
    expect(briefCommandText({ text: '  help ' })).toBe('help');
    expect(briefCommandText({ text: 'schedule', set: null, section: null })).toBe('schedule');
  });

  it('puts a chosen set right after subscribe/unsubscribe', () => {
    expect(briefCommandText({ set: 'city', text: 'subscribe at 07:30 America/Chicago weekdays' })).toBe(
      'subscribe city at 07:30 America/Chicago weekdays',
    );
    expect(briefCommandText({ set: 'city', text: 'unsubscribe' })).toBe('unsubscribe city');
    expect(briefCommandText({ text: 'subscribe at 07:30' })).toBe('subscribe at 07:30');
  });

  it('turns /ask options into "<question> [--set name]"', () => {
    expect(askCommandText({ question: ' Who  decided? ' })).toBe('Who decided?');
    expect(askCommandText({ question: 'Who decided?', set: 'city' })).toBe('Who decided? --set city');
  });

  it('strips only the bot mention from a message', () => {
    expect(stripMention('<@123> who is <@456>?', '123')).toBe('who is <@456>?');
    expect(stripMention('hey <@!123>  what now', '123')).toBe('hey what now');
  });

  it('defines /brief without default_member_permissions and /ask with a required question', () => {
    const [brief, ask] = COMMANDS;
    expect(brief?.default_member_permissions).toBeUndefined();
    expect(brief?.options?.map((o) => o.name)).toEqual(['set', 'section', 'text']);
    expect(ask?.options?.find((o) => o.name === 'question')?.required).toBe(true);
    expect(restBase('http://127.0.0.1:1/api/')).toBe('http://127.0.0.1:1/api');
  });
});

const CLI = fileURLToPath(new URL('../../src/discord/register-cli.ts', import.meta.url));

describe('registration and start-up errors against a fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('registers globally when no guild is given', async () => {
    const stored = await registerCommands({ token: 'tok', applicationId: APP_ID, apiUrl: fake.restUrl });
    expect(stored.map((c) => c.name)).toEqual(['brief', 'ask']);
    const put = await fake.waitFor('PUT', new RegExp(`^/applications/${APP_ID}/commands$`));
    expect(put.auth).toBe('Bot tok');
  });

  it('npm run discord:register registers to the guild and says so; names missing variables', async () => {
    const run = (env: Record<string, string>) =>
      // From an empty directory, so a developer's .env cannot leak in.
      promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), CLI], {
        env: { PATH: process.env.PATH ?? '', ...env },
        cwd: tmpdir(),
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const ok = await run({
      DISCORD_TOKEN: 'cli-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: '200000000000000009',
      DISCORD_API_URL: fake.restUrl,
    });
    expect(ok.stdout).toBe('Registered /brief, /ask for guild 200000000000000009.\n');
    expect(ok.code).toBe(0);
    const put = await fake.waitFor(
      'PUT',
      new RegExp(`^/applications/${APP_ID}/guilds/200000000000000009/commands$`),
    );
    expect(put.auth).toBe('Bot cli-token');

    const missing = await run({});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Missing DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });

  it('names the missing variable', async () => {
    const start = startDiscord({
      config: {
        DISCORD_TOKEN: undefined,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_GUILD_ID: undefined,
        DISCORD_API_URL: fake.restUrl,
        DISCORD_MESSAGE_CONTENT: false,
      },
      bot: new ScriptedBot(),
      logger: createLogger('silent'),
    });
    await expect(start).rejects.toThrow(/DISCORD_TOKEN/);
  });

  it('reports a rejected token by variable name, never by value', async () => {
    fake.handle('GET', /^\/gateway\/bot$/, () => ({
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    }));
    const lines: string[] = [];
    const error = await startDiscord({
      config: {
        DISCORD_TOKEN: 'very-secret-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_GUILD_ID: undefined,
        DISCORD_API_URL: fake.restUrl,
        DISCORD_MESSAGE_CONTENT: false,
      },
      bot: new ScriptedBot(),
      logger: createLogger('trace', { write: (l: string) => lines.push(l) }),
      clientOptions: { rest: { retries: 0 } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).code).toBe('NOT_CONFIGURED');
    expect((error as ChatError).message).toContain('DISCORD_TOKEN');
    expect((error as ChatError).message).not.toContain('very-secret-token');
    expect(lines.join('')).not.toContain('very-secret-token');
  });
});
