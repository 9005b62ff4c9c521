import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Reply, SourceRef } from '../../src/chat/reply.ts';
import { escapeMarkdown, markdownLink } from '../../src/discord/escape-markdown.ts';
import { DISCORD_LIMITS, embedChars } from '../../src/discord/render-embed-sections.ts';
import { type DiscordMessage, renderEmbeds } from '../../src/discord/render-embeds.ts';

const source = (n: number): SourceRef => ({
  articleId: `a${n}`,
  label: `Outlet ${n}, Mar ${n}`,
  url: `https://news.example/${n}`,
});

function digest(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'digest',
    visibility: 'public',
    title: 'Harbour bridge closes for repairs after inspection finds cracks',
    text: 'Harbour bridge closes for repairs',
    footer: '3 articles from 3 outlets · grounded',
    sections: [
      {
        type: 'bullets',
        heading: 'TL;DR',
        items: [
          { text: 'The bridge closed on Monday.', sources: [source(1)] },
          { text: 'Repairs take six weeks.', sources: [] },
        ],
      },
      {
        type: 'figures',
        heading: 'Key figures',
        items: [
          { value: '6 weeks', counts: 'expected length of the repairs', sources: [source(1), source(2)] },
          { value: '40,000', counts: 'vehicles crossing each day', sources: [source(3)] },
        ],
      },
      {
        type: 'quotes',
        heading: 'Quotes',
        items: [
          {
            text: 'We will not take risks.',
            speaker: 'Dana Ortiz',
            role: 'city engineer',
            source: source(1),
          },
          { text: 'It is a mess.', speaker: null, role: null, source: source(2) },
        ],
      },
      {
        type: 'timeline',
        heading: 'Timeline',
        items: [{ date: 'Mar 1', event: 'Inspectors find cracks', sources: [source(2)] }],
      },
      {
        type: 'sources',
        heading: 'Sources',
        items: [
          { title: 'Bridge shut', outlet: 'Outlet 1', date: 'Mar 1', url: 'https://news.example/1' },
          { title: 'No link here', outlet: null, date: null, url: null },
        ],
      },
    ],
    digest: { set: 'bridge', digestId: 'd1', generatedAt: '2026-03-02T00:00:00Z', articleIds: ['a1'] },
    ...overrides,
  };
}

const allEmbeds = (messages: DiscordMessage[]) => messages.flatMap((m) => m.embeds);

function assertWithinLimits(messages: DiscordMessage[]) {
  for (const m of messages) {
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect(m.embeds.length).toBeGreaterThan(0);
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(
      DISCORD_LIMITS.charsPerMessage,
    );
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      expect(e.title || e.description || e.fields?.length || e.footer).toBeTruthy();
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      }
    }
  }
}

