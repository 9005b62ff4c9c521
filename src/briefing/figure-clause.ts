import type { Token } from './nlp.ts';
import { pastParticiple } from './participle.ts';

/** Clause pieces around a number: the verb before it, the predicate after it, and word helpers. */

export const REPORTING = new Set(
  'including include includes among said says say told tells tell reported reports added adds estimated estimates showed shows found finds noted notes stated states wrote writes according believes believe thinks think claimed claims argued argues suggested suggests'.split(
    ' ',
  ),
);
export const CLAUSE_STOP = new Set(
  'after before because while when since although though despite amid as until unless if whereas whom who which'.split(
    ' ',
  ),
);

/** A hyphen inside a compound word ("Democratic-leaning"), which wink-nlp splits into three tokens. */
export const isHyphenJoint = (tokens: Token[], k: number): boolean =>
  tokens[k]?.text === '-' && tokens[k]?.pre === '' && tokens[k + 1]?.pre === '' && k + 1 < tokens.length;
export const isPunct = (t: Token | undefined): boolean => !t || t.pos === 'PUNCT';
export const isNoun = (t: Token | undefined): boolean => t?.pos === 'NOUN' || t?.pos === 'PROPN';

/** Verbs that only introduce what follows ("we've had 60 people come through"): the later verb says more. */
export const LIGHT_VERBS = new Set([
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
export const PARTICLES = new Set([
  'off',
  'up',
  'out',
  'down',
  'away',
  'back',
  'over',
  'apart',
  'aside',
  'in',
  'on',
]);

/** "a budget of $39 million", "a death toll of 12": the noun the number is the measure of. */
export function nounBefore(tokens: Token[], valueStart: number): string {
  if (tokens[valueStart - 1]?.norm !== 'of' || !isNoun(tokens[valueStart - 2])) return '';
  let s = valueStart - 2;
  while (s > valueStart - 5 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[s - 1]?.pos ?? '')) s--;
  return tokens
    .slice(s, valueStart - 1)
    .map((t) => t.text)
    .join(' ');
}

export function predicate(
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
export function governingVerb(tokens: Token[], valueStart: number): Governing | null {
  let k = valueStart - 1;
  let object = true;
  while (
    tokens[k]?.pos === 'DET' ||
    tokens[k]?.norm === 'of' ||
    tokens[k]?.norm === 'to' ||
    tokens[k]?.norm === 'by'
  ) {
    if (tokens[k]?.pos === 'DET' && tokens[k - 1]?.pos === 'NOUN') return null;
    if (tokens[k]?.pos !== 'DET') object = false;
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
  const chainStart = k + 1;
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
  // "shares in the airline dropped" / "shares in Acme dropped": the same without an article.
  const det = tokens[s]?.pos === 'DET' ? 1 : 0;
  if (s < first - 1 && tokens[s - det]?.pos === 'ADP' && isNoun(tokens[s - det - 1])) {
    s -= det + 1;
    const pp = s;
    while (s >= 0 && s >= pp - 2 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[s]?.pos ?? '')) s--;
  }
  const subject = tokens
    .slice(s + 1, first)
    .map((t) => t.text)
    .join(' ');
  const light = tokens.slice(first, end + 1).every((t) => t.pos !== 'VERB' || LIGHT_VERBS.has(t.norm));
  // The agent goes mid-phrase: a sentence-initial capital is dropped unless it is a name.
  // wink-nlp often tags a capitalised plural opening the sentence ("Officials", "Rescuers") as a name.
  const plural = first === 1 && /^\p{Lu}\p{Ll}+[^s]s$/u.test(tokens[0]?.text ?? '');
  const common =
    tokens[0]?.pos !== 'PROPN' || plural || (first > 1 && /^\p{Ll}/u.test(tokens[1]?.text ?? ''));
  const mid = s < 0 && common ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject;
  const agent = subject && tokens[s]?.norm === 'the' ? `the ${subject}` : mid;
  return { text: words.join(''), subject, agent, light, object, verbs: tokens.slice(chainStart, end + 1) };
}

/** A verb chain before a number, and whether the number is its direct object (no "to"/"by"/"of" between). */
export interface Governing {
  text: string;
  subject: string;
  agent: string;
  light: boolean;
  object: boolean;
  /** The chain's tokens as written, including a leading "to" ("to hire"). */
  verbs: Token[];
}

const MODALS = new Set([
  'will',
  'would',
  'shall',
  'should',
  'could',
  'can',
  'may',
  'might',
  'must',
  "'ll",
  '’ll',
]);
/** Verbs of fear and expectation, whose participle reads before another: "feared lost", "expected cut". */
const EXPECTING = /^(?:feared|expected|predicted|forecast|projected|anticipated|threatened)$/;
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re", '’s', '’re']);

/**
 * What happens to a counted object, said after it: "will cut 1,200 jobs" → "to be cut", "employs"
 * → "employed", "seek to arrest" → "to be arrested", "feared losing" → "feared lost", "laid off" →
 * "laid off". Null when the chain has no content verb or its participle cannot be formed.
 */
export function objectParticiple(verbs: Token[]): string | null {
  let m = verbs.length - 1;
  let particle = '';
  if (m > 0 && PARTICLES.has(verbs[m]?.norm ?? '') && verbs[m - 1]?.pos === 'VERB') {
    particle = verbs[m]?.text ?? '';
    m--;
  }
  const main = verbs[m];
  if (main?.pos !== 'VERB' || LIGHT_VERBS.has(main.norm)) return null;
  const participle = pastParticiple(main.norm);
  if (!participle) return null;
  const done = joinWords(participle, particle);
  const before = verbs.slice(0, m);
  const previous = before[before.length - 1];
  if (before.some((t) => MODALS.has(t.norm)) || previous?.norm === 'to') return `to be ${done}`;
  if (main.norm.endsWith('ing')) {
    // Only an expectation carries over: "feared losing" → "feared lost"; "began testing" → "tested".
    const earlier = [...before].reverse().find((t) => t.pos === 'VERB');
    const earlierDone = earlier ? pastParticiple(earlier.norm) : null;
    if (earlierDone && EXPECTING.test(earlierDone)) return `${earlierDone} ${done}`;
    if (previous && BE_FORMS.has(previous.norm)) return `being ${done}`;
  }
  return done;
}

export function joinWords(...parts: string[]): string {
  return parts.filter((p) => p.trim()).join(' ');
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\w/.test(w)).length;
}
