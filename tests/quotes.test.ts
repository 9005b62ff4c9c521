import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/briefing/parse-article.ts';
import { dedupeQuotes, extractQuotes, quoteParts, unifySpeakers } from '../src/briefing/quotes.ts';
import type { Article, Quote } from '../src/briefing/types.ts';

function article(paragraphs: string[], id = 'test'): Article {
  return {
    id,
    title: 'Test',
    outlet: null,
    url: null,
    date: null,
    file: null,
    paragraphs,
    raw: paragraphs.join('\n\n'),
  };
}

const quotesOf = (paragraphs: string[]) => extractQuotes(article(paragraphs));
const find = (quotes: Quote[], start: string) => quotes.find((q) => q.text.startsWith(start));
const speakerOf = (quotes: Quote[], start: string) => find(quotes, start)?.speaker;

describe('extractQuotes: speakers and roles', () => {
  it('takes the full name and the role from "role Name said"', () => {
    const quotes = quotesOf([
      'The city will close the bridge, transport commissioner Maria Okafor said Tuesday.',
      '“We cannot keep patching a structure this old,” Okafor said.',
    ]);
    expect(find(quotes, 'We cannot keep')).toMatchObject({
      speaker: 'Maria Okafor',
      role: 'transport commissioner',
    });
  });

  it('reads capitalised roles with a place, and party tags', () => {
    const quotes = quotesOf([
      'Boston Mayor Ellen Park (D) said in a statement that the plan "will protect every tenant in this city from sudden eviction," adding that more help was coming.',
      'Energy Department spokesperson Omar Lind said “The grid held up through the worst of the storm.”',
    ]);
    expect(find(quotes, 'will protect')).toMatchObject({ speaker: 'Ellen Park', role: 'Boston Mayor' });
    expect(find(quotes, 'The grid')).toMatchObject({
      speaker: 'Omar Lind',
      role: 'Energy Department spokesperson',
    });
  });

  it('resolves a surname and a role reference to the person named earlier', () => {
    const quotes = quotesOf([
      'Deputy Prime Minister Rhea Castell met the strikers on Monday.',
      '“Nobody leaves this room until we have a deal,” the deputy prime minister said.',
      '“The offer on the table is fair and final,” Castell said.',
    ]);
    expect(speakerOf(quotes, 'Nobody leaves')).toBe('Rhea Castell');
    expect(speakerOf(quotes, 'The offer')).toBe('Rhea Castell');
  });

  it('does not let "the president" match a vice president', () => {
    const quotes = quotesOf([
      'Vice President Hal Brenner toured the plant.',
      '“We will rebuild every line of this factory,” the president said.',
    ]);
    expect(speakerOf(quotes, 'We will rebuild')).toBeNull();
  });

  it('resolves he and she to the last person who fits', () => {
    const quotes = quotesOf([
      'Senator Paul Ostrov opposed the bill. He called it rushed.',
      'Critics included Governor Lena Marsh (R), who repeated comments she made last week on the radio.',
      '- "This bill will hurt the farmers who feed this state," she said.',
      '"Nobody read the final text before the vote," he said.',
    ]);
    expect(speakerOf(quotes, 'This bill')).toBe('Lena Marsh');
    expect(speakerOf(quotes, 'Nobody read')).toBe('Paul Ostrov');
  });

  it('gives a quote with no clear speaker no speaker', () => {
    const quotes = quotesOf([
      'The report was released on Friday.',
      '“Everyone in this town knows what happened that night,” they said.',
    ]);
    expect(find(quotes, 'Everyone in this town')?.speaker).toBeNull();
  });

  it('reads list items "* Name: \'quote\'" with roles', () => {
    const quotes = quotesOf([
      'Reactions included:',
      "* Nadia Pierce: 'We warned the council about this flood for years.'",
      "* Union leader Sam Ortega: 'Our members will not return until the site is safe.'",
      '* March 3, 2025: the river peaked',
    ]);
    expect(find(quotes, 'We warned')).toMatchObject({ speaker: 'Nadia Pierce', role: null });
    expect(find(quotes, 'Our members')).toMatchObject({ speaker: 'Sam Ortega', role: 'Union leader' });
    expect(quotes).toHaveLength(2);
  });

  it('reads a speaker named before the quote', () => {
    const quotes = quotesOf([
      'Asked whether the plan had changed, Ortiz told the Herald: ‘No, not at all’',
      'Lars Ortiz wrote on his blog he is asking the board to "reconsider the closure of the two rural clinics before winter."',
    ]);
    expect(speakerOf(quotes, 'No, not at all')).toBe('Lars Ortiz');
    expect(speakerOf(quotes, 'reconsider the closure')).toBe('Lars Ortiz');
  });

  it('carries the speaker to a second quote in the same paragraph and to a conjoined verb', () => {
    const quotes = quotesOf([
      'Coach Dana Ruiz spoke after the game.',
      '“We played scared in the first half,” Ruiz said. “That will not happen again.”',
      'Ruiz told reporters that she was proud and added that the team is “a group that never stops believing in itself.”',
    ]);
    expect(speakerOf(quotes, 'That will not')).toBe('Dana Ruiz');
    expect(speakerOf(quotes, 'a group that')).toBe('Dana Ruiz');
  });

  it('attributes "…, saying" to the sentence subject', () => {
    const quotes = quotesOf([
      'When asked if Mayor Ito would resign, Clara Benn declined to comment, saying, ‘Let’s wait for the full audit first.’',
    ]);
    expect(speakerOf(quotes, 'Let’s wait')).toBe('Clara Benn');
  });
});

