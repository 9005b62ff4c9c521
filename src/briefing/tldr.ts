import { oneLine, shortenClause } from './headline-text.ts';
import { type AnalysedSentence, analyseArticle } from './nlp.ts';
import type { Article, TldrBullet } from './types.ts';

/**
 * Headline and TL;DR by cross-article centrality: candidate sentences are pre-selected per article
 * (lead position), scored against the TF-IDF centroid of all candidates, then picked with MMR so
 * bullets do not repeat each other. Cost grows linearly with the number of articles.
 */

const CANDIDATES_PER_ARTICLE = 6;
/** MMR and citation matching run on the best candidates only, keeping the cost bounded. */
const POOL = 80;
const MAX_BULLETS = 5;
const MIN_BULLETS = 3;
const WORD_BUDGET = 130;
const MMR_LAMBDA = 0.65;
const CITE_SIMILARITY = 0.32;
/** Above this, a candidate says what a picked bullet already says (it is cited there instead). */
const REPEAT_SIMILARITY = 0.45;

type Vector = Map<string, number>;

interface Candidate {
  article: Article;
  text: string;
  terms: string[];
  words: number;
  position: number;
  vector: Vector;
  score: number;
  /** Numbers in the sentence ("40,000", "31"): two sentences sharing one usually report the same fact. */
  numbers: Set<string>;
}

export interface Summary {
  headline: string;
  tldr: TldrBullet[];
}

export function summarise(articles: Article[]): Summary {
  const candidates = articles.flatMap(candidatesOf);
  if (candidates.length === 0) {
    return { headline: articles[0]?.title ?? 'Briefing', tldr: [] };
  }
  const idf = inverseDocumentFrequency(candidates, articles.length);
  for (const c of candidates) c.vector = tfidf(c.terms, idf);
  const support = crossArticleSupport(candidates);
  const newest = latestDate(articles);
  for (const c of candidates) {
    const positionPrior = 1 / (1 + 0.3 * c.position);
    const recencyPrior = recency(c.article.date, newest);
    const lengthPrior = c.words > 40 ? 0.7 : c.words > 30 ? 0.85 : c.words < 10 ? 0.8 : 1;
    c.score = support(c) * positionPrior * lengthPrior * recencyPrior;
  }
  const pool = candidates.sort((a, b) => b.score - a.score).slice(0, POOL);
  const picked = pickWithMmr(pool);
  const tldr = picked.map((c) => ({ text: c.text, articles: citingArticles(c, pool) }));
  return { headline: chooseHeadline(articles, picked, tldr[0]?.articles ?? []), tldr };
}

function candidatesOf(article: Article): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of analyseArticle(article)) {
    if (out.length >= CANDIDATES_PER_ARTICLE) break;
    const text = bulletText(sentence.text);
    if (!text) continue;
    const words = text.split(/\s+/).length;
    if (words < 8 || words > 55) continue;
    out.push({
      article,
      text,
      terms: termsOf(sentence),
      words,
      position: out.length,
      vector: new Map(),
      score: 0,
      numbers: new Set((text.match(/\d[\d,.]*\d|\d{2,}/g) ?? []).filter((n) => !/^(?:19|20)\d\d$/.test(n))),
    });
  }
  return out;
}

