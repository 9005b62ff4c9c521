import type { AnswerContext, Hit, SentenceRow } from './answer-index.ts';
import { termSet } from './answer-terms.ts';

export { termSet };

/** One cited sentence (or quote) of an answer. */
export interface Evidence {
  article: string;
  label: string;
  text: string;
  /** Set when `text` is a quote of this person: shown as `Name: “text”`. */
  speaker?: string;
}

export interface AnswerParts {
  found: boolean;
  /** An unquoted lead line built from the evidence ("Ana Reyes: border czar."), or null. */
  lead: string | null;
  evidence: Evidence[];
  subject: string | null;
}

const MAX_WORDS = 60;

/** Long sentences are trimmed at a word boundary with an ellipsis: "lightly trimmed", never rewritten. */
export function trimSentence(text: string): string {
  const parts = text.split(/\s+/);
  return parts.length <= MAX_WORDS ? text : `${parts.slice(0, MAX_WORDS).join(' ')}…`;
}

export function evidenceOf(context: AnswerContext, row: SentenceRow, text = row.text): Evidence {
  const info = context.articles[row.article];
  return {
    article: info?.article.id ?? '',
    label: info?.label ?? '',
    text: trimSentence(completeQuote(context, row, text)),
  };
}

/**
 * A sentence that opens a quotation without closing it ("“You’re not going to stop ICE.") is joined
 * with the following sentences of its paragraph until the quote closes, so the speaker is included.
 */
function completeQuote(context: AnswerContext, row: SentenceRow, text: string): string {
  const open = (t: string) => (t.match(/“/g)?.length ?? 0) - (t.match(/”/g)?.length ?? 0);
  let out = text;
  for (let next = 1; next <= 3 && open(out) > 0; next++) {
    const following = context.sentences[row.id + next];
    if (!following || following.article !== row.article) break;
    out = `${out} ${following.text}`;
  }
  return out;
}

/** Jaccard overlap of two sentences' terms: near-duplicates across outlets are cited once. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Picks up to `max` hits: the best, then others scoring within `ratio` of it that say something
 * different (not near-duplicates of one already picked).
 */
export function pickHits(context: AnswerContext, hits: Hit[], max: number, ratio = 0.6): Hit[] {
  const picked: Hit[] = [];
  const seen: Set<string>[] = [];
  const best = hits[0]?.score ?? 0;
  for (const hit of hits) {
    if (picked.length >= max) break;
    if (hit.score < best * ratio) break;
    const row = context.sentences[hit.id];
    if (!row) continue;
    const terms = termSet(row.text);
    if (seen.some((s) => overlap(s, terms) > 0.6)) continue;
    seen.push(terms);
    picked.push(hit);
  }
  return picked;
}

/** Lines of an answer: the lead, then each piece of evidence with its source label. */
export function formatAnswer(parts: AnswerParts): string {
  const lines = parts.lead ? [parts.lead] : [];
  for (const e of parts.evidence) {
    lines.push(`${e.speaker ? `${e.speaker}: “${e.text}”` : e.text} — ${e.label}`);
  }
  return lines.join('\n');
}