describe('extractQuotes: quote marks', () => {
  it('keeps apostrophes inside curly single quotes', () => {
    const quotes = quotesOf([
      '‘We’re not giving up on anyone’s claim,’ Jo Hart said. ‘They’ve waited long enough.’',
    ]);
    expect(quotes.map((q) => q.text)).toEqual([
      'We’re not giving up on anyone’s claim',
      'They’ve waited long enough.',
    ]);
    expect(quotes.every((q) => q.speaker === 'Jo Hart')).toBe(true);
  });

  it('does not end a single quote at a plural possessive', () => {
    const quotes = quotesOf(['‘The workers’ pay has not moved in ten years,’ said union chief Ada Lowe.']);
    expect(quotes[0]).toMatchObject({
      text: 'The workers’ pay has not moved in ten years',
      speaker: 'Ada Lowe',
      role: 'union chief',
    });
  });

  it('joins a quote running over paragraphs, each opening with a mark', () => {
    const paragraphs = [
      '“First, the budget is balanced,” Treasurer Ben Ames said. “Second, the reserves are full.',
      '“Third, nobody will pay more tax next year.”',
    ];
    const quotes = quotesOf(paragraphs);
    const joined = find(quotes, 'Second');
    expect(joined?.text).toBe('Second, the reserves are full. Third, nobody will pay more tax next year.');
    expect(joined?.speaker).toBe('Ben Ames');
    expect(quoteParts(joined as Quote)).toEqual([
      'Second, the reserves are full.',
      'Third, nobody will pay more tax next year.',
    ]);
  });

  it('treats an article wrapped in opening marks as noise', () => {
    const quotes = quotesOf([
      '“The council voted to "freeze all rents until further notice" on Monday.',
      'Council member Ivy Chen said "this is the fairest outcome we could reach for tenants and owners."',
      'Reporting by the newsroom.“',
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker: 'Ivy Chen', role: 'Council member' });
  });

  it('trims a quote that opens with a space', () => {
    const quotes = quotesOf(['“ The harbour is open again for every boat,” harbour master Tim Kole said.']);
    expect(quotes[0]?.text).toBe('The harbour is open again for every boat');
  });

  it('drops scare quotes, titles and short fragments', () => {
    const quotes = quotesOf([
      'The agency calls the zones “safe corridors” and plans a “Freedom Week” in June.',
      'Mira Sol said the drivers made “mistakes” but did not break “any rule.”',
      'Sol spoke on “The Late Evening Show.”',
      'The group has described the plan as “a disaster for every small shop on the street.”',
    ]);
    expect(quotes).toEqual([]);
  });

  it('never gives an interviewer’s words to the interviewee', () => {
    const quotes = quotesOf([
      'Governor Ana Ruiz spoke to the Tribune.',
      'The Tribune put to Ruiz that “public money should follow public need” and asked about cuts.',
    ]);
    expect(quotes.find((q) => q.speaker === 'Ana Ruiz')).toBeUndefined();
  });

  it('keeps each quote once and every part verbatim', () => {
    const paragraphs = [
      '“We will reopen the school on Monday,” principal Noor Haddad said.',
      '“We will reopen the school on Monday,” Haddad said again later.',
    ];
    const quotes = quotesOf(paragraphs);
    expect(quotes).toHaveLength(1);
    for (const q of quotes) for (const part of quoteParts(q)) expect(paragraphs.join(' ')).toContain(part);
  });

  it('ranks a named, well-sized quote above an anonymous one', () => {
    const quotes = quotesOf([
      '“Somebody should have checked the valves before the shift began,” a worker said.',
      '“We are replacing every valve in the plant by the end of the month,” plant manager Rosa Vey said.',
    ]);
    const named = find(quotes, 'We are replacing') as Quote;
    const anonymous = find(quotes, 'Somebody') as Quote;
    expect(named.score).toBeGreaterThan(anonymous.score);
  });
});

