import type { QuoteSpan } from './quote-spans.ts';
import { appositiveRole } from './speaker-tokens.ts';
import {
  CHARACTERISING,
  CHARACTERISING_AS,
  CHARACTERISING_PARTICIPLES,
  PARTICIPLES,
  PHRASAL_PARTICLES,
  SPEECH_NOUNS,
  SPEECH_VERBS,
} from './speaker-words.ts';
import type { Person, SpeakerIndex, Tok } from './speakers.ts';
import { isSpeechVerb, SENTENCE_END, type Subject, SubjectFinder } from './subject-finder.ts';

/**
 * Who says a quote: an attribution after it ("…,” Olsen said), a speaker named before it ("Olsen told
 * the Mail: ‘…’"), a list label ("* Name: '…'"), or the speaker of the quote just before it.
 */

/** 'calls': a characterising verb before the quote ("Roe called the plan “…”"). */
export type Via = 'after' | 'before' | 'calls' | 'list' | 'follows' | 'paragraph';

export interface Attribution {
  /** Null when a verb attributes the quote but the text does not make the speaker clear. */
  person: Person | null;
  via: Via;
  verb: string | null;
  /** Words between the attributing verb and the quote (0 when adjacent or after). */
  distance: number;
}

/** Most words between a characterising verb and the quote: "called [the new pension plan] “…”". */
const MAX_OBJECT_WORDS = 4;
const PASSIVE = new Set('was were been being is are be when if once'.split(' '));
const LEADING_PUNCTUATION = new Set([',', ';', '—', '–', '-', ':']);

/** A token that may stand in a speaker phrase: names, role words, "the", pronouns, "(D)", commas. */
const subjectLike = (t: Tok): boolean =>
  t.word ? !t.inQuote && !SPEECH_VERBS.has(t.lower) : t.text === '(' || t.text === ')' || t.text === ',';

/** A speech noun owned by someone else or by nobody named ("Lee’s claim", "the allegation") in [from, to). */
function quotesSomeoneElse(list: Tok[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = list[i] as Tok;
    if (!t.word || t.inQuote || !SPEECH_NOUNS.has(t.lower)) continue;
    const owner = list[i - 1];
    if (
      owner &&
      ((owner.possessive && owner.cap) || /^(?:the|that|this|such|those|these)$/.test(owner.lower))
    )
      return true;
  }
  return false;
}

