import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/slack/start-slack.ts';
import { FakeSlack } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN, memoryLogger, ScriptedBot, slackConfig, TEST_APP_OPTIONS } from './helpers.ts';

describe('startSlack start-up errors', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await FakeSlack.start();
  });
  afterEach(async () => {
    await slack.close();
  });

  it('names SLACK_BOT_TOKEN when Slack rejects it, without logging it', async () => {
    slack.handle('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const logs = memoryLogger();
    await expect(
      startSlack({
        config: slackConfig(slack.url, 'socket'),
        bot: new ScriptedBot(),
        logger: logs.logger,
        appOptions: TEST_APP_OPTIONS,
      }),
    ).rejects.toMatchObject({ code: 'NOT_CONFIGURED', message: expect.stringContaining('SLACK_BOT_TOKEN') });
    expect(slack.calls('apps.connections.open')).toHaveLength(0);
    expect(logs.raw()).not.toContain(BOT_TOKEN);
  });

  it('names SLACK_APP_TOKEN when the Socket Mode connection is refused', async () => {
    slack.handle('apps.connections.open', () => ({ ok: false, error: 'invalid_auth' }));
    const logs = memoryLogger();
    await expect(
      startSlack({
        config: slackConfig(slack.url, 'socket'),
        bot: new ScriptedBot(),
        logger: logs.logger,
        appOptions: TEST_APP_OPTIONS,
      }),
    ).rejects.toMatchObject({ code: 'NOT_CONFIGURED', message: expect.stringContaining('SLACK_APP_TOKEN') });
    expect(logs.raw()).not.toContain(APP_TOKEN);
  });

  it('stops cleanly and only once', async () => {
    const adapter = await startSlack({
      config: slackConfig(slack.url, 'http'),
      bot: new ScriptedBot(),
      logger: memoryLogger().logger,
      appOptions: TEST_APP_OPTIONS,
      host: '127.0.0.1',
    });
    expect(adapter.mode).toBe('http');
    await adapter.stop();
    await adapter.stop();
    await expect(
      fetch(`http://127.0.0.1:${adapter.port}/slack/events`, { method: 'POST' }),
    ).rejects.toThrow();
  });
});
