import { type AnswerParts, evidenceOf, formatAnswer, overlap, pickHits, termSet } from './answer-evidence.ts';
import { type AnswerContext, type Hit, type SentenceRow, searchSentences } from './answer-index.ts';
import { answerQuote, answerQuoted, answerWho, attributedPerson } from './answer-people-questions.ts';
import { indexTerm, type TermGroup, termGroups, words } from './answer-terms.ts';
import { type ParsedQuestion, parseQuestion } from './question-type.ts';
import { longDate } from './source-label.ts';
import type { TimelineEvent } from './types.ts';

export { type AnswerContext, createAnswerContext } from './answer-index.ts';

export interface Answer {
  /** The answer as plain text: an optional lead line, then cited sentences each ending "— AP, Feb 4". */
  text: string;
  /** False when the articles do not answer the question (the text then says so). */
  found: boolean;
  /** Verbatim sentences or quotes from the articles, with the id of the article they come from (and the speaker, for quotes). */
  citations: { article: string; text: string; speaker?: string }[];
  /** The person or thing the question was about, to resolve "he"/"she"/"they" in a follow-up. */
  subject: string | null;
  /** The unquoted first line of `text`, when there is one (e.g. "Ana Reyes: transport minister."). */
  lead?: string;
}

/**
 * Answers a question from the articles alone: retrieval over sentences (BM25) plus answer typing.
 * Never invents: every line of a found answer is a sentence or quote of an article, or a lead built
 * from one (a name and the role the articles give it).
 */
export function answer(
  question: string,
  context: AnswerContext,
  history: { subject: string | null } = { subject: null },
): Answer {
  const parsed = parseQuestion(question, history.subject);
  const parts = answerParts(parsed, context);
  // A question about no one ("how many officers stay?") hands "he" in a follow-up to the person its answer quotes.
  const attributed =
    parts.found && !parts.subject ? attributedPerson(context, parts.evidence[0]?.text ?? '') : null;
  const subject = parts.subject ?? attributed ?? history.subject;
  const result: Answer = {
    text: formatAnswer(parts),
    found: parts.found,
    citations: parts.evidence.map((e) =>
      e.speaker
        ? { article: e.article, text: e.text, speaker: e.speaker }
        : { article: e.article, text: e.text },
    ),
    subject,
  };
  if (parts.lead) result.lead = parts.lead;
  return result;
}

function reply(lead: string): AnswerParts {
  return { found: false, lead, evidence: [], subject: null };
}

function answerParts(q: ParsedQuestion, context: AnswerContext): AnswerParts {
  switch (q.type) {
    case 'empty':
      return reply(
        'Ask me something about these articles, for example "who is quoted?" or "when did it start?".',
      );
    case 'abuse':
      return reply("Let's keep it civil. I can answer questions about these articles.");
    case 'smalltalk':
      return reply('Hello! Ask me anything about these articles and I will answer from them, with sources.');
    case 'quote':
      return answerQuote(context, q);
    case 'who':
      return answerWho(context, q);
    case 'overview':
      return overview(context);
    case 'quoted':
      return answerQuoted(context);
    default: {
      const missing = unknownNames(context, q.text);
      if (missing.length > 0) {
        return nearest(context, `The articles don't mention ${missing.join(' or ')}.`, termGroups(q.text));
      }
      return answerFromPassages(context, q);
    }
  }
}

/** Capitalised words of the question (names, places) that the articles never use. */
function unknownNames(context: AnswerContext, text: string): string[] {
  const out: string[] = [];
  for (const w of words(text).slice(1)) {
    if (!/^\p{Lu}/u.test(w)) continue;
    const term = indexTerm(w);
    if (term && !context.frequency.has(term)) out.push(w);
  }
  return out;
}

const CAUSE = /\b(?:because|due to|so that|in order to|reasons?|caused by|to block|to stop|to protest)\b/i;
const WEAK_CAUSE = /\b(?:since|after|amid|saying|argu\w+|over|following)\b/i;