/** A sentence fit to stand alone as a bullet, with list markers and "Label:" lead-ins removed; null if not. */
function bulletText(sentence: string): string | null {
  let text = sentence.trim().replace(/^(?:[*•-]|\d{1,2}[.)])\s+/, '');
  const label = /^[A-Z][\w']*(?:\s+[\w']+){0,3}:\s+/.exec(text);
  if (label) text = text.slice(label[0].length);
  if (/^["“‘'(]/.test(text) || quotedShare(text) > 0.4) return null; // quotes belong in the quotes section
  if (/\?["”’']?$/.test(text) || /:$/.test(text)) return null;
  if (!/[.!]["”’']?$/.test(text)) return null;
  // Opening with a pronoun or connective leaves the reader asking "who?" or "despite what?".
  if (/^(?:he|she|they|it|this|that|these|those|but|and|however|despite|since then)\b/i.test(text))
    return null;
  return text;
}

/** The share of a sentence's characters that stand inside double quote marks. */
function quotedShare(text: string): number {
  let quoted = 0;
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"/g)) quoted += m[0].length;
  return quoted / Math.max(1, text.length);
}

function termsOf(sentence: AnalysedSentence): string[] {
  return sentence.tokens
    .filter((t) => !t.stop && (t.type === 'word' || t.type === 'number') && t.norm.length > 1)
    .map((t) => t.norm);
}

function inverseDocumentFrequency(candidates: Candidate[], articleCount: number): Map<string, number> {
  const df = new Map<string, number>();
  const seenIn = new Map<string, Article>();
  for (const c of candidates) {
    for (const term of new Set(c.terms)) {
      if (seenIn.get(term) === c.article) continue;
      seenIn.set(term, c.article);
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [term, n] of df) idf.set(term, Math.log(1 + articleCount / n));
  return idf;
}

function tfidf(terms: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + (idf.get(t) ?? 1));
  return normalise(v);
}

/**
 * How central a candidate is to what the OTHER articles say: cosine with the centroid of every
 * candidate minus its own article's, so an article cannot vote for itself. One article: plain centroid.
 */
function crossArticleSupport(candidates: Candidate[]): (c: Candidate) => number {
  const total = sumVectors(candidates.map((c) => c.vector));
  const own = new Map<Article, Vector>();
  for (const c of candidates) {
    const v = own.get(c.article);
    if (v) for (const [k, x] of c.vector) v.set(k, (v.get(k) ?? 0) + x);
    else own.set(c.article, new Map(c.vector));
  }
  if (own.size < 2) {
    const centroid = normalise(total);
    return (c) => cosine(c.vector, centroid);
  }
  const totalSq = dot(total, total);
  const othersNorm = new Map<Article, number>();
  for (const [article, v] of own) {
    othersNorm.set(article, Math.sqrt(Math.max(1e-9, totalSq - 2 * dot(total, v) + dot(v, v))));
  }
  return (c) => {
    const mine = own.get(c.article) ?? new Map();
    return (dot(c.vector, total) - dot(c.vector, mine)) / (othersNorm.get(c.article) ?? 1);
  };
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) sum += x * (large.get(k) ?? 0);
  return sum;
}

function sumVectors(vectors: Vector[]): Vector {
  const sum: Vector = new Map();
  for (const v of vectors) for (const [k, x] of v) sum.set(k, (sum.get(k) ?? 0) + x);
  return sum;
}

function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, x / norm);
  return out;
}

/** Cosine of two unit vectors. */
function cosine(a: Vector, b: Vector): number {
  return dot(a, b);
}

function pickWithMmr(pool: Candidate[]): Candidate[] {
  const picked: Candidate[] = [];
  let words = 0;
  const remaining = [...pool];
  while (picked.length < MAX_BULLETS && remaining.length > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, i) => {
      const redundancy = Math.max(0, ...picked.map((p) => cosine(p.vector, c.vector)));
      const sameArticle = picked.some((p) => p.article === c.article) ? 0.05 : 0;
      const value = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy - sameArticle;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    const [choice] = remaining.splice(best, 1);
    if (!choice) break;
    const tooSimilar = picked.some((p) => repeats(p, choice));
    if (tooSimilar) continue;
    if (picked.length >= MIN_BULLETS && words + choice.words > WORD_BUDGET) break;
    picked.push(choice);
    words += choice.words;
  }
  return picked;
}

/**
 * Says the same as an already picked bullet: close wording, or a shared number (not a year) with any
 * shared word: outlets reword a fact but keep its number.
 */
function repeats(a: Candidate, b: Candidate): boolean {
  const similarity = cosine(a.vector, b.vector);
  if (similarity > REPEAT_SIMILARITY) return true;
  for (const n of a.numbers) if (b.numbers.has(n) && similarity > 0.05) return true;
  return false;
}

/** The bullet's own article, then others that report the same thing (most similar first). */
function citingArticles(bullet: Candidate, pool: Candidate[]): string[] {
  const ids = [bullet.article.id];
  const similar = pool
    .filter(
      (c) =>
        c.article !== bullet.article &&
        (cosine(c.vector, bullet.vector) >= CITE_SIMILARITY || repeats(c, bullet)),
    )
    .sort((a, b) => cosine(b.vector, bullet.vector) - cosine(a.vector, bullet.vector));
  for (const c of similar) if (!ids.includes(c.article.id)) ids.push(c.article.id);
  return ids.slice(0, 4);
}

/** The newest development leads: articles from the last days of the set weigh a little more. */
function recency(date: string | null, newest: number | null): number {
  if (!date || newest === null) return 1;
  const ageDays = (newest - Date.parse(date)) / 86_400_000;
  return 1 + 0.5 * Math.max(0, 1 - ageDays / 30);
}

function latestDate(articles: Article[]): number | null {
  const times = articles
    .map((a) => (a.date ? Date.parse(a.date) : Number.NaN))
    .filter((t) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : null;
}

/**
 * The headline comes from the articles behind the strongest bullet: the first editor-written title among
 * them, or, when none has one, that bullet cut at a clause boundary.
 */
function chooseHeadline(articles: Article[], picked: Candidate[], leadArticles: string[]): string {
  const lead = picked[0];
  if (!lead) return oneLine(articles[0]?.title ?? 'Briefing');
  const titled = leadArticles
    .map((id) => articles.find((a) => a.id === id))
    .find((a): a is Article => a !== undefined && !titleFromBody(a));
  if (titled) return oneLine(titled.title);
  return oneLine(shortenClause(lead.text));
}

function titleFromBody(article: Article): boolean {
  const start = (article.paragraphs[0] ?? '').slice(0, 60);
  return article.title.endsWith('…') || start.startsWith(article.title.slice(0, 60));
}
