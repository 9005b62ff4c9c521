import { afterEach, describe, expect, it } from 'vitest';
import { schedulerFixture } from './fixture.ts';
import { settle } from './helpers.ts';

let fx: ReturnType<typeof schedulerFixture>;
afterEach(() => fx.cleanup());

describe('exactly once per subscription and local day', () => {
  it('does not post again after a restart between the post and its record (at most once)', async () => {
    fx = schedulerFixture('2026-03-02T13:00:00Z');
    const sub = fx.subscribe();
    await fx.scheduler.start();
    // The message reaches Slack, then the process dies before recording it.
    fx.slack.hang = true;
    fx.clock.set('2026-03-02T13:30:00Z');
    for (const job of fx.cron.active()) job.fn();
    await settle();
    expect(fx.slack.posts).toHaveLength(1);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')?.status).toBe('posting');

    // Restart 20 minutes later, inside the grace window, with the old lease expired.
    fx.clock.set('2026-03-02T13:50:00Z');
    const restarted = fx.another('process-2');
    await restarted.scheduler.start();
    await restarted.cron.fireAll();
    expect(restarted.slack.posts).toHaveLength(0);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')?.status).toBe('uncertain');
    expect(restarted.lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      'a process stopped while posting this digest; not posting again, it may already be in the channel',
    ]);
  });

  it('posts after a restart when the old process died after claiming but before posting', async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z');
    const sub = fx.subscribe();
    fx.store.ledger.claim(
      sub.id,
      '2026-03-02',
      'dead-process',
      Date.parse('2026-03-02T13:30:00Z'),
      5 * 60_000,
    );

    // While the dead process's lease is live nobody posts …
    fx.clock.set('2026-03-02T13:32:00Z');
    await fx.scheduler.start();
    expect(fx.slack.posts).toHaveLength(0);
    // … once it has expired the slot is taken over, and posted once.
    fx.clock.set('2026-03-02T13:40:00Z');
    await fx.scheduler.catchUp({ logMissed: false });
    await fx.scheduler.catchUp({ logMissed: false });
    expect(fx.slack.posts).toHaveLength(1);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')).toMatchObject({
      status: 'posted',
      lease_owner: 'process-1',
    });
  });

  it('two schedulers on one database file post a slot once', async () => {
    fx = schedulerFixture('2026-03-02T13:00:00Z');
    fx.subscribe();
    fx.subscribe({ id: 'sub-2', platform: 'discord', channelId: '42', time: '07:30' });
    const second = fx.another('process-2');
    await Promise.all([fx.scheduler.start(), second.scheduler.start()]);
    fx.clock.set('2026-03-02T13:30:00Z');
    // Both fire at the same moment; each also runs a catch-up sweep.
    for (const job of [...fx.cron.active(), ...second.cron.active()]) job.fn();
    await Promise.all([
      fx.scheduler.catchUp({ logMissed: false }),
      second.scheduler.catchUp({ logMissed: false }),
    ]);
    await settle();
    expect(fx.slack.posts.length + second.slack.posts.length).toBe(1);
    expect(fx.discord.posts.length + second.discord.posts.length).toBe(1);
    expect(fx.store.ledger.digests('slack', 'C1', 'city-news')).toHaveLength(1);
    expect(fx.store.ledger.digests('discord', '42', 'city-news')).toHaveLength(1);
  });

  it('two processes starting together inside the grace window post a missed slot once', async () => {
    fx = schedulerFixture('2026-03-02T14:00:00Z');
    fx.subscribe();
    const second = fx.another('process-2');
    await Promise.all([fx.scheduler.start(), second.scheduler.start()]);
    expect(fx.slack.posts.length + second.slack.posts.length).toBe(1);
  });
});
