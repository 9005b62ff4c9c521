import { answer, createAnswerContext } from '../src/briefing/answer.ts';
import { buildDigest } from '../src/briefing/build-digest.ts';
import { parseArticle } from '../src/briefing/parse-article.ts';
import type { Article } from '../src/briefing/types.ts';
import { generateArticles, seededRandom } from './generate-articles.ts';

/** Answer latency after the index is built, over questions of every type the bot answers. */
const size = Number(process.argv[2] ?? 1000);
const articles: Article[] = [];
for (const source of generateArticles(size)) {
  const parsed = parseArticle(source);
  if (parsed.ok) articles.push(parsed.article);
}
const digest = buildDigest(articles, { now: new Date('2026-06-01T07:00:00Z') });

const indexStart = performance.now();
const context = createAnswerContext(articles, digest);
const indexSeconds = (performance.now() - indexStart) / 1000;

const rand = seededRandom(7);
const names = digest.quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])).slice(0, 50);
const templates = [
  () => 'how many workers were affected?',
  () => 'how much is the repair budget?',
  () => `what did ${names[Math.floor(rand() * names.length)] ?? 'the mayor'} say?`,
  () => `who is ${names[Math.floor(rand() * names.length)] ?? 'the mayor'}?`,
  () => 'when did the transit strike begin?',
  () => 'why did residents gather outside city hall?',
  () => 'what happened to the flights?',
  () => 'what is the capital of France?',
];
const timings: number[] = [];
for (let i = 0; i < 200; i++) {
  const question = (templates[i % templates.length] as () => string)();
  const start = performance.now();
  answer(question, context);
  timings.push(performance.now() - start);
}
timings.sort((a, b) => a - b);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    size,
    indexSeconds,
    questions: timings.length,
    p50: at(0.5),
    p95: at(0.95),
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
