import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Reply } from '../chat/reply.ts';
import type { ArticleSetSource, ChannelPoster, ChatBot, Platform } from '../chat/types.ts';
import type { Logger } from '../logger.ts';
import type { DigestRecord } from '../store/slot-ledger.ts';
import type { SqliteStore, StoredSubscription } from '../store/sqlite-store.ts';
import { type Cron, type CronJob, cronExpression } from './cron.ts';
import { newArticlesNote, nothingNewReply, whatsNew } from './whats-new.ts';
import { addDays, isValidZone, localParts, weekdayOf, zonedTimeToUtc } from './zoned-time.ts';

export interface DigestSchedulerOptions {
  store: SqliteStore;
  bot: Pick<ChatBot, 'digestReply' | 'linkThread'>;
  /** Where the set's article ids are read to find what is new; without it, from the bot's full digest. */
  sets?: Pick<ArticleSetSource, 'load'> | undefined;
  posters: Map<Platform, ChannelPoster>;
  cron: Cron;
  logger: Logger;
  /** How late a missed slot may still be posted (DIGEST_GRACE), in ms. */
  graceMs: number;
  /** DIGEST_EMPTY: with nothing new, post a one-line note or nothing. */
  empty: 'note' | 'skip';
  now?: () => Date;
  /** Identifies this process in slot leases. */
  owner?: string;
  /** How long a claim (and then a post in progress) is held before others may act on it. */
  leaseMs?: number;
}

export type SlotOutcome =
  | 'posted'
  | 'note'
  | 'skipped'
  | 'busy'
  | 'done'
  | 'uncertain'
  | 'failed'
  | 'error'
  | 'no-poster'
  | 'not-due';

type Plan =
  | { kind: 'digest'; reply: Reply; articleIds: string[] }
  | { kind: 'note'; reply: Reply }
  | { kind: 'skip' };

const jobKey = (s: StoredSubscription) => `${s.time}|${s.zone}|${s.days}`;

/**
 * Posts each subscription's digest once per local day. Every cron job runs in its subscription's zone;
 * a slot is the subscription id plus the local date there, claimed in SQLite before posting.
 */
export class DigestScheduler {
  readonly owner: string;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly jobs = new Map<string, { key: string; job: CronJob }>();
  private readonly inFlight = new Map<string, Promise<SlotOutcome>>();
  private stopped = false;

  constructor(private readonly o: DigestSchedulerOptions) {
    this.now = o.now ?? (() => new Date());
    this.owner = o.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = o.leaseMs ?? 5 * 60_000;
  }

  /** Schedules every stored subscription, then posts slots missed within the grace window. */
  async start(): Promise<void> {
    this.stopped = false;
    this.reload();
    await this.catchUp({ logMissed: true });
  }

  /** Re-reads subscriptions and adds, replaces or stops cron jobs to match. */
  reload(): void {
    if (this.stopped) return;
    const subs = this.o.store.listSubscriptions();
    const live = new Set<string>();
    for (const sub of subs) {
      if (!isValidZone(sub.zone)) {
        this.o.logger.error(
          { subscriptionId: sub.id, zone: sub.zone },
          'subscription has an unknown time zone',
        );
        continue;
      }
      live.add(sub.id);
      const existing = this.jobs.get(sub.id);
      if (existing?.key === jobKey(sub)) continue;
      existing?.job.stop();
      const fire = () => {
        this.fire(sub.id).catch((err: unknown) =>
          this.o.logger.error({ err, subscriptionId: sub.id }, 'scheduled digest job failed'),
        );
      };
      const job = this.o.cron.schedule(cronExpression(sub.time, sub.days), fire, { timezone: sub.zone });
      this.jobs.set(sub.id, { key: jobKey(sub), job });
    }
    for (const [id, { job }] of this.jobs) {
      if (!live.has(id)) {
        job.stop();
        this.jobs.delete(id);
      }
    }
  }

  /**
   * For each subscription, posts its most recent passed slot if that is within the grace window and
   * unclaimed; an older unposted slot is logged (when `logMissed`) and skipped. Slots from before the
   * subscription was created or last changed are not owed.
   */
  async catchUp({ logMissed }: { logMissed: boolean }): Promise<void> {
    for (const sub of this.o.store.listSubscriptions()) {
      if (!isValidZone(sub.zone)) continue;
      const slot = this.lastPassedSlot(sub);
      if (!slot || slot.at.getTime() < Date.parse(sub.updatedAt)) continue;
      // Cheap read first: a settled slot needs no write transaction on every sweep.
      const existing = this.o.store.ledger.getSlot(sub.id, slot.date);
      if (existing && existing.status !== 'claimed' && existing.status !== 'posting') continue;
      const age = this.now().getTime() - slot.at.getTime();
      if (age <= this.o.graceMs) {
        if (this.o.posters.has(sub.platform)) await this.runSlot(sub, slot.date);
      } else if (logMissed && !existing) {
        this.o.logger.info(
          { ...this.fields(sub, slot.date), lateMinutes: Math.round(age / 60_000) },
          'missed digest not posted: older than DIGEST_GRACE',
        );
      }
    }
  }

  /** Runs one slot; never throws (problems are logged and reported as the outcome). */
  async runSlot(sub: StoredSubscription, slotDate: string): Promise<SlotOutcome> {
    const key = `${sub.id}|${slotDate}`;
    const running = this.inFlight.get(key);
    if (running) return 'busy';
    const run = this.post(sub, slotDate).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run;
  }

