import { type DateMention, findDates } from './dates.ts';
import { roughSentences } from './rough-sentences.ts';
import type { Article, TimelineEvent } from './types.ts';

/** Cheap pre-filter: paragraphs without a month, weekday, ISO date or relative day word hold no dated event. */
const DATE_HINT =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)|\d{4}-\d\d-\d\d|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|this (?:morning|afternoon|evening)|[Ll]ast week|ago)\b/;
const MAX_EVENT_WORDS = 25;
/** Events kept per article and day: the day's main sentences, not every "he said Wednesday". */
const PER_ARTICLE_DAY = 3;
/** Newswire boilerplate that carries a date but is not an event of the story. */
const BOILERPLATE =
  /\b(?:did not|didn't|have not|has not) (?:immediately )?(?:respond|return)|request for comment|declined to comment/i;
const ATTRIBUTION = /\b(?:said|says|told|added|wrote|posted|continued)\s+(?:on\s+)?$/i;

interface Candidate {
  date: string;
  event: string;
  article: string;
  rank: number;
  order: number;
}

/** Dated events across the articles, oldest first; near-identical events of one day are merged. */
export function extractTimeline(articles: Article[]): TimelineEvent[] {
  const candidates: Candidate[] = [];
  let order = 0;
  for (const article of articles) {
    const perDay = new Map<string, Candidate[]>();
    article.paragraphs.forEach((paragraph, index) => {
      if (!DATE_HINT.test(paragraph) || findDates(paragraph, article.date).length === 0) return;
      for (const sentence of roughSentences(paragraph)) {
        for (const candidate of sentenceEvents(sentence, article, index)) {
          candidate.order = order++;
          const list = perDay.get(candidate.date) ?? [];
          list.push(candidate);
          perDay.set(candidate.date, list);
        }
      }
    });
    for (const list of perDay.values()) {
      candidates.push(...list.sort((a, b) => b.rank - a.rank).slice(0, PER_ARTICLE_DAY));
    }
  }
  return mergeEvents(candidates);
}

/** The events of one sentence: one per distinct day it names. */
function sentenceEvents(raw: string, article: Article, paragraph: number): Candidate[] {
  const sentence = raw.replace(/^\s*[-*•]\s+/, '').trim();
  if (BOILERPLATE.test(sentence)) return [];
  const mentions = findDates(sentence, article.date);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const mention of mentions) {
    if (seen.has(mention.date)) continue;
    seen.add(mention.date);
    const event = eventText(sentence, mention);
    if (!event) continue;
    let rank = -paragraph * 0.1;
    if (/^["“‘']/.test(sentence)) rank -= 3;
    if (ATTRIBUTION.test(sentence.slice(0, mention.start))) rank -= 1;
    if (mention.start === 0) rank += 2;
    out.push({ date: mention.date, event, article: article.id, rank, order: 0 });
  }
  return out;
}

/** "January 12, 2026: First fatal shooting" → the text after the date; otherwise the sentence, trimmed. */
function eventText(sentence: string, mention: DateMention): string {
  const after = sentence.slice(mention.end);
  const labelled = /^\s*[:–—-]\s*(\S.*)$/s.exec(after);
  if (mention.start <= 1 && labelled?.[1]) return trimWords(labelled[1], 0);
  const clauses = sentence.split(/(?<=;)\s+/);
  let offset = 0;
  for (const clause of clauses) {
    if (mention.start < offset + clause.length) return trimWords(clause, mention.start - offset);
    offset += clause.length + 1;
  }
  return trimWords(sentence, mention.start);
}

/** At most MAX_EVENT_WORDS words, keeping the date's words, cut at a clause boundary where possible. */
function trimWords(text: string, dateAt: number): string {
  const clean = text.trim().replace(/;$/, '');
  const words = clean.split(/\s+/);
  if (words.length <= MAX_EVENT_WORDS) return clean;
  const dateWord = clean.slice(0, dateAt).split(/\s+/).length - 1;
  // A date in a short closing clause ("…, Reyes said Wednesday."): keep the sentence's start and that clause.
  const lastBreak = Math.max(clean.lastIndexOf(', ', dateAt), clean.lastIndexOf(' — ', dateAt));
  const closing = lastBreak > 0 ? clean.slice(lastBreak + 2).trim() : '';
  const closingWords = closing.split(/\s+/).length;
  if (dateWord >= MAX_EVENT_WORDS - 3 && closing && closingWords <= 8) {
    const head = words.slice(0, MAX_EVENT_WORDS - closingWords).join(' ');
    return `${head.replace(/[,;:—–-]+$/, '')} … ${closing}`;
  }
  let start = 0;
  if (dateWord >= MAX_EVENT_WORDS - 3) start = Math.max(0, dateWord - Math.floor(MAX_EVENT_WORDS / 2));
  let end = Math.min(words.length, start + MAX_EVENT_WORDS);
  // Prefer ending at a comma or dash after the date, if that keeps a reasonable length.
  for (let i = end - 1; i > Math.max(dateWord + 1, start + 10); i--) {
    if (/[,—–]$/.test(words[i] ?? '') || words[i + 1] === '—') {
      end = i + 1;
      break;
    }
  }
  const body = words
    .slice(start, end)
    .join(' ')
    .replace(/[,;:—–-]+$/, '');
  return `${start > 0 ? '… ' : ''}${body}${end < words.length ? ' …' : ''}`;
}

function contentKey(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2);
}

function similar(a: string[], b: string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  let common = 0;
  for (const w of setA) if (setB.has(w)) common++;
  return common / (setA.size + setB.size - common || 1) >= 0.6;
}

/** Bounds the fuzzy comparison within one day, so a large set stays near-linear. */
const MAX_COMPARED_PER_DAY = 40;

function mergeEvents(candidates: Candidate[]): TimelineEvent[] {
  const byDay = new Map<string, { event: TimelineEvent; words: string[]; order: number }[]>();
  for (const c of candidates.sort((a, b) => a.order - b.order)) {
    const day = byDay.get(c.date) ?? [];
    byDay.set(c.date, day);
    const words = contentKey(c.event);
    const match = day.slice(0, MAX_COMPARED_PER_DAY).find((e) => similar(e.words, words));
    if (match) {
      if (!match.event.articles.includes(c.article)) match.event.articles.push(c.article);
      continue;
    }
    day.push({ event: { date: c.date, event: c.event, articles: [c.article] }, words, order: c.order });
  }
  return [...byDay.keys()].sort().flatMap((date) => (byDay.get(date) ?? []).map((e) => e.event));
}
