import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/briefing/figures.ts';
import { parseArticle } from '../src/briefing/parse-article.ts';
import type { Article } from '../src/briefing/types.ts';

function article(id: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return {
    id,
    title: extra.title ?? `Story ${id}`,
    outlet: extra.outlet ?? id,
    url: null,
    date: extra.date ?? '2024-05-08',
    file: `${id}.txt`,
    paragraphs,
    raw: paragraphs.join('\n\n'),
    ...extra,
  };
}

const values = (figures: { value: string }[]) => figures.map((f) => f.value);

describe('extractFigures', () => {
  it('finds a number with the noun it counts and what happens to it, value and sentence verbatim', () => {
    const text =
      'Roughly 1,200 nurses — about a third of the hospital staff — will walk off the job on Monday, the union said.';
    const [figure] = extractFigures([article('a', [text])]);
    expect(figure?.value).toBe('Roughly 1,200');
    expect(figure?.counts).toBe('nurses will walk off the job');
    expect(figure?.text).toBe(text);
    expect(text).toContain(figure?.value);
    expect(figure?.articles).toEqual(['a']);
  });

  it('keeps percentages with the group they are a share of', () => {
    const figures = extractFigures([
      article('a', ['A survey found 42 percent of farmers expect lower harvests this autumn.']),
    ]);
    expect(figures[0]?.value).toBe('42 percent');
    expect(figures[0]?.counts).toMatch(/^of farmers expect lower harvests/);
  });

  it('describes a counted object by the verb before it and keeps a rate', () => {
    const figures = extractFigures([
      article('a', ['The ministry ordered inspectors to check 5,000 trucks a week at the border.']),
    ]);
    expect(figures[0]?.value).toBe('5,000');
    expect(figures[0]?.counts).toBe('trucks to be checked a week at the border');
  });

  it('skips statute names, years used as dates and list numbering', () => {
    const figures = extractFigures([
      article('a', [
        'The measure rests on Section 214 of the code and on 118(b) agreements signed in 1998.',
        'Deals known as "412 (k)" agreements spread during the 2016 presidential campaign.',
        '1. Councillors met on the plan.',
        '(2) Residents were not consulted.',
        'Officials said 340 families were moved.',
      ]),
    ]);
    expect(values(figures)).toEqual(['340']);
    expect(figures[0]?.counts).toBe('families were moved');
  });

  it('says what a number without a counted noun is about, from its subject and verb', () => {
    const figures = extractFigures([
      article('a', [
        'The death toll rose to 63 overnight.',
        'Turnout was 58.2 per cent in the first round.',
        'The board approved a budget of $14 million for repairs.',
      ]),
    ]);
    const byValue = new Map(figures.map((f) => [f.value, f.counts]));
    expect(byValue.get('63')).toMatch(/^death toll rose/);
    expect(byValue.get('58.2 per cent')).toBe('Turnout was in the first round');
    expect(byValue.get('$14 million')).toBe('budget for repairs');
  });

  it('merges the same figure from several outlets and counts the outlets', () => {
    const figures = extractFigures([
      article('north', ['About 450 firefighters were sent to the valley blaze on Tuesday.'], {
        outlet: 'North Post',
      }),
      article('south', ['The state sent 450 firefighters to fight the fire.'], { outlet: 'South Wire' }),
      article('south-2', ['Crews of 450 firefighters worked overnight.'], { outlet: 'South Wire' }),
    ]);
    const merged = figures.filter((f) => f.counts.includes('firefighters'));
    expect(merged).toHaveLength(1);
    expect(merged[0]?.articles).toEqual(['north', 'south', 'south-2']);
    expect(merged[0]?.outlets).toBe(2);
  });

  it('shows different values for the same thing side by side, never combined', () => {
    const figures = extractFigures([
      article('a', [
        'At least 31 people died in the floods, officials said.',
        'The weather service expects rain.',
      ]),
      article('b', ['Rescuers said 27 people died in the floods.', 'Some 3 schools stayed closed.']),
    ]);
    const dead = figures.map((f, i) => ({ f, i })).filter(({ f }) => f.counts.startsWith('people'));
    expect(dead.map(({ f }) => f.value).sort()).toEqual(['27', 'At least 31']);
    expect(Math.abs((dead[0]?.i ?? 0) - (dead[1]?.i ?? 9))).toBe(1);
    expect(figures.some((f) => f.value === '58')).toBe(false);
  });

  it('ranks lead, counted and changing figures above incidental ones', () => {
    const figures = extractFigures([
      article('a', [
        'The carmaker will cut 8,000 jobs worldwide, it said on Thursday.',
        'Its chief executive has two dogs.',
        'Shares fell 6 percent in early trading.',
        'The plant opened with four lines decades ago.',
      ]),
    ]);
    expect(figures[0]?.value).toBe('8,000');
    const dogs = figures.findIndex((f) => f.value === 'two');
    expect(dogs === -1 || dogs > figures.findIndex((f) => f.value === '6 percent')).toBe(true);
  });

  it('keeps word numbers that clearly count something, below digit figures', () => {
    const figures = extractFigures([
      article('a', [
        'Growers planted 900 hectares, aiming to export a million tonnes a year to three neighbours.',
      ]),
    ]);
    expect(values(figures)).toEqual(['900', 'a million', 'three']);
    expect(figures[1]?.counts).toMatch(/^tonnes to be exported a year/);
  });

  it('does not treat a number inside a quote without a counted noun as a figure', () => {
    const figures = extractFigures([
      article('a', ['“We will fight 24/7 for this, all 7 of us,” she said. “We lost 40 homes,” he added.']),
    ]);
    expect(values(figures)).toEqual(['40']);
    expect(figures[0]?.counts).toBe('homes lost');
  });

  it('keeps magnitudes, units and hyphenated compounds in the value as written', () => {
    const figures = extractFigures([
      article('a', [
        'Flood barriers along the river needed £8m of work, the agency said.',
        'The fund pledged $5 million and a further £1.2bn, plus US$300 per household.',
        'Investors face losses of $4.7bn while 2.5% of loans went bad and 3m people were warned.',
        'A 25,000-strong crowd gathered after the 6.1-magnitude quake and a 4.5% rise in rents.',
      ]),
    ]);
    const byValue = new Map(figures.map((f) => [f.value, f.counts]));
    expect(byValue.get('£8m')).toBe('of work needed by flood barriers along the river');
    expect(byValue.get('$5 million')).toMatch(/fund pledged/);
    expect(byValue.get('£1.2bn')).toMatch(/fund pledged/);
    expect(byValue.get('US$300')).toBe('per household');
    expect(byValue.get('$4.7bn')).toMatch(/losses/);
    expect(byValue.get('2.5%')).toMatch(/^of loans went bad/);
    expect(byValue.get('3m')).toBe('people were warned');
    expect(byValue.get('25,000-strong')).toBe('crowd gathered');
    expect(byValue.get('6.1-magnitude')).toMatch(/^quake/);
    expect(byValue.get('4.5%')).toBeDefined();
    for (const f of figures) expect(f.text).toContain(f.value);
    expect(figures.some((f) => /^(?:£8|\$4\.7|3|25,000|6\.1)$/.test(f.value))).toBe(false);
  });

  it('keeps a converted measurement in parentheses with the first, not as a figure of its own', () => {
    const figures = extractFigures([
      article('a', [
        'The storm brought winds of 80 mph (129 km/h) to the islands, and £3m ($3.8m) was spent.',
      ]),
    ]);
    expect(values(figures)).toContain('80 mph (129 km/h)');
    expect(values(figures)).toContain('£3m ($3.8m)');
    expect(figures.some((f) => /^(?:129|\$3\.8m)/.test(f.value))).toBe(false);
  });

  it('describes people through the verb that says what they did, never a bare clitic', () => {
    const figures = extractFigures([
      article('a', ['"We\'ve had about 35 families walk in since dawn," the shelter director said.']),
    ]);
    expect(figures[0]?.value).toBe('about 35');
    expect(figures[0]?.counts).toBe('families walk in');
    expect(figures.every((f) => !/(?:^|\s|\()['’]/.test(f.counts))).toBe(true);
  });

  it('keeps a particle with its verb and takes the counted noun from earlier in the sentence', () => {
    const figures = extractFigures([
      article('a', ['Nearly 90,000 homes lost water supply, while some 12,000 remained shut off on Friday.']),
    ]);
    const later = figures.find((f) => f.value === 'some 12,000');
    expect(later?.counts).toBe('homes remained shut off');
  });

  it('does not take times, dates, names, phone numbers or ages for figures', () => {
    const figures = extractFigures([
      article('a', [
        'A red warning runs until 21:00 GMT, and crews start at 6am on 14 Mar.',
        'It was the wettest month since the 1980s, officials said.',
        'Under Section 12 and Article 7 rules, the A9 road stayed shut and a Boeing 787 was diverted.',
        'Lockdowns during COVID-19 cost more, and No. 10 said to call 0345 988 1188 for help.',
        'Local farmer Dana Lowe, 61, said the barns were flooded.',
        'Volunteers filled 500 sandbags.',
      ]),
    ]);
    expect(values(figures)).toEqual(['500']);
  });

  it('puts different values for the same thing from two outlets side by side', () => {
    const figures = extractFigures([
      article('a', ['The airline said 214 flights had been cancelled.', 'About 300 staff were on duty.'], {
        outlet: 'Daily One',
      }),
      article(
        'b',
        ['About 220 flights were cancelled at the hub on Sunday.', 'Some 9,000 homes lost power.'],
        {
          outlet: 'Wire Two',
        },
      ),
    ]);
    const flights = figures.map((f, i) => ({ f, i })).filter(({ f }) => f.counts.startsWith('flights'));
    expect(flights.map(({ f }) => f.value).sort()).toEqual(['214', 'About 220']);
    expect(Math.abs((flights[0]?.i ?? 0) - (flights[1]?.i ?? 9))).toBe(1);
    expect(figures.every((f) => f.articles.length === 1)).toBe(true);
  });

  it('ranks counted people above counted things at the same position', () => {
    const figures = extractFigures([
      article('a', [
        'Officials met on Monday.',
        'Crews repaired 120 bridges.',
        'Medics treated 120 patients.',
      ]),
    ]);
    expect(figures.map((f) => f.counts.split(' ')[0])).toEqual(['patients', 'bridges']);
  });

  it('reads ranges, estimates and a number before the verb "may", and skips ages in compounds', () => {
    const figures = extractFigures([
      article('a', [
        'Between 2,000-3,000 people marched through the capital.',
        'Flood damage reached an estimated $1.8 billion.',
        'Officials said 40 may lose their jobs.',
        'The contract is worth about £2.4bn a year.',
        'A 9-year-old girl was rescued from the river.',
      ]),
    ]);
    const byValue = new Map(figures.map((f) => [f.value, f.counts]));
    expect(byValue.get('2,000-3,000')).toBe('people marched through the capital');
    expect(byValue.get('an estimated $1.8 billion')).toMatch(/damage reached/);
    expect(byValue.get('40')).toBe('may lose their jobs');
    expect(byValue.get('about £2.4bn')).toBe('contract is worth a year');
    expect(figures.some((f) => f.value.includes('9'))).toBe(false);
  });

  it('says what happens to a counted object after it, as a participle, never a bracketed verb', () => {
    const figures = extractFigures([
      article('a', [
        'Harbourline Ferries will cut 1,400 jobs by next spring, the company said.',
        'The mayor demanded last week that inspectors seek to check 600 kitchens a month.',
        'The mill employs roughly 9,500 people across the valley.',
        'Stallholders feared losing up to 40 percent of their trade during the works.',
        'Police detained 73 fans outside the stadium.',
        'The brewery laid off 210 drivers.',
        'Wardens have evacuated 3,100 campers.',
      ]),
    ]);
    const byValue = new Map(figures.map((f) => [f.value, f.counts]));
    expect(byValue.get('1,400')).toBe('jobs to be cut by next spring');
    expect(byValue.get('600')).toBe('kitchens to be checked a month');
    expect(byValue.get('roughly 9,500')).toBe('people employed across the valley');
    expect(byValue.get('up to 40 percent')).toMatch(/^of their trade feared lost/);
    expect(byValue.get('73')).toBe('fans detained outside the stadium');
    expect(byValue.get('210')).toBe('drivers laid off by the brewery');
    expect(byValue.get('3,100')).toBe('campers evacuated by wardens');
    for (const f of figures) expect(f.counts).not.toMatch(/[()]/);
  });

  it('names the whole subject of a change in a share price', () => {
    const figures = extractFigures([
      article('a', ['Shares in Harbourline Ferries dropped 7.4% on Tuesday.']),
    ]);
    expect(figures[0]?.value).toBe('7.4%');
    expect(figures[0]?.counts).toBe('Shares in Harbourline Ferries dropped');
  });

  it('keeps a vote tally as one value, counting the vote', () => {
    const figures = extractFigures([
      article('a', [
        'The county board voted 9 to 4 in favour of the bypass.',
        'A 6-3 ruling struck down the ban.',
      ]),
    ]);
    const byValue = new Map(figures.map((f) => [f.value, f.counts]));
    expect(byValue.get('9 to 4')).toBe('county board vote in favour of the bypass');
    expect(byValue.get('6-3')).toBe('ruling struck down the ban');
    expect(values(figures)).not.toContain('4');
  });

  it('ranks a length of time used as an adjective below real counts', () => {
    const figures = extractFigures([
      article('a', ['The deal ends a three-year dispute over the 14-year contract that covers 800 workers.']),
    ]);
    expect(figures[0]?.value).toBe('800');
    const dispute = figures.find((f) => f.value === 'three-year');
    if (dispute) expect(dispute.counts).not.toMatch(/\(/);
  });

  it('finds the key figures of the default article set', () => {
    const dir = join(import.meta.dirname, '..', 'briefings', 'minneapolis-ice-2026');
    const articles = readdirSync(dir).flatMap((name) => {
      const result = parseArticle({ name, content: readFileSync(join(dir, name), 'utf8') });
      return result.ok ? [result.article] : [];
    });
    const figures = extractFigures(articles);
    const top = figures.slice(0, 7);
    const find = (value: string) => top.find((f) => f.value.endsWith(value));
    expect(find('700')?.counts).toMatch(/officers.*withdrawn/);
    expect(find('2,000')?.counts).toMatch(/officers.*remain/);
    expect(find('19 percent')?.counts).toMatch(/Republicans/);
    expect(find('3,000')?.counts).toMatch(/people.* a day/);
    expect(figures.some((f) => /287|1807|1992|2024/.test(f.value))).toBe(false);
    for (const f of figures) {
      const source = articles.find((a) => a.id === f.articles[0]);
      expect(source?.raw).toContain(f.text);
      expect(f.text).toContain(f.value);
    }
  });
});
