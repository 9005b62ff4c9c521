import { describe, expect, it } from 'vitest';
import { articleId, parseArticle } from '../src/briefing/parse-article.ts';
import type { Article } from '../src/briefing/types.ts';

function parse(content: string, name = 'story.txt'): Article {
  const result = parseArticle({ name, content });
  if (!result.ok) throw new Error(`skipped: ${result.reason}`);
  return result.article;
}

describe('parseArticle: front matter', () => {
  it('reads title, url, outlet and date, and ignores other keys', () => {
    const a = parse(
      '---\nlayout: post\ntitle: "Port strike ends"\nsource_url: "https://news.example.org/a/1"\nsentiment_score: 6\ntldr:\n  - "x"\ndate: 2025-03-04 06:34:30\n---\n\nDock workers returned on Monday after a 12-day strike.',
    );
    expect(a).toMatchObject({
      title: 'Port strike ends',
      url: 'https://news.example.org/a/1',
      date: '2025-03-04',
    });
    expect(a.outlet).toBe('news.example.org');
    expect(a.paragraphs).toEqual(['Dock workers returned on Monday after a 12-day strike.']);
  });

  it('accepts the alternative key names', () => {
    const a = parse(
      '---\nsource: Valley Times\npublishedAt: "March 3, 2025"\nurl: https://v.example/x\n---\nText of the story here.',
    );
    expect(a).toMatchObject({ outlet: 'Valley Times', date: '2025-03-03', url: 'https://v.example/x' });
    expect(parse('---\npublished: 2024-12-01\n---\nSome text here.').date).toBe('2024-12-01');
  });

  it('keeps the body when the front matter is not valid YAML', () => {
    const a = parse('---\ntitle: [unclosed\n---\nThe council voted on Tuesday.');
    expect(a.paragraphs).toEqual(['The council voted on Tuesday.']);
  });
});

