import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/reply.ts';
import { renderReplyText } from '../../src/terminal/render-text.ts';

const ap = { articleId: 'ap', label: 'AP, Feb 4', url: 'https://apnews.example/x' };
const reply: Reply = {
  kind: 'digest',
  visibility: 'public',
  title: 'Officers leave the city',
  sections: [
    { type: 'bullets', heading: 'TL;DR', items: [{ text: 'Some officers leave.', sources: [ap] }] },
    {
      type: 'figures',
      heading: 'Key figures',
      items: [{ value: '700', counts: 'federal officers to be withdrawn', sources: [ap] }],
    },
    {
      type: 'quotes',
      heading: 'Quotes',
      items: [{ text: 'We are not surrendering', speaker: 'Tom Homan', role: 'border czar', source: ap }],
    },
    {
      type: 'timeline',
      heading: 'Timeline',
      items: [{ date: 'Jan 26, 2026', event: 'Second shooting', sources: [ap] }],
    },
    {
      type: 'sources',
      heading: 'Sources',
      items: [
        { title: 'Officers *leave*', outlet: 'AP', date: 'Feb 4, 2026', url: 'https://apnews.example/x' },
      ],
    },
  ],
  footer: '1 article from 1 outlet · grounded',
  text: 'Officers leave the city',
};

describe('renderReplyText', () => {
  it('renders a readable plain-text digest', () => {
    const text = renderReplyText(reply);
    expect(text).toContain('Officers leave the city\n=======');
    expect(text).toContain('TL;DR\n  • Some officers leave. (AP, Feb 4)');
    expect(text).toContain('  • 700 — federal officers to be withdrawn (AP, Feb 4)');
    expect(text).toContain('  • “We are not surrendering” — Tom Homan, border czar (AP, Feb 4)');
    expect(text).toContain('  • Jan 26, 2026 — Second shooting (AP, Feb 4)');
    expect(text).toContain('  • Officers *leave* — AP, Feb 4, 2026\n    https://apnews.example/x');
    expect(text).toContain('-- 1 article from 1 outlet · grounded');
  });

  it('renders Markdown with headings, links and escaped article text', () => {
    const md = renderReplyText(reply, { format: 'markdown' });
    expect(md).toContain('# Officers leave the city');
    expect(md).toContain(
      '## Key figures\n- **700** — federal officers to be withdrawn ([AP, Feb 4](https://apnews.example/x))',
    );
    expect(md).toContain(
      '> “We are not surrendering” — Tom Homan, border czar ([AP, Feb 4](https://apnews.example/x))',
    );
    expect(md).toContain('- [Officers \\*leave\\*](https://apnews.example/x) — AP, Feb 4, 2026');
    expect(md).toContain('_1 article from 1 outlet · grounded_');
  });

  it('prints citations of an answer with their source, and links only safe urls', () => {
    const answer: Reply = {
      kind: 'answer',
      visibility: 'public',
      title: 'how many?',
      sections: [
        {
          type: 'citations',
          items: [
            { text: 'About 2,000 officers will remain.', source: { ...ap, url: 'javascript:alert(1)' } },
          ],
        },
      ],
      text: '',
    };
    expect(renderReplyText(answer)).toContain('  • About 2,000 officers will remain. — AP, Feb 4');
    expect(renderReplyText(answer, { format: 'markdown' })).toContain(
      '> About 2,000 officers will remain. — AP, Feb 4',
    );
    expect(renderReplyText(answer, { format: 'markdown' })).not.toContain('javascript:');
  });
});
