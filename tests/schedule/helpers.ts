import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Article } from '../../src/briefing/types.ts';
import type { DigestOrigin, Reply } from '../../src/chat/reply.ts';
import type { ArticleSetSource, ChannelPoster, ChatBot, LoadedSet, Platform } from '../../src/chat/types.ts';
import { ChatError } from '../../src/chat/types.ts';
import type { Logger } from '../../src/logger.ts';
import type { Cron, CronJob } from '../../src/schedule/cron.ts';

/** A cron that never fires by itself: tests fire jobs with the clock set where they want it. */
export class FakeCron implements Cron {
  readonly jobs: { expression: string; timezone: string; fn: () => void; stopped: boolean }[] = [];

  schedule(expression: string, fn: () => void, options: { timezone: string }): CronJob {
    const job = { expression, timezone: options.timezone, fn, stopped: false };
    this.jobs.push(job);
    return {
      stop: () => {
        job.stopped = true;
      },
    };
  }

  active() {
    return this.jobs.filter((j) => !j.stopped);
  }

  /** Fires every active job and waits for the work they started. */
  async fireAll(): Promise<void> {
    for (const job of this.active()) job.fn();
    await settle();
  }
}

/** Lets fire-and-forget promises (the cron callbacks) run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

export class Clock {
  constructor(private ms: number) {}
  static at(iso: string) {
    return new Clock(Date.parse(iso));
  }
  readonly now = () => new Date(this.ms);
  set(iso: string) {
    this.ms = Date.parse(iso);
  }
  advance(ms: number) {
    this.ms += ms;
  }
}

export function article(id: string): Article {
  return {
    id,
    title: `Title ${id}`,
    outlet: null,
    url: null,
    date: null,
    file: `${id}.txt`,
    paragraphs: ['Body.'],
    raw: 'Body.',
  };
}

export class MemorySets implements ArticleSetSource {
  constructor(readonly sets: Record<string, string[]>) {}
  async list() {
    return Object.keys(this.sets).sort();
  }
  async defaultSet() {
    return Object.keys(this.sets)[0] ?? 'none';
  }
  async load(name: string): Promise<LoadedSet> {
    const ids = this.sets[name];
    if (!ids) throw new ChatError('SET_NOT_FOUND', `No set ${name}`);
    return { name, articles: ids.map(article), warnings: [], version: ids.join(',') };
  }
}

/** Records digestReply and linkThread calls; replies carry a digest origin like BriefingBot's. */
export class FakeBot implements Pick<ChatBot, 'digestReply' | 'linkThread'> {
  readonly digestCalls: { set: string; articleIds?: string[]; note?: string }[] = [];
  readonly links: { platform: Platform; channelId: string; threadId: string; origin: DigestOrigin }[] = [];

  constructor(private readonly sets: MemorySets) {}

  async digestReply(set: string, options: { articleIds?: string[]; note?: string } = {}): Promise<Reply> {
    this.digestCalls.push({ set, ...options });
    const articleIds = options.articleIds ?? this.sets.sets[set] ?? [];
    const text = [`Digest of ${set}`, options.note].filter(Boolean).join(' · ');
    return {
      kind: 'digest',
      visibility: 'public',
      title: `Digest of ${set}`,
      sections: [{ type: 'text', text: articleIds.join(', ') }],
      text,
      digest: { set, digestId: 'bot-made', generatedAt: new Date(0).toISOString(), articleIds },
    };
  }

  async linkThread(where: { platform: Platform; channelId: string }, threadId: string, origin: DigestOrigin) {
    this.links.push({ ...where, threadId, origin });
  }
}

export class RecordingPoster implements ChannelPoster {
  readonly posts: { channelId: string; reply: Reply }[] = [];
  /** When set, post() records the post and then never settles: a process that died right after posting. */
  hang = false;
  fail: Error | null = null;

  constructor(readonly platform: Platform) {}

  async post(channelId: string, reply: Reply): Promise<{ messageId: string }> {
    if (this.fail) throw this.fail;
    this.posts.push({ channelId, reply });
    if (this.hang) return new Promise(() => {});
    return { messageId: `${this.platform}-msg-${this.posts.length}` };
  }
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s) as LogLine) });
  return { logger, lines };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-sched-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
