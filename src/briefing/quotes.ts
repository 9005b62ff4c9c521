import { type Attribution, Attributor } from './attribution.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.ts';
import { STRONG_VERBS, TERM_INTRODUCERS } from './speaker-words.ts';
import { SpeakerIndex, type Tok, tokenize } from './speakers.ts';
import type { Article, Quote } from './types.ts';

/**
 * Direct quotes of an article with their speakers. A quote needs an attribution (a speech verb, a list
 * label, or the speaker of the quote just before it) or a full sentence of its own; scare quotes,
 * titles and short fragments are left out. The text is verbatim: each paragraph part of a quote stands
 * in the article as it is, and `quoteParts` gives those parts back for the grounding check.
 */

/** Verbatim parts of each extracted quote (several for a quote running over paragraphs). */
const partsOf = new WeakMap<Quote, string[]>();

/** Fewest words for a quote that stands as its own sentence, and for one embedded in a sentence. */
const MIN_WORDS_DIRECT = 3;
const MIN_WORDS_PARTIAL = 5;
/** An unattributed quote is kept only as a full sentence of at least this many words. */
const MIN_WORDS_UNATTRIBUTED = 8;

export function extractQuotes(article: Article): Quote[] {
  const { paragraphs } = article;
  const spans = findQuoteSpans(paragraphs);
  if (spans.length === 0) return [];
  // Names after the last quote cannot attribute it: the paragraph after it is the last one read.
  const last = Math.max(...spans.map((s) => s.closeParagraph)) + 1;
  const tokens = paragraphs.map((text, paragraph) =>
    paragraph > last ? [] : tokenize(text, insideQuote(spans, paragraph, text.length)),
  );
  const index = new SpeakerIndex(paragraphs, tokens);
  const attributor = new Attributor(index, paragraphs);
  const quotes: Quote[] = [];
  const seen = new Map<string, Quote>();
  let previous: { span: QuoteSpan; attribution: Attribution } | null = null;
  for (const span of spans) {
    const parts = verbatimParts(span, paragraphs);
    const text = parts.join(' ');
    const attribution = attributor.attribute(span, previous);
    previous = attribution ? { span, attribution } : null;
    if (!text || !keep(span, text, attribution, tokens[span.openParagraph] ?? [])) continue;
    const quote: Quote = {
      text,
      speaker: attribution?.person?.name ?? null,
      role: attribution?.person?.role ?? null,
      article: article.id,
      score: score(span, text, attribution, paragraphs.length),
    };
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    const earlier = seen.get(key);
    if (earlier) {
      if (!earlier.speaker && quote.speaker)
        Object.assign(earlier, { speaker: quote.speaker, role: quote.role });
      continue;
    }
    seen.set(key, quote);
    partsOf.set(quote, parts);
    quotes.push(quote);
  }
  return quotes;
}

/**
 * The verbatim pieces a quote was joined from, for the grounding check. Quotes not made by
 * `extractQuotes` (e.g. copies) are split into sentences, each of which stands in the source.
 */