describe('unifySpeakers', () => {
  it('gives a surname-only speaker the full name used elsewhere in the set', () => {
    const quotes: Quote[] = [
      { text: 'a b c d', speaker: 'Okafor', role: null, article: 'x', score: 1 },
      { text: 'e f g h', speaker: 'Maria Okafor', role: null, article: 'y', score: 1 },
    ];
    expect(unifySpeakers(quotes).map((q) => q.speaker)).toEqual(['Maria Okafor', 'Maria Okafor']);
  });
});

describe('extractQuotes on the default article set', () => {
  const dir = join(import.meta.dirname, '..', 'briefings', 'minneapolis-ice-2026');
  const articles = readdirSync(dir).map((name) => {
    const result = parseArticle({ name, content: readFileSync(join(dir, name), 'utf8') });
    if (!result.ok) throw new Error(result.reason);
    return result.article;
  });
  const all = unifySpeakers(articles.flatMap((a) => extractQuotes(a)));
  const by = (start: string) => all.find((q) => q.text.startsWith(start));

  it.each([
    ['We’re not moving back on anything', 'JD Vance'],
    ['Well, first of all, you’re never going to eliminate', 'JD Vance'],
    ['You’re talking about human beings', 'JD Vance'],
    ['We are not surrendering the president’s mission', 'Tom Homan'],
    ['I think it’s very effective', 'Tom Homan'],
    ['We need a faster and larger drawdown', 'Tim Walz'],
    ['The conversation was productive', 'Tim Walz'],
    ["I'm sending my border czar", 'Donald Trump'],
    ['do all in their power', 'Donald Trump'],
    ['we must expand efforts', 'Donald Trump'],
    ['ICE is not going to schools', 'Tricia McLaughlin'],
    ['will continue to uphold the Welcoming City ordinance', 'Brandon Johnson'],
    ['You really could destabilize the economy of Los Angeles', 'Karen Bass'],
    ["Trump's immigration agenda is becoming a liability", 'Alex Patton'],
  ])('%s → %s', (start, speaker) => {
    expect(by(start)?.speaker).toBe(speaker);
  });

  it('gives roles where the text names them', () => {
    expect(by('I think it’s very effective')?.role).toBe('border czar');
    expect(by('ICE is not going to schools')?.role).toBe('Homeland Security spokesperson');
    expect(by('will continue to uphold')?.role).toBe('Chicago Mayor');
    expect(by('You really could destabilize')?.role).toBe('LA Mayor');
  });

  it('joins the multi-paragraph quote and keeps every part verbatim in the raw text', () => {
    const joined = by('You’re talking about human beings') as Quote;
    expect(joined.text).toContain('you know? That’s not to say that we’re');
    for (const q of all) {
      const raw = (articles.find((a) => a.id === q.article) as Article).raw.replace(/\s+/g, ' ');
      for (const part of quoteParts(q)) expect(raw).toContain(part.replace(/\s+/g, ' '));
    }
  });

  it('gives no quote to a wrong person and keeps scare quotes out', () => {
    expect(by('law enforcement takes accountability')?.speaker ?? null).toBeNull();
    for (const fragment of [
      'sensitive locations',
      'mistakes',
      'when justified',
      'absolute immunity',
      'draw down',
    ]) {
      expect(all.find((q) => q.text.replace(/[,.]$/, '') === fragment)).toBeUndefined();
    }
    expect(all.find((q) => q.text.startsWith('The Megyn Kelly Show'))).toBeUndefined();
    const speakers = new Set(all.map((q) => q.speaker));
    expect(speakers.has('Renee Good')).toBe(false);
    expect(speakers.has('Alex Pretti')).toBe(false);
  });
});

