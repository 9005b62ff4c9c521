import type { AnalysedSentence, Token } from './nlp.ts';

/** Token offsets of a sentence in its text, so spans can be sliced verbatim. */
export interface Located {
  starts: number[];
  ends: number[];
}

/** Magnitude suffixes written onto a number ("£12m", "$5.2bn", "300k"): part of the value as written. */
const ATTACHED_SUFFIX = /^(?:m|mn|mln|bn|bln|b|k|tn|trn|t|%|pc)$/i;
/** Magnitude words after a number ("€1.5 billion") that wink-nlp sometimes leaves outside the entity. */
const MAGNITUDE_WORD = /^(?:thousand|million|billion|trillion|crore|lakh)$/i;
/** Units of measure: "90 mph" is one measurement, and "mph" is not what the number counts. */
const UNITS = new Set(
  'mph kph kmh km/h mm cm km kg ft in m °c °f ºc ºf c f °celsius fahrenheit degrees inches feet metres meters miles kilometres kilometers knots mb hpa millimetres centimetres millimeters centimeters mw gw kw kwh mwh gwh'.split(
    ' ',
  ),
);
/** Units that are only read as units when attached or clearly abbreviated (not the words "in", "m", "c", "f"). */
const SPACED_UNIT_BLOCK = new Set(['in', 'm', 'c', 'f']);

const isJoint = (tokens: Token[], k: number): boolean =>
  tokens[k]?.text === '-' && tokens[k]?.pre === '' && tokens[k + 1]?.pre === '' && k + 1 < tokens.length;

/**
 * The last token of a figure's value: the number as written, complete: an attached magnitude
 * ("£12m"), a magnitude word ("1.5 billion"), a unit ("90 mph", "145 km/h"), a hyphenated compound
 * ("40,000-strong", "7.2-magnitude") and a conversion in parentheses ("90 mph (145 kph)").
 */
export function extendValue(tokens: Token[], b: number): number {
  let end = b;
  const next = tokens[end + 1];
  if (next && next.pre === '' && ATTACHED_SUFFIX.test(next.text)) end++;
  else if (next && MAGNITUDE_WORD.test(next.text)) end++;
  end = extendUnit(tokens, end);
  // Hyphenated compound: the number is an adjective ("a 10-year-old boy", "a 40,000-strong crowd").
  while (isJoint(tokens, end + 1) && /^[\p{L}\d]/u.test(tokens[end + 2]?.text ?? '')) end += 2;
  return extendConversion(tokens, end);
}

function extendUnit(tokens: Token[], end: number): number {
  const next = tokens[end + 1];
  if (!next) return end;
  const attached = next.pre === '';
  const norm = next.text.toLowerCase();
  if (!UNITS.has(norm) || (!attached && SPACED_UNIT_BLOCK.has(norm))) {
    // "70 miles per hour"
    return end;
  }
  let k = end + 1;
  // "km / h", "°C"
  if (tokens[k + 1]?.text === '/' && tokens[k + 1]?.pre === '' && tokens[k + 2]?.pre === '') k += 2;
  if (/^(?:per|an|a)$/.test(tokens[k + 1]?.norm ?? '') && /^(?:hour|second)$/.test(tokens[k + 2]?.norm ?? ''))
    k += 2;
  return k;
}

/** "90 mph (145 kph)", "£12m ($15.6m)": a parenthesis holding only a converted amount joins the value. */
function extendConversion(tokens: Token[], end: number): number {
  if (tokens[end + 1]?.text !== '(') return end;
  let k = end + 2;
  if (/^(?:about|around|roughly|approximately|some|c\.|ca\.)$/.test(tokens[k]?.norm ?? '')) k++;
  if (/^(?:[A-Z]{0,3}[$€£¥₹])$/i.test(tokens[k]?.text ?? '')) k++;
  if (tokens[k]?.pos !== 'NUM') return end;
  k = extendValue(tokens, k);
  return tokens[k + 1]?.text === ')' ? k + 1 : end;
}

