import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSetSource } from '../../src/chat/types.ts';
import { APOLOGY } from '../../src/discord/handle-interaction.ts';
import { MESSAGE_APOLOGY } from '../../src/discord/handle-message.ts';
import { type DiscordConnection, startDiscord } from '../../src/discord/start-discord.ts';
import { createLogger } from '../../src/logger.ts';
import {
  APP_ID,
  CHANNEL_ID,
  FakeDiscord,
  GUILD_ID,
  human,
  MANAGER_PERMISSIONS,
  threadObject,
} from '../fakes/fake-discord.ts';
import { ScriptedBot } from './fake-chat-bot.ts';

const TOKEN = 'fake-bot-token.SECRET';
const EPHEMERAL = 1 << 6;

const sets: ArticleSetSource = {
  list: async () => ['city-budget', 'harbour-bridge', 'bridge-tolls'],
  load: async () => {
    throw new Error('not used');
  },
  defaultSet: async () => 'harbour-bridge',
};

let fake: FakeDiscord;
let discord: DiscordConnection;
const bot = new ScriptedBot();
const logLines: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

const tokenOf = (payload: Record<string, unknown>) => String(payload.token);
const webhook = (payload: Record<string, unknown>, rest = '') =>
  new RegExp(`^/webhooks/${APP_ID}/${tokenOf(payload)}${rest}$`);
const callback = (payload: Record<string, unknown>) =>
  new RegExp(`^/interactions/${String(payload.id)}/${tokenOf(payload)}/callback$`);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  fake = await FakeDiscord.start();
  const logger = createLogger('debug', { write: (line: string) => logLines.push(line) });
  discord = await startDiscord({
    config: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: `${fake.restUrl}/`,
      DISCORD_MESSAGE_CONTENT: false,
    },
    bot,
    logger,
    sets,
    clientOptions: { rest: { retries: 0 } },
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  process.off('unhandledRejection', onUnhandled);
});