describe('extractQuotes: more attribution forms', () => {
  it('reads a speaker introduced at the end of the paragraph before, and "according to"', () => {
    const quotes = quotesOf([
      'In a letter to staff, chief executive Ruth Adeyemi wrote:',
      '“We will not cut a single job this year, whatever the market does.”',
      'According to Adeyemi, “the company has enough cash for three more years of losses.”',
    ]);
    expect(speakerOf(quotes, 'We will not cut')).toBe('Ruth Adeyemi');
    expect(speakerOf(quotes, 'the company has enough cash')).toBe('Ruth Adeyemi');
  });

  it('ignores a quote nested inside another quote', () => {
    const quotes = quotesOf([
      '“They told me ‘come back next week’ and never called again,” said shop owner Lee Daniels.',
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      text: 'They told me ‘come back next week’ and never called again',
      speaker: 'Lee Daniels',
      role: 'shop owner',
    });
  });

  it('does not take a common word starting a sentence for a name', () => {
    const quotes = quotesOf(['Officials said “the road will stay closed until the inspection is done.”']);
    expect(quotes.every((q) => q.speaker === null)).toBe(true);
  });

  it('does not give a quote to an organisation named as a person', () => {
    const quotes = quotesOf([
      'The Daily Courier said “this was the worst flood in forty years, by any measure.”',
    ]);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });
});

describe('extractQuotes: edge cases', () => {
  it('resolves "she continued" and joins straight-quote paragraphs', () => {
    const quotes = quotesOf([
      'Judge Maya Torres spoke from the bench on Friday.',
      '"The evidence was thin from the start," she continued. "The jury saw that.',
      '"Nobody should be surprised by this verdict."',
    ]);
    expect(speakerOf(quotes, 'The evidence')).toBe('Maya Torres');
    expect(find(quotes, 'The jury saw')).toMatchObject({
      text: 'The jury saw that. Nobody should be surprised by this verdict.',
      speaker: 'Maya Torres',
    });
  });

  it('gives a pronoun no speaker when no person is near', () => {
    const quotes = quotesOf([
      'The storm reached the coast at dawn.',
      'Power failed in most districts.',
      '“We have never seen water this high in the old town,” he said.',
    ]);
    expect(speakerOf(quotes, 'We have never')).toBeNull();
  });

  it('does not let a stray opening mark swallow the quotes after it', () => {
    const quotes = quotesOf([
      'Residents call the plan “unfair and are angry.',
      '“The rent rise will push families out of the neighbourhood,” tenant organiser Bo Lindqvist said.',
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker: 'Bo Lindqvist', role: 'tenant organiser' });
  });
});

