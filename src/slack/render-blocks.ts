import type { types } from '@slack/bolt';
import type { Reply } from '../chat/reply.ts';
import { escapePlainText } from './escape.ts';
import {
  fitEscaped,
  markContinued,
  mrkdwn,
  type RenderedBlock,
  renderSection,
  SLACK_LIMITS,
  truncatePlain,
} from './render-sections.ts';

/** One chat.postMessage / respond payload. `text` is the notification and accessibility fallback. */
export interface SlackMessage {
  blocks: types.KnownBlock[];
  text: string;
}

export interface RenderOptions {
  /** Blocks per message (Slack: 50). */
  maxBlocks?: number;
  /**
   * Characters of block text per message. Slack accepts more, but collapses very long messages;
   * a digest reads better as a few messages split between its sections.
   */
  maxChars?: number;
}

const FALLBACK_TEXT = 3_000;

function headerBlock(title: string): types.HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncatePlain(escapePlainText(title.trim()), SLACK_LIMITS.headerText) },
  };
}

function contextBlock(footer: string): types.ContextBlock {
  return { type: 'context', elements: [mrkdwn(fitEscaped(footer.trim(), SLACK_LIMITS.contextText))] };
}

function blockChars(block: types.KnownBlock): number {
  if (block.type !== 'section') return 0;
  return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
}

interface Draft {
  blocks: types.KnownBlock[];
  chars: number;
  /** Whether the draft holds anything besides its header. */
  hasBody: boolean;
}

/**
 * Renders a Reply as one or more Slack messages of Block Kit. The header opens the first message,
 * the footer (context line) closes the last one; a long reply is split between its sections
 * where possible, else between section blocks, never inside an item. All text is escaped.
 */
export function renderBlocks(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const maxBlocks = Math.min(
    options.maxBlocks ?? SLACK_LIMITS.blocksPerMessage,
    SLACK_LIMITS.blocksPerMessage,
  );
  const maxChars = options.maxChars ?? 12_000;
  const footer = reply.footer?.trim() ? contextBlock(reply.footer) : null;
  // Every message keeps room for the footer so it never has to travel alone.
  const capacity = Math.max(1, maxBlocks - (footer ? 1 : 0));

  let groups = reply.sections.map(renderSection).filter((g) => g.length > 0);
  if (groups.length === 0 && reply.text.trim()) {
    const text = fitEscaped(reply.text.trim(), SLACK_LIMITS.sectionText);
    groups = [[{ block: { type: 'section', text: mrkdwn(text) }, heading: null }]];
  }

  const drafts: Draft[] = [];
  let current: Draft = { blocks: [], chars: 0, hasBody: false };
  if (reply.title?.trim()) current.blocks.push(headerBlock(reply.title));

  const fits = (draft: Draft, blocks: number, chars: number) =>
    draft.blocks.length + blocks <= capacity && (!draft.hasBody || draft.chars + chars <= maxChars);
  const startNew = () => {
    drafts.push(current);
    current = { blocks: [], chars: 0, hasBody: false };
  };

  for (const group of groups) {
    const groupChars = group.reduce((n, b) => n + blockChars(b.block), 0);
    // A whole section moves to the next message rather than straddling two, when it would fit there.
    if (current.hasBody && !fits(current, group.length, groupChars) && group.length <= capacity) {
      if (groupChars <= maxChars) startNew();
    }
    group.forEach((rendered: RenderedBlock, index) => {
      const chars = blockChars(rendered.block);
      let block: types.SectionBlock = rendered.block;
      if (!fits(current, 1, chars)) {
        startNew();
        if (index > 0) block = markContinued(rendered);
      }
      current.blocks.push(block);
      current.chars += chars;
      current.hasBody = true;
    });
  }
  if (footer) current.blocks.push(footer);
  drafts.push(current);

  const kept = drafts.filter((d) => d.blocks.length > 0);
  const messages = kept.length > 0 ? kept : [current];
  const title = reply.title?.trim() || reply.text.trim().split('\n')[0] || 'Reply';
  return messages.map((draft, i) => ({
    blocks: draft.blocks,
    text:
      i === 0
        ? fitEscaped(reply.text.trim() || title, FALLBACK_TEXT)
        : fitEscaped(`${truncatePlain(title, 200)} (part ${i + 1} of ${messages.length})`, FALLBACK_TEXT),
  }));
}
