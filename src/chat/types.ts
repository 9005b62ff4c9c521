import type { Article, Digest } from '../briefing/types.ts';
import type { DigestOrigin, Reply } from './reply.ts';

export type Platform = 'slack' | 'discord' | 'terminal';

/** Who is talking, and where. Adapters fill it from the platform event. */
export interface ChatContext {
  platform: Platform;
  channelId: string;
  userId: string;
  /** Whether this user may change the channel's schedules (the adapter decides from platform permissions). */
  canManageChannel: boolean;
}

/** What an adapter hands the chat layer. */
export type ChatRequest =
  /** A slash command: `name` without the slash, `text` everything after it. */
  | { type: 'command'; name: 'brief' | 'ask'; text: string }
  /**
   * A plain message. `threadId` is the thread's root message id where the message is in a thread
   * (Slack `thread_ts`, Discord thread channel id). `mentioned` is true when the bot was @mentioned.
   * The chat layer answers when the thread belongs to a digest, or when the bot was mentioned;
   * otherwise it returns null.
   */
  | { type: 'message'; text: string; threadId: string | null; mentioned: boolean };

/** An article set, loaded: its articles, load warnings, and the digest built from it (cached by the source). */
export interface LoadedSet {
  name: string;
  articles: Article[];
  /** Files skipped while loading, with reasons. */
  warnings: string[];
  /** Changes whenever the set's files change. */
  version: string;
}

/** Where article sets come from (the file system in production, memory in tests). */
export interface ArticleSetSource {
  /** Set names, sorted. */
  list(): Promise<string[]>;
  /** Loads a set; throws a ChatError with code 'SET_NOT_FOUND' or 'SET_EMPTY'. */
  load(name: string): Promise<LoadedSet>;
  /** The set used when a command names none. */
  defaultSet(): Promise<string>;
}

/** A thread that belongs to a digest, so follow-ups are answered against the digest's set. */
export interface ThreadLink {
  platform: Platform;
  channelId: string;
  threadId: string;
  set: string;
  digestId: string;
  createdAt: string;
  /** The last person or thing asked about in this thread, to resolve "he"/"she"/"they" in follow-ups. */
  subject: string | null;
}

/** Persistence for thread links. MemoryStore now; SqliteStore beside it (both pass one contract test). */
export interface ThreadStore {
  saveThread(link: ThreadLink): Promise<void>;
  getThread(platform: Platform, channelId: string, threadId: string): Promise<ThreadLink | undefined>;
  setThreadSubject(
    platform: Platform,
    channelId: string,
    threadId: string,
    subject: string | null,
  ): Promise<void>;
}

/** Schedule commands (`/brief subscribe|unsubscribe|schedule`) are delegated to this service when present. */
export interface SubscriptionRequest {
  set: string;
  /** HH:MM, 24-hour. */
  time: string;
  /** IANA zone name, already validated. */
  zone: string;
  days: 'daily' | 'weekdays';
}

export interface Subscription extends SubscriptionRequest {
  id: string;
  platform: Platform;
  channelId: string;
  createdBy: string;
  createdAt: string;
}

export interface SubscriptionService {
  subscribe(ctx: ChatContext, request: SubscriptionRequest): Promise<Subscription>;
  /** Removes the channel's subscriptions to `set` (all of the channel's when set is null); returns how many. */
  unsubscribe(ctx: ChatContext, set: string | null): Promise<number>;
  list(ctx: ChatContext): Promise<Subscription[]>;
}

/** Errors that carry a code and a cause; `userMessage` is safe to show in chat. */
export class ChatError extends Error {
  constructor(
    readonly code:
      | 'SET_NOT_FOUND'
      | 'SET_EMPTY'
      | 'BAD_ARGUMENTS'
      | 'FORBIDDEN'
      | 'NOT_CONFIGURED'
      | 'INTERNAL',
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = 'ChatError';
  }
}

/** Builds or returns the cached digest of a loaded set. */
export type DigestProvider = (set: LoadedSet) => Digest;

/** Posts a reply to a channel outside any request (the scheduler's path). Each adapter provides one. */
export interface ChannelPoster {
  platform: Platform;
  post(channelId: string, reply: Reply): Promise<{ messageId: string }>;
}

/** What adapters and the scheduler drive. Implemented by BriefingBot. */
export interface ChatBot {
  handle(request: ChatRequest, ctx: ChatContext): Promise<Reply | null>;
  linkThread(
    where: { platform: Platform; channelId: string },
    threadId: string,
    origin: DigestOrigin,
  ): Promise<void>;
  digestReply(set: string, options?: { articleIds?: string[]; note?: string }): Promise<Reply>;
}
