import {
  appositiveRole,
  isAgentNoun,
  isDeterminer,
  isFreeRoleWord,
  isHonorific,
  isNameWord,
  isRoleWord,
  looksLikePerson,
  MAX_FREE_ROLE_WORDS,
  type Tok,
} from './speaker-tokens.ts';
import { COLLECTIVE_NOUNS, ROLE_HEADS } from './speaker-words.ts';

/** A capitalised run that looks like a person's name, with the role written before it. */
export interface NameCandidate {
  paragraph: number;
  start: number;
  nameStart: number;
  end: number;
  name: string;
  role: string | null;
  /** The words before the name ("Dr.", "chief meteorologist"), which tell gender when "Mr" or "Ms". */
  title: string | null;
  single: boolean;
}

/** Capitalised runs that look like a person's name, with a role before them where there is one. */
export function findNames(list: Tok[], paragraph: number, text: string): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!isNameWord(list[i])) continue;
    let j = i;
    while (!(list[j] as Tok).possessive && isNameWord(list[j + 1])) j++;
    const run = list.slice(i, j + 1);
    let head = -1;
    for (let k = run.length - 2; k >= 0; k--) {
      if (ROLE_HEADS.has((run[k] as Tok).lower)) {
        head = k;
        break;
      }
    }
    const nameTokens = run.slice(head + 1);
    const runStart = i;
    const nameStart = i + head + 1;
    i = j;
    if (!looksLikePerson(nameTokens)) continue;
    // "Analyst Jo Bell of Eastbridge Capital said": a name run hanging off a person by "of/at/from"
    // is where that person works, not a second person.
    if (head < 0 && afterPersonPreposition(list, runStart)) continue;
    // "Top Smith aide Jane Roe": a run followed by a role word belongs to the next person's role.
    const next = list[j + 1];
    if (next && !(list[j] as Tok).possessive && isRoleWord(next) && ROLE_HEADS.has(next.lower)) continue;
    let roleStart = head >= 0 ? runStart : -1;
    let roleEnd = head >= 0 ? nameStart - 1 : -1;
    // Lower-case role words before the name or title: "border czar Ana Reyes", "former President X".
    let k = (head >= 0 ? runStart : nameStart) - 1;
    const before = list[k];
    const agent = head < 0 && !ROLE_HEADS.has(before?.lower ?? '') && isAgentNoun(before);
    if (head < 0 && !agent && !(isRoleWord(before) && ROLE_HEADS.has((before as Tok).lower))) k = -1;
    let free = 0;
    while (k >= 0) {
      const t = list[k] as Tok;
      if (!isRoleWord(t) && isFreeRoleWord(t) && free < MAX_FREE_ROLE_WORDS) free++;
      else if (!(isRoleWord(t) || (isNameWord(t) && !t.possessive))) break;
      if (roleEnd < 0) roleEnd = k;
      roleStart = k;
      k--;
    }
    // "chief meteorologist Jo Roe" is a title; "a forecaster Roe trusts" is not.
    if (agent && isDeterminer(list[roleStart - 1])) roleStart = roleEnd = -1;
    // People take no article: "the Daily Courier" is a name, but not a person's.
    if (roleStart < 0 && /^(?:the|a|an)$/.test(list[nameStart - 1]?.lower ?? '')) continue;
    const last = nameTokens[nameTokens.length - 1] as Tok;
    const first = nameTokens[0] as Tok;
    const title =
      roleStart >= 0 && roleEnd >= 0
        ? text.slice((list[roleStart] as Tok).start, (list[roleEnd] as Tok).end)
        : null;
    const role = title === null || isHonorific(title) ? (appositiveRole(list, j, text) ?? title) : title;
    out.push({
      paragraph,
      start: roleStart >= 0 ? roleStart : nameStart,
      nameStart,
      end: j,
      name: text.slice(first.start, last.end),
      role,
      title,
      single: nameTokens.length === 1,
    });
  }
  return out;
}

/** "in Tarrow", "at Northwind", "the Courier", "Northwind, which": not a person. */
function afterPersonPreposition(list: Tok[], start: number): boolean {
  const preposition = list[start - 1];
  const before = list[start - 2];
  return Boolean(
    preposition &&
      before &&
      /^(?:of|at|from)$/.test(preposition.lower) &&
      before.cap &&
      isNameWord(before) &&
      !sentenceInitial(list, start - 2) &&
      !COLLECTIVE_NOUNS.has(before.lower),
  );
}

/** True when token `index` opens a sentence, a quote or a list item: its capital tells nothing. */
export function sentenceInitial(list: Tok[], index: number): boolean {
  const prev = list[index - 1];
  return !prev || (!prev.word && /^[.?!:“"‘'*•\-–—(]$/.test(prev.text));
}