describe('extractQuotes: newswire titles and appositives', () => {
  const storm = '“This is a dangerous storm and people should take it seriously,”';

  it('reads a lower-case trade before the name, with an organisation before it', () => {
    const quotes = quotesOf([
      'Forecasters warned of flooding across the region on Monday.',
      `${storm} Met Office chief meteorologist Jason Kirby said in a statement.`,
    ]);
    expect(find(quotes, 'This is a dangerous')).toMatchObject({
      speaker: 'Jason Kirby',
      role: 'Met Office chief meteorologist',
    });
    expect(find(quotesOf([`${storm} chief meteorologist Jason Kirby said.`]), 'This is')).toMatchObject({
      speaker: 'Jason Kirby',
      role: 'chief meteorologist',
    });
  });

  it('resolves a surname before the quote to the full name given earlier, as speaker or in prose', () => {
    const later = 'Kirby added: “Conditions will ease on Tuesday, and the warning will lapse.”';
    const asSpeaker = quotesOf([`${storm} chief meteorologist Jason Kirby said.`, 'Roads closed.', later]);
    const inProse = quotesOf(['The warning came from chief meteorologist Jason Kirby on Sunday.', later]);
    for (const quotes of [asSpeaker, inProse]) {
      expect(find(quotes, 'Conditions will ease')).toMatchObject({
        speaker: 'Jason Kirby',
        role: 'chief meteorologist',
      });
    }
  });

  it('does not take "a forecaster" before a name for a title', () => {
    const quotes = quotesOf(['A forecaster Kirby trusts said “the rain will not stop before the weekend.”']);
    expect(quotes.every((q) => q.role !== 'forecaster')).toBe(true);
  });

  it('takes the role from an appositive after the name rather than an honorific', () => {
    const quotes = quotesOf([
      'Cases rose for a third week.',
      '“We are seeing more hospital admissions than at any time this winter,” says Dr. Ana Ruiz, an epidemiologist at Northfield University.',
    ]);
    expect(find(quotes, 'We are seeing')).toMatchObject({
      speaker: 'Ana Ruiz',
      role: 'epidemiologist at Northfield University',
    });
  });

  it.each([
    ['an age', '“We are seeing more hospital admissions than ever before,” Ruiz, 54, told reporters.'],
    ['according to', 'According to Ruiz, “the peak is still two weeks away at the current rate of spread.”'],
    ['said … that', 'Ruiz said in an interview that “the peak is still two weeks away at the current rate.”'],
  ])('resolves a surname with %s to the person introduced earlier', (_, sentence) => {
    const quotes = quotesOf([
      'Dr. Ana Ruiz, an epidemiologist at Northfield University, has tracked the outbreak since March.',
      sentence,
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker: 'Ana Ruiz', role: 'epidemiologist at Northfield University' });
  });

  it.each([
    ['a title', 'Transport Minister Paul Hicks visited the depot on Monday.', 'Transport Minister'],
    [
      'an appositive',
      'Paul Hicks, the transport minister, visited the depot on Monday.',
      'transport minister',
    ],
  ])('resolves "the minister" to the person introduced with %s', (_, intro, role) => {
    const quotes = quotesOf([
      intro,
      '“We will restore every rail line before the end of the month,” the minister said.',
    ]);
    expect(quotes[0]).toMatchObject({ speaker: 'Paul Hicks', role });
  });

  it('leaves "the minister" without a speaker when two ministers could be meant', () => {
    const quotes = quotesOf([
      'Paul Hicks, the transport minister, met Ivo Lund, the finance minister, on Monday.',
      '“We will restore every rail line before the end of the month,” the minister said.',
    ]);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });
});

