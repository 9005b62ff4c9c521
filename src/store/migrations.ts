/**
 * Numbered schema migrations. Step N is applied when the database's PRAGMA user_version is below N;
 * never edit a step that has shipped, append a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and thread links',
    sql: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        set_name TEXT NOT NULL,
        time TEXT NOT NULL,
        zone TEXT NOT NULL,
        days TEXT NOT NULL CHECK (days IN ('daily', 'weekdays')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('chat', 'config'))
      );
      CREATE INDEX subscriptions_channel ON subscriptions (platform, channel_id);
      CREATE TABLE threads (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        set_name TEXT NOT NULL,
        digest_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        subject TEXT,
        PRIMARY KEY (platform, channel_id, thread_id)
      );
    `,
  },
  {
    version: 2,
    name: 'posted digests and slot claims',
    sql: `
      CREATE TABLE digests (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        set_name TEXT NOT NULL,
        slot TEXT,
        article_ids TEXT NOT NULL,
        posted_at TEXT NOT NULL
      );
      CREATE INDEX digests_channel_set ON digests (platform, channel_id, set_name, posted_at);
      CREATE TABLE slots (
        subscription_id TEXT NOT NULL,
        slot_date TEXT NOT NULL,
        lease_owner TEXT NOT NULL,
        lease_expires_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posting', 'posted', 'skipped', 'failed', 'uncertain')),
        message_id TEXT,
        digest_id TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, slot_date)
      );
    `,
  },
  {
    version: 3,
    name: 'subscription changes are tracked; one chat subscription per channel and set',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN updated_at TEXT;
      UPDATE subscriptions SET updated_at = created_at WHERE updated_at IS NULL;
      DELETE FROM subscriptions WHERE source = 'chat' AND rowid NOT IN (
        SELECT max(rowid) FROM subscriptions WHERE source = 'chat' GROUP BY platform, channel_id, set_name
      );
      CREATE UNIQUE INDEX subscriptions_chat_unique
        ON subscriptions (platform, channel_id, set_name) WHERE source = 'chat';
    `,
  },
];
