import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduling } from '../../src/schedule/start-scheduling.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { Clock, captureLogger, FakeBot, FakeCron, MemorySets, RecordingPoster, tempDir } from './helpers.ts';

let temp: ReturnType<typeof tempDir>;
const stores: SqliteStore[] = [];
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  temp.cleanup();
});

const config = {
  DEFAULT_SET: undefined,
  DIGEST_GRACE: 2 * 3_600_000,
  DIGEST_EMPTY: 'note' as const,
  DIGEST_SCHEDULES: [
    {
      platform: 'discord' as const,
      channel: '777',
      time: '8:00',
      zone: 'Europe/Berlin',
      days: 'daily' as const,
    },
  ],
};

function boot() {
  const store = new SqliteStore(temp.dir);
  stores.push(store);
  const sets = new MemorySets({ 'city-news': ['a1', 'a2'] });
  const cron = new FakeCron();
  const { logger } = captureLogger();
  return { store, sets, cron, logger, bot: new FakeBot(sets), discord: new RecordingPoster('discord') };
}

describe('startScheduling', () => {
  it('stores DIGEST_SCHEDULES, follows chat subscriptions at once and posts through the posters', async () => {
    const clock = Clock.at('2026-03-02T06:00:00Z');
    const p = boot();
    const scheduling = await startScheduling({
      config,
      store: p.store,
      logger: p.logger,
      sets: p.sets,
      cron: p.cron,
      now: clock.now,
      sweepMs: 0,
    });
    // The service exists before the bot, which takes it in its constructor.
    const admin = { platform: 'discord' as const, channelId: '555', userId: 'U1', canManageChannel: true };
    await scheduling.start({ bot: p.bot, posters: new Map([['discord', p.discord]]) });
    expect(p.store.listSubscriptions()).toMatchObject([
      {
        source: 'config',
        platform: 'discord',
        channelId: '777',
        set: 'city-news',
        time: '08:00',
        zone: 'Europe/Berlin',
      },
    ]);
    expect(p.cron.active().map((j) => j.expression)).toEqual(['0 8 * * *']);

    await scheduling.subscriptions.subscribe(admin, {
      set: 'city-news',
      time: '09:15',
      zone: 'UTC',
      days: 'daily',
    });
    expect(p.cron.active().map((j) => [j.expression, j.timezone])).toEqual([
      ['0 8 * * *', 'Europe/Berlin'],
      ['15 9 * * *', 'UTC'],
    ]);

    clock.set('2026-03-02T07:00:00Z'); // 08:00 in Berlin
    await p.cron.fireAll();
    expect(p.discord.posts.map((x) => x.channelId)).toEqual(['777']);
    await scheduling.stop();
    expect(p.cron.active()).toEqual([]);
  });

  it('upserts the same config rows on every restart', async () => {
    const clock = Clock.at('2026-03-02T06:00:00Z');
    for (let i = 0; i < 2; i++) {
      const p = boot();
      const scheduling = await startScheduling({
        config,
        store: p.store,
        logger: p.logger,
        sets: p.sets,
        cron: p.cron,
        now: clock.now,
        sweepMs: 0,
      });
      await scheduling.stop();
      expect(p.store.listSubscriptions()).toHaveLength(1);
      clock.advance(3_600_000);
    }
  });
});
