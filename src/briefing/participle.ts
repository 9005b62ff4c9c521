/**
 * Past participles of English verbs from any written form ("cut", "employs", "withdrew", "losing"),
 * so a counted object can read "jobs cut" / "officers withdrawn" instead of "jobs (will cut)".
 */

/** Irregular verbs as base, past, participle. Regular verbs follow the -ed rules below. */
const IRREGULAR =
  'cut cut cut|put put put|set set set|let let let|shut shut shut|hit hit hit|quit quit quit|spread spread spread|cost cost cost|hurt hurt hurt|bid bid bid|shed shed shed|split split split|bet bet bet|forecast forecast forecast|upset upset upset|withdraw withdrew withdrawn|draw drew drawn|lose lost lost|sell sold sold|buy bought bought|build built built|rebuild rebuilt rebuilt|take took taken|give gave given|make made made|hold held held|withhold withheld withheld|keep kept kept|send sent sent|spend spent spent|lend lent lent|pay paid paid|lay laid laid|bring brought brought|seek sought sought|find found found|leave left left|win won won|fight fought fought|feed fed fed|see saw seen|beat beat beaten|break broke broken|choose chose chosen|drive drove driven|eat ate eaten|fly flew flown|freeze froze frozen|grow grew grown|know knew known|show showed shown|steal stole stolen|throw threw thrown|write wrote written|sink sank sunk|strike struck struck|teach taught taught|catch caught caught|tell told told|lead led led|meet met met|deal dealt dealt|shoot shot shot|sweep swept swept|undertake undertook undertaken|overtake overtook overtaken|bear bore borne|wear wore worn|tear tore torn|read read read|raise raised raised|lie lay lain|begin began begun|run ran run|speak spoke spoken|ring rang rung|sing sang sung|swim swam swum|drink drank drunk|fall fell fallen|rise rose risen|get got got|go went gone|do did done|come came come|become became become|forget forgot forgotten|hide hid hidden|shake shook shaken|ride rode ridden|slide slid slid|hang hung hung|dig dug dug|stick stuck stuck|spin spun spun|bind bound bound|sweep swept swept|think thought thought|feel felt felt|mean meant meant|sleep slept slept|forgive forgave forgiven|overrun overran overrun|outrun outran outrun|rewrite rewrote rewritten|mislead misled misled|oversee oversaw overseen|foresee foresaw foreseen'
    .split('|')
    .map((entry) => entry.split(' ') as [string, string, string]);

const BY_FORM = new Map<string, string>();
for (const [base, past, participle] of IRREGULAR) {
  for (const form of [base, past, participle, thirdPerson(base), gerund(base)]) {
    if (!BY_FORM.has(form)) BY_FORM.set(form, participle);
  }
}

function thirdPerson(base: string): string {
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return /(?:s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : `${base}s`;
}

function gerund(base: string): string {
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (/[^e]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  return shortClosed(base) ? `${base}${base.slice(-1)}ing` : `${base}ing`;
}

/** One vowel then one final consonant (not w, x, y) in a one-syllable word: "stop", "plan", "ban". */
function shortClosed(word: string): boolean {
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word);
}

/** The base form of a regular verb from its written form; null when the form cannot be read safely. */
function regularBase(form: string): string | null {
  if (/[^aeiou]ies$/.test(form)) return `${form.slice(0, -3)}y`;
  if (/(?:sh|ch|x|z|ss|o)es$/.test(form)) return form.slice(0, -2);
  if (/[^su]s$/.test(form)) return form.slice(0, -1);
  if (form.endsWith('ing') && form.length >= 5) {
    const stem = form.slice(0, -3);
    // "stopping" → "stop"; "hiring" → "hire"; "arresting" → "arrest".
    if (/([^aeioulsz])\1$/.test(stem)) return stem.slice(0, -1);
    return shortClosed(stem) ? `${stem}e` : stem;
  }
  return /^[a-z]+$/.test(form) ? form : null;
}

/** "cut" → "cut", "employs" → "employed", "withdraw" → "withdrawn", "hiring" → "hired"; null if unsure. */
export function pastParticiple(verb: string): string | null {
  const form = verb.toLowerCase();
  const irregular = BY_FORM.get(form);
  if (irregular) return irregular;
  if (form.endsWith('ed') && form.length > 3) return form;
  const base = regularBase(form);
  if (!base || base.length < 2) return null;
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return shortClosed(base) ? `${base}${base.slice(-1)}ed` : `${base}ed`;
}
