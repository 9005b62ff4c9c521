import { describe, expect, it } from 'vitest';
import { GroundingIndex, groundFigures, groundQuotes } from '../src/briefing/grounding.ts';
import type { Article, Figure, Quote } from '../src/briefing/types.ts';

const article = (id: string, raw: string): Article => ({
  id,
  title: id,
  outlet: null,
  url: null,
  date: null,
  file: null,
  paragraphs: [raw],
  raw,
});

const index = new GroundingIndex([
  article(
    'a',
    'The city hired 120 new\ndrivers, the mayor said. “We will keep the buses running,” she said.',
  ),
  article('b', 'Officials said 120 drivers were hired.'),
]);

const figure = (over: Partial<Figure>): Figure => ({
  value: '120',
  counts: 'new drivers hired',
  text: 'The city hired 120 new drivers, the mayor said.',
  articles: ['a'],
  score: 1,
  ...over,
});

describe('grounding', () => {
  it('keeps figures whose value and sentence stand verbatim (line breaks aside)', () => {
    const result = groundFigures([figure({ articles: ['a', 'b'] })], index);
    expect(result.kept).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });

  it('drops a recomputed or altered figure with a warning', () => {
    const result = groundFigures([figure({ value: '240', text: 'The city hired 240 new drivers.' })], index);
    expect(result.kept).toEqual([]);
    expect(result.warnings[0]).toMatch(/Dropped figure "240"/);
  });

  it('removes only the citations that do not hold the value', () => {
    const result = groundFigures([figure({ articles: ['a', 'c'] })], index);
    expect(result.kept[0]?.articles).toEqual(['a']);
  });

  it('keeps verbatim quotes and drops paraphrased ones', () => {
    const good: Quote = {
      text: 'We will keep the buses running,',
      speaker: 'x',
      role: null,
      article: 'a',
      score: 1,
    };
    const bad: Quote = { ...good, text: 'We will keep buses running' };
    const result = groundQuotes([good, bad], index);
    expect(result.kept).toEqual([good]);
    expect(result.warnings).toEqual(['Dropped quote "We will keep buses running": not found verbatim in a']);
  });

  it('checks each part of a joined multi-paragraph quote', () => {
    const joined: Quote = { text: 'part one part two', speaker: null, role: null, article: 'a', score: 1 };
    const parts = () => ['The city hired', 'the mayor said.'];
    expect(groundQuotes([joined], index, parts).kept).toHaveLength(1);
    expect(groundQuotes([joined], index, () => ['The city hired', 'nowhere']).kept).toHaveLength(0);
  });
});
