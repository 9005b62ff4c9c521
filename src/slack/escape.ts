/**
 * Escaping for Slack mrkdwn. Every string that comes from a user or an article goes through
 * `escapeMrkdwn` before it is placed in a mrkdwn text object, so it can neither ping anyone
 * (`<!channel>`, `<!here>`, `<@U123>`, `@here` with link_names) nor break the message's markup.
 */

const ZERO_WIDTH_SPACE = '\u200B';

/** Look-alike characters: Slack mrkdwn has no backslash escape for its formatting marks. */
const FORMATTING_LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};

/** Escapes the three control characters Slack requires escaped in any text it parses. */
export function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain text → safe mrkdwn: control characters escaped, broadcast words defused, and the
 * formatting marks that could open bold/strike/code spans replaced by look-alikes. An underscore
 * inside a word (snake_case) cannot open italics, so only underscores at a word edge are replaced.
 */
export function escapeMrkdwn(text: string): string {
  return escapeControl(text)
    .replace(/[*~`]/g, (ch) => FORMATTING_LOOKALIKES[ch] ?? ch)
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (_match, before: string | undefined) =>
      before === undefined ? '\uFF3F' : `${before}\uFF3F`,
    )
    .replace(/@(channel|here|everyone)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Text for `plain_text` objects (headers): Slack does not parse mentions there, but special
 * sequences and broadcast words are still defused so that a copy or preview cannot act as one.
 */
export function escapePlainText(text: string): string {
  return text
    .replace(/<([!@#])/g, '\u2039$1') // ‹ single left-pointing angle quotation mark
    .replace(/@(channel|here|everyone)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/** Only http(s) URLs may become links; anything else (`!channel`, `@U1`, `javascript:`) is refused. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return null;
  // `|` ends the URL part of a Slack link and `>` ends the link: percent-encode them and `<`.
  return trimmed.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** A mrkdwn link `<url|label>` with the label escaped; just the escaped label when the URL is unsafe. */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safe = safeUrl(url);
  const text = escapeMrkdwn(label).replace(/\|/g, '\u2758'); // ❘ light vertical bar
  if (!safe) return text;
  return `<${safe}|${text || safe}>`;
}
