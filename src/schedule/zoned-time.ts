import { ChatError } from '../chat/types.ts';

/** Local calendar facts of an instant in one IANA zone. */
export interface LocalParts {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** HH:MM (24-hour) in the zone. */
  time: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a ChatError with a message that can be shown to the user as is. */
export function assertValidZone(zone: string): void {
  if (!isValidZone(zone)) {
    throw new ChatError(
      'BAD_ARGUMENTS',
      `"${zone}" is not a known time zone. Use an IANA name such as America/Chicago, Europe/Berlin or UTC.`,
    );
  }
}

export function assertValidTime(time: string): void {
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new ChatError('BAD_ARGUMENTS', `"${time}" is not a time. Use HH:MM, 24-hour, such as 07:30.`);
  }
}

/** "7:05" -> { hour: 7, minute: 5 }. */
export function parseTime(time: string): { hour: number; minute: number } {
  const [h, m] = time.split(':');
  return { hour: Number(h), minute: Number(m) };
}

function fields(instant: Date, zone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localParts(instant: Date, zone: string): LocalParts {
  const f = fields(instant, zone);
  const y = f.year ?? 0;
  const mo = f.month ?? 1;
  const d = f.day ?? 1;
  return {
    date: `${y}-${pad(mo)}-${pad(d)}`,
    time: `${pad(f.hour ?? 0)}:${pad(f.minute ?? 0)}`,
    weekday: new Date(Date.UTC(y, mo - 1, d)).getUTCDay(),
  };
}

/** Zone offset (local minus UTC) in ms at an instant. */
function offsetAt(ms: number, zone: string): number {
  const f = fields(new Date(ms), zone);
  const asUtc = Date.UTC(
    f.year ?? 0,
    (f.month ?? 1) - 1,
    f.day ?? 1,
    f.hour ?? 0,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a local wall-clock time occurs on a local date in a zone. A time skipped by a DST jump
 * maps to the same distance after the jump (02:30 on a spring-forward day -> 03:30 daylight time); a
 * repeated time maps to its first occurrence.
 */
export function zonedTimeToUtc(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const { hour, minute } = parseTime(time);
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, hour, minute);
  // Try both offsets around the wall time; keep the earliest candidate that reads back as the wall time.
  const offsets = [offsetAt(wall - 86_400_000, zone), offsetAt(wall + 86_400_000, zone)];
  const candidates = offsets.map((o) => wall - o).sort((a, b) => a - b);
  for (const c of candidates) {
    if (c + offsetAt(c, zone) === wall) return new Date(c);
  }
  // Skipped wall time: use the offset from before the jump, which lands after it.
  return new Date(wall - (offsets[0] ?? 0));
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, n: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, (d ?? 1) + n));
  return t.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1)).getUTCDay();
}

/** "Mon, Mar 2" for a YYYY-MM-DD date. */
export function formatShortDate(date: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1)));
}
