import { longDate } from '../briefing/source-label.ts';
import type { ArticleRef, Digest, Quote } from '../briefing/types.ts';
import type { DigestView } from './commands.ts';
import type { DigestOrigin, Reply, ReplySection } from './reply.ts';
import { SourceRefs } from './source-refs.ts';

export interface PresentDigestOptions {
  /** Which sections to show (default 'summary'). */
  section?: DigestView;
  /** The set's name, shown in the footer. */
  set?: string;
  /** A line shown above the digest, e.g. "3 new articles since yesterday". */
  note?: string;
  /** Set when the reply opens a thread (the adapter links the posted message to it). */
  origin?: DigestOrigin;
}

/** How many items each section shows in the summary view; a section's own view shows up to the max. */
const SUMMARY = { figures: 5, quotes: 3 };
const MAX = { figures: 15, quotes: 10, timeline: 20 };

type Section = 'tldr' | 'figures' | 'quotes' | 'timeline' | 'sources';
const VIEW_SECTIONS: Record<DigestView, Section[]> = {
  summary: ['tldr', 'figures', 'quotes', 'sources'],
  all: ['tldr', 'figures', 'quotes', 'timeline', 'sources'],
  figures: ['figures'],
  quotes: ['quotes'],
  timeline: ['timeline'],
  sources: ['sources'],
};

/** Turns a digest into a platform-neutral reply: headline, TL;DR, figures, quotes, timeline, sources. */
export function presentDigest(digest: Digest, options: PresentDigestOptions = {}): Reply {
  const view = options.section ?? 'summary';
  const refs = new SourceRefs(digest.articles);
  const shown = VIEW_SECTIONS[view];
  const show = (section: Section) => shown.includes(section);
  const sections: ReplySection[] = [];
  if (options.note) sections.push({ type: 'text', text: options.note });
  if (show('tldr') && digest.tldr.length > 0) {
    sections.push({
      type: 'bullets',
      heading: 'TL;DR',
      items: digest.tldr.map((b) => ({ text: b.text, sources: refs.all(b.articles) })),
    });
  }
  if (show('figures')) {
    const limit = view === 'summary' ? SUMMARY.figures : MAX.figures;
    const items = digest.figures.slice(0, limit).map((f) => ({
      value: f.value,
      counts: f.counts,
      sources: refs.all(f.articles),
      ...(f.outlets !== undefined ? { outlets: f.outlets } : {}),
    }));
    if (items.length > 0) sections.push({ type: 'figures', heading: 'Key figures', items });
    else if (view === 'figures') sections.push({ type: 'text', text: 'No figures found in these articles.' });
  }
  if (show('quotes')) {
    const limit = view === 'summary' ? SUMMARY.quotes : MAX.quotes;
    const items = pickQuotes(digest.quotes, limit).map((q) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role,
      source: refs.one(q.article),
    }));
    if (items.length > 0) sections.push({ type: 'quotes', heading: 'Quotes', items });
    else if (view === 'quotes') sections.push({ type: 'text', text: 'No quotes found in these articles.' });
  }
  if (show('timeline')) {
    const items = digest.timeline
      .slice(-MAX.timeline)
      .map((e) => ({ date: longDate(e.date), event: e.event, sources: refs.all(e.articles) }));
    if (items.length > 0) sections.push({ type: 'timeline', heading: 'Timeline', items });
    else if (view === 'timeline')
      sections.push({ type: 'text', text: 'No dated events found in these articles.' });
  }
  if (show('sources')) {
    sections.push({
      type: 'sources',
      heading: 'Sources',
      items: digest.articles.map((a) => ({
        title: a.title,
        outlet: a.outlet,
        date: a.date ? longDate(a.date) : null,
        url: a.url,
      })),
    });
  }
  const reply: Reply = {
    kind: 'digest',
    visibility: 'public',
    title: digest.title || 'Briefing',
    sections,
    footer: `${options.set ? `${options.set} · ` : ''}${digestFooter(digest.articles)}`,
    text: digestText(digest, options.note),
  };
  if (options.origin) reply.digest = options.origin;
  return reply;
}

/**
 * The strongest quote of each named speaker first, so one talkative person does not fill the section;
 * then the rest by score. Quotes without a speaker come last.
 */
function pickQuotes(quotes: Quote[], limit: number): Quote[] {
  const ranked = [...quotes].sort((a, b) => Number(!a.speaker) - Number(!b.speaker) || b.score - a.score);
  const seen = new Set<string>();
  const first: Quote[] = [];
  const rest: Quote[] = [];
  for (const q of ranked) {
    const key = q.speaker?.toLowerCase();
    if (key && !seen.has(key)) {
      seen.add(key);
      first.push(q);
    } else rest.push(q);
  }
  return [...first, ...rest].slice(0, limit);
}

/** "5 articles from 5 outlets · grounded": every figure and quote shown was checked against its article. */
export function digestFooter(articles: ArticleRef[]): string {
  const outlets = new Set(articles.map((a) => (a.outlet ?? hostOf(a.url) ?? a.id).toLowerCase())).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(articles.length, 'article')} from ${plural(outlets, 'outlet')} · grounded`;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Plain-text fallback for notifications: the headline and the TL;DR. */
function digestText(digest: Digest, note: string | undefined): string {
  const lines = [digest.title || 'Briefing'];
  if (note) lines.push(note);
  for (const b of digest.tldr.slice(0, 3)) lines.push(`• ${b.text}`);
  return lines.join('\n');
}
