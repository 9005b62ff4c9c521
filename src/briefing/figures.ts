import { type NumberMention, numberMentions } from './figure-phrase.ts';
import { PEOPLE_HEADS } from './figure-values.ts';
import { type AnalysedSentence, analyse } from './nlp.ts';
import { roughSentences } from './rough-sentences.ts';
import type { Article, Figure } from './types.ts';

/** One figure as found in one article, before merging across outlets. */
export interface FigureCandidate extends NumberMention {
  article: string;
  outlet: string;
  text: string;
  score: number;
}

/** Analyses one paragraph; injectable so a caller that already ran wink-nlp can share its pass. */
export type ParagraphAnalyser = (paragraph: string, index: number) => AnalysedSentence[];

/** The default: wink-nlp only on the sentences that may hold a number (most sentences hold none). */
function analyseNumberSentences(paragraph: string): AnalysedSentence[] {
  const out: AnalysedSentence[] = [];
  for (const piece of roughSentences(paragraph)) {
    if (MAY_HOLD_NUMBER.test(piece)) out.push(...analyse(piece));
  }
  return out;
}

/** Cheap pre-filter: only paragraphs with a digit or a number word are worth an NLP pass. */
const MAY_HOLD_NUMBER =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half)\b/i;

/** Every number with what it counts across the articles, merged across outlets, best first. */
export function extractFigures(articles: Article[]): Figure[] {
  const candidates: FigureCandidate[] = [];
  for (const article of articles) candidates.push(...articleFigures(article));
  return mergeFigures(candidates);
}

/** The figure candidates of one article, scored by how key they are. */
export function articleFigures(
  article: Article,
  analyser: ParagraphAnalyser = analyseNumberSentences,
): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  const titleNumbers = new Set(
    (article.title.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/,/g, '').replace(/\.$/, '')),
  );
  const outlet = (article.outlet ?? article.id).toLowerCase();
  article.paragraphs.forEach((paragraph, index) => {
    if (!MAY_HOLD_NUMBER.test(paragraph)) return;
    for (const sentence of analyser(paragraph, index)) {
      if (sentence.entities.length === 0 && !sentence.tokens.some((t) => t.pos === 'NUM')) continue;
      const text = sentence.text.replace(/^\s*[-*•]\s+/, '').trim();
      for (const mention of numberMentions(sentence)) {
        const inTitle = mention.amount !== null && titleNumbers.has(String(mention.amount));
        out.push({
          ...mention,
          article: article.id,
          outlet,
          text,
          score: scoreMention(mention, index, inTitle),
        });
      }
    }
  });
  return out;
}

/** How key a figure is in its article: lead position, a counted noun, change words, magnitude. */
function scoreMention(m: NumberMention, paragraph: number, inTitle: boolean): number {
  let score = 1;
  score +=
    paragraph === 0
      ? 3
      : paragraph === 1
        ? 2.5
        : paragraph <= 3
          ? 2 - (paragraph - 2) * 0.5
          : Math.max(0, 1 - paragraph / 25);
  if (inTitle) score += 3;
  if (m.hasNoun) score += 2;
  if (PEOPLE_HEADS.has(m.head)) score += 1;
  if (m.kind === 'percent' || m.kind === 'money') score += 1;
  // A length of time as an adjective ("a two-year row") describes the noun: rarely a key figure.
  if (m.kind === 'duration') score -= /-/.test(m.value) ? 4 : 1;
  score += m.amount !== null && /\d/.test(m.value) ? Math.min(2, Math.log10(Math.max(1, m.amount)) / 2) : -3;
  if (m.changeWord) score += 1.5;
  if (m.quoted) score -= 0.5;
  return Math.round(score * 100) / 100;
}

interface Group {
  best: FigureCandidate;
  articles: string[];
  outlets: Set<string>;
  mentions: number;
}

/**
 * Merges the same figure (same value, same counted noun) across articles with a hash map, then ranks.
 * Different values for the same noun stay separate and are placed next to each other, never combined.
 */
export function mergeFigures(candidates: FigureCandidate[]): Figure[] {
  const groups = new Map<string, Group>();
  for (const c of candidates) {
    const key = `${c.normValue}|${c.kind}|${c.head || c.counts.toLowerCase()}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { best: c, articles: [c.article], outlets: new Set([c.outlet]), mentions: 1 });
      continue;
    }
    group.mentions++;
    group.outlets.add(c.outlet);
    if (!group.articles.includes(c.article)) group.articles.push(c.article);
    if (c.score > group.best.score) group.best = c;
  }
  const figures = [...groups.values()].map((g) => {
    const score = g.best.score + 2 * (g.outlets.size - 1) + 0.5 * Math.min(3, g.mentions - g.outlets.size);
    const figure: Figure = {
      value: g.best.value,
      counts: g.best.counts,
      text: g.best.text,
      articles: g.articles,
      score: Math.round(score * 100) / 100,
      outlets: g.outlets.size,
    };
    return {
      figure,
      thing: g.best.head ? `${g.best.kind}|${g.best.head}` : `#${g.best.normValue}|${g.best.counts}`,
    };
  });
  return sideBySide(figures);
}

/** How many same-noun figures are looked at next to each leader (bounds the work on large sets). */
const MAX_SIDE_BY_SIDE = 50;

/**
 * Best first, but a figure counting the same thing as a better one (same noun, comparable weight or a
 * shared predicate word: "700 officers withdrawn" / "2,000 officers remain") is placed right after it.
 */
function sideBySide(figures: { figure: Figure; thing: string }[]): Figure[] {
  const sorted = [...figures].sort((x, y) => y.figure.score - x.figure.score);
  const byThing = new Map<string, { figure: Figure; thing: string }[]>();
  for (const entry of sorted) {
    const list = byThing.get(entry.thing);
    if (list) list.push(entry);
    else byThing.set(entry.thing, [entry]);
  }
  const placed = new Set<Figure>();
  const out: Figure[] = [];
  for (const { figure, thing } of sorted) {
    if (placed.has(figure)) continue;
    placed.add(figure);
    out.push(figure);
    const words = predicateWords(figure.counts);
    for (const other of (byThing.get(thing) ?? []).slice(0, MAX_SIDE_BY_SIDE)) {
      if (placed.has(other.figure)) continue;
      const shares = [...predicateWords(other.figure.counts)].some((w) => words.has(w));
      if (other.figure.score < figure.score * 0.5 && !shares) continue;
      placed.add(other.figure);
      out.push(other.figure);
    }
  }
  return out;
}

const WEAK_WORDS = new Set([
  'will',
  'would',
  'were',
  'have',
  'been',
  'being',
  'their',
  'there',
  'with',
  'from',
  'that',
  'this',
]);

function predicateWords(counts: string): Set<string> {
  return new Set(
    counts
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 3 && !WEAK_WORDS.has(w)),
  );
}
