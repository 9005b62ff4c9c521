import { convert } from 'html-to-text';

/** Tags that mark a body as HTML rather than text that merely mentions "<" somewhere. */
const HTML_TAG =
  /<\/?(?:p|div|br|h[1-6]|span|a|li|ul|ol|em|strong|b|i|article|section|figure|figcaption|blockquote)\b[^>]*>/i;
const HTML_ENTITY = /&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});/i;

/**
 * Scraped bodies often arrive as HTML or with HTML entities. Converting them to plain text (paragraphs
 * per block, entities decoded, links reduced to their text) gives the text a reader saw; the grounding
 * check then runs against that text, since "&amp;" and "&" are the same words.
 */
export function htmlToText(body: string): string {
  if (!HTML_TAG.test(body) && !HTML_ENTITY.test(body)) return body;
  return convert(body, {
    wordwrap: false,
    preserveNewlines: !HTML_TAG.test(body),
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'figcaption', format: 'skip' },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
        selector,
        format: 'block',
        options: { leadingLineBreaks: 2, trailingLineBreaks: 2 },
      })),
      { selector: 'ul', options: { itemPrefix: '* ' } },
    ],
  });
}