function wordsBetween(list: Tok[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (list[i]?.word && !list[i]?.inQuote) n++;
  return n;
}

export class Attributor {
  private readonly subjects: SubjectFinder;

  constructor(
    private readonly index: SpeakerIndex,
    private readonly paragraphs: string[],
  ) {
    this.subjects = new SubjectFinder(index, paragraphs);
  }

  /** The attribution of `span`, or null when nothing in the text attributes it. */
  attribute(
    span: QuoteSpan,
    previous: { span: QuoteSpan; attribution: Attribution } | null,
  ): Attribution | null {
    return (
      this.after(span) ??
      this.listLabel(span) ??
      this.before(span) ??
      this.follows(span, previous) ??
      this.previousParagraph(span, previous)
    );
  }

  private tokens(paragraph: number): Tok[] {
    return this.index.tokens[paragraph] ?? [];
  }

  /** "…,” Olsen said." / "…,” said Reyes." / "…,” the vice president said." */
  private after(span: QuoteSpan): Attribution | null {
    const list = this.tokens(span.closeParagraph);
    let k = list.findIndex((t) => t.start > span.closePos);
    if (k < 0) return null;
    let dash = false;
    while (list[k] && !list[k]?.word && LEADING_PUNCTUATION.has((list[k] as Tok).text)) {
      dash ||= /^[—–]$/.test((list[k] as Tok).text);
      k++;
    }
    const first = list[k];
    if (!first || first.inQuote) return null;
    if (dash) {
      // A signature line: "“…” — union leader Jo Roe." with nothing but the name after the dash.
      const mention = this.index.mentionStartingAt(span.closeParagraph, k);
      const next = mention && list[mention.end + 1];
      const text = this.paragraphs[span.closeParagraph] ?? '';
      const ends = !next || next.text === '.' || (mention && appositiveRole(list, mention.end, text));
      if (mention?.person && mention.start === k && ends && this.opensSentence(span)) {
        return { person: mention.person, via: 'after', verb: null, distance: 0 };
      }
    }
    if (isSpeechVerb(first) && !PARTICIPLES.has(first.lower)) {
      const subject = this.subjects.subjectAfter(span.closeParagraph, k + 1);
      if (subject) return this.make(subject, span.closeParagraph, k, 'after', first.lower, 0);
    }
    if (first.lower === 'according' && list[k + 1]?.lower === 'to') {
      const subject = this.subjects.subjectAfter(span.closeParagraph, k + 2);
      if (subject) return this.make(subject, span.closeParagraph, k, 'after', 'according to', 0);
    }
    for (let v = k; v < k + 8 && v < list.length; v++) {
      const t = list[v] as Tok;
      if (t.inQuote || SENTENCE_END.has(t.text)) return null;
      if (isSpeechVerb(t) && v > k) {
        if (!list.slice(k, v).every(subjectLike)) return null;
        let subject = this.subjects.subjectBefore(span.closeParagraph, v, k);
        if (!subject) return null;
        // The phrase before the verb must be the speaker phrase as a whole ("a worker", "Jane Roe").
        const lead = /^(?:the|a|an)$/.test(first.lower) ? k + 1 : k;
        if (subject.from !== k && subject.from !== lead) subject = { unknown: true, from: k };
        return this.make(subject, span.closeParagraph, v, 'after', t.lower, 0);
      }
    }
    return null;
  }

  /** True when nothing but punctuation stands before the quote in its sentence. */
  private opensSentence(span: QuoteSpan): boolean {
    const list = this.tokens(span.openParagraph);
    for (let i = list.findIndex((t) => t.start >= span.openPos) - 1; i >= 0; i--) {
      const t = list[i] as Tok;
      if (SENTENCE_END.has(t.text)) return true;
      if (t.word) return false;
    }
    return true;
  }

  /** "* Governor Jane Roe: 'quote'" or "Jane Roe: “quote”" at the start of a paragraph. */
  private listLabel(span: QuoteSpan): Attribution | null {
    const text = this.paragraphs[span.openParagraph] ?? '';
    const head = text.slice(0, span.openPos);
    if (!/^\s*(?:[*•\-–]\s+)?[^:]{2,100}:\s*$/.test(head)) return null;
    const list = this.tokens(span.openParagraph);
    const words = list.filter((t) => t.end <= span.openPos && t.word);
    const colon = list.findIndex((t) => t.text === ':' && t.start < span.openPos);
    const first = words[0];
    if (!first || colon < 1) return null;
    const mention = this.index.mentionEndingAt(span.openParagraph, colon - 1);
    const firstIndex = list.indexOf(first);
    if (mention?.person && mention.start === firstIndex) {
      return { person: mention.person, via: 'list', verb: null, distance: 0 };
    }
    return null;
  }

  /** A verb before the quote in the same sentence: "Olsen told the Courier: ‘…’", "X wrote that “…”". */
  private before(span: QuoteSpan): Attribution | null {
    const p = span.openParagraph;
    const list = this.tokens(p);
    const open = list.findIndex((t) => t.start >= span.openPos);
    const end = open < 0 ? list.length : open;
    const found = this.verbBefore(p, end);
    if (found || list.slice(0, end).some((t) => t.word)) return found;
    // A quote opening its paragraph after "…, Jane Roe said:" at the end of the one before.
    const previous = (this.paragraphs[p - 1] ?? '').trimEnd();
    return previous.endsWith(':') ? this.verbBefore(p - 1, this.tokens(p - 1).length) : null;
  }

  /** The speech verb nearest before token `end` in its sentence, with its subject. */
  private verbBefore(p: number, end: number): Attribution | null {
    const list = this.tokens(p);
    let from = end;
    while (from > 0 && !SENTENCE_END.has((list[from - 1] as Tok).text)) from--;
    for (let v = end - 1; v >= from; v--) {
      const t = list[v] as Tok;
      if (!t.word || t.inQuote) continue;
      const distance = wordsBetween(list, v + 1, end);
      if (t.lower === 'according' && list[v + 1]?.lower === 'to' && !t.inQuote) {
        const subject = this.subjects.subjectAfter(p, v + 2);
        if (subject) return this.make(subject, p, v, 'before', 'according to', distance);
        continue;
      }
      if (CHARACTERISING.has(t.lower) || CHARACTERISING_AS.has(t.lower)) {
        const found = this.characterises(p, v, end, from);
        if (found) return found;
        continue;
      }
      if (!isSpeechVerb(t) || PASSIVE.has(list[v - 1]?.lower ?? '')) continue;
      if (PARTICIPLES.has(t.lower)) {
        const actor = this.subjects.lastActor(p, from, v);
        if (actor) return { person: actor, via: 'before', verb: t.lower, distance };
        continue;
      }
      // "Roe said Lee’s claim that “…”": the quoted words are the claim's, not the speaker's.
      if (quotesSomeoneElse(list, v + 1, end))
        return { person: null, via: 'before', verb: t.lower, distance };
      const subject = this.subjects.subjectBefore(p, v, from);
      if (!subject || 'unknown' in subject) {
        const prev = list[v - 1];
        if (prev && (prev.lower === 'and' || prev.text === ',')) continue; // "…and added that": subject earlier
        return { person: null, via: 'before', verb: t.lower, distance };
      }
      return this.make(subject, p, v, 'before', t.lower, distance);
    }
    return null;
  }

  /**
   * "Roe called the plan “…”", "Roe described the cuts as “…”", "…, calling it “…”": the quote is the
   * subject's words only when it follows the verb's object (a few plain words) and the subject is a
   * named person. Any other subject ("a group called “…”", "critics dubbed it “…”") gets nobody, and
   * a verb not followed so (“called on”, "called for") is not a characterisation: null.
   */
  private characterises(p: number, v: number, end: number, from: number): Attribution | null {
    const list = this.tokens(p);
    const verb = (list[v] as Tok).lower;
    const object = list.slice(v + 1, end);
    if (object.some((t) => !t.word || t.inQuote)) return null;
    const needsAs = CHARACTERISING_AS.has(verb);
    if (needsAs && object[object.length - 1]?.lower !== 'as') return null;
    const words = object.length - (needsAs ? 1 : 0);
    if (words < 1 || words > MAX_OBJECT_WORDS || PHRASAL_PARTICLES.has(object[0]?.lower ?? '')) return null;
    const nobody: Attribution = { person: null, via: 'before', verb, distance: object.length };
    if (PASSIVE.has(list[v - 1]?.lower ?? '')) return nobody;
    if (CHARACTERISING_PARTICIPLES.has(verb)) {
      const actor = this.subjects.lastActor(p, from, v);
      return actor ? { person: actor, via: 'calls', verb, distance: object.length } : nobody;
    }
    const subject = this.subjects.subjectBefore(p, v, from);
    if (!subject || !('person' in subject)) return nobody;
    return this.make(subject, p, v, 'calls', verb, object.length);
  }

  /** A second quote right after an attributed one in the same paragraph: same speaker. */
  private follows(
    span: QuoteSpan,
    previous: { span: QuoteSpan; attribution: Attribution } | null,
  ): Attribution | null {
    if (!previous?.attribution.person || previous.span.closeParagraph !== span.openParagraph) return null;
    const gap = (this.paragraphs[span.openParagraph] ?? '').slice(previous.span.closePos + 1, span.openPos);
    const words = gap.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const ok = previous.attribution.via === 'after' ? words <= 14 : words === 0;
    return ok ? { person: previous.attribution.person, via: 'follows', verb: null, distance: 0 } : null;
  }

  /**
   * A paragraph that is only a quote, right after a paragraph that ended with the same speaker's
   * quote: newswriting's convention for a speaker who goes on.
   */
  private previousParagraph(
    span: QuoteSpan,
    previous: { span: QuoteSpan; attribution: Attribution } | null,
  ): Attribution | null {
    const person = previous?.attribution.person;
    if (!person || !previous || previous.span.closeParagraph !== span.openParagraph - 1) return null;
    const text = this.paragraphs[span.openParagraph] ?? '';
    if (text.slice(0, span.openPos).trim() !== '' || span.closeParagraph !== span.openParagraph) return null;
    if (text.slice(span.closePos + 1).trim().length > 2) return null;
    const before = this.paragraphs[previous.span.closeParagraph] ?? '';
    const tail = before
      .slice(previous.span.closePos + 1)
      .split(/\s+/)
      .filter(Boolean).length;
    return tail <= 10 ? { person, via: 'paragraph', verb: null, distance: 0 } : null;
  }

  private make(
    subject: Subject,
    p: number,
    at: number,
    via: Via,
    verb: string,
    distance: number,
  ): Attribution {
    let person: Person | null = null;
    if ('person' in subject) person = subject.person;
    else if ('pronoun' in subject)
      person = subject.pronoun ? this.index.resolvePronoun(subject.pronoun, p, at) : null;
    if (person) this.index.noteSpeaker(person, p, at);
    return { person, via, verb, distance };
  }
}