describe('renderEmbeds', () => {
  it('renders a digest: headline over the TL;DR, figures and quotes as fields, linked sources, footer', () => {
    const messages = renderEmbeds(digest());
    expect(messages).toHaveLength(1);
    assertWithinLimits(messages);
    const [first, figures, quotes, timeline, sources] = messages[0]?.embeds ?? [];
    expect(first?.title).toBe('Harbour bridge closes for repairs after inspection finds cracks');
    expect(first?.description).toBe(
      '**TL;DR**\n• The bridge closed on Monday. · [Outlet 1, Mar 1](https://news.example/1)\n• Repairs take six weeks.',
    );
    expect(figures?.title).toBe('Key figures');
    expect(figures?.fields?.[0]).toMatchObject({ name: '6 weeks', inline: true });
    expect(figures?.fields?.[0]?.value).toBe(
      'expected length of the repairs · [Outlet 1, Mar 1](https://news.example/1), [Outlet 2, Mar 2](https://news.example/2)',
    );
    expect(quotes?.fields?.[0]?.name).toBe('Dana Ortiz, city engineer');
    expect(quotes?.fields?.[0]?.value).toBe(
      '“We will not take risks.”\n— [Outlet 1, Mar 1](https://news.example/1)',
    );
    expect(quotes?.fields?.[1]?.name).toBe('Unattributed');
    expect(timeline?.description).toContain('**Mar 1** — Inspectors find cracks');
    expect(sources?.description).toBe(
      '• [Bridge shut](https://news.example/1) — Outlet 1, Mar 1\n• No link here',
    );
    expect(sources?.footer?.text).toBe('3 articles from 3 outlets · grounded');
    expect(messages[0]?.embeds.filter((e) => e.footer)).toHaveLength(1);
  });

  it('escapes markdown and defuses mentions in article and user text', () => {
    const reply = digest({
      title: '@everyone **breaking**',
      sections: [
        {
          type: 'text',
          text: 'Ping <@123456789012345678> and @here, see [this](https://evil.example) `code`',
        },
        {
          type: 'quotes',
          items: [{ text: '# not a heading _ok_', speaker: '<@&42>', role: null, source: source(1) }],
        },
      ],
    });
    const embeds = allEmbeds(renderEmbeds(reply));
    const text = JSON.stringify(embeds);
    expect(embeds[0]?.title).toBe('@\u200Beveryone \\*\\*breaking\\*\\*');
    expect(embeds[0]?.description).toBe(
      'Ping \\<@123456789012345678\\> and @\u200Bhere, see \\[this\\](https://evil.example) \\`code\\`',
    );
    expect(text).not.toMatch(/(^|[^\\])<@/);
    expect(embeds[1]?.fields?.[0]?.name).toBe('\\<@&42\\>');
    expect(embeds[1]?.fields?.[0]?.value).toContain('“\\# not a heading \\_ok\\_”');
  });

  it('links only http(s) URLs and escapes link labels', () => {
    expect(markdownLink('javascript:alert(1)', 'Click')).toBe('Click');
    expect(markdownLink('https://x.example/a_(b)', 'A [b]')).toBe('[A \\[b\\]](https://x.example/a_%28b%29)');
    expect(escapeMarkdown('- item\n1. first\n> quote')).toBe('\\- item\n1\\. first\n\\> quote');
  });

  it('splits a long digest into several messages within every limit, never inside an item', () => {
    const long = (n: number) => `Sentence number ${n} ${'with many words '.repeat(12)}end.`;
    const reply = digest({
      title: 'T'.repeat(400),
      footer: 'F'.repeat(3000),
      sections: [
        { type: 'text', text: Array.from({ length: 40 }, (_, i) => long(i)).join(' ') },
        {
          type: 'figures',
          items: Array.from({ length: 60 }, (_, i) => ({
            value: `${i} units`,
            counts: `figure ${i} ${'x'.repeat(1500)}`,
            sources: [source(i)],
          })),
        },
        {
          type: 'quotes',
          heading: 'Quotes',
          items: Array.from({ length: 70 }, (_, i) => ({
            text: `quote-${i} ${'said words '.repeat(30)}`,
            speaker: `Speaker ${i}`,
            role: null,
            source: source(i),
          })),
        },
        {
          type: 'sources',
          items: Array.from({ length: 300 }, (_, i) => ({
            title: `Article ${i}`,
            outlet: 'Outlet',
            date: null,
            url: `https://news.example/${i}`,
          })),
        },
      ],
    });
    const messages = renderEmbeds(reply);
    expect(messages.length).toBeGreaterThan(3);
    assertWithinLimits(messages);
    const embeds = allEmbeds(messages);
    expect(embeds[0]?.title?.length).toBe(256);
    expect(embeds[0]?.title?.endsWith('…')).toBe(true);
    const footers = embeds.filter((e) => e.footer);
    expect(footers).toHaveLength(1);
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text.length).toBe(DISCORD_LIMITS.footer);
    const text = JSON.stringify(embeds);
    for (let i = 0; i < 70; i++) expect(text.split(`quote-${i} `)).toHaveLength(2);
    for (let i = 0; i < 300; i++) expect(text).toContain(`[Article ${i}](https://news.example/${i})`);
    const sentences = embeds.flatMap((e) => e.description?.match(/Sentence number \d+/g) ?? []);
    expect(sentences).toHaveLength(40);
  });

  it('starts a new message at a section boundary when the next section would not fit', () => {
    const big = (label: string): Reply['sections'][number] => ({
      type: 'bullets',
      heading: label,
      items: Array.from({ length: 30 }, (_, i) => ({
        text: `${label} ${i} ${'y'.repeat(100)}`,
        sources: [],
      })),
    });
    const messages = renderEmbeds(digest({ title: 'Split', sections: [big('First'), big('Second')] }));
    expect(messages).toHaveLength(2);
    expect(messages[1]?.embeds[0]?.title).toBe('Second');
    assertWithinLimits(messages);
  });

  it('falls back to the plain text, and styles error replies', () => {
    const reply: Reply = { kind: 'error', visibility: 'ephemeral', sections: [], text: 'No set named "x".' };
    const [message] = renderEmbeds(reply);
    const embed = message?.embeds[0] as APIEmbed;
    expect(embed.description).toBe('No set named "x".');
    expect(embed.color).toBe(0xed4245);
    expect(message?.allowedMentions).toEqual({ parse: [] });
  });

  it('puts an answer under its question, and keeps a title above leading quotes', () => {
    const answer: Reply = {
      kind: 'answer',
      visibility: 'public',
      title: 'Who closed it?',
      text: 'see citations',
      sections: [{ type: 'citations', items: [{ text: 'The city closed the bridge.', source: source(1) }] }],
    };
    const [embed] = allEmbeds(renderEmbeds(answer));
    expect(embed?.title).toBe('Who closed it?');
    expect(embed?.description).toBe(
      '> The city closed the bridge.\n> — [Outlet 1, Mar 1](https://news.example/1)',
    );

    const quoted: Reply = {
      ...answer,
      sections: [
        { type: 'quotes', items: [{ text: 'We did.', speaker: 'Mayor', role: null, source: source(2) }] },
      ],
    };
    const embeds = allEmbeds(renderEmbeds(quoted));
    expect(embeds[0]).toEqual({ title: 'Who closed it?', color: 0x5865f2 });
    expect(embeds[1]?.fields?.[0]?.name).toBe('Mayor');
  });
});
