import {
  ABBREVIATIONS,
  FUNCTION_CAPS,
  NOT_PERSON_WORDS,
  OFFICE_CHANGERS,
  PLACE_PREFIXES,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
  TITLE_ABBREVIATIONS,
} from './speaker-words.ts';

/** Word tokens of a paragraph, and the word tests used to find names and roles in them. */

export interface Tok {
  text: string;
  /** Lower case, without a possessive "’s" or a full stop. */
  lower: string;
  start: number;
  /** End of the word without its possessive ending. */
  end: number;
  word: boolean;
  cap: boolean;
  possessive: boolean;
  inQuote: boolean;
}

// Latin, Greek and Cyrillic letters spelled out: a Unicode property class makes this regex ~3x slower.
const L = 'A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const TOKEN = new RegExp(`([${L}]+(?:[’'.&-][${L}]+)*\\.?)|[^\\s${L}]`, 'g');

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

function punctuation(text: string, start: number, inQuote: boolean): Tok {
  return {
    text,
    lower: text,
    start,
    end: start + text.length,
    word: false,
    cap: false,
    possessive: false,
    inQuote,
  };
}

/**
 * Splits a paragraph into word and punctuation tokens. `quoted` holds the [from, to] character ranges
 * (inclusive, in order) that lie inside quotes.
 */
export function tokenize(text: string, quoted: [number, number][] = []): Tok[] {
  const out: Tok[] = [];
  let r = 0;
  const inside = (pos: number): boolean => {
    while (r < quoted.length && (quoted[r] as [number, number])[1] < pos) r++;
    const range = quoted[r];
    return range !== undefined && pos >= range[0];
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    if (m[1] === undefined) {
      out.push(punctuation(raw, start, inside(start)));
      continue;
    }
    let trailingStop = false;
    if (raw.length > 1 && raw.endsWith('.')) {
      const base = raw.slice(0, -1);
      const keep =
        base.includes('.') || ABBREVIATIONS.has(base.toLowerCase()) || (base.length === 1 && isUpper(base));
      if (!keep) {
        raw = base;
        trailingStop = true;
      }
    }
    const possessive = raw.length > 2 && (raw.endsWith('’s') || raw.endsWith("'s") || raw.endsWith('’S'));
    const bare = possessive ? raw.slice(0, -2) : raw;
    const lower = bare.toLowerCase();
    out.push({
      text: raw,
      lower: lower.endsWith('.') ? lower.slice(0, -1) : lower,
      start,
      end: start + bare.length,
      word: true,
      cap: isUpper(raw[0] as string),
      possessive,
      inQuote: inside(start),
    });
    if (trailingStop) out.push(punctuation('.', start + raw.length, inside(start + raw.length)));
  }
  return out;
}

export const AUXILIARIES = new Set(
  'is was are were has had have will would can could did does do should may might must'.split(' '),
);
export const IRREGULAR_PAST = new Set(
  'sat took made went came gave got met left told wrote said saw spoke thought felt kept held led ran stood sent brought began became won lost put set'.split(
    ' ',
  ),
);

export const isNameWord = (t: Tok | undefined): boolean =>
  Boolean(t?.word && t.cap && !t.inQuote && !FUNCTION_CAPS.has(t.lower));
export const isRoleWord = (t: Tok | undefined): boolean =>
  Boolean(t?.word && !t.inQuote && !t.possessive && (ROLE_HEADS.has(t.lower) || ROLE_MODIFIERS.has(t.lower)));

/** A lower-case word that may qualify a role before its head ("transport commissioner"). */
export const isFreeRoleWord = (t: Tok | undefined): boolean =>
  Boolean(
    t?.word &&
      !t.cap &&
      !t.inQuote &&
      !t.possessive &&
      /^\p{L}{3,}(?:-\p{L}+)*$/u.test(t.text) &&
      !FUNCTION_CAPS.has(t.lower) &&
      !SPEECH_VERBS.has(t.lower) &&
      !AUXILIARIES.has(t.lower) &&
      !/(?:ly|ing|ed)$/.test(t.lower),
  );

/** Free role words allowed in one role, so that a clause is not mistaken for a title. */
export const MAX_FREE_ROLE_WORDS = 2;

export function looksLikePerson(tokens: Tok[]): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false;
  if (PLACE_PREFIXES.has((tokens[0] as Tok).lower)) return false;
  return tokens.every(
    (t) => !NOT_PERSON_WORDS.has(t.lower) && !ROLE_HEADS.has(t.lower) && !/^[\p{Lu}\d]{3,}$/u.test(t.text),
  );
}

/** Normalises a role for matching: lower case, abbreviations expanded, no leading article. */
export function normaliseRole(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''))
    .map((w) => TITLE_ABBREVIATIONS[w] ?? w)
    .filter((w) => w && w !== 'the');
}

/** True when a role reference ("the vice president") names the office `role` ("Vice President"). */
export function roleMatches(reference: string, role: string): boolean {
  const ref = normaliseRole(reference);
  const full = normaliseRole(role);
  if (ref.length === 0 || ref.length > full.length) return false;
  const offset = full.length - ref.length;
  if (ref.some((w, i) => w !== full[offset + i])) return false;
  // Extra words may only be places or organisations ("Chicago Mayor"), never ones that change the office.
  const extra = role.split(/\s+/).slice(0, offset);
  return extra.every((w) => /^\p{Lu}/u.test(w) && !OFFICE_CHANGERS.has(w.toLowerCase()));
}

/** Lower-case words with an agent-noun ending that are not people ("never", "current", "letter"). */
const NOT_AGENTS = new Set(
  `never ever other another rather either neither whether together however whenever wherever whatever
  whoever later under over after former latter current recent different present urgent silent frequent
  consistent apparent important relevant significant constant distant instant pleasant percent event
  extent intent content talent giant plant grant meant spent went sent letter matter number paper
  chapter center centre winter summer quarter order water power hour error major minor prior interior
  exterior superior inferior senior junior member consider deliver remember answer offer cover discover
  gather bother suffer enter alter register monitor honor honour favor favour prefer refer transfer
  wonder whisper counter deter render surrender hinder encounter recover uncover lower tower utter
  bitter clever proper eager tender sober silver longer stronger bigger older younger earlier higher
  greater better faster further farther floor door color colour labor labour error mirror terror horror
  sector factor motor assist insist exist resist persist consist whilst amidst agree degree three
  coffee committee guarantee decree human`.split(/\s+/),
);

/**
 * A lower-case noun for what a person does, by its ending: "meteorologist", "forecaster", "historian",
 * "resident", "engineer", "trainee". Used only right before a name or in an appositive after one.
 */
export function isAgentNoun(t: Tok | undefined): boolean {
  if (!t?.word || t.cap || t.inQuote || t.possessive || t.lower.length < 5) return false;
  if (!/^\p{Ll}+$/u.test(t.lower) || NOT_AGENTS.has(t.lower) || /ment$/.test(t.lower)) return false;
  return /(?:ist|er|or|ian|ant|ent|eer|ee|man|woman|person)$/.test(t.lower);
}

const ARTICLES = /^(?:the|a|an)$/;
const DETERMINERS =
  /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|whose|every|each|any|no)$/;
const PREPOSITIONS = /^(?:at|of|for|with|in|from|on|to|by)$/;
const HONORIFICS = /^(?:dr|mr|mrs|ms|mx|prof|professor|doctor|sir|dame)\.?$/;

/** "Dr.", "Mr": a title that says how to address a person, not what they do. */
export const isHonorific = (role: string | null): boolean =>
  role !== null && HONORIFICS.test(role.toLowerCase());

/** A determiner before an agent noun makes it an ordinary noun phrase ("a letter Roe wrote"), not a title. */
export const isDeterminer = (t: Tok | undefined): boolean => Boolean(t?.word && DETERMINERS.test(t.lower));

/**
 * The role in an appositive after a name ending at token `end`: "Ana Ruiz, an epidemiologist at
 * Northfield University," → "epidemiologist at Northfield University"; "Paul Roe, the transport
 * minister," → "transport minister". The phrase must name an office or trade before any preposition
 * and hold no verb or clause; "Roe, 54," and "Roe, who…" have none.
 */
export function appositiveRole(list: Tok[], end: number, text: string): string | null {
  if (list[end + 1]?.text !== ',') return null;
  let k = end + 2;
  // "Tom Reed, 45, a bakery owner,": the age comes first.
  if (/^\d{1,3}$/.test(list[k]?.text ?? '') && list[k + 1]?.text === ',') k += 2;
  if (ARTICLES.test(list[k]?.lower ?? '')) k++;
  const first = k;
  let head = false;
  let preposition = false;
  for (; k < list.length && k < first + 10; k++) {
    const t = list[k] as Tok;
    if (!t.word) break;
    if (t.inQuote || SPEECH_VERBS.has(t.lower) || AUXILIARIES.has(t.lower)) return null;
    if (PREPOSITIONS.test(t.lower)) {
      if (!head) return null;
      preposition = true;
      continue;
    }
    if (/^(?:who|which|that|and|or|but|he|she|they|it|said|says)$/.test(t.lower)) return null;
    if (!t.cap && /(?:ly|ing)$/.test(t.lower)) return null;
    if (!preposition && !t.possessive && (ROLE_HEADS.has(t.lower) || isAgentNoun(t))) head = true;
  }
  const stop = list[k];
  if (!head || k === first || (stop && !/^[,.;!?]$/.test(stop.text))) return null;
  return text.slice((list[first] as Tok).start, (list[k - 1] as Tok).end);
}

/**
 * A looser `roleMatches` for roles written in lower case ("the minister" for "transport minister",
 * "the epidemiologist" for "epidemiologist at Northfield University"): the reference ends the role's
 * words before any preposition, and no word before it changes the office.
 */
export function roleMatchesLoosely(reference: string, role: string): boolean {
  const ref = normaliseRole(reference);
  const words = normaliseRole(role);
  const cut = words.findIndex((w) => PREPOSITIONS.test(w));
  const full = cut > 0 ? words.slice(0, cut) : words;
  if (ref.length === 0 || ref.length > full.length) return false;
  const offset = full.length - ref.length;
  if (ref.some((w, i) => w !== full[offset + i])) return false;
  return full.slice(0, offset).every((w) => !OFFICE_CHANGERS.has(w));
}
