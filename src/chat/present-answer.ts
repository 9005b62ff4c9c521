import type { Answer } from '../briefing/answer.ts';
import type { ArticleRef } from '../briefing/types.ts';
import type { Reply, ReplySection } from './reply.ts';
import { SourceRefs } from './source-refs.ts';

/** Turns an answer into a reply: the lead line, then the cited sentences or quotes with their sources. */
export function presentAnswer(
  question: string,
  answer: Answer,
  articles: ArticleRef[],
  options: { set?: string } = {},
): Reply {
  const refs = new SourceRefs(articles);
  const sections: ReplySection[] = [];
  const lead = answer.lead ?? (answer.citations.length === 0 ? answer.text : undefined);
  if (lead) sections.push({ type: 'text', text: lead });
  const quotes = answer.citations.filter((c) => c.speaker);
  const sentences = answer.citations.filter((c) => !c.speaker);
  const heading = answer.found ? undefined : 'Closest related';
  if (quotes.length > 0) {
    sections.push({
      type: 'quotes',
      ...(heading ? { heading } : {}),
      items: quotes.map((c) => ({
        text: c.text,
        speaker: c.speaker ?? null,
        role: null,
        source: refs.one(c.article),
      })),
    });
  }
  if (sentences.length > 0) {
    sections.push({
      type: 'citations',
      ...(heading ? { heading } : {}),
      items: sentences.map((c) => ({ text: c.text, source: refs.one(c.article) })),
    });
  }
  const reply: Reply = {
    kind: 'answer',
    visibility: 'public',
    title: truncate(question.trim(), 150) || 'Answer',
    sections,
    text: answer.text,
  };
  if (options.set)
    reply.footer = `Answered from ${options.set} · ${answer.found ? 'cited' : 'not in the articles'}`;
  return reply;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
