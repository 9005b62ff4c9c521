import { createHash } from 'node:crypto';
import { type AnswerContext, answer, createAnswerContext } from '../briefing/answer.ts';
import type { Digest } from '../briefing/types.ts';
import { type Command, type DigestView, parseCommand } from './commands.ts';
import { presentAnswer } from './present-answer.ts';
import { presentDigest } from './present-digest.ts';
import {
  describeSubscription,
  errorReply,
  helpReply,
  infoReply,
  scheduleReply,
  setsReply,
} from './replies.ts';
import type { DigestOrigin, Reply } from './reply.ts';
import {
  type ArticleSetSource,
  type ChatBot,
  type ChatContext,
  ChatError,
  type ChatRequest,
  type DigestProvider,
  type LoadedSet,
  type Platform,
  type SubscriptionService,
  type ThreadStore,
} from './types.ts';

/** The few logger methods the bot uses (pino's signature). */
export interface BotLogger {
  error(object: object, message?: string): void;
}

export interface BriefingBotOptions {
  sets: ArticleSetSource;
  store: ThreadStore;
  subscriptions?: SubscriptionService;
  now?: () => Date;
  /** User ids allowed to change schedules in any channel, beside ctx.canManageChannel. */
  admins?: readonly string[];
  /** Builds a set's digest; defaults to buildDigest. Injected by tests. */
  digest?: DigestProvider;
  logger?: BotLogger;
}

interface CachedSet {
  version: string;
  set: LoadedSet;
  digest: Digest;
  context?: AnswerContext;
}

/** The platform-neutral bot: commands, digest threads and answers. Adapters only translate events. */
export class BriefingBot implements ChatBot {
  private readonly cache = new Map<string, CachedSet>();
  private readonly building = new Map<string, Promise<CachedSet>>();
  private readonly now: () => Date;

