import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/types.ts';
import { SqliteSubscriptionService } from '../../src/schedule/subscription-service.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { Clock, tempDir } from './helpers.ts';

let store: SqliteStore;
let cleanup: () => void;
let dir: string;
const clock = Clock.at('2026-03-02T10:00:00Z');
const admin: ChatContext = { platform: 'slack', channelId: 'C1', userId: 'U1', canManageChannel: true };

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = new SqliteStore(dir);
});
afterEach(() => {
  store.close();
  cleanup();
});

describe('SqliteSubscriptionService', () => {
  it('subscribes, lists and unsubscribes per channel, notifying listeners of each change', async () => {
    const service = new SqliteSubscriptionService(store, clock.now);
    let changes = 0;
    service.onChange(() => {
      changes++;
    });
    const sub = await service.subscribe(admin, {
      set: 'city-news',
      time: '7:05',
      zone: 'America/Chicago',
      days: 'weekdays',
    });
    expect(sub).toMatchObject({
      platform: 'slack',
      channelId: 'C1',
      set: 'city-news',
      time: '07:05',
      zone: 'America/Chicago',
      days: 'weekdays',
      createdBy: 'U1',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    await service.subscribe(admin, { set: 'other', time: '18:00', zone: 'UTC', days: 'daily' });
    await service.subscribe(
      { ...admin, channelId: 'C2' },
      { set: 'other', time: '18:00', zone: 'UTC', days: 'daily' },
    );
    expect((await service.list(admin)).map((s) => s.set)).toEqual(['city-news', 'other']);
    expect(await service.unsubscribe(admin, 'other')).toBe(1);
    expect(await service.unsubscribe(admin, 'nothing-here')).toBe(0);
    expect(await service.unsubscribe(admin, null)).toBe(1);
    expect(await service.list(admin)).toEqual([]);
    expect(await service.list({ ...admin, channelId: 'C2' })).toHaveLength(1);
    expect(changes).toBe(5);
  });

  it('survives a restart: subscriptions are read back from the database file', async () => {
    await new SqliteSubscriptionService(store, clock.now).subscribe(admin, {
      set: 'city-news',
      time: '07:30',
      zone: 'Europe/Berlin',
      days: 'daily',
    });
    store.close();
    store = new SqliteStore(dir);
    expect(await new SqliteSubscriptionService(store).list(admin)).toMatchObject([
      { set: 'city-news', time: '07:30', zone: 'Europe/Berlin' },
    ]);
  });

  it('rejects an invalid zone or time and a user who may not manage the channel', async () => {
    const service = new SqliteSubscriptionService(store, clock.now);
    const request = { set: 'city-news', time: '07:30', zone: 'America/Chicago', days: 'daily' as const };
    await expect(service.subscribe(admin, { ...request, zone: 'Chicago' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENTS',
      userMessage: expect.stringContaining('IANA name'),
    });
    await expect(service.subscribe(admin, { ...request, time: '25:00' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENTS',
    });
    const guest = { ...admin, canManageChannel: false };
    await expect(service.subscribe(guest, request)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.unsubscribe(guest, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await service.list(guest)).toEqual([]);
  });
});
