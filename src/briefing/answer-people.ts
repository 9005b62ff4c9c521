import { type AnswerContext, analysed, type Hit, lastWord, searchSentences } from './answer-index.ts';
import { indexTerm } from './answer-terms.ts';
import type { Token } from './nlp.ts';

/**
 * Titles and job words that precede or follow a name ("border czar Ana Reyes", "Sam Lee, a
 * Republican strategist"). General English vocabulary: no names of any article set.
 */
const ROLE_WORDS = new Set(
  (
    'president vice governor gov mayor secretary czar tsar spokesperson spokesman spokeswoman senator sen ' +
    'representative rep congressman congresswoman chief director minister chancellor ceo cfo coo chair ' +
    'chairman chairwoman chairperson commissioner judge justice attorney general strategist analyst ' +
    'professor official leader speaker aide adviser advisor ambassador sheriff coach founder economist ' +
    'executive head manager premier king queen prince princess pope lawmaker prosecutor lawyer activist ' +
    'organizer organiser researcher scientist doctor dr captain commander lieutenant sergeant deputy ' +
    'councilmember councillor councilman councilwoman candidate nominee owner editor correspondent ' +
    'superintendent administrator treasurer inspector envoy diplomat admiral colonel pastor bishop rabbi ' +
    'imam host anchor founder chairman partner principal teacher'
  ).split(/\s+/),
);

export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));
}

export interface Person {
  /** Fullest form the articles use, without titles ("Ana Reyes"). */
  name: string;
  /** Lower-cased last name, the key quotes are filed under. */
  surname: string;
}

const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;