export function quoteParts(quote: Quote): string[] {
  const parts = partsOf.get(quote);
  if (parts && parts.join(' ') === quote.text) return parts;
  return quote.text.split(/(?<=[.?!…]["”’']?)\s+(?=["“‘']?[\p{Lu}\p{N}])/u).filter(Boolean);
}

function verbatimParts(span: QuoteSpan, paragraphs: string[]): string[] {
  const parts = span.parts
    .map((p) => (paragraphs[p.paragraph] ?? '').slice(p.start, p.end).trim())
    .filter((p) => p.length > 0);
  const last = parts.length - 1;
  // The comma before a closing mark belongs to the attribution that follows.
  if (last >= 0) parts[last] = (parts[last] as string).replace(/[\s,;:]+$/, '');
  return parts.filter((p) => p.length > 0);
}

/** Character ranges of `paragraph` inside quotes, marks included, in order. */
function insideQuote(spans: QuoteSpan[], paragraph: number, length: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const s of spans) {
    for (const part of s.parts) {
      if (part.paragraph !== paragraph) continue;
      const from = part === s.parts[0] ? s.openPos : part.start - 1;
      const to = part === s.parts[s.parts.length - 1] ? s.closePos : length;
      ranges.push([from, to]);
    }
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The word just before the opening mark, or null at a sentence start or after punctuation. */
function wordBefore(span: QuoteSpan, tokens: Tok[]): Tok | null {
  let prev: Tok | null = null;
  for (const t of tokens) {
    if (t.start >= span.openPos) break;
    prev = t;
  }
  return prev?.word ? prev : null;
}

/** Whether a span is someone's quote rather than a scare quote, a title or a fragment. */
function keep(span: QuoteSpan, text: string, attribution: Attribution | null, tokens: Tok[]): boolean {
  const words = wordCount(text);
  const before = wordBefore(span, tokens);
  const afterVerb = before !== null && attribution?.via === 'before' && attribution.distance === 0;
  // After a characterising verb's object ("called it the “…”", "described it as “…”") a determiner
  // or "as" introduces the subject's words; names among them are still caught as titles below.
  const calls = attribution?.via === 'calls';
  if (before && !afterVerb && !calls && TERM_INTRODUCERS.has(before.lower)) return false;
  const partial = (before !== null && !afterVerb) || !/^[\s…."“‘']*[\p{Lu}\p{N}]/u.test(text);
  if (isTitle(text) && attribution?.via !== 'after' && attribution?.via !== 'list') return false;
  if (!attribution) {
    return !partial && words >= MIN_WORDS_UNATTRIBUTED && /[.?!…]$/.test(text);
  }
  if (partial) return attribution.person !== null && words >= MIN_WORDS_PARTIAL;
  return words >= MIN_WORDS_DIRECT;
}

/** Title Case text of a few words: a show, a book, a slogan ("The Evening Show", "No Kings"). */
function isTitle(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.75 && words.length > 1;
}

/** Newsworthiness: a named speaker with a role, a quote of a readable length, early, strongly voiced. */
function score(span: QuoteSpan, text: string, attribution: Attribution | null, paragraphs: number): number {
  const words = wordCount(text);
  let s = 0.25;
  if (attribution?.person) s += 0.3;
  if (attribution?.person?.role) s += 0.1;
  if (words >= 8 && words <= 45) s += 0.2;
  else if (words >= 5 && words <= 70) s += 0.1;
  const fragment = /^[\s…"“‘']*\p{Ll}/u.test(text);
  if (fragment) s -= 0.1;
  if (attribution?.via === 'follows' || attribution?.via === 'list') s -= 0.03;
  if (attribution?.via === 'paragraph') s -= 0.08;
  // A fragment some words after its verb ("said the roads were shut and “…”") reads less surely.
  const via = attribution?.via;
  if (fragment && (via === 'before' || via === 'calls') && (attribution?.distance ?? 0) > 1) s -= 0.05;
  if (attribution?.verb && STRONG_VERBS.has(attribution.verb)) s += 0.05;
  s += 0.1 * (1 - span.openParagraph / Math.max(1, paragraphs));
  return Math.round(Math.min(1, Math.max(0, s)) * 1000) / 1000;
}

/**
 * Across a set, a speaker known only by surname in one article ("Smith") takes the full name another
 * article gives ("Maria Smith"), when exactly one full name ends with that surname; and a quote whose
 * article gives its speaker no role takes the role the other articles give that person most often.
 */
export function unifySpeakers(quotes: Quote[]): Quote[] {
  const full = new Map<string, Set<string>>();
  for (const q of quotes) {
    if (!q.speaker?.includes(' ')) continue;
    const surname = q.speaker.split(/\s+/).pop() as string;
    full.set(surname, (full.get(surname) ?? new Set()).add(q.speaker));
  }
  const named = quotes.map((q) => {
    const names = q.speaker && !q.speaker.includes(' ') ? full.get(q.speaker) : undefined;
    return names?.size === 1 ? withChanges(q, { speaker: [...names][0] as string }) : q;
  });
  const roles = commonRoles(named);
  return named.map((q) => {
    const role = q.speaker && !q.role ? roles.get(q.speaker) : undefined;
    return role ? withChanges(q, { role }) : q;
  });
}

function commonRoles(quotes: Quote[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const q of quotes) {
    if (!q.speaker || !q.role) continue;
    const byRole = counts.get(q.speaker) ?? new Map<string, number>();
    byRole.set(q.role, (byRole.get(q.role) ?? 0) + 1);
    counts.set(q.speaker, byRole);
  }
  const best = new Map<string, string>();
  for (const [speaker, byRole] of counts) {
    const [role] = [...byRole].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0] ?? [];
    if (role) best.set(speaker, role);
  }
  return best;
}

/** A changed copy that keeps the verbatim parts the original was joined from. */
function withChanges(q: Quote, changes: Partial<Quote>): Quote {
  const copy: Quote = { ...q, ...changes };
  const parts = partsOf.get(q);
  if (parts) partsOf.set(copy, parts);
  return copy;
}

/**
 * The same words quoted by several articles (wire pickups, syndicated copies) appear once: the
 * best-scoring copy, and a quote contained in a longer one of the same speaker gives way to it.
 */
export function dedupeQuotes(quotes: Quote[]): Quote[] {
  const keyOf = (q: Quote) =>
    q.text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const best = new Map<string, Quote>();
  for (const q of quotes) {
    const key = `${q.speaker ?? ''}\u0000${keyOf(q)}`;
    const seen = best.get(key);
    if (!seen || q.score > seen.score) best.set(key, q);
  }
  // Containment is checked within one named speaker's quotes only, which keeps this near-linear.
  const bySpeaker = new Map<string, Quote[]>();
  const kept = new Set<Quote>();
  for (const q of best.values()) {
    if (!q.speaker) kept.add(q);
    else {
      const group = bySpeaker.get(q.speaker);
      if (group) group.push(q);
      else bySpeaker.set(q.speaker, [q]);
    }
  }
  for (const group of bySpeaker.values()) {
    const longestFirst = group.map((q) => [keyOf(q), q] as const).sort((a, b) => b[0].length - a[0].length);
    const keptKeys: string[] = [];
    for (const [key, q] of longestFirst) {
      if (keptKeys.some((other) => other.includes(key))) continue;
      keptKeys.push(key);
      kept.add(q);
    }
  }
  return quotes.filter((q) => kept.has(q));
}
