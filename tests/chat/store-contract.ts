import { describe, expect, it } from 'vitest';
import type { ThreadLink, ThreadStore } from '../../src/chat/types.ts';

/** A thread link with defaults, for store tests. */
export function threadLink(overrides: Partial<ThreadLink> = {}): ThreadLink {
  return {
    platform: 'slack',
    channelId: 'C1',
    threadId: '1700000000.000100',
    set: 'city-news',
    digestId: 'city-news@abc123',
    createdAt: '2026-02-04T07:30:00.000Z',
    subject: null,
    ...overrides,
  };
}

/**
 * The behaviour every ThreadStore must have. MemoryStore and SqliteStore both run it:
 * `runThreadStoreContract('SqliteStore', () => new SqliteStore(':memory:'))`.
 */
export function runThreadStoreContract(
  name: string,
  makeStore: () => ThreadStore | Promise<ThreadStore>,
): void {
  describe(`${name} (ThreadStore contract)`, () => {
    it('returns a saved thread link with every field', async () => {
      const store = await makeStore();
      const link = threadLink({ subject: 'Maria Okafor' });
      await store.saveThread(link);
      expect(await store.getThread('slack', 'C1', link.threadId)).toEqual(link);
    });

    it('returns undefined for a thread it never saw', async () => {
      const store = await makeStore();
      expect(await store.getThread('slack', 'C1', 'nope')).toBeUndefined();
    });

    it('keys links by platform, channel and thread together', async () => {
      const store = await makeStore();
      await store.saveThread(threadLink({ set: 'a' }));
      await store.saveThread(threadLink({ channelId: 'C2', set: 'b' }));
      await store.saveThread(threadLink({ platform: 'discord', set: 'c' }));
      expect((await store.getThread('slack', 'C1', '1700000000.000100'))?.set).toBe('a');
      expect((await store.getThread('slack', 'C2', '1700000000.000100'))?.set).toBe('b');
      expect((await store.getThread('discord', 'C1', '1700000000.000100'))?.set).toBe('c');
      expect(await store.getThread('terminal', 'C1', '1700000000.000100')).toBeUndefined();
    });

    it('replaces a link saved again for the same thread', async () => {
      const store = await makeStore();
      await store.saveThread(threadLink({ digestId: 'old' }));
      await store.saveThread(threadLink({ digestId: 'new', set: 'other' }));
      const link = await store.getThread('slack', 'C1', '1700000000.000100');
      expect(link?.digestId).toBe('new');
      expect(link?.set).toBe('other');
    });

    it('updates and clears the subject of a thread', async () => {
      const store = await makeStore();
      await store.saveThread(threadLink());
      await store.setThreadSubject('slack', 'C1', '1700000000.000100', 'Lena Moreau');
      expect((await store.getThread('slack', 'C1', '1700000000.000100'))?.subject).toBe('Lena Moreau');
      await store.setThreadSubject('slack', 'C1', '1700000000.000100', null);
      expect((await store.getThread('slack', 'C1', '1700000000.000100'))?.subject).toBeNull();
    });

    it('ignores a subject for an unknown thread without creating it', async () => {
      const store = await makeStore();
      await store.setThreadSubject('slack', 'C1', 'missing', 'Someone');
      expect(await store.getThread('slack', 'C1', 'missing')).toBeUndefined();
    });

    it('hands out copies: changing a returned link does not change the store', async () => {
      const store = await makeStore();
      await store.saveThread(threadLink());
      const link = await store.getThread('slack', 'C1', '1700000000.000100');
      if (link) link.subject = 'changed behind its back';
      expect((await store.getThread('slack', 'C1', '1700000000.000100'))?.subject).toBeNull();
    });
  });
}
