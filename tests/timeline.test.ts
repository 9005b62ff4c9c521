import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates } from '../src/briefing/dates.ts';
import { parseArticle } from '../src/briefing/parse-article.ts';
import { extractTimeline } from '../src/briefing/timeline.ts';
import type { Article } from '../src/briefing/types.ts';

function article(id: string, paragraphs: string[], date: string | null): Article {
  return {
    id,
    title: `Story ${id}`,
    outlet: id,
    url: null,
    date,
    file: `${id}.txt`,
    paragraphs,
    raw: paragraphs.join('\n\n'),
  };
}

const dates = (text: string, articleDate: string | null) => findDates(text, articleDate).map((m) => m.date);

describe('findDates', () => {
  it('reads absolute dates in the usual written forms', () => {
    expect(dates('The dam failed on March 3, 2023.', null)).toEqual(['2023-03-03']);
    expect(dates('Voting closed Oct. 9 in most districts.', '2023-10-20')).toEqual(['2023-10-09']);
    expect(dates('Filed on 2023-07-14 at the registry.', null)).toEqual(['2023-07-14']);
    expect(dates('Talks began on 5 September 2022.', null)).toEqual(['2022-09-05']);
  });

  it('takes a year-less date from the article year, or the year before when it would lie ahead', () => {
    expect(dates('The strike began Dec. 28.', '2024-01-05')).toEqual(['2023-12-28']);
    expect(dates('The strike began Dec. 28.', null)).toEqual([]);
  });

  it('resolves weekdays to the most recent such day on or before the article date', () => {
    // 2024-05-08 is a Wednesday.
    expect(dates('The mayor spoke on Wednesday.', '2024-05-08')).toEqual(['2024-05-08']);
    expect(dates('The mayor spoke Monday.', '2024-05-08')).toEqual(['2024-05-06']);
    expect(dates('The mayor spoke Thursday.', '2024-05-08')).toEqual(['2024-05-02']);
    expect(dates('The mayor spoke last Wednesday.', '2024-05-08')).toEqual(['2024-05-01']);
    expect(dates('The mayor will speak next Friday.', '2024-05-08')).toEqual([]);
  });

  it('resolves yesterday, today, last week and "days ago" against the article date', () => {
    expect(dates('The bridge closed yesterday.', '2024-05-08')).toEqual(['2024-05-07']);
    expect(dates('The bridge reopens today.', '2024-05-08')).toEqual(['2024-05-08']);
    expect(dates('The bridge closed last week.', '2024-05-08')).toEqual(['2024-05-01']);
    expect(dates('The bridge closed three days ago.', '2024-05-08')).toEqual(['2024-05-05']);
  });

  it('skips relative dates without an article date, vague dates and names of events', () => {
    expect(dates('The bridge closed yesterday and reopened Friday.', null)).toEqual([]);
    expect(dates('The surge began in early March and peaked in 2021.', '2024-05-08')).toEqual([]);
    expect(dates('Survivors of the Feb. 14 shooting met the governor.', '2024-05-08')).toEqual([]);
  });

  it('does not place a date far beyond the article date', () => {
    expect(dates('A hearing is set for June 20.', '2024-05-08')).toEqual([]);
    expect(dates('The vote on Thursday, May 9, 2024 was delayed.', '2024-05-08')).toEqual(['2024-05-09']);
    // Plans are not resolved backwards: "is expected to vote Tuesday" is next Tuesday, not last.
    expect(dates('The council is expected to vote Tuesday.', '2024-05-08')).toEqual([]);
    expect(dates('She said he would sign it by Jan. 31.', '2024-05-08')).toEqual([]);
  });
});

describe('extractTimeline', () => {
  it('orders dated events and takes labelled list items as the event text', () => {
    const timeline = extractTimeline([
      article(
        'a',
        [
          'Key dates:',
          '* March 2, 2023: Levee breach floods the lower town',
          '* February 27, 2023: Heavy rain begins',
          'The council declared an emergency on Friday.',
        ],
        '2023-03-06',
      ),
    ]);
    expect(timeline).toEqual([
      { date: '2023-02-27', event: 'Heavy rain begins', articles: ['a'] },
      { date: '2023-03-02', event: 'Levee breach floods the lower town', articles: ['a'] },
      { date: '2023-03-03', event: 'The council declared an emergency on Friday.', articles: ['a'] },
    ]);
  });

  it('merges near-identical events of the same day across articles', () => {
    const timeline = extractTimeline([
      article(
        'x',
        ['The regional airport closed its main runway on Tuesday after a fuel spill.'],
        '2023-09-13',
      ),
      article(
        'y',
        ['On Sept. 12 the regional airport closed its main runway after a fuel spill.'],
        '2023-09-14',
      ),
      article('z', ['Pilots held a protest on Tuesday.'], '2023-09-13'),
    ]);
    expect(timeline).toHaveLength(2);
    expect(timeline[0]?.date).toBe('2023-09-12');
    expect(timeline[0]?.articles).toEqual(['x', 'y']);
    expect(timeline[1]?.articles).toEqual(['z']);
  });

  it('skips relative dates of an article without a date but keeps its absolute ones', () => {
    const timeline = extractTimeline([
      article('n', ['The ferry sank on Saturday.', 'Its licence expired on August 1, 2022.'], null),
    ]);
    expect(timeline).toEqual([
      { date: '2022-08-01', event: 'Its licence expired on August 1, 2022.', articles: ['n'] },
    ]);
  });

  it('trims long sentences to a short event that keeps the date', () => {
    const long =
      'The regional transport authority, which has faced months of criticism from commuters and unions over delays, cancelled trains and rising fares across the network, announced on Monday that it would replace its entire board.';
    const [event] = extractTimeline([article('t', [long], '2023-11-08')]);
    expect(event?.date).toBe('2023-11-06');
    expect(event?.event.split(/\s+/).length).toBeLessThanOrEqual(27);
    expect(event?.event).toContain('Monday');
  });

  it('holds the key dates of the default article set', () => {
    const dir = join(import.meta.dirname, '..', 'briefings', 'minneapolis-ice-2026');
    const articles = readdirSync(dir).flatMap((name) => {
      const result = parseArticle({ name, content: readFileSync(join(dir, name), 'utf8') });
      return result.ok ? [result.article] : [];
    });
    const timeline = extractTimeline(articles);
    const days = timeline.map((e) => e.date);
    for (const day of ['2026-01-12', '2026-01-26', '2026-02-04']) expect(days).toContain(day);
    expect([...days].sort()).toEqual(days);
    for (const event of timeline) {
      const source = articles.find((a) => a.id === event.articles[0]);
      if (source?.date) expect(event.date <= source.date).toBe(true);
    }
  });
});
