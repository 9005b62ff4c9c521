import { randomUUID } from 'node:crypto';
import type { ChatContext, Subscription, SubscriptionRequest, SubscriptionService } from '../chat/types.ts';
import { ChatError } from '../chat/types.ts';
import type { SqliteStore, StoredSubscription } from '../store/sqlite-store.ts';
import { assertValidTime, assertValidZone } from './zoned-time.ts';

export type SubscriptionChangeListener = () => void | Promise<void>;

function publicView(s: StoredSubscription): Subscription {
  return {
    id: s.id,
    platform: s.platform,
    channelId: s.channelId,
    set: s.set,
    time: s.time,
    zone: s.zone,
    days: s.days,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
  };
}

/**
 * Chat subscriptions persisted in SQLite. Created before the bot (the bot takes it in its constructor);
 * the scheduler registers itself with `onChange` afterwards, so changes apply without a restart.
 */
export class SqliteSubscriptionService implements SubscriptionService {
  private listeners: SubscriptionChangeListener[] = [];

  constructor(
    private readonly store: SqliteStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Registers a listener called after every change; returns a function that removes it. */
  onChange(listener: SubscriptionChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async subscribe(ctx: ChatContext, request: SubscriptionRequest): Promise<Subscription> {
    this.assertMayManage(ctx);
    // The chat layer validates these first; checked again because a bad row would break the scheduler.
    assertValidZone(request.zone);
    assertValidTime(request.time);
    if (!request.set.trim()) throw new ChatError('BAD_ARGUMENTS', 'Name the article set to subscribe to.');
    const stamp = this.now().toISOString();
    const saved = this.store.upsertChatSubscription({
      id: randomUUID(),
      platform: ctx.platform,
      channelId: ctx.channelId,
      set: request.set,
      time: normaliseTime(request.time),
      zone: request.zone,
      days: request.days,
      createdBy: ctx.userId,
      createdAt: stamp,
      updatedAt: stamp,
    });
    await this.notify();
    return publicView(saved);
  }

  async unsubscribe(ctx: ChatContext, set: string | null): Promise<number> {
    this.assertMayManage(ctx);
    const removed = this.store.deleteChatSubscriptions(ctx.platform, ctx.channelId, set);
    if (removed > 0) await this.notify();
    return removed;
  }

  async list(ctx: ChatContext): Promise<Subscription[]> {
    return this.store.listSubscriptions({ platform: ctx.platform, channelId: ctx.channelId }).map(publicView);
  }

  private assertMayManage(ctx: ChatContext): void {
    if (!ctx.canManageChannel) {
      throw new ChatError('FORBIDDEN', "You don't have permission to change this channel's schedule.");
    }
  }

  private async notify(): Promise<void> {
    for (const listener of this.listeners) await listener();
  }
}

/** "7:05" -> "07:05". */
export function normaliseTime(time: string): string {
  const [h, m] = time.split(':');
  return `${(h ?? '').padStart(2, '0')}:${m ?? '00'}`;
}
