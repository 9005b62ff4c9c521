import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BriefingBot } from '../../src/chat/briefing-bot.ts';
import { MemoryStore } from '../../src/chat/memory-store.ts';
import { type SlackAdapter, startSlack } from '../../src/slack/start-slack.ts';
import { harborStrikeSet, MemorySetSource } from '../chat/memory-set-source.ts';
import { CHANNEL, FakeSlack, signSlackRequest } from '../fakes/fake-slack.ts';
import { memoryLogger, SIGNING_SECRET, slackConfig, TEST_APP_OPTIONS } from './helpers.ts';

type Block = { type: string; text?: { text: string }; fields?: { text: string }[] };

/** All text a posted message shows. */
function shown(body: Record<string, unknown> | undefined): string {
  const blocks = (body?.blocks ?? []) as Block[];
  return blocks.flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)]).join('\n');
}

describe.each(['socket', 'http'] as const)('the real BriefingBot through Slack (%s mode)', (mode) => {
  let slack: FakeSlack;
  let adapter: SlackAdapter;
  let store: MemoryStore;

  beforeEach(async () => {
    slack = await FakeSlack.start();
    store = new MemoryStore();
    const bot = new BriefingBot({
      sets: new MemorySetSource({ 'harbor-strike': harborStrikeSet() }),
      store,
      now: () => new Date('2026-03-11T08:00:00Z'),
    });
    adapter = await startSlack({
      config: slackConfig(slack.url, mode),
      bot,
      logger: memoryLogger().logger,
      appOptions: TEST_APP_OPTIONS,
      host: '127.0.0.1',
    });
  });

  afterEach(async () => {
    await adapter.stop();
    await slack.close();
  });

  /** Sends a slash command the way this mode receives it. */
  async function command(command: string, text: string): Promise<void> {
    if (mode === 'socket') {
      await slack.deliver(slack.slashCommand({ command, text }));
      return;
    }
    const body = new URLSearchParams(slack.slashCommandFields({ command, text })).toString();
    const response = await fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
      method: 'POST',
      headers: signSlackRequest(SIGNING_SECRET, body),
      body,
    });
    expect(response.status).toBe(200);
  }

  it('posts the digest as Block Kit and answers a follow-up in its thread', async () => {
    await command('/brief', '');
    const [post] = await slack.waitFor('chat.postMessage');
    const blocks = (post?.body.blocks ?? []) as Block[];
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.at(-1)?.type).toBe('context');
    const digest = shown(post?.body);
    expect(digest).toContain('1,200');
    expect(digest).toContain('Mensah');
    expect(digest).toContain('<https://ledger.example/dock-strike|');

    const root = '1700000001.000100';
    await vi.waitFor(async () =>
      expect(await store.getThread('slack', CHANNEL, root)).toMatchObject({ set: 'harbor-strike' }),
    );
    if (mode === 'socket') {
      await slack.deliver(
        slack.event({
          type: 'message',
          text: 'How many ships were waiting offshore?',
          ts: '1700000100.000200',
          thread_ts: root,
        }),
      );
      const [, answer] = await slack.waitFor('chat.postMessage', 2);
      expect(answer?.body.thread_ts).toBe(root);
      expect(shown(answer?.body)).toContain('14');
    }
  });

  it('answers /ask privately and explains an unknown set privately', async () => {
    await command('/ask', 'How many dock workers walked off the job?');
    const [answer] = await slack.waitFor('response_url');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(shown(answer?.body)).toContain('1,200');

    await command('/brief', 'no-such-set');
    const [, error] = await slack.waitFor('response_url', 2);
    expect(error?.body.response_type).toBe('ephemeral');
    expect(String(error?.body.text)).toMatch(/no-such-set/);
    expect(slack.calls('chat.postMessage')).toHaveLength(0);
    expect(slack.calls('response_url').every((c) => c.headers['content-type']?.includes('json'))).toBe(true);
  });
});
