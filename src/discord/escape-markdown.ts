/**
 * Escaping for Discord markdown. Every string from a user or an article goes through
 * `escapeMarkdown` (or `fitMarkdown`) before it is placed where Discord renders markdown, so it can
 * neither format the message nor render as a mention (`<@id>`, `<#id>`, `<@&id>`, `@everyone`,
 * `@here`). Mentions are also disarmed by `allowedMentions: { parse: [] }` on every send; escaping
 * makes them render as plain text as well.
 */

const ZERO_WIDTH_SPACE = '\u200B';

/** Inline marks: bold/italic/underline, strike, code, spoiler, masked links, mentions and quotes. */
const INLINE_MARKS = /[\\*_~`|[\]<>]/g;

/** Marks that only act at the start of a line: headings, subtext, lists (`>` is escaped inline). */
const LINE_START_MARKS = /^(\s*)([#+-]|\d+\.)/gm;

/** Defuses `@everyone` and `@here` (which need no `<…>` around them) with a zero-width space. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/** Plain text → Discord markdown that renders as the same plain text. */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(
    text
      .replace(INLINE_MARKS, (ch) => `\\${ch}`)
      .replace(
        LINE_START_MARKS,
        (_m, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
      ),
  );
}

/**
 * Cuts already-rendered text to `max` characters at a word boundary where one is near, marking the
 * cut with "…". Never leaves a dangling backslash that would escape the ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = cut.trimEnd();
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Escapes plain text and shortens the result to fit `max` characters. */
export function fitMarkdown(text: string, max: number): string {
  return truncate(escapeMarkdown(text), max);
}

/** Plain text for places Discord shows without markdown (embed footers, thread names). */
export function fitPlain(text: string, max: number): string {
  return truncate(neutraliseMentions(text.replace(/\s+/g, ' ').trim()), max);
}

/** Longer URLs are shown as their label only, so one link never eats a field's budget. */
const MAX_URL = 512;

/** Only http(s) URLs become links; `)` and spaces are percent-encoded so they cannot end the link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (trimmed.length > MAX_URL || !/^https?:\/\/[^\s<>]+$/i.test(trimmed)) return null;
  return trimmed.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `[label](url)` with the label escaped; just the escaped label when the URL is missing or unsafe. */
export function markdownLink(url: string | null | undefined, label: string, maxLabel = 100): string {
  const text = fitMarkdown(label.replace(/\s+/g, ' ').trim(), maxLabel);
  const safe = safeUrl(url);
  if (!safe) return text;
  return `[${text || safe}](${safe})`;
}