  constructor(private readonly options: BriefingBotOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async handle(request: ChatRequest, ctx: ChatContext): Promise<Reply | null> {
    try {
      if (request.type === 'command') return await this.command(request.name, request.text, ctx);
      return await this.message(request, ctx);
    } catch (error) {
      if (error instanceof ChatError) return errorReply(error.userMessage);
      this.options.logger?.error(
        { err: error, platform: ctx.platform, channel: ctx.channelId },
        'chat request failed',
      );
      return errorReply('Sorry, something went wrong on my side. Please try again in a moment.');
    }
  }

  async linkThread(
    where: { platform: Platform; channelId: string },
    threadId: string,
    origin: DigestOrigin,
  ): Promise<void> {
    await this.options.store.saveThread({
      platform: where.platform,
      channelId: where.channelId,
      threadId,
      set: origin.set,
      digestId: origin.digestId,
      createdAt: this.now().toISOString(),
      subject: null,
    });
  }

  async digestReply(set: string, options: { articleIds?: string[]; note?: string } = {}): Promise<Reply> {
    const cached = await this.loadSet(set);
    let digest = cached.digest;
    let digestId = `${set}@${cached.version}`;
    if (options.articleIds) {
      const wanted = new Set(options.articleIds);
      const articles = cached.set.articles.filter((a) => wanted.has(a.id));
      if (articles.length === 0) return infoReply(options.note ?? `No new articles in ${set}.`, 'public');
      digest = await this.buildDigest({ ...cached.set, articles });
      const ids = articles.map((a) => a.id).join('\n');
      digestId = `${digestId}#${createHash('sha1').update(ids).digest('hex').slice(0, 10)}`;
    }
    return presentDigest(digest, {
      set,
      ...(options.note ? { note: options.note } : {}),
      origin: this.origin(set, digestId, digest),
    });
  }

  /** The digest of a set, built once per set version. Exposed for the CLI and tests. */
  async digestOf(set: string): Promise<Digest> {
    return (await this.loadSet(set)).digest;
  }

  private async command(name: 'brief' | 'ask', text: string, ctx: ChatContext): Promise<Reply> {
    const parsed = parseCommand(name, text);
    if (!parsed.ok) return errorReply(parsed.error, parsed.usage);
    return this.run(parsed.command, ctx);
  }

  private async run(command: Command, ctx: ChatContext): Promise<Reply> {
    switch (command.kind) {
      case 'help':
        return helpReply(await this.defaultSetOrNull());
      case 'sets':
        return setsReply(await this.options.sets.list(), await this.defaultSetOrNull());
      case 'brief':
        return this.brief(command.set ?? (await this.options.sets.defaultSet()), command.view);
      case 'ask': {
        const set = command.set ?? (await this.options.sets.defaultSet());
        return this.ask(set, command.question, null).then((r) => r.reply);
      }
      case 'subscribe':
      case 'unsubscribe':
      case 'schedule':
        return this.schedule(command, ctx);
    }
  }

  private async brief(set: string, view: DigestView): Promise<Reply> {
    const cached = await this.loadSet(set);
    const digestId = `${set}@${cached.version}`;
    return presentDigest(cached.digest, {
      set,
      section: view,
      origin: this.origin(set, digestId, cached.digest),
    });
  }

  private origin(set: string, digestId: string, digest: Digest): DigestOrigin {
    return { set, digestId, generatedAt: digest.generatedAt, articleIds: digest.articles.map((a) => a.id) };
  }

  private async message(
    request: Extract<ChatRequest, { type: 'message' }>,
    ctx: ChatContext,
  ): Promise<Reply | null> {
    const text = request.text.replace(/^(?:\s*<@[^>]+>|\s*@\S+)+/, '').trim();
    const link = request.threadId
      ? await this.options.store.getThread(ctx.platform, ctx.channelId, request.threadId)
      : undefined;
    if (!link && !request.mentioned) return null;
    const slash = /^\/(brief|ask)\b\s*(.*)$/is.exec(text);
    if (slash) return this.command(slash[1]?.toLowerCase() === 'ask' ? 'ask' : 'brief', slash[2] ?? '', ctx);
    const set = link?.set ?? (await this.options.sets.defaultSet());
    const { reply, subject } = await this.ask(set, text, link?.subject ?? null);
    if (link && request.threadId && subject !== link.subject) {
      await this.options.store.setThreadSubject(ctx.platform, ctx.channelId, request.threadId, subject);
    }
    return reply;
  }

  private async ask(
    set: string,
    question: string,
    subject: string | null,
  ): Promise<{ reply: Reply; subject: string | null }> {
    const cached = await this.loadSet(set);
    cached.context ??= createAnswerContext(cached.set.articles, cached.digest);
    const result = answer(question, cached.context, { subject });
    return {
      reply: presentAnswer(question, result, cached.digest.articles, { set }),
      subject: result.subject,
    };
  }

  private async schedule(
    command: Extract<Command, { kind: 'subscribe' | 'unsubscribe' | 'schedule' }>,
    ctx: ChatContext,
  ): Promise<Reply> {
    const service = this.options.subscriptions;
    if (!service) {
      return infoReply('Schedules are not enabled here (the bot runs without a schedule database).');
    }
    if (command.kind === 'schedule') return scheduleReply(await service.list(ctx));
    const allowed = ctx.canManageChannel || (this.options.admins?.includes(ctx.userId) ?? false);
    if (!allowed) return errorReply("You need permission to manage this channel's schedule.");
    if (command.kind === 'unsubscribe') {
      const removed = await service.unsubscribe(ctx, command.set);
      if (removed === 0) {
        return infoReply(`This channel had no scheduled digests${command.set ? ` of ${command.set}` : ''}.`);
      }
      const what = command.set ? `of ${command.set}` : '';
      return infoReply(
        `Removed ${removed} scheduled digest${removed === 1 ? '' : 's'} ${what}.`.replace(' .', '.'),
        'public',
      );
    }
    const set = command.set ?? (await this.options.sets.defaultSet());
    const known = await this.options.sets.list();
    if (!known.includes(set)) {
      throw new ChatError(
        'SET_NOT_FOUND',
        `There is no article set "${set}". Sets: ${known.join(', ') || 'none'}.`,
      );
    }
    const saved = await service.subscribe(ctx, {
      set,
      time: command.time,
      zone: command.zone,
      days: command.days,
    });
    return infoReply(
      `Scheduled: ${describeSubscription(saved)}. The digest will be posted in this channel.`,
      'public',
    );
  }

  private async defaultSetOrNull(): Promise<string | null> {
    try {
      return await this.options.sets.defaultSet();
    } catch {
      return null;
    }
  }

  private async loadSet(name: string): Promise<CachedSet> {
    const set = await this.options.sets.load(name);
    const cached = this.cache.get(name);
    if (cached && cached.version === set.version) return cached;
    // Requests arriving while a digest builds share that build instead of starting their own.
    const key = `${name}@${set.version}`;
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.buildDigest(set).then((digest) => {
        const fresh: CachedSet = { version: set.version, set, digest };
        this.cache.set(name, fresh);
        return fresh;
      });
      this.building.set(key, pending);
      pending.then(
        () => this.building.delete(key),
        () => this.building.delete(key),
      );
    }
    return pending;
  }

  private async buildDigest(set: LoadedSet): Promise<Digest> {
    if (this.options.digest) return this.options.digest(set);
    // Loaded on first use, so adapters and tests that inject a digest provider never load the NLP pipeline.
    const { buildDigest } = await import('../briefing/build-digest.ts');
    return buildDigest(set.articles, { now: this.now(), warnings: set.warnings });
  }
}
