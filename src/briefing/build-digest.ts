import { extractFigures } from './figures.ts';
import { GroundingIndex, groundFigures, groundQuotes } from './grounding.ts';
import { dedupeQuotes, extractQuotes, quoteParts, unifySpeakers } from './quotes.ts';
import { extractTimeline } from './timeline.ts';
import { summarise } from './tldr.ts';
import type { Article, ArticleRef, Digest } from './types.ts';

export interface BuildOptions {
  /** The build time stamped on the digest (injected for reproducible output). */
  now?: Date;
  /** Warnings from loading the set (skipped files), carried into the digest. */
  warnings?: string[];
  /** Called with (done, total) while articles are processed; for progress on large sets. */
  onProgress?: (done: number, total: number) => void;
}

/** Builds the grounded digest of an article set. Pure: the same articles give the same digest. */
export function buildDigest(articles: Article[], options: BuildOptions = {}): Digest {
  const total = articles.length;
  const quotes = [];
  for (let i = 0; i < total; i++) {
    const article = articles[i] as Article;
    quotes.push(...extractQuotes(article));
    if (options.onProgress && (i + 1) % 100 === 0) options.onProgress(i + 1, total);
  }
  const { headline, tldr } = summarise(articles);
  const index = new GroundingIndex(articles);
  const figures = groundFigures(extractFigures(articles), index);
  const grounded = groundQuotes(quotes, index, quoteParts);
  options.onProgress?.(total, total);
  return {
    title: headline,
    generatedAt: (options.now ?? new Date()).toISOString(),
    articles: articles.map(articleRef),
    tldr,
    figures: figures.kept,
    quotes: dedupeQuotes(unifySpeakers(grounded.kept)).sort((a, b) => b.score - a.score),
    timeline: extractTimeline(articles),
    warnings: [...(options.warnings ?? []), ...figures.warnings, ...grounded.warnings],
  };
}

export function articleRef(article: Article): ArticleRef {
  const { id, title, outlet, url, date, file } = article;
  return { id, title, outlet, url, date, file };
}
