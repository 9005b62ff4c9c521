import type { APIEmbed, APIEmbedField } from 'discord.js';
import { packLines, textPieces } from '../chat/fit-text.ts';
import type { ReplySection, SourceRef } from '../chat/reply.ts';
import { escapeMarkdown, fitMarkdown, markdownLink, truncate } from './escape-markdown.ts';

/** Discord's documented embed limits (chat-protocols.md). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  embedsPerMessage: 10,
  charsPerMessage: 6_000,
  content: 2_000,
} as const;

const MAX_SOURCES_PER_ITEM = 3;
/** A field value must not be empty. */
const BLANK = '\u200B';

/** Characters Discord counts towards the 6,000 per message: title, description, fields, footer, author. */
export function embedChars(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** " · [AP, Feb 4](url), [Reuters](url) +2": an item's citations, compact. */
function citations(sources: SourceRef[]): string {
  const unique = sources.filter((s, i) => sources.findIndex((o) => o.label === s.label) === i);
  if (unique.length === 0) return '';
  const shown = unique.slice(0, MAX_SOURCES_PER_ITEM).map((s) => markdownLink(s.url, s.label, 80));
  const more = unique.length > MAX_SOURCES_PER_ITEM ? ` +${unique.length - MAX_SOURCES_PER_ITEM}` : '';
  return ` · ${shown.join(', ')}${more}`;
}

/** `prefix + main + suffix` where only the (escaped) main text is shortened to fit `max`. */
function item(prefix: string, main: string, suffix: string, max: number): string {
  const room = max - prefix.length - suffix.length;
  if (room < 120 && suffix) return item(prefix, main, '', max);
  return `${prefix}${fitMarkdown(main.replace(/\s*\n\s*/g, ' ').trim(), room)}${suffix}`;
}

type LineSection = Exclude<ReplySection, { type: 'figures' } | { type: 'quotes' }>;

/** A section rendered as description lines; `separator` joins them. */
function sectionLines(section: LineSection, max: number): { lines: string[]; separator: string } {
  switch (section.type) {
    case 'text':
      return {
        lines: textPieces(section.text, (p) => escapeMarkdown(p).length <= max).map((p) =>
          escapeMarkdown(p).length <= max ? escapeMarkdown(p) : fitMarkdown(p, max),
        ),
        separator: '\n\n',
      };
    case 'bullets':
      return {
        lines: section.items.map((i) => item('• ', i.text, citations(i.sources), max)),
        separator: '\n',
      };
    case 'timeline':
      return {
        lines: section.items.map((e) =>
          item(`• **${fitMarkdown(e.date, 60)}** — `, e.event, citations(e.sources), max),
        ),
        separator: '\n',
      };
    case 'sources':
      return {
        lines: section.items.map((s) => {
          const meta = [s.outlet, s.date].filter((p): p is string => Boolean(p)).join(', ');
          return `• ${markdownLink(s.url, s.title, 300)}${meta ? ` — ${fitMarkdown(meta, 200)}` : ''}`;
        }),
        separator: '\n',
      };
    case 'citations':
      return {
        lines: section.items.map((c) =>
          item('> ', c.text, `\n> — ${markdownLink(c.source.url, c.source.label, 80)}`, max),
        ),
        separator: '\n\n',
      };
    case 'links':
      return { lines: section.items.map((l) => `• ${markdownLink(l.url, l.label, 300)}`), separator: '\n' };
  }
}

function sectionFields(section: Extract<ReplySection, { type: 'figures' | 'quotes' }>): APIEmbedField[] {
  const max = DISCORD_LIMITS.fieldValue;
  if (section.type === 'figures') {
    return section.items.map((f) => ({
      name: fitMarkdown(f.value, DISCORD_LIMITS.fieldName) || BLANK,
      value: item('', f.counts, citations(f.sources), max) || BLANK,
      inline: true,
    }));
  }
  return section.items.map((q) => {
    const who = [q.speaker, q.role].filter((p): p is string => Boolean(p?.trim())).join(', ');
    return {
      name: who ? fitMarkdown(who, DISCORD_LIMITS.fieldName) : 'Unattributed',
      value: item('“', q.text, `”\n— ${markdownLink(q.source.url, q.source.label, 80)}`, max),
      inline: false,
    };
  });
}

export interface SectionOptions {
  /** Characters one embed may hold (the message budget less what the footer may need). */
  budget: number;
  /**
   * The first embed's title in place of the section's heading (the reply title above its TL;DR);
   * the heading then opens the description. Only used for sections rendered as description lines.
   */
  title?: string;
}

/**
 * One reply section → one or more embeds, each within Discord's limits and `budget` characters.
 * Figures and quotes become fields; every other section becomes description lines. The heading
 * (or `title`) is the first embed's title; continuation embeds carry none, so they read as one card.
 */
export function renderSectionEmbeds(section: ReplySection, options: SectionOptions): APIEmbed[] {
  const ownHeading = section.heading?.trim() ? fitMarkdown(section.heading.trim(), 100) : '';
  const heading = options.title ?? ownHeading;
  const room = options.budget - DISCORD_LIMITS.title;
  const embeds: APIEmbed[] = [];
  const next = (): APIEmbed => {
    const embed: APIEmbed = embeds.length === 0 && heading ? { title: heading } : {};
    embeds.push(embed);
    return embed;
  };

  if (section.type === 'figures' || section.type === 'quotes') {
    let embed: APIEmbed | null = null;
    let chars = 0;
    for (const field of sectionFields(section)) {
      const size = field.name.length + field.value.length;
      if (!embed || (embed.fields ?? []).length >= DISCORD_LIMITS.fields || chars + size > room) {
        embed = next();
        embed.fields = [];
        chars = 0;
      }
      embed.fields?.push(field);
      chars += size;
    }
    return embeds;
  }

  const max = Math.min(DISCORD_LIMITS.description, room);
  const { lines, separator } = sectionLines(section, max);
  // Under the reply's title, the section's own heading leads its description as a bold line.
  if (options.title && ownHeading && lines.length > 0) lines.unshift(`**${ownHeading}**`);
  for (const text of packLines(
    lines.map((l) => truncate(l, max)),
    max,
    separator,
  ))
    next().description = text;
  return embeds;
}
