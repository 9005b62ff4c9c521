import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  title: string | null;
  url: string | null;
  outlet: string | null;
  date: string | null;
}

export interface SplitFrontMatter {
  meta: FrontMatter;
  body: string;
  /** Set when a fenced block was present but was not valid YAML (the body is still used). */
  problem: string | null;
}

const EMPTY: FrontMatter = { title: null, url: null, outlet: null, date: null };
const FENCE = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Separates a `---` fenced YAML front matter block from the body. Unknown keys are ignored. */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const match = FENCE.exec(text);
  if (!match) return { meta: EMPTY, body: text, problem: null };
  const body = text.slice(match[0].length);
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    return {
      meta: EMPTY,
      body,
      problem: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`,
    };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { meta: EMPTY, body, problem: null };
  const record = data as Record<string, unknown>;
  return {
    meta: {
      title: text1(record.title) ?? text1(record.headline),
      url: text1(record.url) ?? text1(record.source_url) ?? text1(record.link),
      outlet: text1(record.outlet) ?? text1(record.source) ?? text1(record.publisher),
      date: toIsoDate(record.date ?? record.published ?? record.publishedAt ?? record.published_at),
    },
    body,
    problem: null,
  };
}

function text1(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** YYYY-MM-DD from a Date, an ISO-like string or "Month D, YYYY"; null when it is not a real date. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  if (named) {
    const month = MONTHS.findIndex((m) => m.startsWith((named[1] ?? '').toLowerCase().slice(0, 3)));
    if (month >= 0) return validDate(Number(named[3]), month + 1, Number(named[2]));
  }
  const dayFirst = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})/.exec(s);
  if (dayFirst) {
    const month = MONTHS.findIndex((m) => m.startsWith((dayFirst[2] ?? '').toLowerCase().slice(0, 3)));
    if (month >= 0) return validDate(Number(dayFirst[3]), month + 1, Number(dayFirst[1]));
  }
  const parsed = Date.parse(s);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
