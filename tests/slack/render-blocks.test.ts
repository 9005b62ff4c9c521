import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Reply, SourceRef } from '../../src/chat/reply.ts';
import { escapeMrkdwn, mrkdwnLink, safeUrl } from '../../src/slack/escape.ts';
import { renderBlocks, type SlackMessage } from '../../src/slack/render-blocks.ts';

const ap: SourceRef = { articleId: 'a1', label: 'AP, Feb 4', url: 'https://apnews.com/x?a=1&b=2' };
const local: SourceRef = { articleId: 'a2', label: 'Star Tribune', url: null };

function digest(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'digest',
    visibility: 'public',
    title: 'City council approves transit budget after long debate',
    text: 'City council approves transit budget after long debate',
    footer: '5 articles from 5 outlets · grounded',
    sections: [
      { type: 'text', heading: 'TL;DR', text: 'The council voted 9-4 to fund two new bus lines.' },
      {
        type: 'figures',
        heading: 'Key figures',
        items: [
          { value: '$42 million', counts: 'for the bus lines', sources: [ap, local] },
          { value: '9-4', counts: 'council vote', sources: [ap] },
        ],
      },
      {
        type: 'quotes',
        heading: 'Quotes',
        items: [{ text: 'This is a good day for riders.', speaker: 'Dana Ruiz', role: 'mayor', source: ap }],
      },
      {
        type: 'timeline',
        heading: 'Timeline',
        items: [{ date: 'Feb 3', event: 'Committee hearing held', sources: [local] }],
      },
      {
        type: 'sources',
        heading: 'Sources',
        items: [
          { title: 'Council passes budget', outlet: 'AP', date: 'Feb 4', url: 'https://apnews.com/x' },
          { title: 'Transit vote', outlet: 'Star Tribune', date: null, url: null },
        ],
      },
    ],
    ...overrides,
  };
}

/** Every text string a message shows, block by block. */
function texts(block: types.KnownBlock): string[] {
  if (block.type === 'section') return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
  if (block.type === 'header') return [block.text.text];
  if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : ''));
  return [];
}
const allTexts = (messages: SlackMessage[]) => messages.flatMap((m) => [m.text, ...m.blocks.flatMap(texts)]);

function assertLimits(messages: SlackMessage[]) {
  for (const message of messages) {
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section') {
        expect((block.text?.text ?? '').length).toBeLessThanOrEqual(3000);
        expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
        expect(block.text || block.fields).toBeTruthy();
      }
    }
  }
}

