import { extendValue, isCurrency, isExcluded, isNameOrTime, withBareNumbers } from './figure-span.ts';
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
const REPORTING = new Set(
  'including include includes among said says say told tells tell reported reports added adds estimated estimates showed shows found finds noted notes stated states wrote writes according believes believe thinks think claimed claims argued argues suggested suggests'.split(
    ' ',
  ),
);
const CLAUSE_STOP = new Set(
  'after before because while when since although though despite amid as until unless if whereas whom who which'.split(
    ' ',
  ),
);
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

/** A hyphen inside a compound word ("Democratic-leaning"), which wink-nlp splits into three tokens. */
const isHyphenJoint = (tokens: Token[], k: number): boolean =>
  tokens[k]?.text === '-' && tokens[k]?.pre === '' && tokens[k + 1]?.pre === '' && k + 1 < tokens.length;
const isPunct = (t: Token | undefined): boolean => !t || t.pos === 'PUNCT';
const isNoun = (t: Token | undefined): boolean => t?.pos === 'NOUN' || t?.pos === 'PROPN';

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
    consumed = b;
    if (/\d/.test(core) && isNameOrTime(sentence, located, entity.start, b)) continue;
    const two = `${tokens[a - 2]?.norm ?? ''} ${tokens[a - 1]?.norm ?? ''}`;
    if (APPROX_2.has(two)) a -= 2;
    else if (APPROX_1.has(tokens[a - 1]?.norm ?? '') && !APPROX_1.has(tokens[a]?.norm ?? '')) a--;
    if (isExcluded(sentence, located, a, b, entity.start, entity.end)) continue;

    const value = slice(a, b);
    const kind = mentionKind(entity.type, value);
    let phrase = countedPhrase(tokens, b + 1, a, slice, kind, dateTokens, previous?.headText ?? '');
    // "pledged $5 million and a further £1.2bn": a coordinated amount shares what the first one counts.
    if (!phrase.counts && previous && coordinated(tokens, previous.end + 1, a)) phrase = previous.phrase;
    if (!phrase.counts) continue;
    previous = { end: b, headText: phrase.headText, phrase };
    const quoted = insideQuotes(sentence.text.slice(0, located.starts[a] ?? 0));
    if (quoted && !phrase.head) continue;
    out.push({
      value,
      counts: phrase.counts,
      normValue: normaliseValue(value),
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

function mentionKind(type: string, value: string): NumberMention['kind'] {
  if (type === 'PERCENT' || /%|per\s?cent/i.test(value)) return 'percent';
  if (type === 'MONEY' || /[$€£¥₹]/.test(value)) return 'money';
  if (type === 'DURATION') return 'duration';
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

/** Only a conjunction and "a further"/"another" between two amounts: the second one is coordinated. */
function coordinated(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 4 || to <= from) return false;
  for (let k = from; k < to; k++) {
    if (!/^(?:and|or|plus|,|a|an|another|further|additional|extra|then|with)$/.test(tokens[k]?.norm ?? ''))
      return false;
  }
  return true;
}

/** Verbs that only introduce what follows ("we've had 60 people come through"): the later verb says more. */
const LIGHT_VERBS = new Set([
  'have',
  'has',
  'had',
  "'ve",
  '’ve',
  'get',
  'got',
  'see',
  'saw',
  'seen',
  'there',
]);
/** A particle belongs to its verb: "remained cut off", "were laid off", "signed up". */
const PARTICLES = new Set(['off', 'up', 'out', 'down', 'away', 'back', 'over', 'apart', 'aside', 'in', 'on']);

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
  if (
    head >= 0 &&
    /^(?:a|an|per|each|every)$/.test(tokens[j]?.norm ?? '') &&
    RATE_UNITS.has(tokens[j + 1]?.norm ?? '')
  ) {
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
    if (!chain || (tailIsVerb && chain.light)) return phrase(joinWords(np, tail.text));
    // "£12m of repairs needed by sea defences": a past participle reads as a passive after the noun.
    if (!tail.text && chain.subject && /ed$/.test(chain.text) && !chain.text.includes(' '))
      return phrase(joinWords(np, chain.text, 'by', chain.agent));
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

/** "a budget of $39 million", "a death toll of 12": the noun the number is the measure of. */
function nounBefore(tokens: Token[], valueStart: number): string {
  if (tokens[valueStart - 1]?.norm !== 'of' || !isNoun(tokens[valueStart - 2])) return '';
  let s = valueStart - 2;
  while (s > valueStart - 5 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[s - 1]?.pos ?? '')) s--;
  return tokens
    .slice(s, valueStart - 1)
    .map((t) => t.text)
    .join(' ');
}

function predicate(
  tokens: Token[],
  start: number,
  slice: (a: number, b: number) => string,
  budget: number,
  dateTokens: Set<number>,
): { text: string; length: number } {
  let k = start;
  // Skip a parenthetical between the subject and its verb: "700 officers — a quarter of the total — will be …".
  const open = tokens[k]?.text;
  if (open === '—' || open === '–' || open === ',' || open === '(') {
    const close = open === '(' ? ')' : open;
    let m = k + 1;
    while (m < tokens.length && m < k + 20 && tokens[m]?.text !== close) m++;
    if (tokens[m]?.text === close && /^(?:AUX|VERB)$/.test(tokens[m + 1]?.pos ?? '')) k = m + 1;
    else return { text: '', length: 0 };
  }
  const first = k;
  let words = 0;
  while (
    k < tokens.length &&
    (words < budget || (words < budget + 2 && isNoun(tokens[k]) && isNoun(tokens[k - 1])))
  ) {
    const t = tokens[k] as Token;
    if (isHyphenJoint(tokens, k)) {
      k++;
      continue;
    }
    if (isPunct(t) || t.pos === 'CCONJ' || t.pos === 'SYM') break;
    if (CLAUSE_STOP.has(t.norm) || dateTokens.has(k)) break;
    if (t.pos === 'SCONJ' && tokens[k - 1]?.pos !== 'VERB') break;
    k++;
    if (t.pos !== 'PART' || /^\w/.test(t.text)) words++;
  }
  let last = k - 1;
  while (last >= first && /^(?:ADP|DET|CCONJ|SCONJ|PART|PRON|AUX)$/.test(tokens[last]?.pos ?? '')) {
    if (PARTICLES.has(tokens[last]?.norm ?? '') && tokens[last - 1]?.pos === 'VERB' && last > first) break;
    last--;
  }
  return last < first ? { text: '', length: 0 } : { text: slice(first, last), length: last - first + 1 };
}

/** A non-reporting verb right before the number ("seek to arrest 3,000", "cut 4,500"), with its subject noun. */
function governingVerb(
  tokens: Token[],
  valueStart: number,
): { text: string; subject: string; agent: string; light: boolean } | null {
  let k = valueStart - 1;
  while (
    tokens[k]?.pos === 'DET' ||
    tokens[k]?.norm === 'of' ||
    tokens[k]?.norm === 'to' ||
    tokens[k]?.norm === 'by'
  ) {
    if (tokens[k]?.pos === 'DET' && tokens[k - 1]?.pos === 'NOUN') return null;
    k--;
  }
  const end = k;
  let hasVerb = false;
  let hasAux = false;
  // "is worth £1.5bn": "worth" is tagged an adjective but links the amount to its subject like a verb.
  while (
    k >= 0 &&
    end - k < 4 &&
    (/^(?:VERB|AUX|PART|ADV|ADP)$/.test(tokens[k]?.pos ?? '') || tokens[k]?.norm === 'worth')
  ) {
    const t = tokens[k] as Token;
    if (REPORTING.has(t.norm)) break;
    if (t.pos === 'VERB') hasVerb = true;
    if (t.pos === 'AUX') hasAux = true;
    k--;
  }
  let first = k + 1;
  // A clitic ("'ve", "'s") or a leading adverb says nothing on its own: "We've had" → "had".
  while (
    first <= end &&
    (/^(?:ADP|PART|ADV)$/.test(tokens[first]?.pos ?? '') || /^['’]/.test(tokens[first]?.text ?? ''))
  )
    first++;
  // A copula counts only with its subject: "turnout was 61.5 per cent".
  if ((!hasVerb && !(hasAux && isNoun(tokens[first - 1]))) || first > end) return null;
  const words = tokens
    .slice(first, end + 1)
    .map((t, n) => (n === 0 ? t.text : `${t.pre ? ' ' : ''}${t.text}`));
  let s = first - 1;
  while (s >= 0 && s >= first - 3 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[s]?.pos ?? '')) s--;
  // "sea defences in the town needed": the subject is the noun before a short prepositional phrase.
  if (s < first - 1 && tokens[s]?.pos === 'DET' && tokens[s - 1]?.pos === 'ADP' && isNoun(tokens[s - 2])) {
    s -= 2;
    const pp = s;
    while (s >= 0 && s >= pp - 2 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[s]?.pos ?? '')) s--;
  }
  const subject = tokens
    .slice(s + 1, first)
    .map((t) => t.text)
    .join(' ');
  const light = tokens.slice(first, end + 1).every((t) => t.pos !== 'VERB' || LIGHT_VERBS.has(t.norm));
  // The agent goes mid-phrase: a sentence-initial capital is dropped unless it is a name.
  const common = tokens[0]?.pos !== 'PROPN' || (first > 1 && /^\p{Ll}/u.test(tokens[1]?.text ?? ''));
  const mid = s < 0 && common ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject;
  const agent = subject && tokens[s]?.norm === 'the' ? `the ${subject}` : mid;
  return { text: words.join(''), subject, agent, light };
}

function joinWords(...parts: string[]): string {
  return parts.filter((p) => p.trim()).join(' ');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\w/.test(w)).length;
}

function insideQuotes(before: string): boolean {
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  const straight = before.match(/"/g)?.length ?? 0;
  return curly > 0 || straight % 2 === 1;
}
