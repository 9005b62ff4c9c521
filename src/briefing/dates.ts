/** A day-precise date found in a text, resolved to YYYY-MM-DD. `start`/`end` are character offsets. */
export interface DateMention {
  date: string;
  start: number;
  end: number;
  kind: 'absolute' | 'relative';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)(?:,?\\s+(\\d{4})\\b)?`, 'g');
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])(?:,?\\s+(\\d{4})\\b)?`,
  'g',
);
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WEEKDAY =
  /\b(?:(last|next|this|this past|this coming)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const SAME_DAY = /\b(?:today|tonight|earlier today|this (?:morning|afternoon|evening))\b/gi;
const YESTERDAY = /\byesterday\b/gi;
const LAST_WEEK = /\blast week\b/gi;
const AGO = /\b(a|one|two|three|four|five|six|\d{1,2}) (day|week)s? ago\b/gi;
const SMALL: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const FUTURE_MARKER =
  /\b(?:will|would|shall|scheduled|expected|due|set to|plans? to|deadline|next)\b[^.;]*$/i;
/** A year-less date this far ahead of the article is a scheduled event, not last year's. */
const FUTURE_WINDOW_DAYS = 90;

/** Validates an ISO day (YYYY-MM-DD) and returns it, or null. */
export function isoDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Day-precise dates in a text: absolute ones ("January 12, 2026", "Jan. 26", "4 February", ISO) and
 * relative ones ("Wednesday", "yesterday", "last week", "two days ago") resolved against the article
 * date. Without an article date, relative and year-less dates are skipped. Month-only or vague
 * expressions ("early January", "last month") are not day-precise and are skipped.
 */
export function findDates(text: string, articleDate: string | null): DateMention[] {
  const out: DateMention[] = [];
  // Overlap test with a small margin, so "Wednesday, Feb. 4" yields only the absolute date.
  const taken = (start: number, end: number) => out.some((m) => start < m.end + 3 && end > m.start - 3);
  const push = (date: string | null, start: number, end: number, kind: DateMention['kind']) => {
    if (!date || taken(start, end)) return;
    // "would sign it by Jan. 31", "is expected to vote Tuesday": a plan, which a past-leaning resolution would misdate.
    if (FUTURE_MARKER.test(text.slice(Math.max(0, start - 40), start))) return;
    if (articleDate && date > addDays(articleDate, 1)) return;
    out.push({ date, start, end, kind });
  };
  for (const m of text.matchAll(ISO)) {
    push(isoDay(Number(m[1]), Number(m[2]), Number(m[3])), m.index, m.index + m[0].length, 'absolute');
  }
  for (const pattern of [MONTH_DAY, DAY_MONTH]) {
    for (const m of text.matchAll(pattern)) {
      const monthFirst = pattern === MONTH_DAY;
      const month = monthIndex((monthFirst ? m[1] : m[2]) ?? '');
      const day = Number(monthFirst ? m[2] : m[1]);
      const end = m.index + m[0].length;
      const year = m[3] ? Number(m[3]) : null;
      if (year === null && isNameUse(text, m.index, end)) continue;
      push(resolveYear(year, month, day, articleDate), m.index, end, 'absolute');
    }
  }
  if (!articleDate) return sortMentions(out);
  for (const m of text.matchAll(WEEKDAY)) {
    const modifier = m[1]?.toLowerCase();
    if (modifier === 'next' || modifier === 'this coming') continue;
    let back = (weekdayOf(articleDate) - WEEKDAYS.indexOf(m[2] ?? '') + 7) % 7;
    if (back === 0 && modifier === 'last') back = 7;
    push(addDays(articleDate, -back), m.index, m.index + m[0].length, 'relative');
  }
  for (const m of text.matchAll(SAME_DAY)) push(articleDate, m.index, m.index + m[0].length, 'relative');
  for (const m of text.matchAll(YESTERDAY))
    push(addDays(articleDate, -1), m.index, m.index + m[0].length, 'relative');
  for (const m of text.matchAll(LAST_WEEK))
    push(addDays(articleDate, -7), m.index, m.index + m[0].length, 'relative');
  for (const m of text.matchAll(AGO)) {
    const n = SMALL[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase() === 'week' ? 7 : 1;
    push(addDays(articleDate, -n * unit), m.index, m.index + m[0].length, 'relative');
  }
  return sortMentions(out);
}

function sortMentions(mentions: DateMention[]): DateMention[] {
  return mentions.sort((a, b) => a.start - b.start);
}

/** "the Jan. 6 attack": a year-less date used as the name of an event, not when something happened. */
function isNameUse(text: string, start: number, end: number): boolean {
  return (
    /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) && /^\s+[a-z]/.test(text.slice(end, end + 3))
  );
}

/** A year-less date takes the article's year, or the year before when that would put it well ahead. */
function resolveYear(
  year: number | null,
  month: number,
  day: number,
  articleDate: string | null,
): string | null {
  if (month < 1) return null;
  if (year !== null) return isoDay(year, month, day);
  if (!articleDate) return null;
  const articleYear = Number(articleDate.slice(0, 4));
  const same = isoDay(articleYear, month, day);
  if (!same) return null;
  if (same <= addDays(articleDate, 1)) return same;
  if (same <= addDays(articleDate, FUTURE_WINDOW_DAYS)) return null;
  return isoDay(articleYear - 1, month, day);
}
