import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/briefing/types.ts';
import { BriefingBot } from '../../src/chat/briefing-bot.ts';
import { MemoryStore } from '../../src/chat/memory-store.ts';
import type { Reply } from '../../src/chat/reply.ts';
import type {
  ChatContext,
  LoadedSet,
  Subscription,
  SubscriptionRequest,
  SubscriptionService,
} from '../../src/chat/types.ts';
import { harborStrikeSet, MemorySetSource } from './memory-set-source.ts';

const NOW = new Date('2026-03-11T07:30:00Z');
const ctx: ChatContext = { platform: 'slack', channelId: 'C1', userId: 'U1', canManageChannel: true };

/** A fixed digest per set, built from the set's articles, counting builds. */
function fakeDigests() {
  const builds: string[] = [];
  const digest = (set: LoadedSet): Digest => {
    builds.push(`${set.name}@${set.version}:${set.articles.length}`);
    return {
      title: `Headline of ${set.name}`,
      generatedAt: NOW.toISOString(),
      articles: set.articles.map(({ id, title, outlet, url, date, file }) => ({
        id,
        title,
        outlet,
        url,
        date,
        file,
      })),
      tldr: [{ text: 'Dock workers struck at the port.', articles: [set.articles[0]?.id ?? ''] }],
      figures: [
        {
          value: '1,200',
          counts: 'dock workers on strike',
          text: '',
          articles: [set.articles[0]?.id ?? ''],
          score: 1,
        },
      ],
      quotes: [
        {
          text: 'We will not go back until the port offers a fair contract',
          speaker: 'Amara Mensah',
          role: 'union leader',
          article: set.articles[0]?.id ?? '',
          score: 1,
        },
      ],
      timeline: [{ date: '2026-03-09', event: 'The strike began.', articles: [set.articles[0]?.id ?? ''] }],
      warnings: [],
    };
  };
  return { builds, digest };
}

class FakeSubscriptions implements SubscriptionService {
  readonly saved: Subscription[] = [];
  async subscribe(c: ChatContext, request: SubscriptionRequest): Promise<Subscription> {
    const s = {
      ...request,
      id: `s${this.saved.length + 1}`,
      platform: c.platform,
      channelId: c.channelId,
      createdBy: c.userId,
      createdAt: NOW.toISOString(),
    };
    this.saved.push(s);
    return s;
  }
  async unsubscribe(c: ChatContext, set: string | null): Promise<number> {
    const before = this.saved.length;
    const keep = this.saved.filter((s) => s.channelId !== c.channelId || (set !== null && s.set !== set));
    this.saved.splice(0, this.saved.length, ...keep);
    return before - keep.length;
  }
  async list(c: ChatContext): Promise<Subscription[]> {
    return this.saved.filter((s) => s.channelId === c.channelId);
  }
}

function setup(options: { subscriptions?: SubscriptionService; admins?: string[] } = {}) {
  const sets = new MemorySetSource(
    { 'harbor-strike': harborStrikeSet(), other: harborStrikeSet().slice(1) },
    'harbor-strike',
  );
  const store = new MemoryStore();
  const { builds, digest } = fakeDigests();
  const bot = new BriefingBot({ sets, store, digest, now: () => NOW, ...options });
  return { bot, sets, store, builds };
}

const command = (name: 'brief' | 'ask', text: string) => ({ type: 'command' as const, name, text });
const message = (text: string, threadId: string | null, mentioned = false) => ({
  type: 'message' as const,
  text,
  threadId,
  mentioned,
});
const allText = (reply: Reply | null) => JSON.stringify(reply);

