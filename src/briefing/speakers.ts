import { findNames, type NameCandidate, sentenceInitial } from './find-names.ts';
import {
  AUXILIARIES,
  IRREGULAR_PAST,
  isAgentNoun,
  isFreeRoleWord,
  isHonorific,
  isNameWord,
  isRoleWord,
  MAX_FREE_ROLE_WORDS,
  roleMatches,
  roleMatchesLoosely,
  type Tok,
} from './speaker-tokens.ts';
import {
  COLLECTIVE_NOUNS,
  FEMALE_PRONOUNS,
  MALE_PRONOUNS,
  ROLE_HEADS,
  SPEECH_VERBS,
  SUBJECT_VERB_FILLERS,
} from './speaker-words.ts';

export type { Tok } from './speaker-tokens.ts';
export { normaliseRole, roleMatches, tokenize } from './speaker-tokens.ts';

/**
 * People named in an article: full names with their roles, later references by surname ("Reyes"),
 * by role ("the vice president") and by pronoun ("she"), resolved to the person they point to.
 */

export type Gender = 'm' | 'f';

export interface Person {
  name: string;
  role: string | null;
  gender: Gender | null;
  conflicted: boolean;
}

export interface Mention {
  /** Null for a role reference ("the governor") that points to nobody named. */
  person: Person | null;
  paragraph: number;
  /** Token indexes: first role token, first name token, last token (inclusive). */
  start: number;
  nameStart: number;
  end: number;
  /** Followed by a verb: the person is the one acting, a likely antecedent of "he" or "she". */
  subject: boolean;
}

export class SpeakerIndex {
  readonly people = new Map<string, Person>();
  private readonly surnames = new Map<string, Person[]>();
  /** Words written with a capital inside a sentence somewhere in the article: proper nouns. */
  private readonly properWords = new Set<string>();
  /** Capitalised words used as a place or an organisation somewhere ("in Tarrow", "the Courier"). */
  private readonly placeWords = new Set<string>();
  private readonly mentions: Mention[] = [];

  constructor(
    private readonly paragraphs: string[],
    readonly tokens: Tok[][],
  ) {
    const candidates: NameCandidate[] = [];
    for (const list of tokens) {
      list.forEach((t, i) => {
        if (!t.word || !t.cap) return;
        if (!sentenceInitial(list, i)) this.properWords.add(t.lower);
        if (!t.inQuote && placeLike(list, i)) this.placeWords.add(t.lower);
      });
    }
    tokens.forEach((list, paragraph) => {
      candidates.push(...findNames(list, paragraph, this.paragraphs[paragraph] ?? ''));
    });
    for (const c of candidates) {
      if (!c.single) this.person(c.name, c.role, c.title);
    }
    for (const c of candidates) {
      const person = c.single
        ? (this.bySurname(c.name, c.role !== null) ?? null)
        : this.person(c.name, c.role, c.title);
      if (!person) continue;
      if (c.role && (!person.role || (isHonorific(person.role) && !isHonorific(c.role))))
        person.role = c.role;
      person.gender ??= person.conflicted ? null : genderOfTitle(c.title);
      this.mentions.push({
        person,
        ...this.positions(c),
        subject: this.isSubject(tokens[c.paragraph] ?? [], c.end),
      });
    }
    tokens.forEach((list, paragraph) => {
      this.findRoleReferences(list, paragraph);
    });
    this.mentions.sort(byPosition);
    this.learnGenders();
  }

  /** A capitalised word that is a name, not a common word starting a sentence ("Officials said"). */
  isProper(paragraph: number, index: number): boolean {
    const list = this.tokens[paragraph] ?? [];
    const t = list[index];
    return Boolean(t?.cap && (!sentenceInitial(list, index) || this.properWords.has(t.lower)));
  }

