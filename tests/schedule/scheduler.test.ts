import { afterEach, describe, expect, it } from 'vitest';
import { schedulerFixture } from './fixture.ts';

let fx: ReturnType<typeof schedulerFixture>;
afterEach(() => fx.cleanup());

describe('DigestScheduler', () => {
  it('schedules one cron job per subscription, in its own zone', async () => {
    fx = schedulerFixture('2026-03-02T06:00:00Z');
    fx.subscribe();
    fx.subscribe({ id: 'sub-2', set: 'other', time: '09:05', zone: 'Europe/Berlin', days: 'weekdays' });
    await fx.scheduler.start();
    expect(fx.cron.active().map((j) => [j.expression, j.timezone])).toEqual([
      ['30 7 * * *', 'America/Chicago'],
      ['5 9 * * 1-5', 'Europe/Berlin'],
    ]);
  });

  it('posts at the slot, records the digest and links its thread, once per local day', async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z'); // 07:30 in Chicago (CST)
    const sub = fx.subscribe({ createdAt: '2026-03-02T13:40:00Z', updatedAt: '2026-03-02T13:40:00Z' });
    await fx.scheduler.start();
    await fx.cron.fireAll();
    await fx.cron.fireAll();
    expect(fx.slack.posts).toHaveLength(1);
    expect(fx.slack.posts[0]?.channelId).toBe('C1');
    expect(fx.bot.digestCalls).toEqual([{ set: 'city-news' }]);

    const [digest] = fx.store.ledger.digests('slack', 'C1', 'city-news');
    expect(digest).toMatchObject({
      messageId: 'slack-msg-1',
      slot: '2026-03-02',
      articleIds: ['a1', 'a2', 'a3'],
    });
    expect(fx.bot.links).toEqual([
      {
        platform: 'slack',
        channelId: 'C1',
        threadId: 'slack-msg-1',
        origin: expect.objectContaining({ set: 'city-news', digestId: digest?.id }),
      },
    ]);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')).toMatchObject({
      status: 'posted',
      message_id: 'slack-msg-1',
      digest_id: digest?.id,
    });

    fx.clock.set('2026-03-03T13:30:00Z');
    fx.sets.sets['city-news']?.push('a4');
    await fx.cron.fireAll();
    expect(fx.slack.posts).toHaveLength(2);
  });

  it("covers only what is new since the channel's last digest, and says so", async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z');
    fx.subscribe();
    await fx.scheduler.start();
    await fx.cron.fireAll(); // Monday: first digest, every article

    fx.sets.sets['city-news']?.push('a4', 'a5');
    fx.clock.set('2026-03-03T13:30:00Z');
    await fx.cron.fireAll();
    expect(fx.bot.digestCalls[1]).toEqual({
      set: 'city-news',
      articleIds: ['a4', 'a5'],
      note: '2 new articles since yesterday',
    });

    fx.clock.set('2026-03-04T13:30:00Z');
    await fx.cron.fireAll(); // nothing new: a one-line note, no digest record
    expect(fx.slack.posts[2]?.reply).toMatchObject({
      kind: 'info',
      text: 'No new articles in city-news since yesterday.',
    });
    expect(fx.bot.digestCalls).toHaveLength(2);
    expect(fx.store.ledger.digests('slack', 'C1', 'city-news')).toHaveLength(2);

    fx.sets.sets['city-news']?.push('a6');
    fx.clock.set('2026-03-06T13:30:00Z'); // Friday; last digest on Tuesday
    await fx.cron.fireAll();
    expect(fx.bot.digestCalls[2]).toEqual({
      set: 'city-news',
      articleIds: ['a6'],
      note: '1 new article since Tue, Mar 3',
    });
  });

  it('posts nothing when nothing is new and DIGEST_EMPTY is skip', async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z', { empty: 'skip' });
    const sub = fx.subscribe();
    await fx.scheduler.start();
    await fx.cron.fireAll();
    fx.clock.set('2026-03-03T13:30:00Z');
    await fx.cron.fireAll();
    expect(fx.slack.posts).toHaveLength(1);
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-03')?.status).toBe('skipped');
  });

  it('keeps digests of different channels and sets apart', async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z');
    fx.subscribe();
    fx.subscribe({ id: 'sub-2', platform: 'discord', channelId: '42' });
    await fx.scheduler.start();
    await fx.cron.fireAll();
    expect(fx.slack.posts).toHaveLength(1);
    expect(fx.discord.posts).toHaveLength(1);
    expect(fx.bot.digestCalls).toEqual([{ set: 'city-news' }, { set: 'city-news' }]);
  });

  it('applies subscription changes at once: new, changed and removed jobs', async () => {
    fx = schedulerFixture('2026-03-02T06:00:00Z');
    await fx.scheduler.start();
    expect(fx.cron.active()).toHaveLength(0);
    fx.subscribe();
    fx.scheduler.reload();
    expect(fx.cron.active().map((j) => j.expression)).toEqual(['30 7 * * *']);
    fx.subscribe({ time: '08:15' });
    fx.scheduler.reload();
    expect(fx.cron.active().map((j) => j.expression)).toEqual(['15 8 * * *']);
    fx.store.deleteChatSubscriptions('slack', 'C1', null);
    fx.scheduler.reload();
    expect(fx.cron.active()).toHaveLength(0);
  });

  it('follows the database when a job fires for a subscription another process removed', async () => {
    fx = schedulerFixture('2026-03-02T13:00:00Z');
    fx.subscribe();
    await fx.scheduler.start();
    fx.clock.set('2026-03-02T13:30:00Z');
    const job = fx.cron.active()[0];
    fx.store.deleteChatSubscriptions('slack', 'C1', null);
    job?.fn();
    await fx.cron.fireAll();
    expect(fx.slack.posts).toHaveLength(0);
    expect(fx.cron.active()).toHaveLength(0);
  });

  it('does not post a weekday subscription on a weekend', async () => {
    fx = schedulerFixture('2026-03-07T13:35:00Z'); // Saturday
    fx.subscribe({ days: 'weekdays' });
    await fx.scheduler.start();
    await fx.cron.fireAll();
    expect(fx.slack.posts).toHaveLength(0);
  });

  it('logs and does not claim a slot for a platform that is not connected', async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z', { posters: new Map() });
    const sub = fx.subscribe();
    await fx.scheduler.start();
    await fx.cron.fireAll();
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')).toBeUndefined();
    expect(fx.lines.some((l) => l.msg === 'no connected platform to post this digest to')).toBe(true);
  });

  it('does not retry a failed post, and releases a slot whose digest could not be built', async () => {
    fx = schedulerFixture('2026-03-02T13:30:00Z');
    const sub = fx.subscribe();
    const broken = fx.subscribe({ id: 'sub-2', set: 'missing-set', channelId: 'C2' });
    fx.slack.fail = new Error('socket hang up');
    await fx.scheduler.start();
    expect(fx.store.ledger.getSlot(sub.id, '2026-03-02')?.status).toBe('failed');
    expect(fx.store.ledger.getSlot(broken.id, '2026-03-02')).toBeUndefined();
    fx.slack.fail = null;
    await fx.scheduler.catchUp({ logMissed: false });
    expect(fx.slack.posts).toHaveLength(0);
    const errors = fx.lines.filter((l) => l.level >= 50).map((l) => l.msg);
    expect(errors).toContain('posting the scheduled digest failed; not retried');
    expect(errors).toContain('could not build the scheduled digest; slot released');
  });
});