describe('BriefingBot', () => {
  it('/brief returns a public digest reply that opens a thread', async () => {
    const { bot } = setup();
    const reply = await bot.handle(command('brief', ''), ctx);
    expect(reply?.kind).toBe('digest');
    expect(reply?.visibility).toBe('public');
    expect(reply?.title).toBe('Headline of harbor-strike');
    expect(reply?.digest).toMatchObject({
      set: 'harbor-strike',
      articleIds: ['ledger-dock-strike', 'metro-wire-mayor'],
    });
    expect(reply?.sections.map((s) => s.heading)).toEqual(['TL;DR', 'Key figures', 'Quotes', 'Sources']);
    expect(reply?.footer).toContain('2 articles from 2 outlets · grounded');
    const timeline = await bot.handle(command('brief', 'harbor-strike timeline'), ctx);
    expect(timeline?.sections.map((s) => s.type)).toEqual(['timeline']);
  });

  it('builds a digest once per set version', async () => {
    const { bot, sets, builds } = setup();
    await bot.handle(command('brief', ''), ctx);
    await bot.handle(command('brief', 'figures'), ctx);
    await bot.handle(command('ask', 'how many ships are waiting?'), ctx);
    expect(builds).toHaveLength(1);
    sets.replace('harbor-strike', harborStrikeSet().slice(0, 1));
    await bot.handle(command('brief', ''), ctx);
    expect(builds).toHaveLength(2);
  });

  it('shares one digest build between requests that arrive together', async () => {
    const { bot, builds } = setup();
    await Promise.all([
      bot.handle(command('brief', ''), ctx),
      bot.handle(command('ask', 'how many ships are waiting?'), ctx),
      bot.digestReply('harbor-strike'),
    ]);
    expect(builds).toHaveLength(1);
  });

  it('answers follow-ups in a linked thread against that set and remembers the subject', async () => {
    const { bot, store } = setup();
    const digest = await bot.handle(command('brief', 'harbor-strike'), ctx);
    if (!digest?.digest) throw new Error('no digest origin');
    await bot.linkThread({ platform: 'slack', channelId: 'C1' }, '111.222', digest.digest);
    const who = await bot.handle(message('who is the mayor?', '111.222'), ctx);
    expect(who?.kind).toBe('answer');
    expect(allText(who)).toContain('Chloe Whitfield');
    expect((await store.getThread('slack', 'C1', '111.222'))?.subject).toBe('Chloe Whitfield');
    const said = await bot.handle(message('what did she say?', '111.222'), ctx);
    expect(allText(said)).toContain('Every day this drags on');
    const citations = said?.sections.find((s) => s.type === 'quotes' || s.type === 'citations');
    expect(JSON.stringify(citations)).toContain('Metro Wire, Mar 11');
  });

  it('answers a mention outside a thread from the default set, and ignores other messages', async () => {
    const { bot } = setup();
    expect(await bot.handle(message('how many ships are waiting?', null), ctx)).toBeNull();
    expect(await bot.handle(message('how many ships are waiting?', 'unknown-thread'), ctx)).toBeNull();
    const reply = await bot.handle(message('<@U0BOT> how many ships are waiting?', null, true), ctx);
    expect(allText(reply)).toContain('14 ships');
  });

  it('/ask answers from the default set or the named one', async () => {
    const { bot } = setup();
    const reply = await bot.handle(command('ask', 'how many dock workers walked off the job?'), ctx);
    expect(reply?.text).toContain('1,200');
    const other = await bot.handle(
      command('ask', 'how many dock workers walked off the job? --set other'),
      ctx,
    );
    expect(
      other?.sections.some((s) => s.type === 'citations' && s.items.some((i) => i.text.includes('1,200'))),
    ).toBe(false);
  });

  it('turns bad arguments and unknown sets into ephemeral error replies', async () => {
    const { bot } = setup();
    const bad = await bot.handle(command('brief', 'harbor-strike sideways'), ctx);
    expect(bad).toMatchObject({ kind: 'error', visibility: 'ephemeral' });
    expect(bad?.text).toContain('Usage: /brief [set]');
    const missing = await bot.handle(command('brief', 'nope'), ctx);
    expect(missing).toMatchObject({ kind: 'error', visibility: 'ephemeral' });
    expect(missing?.text).toContain('"nope" was not found');
  });

  it('lists help and sets', async () => {
    const { bot } = setup();
    expect((await bot.handle(command('brief', 'help'), ctx))?.text).toContain('/brief subscribe');
    const sets = await bot.handle(command('brief', 'sets'), ctx);
    expect(sets?.text).toContain('harbor-strike (default)');
    expect(sets?.text).toContain('other');
  });

  it('delegates schedules to the subscription service, with permission checks', async () => {
    const subscriptions = new FakeSubscriptions();
    const { bot } = setup({ subscriptions, admins: ['U9'] });
    const ok = await bot.handle(command('brief', 'subscribe at 7:30 America/Chicago weekdays'), ctx);
    expect(ok?.text).toContain('harbor-strike at 07:30 America/Chicago, weekdays');
    expect(subscriptions.saved[0]).toMatchObject({
      set: 'harbor-strike',
      time: '07:30',
      zone: 'America/Chicago',
      days: 'weekdays',
    });
    const listed = await bot.handle(command('brief', 'schedule'), ctx);
    expect(listed?.text).toContain('harbor-strike at 07:30 America/Chicago');
    const guest = { ...ctx, userId: 'U2', canManageChannel: false };
    const denied = await bot.handle(command('brief', 'unsubscribe'), guest);
    expect(denied).toMatchObject({ kind: 'error', visibility: 'ephemeral' });
    expect(denied?.text).toContain("permission to manage this channel's schedule");
    const admin = await bot.handle(command('brief', 'unsubscribe harbor-strike'), { ...guest, userId: 'U9' });
    expect(admin?.text).toContain('Removed 1 scheduled digest');
    const unknownSet = await bot.handle(command('brief', 'subscribe nope at 07:30'), ctx);
    expect(unknownSet?.kind).toBe('error');
  });

  it('says schedules are not enabled when there is no subscription service', async () => {
    const { bot } = setup();
    const reply = await bot.handle(command('brief', 'subscribe at 07:30'), ctx);
    expect(reply?.text).toMatch(/Schedules are not enabled here/);
  });

  it('digestReply restricts to given articles with a note, for the scheduler', async () => {
    const { bot } = setup();
    const reply = await bot.digestReply('harbor-strike', {
      articleIds: ['metro-wire-mayor'],
      note: '1 new article since yesterday',
    });
    expect(reply.digest?.articleIds).toEqual(['metro-wire-mayor']);
    expect(reply.sections[0]).toEqual({ type: 'text', text: '1 new article since yesterday' });
    expect(reply.digest?.digestId).not.toBe((await bot.digestReply('harbor-strike')).digest?.digestId);
    const none = await bot.digestReply('harbor-strike', {
      articleIds: [],
      note: 'No new articles since yesterday.',
    });
    expect(none.digest).toBeUndefined();
    expect(none.text).toBe('No new articles since yesterday.');
  });

  it('logs unexpected failures and replies in plain words', async () => {
    const errors: unknown[] = [];
    const sets = new MemorySetSource({ s: harborStrikeSet() });
    const bot = new BriefingBot({
      sets,
      store: new MemoryStore(),
      digest: () => {
        throw new Error('disk on fire');
      },
      logger: { error: (o) => errors.push(o) },
    });
    const reply = await bot.handle(command('brief', ''), ctx);
    expect(reply).toMatchObject({ kind: 'error', visibility: 'ephemeral' });
    expect(reply?.text).not.toContain('disk on fire');
    expect(errors).toHaveLength(1);
  });
});
