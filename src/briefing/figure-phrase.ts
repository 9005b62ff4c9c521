import {
  governingVerb,
  isHyphenJoint,
  isNoun,
  joinWords,
  nounBefore,
  objectParticiple,
  predicate,
  wordCount,
} from './figure-clause.ts';
import {
  extendValue,
  isCurrency,
  isExcluded,
  isNameOrTime,
  tallyEnd,
  VOTE_WORD,
  withBareNumbers,
} from './figure-span.ts';
import { APPROX_1, APPROX_2, amountOf, normaliseNoun, normaliseValue, SMALL_WORDS } from './figure-values.ts';
import type { AnalysedSentence, Token } from './nlp.ts';

/** One number found in a sentence, with what it counts. `value` is a verbatim slice of the sentence. */
export interface NumberMention {
  value: string;
  counts: string;
  /** Normalised value ("700", "19%", "$5million") and counted head noun, the merge key across outlets. */
  normValue: string;
  head: string;
  kind: 'count' | 'percent' | 'money' | 'duration';
  /** Numeric magnitude where the value has digits, else null (word numbers). */
  amount: number | null;
  hasNoun: boolean;
  quoted: boolean;
  changeWord: boolean;
}

const NUMERIC_TYPES = new Set(['CARDINAL', 'PERCENT', 'MONEY', 'QUANTITY', 'DURATION']);
const RATE_UNITS = new Set([
  'day',
  'week',
  'month',
  'year',
  'hour',
  'minute',
  'second',
  'night',
  'shift',
  'person',
  'capita',
]);
const CHANGE_PREFIXES =
  'reduc cut withdr increas decreas tripl doubl quadrupl halv rise rose risen rising drop fell fall declin grow grew remain boost rais lower slash surg jump climb plung plummet soar expand shrink shrank drawdown pull deploy hike gain lost lose loss demand target goal quota layoff laid'.split(
    ' ',
  );
const MAX_WORDS = 12;

/** Character offsets of each token in the sentence text; null when the tokens cannot be located verbatim. */
function locate(sentence: AnalysedSentence): { starts: number[]; ends: number[] } | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let cursor = 0;
  for (const token of sentence.tokens) {
    const at = sentence.text.indexOf(token.text, cursor);
    if (at < 0) return null;
    starts.push(at);
    ends.push(at + token.text.length);
    cursor = at + token.text.length;
  }
  return { starts, ends };
}