describe('Discord adapter against a fake Discord', () => {
  it('registers /brief and /ask to the guild on start, with the bot token', async () => {
    const put = await fake.waitFor(
      'PUT',
      new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`),
    );
    expect((put.body as unknown as { name: string }[]).map((c) => c.name)).toEqual(['brief', 'ask']);
    expect(put.auth).toBe(`Bot ${TOKEN}`);
  });

  it('/brief defers, edits @original with the digest embeds, starts a thread and links it', async () => {
    const payload = fake.slashCommand('brief', { set: 'harbour-bridge', section: 'figures' });
    fake.dispatch('INTERACTION_CREATE', payload);

    const deferred = await fake.waitFor('POST', callback(payload));
    expect(deferred.body).toMatchObject({ type: 5 });
    expect(deferred.auth).toBeUndefined();

    const edit = await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    const embeds = edit.body.embeds as { title?: string; description?: string; footer?: { text: string } }[];
    expect(embeds[0]?.title).toBe('Digest of harbour-bridge figures');
    expect(embeds[0]?.description).toBe('Something happened \\<@999999999999999999\\>.');
    expect(embeds.at(-1)?.footer?.text).toBe('2 articles from 2 outlets · grounded');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    const thread = await fake.waitFor('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages/\\d+/threads$`));
    expect(thread.body).toMatchObject({ name: 'Questions about this briefing', auto_archive_duration: 1440 });
    const messageId = thread.path.split('/')[4];
    await expect.poll(() => bot.links.length).toBe(1);
    expect(bot.links[0]).toMatchObject({
      where: { platform: 'discord', channelId: CHANNEL_ID },
      threadId: messageId,
      origin: { set: 'harbour-bridge figures', digestId: 'd-harbour-bridge figures' },
    });
    const request = bot.requests.find((r) => r.request.type === 'command' && r.request.name === 'brief');
    expect(request?.request).toEqual({ type: 'command', name: 'brief', text: 'harbour-bridge figures' });
    expect(request?.ctx).toMatchObject({
      platform: 'discord',
      channelId: CHANNEL_ID,
      canManageChannel: false,
    });
  });

  it('answers a mention in the digest thread there, and ignores bots', async () => {
    const threadId = bot.links[0]?.threadId as string;
    const botAuthor = { ...human('400000000000000099'), bot: true };
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.message({
        channelId: threadId,
        content: `<@${APP_ID}> from a bot`,
        author: botAuthor,
        mentionsBot: true,
      }),
    );
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.message({ channelId: threadId, content: `<@${APP_ID}> who closed it?`, mentionsBot: true }),
    );
    const post = await fake.waitFor('POST', new RegExp(`^/channels/${threadId}/messages$`));
    const embeds = post.body.embeds as { title?: string; description?: string }[];
    expect(embeds[0]?.title).toBe('Answer');
    expect(embeds[0]?.description).toBe('You asked: who closed it? @\u200Beveryone');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });

    const messages = bot.requests.filter((r) => r.request.type === 'message');
    expect(messages.map((r) => r.request)).toEqual([
      { type: 'message', text: 'who closed it?', threadId, mentioned: true },
    ]);
    expect(messages[0]?.ctx.channelId).toBe(CHANNEL_ID);
  });

  it('/ask defers, then edits the placeholder with the answer', async () => {
    const payload = fake.slashCommand(
      'ask',
      { question: 'Who is in charge?', set: 'city-budget' },
      { permissions: MANAGER_PERMISSIONS },
    );
    fake.dispatch('INTERACTION_CREATE', payload);
    expect((await fake.waitFor('POST', callback(payload))).body).toMatchObject({ type: 5 });
    const edit = await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    expect((edit.body.embeds as { description?: string }[])[0]?.description).toContain(
      'You asked: Who is in charge? --set city-budget',
    );
    const ask = bot.requests.find((r) => r.request.type === 'command' && r.request.name === 'ask');
    expect(ask?.ctx.canManageChannel).toBe(true);
    expect(fake.calls.some((c) => c.method === 'DELETE' && c.path.includes(String(payload.token)))).toBe(
      false,
    );
  });

  it('sends a long digest as the edited placeholder plus follow-ups, with the thread on the first', async () => {
    const payload = fake.slashCommand('brief', { text: 'long' });
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    const followUp = await fake.waitFor('POST', webhook(payload));
    expect(followUp.body.flags ?? 0).toBe(0);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    await expect.poll(() => bot.links.filter((l) => l.origin.set === 'long').length).toBe(1);
    const thread = fake.calls.filter((c) => c.path.endsWith('/threads')).at(-1);
    expect(thread?.path).toBe(`/channels/${CHANNEL_ID}/messages/${bot.links.at(-1)?.threadId}/threads`);
    const sent = fake.calls.filter((c) => c.path.startsWith(`/webhooks/${APP_ID}/${String(payload.token)}`));
    const text = JSON.stringify(sent.map((c) => c.body.embeds));
    for (let i = 0; i < 400; i++) expect(text).toContain(`(https://news.example/long/${i})`);
  });

  it('/brief inside a thread links that thread instead of starting another', async () => {
    const threadId = bot.links[0]?.threadId as string;
    const channel = threadObject(threadId, CHANNEL_ID, { name: 'Questions about this briefing' });
    const payload = fake.slashCommand('brief', { set: 'inner' }, { channelId: threadId, channel });
    const threadsBefore = fake.calls.filter((c) => c.path.endsWith('/threads')).length;
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    await expect
      .poll(() => bot.links.find((l) => l.origin.set === 'inner'))
      .toMatchObject({
        where: { platform: 'discord', channelId: CHANNEL_ID },
        threadId,
      });
    expect(fake.calls.filter((c) => c.path.endsWith('/threads')).length).toBe(threadsBefore);
  });

  it('sends an ephemeral reply to a public /brief privately', async () => {
    const payload = fake.slashCommand('brief', { text: 'help' });
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.waitFor('DELETE', webhook(payload, '/messages/@original'));
    const followUp = await fake.waitFor('POST', webhook(payload));
    expect(followUp.body.flags).toBe(EPHEMERAL);
  });

  it('apologises privately when the bot fails, and logs the error without the token', async () => {
    const payload = fake.slashCommand('brief', { text: 'boom' });
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.waitFor('DELETE', webhook(payload, '/messages/@original'));
    const apology = await fake.waitFor('POST', webhook(payload));
    expect(apology.body).toMatchObject({ content: APOLOGY, flags: EPHEMERAL });
    await expect.poll(() => logLines.some((l) => l.includes('the set store exploded'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('SECRET');
  });

  it('keeps a delivered digest when linking its thread fails, and apologises privately', async () => {
    const payload = fake.slashCommand('brief', { set: 'link-fails' });
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    const apology = await fake.waitFor('POST', webhook(payload));
    expect(apology.body).toMatchObject({ content: APOLOGY, flags: EPHEMERAL });
    expect(fake.calls.some((c) => c.method === 'DELETE' && c.path.includes(tokenOf(payload)))).toBe(false);
  });

  it('offers set names for autocomplete', async () => {
    const payload = fake.autocomplete('brief', 'set', 'bri');
    fake.dispatch('INTERACTION_CREATE', payload);
    const answer = await fake.waitFor('POST', callback(payload));
    expect(answer.body).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'bridge-tolls', value: 'bridge-tolls' },
          { name: 'harbour-bridge', value: 'harbour-bridge' },
        ],
      },
    });
  });

  it('survives unexpected and malformed payloads and keeps answering', async () => {
    const before = fake.calls.length;
    const noUser = fake.slashCommand('brief', { set: 'x' });
    delete noUser.member;
    fake.dispatch('INTERACTION_CREATE', noUser);
    fake.dispatch('INTERACTION_CREATE', { id: '5', type: 2 });
    fake.dispatch('MESSAGE_CREATE', { id: '6', channel_id: CHANNEL_ID });
    fake.dispatch('SOMETHING_NEW', { id: '1' });
    fake.dispatch('INTERACTION_CREATE', fake.slashCommand('weather', { city: 'x' }));
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.message({ channelId: '300000000000000077', content: 'unknown channel' }),
    );
    fake.dispatch('MESSAGE_CREATE', fake.message({ channelId: CHANNEL_ID, content: 'not for the bot' }));
    const payload = fake.slashCommand('brief', {});
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.waitFor('PATCH', webhook(payload, '/messages/@original'));
    // Only the last /brief reached Discord's REST API: nothing was answered or apologised for.
    expect(fake.calls.slice(before).every((c) => c.path.includes(tokenOf(payload)))).toBe(true);
    expect(bot.requests.some((r) => r.request.type === 'message' && r.request.text.includes('not for'))).toBe(
      false,
    );
    expect(logLines.filter((l) => l.includes('dropped a malformed Discord payload'))).toHaveLength(3);
    expect(unhandled).toEqual([]);
  });

  it('apologises in the thread when answering a message fails', async () => {
    const threadId = bot.links[0]?.threadId as string;
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.message({ channelId: threadId, content: `<@${APP_ID}> boom`, mentionsBot: true }),
    );
    await expect
      .poll(() => fake.calls.find((c) => c.path === `/channels/${threadId}/messages` && c.body.content))
      .toMatchObject({ body: { content: MESSAGE_APOLOGY, allowed_mentions: { parse: [] } } });
  });

  it('posts a scheduled digest through the channel poster and starts its thread', async () => {
    const reply = await bot.digestReply('city-budget');
    const { messageId } = await discord.poster.post(CHANNEL_ID, reply);
    const sent = fake.calls.filter(
      (c) => c.method === 'POST' && c.path === `/channels/${CHANNEL_ID}/messages`,
    );
    expect((sent.at(-1)?.body.embeds as { title?: string }[] | undefined)?.[0]?.title).toBe(
      'Digest of city-budget',
    );
    await fake.waitFor('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages/${messageId}/threads$`));
  });
});
