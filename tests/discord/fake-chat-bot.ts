import type { DigestOrigin, Reply } from '../../src/chat/reply.ts';
import type { ChatBot, ChatContext, ChatRequest, Platform } from '../../src/chat/types.ts';

/**
 * A scripted ChatBot that records what the adapter hands it: the adapter's tests assert the wire,
 * not briefing logic. `boom` (command or message) throws; `/brief long` needs several messages; linking `/brief link-fails` throws; `/brief help` is ephemeral; messages are answered only
 * in linked threads or when the bot is mentioned.
 */
export class ScriptedBot implements ChatBot {
  readonly requests: { request: ChatRequest; ctx: ChatContext }[] = [];
  readonly links: {
    where: { platform: Platform; channelId: string };
    threadId: string;
    origin: DigestOrigin;
  }[] = [];

  async handle(request: ChatRequest, ctx: ChatContext): Promise<Reply | null> {
    this.requests.push({ request, ctx });
    if (request.text === 'boom') throw new Error('the set store exploded');
    if (request.type === 'command' && request.text === 'help') {
      return { kind: 'help', visibility: 'ephemeral', title: 'Help', sections: [], text: 'Use /brief.' };
    }
    if (request.type === 'command' && request.name === 'brief') {
      const reply = await this.digestReply(request.text || 'default');
      if (request.text === 'long') {
        const items = Array.from({ length: 400 }, (_, i) => ({
          title: `Article number ${i} about the long story`,
          outlet: 'Outlet',
          date: null,
          url: `https://news.example/long/${i}`,
        }));
        reply.sections.push({ type: 'sources', heading: 'All sources', items });
      }
      return reply;
    }
    const linked = request.type === 'message' && this.links.some((l) => l.threadId === request.threadId);
    if (request.type === 'message' && !linked && !request.mentioned) return null;
    const question = request.text;
    return {
      kind: 'answer',
      visibility: 'public',
      title: 'Answer',
      text: `You asked: ${question}`,
      sections: [{ type: 'text', text: `You asked: ${question} @everyone` }],
    };
  }

  async linkThread(where: { platform: Platform; channelId: string }, threadId: string, origin: DigestOrigin) {
    if (origin.set === 'link-fails') throw new Error('the thread store is down');
    this.links.push({ where, threadId, origin });
  }

  async digestReply(set: string): Promise<Reply> {
    return {
      kind: 'digest',
      visibility: 'public',
      title: `Digest of ${set}`,
      text: `Digest of ${set}`,
      footer: '2 articles from 2 outlets · grounded',
      sections: [
        { type: 'text', text: 'Something happened <@999999999999999999>.' },
        {
          type: 'sources',
          heading: 'Sources',
          items: [{ title: 'One', outlet: 'Outlet', date: null, url: 'https://news.example/1' }],
        },
      ],
      digest: {
        set,
        digestId: `d-${set}`,
        generatedAt: '2026-03-01T00:00:00.000Z',
        articleIds: ['a1', 'a2'],
      },
    };
  }
}
