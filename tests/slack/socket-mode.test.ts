import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SlackAdapter, startSlack } from '../../src/slack/start-slack.ts';
import { BOT_ID, BOT_USER, CHANNEL, FakeSlack, HUMAN } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN, memoryLogger, ScriptedBot, slackConfig, TEST_APP_OPTIONS } from './helpers.ts';

describe('Slack adapter in Socket Mode (real Bolt against a fake Slack)', () => {
  let slack: FakeSlack;
  let adapter: SlackAdapter;
  let bot: ScriptedBot;
  let logs: ReturnType<typeof memoryLogger>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeEach(async () => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    slack = await FakeSlack.start();
    bot = new ScriptedBot();
    logs = memoryLogger();
    adapter = await startSlack({
      config: slackConfig(slack.url, 'socket', { BRIEF_ADMINS: 'U0ADMIN' }),
      bot,
      logger: logs.logger,
      appOptions: TEST_APP_OPTIONS,
    });
  });

  afterEach(async () => {
    await adapter.stop();
    await slack.close();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    expect(logs.raw()).not.toContain(BOT_TOKEN);
    expect(logs.raw()).not.toContain(APP_TOKEN);
    // Bolt logs whole payloads at debug level; their verification token is scrubbed too.
    expect(logs.raw()).not.toContain('legacy-verification-token');
  });

  /** Posts a digest with /brief and returns the ts of its first message (the thread root). */
  async function postDigest(): Promise<string> {
    const envelope = slack.slashCommand({ command: '/brief', text: '' });
    const ack = await slack.deliver(envelope);
    expect(ack.envelope_id).toBe(envelope.envelope_id);
    await slack.waitFor('chat.postMessage');
    await vi.waitFor(() => expect(bot.links).toHaveLength(1));
    return bot.links[0]?.threadId ?? '';
  }

  it('connects with the app token, acks a slash command on the socket and posts the digest', async () => {
    expect(slack.calls('apps.connections.open')[0]?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const root = await postDigest();
    const [post] = slack.calls('chat.postMessage');
    expect(post?.body.channel).toBe(CHANNEL);
    expect((post?.body.blocks as { type: string }[] | undefined)?.[0]?.type).toBe('header');
    expect(root).toBe('1700000001.000100');
    // BRIEF_ADMINS is set and the user is not in it.
    expect(bot.requests[0]?.ctx.canManageChannel).toBe(false);
  });

  it("answers a question in the digest's thread, in that thread", async () => {
    const root = await postDigest();
    const event = slack.event({
      type: 'message',
      text: 'How many voted no?',
      ts: '1700000100.000200',
      thread_ts: root,
    });
    expect(await slack.deliver(event)).toEqual({ envelope_id: event.envelope_id, payload: {} });
    const [, answer] = await slack.waitFor('chat.postMessage', 2);
    expect(answer?.body).toMatchObject({
      channel: CHANNEL,
      thread_ts: root,
      text: 'Answer to: How many voted no?',
    });
    expect(bot.requests[1]?.request).toEqual({
      type: 'message',
      text: 'How many voted no?',
      threadId: root,
      mentioned: false,
    });
  });

  it("ignores the bot's own messages, other bots' and edits", async () => {
    const root = await postDigest();
    await slack.deliver(
      slack.event({
        type: 'message',
        user: BOT_USER,
        bot_id: BOT_ID,
        text: 'own',
        ts: '1700000100.1',
        thread_ts: root,
      }),
    );
    await slack.deliver(
      slack.event({
        type: 'message',
        subtype: 'bot_message',
        bot_id: 'B0OTHER',
        text: 'other',
        ts: '1700000100.2',
        thread_ts: root,
      }),
    );
    await slack.deliver(
      slack.event({
        type: 'message',
        subtype: 'message_changed',
        hidden: true,
        message: { text: 'edited', user: HUMAN, ts: '1700000100.3', thread_ts: root },
        ts: '1700000100.4',
      }),
    );
    await slack.deliver(slack.event({ type: 'message', text: 'last', ts: '1700000100.5', thread_ts: root }));
    await slack.waitFor('chat.postMessage', 2);
    expect(bot.requests.map((r) => r.request.text)).toEqual(['', 'last']);
  });

  it('answers an @mention once, in a new thread under the mention, without the mention text', async () => {
    const ts = '1700000200.000100';
    const text = `<@${BOT_USER}> what did the council decide?`;
    // Slack sends both a message event and an app_mention for a mention in a channel.
    await slack.deliver(slack.event({ type: 'message', text, ts, thread_ts: '1700000199.000100' }));
    await slack.deliver(slack.event({ type: 'app_mention', text, ts }));
    const [reply] = await slack.waitFor('chat.postMessage');
    expect(reply?.body).toMatchObject({ thread_ts: ts, text: 'Answer to: what did the council decide?' });
    // A redelivery of the same event (Slack retries after a reconnect) is not answered twice.
    await slack.deliver({ ...slack.event({ type: 'app_mention', text, ts }), retry_attempt: 1 });
    await slack.deliver(
      slack.event({ type: 'app_mention', text: `<@${BOT_USER}> and then?`, ts: '1700000201.1' }),
    );
    await slack.waitFor('chat.postMessage', 2);
    expect(bot.requests.map((r) => r.request)).toEqual([
      { type: 'message', text: 'what did the council decide?', threadId: null, mentioned: true },
      { type: 'message', text: 'and then?', threadId: null, mentioned: true },
    ]);
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
  });

  it('answers a failing command with an ephemeral apology and no unhandled rejection', async () => {
    await slack.deliver(slack.slashCommand({ command: '/ask', text: 'boom' }));
    const [reply] = await slack.waitFor('response_url');
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply?.body.text)).toMatch(/^Sorry, something went wrong/);
    await vi.waitFor(() =>
      expect(logs.lines().some((l) => l.level === 50 && l.command === '/ask')).toBe(true),
    );
  });

  it('answers a failing thread message with an ephemeral apology in the thread', async () => {
    const root = await postDigest();
    await slack.deliver(slack.event({ type: 'message', text: 'boom', ts: '1700000300.1', thread_ts: root }));
    const [apology] = await slack.waitFor('chat.postEphemeral');
    expect(apology?.body).toMatchObject({ channel: CHANNEL, user: HUMAN, thread_ts: root });
    expect(String(apology?.body.text)).toMatch(/^Sorry/);
  });

  it('shows user errors ephemerally and posts nothing in the channel', async () => {
    await slack.deliver(slack.slashCommand({ command: '/brief', text: 'nope' }));
    const [reply] = await slack.waitFor('response_url');
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', text: 'Unknown set "nope".' });
    expect(slack.calls('chat.postMessage')).toHaveLength(0);
  });
});
