import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../src/briefing/build-digest.ts';
import { quoteParts } from '../src/briefing/quotes.ts';
import type { Article, Digest, Quote } from '../src/briefing/types.ts';
import { loadSetFromDir } from '../src/sets/file-set-source.ts';

/** The acceptance test of the core on the default set: the five real, messy articles. */
let digest: Digest;
let articles: Article[];

beforeAll(async () => {
  const set = await loadSetFromDir(resolve(import.meta.dirname, '../briefings/minneapolis-ice-2026'));
  articles = set.articles;
  digest = buildDigest(set.articles, { now: new Date('2026-02-05T07:00:00Z'), warnings: set.warnings });
});

const squash = (s: string) => s.replace(/\s+/g, ' ');
const rawOf = (id: string) => squash(articles.find((a) => a.id === id)?.raw ?? '');

function quoteWith(fragment: string): Quote | undefined {
  return digest.quotes.find((q) => q.text.includes(fragment));
}

describe('default set digest', () => {
  it('loads all five articles with no warnings', () => {
    expect(digest.articles).toHaveLength(5);
    expect(digest.warnings).toEqual([]);
    expect(new Set(digest.articles.map((a) => a.outlet)).size).toBe(5);
  });

  it('has a one-line headline and 3 to 5 TL;DR bullets with citations', () => {
    expect(digest.title.length).toBeGreaterThan(10);
    expect(digest.title).not.toMatch(/\n/);
    expect(digest.tldr.length).toBeGreaterThanOrEqual(3);
    expect(digest.tldr.length).toBeLessThanOrEqual(5);
    for (const b of digest.tldr) expect(b.articles.length).toBeGreaterThan(0);
  });

  it.each([
    ['700', /officers/, /withdrawn|withdraw|pull/],
    ['2,000', /officers/, /remain|stay/],
    ['19 percent', /Republicans/, /./],
    ['3,000', /people|arrest/, /day/],
  ])('has the key figure %s with what it counts', (value, noun, predicate) => {
    const figure = digest.figures.find((f) => f.value.includes(value));
    expect(figure, `figure ${value}`).toBeDefined();
    expect(figure?.counts).toMatch(noun);
    expect(`${figure?.counts} ${figure?.text}`).toMatch(predicate);
    expect(digest.figures.indexOf(figure as never)).toBeLessThan(8);
  });

  it('shows no statute names, years or list numbers as figures', () => {
    const values = digest.figures.map((f) => f.value);
    for (const bad of ['287', '1807', '1992', '2024', '2026']) {
      expect(values.some((v) => v.includes(bad))).toBe(false);
    }
  });

  it.each([
    ['We’re not moving back on anything', 'JD Vance'],
    ['you’re never going to eliminate, entirely, mistakes', 'JD Vance'],
    ['That’s not to say that we’re', 'JD Vance'],
    ['You can do both of those things at the same time', 'JD Vance'],
    ['We are not surrendering the president’s mission', 'Tom Homan'],
    ['I think it’s very effective as far as public safety goes', 'Tom Homan'],
    ['We need a faster and larger drawdown of forces', 'Tim Walz'],
    ['The conversation was productive', 'Tim Walz'],
    ["I'm sending my border czar", 'Donald Trump'],
    ['maybe we can use a little bit of a softer touch', 'Donald Trump'],
    ['ICE is not going to schools to arrest children', 'Tricia McLaughlin'],
    ['will continue to uphold the Welcoming City ordinance', 'Brandon Johnson'],
    ['You really could destabilize the economy of Los Angeles', 'Karen Bass'],
    ["Trump's immigration agenda is becoming a liability", 'Alex Patton'],
  ])('quotes “%s” with speaker %s', (fragment, speaker) => {
    expect(quoteWith(fragment)?.speaker).toBe(speaker);
  });

  it('gives speakers their roles where the text does', () => {
    expect(quoteWith('We are not surrendering the president’s mission')?.role).toMatch(/border czar/i);
    expect(quoteWith('ICE is not going to schools')?.role).toMatch(/spokesperson/i);
    expect(quoteWith('will continue to uphold the Welcoming City')?.role).toMatch(/mayor/i);
  });

  it('joins the paragraphs of one quote', () => {
    const q = quoteWith('That’s not to say that we’re');
    expect(q?.text).toContain('I would say the same of police officers.');
  });

  it('gives no quote to a wrong person and keeps scare quotes out', () => {
    expect(quoteWith('law enforcement takes accountability for their mistakes')?.speaker ?? null).toBeNull();
    for (const fragment of ['sensitive locations', 'bad actors', 'absolute immunity', 'draw down']) {
      expect(digest.quotes.find((q) => q.text === fragment)).toBeUndefined();
    }
    const speakers = new Set(digest.quotes.map((q) => q.speaker));
    for (const name of ['Karoline Leavitt', 'Kristi Noem', 'Jacob Frey', 'Stephen Miller']) {
      expect(speakers.has(name)).toBe(false);
    }
  });

  it('repeats no caption anywhere', () => {
    const caption = 'Chaos has engulfed Minneapolis';
    const everything = JSON.stringify(digest);
    expect(everything.includes(caption)).toBe(false);
    for (const a of articles) expect(a.paragraphs.filter((p) => p.startsWith(caption))).toHaveLength(0);
  });

  it('has the key dates on the timeline, in order', () => {
    const dates = digest.timeline.map((t) => t.date);
    for (const date of ['2026-01-12', '2026-01-26', '2026-02-04']) expect(dates).toContain(date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('grounds every figure and quote verbatim in the article it cites', () => {
    for (const f of digest.figures) {
      for (const id of f.articles) expect(rawOf(id)).toContain(squash(f.value));
      expect(rawOf(f.articles[0] as string)).toContain(squash(f.text));
    }
    for (const q of digest.quotes) {
      for (const part of quoteParts(q)) expect(rawOf(q.article)).toContain(squash(part));
    }
  });

  it('lists every source with outlet, title and date where known', () => {
    const ft = digest.articles.find((a) => a.url?.includes('ft.com'));
    expect(ft?.title).toBe('Trump signals shift on immigration crackdown as ICE backlash intensifies');
    expect(digest.articles.find((a) => a.outlet === 'AP')?.date).toBe('2026-02-04');
  });
});