describe('extractQuotes: lone surnames, organisations, pronouns and signatures', () => {
  const ease = '“Conditions will ease on Tuesday, and the warning will lapse.”';

  it('takes a surname that opens a sentence before a speech verb and a quote, as written', () => {
    const quotes = quotesOf(['Roads were closed in the north on Sunday.', `Kirby added: ${ease}`]);
    expect(quotes[0]).toMatchObject({ speaker: 'Kirby', role: null });
  });

  it.each([
    ['a plural', `Officials added: ${ease}`],
    ['a group word', `Police said: ${ease}`],
    ['a word the article uses as a place or firm', `Northwind said: ${ease} Shares fell at Northwind.`],
  ])('does not take %s opening a sentence for a speaker', (_, sentence) => {
    const quotes = quotesOf(['Roads were closed in the north on Sunday.', sentence]);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });

  it.each([
    [
      'the company said',
      'In a statement, the company said: “We are confident in our long-term strategy for growth.”',
    ],
    [
      'the White House said',
      '“The president is committed to a fair deal for every worker,” the White House said.',
    ],
  ])('gives an organisation’s statement (%s) no speaker', (_, sentence) => {
    const quotes = quotesOf(['Talks stalled on Monday.', sentence]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBeNull();
  });

  it.each([
    ['She said: “Every family will get the help it needs this week.”'],
    ['“Every family will get the help it needs this week,” she added.'],
  ])('resolves she to the woman named before: %s', (sentence) => {
    const quotes = quotesOf(['Mayor Jo Bell toured the flood zone with Tom Reed on Monday.', sentence]);
    expect(quotes[0]).toMatchObject({ speaker: 'Jo Bell', role: 'Mayor' });
  });

  it('gives she no speaker when no person is named', () => {
    const quotes = quotesOf([
      'Floods hit the town on Monday.',
      'She said: “Every family will get help this week.”',
    ]);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });

  it('does not give the words of a claim to the person rejecting it', () => {
    const quotes = quotesOf([
      'Finance chief Tom Jones attacked the plan last week.',
      'Senator Ray Smith rejected Jones’s claim that “the budget is a fraud from start to finish,” saying the figures were audited.',
    ]);
    expect(quotes.find((q) => q.speaker === 'Ray Smith')).toBeUndefined();
  });

  it('keeps ellipses and nested single quotes verbatim', () => {
    const text = 'We waited … and waited, and nobody came to help ‘the forgotten street’ at all';
    const quotes = quotesOf([`“${text},” resident Mia Holt said.`]);
    expect(quotes[0]).toMatchObject({ text, speaker: 'Mia Holt', role: 'resident' });
  });

  it('reads UK-style single quotes before and after the name', () => {
    const after = quotesOf(["'We are ready for whatever comes,' said council leader Jo Bell."]);
    const before = quotesOf(["Council leader Jo Bell said: 'We are ready for the storm.'"]);
    expect(after[0]).toMatchObject({ text: 'We are ready for whatever comes', speaker: 'Jo Bell' });
    expect(before[0]).toMatchObject({ text: 'We are ready for the storm.', speaker: 'Jo Bell' });
  });

  it('reads a signature after a dash, but not a name after a dash mid-sentence', () => {
    const signed = quotesOf([
      'Workers walked out on Monday.',
      '“We will not back down” — union leader Lena Moreau.',
    ]);
    expect(signed[0]).toMatchObject({
      text: 'We will not back down',
      speaker: 'Lena Moreau',
      role: 'union leader',
    });
    const appositive = quotesOf(['“We will not back down from this fight” — Lena Moreau, union leader.']);
    expect(appositive[0]?.speaker).toBe('Lena Moreau');
    const clause = quotesOf([
      'Smith called the plan “a giveaway to the richest landlords in this town” — Mayor Jo Roe, however, disagreed.',
    ]);
    expect(clause.find((q) => q.speaker === 'Jo Roe')).toBeUndefined();
  });
});

describe('extractQuotes: quoted claims', () => {
  it('does not give a claim quoted inside someone’s sentence to that someone', () => {
    const quotes = quotesOf([
      'Finance chief Tom Jones attacked the plan last week.',
      'Senator Ray Smith said Jones’s claim that “the budget is a fraud from start to finish” was false.',
      'Smith told reporters the allegation that “the auditors were paid to look away from the books” was absurd.',
    ]);
    expect(quotes.find((q) => q.speaker === 'Ray Smith')).toBeUndefined();
  });

  it('still gives a speaker their own statement', () => {
    const quotes = quotesOf([
      'Senator Ray Smith said in a statement that “the budget is balanced for the first time in a decade.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Ray Smith');
  });
});

describe('extractQuotes: characterisations', () => {
  it('gives a named person the words they call something by', () => {
    const quotes = quotesOf([
      `Pilots' union president Omar Haddad called the plan "a betrayal of the people who kept this airline alive."`,
      'Council member Rafael Ortiz branded the decision “a cynical grab for power by a handful of donors.”',
      'Finance chief Lena Morrow described the cuts as “painful but needed to keep every branch open.”',
    ]);
    expect(find(quotes, 'a betrayal of')).toMatchObject({ speaker: 'Omar Haddad', role: 'union president' });
    expect(speakerOf(quotes, 'a cynical grab')).toBe('Rafael Ortiz');
    expect(speakerOf(quotes, 'painful but needed')).toBe('Lena Morrow');
  });

  it('reads a surname, a "dubbed it", and a participle after the person acting', () => {
    const quotes = quotesOf([
      'Harbour master Ines Vidal met the ferry operators on Monday.',
      'Vidal dubbed it “the slowest season this port has seen in decades.”',
      'Ferry captain Tomas Greer rejected the timetable, calling it “a schedule nobody on the water can keep.”',
    ]);
    expect(speakerOf(quotes, 'the slowest season')).toBe('Ines Vidal');
    expect(speakerOf(quotes, 'a schedule nobody')).toBe('Tomas Greer');
  });

  it('drops a short characterisation', () => {
    const quotes = quotesOf(['Finance chief Lena Morrow described the cuts as “painful but necessary.”']);
    expect(quotes).toEqual([]);
  });

  it('never takes a name or a term for a quote', () => {
    const quotes = quotesOf([
      'Residents formed a group called “Friends of the Park” to save the old oaks from the saw.',
      'Lawmakers passed a law called the “Clean Harbour Protection Act” last year after long debate.',
      'Critics attacked the so-called “deal of the century for every working family” on Monday.',
      'Mayor Ines Vidal called it the “Harbour Renewal Plan” at a press conference on Friday.',
    ]);
    expect(quotes).toEqual([]);
  });

  it('gives nobody the words when the one characterising is not a named person', () => {
    const quotes = quotesOf([
      'The agency called the report “deeply flawed and full of errors from start to finish.”',
      'Mayor Ines Vidal said critics called the plan “a betrayal of every family living near the river.”',
      'Mayor Ines Vidal called on residents to “stay home and keep the roads clear for the crews.”',
    ]);
    expect(quotes.filter((q) => q.speaker !== null)).toEqual([]);
  });
});

describe('extractQuotes: fragments after a clause', () => {
  it('keeps a fragment after "said … and" only for a named person, and ranks it lower', () => {
    const quotes = quotesOf([
      'Mayor Ines Vidal said the roads were shut and “nobody should be driving tonight under any circumstances.”',
      'Mayor Ines Vidal said “Crews will work through the night to clear every road in the county.”',
      'Officials said the bridges were shut and “nobody should be crossing the river before the morning.”',
      'Staff said that “nobody should come into the office until the storm has passed.”',
    ]);
    const fragment = find(quotes, 'nobody should be driving');
    const whole = find(quotes, 'Crews will work');
    expect(fragment?.speaker).toBe('Ines Vidal');
    expect(whole?.speaker).toBe('Ines Vidal');
    expect(fragment?.score ?? 1).toBeLessThan(whole?.score ?? 0);
    expect(find(quotes, 'nobody should be crossing')).toBeUndefined();
    expect(find(quotes, 'nobody should come')).toBeUndefined();
  });
});

describe('extractQuotes: appositive and pronoun limits', () => {
  const q = '“We are monitoring the situation closely tonight,”';

  it.each([
    [`${q} said Tom Reed, 45, a bakery owner.`, 'bakery owner'],
    [`${q} said Tom Reed, the company's chief executive.`, "company's chief executive"],
    [`${q} said Tom Reed, who runs the bakery.`, null],
  ])('reads the role in "%s"', (sentence, role) => {
    expect(quotesOf([sentence])[0]).toMatchObject({ speaker: 'Tom Reed', role });
  });

  it('reads a lone surname before an appositive and its verb', () => {
    const quotes = quotesOf([`${q} Reed, a Democrat from Ohio, said.`]);
    expect(quotes[0]).toMatchObject({ speaker: 'Reed', role: null });
  });

  it('does not take a verb before a name for a trade', () => {
    const quotes = quotesOf(['The board will consider Ann Lee for the post.', `${q} Lee said.`]);
    expect(quotes[0]).toMatchObject({ speaker: 'Ann Lee', role: null });
  });

  it('gives she no speaker when two people are only mentioned, neither acting', () => {
    const quotes = quotesOf([
      'Critics of Mayor Ann Lee, including council member Bo Park, gathered outside.',
      `${q} she said.`,
    ]);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });
});

describe('extractQuotes: people and the organisations they work for', () => {
  it.each([
    [
      'Analyst Viktor Novak of Eastbridge Capital said investors wanted more. "The market wanted a bolder plan," he said.',
    ],
    ['Analyst Viktor Novak of Eastbridge Capital said: "The market wanted a bolder plan."'],
    ['"The market wanted a bolder plan," analyst Viktor Novak of Eastbridge Capital said.'],
  ])('gives the quote to the person, not the firm: %s', (text) => {
    const quotes = quotesOf([text]);
    expect(quotes.map((x) => x.speaker)).toEqual(['Viktor Novak']);
  });

  it('never makes a person of a firm name', () => {
    const quotes = quotesOf(['"Demand is soft," Northwind Holdings said in a filing.']);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });
});

describe('dedupeQuotes', () => {
  const quote = (text: string, article: string, score: number, speaker: string | null = 'Jo Bell') => ({
    text,
    speaker,
    role: null,
    article,
    score,
  });

  it('keeps one copy of words quoted by several articles, the best-scoring one', () => {
    const a = quote('We will be smaller, but stronger.', 'wire', 0.7);
    const b = quote('We will be smaller, but stronger', 'paper', 0.8);
    const c = quote('A different sentence entirely', 'wire', 0.5);
    expect(dedupeQuotes([a, b, c])).toEqual([b, c]);
  });

  it('drops a fragment of a longer quote by the same speaker, not by another', () => {
    const long = quote('We will be smaller, but we will be stronger for it.', 'a', 0.6);
    const part = quote('we will be stronger', 'b', 0.9);
    const other = quote('we will be stronger', 'c', 0.4, 'Sam Lee');
    expect(dedupeQuotes([long, part, other])).toEqual([long, other]);
  });
});