describe('parseArticle: messy bodies', () => {
  it('takes date and outlet from a dateline and strips it from the text', () => {
    const a = parse(' date 2025-07-09 LISBON (Reuters) — Ferry crews walked out on Wednesday, unions said.');
    expect(a).toMatchObject({ date: '2025-07-09', outlet: 'Reuters' });
    expect(a.paragraphs[0]).toBe('Ferry crews walked out on Wednesday, unions said.');
  });

  it('strips a wire dateline with a date and drops wire credit lines', () => {
    const a = parse(
      '---\ndate: 2026-11-22\n---\nLONDON, Nov 22 (Reuters) - Storm winds cut power to 40,000 homes on Sunday.\n\nMore text follows here.\n\n(Reporting by Sam Lee; Editing by Jo Bell)',
    );
    expect(a.outlet).toBe('Reuters');
    expect(a.paragraphs).toEqual([
      'Storm winds cut power to 40,000 homes on Sunday.',
      'More text follows here.',
    ]);
  });

  it('takes the date from a "Posted:" line and drops the line', () => {
    const a = parse('Harbour floods\n\nPosted: 22 Nov 2026\n\nStreets flooded on Sunday morning.');
    expect(a.date).toBe('2026-11-22');
    expect(a.paragraphs).toEqual(['Streets flooded on Sunday morning.']);
  });

  it('uses a headline-like first line as the title and drops an (EXCLUSIVE) dateline', () => {
    const a = parse(
      'Mayor: budget cuts ‘unavoidable’\n\nOSLO (EXCLUSIVE) — The mayor said cuts were coming.\n\nMore text follows here.',
    );
    expect(a.title).toBe('Mayor: budget cuts ‘unavoidable’');
    expect(a.outlet).toBeNull();
    expect(a.paragraphs[0]).toBe('The mayor said cuts were coming.');
  });

  it('drops captions (also when repeated), capitalised related headlines and boilerplate', () => {
    const a = parse(
      [
        'Flood waters recede in Greyhaven',
        'Residents began returning home on Sunday as the river fell.',
        'Volunteers fill sandbags outside the town hall in Greyhaven',
        'The council said 300 homes were damaged.',
        'Volunteers fill sandbags outside the town hall in Greyhaven',
        'MAYOR VISITS SHELTERS AS STORM SEASON LOOMS',
        'The mayor at the shelter on Friday. Photo: Jane Roe/Getty Images',
        'Related Content',
        'No comments:',
        'Post a Comment',
      ].join('\n\n'),
    );
    expect(a.title).toBe('Flood waters recede in Greyhaven');
    expect(a.paragraphs).toEqual([
      'Residents began returning home on Sunday as the river fell.',
      'The council said 300 homes were damaged.',
    ]);
  });

  it('drops markdown headings and a trailing sources list, keeping list items', () => {
    const a = parse(
      '# Rail fares rise\nFares rise on Monday across the network.\n## What changes\n* Peak tickets cost more\n* Weekly passes are frozen\n### Sources\n* [Rail operator statement](https://rail.example/s)',
    );
    expect(a.title).toBe('Rail fares rise');
    expect(a.paragraphs).toEqual([
      'Fares rise on Monday across the network.',
      '* Peak tickets cost more',
      '* Weekly passes are frozen',
    ]);
  });

  it('unwraps an article wrapped in one pair of quote marks, keeping inner quotes', () => {
    const a = parse(
      'Council backs plan\n\n“The council has voted to "expand the scheme" across the city.\nCritics said it was rushed.\nReporter Sam Lee contributed to this report.“',
    );
    expect(a.paragraphs[0]).toBe('The council has voted to "expand the scheme" across the city.');
    expect(a.paragraphs).toContain('Critics said it was rushed.');
    expect(a.paragraphs.join(' ')).not.toContain('contributed to this report');
  });

  it('keeps a real multi-paragraph quote at the start intact', () => {
    const a = parse('“We will rebuild every school.\n\n“And we will do it this year,” the minister said.');
    expect(a.paragraphs[0]).toBe('“We will rebuild every school.');
  });

  it('joins hard-wrapped prose into paragraphs', () => {
    const a = parse(
      'The water authority said on Tuesday that supplies to the eastern\ndistricts would be restored by the end of the week, after crews\nrepaired the main that burst during the storm.\n\nA second paragraph.',
    );
    expect(a.paragraphs[0]).toBe(
      'The water authority said on Tuesday that supplies to the eastern districts would be restored by the end of the week, after crews repaired the main that burst during the storm.',
    );
  });

  it('reads HTML bodies as the text a reader saw: blocks, entities, no tags', () => {
    const a = parse(
      '<h1>Council approves &pound;4m cycle plan</h1>\n<p>The council voted 31 to 12 on Tuesday.</p><p>&ldquo;A great day for safer streets,&rdquo; said council leader Priya Raman.</p><p>Critics said it would &quot;strangle&quot; shops &amp; cafes.&nbsp;</p>',
    );
    expect(a.title).toBe('Council approves £4m cycle plan');
    expect(a.paragraphs).toEqual([
      'The council voted 31 to 12 on Tuesday.',
      '“A great day for safer streets,” said council leader Priya Raman.',
      'Critics said it would "strangle" shops & cafes.',
    ]);
    expect(a.raw).toContain('shops & cafes');
  });

  it('keeps the body as it is in raw, for the grounding check', () => {
    const body = 'Line one is here.\r\n\r\nLine two is here.';
    expect(parse(body).raw).toBe('Line one is here.\n\nLine two is here.');
  });
});

describe('parseArticle: bad input', () => {
  it.each([
    ['', 'file is empty'],
    ['   \n\n  ', 'file is empty'],
    ['abc\u0000def', 'file is binary, not text'],
    ['Related Content\n\nPost a Comment', 'no article text found'],
  ])('skips %j with a reason', (content, reason) => {
    expect(parseArticle({ name: 'x.txt', content })).toEqual({ ok: false, name: 'x.txt', reason });
  });

  it('skips oversized input', () => {
    const result = parseArticle({ name: 'big.txt', content: 'a'.repeat(2 * 1024 * 1024 + 1) });
    expect(result).toMatchObject({ ok: false, reason: 'file is larger than 2 MB' });
  });

  it('derives readable ids from file names', () => {
    expect(articleId('dir/AP Homan Drawdown.txt')).toBe('ap-homan-drawdown');
    expect(articleId('.md')).toBe('article');
  });
});