  /**
   * A lone capitalised word that names a person the article gives no full name: written mid-sentence
   * somewhere, or opening a sentence right before a speech verb that introduces a quote ("Roe added:
   * “…”"). Never a word the article also uses as a place or an organisation, nor a plural ("Critics").
   */
  isLoneName(paragraph: number, index: number, introducesQuote: boolean): boolean {
    const t = (this.tokens[paragraph] ?? [])[index];
    if (!t?.cap || this.placeWords.has(t.lower) || COLLECTIVE_NOUNS.has(t.lower)) return false;
    if (this.isProper(paragraph, index)) return true;
    return introducesQuote && !/[^s]s$/.test(t.lower);
  }

  /** The mention whose last token is `end` in paragraph `paragraph`. */
  mentionEndingAt(paragraph: number, end: number): Mention | undefined {
    return this.mentions.find((m) => m.paragraph === paragraph && m.end === end);
  }

  /** The mention that starts (role or name) at token `start`. */
  mentionStartingAt(paragraph: number, start: number): Mention | undefined {
    return this.mentions.find(
      (m) => m.paragraph === paragraph && (m.start === start || m.nameStart === start),
    );
  }

  /** The person a lone surname refers to, when the article names exactly one such person. */
  bySurname(surname: string, create = false): Person | undefined {
    const matches = this.surnames.get(surname) ?? [];
    if (matches.length === 1) return matches[0];
    if (matches.length === 0 && create) return this.person(surname, null);
    return undefined;
  }

