import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SlackAdapter, startSlack } from '../../src/slack/start-slack.ts';
import { CHANNEL, FakeSlack, HUMAN, signSlackRequest } from '../fakes/fake-slack.ts';
import {
  BOT_TOKEN,
  memoryLogger,
  ScriptedBot,
  SIGNING_SECRET,
  slackConfig,
  TEST_APP_OPTIONS,
} from './helpers.ts';

describe('Slack adapter in HTTP mode (real Bolt against a fake Slack)', () => {
  let slack: FakeSlack;
  let adapter: SlackAdapter;
  let bot: ScriptedBot;
  let logs: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    slack = await FakeSlack.start();
    bot = new ScriptedBot();
    logs = memoryLogger();
    adapter = await startSlack({
      config: slackConfig(slack.url, 'http'),
      bot,
      logger: logs.logger,
      appOptions: TEST_APP_OPTIONS,
      host: '127.0.0.1',
    });
  });

  afterEach(async () => {
    await adapter.stop();
    await slack.close();
  });

  /** POSTs a slash command to Bolt's endpoint as Slack would, signed unless told otherwise. */
  function postCommand(fields: Record<string, string>, headers?: Record<string, string>) {
    const body = new URLSearchParams(slack.slashCommandFields(fields)).toString();
    return fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
      method: 'POST',
      headers: headers ?? signSlackRequest(SIGNING_SECRET, body),
      body,
    });
  }

  it('acks a signed /brief at once, then posts the digest as Block Kit and links its thread', async () => {
    let release = () => {};
    bot.gate = new Promise((resolve) => {
      release = resolve;
    });
    const response = await postCommand({ command: '/brief', text: 'city-budget' });
    // The HTTP answer came back while the bot was still working: the ack does not wait.
    expect(response.status).toBe(200);
    expect(slack.calls('chat.postMessage')).toHaveLength(0);
    release();

    const [post] = await slack.waitFor('chat.postMessage');
    expect(post?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.body.channel).toBe(CHANNEL);
    const blocks = post?.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(blocks[0]?.text?.text).not.toContain('<!channel>');
    expect(blocks[2]?.text?.text).toContain('<https://example.com/a|Budget passes>');

    expect(bot.requests[0]?.request).toEqual({ type: 'command', name: 'brief', text: 'city-budget' });
    expect(bot.requests[0]?.ctx).toEqual({
      platform: 'slack',
      channelId: CHANNEL,
      userId: HUMAN,
      canManageChannel: true,
    });
    await vi.waitFor(() => expect(bot.links).toHaveLength(1));
    expect(bot.links[0]).toMatchObject({
      where: { platform: 'slack', channelId: CHANNEL },
      threadId: '1700000001.000100',
      origin: { set: 'city-budget' },
    });
  });

  it('answers /ask ephemerally through the response_url', async () => {
    const response = await postCommand({ command: '/ask', text: 'who voted no?' });
    expect(response.status).toBe(200);
    const [reply] = await slack.waitFor('response_url');
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', text: 'You asked: who voted no?' });
    expect(JSON.stringify(reply?.body.blocks)).toContain('You asked: who voted no?');
    expect(slack.calls('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a bad signature and a stale timestamp with 401, without calling the bot', async () => {
    const body = new URLSearchParams(slack.slashCommandFields({ command: '/brief' })).toString();
    const badSignature = await postCommand({ command: '/brief' }, signSlackRequest('not-the-secret', body));
    expect(badSignature.status).toBe(401);
    const stale = await postCommand(
      { command: '/brief' },
      signSlackRequest(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 600),
    );
    expect(stale.status).toBe(401);
    expect(bot.requests).toHaveLength(0);
  });

  it('answers a failing handler with a short ephemeral apology and logs the error', async () => {
    await postCommand({ command: '/brief', text: 'boom' });
    const [reply] = await slack.waitFor('response_url');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(String(reply?.body.text)).toMatch(/^Sorry, something went wrong/);
    expect(String(reply?.body.text)).not.toContain('exploded');
    await vi.waitFor(() =>
      expect(logs.lines().some((l) => l.level === 50 && JSON.stringify(l.err).includes('bot exploded'))).toBe(
        true,
      ),
    );
    expect(logs.raw()).not.toContain(BOT_TOKEN);
    expect(logs.raw()).not.toContain(SIGNING_SECRET);
  });

  it('posts through the response_url where the bot is not a member, and says how to fix threads', async () => {
    slack.handle('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    await postCommand({ command: '/brief' });
    const [digest, note] = await slack.waitFor('response_url', 2);
    expect(digest?.body).toMatchObject({
      response_type: 'in_channel',
      text: 'Council approves transit budget',
    });
    expect((digest?.body.blocks as { type: string }[] | undefined)?.[0]?.type).toBe('header');
    expect(note?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(note?.body.text)).toContain('Invite me');
    expect(bot.links).toHaveLength(0);
  });

  it('retries a rate-limited post, so the scheduled digest is not lost', async () => {
    slack.handle('chat.postMessage', (_body, n) =>
      n === 0
        ? { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } }
        : undefined,
    );
    const { messageId } = await adapter.poster.post(CHANNEL, await bot.digestReply());
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
    expect(messageId).toBe('1700000001.000100');
  });
});
