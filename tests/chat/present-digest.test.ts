import { describe, expect, it } from 'vitest';
import type { Digest, Quote } from '../../src/briefing/types.ts';
import { presentDigest } from '../../src/chat/present-digest.ts';

const quote = (text: string, speaker: string | null, score: number): Quote => ({
  text,
  speaker,
  role: null,
  article: 'a',
  score,
});

const digest: Digest = {
  title: 'Harbour strike ends',
  generatedAt: '2026-03-02T07:00:00.000Z',
  articles: [
    {
      id: 'a',
      title: 'Strike ends',
      outlet: 'Metro Wire',
      url: 'https://m.example/a',
      date: '2026-03-01',
      file: 'a.md',
    },
    { id: 'b', title: 'Dockers vote', outlet: 'The Courier', url: null, date: null, file: 'b.md' },
  ],
  tldr: [{ text: 'Dock workers ended their strike on Friday.', articles: ['a', 'b'] }],
  figures: [
    {
      value: '6 percent',
      counts: 'pay rise agreed',
      text: 'A 6 percent pay rise.',
      articles: ['a'],
      score: 3,
    },
  ],
  quotes: [
    quote('We won this together, every one of us', 'Lena Moreau', 0.9),
    quote('The members voted with their feet', 'Lena Moreau', 0.85),
    quote('Cargo will move again by Monday', 'Omar Haddad', 0.7),
    quote('Nobody wanted this to drag on', null, 0.95),
  ],
  timeline: [{ date: '2026-02-20', event: 'The strike began.', articles: ['b'] }],
  warnings: [],
};

describe('presentDigest', () => {
  it('shows each named speaker once before repeating anyone, unattributed quotes last', () => {
    const reply = presentDigest(digest, { section: 'quotes' });
    const section = reply.sections.find((s) => s.type === 'quotes');
    expect(section?.type === 'quotes' && section.items.map((i) => i.speaker)).toEqual([
      'Lena Moreau',
      'Omar Haddad',
      'Lena Moreau',
      null,
    ]);
  });

  it('builds the summary view with a headline, sections, sources and the grounded footer', () => {
    const reply = presentDigest(digest, { set: 'harbour' });
    expect(reply).toMatchObject({ kind: 'digest', visibility: 'public', title: 'Harbour strike ends' });
    expect(reply.sections.map((s) => s.type)).toEqual(['bullets', 'figures', 'quotes', 'sources']);
    expect(reply.footer).toBe('harbour · 2 articles from 2 outlets · grounded');
    const bullets = reply.sections[0];
    expect(bullets?.type === 'bullets' && bullets.items[0]?.sources.map((s) => s.articleId)).toEqual([
      'a',
      'b',
    ]);
  });

  it('shows the timeline only when asked', () => {
    expect(presentDigest(digest, { section: 'all' }).sections.map((s) => s.type)).toContain('timeline');
    expect(presentDigest(digest, { section: 'timeline' }).sections.map((s) => s.type)).toEqual(['timeline']);
  });
});
