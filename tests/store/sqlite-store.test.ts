import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { runThreadStoreContract } from '../chat/store-contract.ts';
import { tempDir } from '../schedule/helpers.ts';

// The same contract MemoryStore passes, each test on a fresh database file.
const contractStores: { store: SqliteStore; cleanup: () => void }[] = [];
runThreadStoreContract('SqliteStore', () => {
  const temp = tempDir();
  const store = new SqliteStore(temp.dir);
  contractStores.push({ store, cleanup: temp.cleanup });
  return store;
});
afterAll(() => {
  for (const { store, cleanup } of contractStores.splice(0)) {
    store.close();
    cleanup();
  }
});

let dir: string;
let cleanup: () => void;
const open: SqliteStore[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  cleanup();
});

function openStore(): SqliteStore {
  const store = new SqliteStore(join(dir, 'nested', 'data'));
  open.push(store);
  return store;
}

const sub = {
  id: 'sub-1',
  platform: 'slack' as const,
  channelId: 'C1',
  set: 'city-news',
  time: '07:30',
  zone: 'America/Chicago',
  days: 'daily' as const,
  createdBy: 'U1',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

describe('SqliteStore', () => {
  it('creates DATA_DIR and briefing.db, in WAL mode, migrated to the latest version', () => {
    const store = openStore();
    expect(store.db.name).toBe(join(dir, 'nested', 'data', 'briefing.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
  });

  it('keeps thread links across a reopen, so follow-ups work after a restart', async () => {
    const first = openStore();
    await first.saveThread({
      platform: 'discord',
      channelId: '123',
      threadId: '456',
      set: 'city-news',
      digestId: 'd1',
      createdAt: '2026-03-01T12:00:00.000Z',
      subject: null,
    });
    await first.setThreadSubject('discord', '123', '456', 'the mayor');
    first.close();
    const second = openStore();
    expect(await second.getThread('discord', '123', '456')).toEqual({
      platform: 'discord',
      channelId: '123',
      threadId: '456',
      set: 'city-news',
      digestId: 'd1',
      createdAt: '2026-03-01T12:00:00.000Z',
      subject: 'the mayor',
    });
    expect(await second.getThread('slack', '123', '456')).toBeUndefined();
  });

  it('keeps one chat subscription per channel and set, changing its time in place', () => {
    const store = openStore();
    store.upsertChatSubscription(sub);
    const changed = store.upsertChatSubscription({
      ...sub,
      id: 'sub-2',
      time: '08:00',
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(changed).toMatchObject({
      id: 'sub-1',
      time: '08:00',
      source: 'chat',
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(store.listSubscriptions()).toHaveLength(1);
    expect(store.deleteChatSubscriptions('slack', 'C1', 'other-set')).toBe(0);
    expect(store.deleteChatSubscriptions('slack', 'C1', null)).toBe(1);
  });

  it('makes config subscriptions exactly the configured list and leaves chat ones alone', () => {
    const store = openStore();
    store.upsertChatSubscription(sub);
    const a = { ...sub, id: 'config-a', createdBy: 'config' };
    const b = { ...sub, id: 'config-b', createdBy: 'config', time: '09:00' };
    store.syncConfigSubscriptions([a, b]);
    store.syncConfigSubscriptions([{ ...b, createdAt: '2027-01-01T00:00:00.000Z' }]);
    const all = store.listSubscriptions();
    expect(all.map((s) => [s.id, s.source]).sort()).toEqual([
      ['config-b', 'config'],
      ['sub-1', 'chat'],
    ]);
    expect(store.getSubscription('config-b')?.createdAt).toBe(sub.createdAt);
  });

  it('migrates a database created by migration 1 to the latest without losing its rows', async () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    const first = MIGRATIONS[0];
    if (!first) throw new Error('no migrations');
    old.exec(first.sql);
    old.pragma(`user_version = ${first.version}`);
    old
      .prepare(
        `INSERT INTO subscriptions (id, platform, channel_id, set_name, time, zone, days, created_by, created_at, source)
         VALUES ('old-sub', 'discord', '99', 'city-news', '06:45', 'Europe/Berlin', 'weekdays', 'U9', '2025-12-01T08:00:00.000Z', 'chat')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO threads (platform, channel_id, thread_id, set_name, digest_id, created_at, subject)
         VALUES ('slack', 'C1', '1700000000.000100', 'city-news', 'dg', '2025-12-01T08:00:00.000Z', 'the council')`,
      )
      .run();
    old.close();

    const store = new SqliteStore(dir, { file });
    open.push(store);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(store.getSubscription('old-sub')).toMatchObject({
      platform: 'discord',
      channelId: '99',
      time: '06:45',
      zone: 'Europe/Berlin',
      days: 'weekdays',
      source: 'chat',
      updatedAt: '2025-12-01T08:00:00.000Z',
    });
    expect((await store.getThread('slack', 'C1', '1700000000.000100'))?.subject).toBe('the council');
    // Tables from later migrations work.
    expect(store.ledger.claim('old-sub', '2026-01-05', 'me', 0, 1000)).toEqual({
      outcome: 'claimed',
      takeover: false,
    });
  });

  it('refuses a database written by a newer version of the program', () => {
    const file = join(dir, 'future.db');
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    expect(() => new SqliteStore(dir, { file })).toThrow(/newer than this program knows/);
  });
});

describe('SlotLedger', () => {
  it('gives a slot to one owner, lets a claim that never started posting be taken over after its lease', () => {
    const a = openStore();
    const b = openStore();
    expect(a.ledger.claim('s', '2026-03-08', 'A', 1_000, 500).outcome).toBe('claimed');
    expect(b.ledger.claim('s', '2026-03-08', 'B', 1_200, 500)).toEqual({ outcome: 'busy', owner: 'A' });
    expect(b.ledger.claim('s', '2026-03-08', 'B', 1_600, 500)).toEqual({
      outcome: 'claimed',
      takeover: true,
    });
    // A's lease was taken: it must not post.
    expect(a.ledger.startPosting('s', '2026-03-08', 'A', 1_700, 500)).toBe(false);
    expect(b.ledger.startPosting('s', '2026-03-08', 'B', 1_700, 500)).toBe(true);
    b.ledger.complete('s', '2026-03-08', 'B', 'm1', null, 1_800);
    expect(a.ledger.claim('s', '2026-03-08', 'A', 9_000, 500)).toEqual({ outcome: 'done', status: 'posted' });
    expect(a.ledger.getSlot('s', '2026-03-08')).toMatchObject({ status: 'posted', message_id: 'm1' });
  });

  it('never retries a post whose lease expired mid-post (at most once)', () => {
    const a = openStore();
    const b = openStore();
    a.ledger.claim('s', '2026-03-08', 'A', 1_000, 500);
    a.ledger.startPosting('s', '2026-03-08', 'A', 1_000, 500);
    expect(b.ledger.claim('s', '2026-03-08', 'B', 1_200, 500)).toEqual({ outcome: 'busy', owner: 'A' });
    expect(b.ledger.claim('s', '2026-03-08', 'B', 2_000, 500)).toEqual({ outcome: 'uncertain', owner: 'A' });
    expect(b.ledger.claim('s', '2026-03-08', 'B', 3_000, 500)).toEqual({
      outcome: 'done',
      status: 'uncertain',
    });
  });

  it('lists a channel’s digests of a set newest first with their article ids', () => {
    const store = openStore();
    const base = { platform: 'slack' as const, channelId: 'C1', set: 'x', slot: null };
    store.ledger.recordDigest({
      ...base,
      id: 'd1',
      messageId: '1',
      articleIds: ['a', 'b'],
      postedAt: '2026-03-01T00:00:00.000Z',
    });
    store.ledger.recordDigest({
      ...base,
      id: 'd2',
      messageId: '2',
      articleIds: ['c'],
      postedAt: '2026-03-02T00:00:00.000Z',
    });
    store.ledger.recordDigest({
      ...base,
      id: 'd3',
      set: 'y',
      messageId: '3',
      articleIds: ['z'],
      postedAt: '2026-03-03T00:00:00.000Z',
    });
    expect(store.ledger.digests('slack', 'C1', 'x').map((d) => [d.id, d.articleIds])).toEqual([
      ['d2', ['c']],
      ['d1', ['a', 'b']],
    ]);
  });
});
