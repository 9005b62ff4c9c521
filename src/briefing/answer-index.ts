import MiniSearch from 'minisearch';
import { indexTerm, type TermGroup, termSet, words } from './answer-terms.ts';
import { type ArticleSentence, analyseArticle } from './nlp.ts';
import { sourceLabel } from './source-label.ts';
import type { Article, Digest, Quote, TimelineEvent } from './types.ts';

/** One indexed sentence; `text` is display-ready (list markers removed). */
export interface SentenceRow {
  /** Position in AnswerContext.sentences; an article's sentences are contiguous and in order. */
  id: number;
  article: number;
  /** Index into analyseArticle(article). */
  sentence: number;
  text: string;
  hasNumber: boolean;
  hasDate: boolean;
}

export interface ArticleInfo {
  article: Article;
  label: string;
}

/** Everything `answer` needs, built once per digest: linear in the corpus, nothing re-tokenised per question. */
export interface AnswerContext {
  articles: ArticleInfo[];
  byId: Map<string, number>;
  digest: Digest;
  sentences: SentenceRow[];
  search: MiniSearch<{ id: number; text: string }>;
  /** How often each index term occurs in the corpus (collection frequency). */
  frequency: Map<string, number>;
  /** Digest quotes by the lower-cased last word of their speaker. */
  quotesBySurname: Map<string, Quote[]>;
  /** Lookups built on first use by the questions that need them. */
  lazy: { eventsByArticle?: Map<string, TimelineEvent[]>; quoteTerms?: Map<Quote, Set<string>> };
}

const LIST_MARKER = /^\s*(?:[*•-]|\d+[.)])\s+/;

/** Builds the sentence index over the articles' paragraphs, plus lookups over the digest's quotes. */
export function createAnswerContext(articles: Article[], digest: Digest): AnswerContext {
  const frequency = new Map<string, number>();
  const search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    idField: 'id',
    tokenize: words,
    processTerm: (token) => {
      const term = indexTerm(token);
      if (term) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      return term;
    },
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  const infos: ArticleInfo[] = [];
  const byId = new Map<string, number>();
  const sentences: SentenceRow[] = [];
  const docs: { id: number; text: string }[] = [];
  articles.forEach((article, a) => {
    infos.push({ article, label: sourceLabel(article) });
    byId.set(article.id, a);
    analyseArticle(article).forEach((s, i) => {
      const text = s.text.replace(LIST_MARKER, '').trim();
      if (text.length < 3) return;
      docs.push({ id: sentences.length, text });
      sentences.push({
        id: sentences.length,
        article: a,
        sentence: i,
        text,
        hasNumber: hasNumber(s),
        hasDate: hasDate(s),
      });
    });
  });
  search.addAll(docs);
  const quotesBySurname = new Map<string, Quote[]>();
  for (const quote of digest.quotes) {
    const surname = quote.speaker ? lastWord(quote.speaker) : null;
    if (!surname) continue;
    const list = quotesBySurname.get(surname) ?? [];
    list.push(quote);
    quotesBySurname.set(surname, list);
  }
  return { articles: infos, byId, digest, sentences, search, frequency, quotesBySurname, lazy: {} };
}

export function lastWord(name: string): string | null {
  const parts = name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .match(/[\p{L}\p{N}'’-]+/gu);
  return parts?.[parts.length - 1] ?? null;
}

function hasNumber(s: ArticleSentence): boolean {
  return s.tokens.some((t) => t.type === 'number' && !/^(?:19|20)\d\d$/.test(t.text));
}

const MONTH_OR_DAY =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b|\b\d{4}-\d\d-\d\d\b/;

function hasDate(s: ArticleSentence): boolean {
  return s.entities.some((e) => e.type === 'DATE') || MONTH_OR_DAY.test(s.text);
}

export interface Hit {
  id: number;
  score: number;
  /** Indexes of the question's term groups this sentence contains. */
  matched: Set<number>;
}

/** Share of the corpus above which a term is too common to help ranking (when other terms remain). */
const COMMON_SHARE = 0.2;
const MIN_SENTENCES_TO_PRUNE = 2000;
const POSTINGS_BUDGET = 12_000;
const ALTERNATIVE_WEIGHT = 0.7;

/** BM25 over sentences for a question's term groups (each term with its synonyms, weighted lower). */
export function searchSentences(
  context: AnswerContext,
  groups: TermGroup[],
  options: { limit?: number; filter?: (row: SentenceRow) => boolean; weights?: number[] } = {},
): Hit[] {
  const total = Math.max(1, context.sentences.length);
  const weight = new Map<string, number>();
  groups.forEach((g, i) => {
    const base = options.weights?.[i] ?? 1;
    for (const [term, w] of [
      [g.term, base] as const,
      ...g.alternatives.map((a) => [a, base * ALTERNATIVE_WEIGHT] as const),
    ]) {
      if (!context.frequency.has(term)) continue;
      weight.set(term, Math.max(weight.get(term) ?? 0, w));
    }
  });
  let terms = [...weight.keys()];
  // Only large corpora: in a handful of articles the story's main word is common and still matters.
  const rare = terms.filter((t) => (context.frequency.get(t) ?? 0) / total < COMMON_SHARE);
  if (rare.length > 0 && total >= MIN_SENTENCES_TO_PRUNE) terms = rare;
  terms = withinBudget(context, terms, weight);
  if (terms.length === 0) return [];
  const results = context.search.search(terms.join(' '), {
    combineWith: 'OR',
    boostTerm: (term) => weight.get(term) ?? 1,
  });
  const hits: Hit[] = [];
  const limit = options.limit ?? 50;
  for (const r of results) {
    const row = context.sentences[r.id as number];
    if (!row || (options.filter && !options.filter(row))) continue;
    // Coverage is checked against every group, including terms left out of the search for speed.
    const terms = termSet(row.text);
    const matched = new Set<number>();
    groups.forEach((g, i) => {
      if (terms.has(g.term) || g.alternatives.some((a) => terms.has(a))) matched.add(i);
    });
    hits.push({ id: r.id as number, score: r.score, matched });
    if (hits.length >= limit) break;
  }
  return hits;
}

/**
 * Keeps the question's postings under a budget by dropping the most common terms first (synonyms
 * before the user's own words): rare terms carry nearly all of BM25's signal, and the search cost
 * grows with every posting, so a question stays fast on any corpus size.
 */
function withinBudget(context: AnswerContext, terms: string[], weight: Map<string, number>): string[] {
  const cost = (t: string) => context.frequency.get(t) ?? 0;
  const sorted = [...terms].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || cost(a) - cost(b));
  const kept: string[] = [];
  let spent = 0;
  for (const term of sorted) {
    if (kept.length > 0 && spent + cost(term) > POSTINGS_BUDGET) continue;
    kept.push(term);
    spent += cost(term);
  }
  return kept;
}

/** The sentence's analysis (tokens, POS, entities), shared with the digest's NLP pass. */
export function analysed(context: AnswerContext, row: SentenceRow): ArticleSentence | undefined {
  const info = context.articles[row.article];
  return info ? analyseArticle(info.article)[row.sentence] : undefined;
}
