import type { types } from '@slack/bolt';
import { packLines, textPieces } from '../chat/fit-text.ts';
import type { ReplySection, SourceRef } from '../chat/reply.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';

/** Slack's documented Block Kit limits (chat-protocols.md). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3_000,
  fieldsPerSection: 10,
  fieldText: 2_000,
  contextText: 2_000,
} as const;

/** Room kept free in each section so a "(continued)" heading can be prepended after a split. */
const CONTINUATION_ROOM = 120;
/** Longer URLs are shown as their label only: one link must never eat a section's budget. */
const MAX_URL = 600;
const MAX_SOURCES_PER_ITEM = 3;

/** A section block tagged with the heading of the reply section it belongs to. */
export interface RenderedBlock {
  block: types.SectionBlock;
  heading: string | null;
}

export function mrkdwn(text: string): types.MrkdwnElement {
  // verbatim: Slack must not auto-link #channels or bare URLs found in article text.
  return { type: 'mrkdwn', text, verbatim: true };
}

/** Cuts plain text at a word boundary so that the text fits `max` characters, marking the cut with "…". */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Escapes plain text for mrkdwn and shortens it (before escaping, so no entity is cut) to fit `max`. */
export function fitEscaped(text: string, max: number): string {
  let escaped = escapeMrkdwn(text);
  let budget = text.length;
  while (escaped.length > max && budget > 0) {
    budget = Math.min(budget - 1, Math.floor((budget * max) / escaped.length));
    escaped = escapeMrkdwn(truncatePlain(text, Math.max(budget, 0)));
  }
  return escaped;
}

function link(url: string | null, label: string): string {
  return url && url.length <= MAX_URL ? mrkdwnLink(url, label) : escapeMrkdwn(label);
}

/** " · <url|AP, Feb 4>, <url|Reuters> +2" — the item's citations, compact. */
function citations(sources: SourceRef[]): string {
  const unique = sources.filter((s, i) => sources.findIndex((o) => o.label === s.label) === i);
  if (unique.length === 0) return '';
  const shown = unique.slice(0, MAX_SOURCES_PER_ITEM).map((s) => link(s.url, truncatePlain(s.label, 80)));
  const more = unique.length > MAX_SOURCES_PER_ITEM ? ` +${unique.length - MAX_SOURCES_PER_ITEM}` : '';
  return ` · ${shown.join(', ')}${more}`;
}

/** One item: `prefix + main + suffix`, with the plain main text shortened so the whole fits `max`. */
function item(prefix: string, main: string, suffix: string, max: number): string {
  const room = max - prefix.length - suffix.length;
  if (room < 200 && suffix) return item(prefix, main, '', max);
  return `${prefix}${fitEscaped(main.replace(/\s*\n\s*/g, ' '), room)}${suffix}`;
}

function sectionLines(section: ReplySection, max: number): { lines: string[]; separator: string } {
  switch (section.type) {
    case 'text':
      return {
        lines: textPieces(section.text, (p) => escapeMrkdwn(p).length <= max).map((p) => fitEscaped(p, max)),
        separator: '\n\n',
      };
    case 'bullets':
      return {
        lines: section.items.map((i) => item('• ', i.text, citations(i.sources), max)),
        separator: '\n',
      };
    case 'quotes':
      return {
        lines: section.items.map((q) => {
          const who = [q.speaker, q.role].filter((p): p is string => Boolean(p)).join(', ');
          const attribution = `\n> — ${who ? `*${fitEscaped(who, 200)}* · ` : ''}${link(q.source.url, truncatePlain(q.source.label, 80))}`;
          return item('> “', q.text, `”${attribution}`, max);
        }),
        separator: '\n\n',
      };
    case 'timeline':
      return {
        lines: section.items.map((e) =>
          item(`• *${fitEscaped(e.date, 60)}* — `, e.event, citations(e.sources), max),
        ),
        separator: '\n',
      };
    case 'sources':
      return {
        lines: section.items.map((s) => {
          const meta = [s.outlet, s.date].filter((p): p is string => Boolean(p)).join(', ');
          return `• ${link(s.url, truncatePlain(s.title, 300))}${meta ? ` — ${fitEscaped(meta, 200)}` : ''}`;
        }),
        separator: '\n',
      };
    case 'citations':
      return {
        lines: section.items.map((c) =>
          item('> ', c.text, `\n> — ${link(c.source.url, truncatePlain(c.source.label, 80))}`, max),
        ),
        separator: '\n\n',
      };
    case 'links':
      return {
        lines: section.items.map((l) => `• ${link(l.url, truncatePlain(l.label, 300))}`),
        separator: '\n',
      };
    case 'figures':
      return { lines: [], separator: '\n' };
  }
}

/** Key figures as section fields: value in bold, what it counts and its sources below. */
function figureBlocks(section: Extract<ReplySection, { type: 'figures' }>, heading: string | null) {
  const max = SLACK_LIMITS.fieldText - CONTINUATION_ROOM;
  const fields = section.items.map((f) => {
    const value = `*${fitEscaped(f.value, 200)}*\n`;
    return mrkdwn(item(value, f.counts, citations(f.sources), max));
  });
  const blocks: RenderedBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection) {
    const block: types.SectionBlock = {
      type: 'section',
      fields: fields.slice(i, i + SLACK_LIMITS.fieldsPerSection),
    };
    if (i === 0 && heading) block.text = mrkdwn(`*${fitEscaped(heading, 200)}*`);
    blocks.push({ block, heading });
  }
  return blocks;
}

/** One reply section → section blocks within Slack's limits; the heading leads the first block. */
export function renderSection(section: ReplySection): RenderedBlock[] {
  const heading = section.heading?.trim() || null;
  if (section.type === 'figures') return figureBlocks(section, heading);
  const headingLine = heading ? `*${fitEscaped(heading, 200)}*` : '';
  const room = SLACK_LIMITS.sectionText - CONTINUATION_ROOM - (headingLine ? headingLine.length + 1 : 0);
  const { lines, separator } = sectionLines(section, room);
  if (lines.length === 0) return [];
  return packLines(lines, room, separator).map((text, i) => ({
    block: { type: 'section', text: mrkdwn(i === 0 && headingLine ? `${headingLine}\n${text}` : text) },
    heading,
  }));
}

/** Prepends "*Heading* (continued)" to a block that opens a message in the middle of a section. */
export function markContinued(rendered: RenderedBlock): types.SectionBlock {
  const { block, heading } = rendered;
  if (!heading) return block;
  const line = `*${fitEscaped(heading, 100)}* (continued)`;
  if (block.fields) return { ...block, text: mrkdwn(line) };
  const text = block.text?.text ?? '';
  return { ...block, text: mrkdwn(`${line}\n${text}`) };
}