/** Currency signs before a number, including prefixed dollars ("US$", "A$", "HK$"). */
export const isCurrency = (t: Token | undefined): boolean => /^(?:[A-Z]{0,3}\$|[€£¥₹])$/i.test(t?.text ?? '');

/** Units after which a number is a count of hours, minutes… (a clock) rather than a figure. */
const CLOCK_AFTER = /^(?:am|pm|a\.m\.?|p\.m\.?|gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|hrs|h)$/i;
/** Capitalised only: "12 may lose" is a verb, "12 May" a day. */
const MONTHS =
  /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:\.|uary|ruary|ch|il|e|y|ust|tember|ober|ember)?$/;

/**
 * Numbers that name or date something rather than count it: times of day ("18:00 GMT", "9am"),
 * calendar days ("22 Nov"), model and road names ("Boeing 737", "COVID-19"), phone numbers, house
 * numbers ("No. 10") and ages in apposition ("Ruiz, 54,").
 */
export function isNameOrTime(sentence: AnalysedSentence, located: Located, a: number, b: number): boolean {
  const { tokens, text } = sentence;
  const start = located.starts[a] ?? 0;
  const end = located.ends[b] ?? 0;
  // The whole word around the number, as written: "18:00", "10.30am", "7pm.", "COVID-19".
  const wordStart = text.lastIndexOf(' ', start) + 1;
  const wordEnd = text.indexOf(' ', end);
  const word = text.slice(wordStart, wordEnd < 0 ? text.length : wordEnd);
  if (/\d:\d\d/.test(word) || /^\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m|p\.m)/i.test(word)) return true;
  if (CLOCK_AFTER.test(tokens[b + 1]?.text ?? '')) return true;
  // A letter code joined to the number: "COVID-19", "A1", "F-35", "G7".
  if (/\p{L}-?$/u.test(text.slice(wordStart, start)) && !isCurrency(tokens[a])) return true;
  if (MONTHS.test(tokens[b + 1]?.text ?? '') || MONTHS.test(tokens[a - 1]?.text ?? '')) return true;
  // Phone numbers and codes: a leading zero, or bare numbers in a row ("0800 123 4567").
  if (/^0\d/.test(tokens[a]?.text ?? '')) return true;
  if (tokens[b + 1]?.pos === 'NUM' && /^\d+$/.test(tokens[b + 1]?.text ?? '')) return true;
  if (tokens[a - 1]?.pos === 'NUM' && /^\d+$/.test(tokens[a - 1]?.text ?? '') && a - 1 >= 0) return true;
  // A model or series name: a capitalised proper noun right before a plain number ("Boeing 737").
  const before = tokens[a - 1];
  if (
    before?.pos === 'PROPN' &&
    /^\p{Lu}/u.test(before.text) &&
    /^\d+$/.test(tokens[a]?.text ?? '') &&
    a === b &&
    !/^(?:NOUN|PROPN)$/.test(tokens[b + 1]?.pos ?? '')
  )
    return true;
  // An age: "a 10-year-old boy" describes one person, it does not count anything.
  if (/^\d+-(?:year|month|week|day)s?-old$/i.test(text.slice(start, end))) return true;
  // An age in apposition: "Maria Ruiz, 54, said" / "John Doe, 33."
  if (
    a === b &&
    tokens[a - 1]?.text === ',' &&
    tokens[a - 2]?.pos === 'PROPN' &&
    /^\d{1,3}$/.test(tokens[a]?.text ?? '') &&
    /^[,.;)]$/.test(tokens[b + 1]?.text ?? '.')
  )
    return true;
  return false;
}

