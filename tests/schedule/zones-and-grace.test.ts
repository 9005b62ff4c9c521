import nodeCron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { cronExpression } from '../../src/schedule/cron.ts';
import { configSubscriptions } from '../../src/schedule/start-scheduling.ts';
import { assertValidZone, zonedTimeToUtc } from '../../src/schedule/zoned-time.ts';
import { HOUR, schedulerFixture } from './fixture.ts';

let fx: ReturnType<typeof schedulerFixture> | undefined;
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
});

describe('DST in America/Chicago', () => {
  it('puts 07:30 local at the right UTC instant across both 2026 change days', () => {
    const at = (date: string) => zonedTimeToUtc(date, '07:30', 'America/Chicago').toISOString();
    expect(at('2026-03-07')).toBe('2026-03-07T13:30:00.000Z');
    expect(at('2026-03-08')).toBe('2026-03-08T12:30:00.000Z');
    expect(at('2026-10-31')).toBe('2026-10-31T12:30:00.000Z');
    expect(at('2026-11-01')).toBe('2026-11-01T13:30:00.000Z');
  });

  it("node-cron reads the job's expression in its zone: one 07:30 per day through each change", () => {
    const task = nodeCron.createTask(cronExpression('07:30', 'daily'), () => {}, {
      timezone: 'America/Chicago',
    });
    try {
      for (const [from, expected] of [
        [
          '2026-03-07T00:00:00Z',
          ['2026-03-07T13:30:00.000Z', '2026-03-08T12:30:00.000Z', '2026-03-09T12:30:00.000Z'],
        ],
        [
          '2026-10-31T00:00:00Z',
          ['2026-10-31T12:30:00.000Z', '2026-11-01T13:30:00.000Z', '2026-11-02T13:30:00.000Z'],
        ],
      ] as const) {
        const hits: string[] = [];
        for (let ms = Date.parse(from); ms < Date.parse(from) + 3 * 24 * HOUR; ms += 60_000) {
          if (task.match(new Date(ms))) hits.push(new Date(ms).toISOString());
        }
        expect(hits).toEqual(expected);
      }
    } finally {
      void task.destroy();
    }
  });

  it('posts one digest per local day when the cron fires at each day’s instant', async () => {
    fx = schedulerFixture('2026-03-06T00:00:00Z');
    const sub = fx.subscribe();
    await fx.scheduler.start();
    for (const instant of ['2026-03-07T13:30:00Z', '2026-03-08T12:30:00Z', '2026-03-09T12:30:00Z']) {
      fx.clock.set(instant);
      await fx.cron.fireAll();
    }
    expect(fx.slack.posts).toHaveLength(3);
    for (const date of ['2026-03-07', '2026-03-08', '2026-03-09']) {
      expect(fx.store.ledger.getSlot(sub.id, date)?.status).toBe('posted');
    }
  });

  it('posts once when a repeated local time (01:30 on 2026-11-01) fires twice', async () => {
    fx = schedulerFixture('2026-11-01T00:00:00Z');
    fx.subscribe({ time: '01:30' });
    await fx.scheduler.start();
    for (const instant of ['2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z']) {
      fx.clock.set(instant);
      await fx.cron.fireAll();
    }
    expect(fx.slack.posts).toHaveLength(1);
  });

  it('posts a time skipped by the spring-forward jump (02:30 on 2026-03-08) from the catch-up sweep', async () => {
    fx = schedulerFixture('2026-03-08T06:00:00Z');
    const sub = fx.subscribe({ time: '02:30' });
    await fx.scheduler.start();
    // node-cron never fires 02:30 that day; the sweep a few minutes after 03:30 CDT does.
    fx.clock.set('2026-03-08T08:35:00Z');
    await fx.scheduler.catchUp({ logMissed: false });
    expect(fx.slack.posts).toHaveLength(1);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-08')?.status).toBe('posted');
  });
});

describe('time zones', () => {
  it('rejects an unknown zone with a message a user can act on', () => {
    expect(() => assertValidZone('Mars/Olympus_Mons')).toThrow(
      /"Mars\/Olympus_Mons" is not a known time zone\. Use an IANA name such as America\/Chicago/,
    );
    expect(() => assertValidZone('Europe/Berlin')).not.toThrow();
  });

  it('rejects DIGEST_SCHEDULES with an unknown zone at boot, naming the entry', async () => {
    const entry = { platform: 'slack' as const, channel: 'C1', time: '07:30', days: 'daily' as const };
    const config = {
      DEFAULT_SET: 'city-news',
      DIGEST_SCHEDULES: [
        { ...entry, zone: 'UTC' },
        { ...entry, zone: 'Central Time' },
      ],
    };
    const error = await configSubscriptions(config, undefined, new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DIGEST_SCHEDULES[1].zone "Central Time" is not an IANA time zone (e.g. America/Chicago, UTC)',
    ]);
  });

  it('skips a stored subscription with a bad zone with an error log, and schedules the rest', async () => {
    fx = schedulerFixture('2026-03-02T06:00:00Z');
    fx.subscribe();
    fx.store.db
      .prepare(
        `INSERT INTO subscriptions (id, platform, channel_id, set_name, time, zone, days, created_by, created_at, updated_at, source)
         VALUES ('bad', 'slack', 'C9', 'city-news', '07:00', 'Nowhere/Land', 'daily', 'U1', '2026-01-01', '2026-01-01', 'chat')`,
      )
      .run();
    await fx.scheduler.start();
    expect(fx.cron.active().map((j) => j.timezone)).toEqual(['America/Chicago']);
    expect(fx.lines.find((l) => l.level === 50)).toMatchObject({
      msg: 'subscription has an unknown time zone',
      zone: 'Nowhere/Land',
    });
  });
});

describe('missed slots at start (DIGEST_GRACE)', () => {
  it('posts a slot missed within the grace window', async () => {
    fx = schedulerFixture('2026-03-02T15:00:00Z'); // 09:00 CST: 90 minutes late, grace 2 h
    fx.subscribe();
    await fx.scheduler.start();
    expect(fx.slack.posts).toHaveLength(1);
  });

  it('skips an older slot with a log line', async () => {
    fx = schedulerFixture('2026-03-02T16:45:00Z'); // 3 h 15 min late
    const sub = fx.subscribe();
    await fx.scheduler.start();
    expect(fx.slack.posts).toHaveLength(0);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')).toBeUndefined();
    expect(fx.lines.find((l) => l.msg === 'missed digest not posted: older than DIGEST_GRACE')).toMatchObject(
      {
        subscriptionId: sub.id,
        slot: '2026-03-02',
        lateMinutes: 195,
      },
    );
  });

  it("posts yesterday's slot when it is still within the grace window after midnight", async () => {
    fx = schedulerFixture('2026-03-03T06:15:00Z'); // 00:15 CST on the 3rd
    const sub = fx.subscribe({ time: '23:30' });
    await fx.scheduler.start();
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')?.status).toBe('posted');
  });

  it('owes nothing for a slot that passed before the subscription was made', async () => {
    fx = schedulerFixture('2026-03-02T14:00:00Z');
    fx.subscribe({ createdAt: '2026-03-02T13:45:00Z', updatedAt: '2026-03-02T13:45:00Z' });
    await fx.scheduler.start();
    expect(fx.slack.posts).toHaveLength(0);
  });
});
