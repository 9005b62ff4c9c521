import { describe, expect, it } from 'vitest';
import { normaliseTime, parseCommand, USAGE } from '../../src/chat/commands.ts';

const ok = (name: 'brief' | 'ask', text: string) => {
  const parsed = parseCommand(name, text);
  if (!parsed.ok) throw new Error(`expected ${name} "${text}" to parse: ${parsed.error}`);
  return parsed.command;
};

describe('command grammar', () => {
  it('parses /brief with an optional set and section', () => {
    expect(ok('brief', '')).toEqual({ kind: 'brief', set: null, view: 'summary' });
    expect(ok('brief', 'city-news')).toEqual({ kind: 'brief', set: 'city-news', view: 'summary' });
    expect(ok('brief', 'figures')).toEqual({ kind: 'brief', set: null, view: 'figures' });
    expect(ok('brief', 'city-news TIMELINE')).toEqual({ kind: 'brief', set: 'city-news', view: 'timeline' });
    expect(ok('brief', '  city-news   all ')).toEqual({ kind: 'brief', set: 'city-news', view: 'all' });
  });

  it('parses help, sets and schedule', () => {
    expect(ok('brief', 'help')).toEqual({ kind: 'help' });
    expect(ok('brief', 'sets')).toEqual({ kind: 'sets' });
    expect(ok('brief', 'schedule')).toEqual({ kind: 'schedule' });
  });

  it('parses subscriptions with defaults, zones and day choices', () => {
    expect(ok('brief', 'subscribe at 07:30')).toEqual({
      kind: 'subscribe',
      set: null,
      time: '07:30',
      zone: 'UTC',
      days: 'daily',
    });
    expect(ok('brief', 'subscribe city-news at 7:30 america/chicago weekdays')).toEqual({
      kind: 'subscribe',
      set: 'city-news',
      time: '07:30',
      zone: 'America/Chicago',
      days: 'weekdays',
    });
    expect(ok('brief', 'subscribe city-news 6:05 pm Europe/Berlin')).toMatchObject({
      set: 'city-news',
      time: '18:05',
      zone: 'Europe/Berlin',
    });
  });

  it('parses unsubscribe with and without a set', () => {
    expect(ok('brief', 'unsubscribe')).toEqual({ kind: 'unsubscribe', set: null });
    expect(ok('brief', 'unsubscribe city-news')).toEqual({ kind: 'unsubscribe', set: 'city-news' });
  });

  it('parses /ask with --set anywhere', () => {
    expect(ok('ask', 'who is the mayor?')).toEqual({ kind: 'ask', question: 'who is the mayor?', set: null });
    expect(ok('ask', 'who is the mayor? --set city-news')).toEqual({
      kind: 'ask',
      question: 'who is the mayor?',
      set: 'city-news',
    });
    expect(ok('ask', '--set=city-news how many buses?')).toEqual({
      kind: 'ask',
      question: 'how many buses?',
      set: 'city-news',
    });
  });

  it('answers bad arguments with a message and the usage line, never an exception', () => {
    const cases: ['brief' | 'ask', string, string, RegExp][] = [
      ['brief', 'city-news nonsense', USAGE.brief, /not a section/],
      ['brief', 'a b c', USAGE.brief, /Too many/],
      ['brief', 'help me', USAGE.help, /no arguments/],
      ['brief', 'subscribe city-news', USAGE.subscribe, /when/],
      ['brief', 'subscribe at 25:00', USAGE.subscribe, /not a time/],
      ['brief', 'subscribe at 07:30 Mars/Olympus', USAGE.subscribe, /not a time zone.*IANA/],
      ['brief', 'subscribe a b at 07:30', USAGE.subscribe, /one set/],
      ['brief', '../etc', USAGE.brief, /set name/],
      ['ask', '   ', USAGE.ask, /ask a question/],
      ['ask', 'what? --set', USAGE.ask, /--set/],
    ];
    for (const [name, text, usage, message] of cases) {
      const parsed = parseCommand(name, text);
      expect(parsed.ok, `${name} ${text}`).toBe(false);
      if (!parsed.ok) {
        expect(parsed.usage).toBe(usage);
        expect(parsed.error).toMatch(message);
      }
    }
  });

  it('suggests the zone the user probably meant', () => {
    const parsed = parseCommand('brief', 'subscribe at 07:30 America/Chicgo');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('America/Chicago');
  });

  it('normalises times of day', () => {
    expect(normaliseTime('7:30')).toBe('07:30');
    expect(normaliseTime('12am')).toBe('00:00');
    expect(normaliseTime('12:15pm')).toBe('12:15');
    expect(normaliseTime('23:59')).toBe('23:59');
    expect(normaliseTime('24:00')).toBeNull();
    expect(normaliseTime('7')).toBeNull();
    expect(normaliseTime('13pm')).toBeNull();
  });
});
