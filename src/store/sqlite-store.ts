import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Platform, Subscription, ThreadLink, ThreadStore } from '../chat/types.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { SlotLedger } from './slot-ledger.ts';

export type SubscriptionSource = 'chat' | 'config';

/** A stored subscription: the chat-layer fields plus where it came from and when it last changed. */
export interface StoredSubscription extends Subscription {
  source: SubscriptionSource;
  updatedAt: string;
}

interface SubscriptionRow {
  id: string;
  platform: Platform;
  channel_id: string;
  set_name: string;
  time: string;
  zone: string;
  days: 'daily' | 'weekdays';
  created_by: string;
  created_at: string;
  updated_at: string | null;
  source: SubscriptionSource;
}

interface ThreadRow {
  platform: Platform;
  channel_id: string;
  thread_id: string;
  set_name: string;
  digest_id: string;
  created_at: string;
  subject: string | null;
}

function toSubscription(r: SubscriptionRow): StoredSubscription {
  return {
    id: r.id,
    platform: r.platform,
    channelId: r.channel_id,
    set: r.set_name,
    time: r.time,
    zone: r.zone,
    days: r.days,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at ?? r.created_at,
    source: r.source,
  };
}

/** Applies every migration above the file's user_version, each in its own IMMEDIATE transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  for (const m of migrations) {
    // Re-read the version inside the write lock so two processes opening one file migrate once.
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latest) {
    throw new Error(`Database schema version ${version} is newer than this program knows (${latest}).`);
  }
  return version;
}

/**
 * SQLite persistence for thread links, subscriptions, posted digests and slot claims. Opened in WAL
 * mode with a busy timeout so two bot processes can share one file.
 */
export class SqliteStore implements ThreadStore {
  readonly db: Database.Database;
  readonly ledger: SlotLedger;

  /**
   * Opens `${dataDir}/briefing.db`, creating the directory and file, and migrates it. `file` names another
   * database file instead (tests, tools).
   */
  constructor(dataDir: string, options: { file?: string; migrations?: readonly Migration[] } = {}) {
    let filename = options.file;
    if (!filename) {
      mkdirSync(dataDir, { recursive: true });
      filename = join(dataDir, 'briefing.db');
    }
    this.db = new Database(filename);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db, options.migrations);
    this.ledger = new SlotLedger(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  async saveThread(link: ThreadLink): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO threads (platform, channel_id, thread_id, set_name, digest_id, created_at, subject)
         VALUES (@platform, @channelId, @threadId, @set, @digestId, @createdAt, @subject)
         ON CONFLICT (platform, channel_id, thread_id) DO UPDATE SET
           set_name = excluded.set_name, digest_id = excluded.digest_id,
           created_at = excluded.created_at, subject = excluded.subject`,
      )
      .run(link);
  }

  async getThread(platform: Platform, channelId: string, threadId: string): Promise<ThreadLink | undefined> {
    const row = this.db
      .prepare('SELECT * FROM threads WHERE platform = ? AND channel_id = ? AND thread_id = ?')
      .get(platform, channelId, threadId) as ThreadRow | undefined;
    if (!row) return undefined;
    return {
      platform: row.platform,
      channelId: row.channel_id,
      threadId: row.thread_id,
      set: row.set_name,
      digestId: row.digest_id,
      createdAt: row.created_at,
      subject: row.subject,
    };
  }

  async setThreadSubject(
    platform: Platform,
    channelId: string,
    threadId: string,
    subject: string | null,
  ): Promise<void> {
    this.db
      .prepare('UPDATE threads SET subject = ? WHERE platform = ? AND channel_id = ? AND thread_id = ?')
      .run(subject, platform, channelId, threadId);
  }

  listSubscriptions(where?: { platform: Platform; channelId: string }): StoredSubscription[] {
    const rows = where
      ? this.db
          .prepare(
            'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY time, set_name',
          )
          .all(where.platform, where.channelId)
      : this.db.prepare('SELECT * FROM subscriptions ORDER BY created_at, id').all();
    return (rows as SubscriptionRow[]).map(toSubscription);
  }

  getSubscription(id: string): StoredSubscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : undefined;
  }

  /**
   * Creates the channel's chat subscription to a set, or changes its time, zone and days (keeping its id,
   * so a day already posted is not posted again at the new time).
   */
  upsertChatSubscription(sub: Omit<StoredSubscription, 'source'>): StoredSubscription {
    this.db
      .prepare(
        `INSERT INTO subscriptions
           (id, platform, channel_id, set_name, time, zone, days, created_by, created_at, updated_at, source)
         VALUES (@id, @platform, @channelId, @set, @time, @zone, @days, @createdBy, @createdAt, @updatedAt, 'chat')
         ON CONFLICT (platform, channel_id, set_name) WHERE source = 'chat' DO UPDATE SET
           time = excluded.time, zone = excluded.zone, days = excluded.days, updated_at = excluded.updated_at`,
      )
      .run(sub);
    const row = this.db
      .prepare(
        "SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND set_name = ? AND source = 'chat'",
      )
      .get(sub.platform, sub.channelId, sub.set) as SubscriptionRow;
    return toSubscription(row);
  }

  /** Removes chat subscriptions of a channel (to one set, or all when set is null); returns how many. */
  deleteChatSubscriptions(platform: Platform, channelId: string, set: string | null): number {
    const base = "DELETE FROM subscriptions WHERE source = 'chat' AND platform = ? AND channel_id = ?";
    const result =
      set === null
        ? this.db.prepare(base).run(platform, channelId)
        : this.db.prepare(`${base} AND set_name = ?`).run(platform, channelId, set);
    return result.changes;
  }

  /**
   * Makes the config-sourced subscriptions exactly `subs`: rows not listed are removed, new ones inserted,
   * existing ones kept with their original created_at (ids are derived from the entry's content).
   */
  syncConfigSubscriptions(subs: Omit<StoredSubscription, 'source' | 'updatedAt'>[]): void {
    const insert = this.db.prepare(
      `INSERT INTO subscriptions
         (id, platform, channel_id, set_name, time, zone, days, created_by, created_at, updated_at, source)
       VALUES (@id, @platform, @channelId, @set, @time, @zone, @days, @createdBy, @createdAt, @createdAt, 'config')
       ON CONFLICT (id) DO NOTHING`,
    );
    this.db
      .transaction(() => {
        const keep = new Set(subs.map((s) => s.id));
        const existing = this.db.prepare("SELECT id FROM subscriptions WHERE source = 'config'").all() as {
          id: string;
        }[];
        const remove = this.db.prepare('DELETE FROM subscriptions WHERE id = ?');
        for (const { id } of existing) if (!keep.has(id)) remove.run(id);
        for (const s of subs) insert.run(s);
      })
      .immediate();
  }
}
