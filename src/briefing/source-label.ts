const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-02-04" -> "Feb 4"; null when the date is missing or not ISO. Never reads a clock or time zone. */
export function shortDate(date: string | null): string | null {
  const match = date ? /^(\d{4})-(\d\d)-(\d\d)/.exec(date) : null;
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}` : null;
}

/** "2026-01-26" -> "Jan 26, 2026". */
export function longDate(date: string): string {
  const short = shortDate(date);
  return short ? `${short}, ${date.slice(0, 4)}` : date;
}

/** A citation label such as "AP, Feb 4": the outlet (or a shortened title) and the date where known. */
export function sourceLabel(ref: { outlet: string | null; title: string; date: string | null }): string {
  const name = ref.outlet?.trim() || shortTitle(ref.title);
  const date = shortDate(ref.date);
  return date ? `${name}, ${date}` : name;
}

function shortTitle(title: string): string {
  const words = title.trim().split(/\s+/);
  return words.length <= 6 ? title.trim() || 'Untitled' : `${words.slice(0, 6).join(' ')}…`;
}