/** All figures (numbers with what they count) in one analysed sentence. */
export function numberMentions(sentence: AnalysedSentence): NumberMention[] {
  const located = locate(sentence);
  if (!located) return [];
  const { tokens } = sentence;
  const slice = (from: number, to: number): string =>
    from > to ? '' : sentence.text.slice(located.starts[from] ?? 0, located.ends[to] ?? 0);
  const out: NumberMention[] = [];
  // Dates and times end the predicate: "will walk off the job" rather than "… on Monday".
  const dateTokens = new Set<number>();
  const entities = withBareNumbers(sentence);
  for (const e of entities) {
    if (e.type === 'DATE' || e.type === 'TIME') for (let k = e.start; k <= e.end; k++) dateTokens.add(k);
  }
  let consumed = -1;
  let previous: Previous | null = null;
  for (const entity of entities) {
    if (!NUMERIC_TYPES.has(entity.type) || entity.start <= consumed) continue;
    let a = entity.start;
    let b = entity.end;
    const core = slice(a, b);
    if (entity.type === 'DURATION' && !/\d/.test(core)) continue;
    if (!/\d/.test(core) && !isCountWord(core)) continue;
    // Extend over a currency sign, "a" (a million), percent signs and approximators, as written.
    if (isCurrency(tokens[a - 1])) a--;
    if (/^(?:million|billion|trillion|thousand|hundred|dozen)$/i.test(core) && tokens[a - 1]?.norm === 'a')
      a--;
    if (tokens[b + 1]?.text === '%' || tokens[b + 1]?.norm === 'percent') b++;
    else b = extendValue(tokens, b);
    const tally = tallyEnd(tokens, a, b) > b;
    if (tally) b += 2;
    consumed = b;
    if (/\d/.test(core) && isNameOrTime(sentence, located, entity.start, b)) continue;
    const two = `${tokens[a - 2]?.norm ?? ''} ${tokens[a - 1]?.norm ?? ''}`;
    if (APPROX_2.has(two)) a -= 2;
    else if (APPROX_1.has(tokens[a - 1]?.norm ?? '') && !APPROX_1.has(tokens[a]?.norm ?? '')) a--;
    if (isExcluded(sentence, located, a, b, entity.start, entity.end)) continue;

    const value = slice(a, b);
    const kind = mentionKind(entity.type, value);
    let phrase: Phrase = tally
      ? tallyPhrase(tokens, a, b, slice, dateTokens)
      : countedPhrase(tokens, b + 1, a, slice, kind, dateTokens, previous?.headText ?? '');
    // "pledged $5 million and a further £1.2bn": a coordinated amount shares what the first one counts.
    if (!phrase.counts && previous && coordinated(tokens, previous.end + 1, a)) phrase = previous.phrase;
    if (!phrase.counts) continue;
    previous = { end: b, headText: phrase.headText, phrase };
    const quoted = insideQuotes(sentence.text.slice(0, located.starts[a] ?? 0));
    if (quoted && !phrase.head) continue;
    out.push({
      value,
      counts: phrase.counts,
      normValue: tally ? (value.match(/\d+/g) ?? []).join('-') : normaliseValue(value),
      head: phrase.head,
      kind,
      amount: amountOf(value),
      hasNoun: phrase.head !== '',
      quoted,
      changeWord: tokens.some((t) => CHANGE_PREFIXES.some((p) => t.norm.startsWith(p))),
    });
  }
  return out;
}

function isCountWord(core: string): boolean {
  const words = core.toLowerCase().split(/[\s-]+/);
  const last = words[words.length - 1] ?? '';
  return last in SMALL_WORDS || last === 'half';
}

/** "a two-year row", "a 10-year plan": a length of time describing a noun, not a count of it. */
const DURATION_ADJECTIVE = /-(?:year|month|week|day|hour|minute|decade|century)s?(?:-long)?$/i;

function mentionKind(type: string, value: string): NumberMention['kind'] {
  if (type === 'PERCENT' || /%|per\s?cent/i.test(value)) return 'percent';
  if (type === 'MONEY' || /[$€£¥₹]/.test(value)) return 'money';
  if (type === 'DURATION' || DURATION_ADJECTIVE.test(value)) return 'duration';
  return 'count';
}

interface Phrase {
  counts: string;
  head: string;
  /** The counted noun as written ("customers"), for a later number in the sentence that omits it. */
  headText: string;
}

interface Previous {
  end: number;
  headText: string;
  phrase: Phrase;
}

/** "The council voted 31 to 12 for the plan" → "council vote for the plan": who voted, on what. */
function tallyPhrase(
  tokens: Token[],
  a: number,
  b: number,
  slice: (a: number, b: number) => string,
  dateTokens: Set<number>,
): Phrase {
  const chain = governingVerb(tokens, a);
  const voters = chain?.subject || nounBefore(tokens, a);
  const tail = predicate(tokens, b + 1, slice, MAX_WORDS - 3, dateTokens);
  // "a 5-4 ruling struck down the law": the tally describes the noun after it.
  if (VOTE_WORD.test(tokens[b + 1]?.norm ?? '')) return { counts: tail.text, head: 'vote', headText: '' };
  const vote = /\bvote$/i.test(voters) ? voters : joinWords(voters, 'vote');
  return { counts: joinWords(vote, tail.text), head: 'vote', headText: '' };
}

/** Only a conjunction and "a further"/"another" between two amounts: the second one is coordinated. */
function coordinated(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 4 || to <= from) return false;
  for (let k = from; k < to; k++) {
    if (!/^(?:and|or|plus|,|a|an|another|further|additional|extra|then|with)$/.test(tokens[k]?.norm ?? ''))
      return false;
  }
  return true;
}

