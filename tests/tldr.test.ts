import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/briefing/parse-article.ts';
import { summarise } from '../src/briefing/tldr.ts';
import type { Article } from '../src/briefing/types.ts';

function article(name: string, content: string): Article {
  const r = parseArticle({ name, content });
  if (!r.ok) throw new Error(r.reason);
  return r.article;
}

const set = [
  article(
    'courier.md',
    `---\ntitle: Port of Amsel strike ends after nine days\noutlet: The Courier\ndate: 2025-05-10\n---\nDock workers at the Port of Amsel ended a nine-day strike on Friday after the operator agreed to a 6 percent pay rise.\n\nThe strike had left more than 40 container ships waiting offshore and delayed deliveries across the region.\n\n“This deal shows what workers can win when they stand together,” union leader Lena Moreau said.\n\nThe operator said cargo handling would return to normal within a week.\n\nShipping analysts said the backlog could take a month to clear.`,
  ),
  article(
    'ledger.md',
    `---\ntitle: Amsel dockers accept pay deal\noutlet: Daily Ledger\ndate: 2025-05-10\n---\nStriking dock workers at the Port of Amsel accepted a 6 percent pay rise on Friday, ending a strike that lasted nine days.\n\nAbout 40 container ships had queued outside the port during the dispute, the harbour authority said.\n\nRetailers warned that shelves could stay empty for weeks as the backlog clears.\n\nThe agreement runs for two years and includes a review of night-shift rules.`,
  ),
  article(
    'wire.md',
    `---\ntitle: Retailers count cost of Amsel port strike\noutlet: Metro Wire\ndate: 2025-05-09\n---\nRetailers across the region said the Port of Amsel strike had cost them millions in lost sales.\n\nSeveral supermarket chains reported shortages of fresh fruit and electronics.\n\nThe strike ended on Friday with a pay deal for the dock workers, the union said.`,
  ),
];

describe('summarise', () => {
  const summary = summarise(set);

  it('writes 3 to 5 bullets, each citing the articles it comes from', () => {
    expect(summary.tldr.length).toBeGreaterThanOrEqual(3);
    expect(summary.tldr.length).toBeLessThanOrEqual(5);
    const ids = new Set(set.map((a) => a.id));
    for (const bullet of summary.tldr) {
      expect(bullet.articles.length).toBeGreaterThan(0);
      for (const id of bullet.articles) expect(ids.has(id)).toBe(true);
      const own = set.find((a) => a.id === bullet.articles[0]);
      expect(own?.paragraphs.join(' ')).toContain(bullet.text);
    }
  });

  it('leads with what several outlets report, and cites them together', () => {
    const first = summary.tldr[0];
    expect(first?.text).toMatch(/strike/i);
    expect(first?.articles.length).toBeGreaterThan(1);
  });

  it('does not repeat itself or use quotes as bullets', () => {
    const texts = summary.tldr.map((b) => b.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => /pay rise on Friday/.test(t)).length).toBeLessThanOrEqual(1);
    for (const t of texts) expect(t.startsWith('“')).toBe(false);
  });

  it('leaves sentences that are mostly a quote to the quotes section', () => {
    const quoted = article(
      'q.txt',
      'The harbour flooded on Sunday as the storm surge hit the town.\n\nCouncillor Jo Bell said: "I have never seen the harbour this high in thirty years of living here."\n\nCrews pumped water from the streets through the night.',
    );
    expect(
      summarise([quoted])
        .tldr.map((b) => b.text)
        .join(' '),
    ).not.toContain('never seen');
  });

  it('treats two outlets reporting the same number as one bullet, citing both', () => {
    const storm = [
      article(
        'wire.md',
        '---\ntitle: Storm cuts power to 40,000 homes\noutlet: Wire\n---\nThe storm cut power to more than 40,000 homes in the south on Sunday, officials said.\n\nAirports cancelled dozens of flights as gusts reached gale force.\n\nEngineers worked through the night to repair damaged lines.',
      ),
      article(
        'local.md',
        '---\ntitle: Thousands in the dark\noutlet: Local\n---\nMore than 40,000 households were left without electricity on Sunday after the gale.\n\nSchools in three districts will stay closed on Monday, the council said.\n\nVolunteers opened a rest centre at the town hall for people forced from their homes.',
      ),
    ];
    const bullets = summarise(storm).tldr;
    expect(bullets.filter((b) => b.text.includes('40,000'))).toHaveLength(1);
    expect(bullets.find((b) => b.text.includes('40,000'))?.articles).toHaveLength(2);
  });

  it('keeps to a word budget', () => {
    const words = summary.tldr.reduce((n, b) => n + b.text.split(/\s+/).length, 0);
    expect(words).toBeLessThanOrEqual(130 + 55);
  });

  it('uses an editor-written title as the one-line headline', () => {
    expect(set.map((a) => a.title)).toContain(summary.headline);
    expect(summary.headline).not.toContain('\n');
  });

  it('derives a headline from the lead when no article has a title', () => {
    const untitled = article(
      'x.txt',
      'The water authority restored supplies to the eastern districts on Tuesday, but warned that pressure would stay low for days.\n\nCrews worked overnight to repair the main.\n\nSchools in the area will reopen on Wednesday, officials said.',
    );
    const s = summarise([untitled]);
    expect(s.headline).toBe('The water authority restored supplies to the eastern districts on Tuesday');
  });

  it('handles an article with nothing to summarise', () => {
    const tiny = article('t.txt', 'Short note.');
    expect(summarise([tiny])).toEqual({ headline: tiny.title, tldr: [] });
  });
});
