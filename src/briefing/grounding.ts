import type { Article, Figure, Quote } from './types.ts';

/**
 * The trust check: every figure and quote must stand verbatim in the article it cites. It runs on every
 * build; what fails is dropped and reported as a warning, never shown.
 */

export interface Grounded<T> {
  kept: T[];
  warnings: string[];
}

/** Whitespace is the only thing normalised: line breaks and joins may differ, characters may not. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export class GroundingIndex {
  private readonly texts = new Map<string, string>();

  constructor(articles: Article[]) {
    for (const a of articles) this.texts.set(a.id, squash(a.raw));
  }

  /** True when `fragment` stands verbatim (up to whitespace) in the article's text. */
  stands(articleId: string, fragment: string): boolean {
    const text = this.texts.get(articleId);
    const needle = squash(fragment);
    return Boolean(text && needle && text.includes(needle));
  }
}

export function groundFigures(figures: Figure[], index: GroundingIndex): Grounded<Figure> {
  const kept: Figure[] = [];
  const warnings: string[] = [];
  for (const figure of figures) {
    const articles = figure.articles.filter((id) => index.stands(id, figure.value));
    const [first] = articles;
    const sentenceOk =
      first !== undefined && figure.text.includes(figure.value) && index.stands(first, figure.text);
    if (!sentenceOk) {
      warnings.push(
        `Dropped figure "${figure.value}" (${figure.counts}): not found verbatim in ${figure.articles.join(', ')}`,
      );
      continue;
    }
    kept.push(articles.length === figure.articles.length ? figure : { ...figure, articles });
  }
  return { kept, warnings };
}

/**
 * `parts` splits a quote into the verbatim pieces it was joined from (a multi-paragraph quote is
 * joined with spaces; each paragraph must stand on its own).
 */
export function groundQuotes(
  quotes: Quote[],
  index: GroundingIndex,
  parts: (quote: Quote) => string[] = (q) => [q.text],
): Grounded<Quote> {
  const kept: Quote[] = [];
  const warnings: string[] = [];
  for (const quote of quotes) {
    const pieces = parts(quote);
    if (pieces.length > 0 && pieces.every((p) => index.stands(quote.article, p))) kept.push(quote);
    else warnings.push(`Dropped quote "${preview(quote.text)}": not found verbatim in ${quote.article}`);
  }
  return { kept, warnings };
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
