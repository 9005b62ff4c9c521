import { DigestScheduler, type DigestSchedulerOptions } from '../../src/schedule/scheduler.ts';
import { SqliteStore, type StoredSubscription } from '../../src/store/sqlite-store.ts';
import { Clock, captureLogger, FakeBot, FakeCron, MemorySets, RecordingPoster, tempDir } from './helpers.ts';

export const HOUR = 3_600_000;

/** A scheduler on a temp database with fakes for everything else; `another()` opens a second "process". */
export function schedulerFixture(start: string, overrides: Partial<DigestSchedulerOptions> = {}) {
  const { dir, cleanup } = tempDir();
  const clock = Clock.at(start);
  const sets = new MemorySets({ 'city-news': ['a1', 'a2', 'a3'], other: ['o1'] });
  const stores: SqliteStore[] = [];

  function process(name: string, extra: Partial<DigestSchedulerOptions> = {}) {
    const store = new SqliteStore(dir);
    stores.push(store);
    const bot = new FakeBot(sets);
    const slack = new RecordingPoster('slack');
    const discord = new RecordingPoster('discord');
    const cron = new FakeCron();
    const { logger, lines } = captureLogger();
    const scheduler = new DigestScheduler({
      store,
      bot,
      sets,
      posters: new Map([
        ['slack', slack],
        ['discord', discord],
      ]),
      cron,
      logger,
      graceMs: 2 * HOUR,
      empty: 'note',
      now: clock.now,
      owner: name,
      leaseMs: 5 * 60_000,
      ...overrides,
      ...extra,
    });
    return { store, bot, slack, discord, cron, logger, lines, scheduler };
  }

  const main = process('process-1');
  return {
    ...main,
    dir,
    clock,
    sets,
    another: (name: string, extra: Partial<DigestSchedulerOptions> = {}) => process(name, extra),
    subscribe(sub: Partial<StoredSubscription> = {}): StoredSubscription {
      return main.store.upsertChatSubscription({
        id: sub.id ?? 'sub-1',
        platform: 'slack',
        channelId: 'C1',
        set: 'city-news',
        time: '07:30',
        zone: 'America/Chicago',
        days: 'daily',
        createdBy: 'U1',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        ...sub,
      });
    },
    cleanup() {
      for (const s of stores) s.close();
      cleanup();
    },
  };
}
