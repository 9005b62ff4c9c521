import {
  FEMALE_PRONOUNS,
  FUNCTION_CAPS,
  MALE_PRONOUNS,
  NOT_PERSON_WORDS,
  PARTICIPLES,
  SPEECH_VERBS,
} from './speaker-words.ts';
import type { Person, SpeakerIndex, Tok } from './speakers.ts';

/**
 * The speaker phrase next to a speech verb: a named person, a pronoun still to resolve, or a phrase
 * that names nobody ("a worker", "they").
 */

/** A speaker phrase; `from` is the index of its first token. */
export type Subject = ({ person: Person } | { pronoun: 'm' | 'f' | null } | { unknown: true }) & {
  from: number;
};

const SINGULAR_PRONOUNS = new Set(['he', 'she']);
const OTHER_PRONOUNS = new Set(['they', 'we', 'i', 'it', 'you']);
export const SENTENCE_END = new Set(['.', '?', '!']);

export const isSpeechVerb = (t: Tok | undefined): t is Tok =>
  Boolean(t?.word && !t.cap && !t.inQuote && SPEECH_VERBS.has(t.lower));

const SUBJECT_FILLERS =
  /^(?:also|later|then|previously|has|had|have|did|does|would|will|again|himself|herself|once|repeatedly|reportedly|directly|publicly|earlier|further|simply|just|bluntly|firmly)$/;

export class SubjectFinder {
  constructor(
    private readonly index: SpeakerIndex,
    private readonly paragraphs: string[],
  ) {}

  private tokens(paragraph: number): Tok[] {
    return this.index.tokens[paragraph] ?? [];
  }

  /** The subject ending just before token `verb`: "Tricia Roe said", "he also told", "Roe (D) said". */
  subjectBefore(p: number, verb: number, floor: number): Subject | null {
    const list = this.tokens(p);
    let k = verb - 1;
    while (k >= floor && SUBJECT_FILLERS.test((list[k] as Tok).lower)) k--;
    if (list[k]?.text === ')' && list[k - 2]?.text === '(') k -= 3;
    // "Jo Bell of Eastbridge Capital said": the subject is the person the organisation hangs off.
    let c = k;
    while (c >= floor && list[c]?.word && list[c]?.cap && !this.index.mentionEndingAt(p, c)?.person) c--;
    if (
      c < k &&
      /^(?:of|at|from)$/.test(list[c]?.lower ?? '') &&
      this.index.mentionEndingAt(p, c - 1)?.person
    ) {
      k = c - 1;
    }
    if (list[k]?.text === ',') {
      // An appositive: "Jane Roe, a Democrat, said".
      for (let c = k - 1; c >= Math.max(floor, k - 10); c--) {
        if (list[c]?.text !== ',') continue;
        if (this.index.mentionEndingAt(p, c - 1)?.person || this.index.isProper(p, c - 1)) k = c - 1;
        break;
      }
    }
    if (k < floor) return null;
    return this.subjectAt(p, k, 'end');
  }

  subjectAfter(p: number, k: number): Subject | null {
    const list = this.tokens(p);
    const t = list[k];
    if (t?.lower === 'the') {
      const mention = this.index.mentionStartingAt(p, k + 1);
      return mention?.person ? { person: mention.person, from: k } : { unknown: true, from: k };
    }
    return this.subjectAt(p, k, 'start');
  }

  private subjectAt(p: number, k: number, edge: 'start' | 'end'): Subject | null {
    const list = this.tokens(p);
    const t = list[k];
    if (!t?.word || t.inQuote) return null;
    if (SINGULAR_PRONOUNS.has(t.lower)) {
      return {
        pronoun: MALE_PRONOUNS.has(t.lower) ? 'm' : FEMALE_PRONOUNS.has(t.lower) ? 'f' : null,
        from: k,
      };
    }
    if (OTHER_PRONOUNS.has(t.lower)) return { unknown: true, from: k };
    const mention = edge === 'end' ? this.index.mentionEndingAt(p, k) : this.index.mentionStartingAt(p, k);
    if (mention) {
      const from = Math.min(mention.start, k);
      return mention.person ? { person: mention.person, from } : { unknown: true, from };
    }
    const neighbour = list[edge === 'end' ? k - 1 : k + 1];
    const article = /^(?:the|a|an)$/.test(list[k - 1]?.lower ?? '');
    const alone = !(neighbour?.word && neighbour.cap) && !article;
    const nameLike = !NOT_PERSON_WORDS.has(t.lower) && !/^[\p{Lu}\d]{3,}$/u.test(t.text);
    if (alone && nameLike && !FUNCTION_CAPS.has(t.lower)) {
      const text = (this.paragraphs[p] ?? '').slice(t.start, t.end);
      const known = this.index.bySurname(text);
      if (known && this.index.isProper(p, k)) return { person: known, from: k };
      if (!known && this.index.isLoneName(p, k, edge === 'end' && this.introducesQuote(list, k))) {
        const person = this.index.bySurname(text, true);
        if (person) return { person, from: k };
      }
    }
    return { unknown: true, from: k };
  }

  /** "Roe added: “…”", "Roe said that “…”": a sentence opening with a word, a speech verb and a quote. */
  private introducesQuote(list: Tok[], k: number): boolean {
    const prev = list[k - 1];
    if (prev && !SENTENCE_END.has(prev.text)) return false;
    const verb = list[k + 1];
    const next = list[k + 2];
    if (!isSpeechVerb(verb) || PARTICIPLES.has(verb.lower) || !next) return false;
    return next.text === ':' || next.inQuote || next.lower === 'that';
  }

  /** The last person acting in the sentence before token `verb` (for "…, saying"). */
  lastActor(p: number, from: number, verb: number): Person | null {
    for (let k = verb - 1; k >= from; k--) {
      const mention = this.index.mentionEndingAt(p, k);
      if (mention?.person && mention.subject) return mention.person;
      const t = this.tokens(p)[k] as Tok;
      if (SINGULAR_PRONOUNS.has(t.lower) && !t.inQuote) {
        return this.index.resolvePronoun(MALE_PRONOUNS.has(t.lower) ? 'm' : 'f', p, k);
      }
    }
    return null;
  }
}
