import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BriefingBot } from '../../src/chat/briefing-bot.ts';
import type { ChannelPoster, Platform } from '../../src/chat/types.ts';
import { type DiscordConnection, startDiscord } from '../../src/discord/start-discord.ts';
import { type SetWatcher, watchSets } from '../../src/schedule/set-watcher.ts';
import { type Scheduling, startScheduling } from '../../src/schedule/start-scheduling.ts';
import { FileSetSource } from '../../src/sets/file-set-source.ts';
import { type SlackAdapter, startSlack } from '../../src/slack/start-slack.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { APP_ID, CHANNEL_ID, FakeDiscord, GUILD_ID } from '../fakes/fake-discord.ts';
import { CHANNEL, FakeSlack } from '../fakes/fake-slack.ts';
import { memoryLogger, slackConfig, TEST_APP_OPTIONS } from '../slack/helpers.ts';
import { Clock, FakeCron, tempDir } from './helpers.ts';

const ARTICLES: Record<string, string> = {
  'harbour-gazette-closure.txt': `---
outlet: Harbour Gazette
title: Harbour bridge to close for six weeks of repairs
date: 2026-03-01
---
The harbour bridge will close to traffic for six weeks starting March 16 while crews replace 40 corroded cables, the transport department said on Sunday.

"We cannot keep the bridge open safely while the cables are replaced," said transport director Maria Olsen.

About 25,000 vehicles cross the bridge each day, according to the department.`,
  'coast-daily-detours.txt': `---
outlet: Coast Daily
title: Detours and extra ferries planned during bridge closure
date: 2026-03-02
---
The city will add two ferry routes and run detour buses every 10 minutes while the harbour bridge is closed, officials said on Monday.

"Commuters should plan for an extra 20 minutes each way," said city traffic engineer Sam Patel.

The repairs will cost $18 million, paid from the state infrastructure fund.`,
};

const NEW_ARTICLE = `---
outlet: Harbour Gazette
title: Bridge repair contract awarded
date: 2026-03-03
---
The transport department awarded the $18 million bridge repair contract to a regional builder on Tuesday, with work to begin March 16.

"The crews are ready to start on the first day of the closure," said transport director Maria Olsen.`;

const temp = tempDir();
const briefings = join(temp.dir, 'briefings');
const setDir = join(briefings, 'harbour-bridge');
const clock = Clock.at('2026-03-02T12:00:00Z');
const cron = new FakeCron();
const logs = memoryLogger();
let store: SqliteStore;
let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let slack: SlackAdapter;
let discord: DiscordConnection;
let scheduling: Scheduling;
let watcher: SetWatcher;
let invalidations = 0;

beforeAll(async () => {
  mkdirSync(setDir, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(setDir, name), text);
  const sets = new FileSetSource(briefings, 'harbour-bridge');
  store = new SqliteStore(join(temp.dir, 'data'));
  const schedule = { time: '07:30', zone: 'America/Chicago', days: 'daily' as const };
  // The order main.ts uses: subscriptions first (the bot takes them), then the adapters, then the jobs.
  scheduling = await startScheduling({
    config: {
      DEFAULT_SET: 'harbour-bridge',
      DIGEST_GRACE: 2 * 3_600_000,
      DIGEST_EMPTY: 'note',
      DIGEST_SCHEDULES: [
        { platform: 'slack', channel: CHANNEL, ...schedule },
        { platform: 'discord', channel: CHANNEL_ID, ...schedule },
      ],
    },
    store,
    sets,
    logger: logs.logger,
    cron,
    now: clock.now,
    sweepMs: 0,
  });
  const bot = new BriefingBot({ sets, store, subscriptions: scheduling.subscriptions, now: clock.now });
  slackFake = await FakeSlack.start();
  slack = await startSlack({
    config: slackConfig(slackFake.url, 'socket'),
    bot,
    logger: logs.logger,
    appOptions: TEST_APP_OPTIONS,
  });
  discordFake = await FakeDiscord.start();
  discord = await startDiscord({
    config: {
      DISCORD_TOKEN: 'fake-bot-token.SECRET',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: `${discordFake.restUrl}/`,
      DISCORD_MESSAGE_CONTENT: false,
    },
    bot,
    logger: logs.logger,
    sets,
    clientOptions: { rest: { retries: 0 } },
  });
  const posters = new Map<Platform, ChannelPoster>([
    ['slack', slack.poster],
    ['discord', discord.poster],
  ]);
  await scheduling.start({ bot, posters });
  watcher = watchSets(
    briefings,
    (changed) => {
      for (const name of changed) sets.invalidate(name);
      invalidations++;
    },
    { debounceMs: 100 },
  );
  await watcher.ready;
}, 30_000);

afterAll(async () => {
  // Nothing went wrong on the way: no error was logged by the scheduler or the adapters.
  expect(logs.lines().filter((l) => Number(l.level) >= 50)).toEqual([]);
  await watcher?.close();
  await scheduling?.stop();
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
  store?.close();
  temp.cleanup();
});

const discordPosts = () =>
  discordFake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL_ID}/messages`);

describe('scheduled digests through the fake Slack and fake Discord', () => {
  it('posts the configured digest to both platforms at 07:30 Chicago time and links its threads', async () => {
    clock.set('2026-03-02T13:30:00Z');
    await cron.fireAll();
    const [post] = await slackFake.waitFor('chat.postMessage');
    expect(post?.body.channel).toBe(CHANNEL);
    expect(JSON.stringify(post?.body.blocks)).toContain('bridge');
    await vi.waitFor(() => expect(discordPosts()).toHaveLength(1));

    await vi.waitFor(async () => {
      const [s] = store.ledger.digests('slack', CHANNEL, 'harbour-bridge');
      const [d] = store.ledger.digests('discord', CHANNEL_ID, 'harbour-bridge');
      expect(s?.articleIds).toHaveLength(2);
      expect(d?.articleIds).toHaveLength(2);
      // Follow-ups in either thread are answered from this set, also after a restart (SQLite).
      expect(await store.getThread('slack', CHANNEL, s?.messageId ?? '')).toMatchObject({
        set: 'harbour-bridge',
        digestId: s?.id,
      });
      expect(await store.getThread('discord', CHANNEL_ID, d?.messageId ?? '')).toMatchObject({
        set: 'harbour-bridge',
        digestId: d?.id,
      });
    });

    // A second fire the same local day posts nothing more.
    await cron.fireAll();
    expect(slackFake.calls('chat.postMessage')).toHaveLength(1);
    expect(discordPosts()).toHaveLength(1);
  });

  it("the next day's digest covers the article added meanwhile (picked up by the watcher) and says so", async () => {
    writeFileSync(join(setDir, 'harbour-gazette-contract.txt'), NEW_ARTICLE);
    await vi.waitFor(() => expect(invalidations).toBeGreaterThan(0), { timeout: 5_000 });
    clock.set('2026-03-03T13:30:00Z');
    await cron.fireAll();
    const posts = await slackFake.waitFor('chat.postMessage', 2);
    expect(JSON.stringify(posts[1]?.body)).toContain('1 new article since yesterday');
    await vi.waitFor(() => expect(discordPosts()).toHaveLength(2));
    expect(JSON.stringify(discordPosts()[1]?.body)).toContain('1 new article since yesterday');
    await vi.waitFor(() =>
      expect(store.ledger.digests('slack', CHANNEL, 'harbour-bridge')[0]?.articleIds).toEqual([
        'harbour-gazette-contract',
      ]),
    );
  });
});
