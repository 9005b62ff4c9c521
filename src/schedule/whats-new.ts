import type { Reply } from '../chat/reply.ts';
import type { DigestRecord } from '../store/slot-ledger.ts';
import { addDays, formatShortDate, localParts } from './zoned-time.ts';

export interface WhatsNew {
  /** True when the channel has had no digest of this set yet (it then gets all articles). */
  first: boolean;
  /** Article ids no earlier digest of this set in this channel covered, in the set's order. */
  fresh: string[];
  /** "yesterday", "earlier today" or "Mon, Mar 2": when the last digest was posted, in the subscription's zone. */
  since: string | null;
}

/** Compares the set's articles with every earlier digest of the set in the channel (newest first). */
export function whatsNew(
  allIds: string[],
  previous: DigestRecord[],
  slotDate: string,
  zone: string,
): WhatsNew {
  const last = previous[0];
  if (!last) return { first: true, fresh: allIds, since: null };
  const seen = new Set(previous.flatMap((d) => d.articleIds));
  return {
    first: false,
    fresh: allIds.filter((id) => !seen.has(id)),
    since: sinceLabel(last.postedAt, slotDate, zone),
  };
}

export function sinceLabel(postedAt: string, slotDate: string, zone: string): string {
  const lastDate = localParts(new Date(postedAt), zone).date;
  if (lastDate === slotDate) return 'earlier today';
  if (lastDate === addDays(slotDate, -1)) return 'yesterday';
  return formatShortDate(lastDate);
}

/** "3 new articles since yesterday". */
export function newArticlesNote(count: number, since: string): string {
  return `${count} new article${count === 1 ? '' : 's'} since ${since}`;
}

/** The one-line reply posted when nothing was added to the set since the channel's last digest. */
export function nothingNewReply(set: string, since: string): Reply {
  const text = `No new articles in ${set} since ${since}.`;
  return { kind: 'info', visibility: 'public', sections: [{ type: 'text', text }], text };
}
