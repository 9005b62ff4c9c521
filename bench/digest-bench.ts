import { buildDigest } from '../src/briefing/build-digest.ts';
import { parseArticle } from '../src/briefing/parse-article.ts';
import type { Article } from '../src/briefing/types.ts';
import { generateArticles } from './generate-articles.ts';

/** One size per process, so peak memory (max RSS) belongs to that size alone. */
const size = Number(process.argv[2] ?? 100);
const sources = generateArticles(size);
const start = performance.now();
const articles: Article[] = [];
for (const source of sources) {
  const parsed = parseArticle(source);
  if (parsed.ok) articles.push(parsed.article);
}
const digest = buildDigest(articles, { now: new Date('2026-06-01T07:00:00Z') });
const seconds = (performance.now() - start) / 1000;
process.stdout.write(
  `${JSON.stringify({
    size,
    seconds,
    articlesPerSecond: size / seconds,
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
    figures: digest.figures.length,
    quotes: digest.quotes.length,
    timeline: digest.timeline.length,
  })}\n`,
);