/** Spans of consecutive capitalised tokens ("Vice President Mark Olsen"), as [start, end) token indexes. */
function capitalisedRuns(tokens: Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const cap = t !== undefined && CAPITALISED.test(t.text) && t.type === 'word';
    if (cap && start < 0) start = i;
    if (!cap && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/** Splits "Border Czar Ana Reyes" into role "Border Czar" and name "Ana Reyes" at the last role word. */
function splitRun(tokens: Token[], [start, end]: [number, number]): { role: string[]; name: string[] } {
  let cut = start;
  for (let i = start; i < end; i++) if (isRoleWord(tokens[i]?.text ?? '')) cut = i + 1;
  const texts = tokens.slice(start, end).map((t) => t.text.replace(/['’]s$/, ''));
  return { role: texts.slice(0, cut - start), name: texts.slice(cut - start) };
}

/** Sentences that mention every word of `phrase` (by index term). */
function mentions(context: AnswerContext, phrase: string, limit: number): Hit[] {
  const terms = phrase
    .split(/\s+/)
    .map(indexTerm)
    .filter((t): t is string => t !== null);
  if (terms.length === 0) return [];
  const groups = terms.map((term) => ({ term, alternatives: [] }));
  return searchSentences(context, groups, { limit: limit * 4 })
    .filter((h) => h.matched.size === groups.length)
    .slice(0, limit);
}

/**
 * Resolves a name or role from a question to one person: "Olsen", "Mark Olsen" and "the vice president"
 * (when the articles write "Vice President Mark Olsen") give the same person. Null when the articles
 * name no such person.
 */
export function resolvePerson(context: AnswerContext, subject: string): Person | null {
  const cleaned = subject.replace(/^(?:the|a|an)\s+/i, '').trim();
  const words = cleaned.split(/\s+/).filter(Boolean);
  const roleOnly = words.length > 0 && words.every((w) => !/^\p{Lu}/u.test(w) || isRoleWord(w));
  if (roleOnly || /^(?:the|a|an)\s/i.test(subject)) {
    const byRole = personByRole(context, cleaned);
    if (byRole) return byRole;
  }
  const surname = lastWord(cleaned);
  if (!surname) return null;
  const first = words.length > 1 ? (words[0]?.toLowerCase() ?? null) : null;
  const compatible = (name: string) => {
    const parts = name.toLowerCase().split(/\s+/);
    return parts[parts.length - 1] === surname && (!first || parts.includes(first) || parts.length === 1);
  };
  const forms = new Map<string, number>();
  for (const quote of context.quotesBySurname.get(surname) ?? []) {
    const name = quote.speaker ? stripRole(quote.speaker) : '';
    if (name && compatible(name)) forms.set(name, (forms.get(name) ?? 0) + 2);
  }
  const full = words.length > 1 ? mentions(context, cleaned, 40) : [];
  for (const hit of full.length > 0 ? full : mentions(context, surname, 40)) {
    const row = context.sentences[hit.id];
    const tokens = row ? analysed(context, row)?.tokens : undefined;
    if (!tokens) continue;
    for (const run of capitalisedRuns(tokens)) {
      const name = splitRun(tokens, run).name.join(' ');
      if (name && compatible(name)) forms.set(name, (forms.get(name) ?? 0) + 1);
    }
  }
  if (forms.size === 0) return null;
  // The fullest form wins (most words), then the most frequent: "Ana Reyes" over "Reyes".
  const best = [...forms.entries()].sort(
    (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1],
  )[0];
  return best ? { name: best[0], surname } : null;
}

function stripRole(speaker: string): string {
  const words = speaker.replace(/['’]s$/, '').split(/\s+/);
  let cut = 0;
  words.forEach((w, i) => {
    if (isRoleWord(w)) cut = i + 1;
  });
  return words.slice(cut).join(' ') || speaker;
}

const ABBREVIATIONS: Record<string, string> = {
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  pres: 'president',
  sec: 'secretary',
};

function normaliseRole(words: string[]): string {
  return words
    .map((w) => w.toLowerCase().replace(/\.$/, ''))
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

/** "vice president" -> the person the articles most often call that. */
function personByRole(context: AnswerContext, role: string): Person | null {
  const wanted = normaliseRole(role.split(/\s+/));
  if (!wanted) return null;
  const votes = new Map<string, number>();
  for (const quote of context.digest.quotes) {
    if (quote.speaker && quote.role && normaliseRole(quote.role.split(/\s+/)).endsWith(wanted)) {
      const name = stripRole(quote.speaker);
      votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  const head = role.split(/\s+/).pop() ?? role;
  for (const hit of mentions(context, head, 60)) {
    const row = context.sentences[hit.id];
    const tokens = row ? analysed(context, row)?.tokens : undefined;
    if (!tokens) continue;
    for (const candidate of rolesBeforeNames(tokens)) {
      if (normaliseRole(candidate.role).endsWith(wanted)) {
        votes.set(candidate.name, (votes.get(candidate.name) ?? 0) + 1);
      }
    }
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const surname = lastWord(best[0]);
  return surname ? { name: best[0], surname } : null;
}

const MODIFIER_POS = new Set(['NOUN', 'ADJ', 'PROPN']);
const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday)$/i;

/** Role phrases written before a name: "border czar Ana Reyes", "Lakeside Mayor Jane Roe". */
export function rolesBeforeNames(tokens: Token[]): { role: string[]; name: string; at: number }[] {
  const out: { role: string[]; name: string; at: number }[] = [];
  for (const run of capitalisedRuns(tokens)) {
    const { role, name } = splitRun(tokens, run);
    if (name.length === 0) continue;
    const before: string[] = [];
    for (let i = run[0] - 1; i >= 0 && before.length < 4; i--) {
      const t = tokens[i];
      if (!t || t.stop || !MODIFIER_POS.has(t.pos) || CALENDAR.test(t.text)) break;
      before.unshift(t.text);
    }
    const full = [...before, ...role];
    if (full.some(isRoleWord)) out.push({ role: trimRole(full), name: name.join(' '), at: run[0] });
  }
  return out;
}

/** Keeps the role from its first role-ish word's modifier run: "sent border czar" is not a role. */
function trimRole(words: string[]): string[] {
  let last = -1;
  words.forEach((w, i) => {
    if (isRoleWord(w)) last = i;
  });
  return words.slice(0, last + 1);
}
