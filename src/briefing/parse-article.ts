import { cleanBody } from './clean.ts';
import { splitFrontMatter, toIsoDate } from './front-matter.ts';
import { oneLine, shortenClause } from './headline-text.ts';
import { htmlToText } from './markup.ts';
import { splitSentences } from './nlp.ts';
import type { ParseResult, SourceText } from './types.ts';

/** Larger inputs are skipped: an article is never this long, and the cost grows with size. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Parses one article: front matter, title, date, outlet and clean paragraphs. Never throws. */
export function parseArticle(source: SourceText): ParseResult {
  const skip = (reason: string): ParseResult => ({ ok: false, name: source.name, reason });
  const { content } = source;
  if (content.length > MAX_ARTICLE_BYTES) return skip('file is larger than 2 MB');
  if (looksBinary(content)) return skip('file is binary, not text');
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return skip('file is empty');

  const { meta, body: markup } = splitFrontMatter(text);
  const body = htmlToText(markup);
  const cleaned = cleanBody(body);
  if (cleaned.paragraphs.length === 0) return skip('no article text found');

  const url = meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : null;
  const title =
    meta.title ??
    cleaned.heading ??
    cleaned.leadLine ??
    firstSentence(cleaned.paragraphs[0] ?? '') ??
    source.name;
  return {
    ok: true,
    article: {
      id: articleId(source.name),
      title,
      outlet: meta.outlet ?? cleaned.datelineOutlet ?? (url ? hostname(url) : null),
      url,
      date: meta.date ?? (cleaned.datelineDate ? toIsoDate(cleaned.datelineDate) : null),
      file: source.name,
      paragraphs: cleaned.paragraphs,
      raw: body,
    },
  };
}

/** A readable, stable id from a file name: "ap-port-strike.txt" → "ap-port-strike". */
export function articleId(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const id = base
    .replace(/\.(?:txt|md|markdown)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'article';
}

function looksBinary(content: string): boolean {
  const sample = content.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12)) bad++;
  }
  return sample.length > 0 && bad / sample.length > 0.05;
}

/** A body-derived title: the first sentence, cut at a clause boundary when long. */
function firstSentence(paragraph: string): string | null {
  const sentence = splitSentences(paragraph)[0]?.trim();
  return sentence ? oneLine(shortenClause(sentence)) : null;
}

function hostname(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
