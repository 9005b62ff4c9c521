import type { APIEmbed } from 'discord.js';
import type { Reply } from '../chat/reply.ts';
import { fitMarkdown, fitPlain } from './escape-markdown.ts';
import { DISCORD_LIMITS, embedChars, renderSectionEmbeds } from './render-embed-sections.ts';

/** One message payload for channel.send / editReply / followUp. Nothing the bot sends may ping. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  allowedMentions: { parse: [] };
}

const COLORS = { normal: 0x5865f2, error: 0xed4245 } as const;

function message(embeds: APIEmbed[]): DiscordMessage {
  return { embeds, allowedMentions: { parse: [] } };
}

/**
 * Packs groups of embeds (one group per reply section) into messages of at most 10 embeds and
 * 6,000 characters. A group that does not fit the current message but fits a fresh one starts a new
 * message, so long replies split between sections; only a group too big for any message is split,
 * and then between embeds, never inside one.
 */
function pack(groups: APIEmbed[][]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let chars = 0;
  const flush = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    chars = 0;
  };
  const fits = (count: number, size: number) =>
    current.length + count <= DISCORD_LIMITS.embedsPerMessage &&
    chars + size <= DISCORD_LIMITS.charsPerMessage;
  for (const group of groups) {
    const size = group.reduce((n, e) => n + embedChars(e), 0);
    const wholeFitsAlone =
      group.length <= DISCORD_LIMITS.embedsPerMessage && size <= DISCORD_LIMITS.charsPerMessage;
    if (!fits(group.length, size) && wholeFitsAlone) flush();
    for (const embed of group) {
      if (!fits(1, embedChars(embed))) flush();
      current.push(embed);
      chars += embedChars(embed);
    }
  }
  flush();
  return messages;
}

/**
 * Renders a Reply as one or more Discord messages of embeds. The reply title heads the first embed,
 * whose description is the first section unless that is figures or quotes (so the TL;DR sits under
 * the headline). Figures and quotes are fields; text, bullets, timeline, sources and citations are
 * description lines with markdown links; the footer closes the last embed. Every embed, field and message stays within Discord's limits, and all text
 * from articles and users is escaped so it can neither format nor mention.
 */
export function renderEmbeds(reply: Reply): DiscordMessage[] {
  const footer = reply.footer?.trim() ? fitPlain(reply.footer, DISCORD_LIMITS.footer) : '';
  // Every embed leaves room for the footer, so whichever embed ends up last can carry it.
  const budget = DISCORD_LIMITS.charsPerMessage - footer.length;
  const title = reply.title?.trim() ? fitMarkdown(reply.title.trim(), DISCORD_LIMITS.title) : '';

  let sections = reply.sections;
  if (sections.every((s) => renderSectionEmbeds(s, { budget }).length === 0) && reply.text.trim()) {
    sections = [{ type: 'text', text: reply.text }];
  }

  let titlePlaced = !title;
  const groups: APIEmbed[][] = [];
  for (const section of sections) {
    const mergeTitle = !titlePlaced && section.type !== 'figures' && section.type !== 'quotes';
    const embeds = renderSectionEmbeds(section, mergeTitle ? { budget, title } : { budget });
    if (embeds.length === 0) continue;
    if (!titlePlaced && !mergeTitle) groups.push([{ title }]);
    titlePlaced = true;
    groups.push(embeds);
  }
  if (!titlePlaced) groups.push([{ title }]);
  if (groups.length === 0) groups.push([{ description: footer ? '\u200B' : 'Nothing to show.' }]);

  const color = reply.kind === 'error' ? COLORS.error : COLORS.normal;
  for (const group of groups) for (const embed of group) embed.color = color;
  const last = groups.at(-1)?.at(-1);
  if (last && footer) last.footer = { text: footer };

  return pack(groups).map(message);
}