  /** Stops every job and waits for posts in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async fire(subscriptionId: string): Promise<SlotOutcome> {
    const sub = this.o.store.getSubscription(subscriptionId);
    const job = this.jobs.get(subscriptionId);
    // Another process may have changed or removed it: follow the database, not the stale job.
    if (!sub || (job && job.key !== jobKey(sub))) {
      this.reload();
      return 'not-due';
    }
    const now = this.now();
    const date = localParts(now, sub.zone).date;
    // A job only ever fires at or after its local time; an earlier call is not this day's slot.
    const early = zonedTimeToUtc(date, sub.time, sub.zone).getTime() - now.getTime() > 60_000;
    if (!this.isDue(sub, date) || early) return 'not-due';
    return this.runSlot(sub, date);
  }

  private isDue(sub: StoredSubscription, date: string): boolean {
    const day = weekdayOf(date);
    return sub.days === 'daily' || (day >= 1 && day <= 5);
  }

  private lastPassedSlot(sub: StoredSubscription): { date: string; at: Date } | null {
    const now = this.now();
    const today = localParts(now, sub.zone).date;
    for (const date of [today, addDays(today, -1)]) {
      if (!this.isDue(sub, date)) continue;
      const at = zonedTimeToUtc(date, sub.time, sub.zone);
      if (at.getTime() <= now.getTime()) return { date, at };
    }
    return null;
  }

  private fields(sub: StoredSubscription, slotDate: string) {
    return {
      subscriptionId: sub.id,
      platform: sub.platform,
      channelId: sub.channelId,
      set: sub.set,
      slot: slotDate,
    };
  }

  private async post(sub: StoredSubscription, slotDate: string): Promise<SlotOutcome> {
    const { store, logger } = this.o;
    const log = logger.child(this.fields(sub, slotDate));
    const poster = this.o.posters.get(sub.platform);
    if (!poster) {
      log.warn('no connected platform to post this digest to');
      return 'no-poster';
    }
    const claim = store.ledger.claim(sub.id, slotDate, this.owner, this.now().getTime(), this.leaseMs);
    if (claim.outcome === 'busy') return 'busy';
    if (claim.outcome === 'done') return 'done';
    if (claim.outcome === 'uncertain') {
      log.warn(
        { previousOwner: claim.owner },
        'a process stopped while posting this digest; not posting again, it may already be in the channel',
      );
      return 'uncertain';
    }
    let plan: Plan;
    try {
      plan = await this.plan(sub, slotDate);
    } catch (err) {
      store.ledger.release(sub.id, slotDate, this.owner);
      log.error({ err }, 'could not build the scheduled digest; slot released');
      return 'error';
    }
    if (plan.kind === 'skip') {
      store.ledger.finish(sub.id, slotDate, this.owner, 'skipped', this.now().getTime());
      log.info('nothing new since the last digest; skipped (DIGEST_EMPTY=skip)');
      return 'skipped';
    }
    if (!store.ledger.startPosting(sub.id, slotDate, this.owner, this.now().getTime(), this.leaseMs)) {
      log.warn('another process took over this slot; not posting');
      return 'busy';
    }
    let messageId: string;
    try {
      ({ messageId } = await poster.post(sub.channelId, plan.reply));
    } catch (err) {
      // The post may or may not have reached the channel: at most once, so no retry.
      store.ledger.finish(sub.id, slotDate, this.owner, 'failed', this.now().getTime());
      log.error({ err }, 'posting the scheduled digest failed; not retried');
      return 'failed';
    }
    const postedAt = this.now();
    const record: DigestRecord | null =
      plan.kind === 'digest'
        ? {
            id: randomUUID(),
            platform: sub.platform,
            channelId: sub.channelId,
            messageId,
            set: sub.set,
            slot: slotDate,
            articleIds: plan.articleIds,
            postedAt: postedAt.toISOString(),
          }
        : null;
    try {
      store.ledger.complete(sub.id, slotDate, this.owner, messageId, record, postedAt.getTime());
      if (record && plan.reply.digest) {
        await this.o.bot.linkThread({ platform: sub.platform, channelId: sub.channelId }, messageId, {
          ...plan.reply.digest,
          digestId: record.id,
        });
      }
    } catch (err) {
      log.error({ err, messageId }, 'digest posted but recording it failed');
    }
    log.info({ messageId, articles: record?.articleIds.length ?? 0 }, 'scheduled digest posted');
    return plan.kind === 'note' ? 'note' : 'posted';
  }

  private async plan(sub: StoredSubscription, slotDate: string): Promise<Plan> {
    let full: Reply | undefined;
    let allIds: string[];
    if (this.o.sets) {
      allIds = (await this.o.sets.load(sub.set)).articles.map((a) => a.id);
    } else {
      full = await this.o.bot.digestReply(sub.set);
      allIds = full.digest?.articleIds ?? [];
    }
    const previous = this.o.store.ledger.digests(sub.platform, sub.channelId, sub.set);
    const news = whatsNew(allIds, previous, slotDate, sub.zone);
    if (news.first) {
      return { kind: 'digest', reply: full ?? (await this.o.bot.digestReply(sub.set)), articleIds: allIds };
    }
    const since = news.since ?? 'the last digest';
    if (news.fresh.length > 0) {
      const note = newArticlesNote(news.fresh.length, since);
      const reply = await this.o.bot.digestReply(sub.set, { articleIds: news.fresh, note });
      return { kind: 'digest', reply, articleIds: news.fresh };
    }
    if (this.o.empty === 'skip') return { kind: 'skip' };
    return { kind: 'note', reply: nothingNewReply(sub.set, since) };
  }
}
