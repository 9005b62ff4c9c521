import type Database from 'better-sqlite3';
import type { Platform } from '../chat/types.ts';

/**
 * Slot states. 'claimed': a process holds the lease and has not started posting (safe to take over once
 * the lease expires). 'posting': the post may be on its way. 'uncertain': a 'posting' lease expired, so
 * the post may or may not have happened; it is never retried (at most once). The rest are final.
 */
export type SlotStatus = 'claimed' | 'posting' | 'posted' | 'skipped' | 'failed' | 'uncertain';

export interface SlotRow {
  subscription_id: string;
  slot_date: string;
  lease_owner: string;
  lease_expires_at: number;
  status: SlotStatus;
  message_id: string | null;
  digest_id: string | null;
  updated_at: string;
}

export type ClaimOutcome =
  /** This owner holds the slot now (`takeover`: from a process whose lease expired before posting). */
  | { outcome: 'claimed'; takeover: boolean }
  /** Another owner holds a live lease. */
  | { outcome: 'busy'; owner: string }
  /** A post was started by an owner whose lease then expired: it may have gone out, so it is not retried. */
  | { outcome: 'uncertain'; owner: string }
  | { outcome: 'done'; status: SlotStatus };

export interface DigestRecord {
  id: string;
  platform: Platform;
  channelId: string;
  messageId: string;
  set: string;
  slot: string | null;
  articleIds: string[];
  postedAt: string;
}

interface DigestRow {
  id: string;
  platform: Platform;
  channel_id: string;
  message_id: string;
  set_name: string;
  slot: string | null;
  article_ids: string;
  posted_at: string;
}

function parseIds(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toDigest(r: DigestRow): DigestRecord {
  return {
    id: r.id,
    platform: r.platform,
    channelId: r.channel_id,
    messageId: r.message_id,
    set: r.set_name,
    slot: r.slot,
    articleIds: parseIds(r.article_ids),
    postedAt: r.posted_at,
  };
}

/** Slot claims (exactly-once posting) and the record of posted digests. All writes are transactions. */
export class SlotLedger {
  constructor(private readonly db: Database.Database) {}

  getSlot(subscriptionId: string, slotDate: string): SlotRow | undefined {
    return this.db
      .prepare('SELECT * FROM slots WHERE subscription_id = ? AND slot_date = ?')
      .get(subscriptionId, slotDate) as SlotRow | undefined;
  }

  /** Claims a slot for `owner` until `nowMs + leaseMs`, atomically against other connections. */
  claim(
    subscriptionId: string,
    slotDate: string,
    owner: string,
    nowMs: number,
    leaseMs: number,
  ): ClaimOutcome {
    const stamp = new Date(nowMs).toISOString();
    return this.db
      .transaction((): ClaimOutcome => {
        const inserted = this.db
          .prepare(
            `INSERT INTO slots (subscription_id, slot_date, lease_owner, lease_expires_at, status, updated_at)
             VALUES (?, ?, ?, ?, 'claimed', ?) ON CONFLICT (subscription_id, slot_date) DO NOTHING`,
          )
          .run(subscriptionId, slotDate, owner, nowMs + leaseMs, stamp);
        if (inserted.changes === 1) return { outcome: 'claimed', takeover: false };
        const row = this.getSlot(subscriptionId, slotDate);
        if (!row) return { outcome: 'busy', owner: 'unknown' };
        const expired = row.lease_expires_at <= nowMs;
        if (row.status === 'claimed' && expired) {
          this.db
            .prepare(
              `UPDATE slots SET lease_owner = ?, lease_expires_at = ?, updated_at = ?
               WHERE subscription_id = ? AND slot_date = ?`,
            )
            .run(owner, nowMs + leaseMs, stamp, subscriptionId, slotDate);
          return { outcome: 'claimed', takeover: true };
        }
        if (row.status === 'posting' && expired) {
          this.setStatus(subscriptionId, slotDate, 'uncertain', stamp);
          return { outcome: 'uncertain', owner: row.lease_owner };
        }
        if (row.status === 'claimed' || row.status === 'posting') {
          return { outcome: 'busy', owner: row.lease_owner };
        }
        return { outcome: 'done', status: row.status };
      })
      .immediate();
  }

  /**
   * Moves the owner's claim to 'posting' right before the post; false when the claim was taken over
   * meanwhile (the caller must then not post).
   */
  startPosting(
    subscriptionId: string,
    slotDate: string,
    owner: string,
    nowMs: number,
    leaseMs: number,
  ): boolean {
    const result = this.db
      .prepare(
        `UPDATE slots SET status = 'posting', lease_expires_at = ?, updated_at = ?
         WHERE subscription_id = ? AND slot_date = ? AND lease_owner = ? AND status = 'claimed'`,
      )
      .run(nowMs + leaseMs, new Date(nowMs).toISOString(), subscriptionId, slotDate, owner);
    return result.changes === 1;
  }

  /** Records the posted message (and the digest it carried, if any) in one transaction. */
  complete(
    subscriptionId: string,
    slotDate: string,
    owner: string,
    messageId: string,
    digest: DigestRecord | null,
    nowMs: number,
  ): void {
    this.db
      .transaction(() => {
        if (digest) this.recordDigest(digest);
        this.db
          .prepare(
            `UPDATE slots SET status = 'posted', message_id = ?, digest_id = ?, updated_at = ?
             WHERE subscription_id = ? AND slot_date = ? AND lease_owner = ?`,
          )
          .run(messageId, digest?.id ?? null, new Date(nowMs).toISOString(), subscriptionId, slotDate, owner);
      })
      .immediate();
  }

  /** Ends the owner's claim in a final state without a message ('skipped' or 'failed'). */
  finish(
    subscriptionId: string,
    slotDate: string,
    owner: string,
    status: 'skipped' | 'failed',
    nowMs: number,
  ): void {
    this.db
      .prepare(
        `UPDATE slots SET status = ?, updated_at = ?
         WHERE subscription_id = ? AND slot_date = ? AND lease_owner = ?`,
      )
      .run(status, new Date(nowMs).toISOString(), subscriptionId, slotDate, owner);
  }

  /** Gives up a claim that never reached 'posting', so a later attempt may take the slot. */
  release(subscriptionId: string, slotDate: string, owner: string): void {
    this.db
      .prepare(
        "DELETE FROM slots WHERE subscription_id = ? AND slot_date = ? AND lease_owner = ? AND status = 'claimed'",
      )
      .run(subscriptionId, slotDate, owner);
  }

  recordDigest(d: DigestRecord): void {
    this.db
      .prepare(
        `INSERT INTO digests (id, platform, channel_id, message_id, set_name, slot, article_ids, posted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.id,
        d.platform,
        d.channelId,
        d.messageId,
        d.set,
        d.slot,
        JSON.stringify(d.articleIds),
        d.postedAt,
      );
  }

  /** The channel's digests of a set, newest first. */
  digests(platform: Platform, channelId: string, set: string): DigestRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM digests WHERE platform = ? AND channel_id = ? AND set_name = ?
         ORDER BY posted_at DESC, rowid DESC`,
      )
      .all(platform, channelId, set) as DigestRow[];
    return rows.map(toDigest);
  }

  private setStatus(subscriptionId: string, slotDate: string, status: SlotStatus, stamp: string): void {
    this.db
      .prepare('UPDATE slots SET status = ?, updated_at = ? WHERE subscription_id = ? AND slot_date = ?')
      .run(status, stamp, subscriptionId, slotDate);
  }
}