/** The counted noun phrase after the number, plus the predicate that says what happens to it. */
function countedPhrase(
  tokens: Token[],
  from: number,
  valueStart: number,
  slice: (a: number, b: number) => string,
  kind: NumberMention['kind'],
  dateTokens: Set<number>,
  earlierNoun: string,
): Phrase {
  let i = from;
  let npStart = from;
  if (tokens[i]?.norm === 'of') {
    i++;
    while (tokens[i]?.pos === 'DET' || tokens[i]?.pos === 'PRON') i++;
  } else if (kind === 'percent' || kind === 'money') {
    npStart = -1;
  }
  let head = -1;
  let j = i;
  while (
    j < tokens.length &&
    (['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[j]?.pos ?? '') || isHyphenJoint(tokens, j))
  ) {
    if (isNoun(tokens[j])) head = j;
    j++;
  }
  if (npStart < 0 && head >= 0 && tokens[from]?.norm !== 'of') head = -1;
  let npEnd = head >= 0 ? Math.max(head, j - 1) : from - 1;
  if (head < 0) j = from;
  // A rate after the noun: "people a day", "immigrants per year".
  let rateAt = -1;
  if (
    head >= 0 &&
    /^(?:a|an|per|each|every)$/.test(tokens[j]?.norm ?? '') &&
    RATE_UNITS.has(tokens[j + 1]?.norm ?? '')
  ) {
    rateAt = j;
    npEnd = j + 1;
    j += 2;
  }
  const np = head >= 0 ? slice(from, npEnd) : '';
  const tail = predicate(tokens, j, slice, MAX_WORDS - wordCount(np), dateTokens);
  const chain = governingVerb(tokens, valueStart);
  const headWord = head >= 0 ? normaliseNoun(tokens[head]?.norm ?? '') : '';
  const tailIsVerb = tail.length > 0 && /^(?:AUX|VERB)$/.test(tokens[j]?.pos ?? '');
  const headText = head >= 0 ? (tokens[head]?.text ?? '') : '';
  if (np) {
    const phrase = (counts: string): Phrase => ({ counts, head: headWord, headText });
    if (!chain || (tailIsVerb && chain.light) || kind === 'duration') return phrase(joinWords(np, tail.text));
    // The number is the verb's object: "will cut 1,200 jobs" → "jobs to be cut", "employs 900
    // people" → "people employed", "£12m of repairs needed by sea defences" (the agent when nothing follows).
    const done = chain.object ? objectParticiple(chain.verbs) : null;
    if (done) {
      const noun = rateAt >= 0 ? slice(from, rateAt - 1) : np;
      const rate = rateAt >= 0 ? slice(rateAt, rateAt + 1) : '';
      const byAgent =
        !tail.text && !rate && chain.agent && !done.startsWith('to be') ? `by ${chain.agent}` : '';
      const counts = joinWords(noun, done, rate, tail.text, byAgent);
      return phrase(wordCount(counts) <= MAX_WORDS + 2 ? counts : joinWords(noun, done, rate, tail.text));
    }
    if (!tailIsVerb) return phrase(joinWords(np, tail.text, `(${chain.text})`));
    return phrase(joinWords(np, `(${chain.text})`));
  }
  // No counted noun: say what the number is about from the words around it.
  let subject = chain ? chain.subject : nounBefore(tokens, valueStart);
  // "customers … while around 40,000 remained cut off": the number stands for the noun counted before.
  if (!subject && !chain && tailIsVerb && /s$/i.test(earlierNoun)) subject = earlierNoun;
  const counts = joinWords(subject, chain?.text ?? '', tail.text);
  const fallbackHead = normaliseNoun(subject.split(' ').pop()?.toLowerCase() ?? '');
  const measured = subject !== '' && /\p{L}/u.test(subject) && !chain && !tail.text;
  return {
    counts: wordCount(counts) >= 2 || chain || measured ? counts : '',
    head: fallbackHead,
    headText: subject === earlierNoun ? earlierNoun : '',
  };
}

function insideQuotes(before: string): boolean {
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  const straight = before.match(/"/g)?.length ?? 0;
  return curly > 0 || straight % 2 === 1;
}
