import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefingBot } from '../../src/chat/briefing-bot.ts';
import { MemoryStore } from '../../src/chat/memory-store.ts';
import { type DiscordConnection, startDiscord } from '../../src/discord/start-discord.ts';
import { createLogger } from '../../src/logger.ts';
import { harborStrikeSet, MemorySetSource } from '../chat/memory-set-source.ts';
import { APP_ID, CHANNEL_ID, FakeDiscord, GUILD_ID } from '../fakes/fake-discord.ts';

/** The real chat layer behind the real discord.js client, with an invented two-article set in memory. */
const EPHEMERAL = 1 << 6;
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };

let fake: FakeDiscord;
let discord: DiscordConnection;
const store = new MemoryStore();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

const text = (embeds: unknown) => JSON.stringify(embeds);
const webhook = (payload: Record<string, unknown>, rest = '') =>
  new RegExp(`^/webhooks/${APP_ID}/${String(payload.token)}${rest}$`);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  fake = await FakeDiscord.start();
  const sets = new MemorySetSource({ 'port-strike': harborStrikeSet() });
  discord = await startDiscord({
    config: {
      DISCORD_TOKEN: 'token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.restUrl,
      DISCORD_MESSAGE_CONTENT: true,
    },
    bot: new BriefingBot({ sets, store }),
    logger: createLogger('silent'),
    sets,
    clientOptions: { rest: { retries: 0 } },
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  process.off('unhandledRejection', onUnhandled);
});

describe('Discord with the real BriefingBot', () => {
  let threadId = '';

  it('/brief posts the digest as embeds and opens a linked questions thread', async () => {
    const payload = fake.slashCommand('brief', {});
    fake.dispatch('INTERACTION_CREATE', payload);
    const edit = await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    const embeds = edit.body.embeds as Embed[];
    expect(embeds[0]?.title?.length).toBeGreaterThan(10);
    expect(embeds[0]?.description).toMatch(/^\*\*TL;DR\*\*\n• /);
    expect(text(embeds)).toContain('1,200');
    expect(text(embeds)).toContain('(https://ledger.example/dock-strike)');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    const thread = await fake.waitFor('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages/\\d+/threads$`));
    threadId = thread.path.split('/')[4] as string;
    await expect
      .poll(() => store.getThread('discord', CHANNEL_ID, threadId))
      .toMatchObject({ set: 'port-strike' });
  });

  it('answers a follow-up in the thread from the digest set (Message Content on: no mention needed)', async () => {
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.message({ channelId: threadId, content: 'How many dock workers walked off?' }),
    );
    const post = await fake.waitFor('POST', new RegExp(`^/channels/${threadId}/messages$`));
    const embeds = post.body.embeds as Embed[];
    expect(embeds[0]?.title).toBe('How many dock workers walked off?');
    expect(text(embeds)).toContain('1,200');
  });

  it('sends help and errors privately', async () => {
    const help = fake.slashCommand('brief', { text: 'help' });
    fake.dispatch('INTERACTION_CREATE', help);
    const helpReply = await fake.waitFor('POST', webhook(help));
    expect(helpReply.body.flags).toBe(EPHEMERAL);
    expect(text(helpReply.body.embeds)).toContain('/brief');

    const missing = fake.slashCommand('brief', { set: 'no-such-set' });
    fake.dispatch('INTERACTION_CREATE', missing);
    const error = await fake.waitFor('POST', webhook(missing));
    expect(error.body.flags).toBe(EPHEMERAL);
    expect(text(error.body.embeds)).toContain('no-such-set');
    expect(unhandled).toEqual([]);
  });
});
