/**
 * Term normalisation shared by the answer index and the questions, so both sides stem alike:
 * lower case, no stop words, a light suffix stemmer, and a small table of general synonyms.
 */

const STOP = new Set(
  (
    'a an the and or but if then than so of in on at to for from by with about into over after before ' +
    'as is are was were be been being am do does did done doing have has had having will would shall ' +
    'should can could may might must it its this that these those there here he she they them his her ' +
    'hers their theirs him i me my we us our you your yours who whom whose what which when where why how ' +
    'many much not no nor also just very too any some all each more most other such only own same up ' +
    'down out off again further once s t say says said saying tell told tells according per ' +
    'know tell me please give show explain describe anything something thing things ' +
    'happen happens happened happening occur occurs occurred'
  ).split(/\s+/),
);

/** Verbs and nouns people use for the same event in questions and articles. General English only. */
const SYNONYM_GROUPS: string[][] = [
  ['stay', 'remain', 'keep'],
  ['leave', 'withdraw', 'withdrawn', 'depart', 'exit', 'pull', 'pullout'],
  ['reduce', 'reduction', 'cut', 'drawdown', 'scale'],
  ['sue', 'suing', 'sued', 'lawsuit', 'suit', 'litigation', 'court'],
  ['kill', 'killed', 'killing', 'dead', 'death', 'die', 'died', 'fatal', 'shot', 'shoot', 'shooting'],
  ['hurt', 'injure', 'injured', 'injury', 'wound', 'wounded'],
  ['arrest', 'detain', 'detention', 'custody'],
  ['start', 'begin', 'began', 'begun', 'launch', 'launched'],
  ['end', 'stop', 'halt', 'finish'],
  ['cost', 'price', 'spend', 'spent', 'budget', 'pay', 'paid'],
  ['job', 'employment'],
  ['worker', 'employee', 'staff', 'staffer'],
  ['people', 'person', 'resident', 'citizen'],
  ['child', 'children', 'kid', 'student', 'pupil'],
  ['agent', 'officer', 'officers', 'agents'],
  ['vote', 'voted', 'ballot', 'election', 'elect'],
  ['protest', 'demonstration', 'rally', 'protester'],
  ['raise', 'increase', 'rise', 'grow', 'growth'],
  ['cut', 'decrease', 'fall', 'drop', 'decline', 'lower'],
  ['big', 'large', 'largest', 'biggest'],
];

/** Irregular forms the suffix rules miss. */
const IRREGULAR: Record<string, string> = {
  children: 'child',
  people: 'people',
  men: 'man',
  women: 'woman',
  suing: 'sue',
  sued: 'sue',
  died: 'die',
  began: 'begin',
  begun: 'begin',
  shot: 'shoot',
  paid: 'pay',
  spent: 'spend',
  left: 'leave',
  withdrawn: 'withdraw',
  withdrew: 'withdraw',
};

/** A light English stemmer: enough to join "officers"/"officer", "shootings"/"shooting"/"shoot". */
export function stem(word: string): string {
  return dropFinalE(suffixes(word.toLowerCase().replace(/['’]s$/, '')));
}

/** "strike"/"striking", "raise"/"raised" meet at "strik", "rais". */
function dropFinalE(w: string): string {
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

function suffixes(word: string): string {
  let w = word;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  return w;
}

function undouble(w: string): string {
  return /([bdfgklmnprtz])\1$/.test(w) ? w.slice(0, -1) : w;
}

const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const stems = [...new Set(group.map(stem))];
  for (const s of stems) SYNONYMS.set(s, [...new Set([...(SYNONYMS.get(s) ?? []), ...stems])]);
}

/** Splits text into raw word tokens (letters, digits, inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The index term of one token, or null for stop words and noise. Numbers keep their digits. */
export function indexTerm(token: string): string | null {
  const lower = token.toLowerCase();
  if (STOP.has(lower) || lower.length < 2) return null;
  if (/^\d[\d,.]*$/.test(lower)) return lower.replace(/,/g, '');
  return stem(lower);
}

export function isStopWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** A question term and its synonyms; a group counts once when checking how much of a question a passage covers. */
export interface TermGroup {
  term: string;
  alternatives: string[];
}

export function termGroups(text: string): TermGroup[] {
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  for (const token of words(text)) {
    const term = indexTerm(token);
    if (!term || seen.has(term)) continue;
    seen.add(term);
    const alternatives = (SYNONYMS.get(term) ?? []).filter((s) => s !== term);
    groups.push({ term, alternatives });
  }
  return groups;
}

/** The index terms of a text, as a set. */
export function termSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const t = indexTerm(w);
    if (t) out.add(t);
  }
  return out;
}
