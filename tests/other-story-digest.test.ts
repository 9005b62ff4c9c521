import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../src/briefing/build-digest.ts';
import type { Digest } from '../src/briefing/types.ts';
import { loadSetFromDir } from '../src/sets/file-set-source.ts';

/**
 * The bot is judged on stories it has never seen: an invented storm story from three kinds of outlet
 * (a BBC-style page with image captions, a Reuters-style wire copy, a local live page) keeps the
 * engine honest about every kind of mess, not just the default set's.
 */
let digest: Digest;
beforeAll(async () => {
  const set = await loadSetFromDir(resolve(import.meta.dirname, 'fixtures/storm-set'));
  digest = buildDigest(set.articles, { now: new Date('2026-11-23T07:00:00Z'), warnings: set.warnings });
});

describe('a digest of another story', () => {
  it('reads outlet and date from a wire dateline and a "Posted:" line', () => {
    expect(digest.warnings).toEqual([]);
    const reuters = digest.articles.find((a) => a.outlet === 'Reuters');
    expect(reuters?.date).toBe('2026-11-22');
    expect(digest.articles.find((a) => a.file === 'local.txt')?.date).toBe('2026-11-22');
  });

  it('gives every quote its speaker and role', () => {
    const speakerOf = (fragment: string) => digest.quotes.find((q) => q.text.includes(fragment));
    expect(speakerOf('dangerous storm')).toMatchObject({ speaker: 'Jason Kirby' });
    expect(speakerOf('dangerous storm')?.role).toMatch(/meteorologist/);
    expect(speakerOf('reconnected by Tuesday evening')).toMatchObject({ speaker: 'Claire Dobson' });
    expect(speakerOf('do not travel')).toMatchObject({ speaker: 'Mark Ellis', role: 'Transport Secretary' });
    expect(speakerOf('never seen the harbour')).toMatchObject({ speaker: 'Jenny Tremayne' });
    expect(speakerOf('looked after')).toMatchObject({ speaker: 'Paul Hicks' });
  });

  it('keeps figures whole and as written, conversions with their measure', () => {
    const values = digest.figures.map((f) => f.value);
    expect(values).toContain('£12m');
    expect(values).toContain('90 mph (145 kph)');
    expect(values).not.toContain('145');
    expect(values.some((v) => v.includes('18:00'))).toBe(false);
    const flights = digest.figures.filter((f) => /flights/.test(f.counts)).map((f) => f.value);
    expect(flights).toEqual(expect.arrayContaining(['About 120', '118']));
  });

  it('says each fact once in the TL;DR, citing the outlets that report it', () => {
    const powerCuts = digest.tldr.filter((b) => b.text.includes('40,000'));
    expect(powerCuts).toHaveLength(1);
    expect(powerCuts[0]?.articles.length).toBeGreaterThan(1);
    for (const b of digest.tldr) expect(b.text).not.toMatch(/^[A-Z]{3,}, /);
  });

  it('drops captions, boilerplate and wire credits', () => {
    const text = JSON.stringify(digest);
    for (const noise of ['Image caption', 'Related Topics', 'Advertisement', 'Reporting by', 'Read more']) {
      expect(text).not.toContain(noise);
    }
  });

  it('puts the dated events on the timeline', () => {
    expect(digest.timeline.map((t) => t.date)).toContain('2026-11-22');
  });
});
