import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Reply } from '../chat/reply.ts';
import type { ChannelPoster, ChatBot, ChatContext } from '../chat/types.ts';
import { renderReplyText } from './render-text.ts';

export interface TerminalChatOptions {
  input: Readable;
  output: Writable;
  bot: ChatBot;
  /** Shown as the prompt before each line when the input is interactive. */
  prompt?: string;
  channelId?: string;
  userId?: string;
  /** Terminal users manage their own channel's schedule by default. */
  canManageChannel?: boolean;
  /** Prints a welcome line first (default true). */
  greeting?: boolean;
}

const TERMINAL_HELP = [
  'Terminal chat: this window is one channel.',
  '  /brief [set] [figures|quotes|timeline|sources|all]   show a digest and open its thread',
  '  /ask <question> [--set name]                         ask about a set',
  '  any other line                                       a follow-up question in the current thread',
  '  /brief help                                          all bot commands',
  '  /help                                                this help     /quit   leave',
].join('\n');

/**
 * Prints replies to a stream, as the terminal's ChannelPoster: the scheduler can post here like it
 * posts to Slack or Discord. Message ids are "t1", "t2", … in posting order.
 */
export class TerminalPoster implements ChannelPoster {
  readonly platform = 'terminal' as const;
  private count = 0;

  constructor(private readonly output: Writable) {}

  async post(channelId: string, reply: Reply): Promise<{ messageId: string }> {
    this.count += 1;
    const messageId = `t${this.count}`;
    const where = reply.digest ? ` [thread ${messageId} in #${channelId}]` : '';
    this.output.write(`\n${renderReplyText(reply)}${where ? `${where.trim()}\n` : ''}`);
    return { messageId };
  }
}

/**
 * A chat channel on a terminal (or any pair of streams, which is how tests drive it end to end).
 * `/brief` shows a digest and makes its thread current; plain lines are follow-ups in that thread.
 * Resolves when the input ends or the user types /quit.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { input, output, bot } = options;
  const ctx: ChatContext = {
    platform: 'terminal',
    channelId: options.channelId ?? 'terminal',
    userId: options.userId ?? 'you',
    canManageChannel: options.canManageChannel ?? true,
  };
  const poster = new TerminalPoster(output);
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  let thread: string | null = null;
  const prompt = () => {
    if (interactive) output.write(options.prompt ?? (thread ? `[${thread}] > ` : '> '));
  };
  if (options.greeting !== false) output.write(`${TERMINAL_HELP}\n\n`);
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') {
      output.write(`${TERMINAL_HELP}\n`);
    } else if (/^\/(?!brief\b|ask\b)\S/i.test(line)) {
      output.write(`Unknown command ${line.split(/\s/)[0]}. Type /help for the commands.\n`);
    } else if (line) {
      const reply = await bot.handle(requestFor(line, thread), ctx);
      if (reply) {
        const { messageId } = await poster.post(ctx.channelId, reply);
        if (reply.digest) {
          await bot.linkThread({ platform: 'terminal', channelId: ctx.channelId }, messageId, reply.digest);
          thread = messageId;
        }
      } else {
        output.write('(no reply: type /brief to open a digest thread, or /help)\n');
      }
    }
    prompt();
  }
  lines.close();
}

function requestFor(line: string, thread: string | null) {
  const command = /^\/(brief|ask)\b\s*(.*)$/is.exec(line);
  if (command) {
    return {
      type: 'command' as const,
      name: command[1]?.toLowerCase() === 'ask' ? ('ask' as const) : ('brief' as const),
      text: command[2] ?? '',
    };
  }
  // Outside a thread the line counts as addressed to the bot, so it answers against the default set.
  return { type: 'message' as const, text: line, threadId: thread, mentioned: thread === null };
}
