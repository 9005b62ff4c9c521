import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerContext, answer, createAnswerContext } from '../src/briefing/answer.ts';
import { buildDigest } from '../src/briefing/build-digest.ts';
import type { Article } from '../src/briefing/types.ts';
import { loadSetFromDir } from '../src/sets/file-set-source.ts';
import { article, harborStrikeSet } from './chat/memory-set-source.ts';

const DEFAULT_SET = new URL('../briefings/minneapolis-ice-2026/', import.meta.url).pathname;
const NOW = new Date('2026-02-05T08:00:00Z');

function contextFor(articles: Article[]): AnswerContext {
  return createAnswerContext(articles, buildDigest(articles, { now: NOW }));
}

/** Every citation must be text of the article it names (verbatim, or trimmed with an ellipsis). */
function expectGrounded(context: AnswerContext, citations: { article: string; text: string }[]): void {
  for (const c of citations) {
    const info = context.articles.find((a) => a.article.id === c.article);
    expect(info, c.article).toBeDefined();
    const body = (info?.article.paragraphs.join(' ') ?? '').replace(/\s+/g, ' ');
    const parts = c.text.replace(/…$/, '').split(/\s+/).slice(0, 12).join(' ');
    expect(body).toContain(parts);
  }
}

describe('answers on the default set', () => {
  let ctx: AnswerContext;
  beforeAll(async () => {
    ctx = contextFor((await loadSetFromDir(DEFAULT_SET)).articles);
  });

  const ask = (q: string, subject: string | null = null) => {
    const a = answer(q, ctx, { subject });
    expectGrounded(ctx, a.citations);
    return a;
  };

  it('counts: the sentence whose number counts the thing asked', () => {
    const stay = ask('how many officers will stay in Minnesota?');
    expect(stay.found).toBe(true);
    expect(stay.citations[0]?.text).toContain('2,000 officers will remain');
    expect(stay.text).toContain('— AP, Feb 4');
    const withdrawn = ask('how many officers will be withdrawn?');
    expect(withdrawn.citations[0]?.text).toContain('700 federal officers');
    expect(ask('how many people did officials demand ICE arrest a day?').citations[0]?.text).toContain(
      '3,000',
    );
    expect(ask('what percent of Republicans want the agencies gone?').citations[0]?.text).toContain(
      '19 percent',
    );
  });

  it('quotes: what a person said, with loose names and roles', () => {
    const walz = ask('what did Walz say?');
    expect(walz.found).toBe(true);
    expect(walz.subject).toBe('Tim Walz');
    expect(walz.text).toMatch(/faster and larger drawdown|conversation was productive/);
    const vance = ask('what did JD Vance say?');
    const vp = ask('what did the vice president say?');
    expect(vance.subject).toBe('JD Vance');
    expect(vp.subject).toBe('JD Vance');
    expect(ask('what did Vance say about immunity?').citations[0]?.text).toMatch(/immunity/);
  });

  it('follow-ups resolve "he" from the thread subject', () => {
    const first = ask('what did Homan say?');
    expect(first.subject).toBe('Tom Homan');
    const next = ask('what did he say next?', first.subject);
    expect(next.found).toBe(true);
    expect(next.subject).toBe('Tom Homan');
    expect(next.citations.map((c) => c.text)).not.toEqual(first.citations.map((c) => c.text));
    // A count answered with "…, Homan said." makes Homan the subject of the next "he".
    expect(ask('how many officers will stay in Minnesota?').subject).toBe('Tom Homan');
  });

  it('who-is: the role the articles give a person, and the person a role names', () => {
    const homan = ask('who is Tom Homan?');
    expect(homan.found).toBe(true);
    expect(homan.text.toLowerCase()).toContain('border czar');
    expect(ask('who is Karoline Leavitt?').text).toContain('press secretary');
    expect(ask('who is the vice president?').text).toContain('JD Vance');
  });

  it('when: dated sentences and the timeline', () => {
    const second = ask('when was the second shooting?');
    expect(second.found).toBe(true);
    expect(second.text).toContain('January 26');
    expect(ask('when was the first fatal shooting?').text).toContain('January 12');
  });

  it('why and what: the best passages', () => {
    const why = ask('why are schools suing?');
    expect(why.found).toBe(true);
    expect(why.citations[0]?.text).toContain('lawsuit');
    expect(why.citations[0]?.text).toMatch(/disrupted classes|sensitive locations/);
    expect(ask('what is Operation Metro Surge?').citations[0]?.text).toContain('Operation Metro Surge');
  });

  it('answers "what happened?" with the TL;DR and "who is quoted?" with the speakers', () => {
    const overview = ask('what happened?');
    expect(overview.found).toBe(true);
    expect(overview.citations.length).toBeGreaterThan(0);
    const quoted = ask('who is quoted?');
    expect(quoted.lead).toMatch(/^Quoted: /);
    expect(quoted.lead).toContain('Tom Homan');
    expect(ask('where did the shootings happen?').citations[0]?.text).toContain('in Minneapolis');
  });

  it('says plainly when the articles do not answer, and never invents', () => {
    const france = ask('what is the capital of France?');
    expect(france.found).toBe(false);
    expect(france.text).toMatch(/don't mention France/);
    const biden = ask('what did Biden say?');
    expect(biden.found).toBe(false);
    expect(biden.text).toMatch(/don't quote anyone called Biden/);
    expect(ask('how many fish live in the lakes?').found).toBe(false);
  });

  it('answers empty, abusive and small-talk messages politely', () => {
    for (const q of ['', '   ?', 'you stupid bot', 'thanks!']) {
      const a = ask(q);
      expect(a.found).toBe(false);
      expect(a.citations).toEqual([]);
      expect(a.text.length).toBeGreaterThan(10);
      expect(a.text.length).toBeLessThan(120);
    }
  });

  it('treats insults as abuse only when aimed at the bot', () => {
    expect(ask('you are useless').text).toMatch(/civil/);
    expect(ask('garbage').text).toMatch(/civil/);
    expect(ask('did the lawsuit call the raids stupid and useless?').text).not.toMatch(/civil/);
  });
});

describe('answers on invented sets', () => {
  let ctx: AnswerContext;
  beforeAll(() => {
    ctx = contextFor(harborStrikeSet());
  });

  it('answers counts, amounts, quotes, roles, dates and causes in another story', () => {
    expect(answer('how many dock workers walked off the job?', ctx).citations[0]?.text).toContain('1,200');
    expect(answer('how many ships are waiting?', ctx).citations[0]?.text).toContain('14 ships');
    expect(answer('how much money will the port lose?', ctx).citations[0]?.text).toContain('$2 million');
    const mensah = answer('what did Mensah say?', ctx);
    expect(mensah.text).toContain('We will not go back');
    expect(mensah.text).toContain('— Daily Ledger, Mar 10');
    expect(answer('who is Viktor Novak?', ctx).lead).toBe('Viktor Novak: Port director.');
    expect(answer('who is the mayor?', ctx).lead).toContain('Chloe Whitfield');
    expect(answer('when did the strike begin?', ctx).text).toContain('March 9, 2026');
    expect(answer('why are the workers striking?', ctx).citations[0]?.text).toContain('because living costs');
  });

  it('resolves "she" from the previous subject', () => {
    const who = answer('who is the mayor?', ctx);
    const said = answer('what did she say?', ctx, { subject: who.subject });
    expect(said.text).toContain('Every day this drags on');
  });

  it('reports unknown people and things as not found, offering what the articles hold', () => {
    const a = answer('what did the governor say?', ctx);
    expect(a.found).toBe(false);
    const b = answer('how many teachers were fired?', ctx);
    expect(b.found).toBe(false);
    expect(b.text).toContain('Dock workers strike');
  });

  it('finds a person from an apposition and quotes without an extracted quote', () => {
    const set = [
      article(
        'gazette.md',
        `---\ntitle: Council approves bridge repairs\noutlet: Hill Gazette\ndate: 2025-11-03\n---\nThe council voted 7 to 2 on Monday to spend $14 million repairing the Elm Street bridge.\n\nPriya Raman, the city's chief engineer, said the bridge would close for 18 months.\n\nRaman said detours would add about ten minutes to most commutes.\n`,
      ),
    ];
    const small = contextFor(set);
    expect(answer('who is Priya Raman?', small).lead).toContain("the city's chief engineer");
    expect(answer('what did Raman say?', small).text).toMatch(/close for 18 months|detours/);
    expect(answer('how many council members voted against?', small).found).toBe(true);
    expect(answer('how long will the bridge close?', small).citations[0]?.text).toContain('18 months');
  });
});

describe('when the articles use other words', () => {
  it('dates the closest passage of a "when" question from the timeline', () => {
    const bridge = article(
      'bridge.md',
      '---\ntitle: Bridge falls\noutlet: Valley Times\ndate: 2026-04-10\n---\nThe Riverside Bridge was closed on March 3 after inspectors found cracks.\n\nOn Tuesday, a 40-metre section of the bridge fell into the river.',
    );
    const reply = answer('when did the bridge collapse?', contextFor([bridge]));
    expect(reply.found).toBe(false);
    expect(reply.text).toContain('(Apr 7, 2026)');
    expect(reply.citations[0]?.text).toContain('fell into the river');
  });
});
