import {
  ABBREVIATIONS,
  FEMALE_PRONOUNS,
  FUNCTION_CAPS,
  MALE_PRONOUNS,
  NOT_PERSON_WORDS,
  OFFICE_CHANGERS,
  PLACE_PREFIXES,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
  SUBJECT_VERB_FILLERS,
  TITLE_ABBREVIATIONS,
} from './speaker-words.ts';

/**
 * People named in an article: full names with their roles, later references by surname ("Homan"),
 * by role ("the vice president") and by pronoun ("she"), resolved to the person they point to.
 */

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

const TOKEN = /[\p{L}\p{N}]+(?:[’'.&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Splits a paragraph into word and punctuation tokens; `quoted` marks characters inside quotes. */
export function tokenize(text: string, quoted: (pos: number) => boolean = () => false): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let raw = m[0];
    const start = m.index ?? 0;
    let trailingStop = false;
    if (raw.length > 1 && raw.endsWith('.')) {
      const base = raw.slice(0, -1);
      const keep = ABBREVIATIONS.has(base.toLowerCase()) || base.includes('.') || /^\p{Lu}$/u.test(base);
      if (!keep) {
        raw = base;
        trailingStop = true;
      }
    }
    const word = /^[\p{L}\p{N}]/u.test(raw);
    const possessive = word && /[’']s$/i.test(raw);
    const bare = possessive ? raw.slice(0, -2) : raw;
    out.push({
      text: raw,
      lower: bare.toLowerCase().replace(/\.$/, ''),
      start,
      end: start + bare.length,
      word,
      cap: /^\p{Lu}/u.test(raw),
      possessive,
      inQuote: quoted(start),
    });
    if (trailingStop) {
      const pos = start + raw.length;
      out.push({
        text: '.',
        lower: '.',
        start: pos,
        end: pos + 1,
        word: false,
        cap: false,
        possessive: false,
        inQuote: quoted(pos),
      });
    }
  }
  return out;
}

const AUXILIARIES = new Set(
  'is was are were has had have will would can could did does do should may might must'.split(' '),
);
const IRREGULAR_PAST = new Set(
  'sat took made went came gave got met left told wrote said saw spoke thought felt kept held led ran stood sent brought began became won lost put set'.split(
    ' ',
  ),
);

const isNameWord = (t: Tok | undefined): boolean =>
  Boolean(t?.word && t.cap && !t.inQuote && !FUNCTION_CAPS.has(t.lower));
const isRoleWord = (t: Tok | undefined): boolean =>
  Boolean(t?.word && !t.inQuote && !t.possessive && (ROLE_HEADS.has(t.lower) || ROLE_MODIFIERS.has(t.lower)));

/** A lower-case word that may qualify a role before its head ("transport commissioner"). */
const isFreeRoleWord = (t: Tok | undefined): boolean =>
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
const MAX_FREE_ROLE_WORDS = 2;

function looksLikePerson(tokens: Tok[]): boolean {
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

interface Candidate {
  paragraph: number;
  start: number;
  nameStart: number;
  end: number;
  name: string;
  role: string | null;
  single: boolean;
}

export class SpeakerIndex {
  readonly people = new Map<string, Person>();
  private readonly mentions: Mention[] = [];

  constructor(
    private readonly paragraphs: string[],
    readonly tokens: Tok[][],
  ) {
    const candidates: Candidate[] = [];
    tokens.forEach((list, paragraph) => {
      candidates.push(...this.findNames(list, paragraph));
    });
    for (const c of candidates) {
      if (!c.single) this.person(c.name, c.role);
    }
    for (const c of candidates) {
      const person = c.single
        ? (this.bySurname(c.name, c.role !== null) ?? null)
        : this.person(c.name, c.role);
      if (!person) continue;
      if (c.role && !person.role) person.role = c.role;
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
    const matches = [...this.people.values()].filter((p) => lastName(p.name) === surname);
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

  private person(name: string, role: string | null): Person {
    let p = this.people.get(name);
    if (!p) {
      p = { name, role, gender: genderOfTitle(role), conflicted: false };
      this.people.set(name, p);
    }
    return p;
  }

  private positions(c: Candidate) {
    return { paragraph: c.paragraph, start: c.start, nameStart: c.nameStart, end: c.end };
  }

  /** Capitalised runs that look like a person's name, with a role before them where there is one. */
  private findNames(list: Tok[], paragraph: number): Candidate[] {
    const text = this.paragraphs[paragraph] ?? '';
    const out: Candidate[] = [];
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
      // "Top Trump aide Jane Roe": a run followed by a role word belongs to the next person's role.
      const next = list[j + 1];
      if (next && !(list[j] as Tok).possessive && isRoleWord(next) && ROLE_HEADS.has(next.lower)) continue;
      let roleStart = head >= 0 ? runStart : -1;
      let roleEnd = head >= 0 ? nameStart - 1 : -1;
      // Lower-case role words before the name or title: "border czar Tom Homan", "former President X".
      let k = (head >= 0 ? runStart : nameStart) - 1;
      if (head < 0 && !(isRoleWord(list[k]) && ROLE_HEADS.has((list[k] as Tok).lower))) k = -1;
      let free = 0;
      while (k >= 0) {
        const t = list[k] as Tok;
        if (!isRoleWord(t) && isFreeRoleWord(t) && free < MAX_FREE_ROLE_WORDS) free++;
        else if (!(isRoleWord(t) || (isNameWord(t) && !t.possessive))) break;
        if (roleEnd < 0) roleEnd = k;
        roleStart = k;
        k--;
      }
      const last = nameTokens[nameTokens.length - 1] as Tok;
      const first = nameTokens[0] as Tok;
      out.push({
        paragraph,
        start: roleStart >= 0 ? roleStart : nameStart,
        nameStart,
        end: j,
        name: text.slice(first.start, last.end),
        role:
          roleStart >= 0 && roleEnd >= 0
            ? text.slice((list[roleStart] as Tok).start, (list[roleEnd] as Tok).end)
            : null,
        single: nameTokens.length === 1,
      });
    }
    return out;
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
        if (ROLE_HEADS.has(t.lower)) end = k;
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
    return matches.length === 1 ? (matches[0] as Person) : null;
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
    let fallback: Person | null = null;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.end >= index)) continue;
      if (m.paragraph < paragraph - 1) break;
      if (!m.person) continue;
      if (m.subject) return m.person;
      fallback ??= m.person;
    }
    return fallback;
  }
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
