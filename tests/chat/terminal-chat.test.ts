import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BriefingBot } from '../../src/chat/briefing-bot.ts';
import { MemoryStore } from '../../src/chat/memory-store.ts';
import { FileSetSource } from '../../src/sets/file-set-source.ts';
import { runTerminalChat, TerminalPoster } from '../../src/terminal/terminal-chat.ts';
import { harborStrikeSet, MemorySetSource } from './memory-set-source.ts';

const BRIEFINGS = new URL('../../briefings/', import.meta.url).pathname;

/** Types the lines into the chat, ends the input, and returns everything printed. */
async function session(bot: BriefingBot, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const done = runTerminalChat({ input, output, bot, greeting: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('terminal chat', () => {
  it('shows a digest for /brief and answers a follow-up in its thread with a citation', async () => {
    const bot = new BriefingBot({
      sets: new FileSetSource(BRIEFINGS, 'minneapolis-ice-2026'),
      store: new MemoryStore(),
    });
    const out = await session(bot, [
      '/brief',
      'how many officers will stay in Minnesota?',
      'what did he say next?',
    ]);
    expect(out).toContain('TL;DR');
    expect(out).toContain('Sources');
    expect(out).toContain('[thread t1 in #terminal]');
    expect(out).toContain('About 2,000 officers will remain in the state');
    expect(out).toContain('— AP, Feb 4');
    // "he" is the person the previous answer quoted.
    expect(out).toMatch(/” — Tom Homan \(AP, Feb 4\)/);
  });

  it('handles /ask, /help, unknown commands and /quit', async () => {
    const bot = new BriefingBot({
      sets: new MemorySetSource({ harbor: harborStrikeSet() }),
      store: new MemoryStore(),
    });
    const out = await session(bot, [
      '/ask how many ships are waiting?',
      '/help',
      '/nonsense',
      '/brief harbor sideways',
      '/quit',
      '/ask this line is never read',
    ]);
    expect(out).toContain('Shipping companies said 14 ships were waiting offshore. — Metro Wire, Mar 11');
    expect(out).toContain('Terminal chat: this window is one channel.');
    expect(out).toContain('Unknown command /nonsense');
    expect(out).toContain('Usage: /brief [set] [figures|quotes|timeline|sources|all]');
    expect(out).not.toContain('never read');
  });

  it('answers a plain line before any /brief from the default set', async () => {
    const bot = new BriefingBot({
      sets: new MemorySetSource({ harbor: harborStrikeSet() }),
      store: new MemoryStore(),
    });
    const out = await session(bot, ['who is Viktor Novak?']);
    expect(out).toContain('Viktor Novak: Port director.');
  });

  it('posts through TerminalPoster like any channel, numbering messages', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => {
      printed += c.toString('utf8');
    });
    const poster = new TerminalPoster(output);
    const first = await poster.post('general', {
      kind: 'info',
      visibility: 'public',
      sections: [],
      text: 'Good morning',
    });
    const second = await poster.post('general', {
      kind: 'info',
      visibility: 'public',
      sections: [],
      text: 'Again',
    });
    expect([first.messageId, second.messageId]).toEqual(['t1', 't2']);
    expect(printed).toContain('Good morning');
  });
});