describe('renderBlocks', () => {
  it('renders a digest as header, sections, fields, quotes, timeline, linked sources and a context footer', () => {
    const messages = renderBlocks(digest());
    expect(messages).toHaveLength(1);
    const [message] = messages;
    const blocks = message?.blocks ?? [];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'City council approves transit budget after long debate' },
    });
    expect(blocks.at(-1)).toMatchObject({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '5 articles from 5 outlets · grounded' }],
    });
    const figures = blocks.find((b) => b.type === 'section' && b.fields);
    expect(figures?.type === 'section' && figures.fields?.[0]?.text).toBe(
      '*$42 million*\nfor the bus lines · <https://apnews.com/x?a=1&b=2|AP, Feb 4>, Star Tribune',
    );
    const shown = allTexts(messages).join('\n');
    expect(shown).toContain('*TL;DR*\nThe council voted 9-4 to fund two new bus lines.');
    expect(shown).toContain(
      '> “This is a good day for riders.”\n> — *Dana Ruiz, mayor* · <https://apnews.com/',
    );
    expect(shown).toContain('• *Feb 3* — Committee hearing held · Star Tribune');
    expect(shown).toContain('• <https://apnews.com/x|Council passes budget> — AP, Feb 4');
    expect(shown).toContain('• Transit vote — Star Tribune');
    expect(message?.text).toBe('City council approves transit budget after long debate');
    assertLimits(messages);
  });

  it('escapes user and article text so it cannot ping anyone or open formatting', () => {
    const hostile =
      'Hey <!channel> and <!here|here> <@U123ABC> @everyone: *bold* ~gone~ `code` _it_ a & b > c';
    const messages = renderBlocks(
      digest({
        title: `Alert <!channel> @here`,
        text: hostile,
        footer: hostile,
        sections: [
          { type: 'text', heading: '<@U999>', text: hostile },
          { type: 'bullets', items: [{ text: hostile, sources: [{ ...ap, label: 'A|B <!here>' }] }] },
          { type: 'quotes', items: [{ text: hostile, speaker: '<@U1>', role: '*boss*', source: ap }] },
        ],
      }),
    );
    for (const text of allTexts(messages)) {
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toMatch(/(^|\s)@(channel|here|everyone)\b/i);
      expect(text).not.toMatch(/(^|\s)[*~`_][a-z]+[*~`_](\s|$)/);
    }
    const shown = allTexts(messages).join('\n');
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).toContain('a &amp; b &gt; c');
    // Our own markup survives: the bold heading and the link to the source.
    expect(shown).toContain('<https://apnews.com/x?a=1&b=2|A❘B &lt;!here&gt;>');
  });

  it('keeps snake_case words intact and links only http(s) URLs', () => {
    expect(escapeMrkdwn('file_name stays')).toBe('file_name stays');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('!channel')).toBeNull();
    expect(mrkdwnLink('<!channel>', 'label')).toBe('label');
    expect(mrkdwnLink('https://x.test/a|b>c', 'L')).toBe('<https://x.test/a%7Cb%3Ec|L>');
  });

  it('truncates a long header to 150 characters at a word boundary', () => {
    const [message] = renderBlocks(digest({ title: 'word '.repeat(60) }));
    const header = message?.blocks[0];
    expect(header?.type).toBe('header');
    if (header?.type === 'header') {
      expect(header.text.text.length).toBeLessThanOrEqual(150);
      expect(header.text.text).toMatch(/word…$/);
    }
  });

  it('splits a long digest into several messages within every limit, never cutting an item', () => {
    const bullets = Array.from({ length: 150 }, (_, i) => ({
      text: `Item ${i} begins ${'detail '.repeat(60)}ends-${i}`,
      sources: [ap],
    }));
    const figures = Array.from({ length: 23 }, (_, i) => ({
      value: `${i}%`,
      counts: `share ${i}`,
      sources: [],
    }));
    const reply = digest({
      sections: [
        { type: 'text', heading: 'TL;DR', text: 'Long. '.repeat(1200) },
        { type: 'figures', heading: 'Key figures', items: figures },
        { type: 'bullets', heading: 'What happened', items: bullets },
      ],
    });
    const messages = renderBlocks(reply);
    expect(messages.length).toBeGreaterThan(1);
    assertLimits(messages);
    expect(messages[0]?.blocks[0]?.type).toBe('header');
    expect(messages.slice(1).every((m) => m.blocks.every((b) => b.type !== 'header'))).toBe(true);
    expect(messages.at(-1)?.blocks.at(-1)?.type).toBe('context');
    expect(messages.slice(0, -1).every((m) => m.blocks.every((b) => b.type !== 'context'))).toBe(true);
    const shown = messages.flatMap((m) => m.blocks.flatMap(texts)).join('\n');
    for (let i = 0; i < 150; i++) {
      const line = shown.split('\n').find((l) => l.startsWith(`• Item ${i} begins`));
      expect(line).toContain(`ends-${i} · <https://apnews.com/`);
    }
    for (let i = 0; i < 23; i++) expect(shown).toContain(`*${i}%*\nshare ${i}`);
    expect(messages[1]?.text).toMatch(/\(part 2 of \d\)$/);
  });

  it('moves a whole section to the next message and marks a section split across messages', () => {
    const points = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ text: `Point ${i} ${'x'.repeat(2700)}`, sources: [] }));
    const messages = renderBlocks(
      digest({
        sections: [
          { type: 'text', heading: 'TL;DR', text: 'Short summary.' },
          { type: 'bullets', heading: 'Details', items: points(2) },
          { type: 'bullets', heading: 'More', items: points(5) },
        ],
      }),
      { maxBlocks: 4 },
    );
    expect(messages.map((m) => m.blocks.map((b) => b.type))).toEqual([
      ['header', 'section'],
      ['section', 'section', 'section'],
      ['section', 'section', 'section'],
      ['section', 'context'],
    ]);
    const first = (i: number) => {
      const block = messages[i]?.blocks[0];
      return block?.type === 'section' ? block.text?.text : undefined;
    };
    expect(first(1)).toMatch(/^\*Details\*\n• Point 0/);
    expect(first(2)).toMatch(/^\*More\* \(continued\)\n• Point 1/);
    expect(first(3)).toMatch(/^\*More\* \(continued\)\n• Point 4/);
  });

  it('shortens a single oversized item instead of breaking the limit', () => {
    const [message] = renderBlocks(
      digest({ sections: [{ type: 'bullets', items: [{ text: 'y '.repeat(5000), sources: [ap] }] }] }),
    );
    assertLimits([message as SlackMessage]);
    const section = message?.blocks.find((b) => b.type === 'section');
    expect(section?.type === 'section' && section.text?.text).toMatch(/^• (y )+y…/);
  });

  it('renders an ephemeral error with neither title nor footer as a single section', () => {
    const messages = renderBlocks({
      kind: 'error',
      visibility: 'ephemeral',
      sections: [],
      text: 'Unknown set "foo". Try /brief sets.',
    });
    expect(messages).toEqual([
      {
        text: 'Unknown set "foo". Try /brief sets.',
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: 'Unknown set "foo". Try /brief sets.', verbatim: true },
          },
        ],
      },
    ]);
  });
});