  /** The last person, acting in a sentence, whom the pronoun fits; null when none is close. */
  resolvePronoun(gender: Gender | null, paragraph: number, index: number): Person | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.start >= index)) continue;
      if (m.paragraph < paragraph - 3) break;
      const person = m.person;
      if (!person) continue;
      if (gender && person.gender && person.gender !== gender) continue;
      if (m.subject || (gender && person.gender === gender)) return person;
    }
    return null;
  }

  /** Records that `person` spoke at this position, so later pronouns can point back to them. */
  noteSpeaker(person: Person, paragraph: number, index: number): void {
    const mention: Mention = { person, paragraph, start: index, nameStart: index, end: index, subject: true };
    let at = this.mentions.length;
    while (at > 0 && byPosition(this.mentions[at - 1] as Mention, mention) > 0) at--;
    this.mentions.splice(at, 0, mention);
  }

  private person(name: string, role: string | null, title: string | null = role): Person {
    let p = this.people.get(name);
    if (!p) {
      p = { name, role, gender: genderOfTitle(title), conflicted: false };
      this.people.set(name, p);
      const surname = lastName(name);
      this.surnames.set(surname, [...(this.surnames.get(surname) ?? []), p]);
    }
    return p;
  }

  private positions(c: NameCandidate) {
    return { paragraph: c.paragraph, start: c.start, nameStart: c.nameStart, end: c.end };
  }

  /** "the vice president", "the White House press secretary": an office named without a name. */
  private findRoleReferences(list: Tok[], paragraph: number): void {
    for (let i = 0; i < list.length; i++) {
      const the = list[i] as Tok;
      if (the.lower !== 'the' || the.inQuote) continue;
      let end = -1;
      let free = 0;
      for (let k = i + 1; k <= i + 5 && k < list.length; k++) {
        const t = list[k] as Tok;
        if (!t.word || t.inQuote) break;
        if (ROLE_HEADS.has(t.lower) || isAgentNoun(t)) end = k;
        if (t.possessive) break;
        if (isRoleWord(t) || isNameWord(t)) continue;
        if (!isFreeRoleWord(t) || ++free > MAX_FREE_ROLE_WORDS) break;
      }
      if (end < 0 || isNameWord(list[end + 1])) continue;
      const text = this.paragraphs[paragraph] ?? '';
      const reference = text.slice((list[i + 1] as Tok).start, (list[end] as Tok).end);
      const person = this.byRole(reference, paragraph, i);
      this.mentions.push({
        person,
        paragraph,
        start: i + 1,
        nameStart: i + 1,
        end,
        subject: this.isSubject(list, end),
      });
    }
  }

  private byRole(reference: string, paragraph: number, index: number): Person | null {
    let best: Person | null = null;
    for (const m of this.mentions) {
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.start > index)) continue;
      if (m.person?.role && roleMatches(reference, m.person.role)) best = m.person;
    }
    if (best) return best;
    // A role named before the person is: match any person of the article with that role.
    const matches = [...this.people.values()].filter((p) => p.role && roleMatches(reference, p.role));
    if (matches.length === 1) return matches[0] as Person;
    if (matches.length > 1) return null;
    // "the minister" for a "transport minister": only when no other person of the article fits.
    const loose = [...this.people.values()].filter((p) => p.role && roleMatchesLoosely(reference, p.role));
    return loose.length === 1 ? (loose[0] as Person) : null;
  }

  /** True when a verb follows the mention ending at `end`: the person acts or speaks. */
  private isSubject(list: Tok[], end: number): boolean {
    let k = end + 1;
    if (list[k]?.text === '(' && list[k + 2]?.text === ')') k += 3;
    if (list[k]?.text === ',' && list[k + 1]?.lower === 'who') return true;
    while (list[k] && SUBJECT_VERB_FILLERS.has((list[k] as Tok).lower)) {
      if (AUXILIARIES.has((list[k] as Tok).lower)) return true;
      k++;
    }
    const t = list[k];
    if (!t?.word || t.cap || t.possessive) return false;
    return (
      SPEECH_VERBS.has(t.lower) ||
      AUXILIARIES.has(t.lower) ||
      IRREGULAR_PAST.has(t.lower) ||
      /(?:ed|[^s]s)$/.test(t.lower)
    );
  }

  /** He/she after a person acting in the same or the previous paragraph tells that person's gender. */
  private learnGenders(): void {
    this.tokens.forEach((list, paragraph) => {
      list.forEach((t, index) => {
        if (t.inQuote) return;
        const gender = MALE_PRONOUNS.has(t.lower) ? 'm' : FEMALE_PRONOUNS.has(t.lower) ? 'f' : null;
        if (!gender) return;
        const person = this.antecedent(paragraph, index);
        if (!person || person.conflicted) return;
        if (person.gender && person.gender !== gender) {
          person.gender = null;
          person.conflicted = true;
        } else person.gender = gender;
      });
    });
  }

  private antecedent(paragraph: number, index: number): Person | null {
    const list = this.tokens[paragraph] ?? [];
    let sentenceStart = index;
    while (sentenceStart > 0 && !/^[.?!]$/.test((list[sentenceStart - 1] as Tok).text)) sentenceStart--;
    // The nearest person named earlier in the same sentence: "Jane Roe, who said she…".
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.end >= index)) continue;
      if (m.paragraph < paragraph || m.start < sentenceStart) break;
      if (m.person) return m.person;
    }
    // Else the last person acting nearby; a person only mentioned counts when nobody else is.
    let fallback: Person | null = null;
    let others = false;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.end >= index)) continue;
      if (m.paragraph < paragraph - 1) break;
      if (!m.person) continue;
      if (m.subject) return others ? null : m.person;
      if (fallback && fallback !== m.person) others = true;
      fallback ??= m.person;
    }
    return others ? null : fallback;
  }
}

function placeLike(list: Tok[], i: number): boolean {
  const prev = list[i - 1];
  if (prev && /^(?:the|in|at|inside)$/.test(prev.lower) && !prev.cap) return true;
  return list[i + 1]?.text === ',' && list[i + 2]?.lower === 'which';
}

function byPosition(a: Mention, b: Mention): number {
  return a.paragraph - b.paragraph || a.start - b.start;
}

function lastName(name: string): string {
  const parts = name.split(/\s+/).filter((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w));
  return parts[parts.length - 1] ?? name;
}

function genderOfTitle(role: string | null): Gender | null {
  const first = role?.toLowerCase().replace(/\.$/, '').split(/\s+/).pop();
  if (first === 'mr') return 'm';
  if (first === 'mrs' || first === 'ms') return 'f';
  return null;
}