const WHERE = /^(?:and\s+)?where\b/i;
/** "in Lisbon", "outside city hall": a place phrase, for "where" questions. */
const PLACE =
  /\b(?:in|at|near|outside|inside|across|from|to)\s+(?:the\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)\p{Lu}\p{L}+/u;
const MONEY_QUESTION =
  /\b(?:money|cost|costs|spend|spent|pay|paid|price|dollars?|budget|lose|losses|earn)\b/i;
const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:dollars?|euros?|pounds?|million|billion|trillion)\b/i;

function answerFromPassages(context: AnswerContext, q: ParsedQuestion): AnswerParts {
  const groups = termGroups(q.type === 'count' ? q.text.replace(/\bhow (?:many|much)\b/i, '') : q.text);
  if (groups.length === 0)
    return reply('Ask me something about these articles, for example "who is quoted?".');
  const thing = q.thing ? termGroups(q.thing) : [];
  const weights = groups.map((g) => (thing.some((t) => t.term === g.term) ? 1.5 : 1));
  const filter =
    q.type === 'count'
      ? (r: SentenceRow) => r.hasNumber
      : q.type === 'when'
        ? (r: SentenceRow) => r.hasDate
        : undefined;
  const all = searchSentences(context, groups, { limit: 200, weights });
  // Groups each article covers across its sentences: a "why" answer may name the cause in one
  // sentence of an article that names the event in another.
  const covered = new Map<number, Set<number>>();
  for (const hit of all) {
    const article = context.sentences[hit.id]?.article ?? -1;
    const set = covered.get(article) ?? new Set<number>();
    for (const g of hit.matched) set.add(g);
    covered.set(article, set);
  }
  const filtered = filter ? all.filter((h) => filter(context.sentences[h.id] as SentenceRow)) : all;
  const hits = rerank(context, q, filtered.slice(0, 60), thing, covered);
  const needed = Math.min(2, groups.length <= 2 ? groups.length : Math.ceil(groups.length / 2));
  const best = hits[0];
  const articleCoverage = best ? (covered.get(context.sentences[best.id]?.article ?? -1)?.size ?? 0) : 0;
  const thingCovered =
    !best ||
    thing.length === 0 ||
    thing.some((t) => best.matched.has(groups.findIndex((g) => g.term === t.term)));
  // Counts and dates must match in the sentence itself; other answers may lean on the article.
  const coverage = q.type === 'count' || q.type === 'when' ? (best?.matched.size ?? 0) : articleCoverage;
  if (!best || coverage < needed || !thingCovered) {
    const what = q.type === 'count' ? 'a number for that' : q.type === 'when' ? 'when that happened' : 'that';
    return nearest(context, `The articles don't say ${what}.`, groups, all[0], q.type === 'when');
  }
  const max = q.type === 'count' || q.type === 'when' ? 2 : 3;
  const picked = pickHits(context, hits, max, q.type === 'why' || q.type === 'what' ? 0.75 : 0.85);
  const evidence = picked
    .map((h) => context.sentences[h.id])
    .filter((r): r is SentenceRow => r !== undefined)
    .map((r) => evidenceOf(context, r));
  return {
    found: true,
    lead: q.type === 'when' ? whenLead(context, context.sentences[picked[0]?.id ?? -1]) : null,
    evidence,
    subject: q.subject,
  };
}