/** Numbers wink-nlp leaves outside any entity, such as ranges ("3,000-4,000"), as CARDINAL entities. */
export function withBareNumbers(sentence: AnalysedSentence): AnalysedSentence['entities'] {
  const covered = new Set<number>();
  // wink-nlp reads "12 may lose" as a date; the lower-case verb "may" never names the month.
  const entities = sentence.entities.filter((e) => !(e.type === 'DATE' && /^\d[\d,]* may$/.test(e.text)));
  for (const e of entities) for (let k = e.start; k <= e.end; k++) covered.add(k);
  const extra: AnalysedSentence['entities'] = [];
  sentence.tokens.forEach((t, k) => {
    if (!covered.has(k) && t.pos === 'NUM' && /^\d[\d,.]*(?:[-–]\d[\d,.]*)?$/.test(t.text))
      extra.push({ text: t.text, type: 'CARDINAL', start: k, end: k });
  });
  return extra.length === 0 ? entities : [...entities, ...extra].sort((x, y) => x.start - y.start);
}

/** A number right after one of these words is an identifier (Section 230, Title 42, Flight 370), not a figure. */
const ID_WORDS = new Set(
  'section sec. sections title act article chapter rule amendment clause paragraph part no. no number form bill h.r. s. resolution proposition prop. measure flight route highway interstate room page episode season volume vol. gate platform ward precinct channel model version level category class item exhibit case docket code phase stage round game question pier terminal line bus unit division floor apartment suite box lot district tier grade'.split(
    ' ',
  ),
);
const STATUTE_AFTER = /^\s?\(\s?[a-z0-9]{1,3}\s?\)/i;

/** Statute and section names, years used as dates, list numbering, "one" and "millions". */
export function isExcluded(
  sentence: AnalysedSentence,
  located: { starts: number[]; ends: number[] },
  a: number,
  b: number,
  entityStart: number,
  entityEnd: number,
): boolean {
  const { tokens } = sentence;
  const core = tokens
    .slice(entityStart, entityEnd + 1)
    .map((t) => t.text)
    .join(' ');
  // Years used as dates: a bare four-digit number that does not count a plural noun.
  if (/^(1[5-9]|20)\d\d$/.test(core) && !/s$/i.test(tokens[entityEnd + 1]?.text ?? '')) return true;
  // Statutes and identifiers: 287(g), Section 230, 8 U.S.C.
  const after = sentence.text.slice(located.ends[b] ?? 0);
  if (STATUTE_AFTER.test(after) || /^\s?(?:U\.?S\.?C|C\.?F\.?R)\b/.test(after)) return true;
  if (ID_WORDS.has(tokens[a - 1]?.norm ?? '')) return true;
  // List numbering: "1." / "(2)" / "3)" opening a sentence, or a sentence that is only a number.
  const before = sentence.text.slice(0, located.starts[a] ?? 0);
  if (/^\s*[(*-]?\s*$/.test(before) && /^\s*[.)]/.test(after)) return true;
  if (tokens.filter((t) => t.pos !== 'PUNCT').length <= 1) return true;
  // "one" is almost always a pronoun-like use ("one of the cities"), never a key figure.
  if (/^(?:one|zero)$/i.test(core)) return true;
  if (/^(?:millions|billions|thousands|hundreds|dozens)$/i.test(core)) return true;
  return false;
}

/** Words that make "31 to 12" a vote tally rather than a count and a second number. */
export const VOTE_WORD =
  /^(?:vote|votes|voted|voting|ballot|ballots|tally|margin|majority|ruling|decision|verdict)$/;

/**
 * A vote tally ("voted 31 to 12", "a vote of 60-40", "a 5–4 ruling") is one value: returns the index of
 * its last token, or `b` when the number is not the first half of a tally.
 */
export function tallyEnd(tokens: Token[], a: number, b: number): number {
  const joint = tokens[b + 1];
  const second = tokens[b + 2];
  if (!joint || !second || !/^\d{1,4}$/.test(second.text) || !/^\d{1,4}$/.test(tokens[b]?.text ?? ''))
    return b;
  const hyphen = (joint.text === '-' || joint.text === '–') && joint.pre === '' && second.pre === '';
  if (joint.norm !== 'to' && !hyphen) return b;
  const near = [...tokens.slice(Math.max(0, a - 4), a), ...tokens.slice(b + 3, b + 5)];
  return near.some((t) => VOTE_WORD.test(t.norm)) ? b + 2 : b;
}
