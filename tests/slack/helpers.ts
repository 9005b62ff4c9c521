import { Writable } from 'node:stream';
import type { AppOptions } from '@slack/bolt';
import type { DigestOrigin, Reply } from '../../src/chat/reply.ts';
import type { ChatBot, ChatContext, ChatRequest, Platform } from '../../src/chat/types.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';

export const BOT_TOKEN = 'xoxb-0000-test-bot-token';
export const APP_TOKEN = 'xapp-1-A0FAKE-test-app-token';
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** Web API options for tests: one quick retry (so a 429 is retried at once), no 30-minute backoff. */
export const TEST_APP_OPTIONS: Partial<AppOptions> = {
  clientOptions: { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } },
};

export function slackConfig(
  apiUrl: string,
  mode: 'socket' | 'http',
  extra: Record<string, string> = {},
): Config {
  return loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_API_URL: apiUrl,
    PORT: '0',
    ...extra,
  });
}

/** A pino logger writing JSON lines into memory, so tests can read what was logged. */
export function memoryLogger(): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger('debug', sink),
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export function digestReply(set = 'city-budget'): Reply {
  return {
    kind: 'digest',
    visibility: 'public',
    title: 'Council approves <!channel> transit budget',
    text: 'Council approves transit budget',
    footer: '2 articles from 2 outlets · grounded',
    sections: [
      { type: 'text', heading: 'TL;DR', text: 'The council voted 9-4 to fund two bus lines.' },
      {
        type: 'sources',
        heading: 'Sources',
        items: [{ title: 'Budget passes', outlet: 'AP', date: 'Feb 4', url: 'https://example.com/a' }],
      },
    ],
    digest: { set, digestId: 'd1', generatedAt: '2026-02-04T12:00:00.000Z', articleIds: ['a', 'b'] },
  };
}

function answer(text: string, visibility: Reply['visibility'] = 'public'): Reply {
  return { kind: 'answer', visibility, title: 'Answer', sections: [{ type: 'text', text }], text };
}

/**
 * A scripted ChatBot standing in for BriefingBot at the adapter boundary: `/brief` → a digest,
 * `/ask` → an ephemeral answer, text "boom" → throws, thread messages answered only in linked threads.
 */
export class ScriptedBot implements ChatBot {
  readonly requests: { request: ChatRequest; ctx: ChatContext }[] = [];
  readonly links: {
    where: { platform: Platform; channelId: string };
    threadId: string;
    origin: DigestOrigin;
  }[] = [];
  /** Resolved by a test to let `/brief` finish (to show the ack does not wait for the work). */
  gate: Promise<void> = Promise.resolve();

  async handle(request: ChatRequest, ctx: ChatContext): Promise<Reply | null> {
    this.requests.push({ request, ctx });
    if (request.text.includes('boom')) throw new Error('bot exploded');
    if (request.type === 'command') {
      if (request.name === 'ask') return answer(`You asked: ${request.text}`, 'ephemeral');
      if (request.text === 'nope') return { ...answer('Unknown set "nope".', 'ephemeral'), kind: 'error' };
      await this.gate;
      return digestReply();
    }
    const linked = this.links.some((l) => l.threadId === request.threadId);
    if (!linked && !request.mentioned) return null;
    return answer(`Answer to: ${request.text}`);
  }

  async linkThread(where: { platform: Platform; channelId: string }, threadId: string, origin: DigestOrigin) {
    this.links.push({ where, threadId, origin });
  }

  async digestReply(): Promise<Reply> {
    return digestReply();
  }
}
