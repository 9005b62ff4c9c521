import type { Reply, ReplySection, SourceRef } from '../chat/reply.ts';

export interface RenderTextOptions {
  /** 'text' (default): plain text for terminals and logs. 'markdown': headings, bullets and links. */
  format?: 'text' | 'markdown';
}

/** Renders a reply as plain text or Markdown. Pure: the terminal chat and the CLI both print it. */
export function renderReplyText(reply: Reply, options: RenderTextOptions = {}): string {
  const md = options.format === 'markdown';
  const blocks: string[] = [];
  if (reply.title)
    blocks.push(
      md ? `# ${escapeMd(reply.title)}` : `${reply.title}\n${'='.repeat(Math.min(reply.title.length, 72))}`,
    );
  for (const section of reply.sections) {
    const body = renderSection(section, md);
    if (body) blocks.push(body);
  }
  if (blocks.length === 0 || (reply.sections.length === 0 && reply.text))
    blocks.push(md ? escapeMd(reply.text) : reply.text);
  if (reply.footer) blocks.push(md ? `_${escapeMd(reply.footer)}_` : `-- ${reply.footer}`);
  return `${blocks.join('\n\n')}\n`;
}

function renderSection(section: ReplySection, md: boolean): string {
  const lines: string[] = [];
  if (section.heading) lines.push(md ? `## ${escapeMd(section.heading)}` : section.heading);
  const bullet = (text: string) => lines.push(md ? `- ${text}` : `  • ${text}`);
  const esc = (text: string) => (md ? escapeMd(text) : text);
  switch (section.type) {
    case 'text':
      lines.push(esc(section.text));
      break;
    case 'bullets':
      for (const item of section.items) bullet(`${esc(item.text)}${cite(item.sources, md)}`);
      break;
    case 'figures':
      for (const item of section.items) {
        const value = md ? `**${escapeMd(item.value)}**` : item.value;
        bullet(`${value} — ${esc(item.counts)}${cite(item.sources, md)}`);
      }
      break;
    case 'quotes':
      for (const item of section.items) {
        const who = [item.speaker, item.role].filter(Boolean).join(', ');
        const text = `“${esc(stripQuotes(item.text))}”${who ? ` — ${esc(who)}` : ''}${cite([item.source], md)}`;
        if (md) lines.push(`> ${text}`, '');
        else bullet(text);
      }
      break;
    case 'timeline':
      for (const item of section.items)
        bullet(`${esc(item.date)} — ${esc(item.event)}${cite(item.sources, md)}`);
      break;
    case 'sources':
      for (const item of section.items) {
        const meta = [item.outlet, item.date].filter(Boolean).join(', ');
        if (md) bullet(`${link(item.title, item.url)}${meta ? ` — ${escapeMd(meta)}` : ''}`);
        else bullet(`${item.title}${meta ? ` — ${meta}` : ''}${item.url ? `\n    ${item.url}` : ''}`);
      }
      break;
    case 'citations':
      for (const item of section.items) {
        if (md) lines.push(`> ${escapeMd(item.text)} — ${link(item.source.label, item.source.url)}`, '');
        else bullet(`${item.text} — ${item.source.label}`);
      }
      break;
    case 'links':
      for (const item of section.items)
        bullet(md ? link(item.label, item.url) : `${item.label}: ${item.url}`);
      break;
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** " (AP, Feb 4; Axios)" — the item's sources, each once; linked in Markdown. */
function cite(sources: SourceRef[], md: boolean): string {
  const unique = sources.filter((s, i) => sources.findIndex((o) => o.label === s.label) === i);
  if (unique.length === 0) return '';
  const shown = unique.slice(0, 3).map((s) => (md ? link(s.label, s.url) : s.label));
  const more = unique.length > 3 ? ` +${unique.length - 3}` : '';
  return ` (${shown.join('; ')}${more})`;
}

function link(label: string, url: string | null): string {
  const safe = url && /^https?:\/\/[^\s()<>]+$/i.test(url) ? url : null;
  return safe ? `[${escapeMd(label)}](${safe})` : escapeMd(label);
}

function stripQuotes(text: string): string {
  return text.replace(/^[“"‘']+|[”"’']+$/g, '');
}

/** Escapes the characters that would turn article text into Markdown markup or links. */
function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
