import { createHash } from 'node:crypto';
import type { ArticleSetSource, ChannelPoster, ChatBot, Platform } from '../chat/types.ts';
import { type Config, ConfigError } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { SqliteStore, StoredSubscription } from '../store/sqlite-store.ts';
import { type Cron, nodeCronScheduler } from './cron.ts';
import { DigestScheduler } from './scheduler.ts';
import { normaliseTime, SqliteSubscriptionService } from './subscription-service.ts';
import { isValidZone } from './zoned-time.ts';

type SchedulingConfig = Pick<Config, 'DIGEST_SCHEDULES' | 'DIGEST_GRACE' | 'DIGEST_EMPTY' | 'DEFAULT_SET'>;

export interface StartSchedulingOptions {
  config: SchedulingConfig;
  store: SqliteStore;
  logger: Logger;
  /** Article sets: the default set for config entries without one, and article ids for "what's new". */
  sets?: Pick<ArticleSetSource, 'load' | 'defaultSet'>;
  now?: () => Date;
  cron?: Cron;
  /**
   * How often to re-read subscriptions (changes made by another process) and post slots the cron did
   * not fire, within the grace window (e.g. a time skipped by a DST jump). 0 disables it.
   */
  sweepMs?: number;
}

export interface Scheduling {
  /** Give this to the bot: `/brief subscribe|unsubscribe|schedule` go through it. */
  subscriptions: SqliteSubscriptionService;
  /** Starts the jobs once the bot and the platform posters exist; posts missed slots within the grace. */
  start(deps: {
    bot: Pick<ChatBot, 'digestReply' | 'linkThread'>;
    posters: Map<Platform, ChannelPoster>;
  }): Promise<void>;
  /** The running scheduler (null before start). */
  scheduler(): DigestScheduler | null;
  stop(): Promise<void>;
}

/** DIGEST_SCHEDULES entries as subscriptions; ids derive from the content, so restarts upsert the same rows. */
export async function configSubscriptions(
  config: Pick<Config, 'DIGEST_SCHEDULES' | 'DEFAULT_SET'>,
  sets: Pick<ArticleSetSource, 'defaultSet'> | undefined,
  now: Date,
): Promise<Omit<StoredSubscription, 'source' | 'updatedAt'>[]> {
  const entries = config.DIGEST_SCHEDULES;
  const problems = entries.flatMap((e, i) =>
    isValidZone(e.zone)
      ? []
      : [`DIGEST_SCHEDULES[${i}].zone "${e.zone}" is not an IANA time zone (e.g. America/Chicago, UTC)`],
  );
  const fallback = entries.some((e) => !e.set) ? await defaultSet(config, sets) : undefined;
  entries.forEach((e, i) => {
    if (!e.set && !fallback)
      problems.push(`DIGEST_SCHEDULES[${i}].set is required when there is no default set`);
  });
  if (problems.length) throw new ConfigError(problems);
  return entries.map((e) => {
    const set = e.set ?? fallback ?? '';
    const time = normaliseTime(e.time);
    const key = JSON.stringify([e.platform, e.channel, set, time, e.zone, e.days]);
    return {
      id: `config-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`,
      platform: e.platform,
      channelId: e.channel,
      set,
      time,
      zone: e.zone,
      days: e.days,
      createdBy: 'config',
      createdAt: now.toISOString(),
    };
  });
}

async function defaultSet(
  config: Pick<Config, 'DEFAULT_SET'>,
  sets: Pick<ArticleSetSource, 'defaultSet'> | undefined,
): Promise<string | undefined> {
  if (config.DEFAULT_SET) return config.DEFAULT_SET;
  return sets?.defaultSet().catch(() => undefined);
}

/**
 * Two steps because the bot needs the subscription service and the scheduler needs the bot:
 * `startScheduling` stores DIGEST_SCHEDULES and returns the service; `start` runs the jobs.
 */
export async function startScheduling(o: StartSchedulingOptions): Promise<Scheduling> {
  const now = o.now ?? (() => new Date());
  const logger = o.logger.child({ component: 'scheduler' });
  o.store.syncConfigSubscriptions(await configSubscriptions(o.config, o.sets, now()));
  const subscriptions = new SqliteSubscriptionService(o.store, now);
  let scheduler: DigestScheduler | null = null;
  let timer: NodeJS.Timeout | undefined;
  let unlisten = () => {};

  return {
    subscriptions,
    scheduler: () => scheduler,
    async start({ bot, posters }) {
      if (scheduler) return;
      const running = new DigestScheduler({
        store: o.store,
        bot,
        sets: o.sets,
        posters,
        cron: o.cron ?? nodeCronScheduler,
        logger,
        graceMs: o.config.DIGEST_GRACE,
        empty: o.config.DIGEST_EMPTY,
        now,
      });
      scheduler = running;
      unlisten = subscriptions.onChange(() => {
        try {
          running.reload();
        } catch (err) {
          logger.error({ err }, 'could not apply the subscription change');
        }
      });
      await running.start();
      const sweepMs = o.sweepMs ?? 60_000;
      if (sweepMs > 0) {
        timer = setInterval(() => {
          (async () => {
            running.reload();
            await running.catchUp({ logMissed: false });
          })().catch((err: unknown) => logger.error({ err }, 'scheduler sweep failed'));
        }, sweepMs);
        timer.unref();
      }
      logger.info({ subscriptions: o.store.listSubscriptions().length }, 'scheduler started');
    },
    async stop() {
      if (timer) clearInterval(timer);
      unlisten();
      await scheduler?.stop();
      scheduler = null;
    },
  };
}