/** Boosts sentences that fit the question type: the counted thing beside a number, causes for "why". */
function rerank(
  context: AnswerContext,
  q: ParsedQuestion,
  hits: Hit[],
  thing: TermGroup[],
  covered: Map<number, Set<number>>,
): Hit[] {
  if (hits.length === 0) return hits;
  const scored = hits.map((hit) => {
    const row = context.sentences[hit.id];
    const articleGroups = covered.get(row?.article ?? -1)?.size ?? 0;
    let score = hit.score * (1 + 0.15 * hit.matched.size + 0.05 * articleGroups);
    if (row && q.type === 'count' && thing.length > 0 && countsThing(row.text, thing)) score *= 1.6;
    if (row && q.type === 'why') score *= CAUSE.test(row.text) ? 1.8 : WEAK_CAUSE.test(row.text) ? 1.3 : 1;
    if (row && q.type === 'count' && MONEY_QUESTION.test(q.text) && MONEY.test(row.text)) score *= 1.4;
    if (row && WHERE.test(q.text) && PLACE.test(row.text)) score *= 1.5;
    return { ...hit, score };
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** "About 2,000 officers will remain": a number followed within a few words by the counted thing. */
function countsThing(text: string, thing: TermGroup[]): boolean {
  const tokens = words(text);
  const wanted = new Set(thing.flatMap((t) => [t.term, ...t.alternatives]));
  for (let i = 0; i < tokens.length; i++) {
    if (
      !/^\d/.test(tokens[i] ?? '') &&
      !/^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)$/i.test(
        tokens[i] ?? '',
      )
    )
      continue;
    for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) {
      const term = indexTerm(tokens[j] ?? '');
      if (term && wanted.has(term)) return true;
    }
  }
  return false;
}

/** For "when" questions: the date of the timeline event drawn from the cited sentence, e.g. "Jan 26, 2026." */
function whenLead(context: AnswerContext, row: SentenceRow | undefined): string | null {
  if (!row) return null;
  const info = context.articles[row.article];
  if (!info) return null;
  if (!context.lazy.eventsByArticle) {
    const map = new Map<string, TimelineEvent[]>();
    for (const event of context.digest.timeline) {
      for (const id of event.articles) map.set(id, [...(map.get(id) ?? []), event]);
    }
    context.lazy.eventsByArticle = map;
  }
  const sentence = termSet(row.text);
  let best: { date: string; score: number } | null = null;
  for (const event of context.lazy.eventsByArticle.get(info.article.id) ?? []) {
    const score = overlap(sentence, termSet(event.event));
    if (score > (best?.score ?? 0.5)) best = { date: event.date, score };
  }
  return best ? `${longDate(best.date)}.` : null;
}

/** The digest's TL;DR bullets, each a sentence of an article, as an answer to "what happened?". */
function overview(context: AnswerContext): AnswerParts {
  const evidence = context.digest.tldr.slice(0, 3).flatMap((bullet) => {
    const index = context.byId.get(bullet.articles[0] ?? '');
    const info = index === undefined ? undefined : context.articles[index];
    return info ? [{ article: info.article.id, label: info.label, text: bullet.text }] : [];
  });
  if (evidence.length === 0) return reply('These articles have no summary yet.');
  return {
    found: true,
    lead: context.digest.title ? `${context.digest.title}.`.replace(/([.!?…])\.$/, '$1') : null,
    evidence,
    subject: null,
  };
}

/** Not answerable: say so, and offer the closest fact the articles do hold. */
function nearest(
  context: AnswerContext,
  lead: string,
  groups: TermGroup[],
  best?: Hit,
  dated = false,
): AnswerParts {
  const hit = best ?? (groups.length > 0 ? searchSentences(context, groups, { limit: 1 })[0] : undefined);
  const row = hit ? context.sentences[hit.id] : undefined;
  // For "when" questions the closest passage's date, where the timeline has it, is the useful part.
  const date = dated ? whenLead(context, row)?.replace(/\.$/, '') : null;
  if (row)
    return {
      found: false,
      lead: `${lead} The closest they come${date ? ` (${date})` : ''}:`,
      evidence: [evidenceOf(context, row)],
      subject: null,
    };
  const headline = context.digest.title;
  return {
    found: false,
    lead: headline ? `${lead} They are about: ${headline}` : lead,
    evidence: [],
    subject: null,
  };
}
