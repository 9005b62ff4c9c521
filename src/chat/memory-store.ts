import type { Platform, ThreadLink, ThreadStore } from './types.ts';

/** ThreadStore in process memory: for tests, the terminal chat and deployments without a data dir. */
export class MemoryStore implements ThreadStore {
  private readonly threads = new Map<string, ThreadLink>();

  async saveThread(link: ThreadLink): Promise<void> {
    this.threads.set(key(link.platform, link.channelId, link.threadId), { ...link });
  }

  async getThread(platform: Platform, channelId: string, threadId: string): Promise<ThreadLink | undefined> {
    const link = this.threads.get(key(platform, channelId, threadId));
    // A copy: callers must go through the store to change a link.
    return link ? { ...link } : undefined;
  }

  async setThreadSubject(
    platform: Platform,
    channelId: string,
    threadId: string,
    subject: string | null,
  ): Promise<void> {
    const link = this.threads.get(key(platform, channelId, threadId));
    if (link) link.subject = subject;
  }
}

function key(platform: Platform, channelId: string, threadId: string): string {
  return JSON.stringify([platform, channelId, threadId]);
}
