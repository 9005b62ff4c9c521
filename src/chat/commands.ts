import { z } from 'zod';
import { canonicalZone, zoneError } from './time-zone.ts';

/** What a `/brief` digest shows. 'summary' is TL;DR, key figures, quotes and sources. */
export const DIGEST_VIEWS = ['summary', 'figures', 'quotes', 'timeline', 'sources', 'all'] as const;
export type DigestView = (typeof DIGEST_VIEWS)[number];

export const USAGE = {
  brief: '/brief [set] [figures|quotes|timeline|sources|all]',
  help: '/brief help',
  sets: '/brief sets',
  subscribe: '/brief subscribe [set] at HH:MM [Area/City] [weekdays|daily]',
  unsubscribe: '/brief unsubscribe [set]',
  schedule: '/brief schedule',
  ask: '/ask <question> [--set name]',
} as const;

const setName = z
  .string()
  .regex(/^[\w-][\w.-]*$/, 'a set name uses letters, digits, dots, dashes and underscores')
  .max(100);

const time = z.string().transform((value, ctx) => {
  const normalised = normaliseTime(value);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a time: use HH:MM, 24-hour (e.g. 07:30)` });
    return z.NEVER;
  }
  return normalised;
});

const zone = z.string().transform((value, ctx) => {
  const canonical = canonicalZone(value);
  if (!canonical) {
    ctx.addIssue({ code: 'custom', message: zoneError(value) });
    return z.NEVER;
  }
  return canonical;
});

export const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brief'), set: setName.nullable(), view: z.enum(DIGEST_VIEWS) }),
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('sets') }),
  z.object({
    kind: z.literal('subscribe'),
    set: setName.nullable(),
    time,
    zone,
    days: z.enum(['daily', 'weekdays']),
  }),
  z.object({ kind: z.literal('unsubscribe'), set: setName.nullable() }),
  z.object({ kind: z.literal('schedule') }),
  z.object({
    kind: z.literal('ask'),
    question: z.string().trim().min(1, 'ask a question, e.g. /ask who is quoted?').max(500),
    set: setName.nullable(),
  }),
]);

export type Command = z.output<typeof commandSchema>;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: string; usage: string };

/** "7:30", "07:30", "7:30pm", "7pm" -> "07:30"/"19:30"/"19:00"; null when not a time of day. */
export function normaliseTime(value: string): string | null {
  const m = /^(\d{1,2})(?::(\d\d))?\s*(am|pm)?$/i.exec(value.trim());
  if (!m || (!m[2] && !m[3])) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Parses a slash command once into a typed command. Never throws: bad arguments give an error
 * message and the usage line of the command the user was trying.
 */
export function parseCommand(name: 'brief' | 'ask', text: string): ParsedCommand {
  const { raw, usage } = name === 'ask' ? rawAsk(text) : rawBrief(text);
  if (typeof raw.error === 'string') return { ok: false, error: raw.error, usage };
  const result = commandSchema.safeParse(raw);
  if (result.success) return { ok: true, command: result.data };
  const issue = result.error.issues[0];
  const field = issue?.path.length ? `${String(issue.path[0])}: ` : '';
  const message =
    issue?.code === 'custom' ? (issue.message ?? 'invalid') : `${field}${issue?.message ?? 'invalid'}`;
  return { ok: false, error: message, usage };
}

type Raw = Record<string, unknown> | { error: string };

function rawAsk(text: string): { raw: Raw; usage: string } {
  let set: string | null = null;
  const question = text
    .replace(/(?:^|\s)--set(?:=|\s+)(\S+)/, (_, name: string) => {
      set = name;
      return ' ';
    })
    .trim();
  if (/(?:^|\s)--set\s*$/.test(question)) {
    return { raw: { error: 'Name the set after --set.' }, usage: USAGE.ask };
  }
  return { raw: { kind: 'ask', question, set }, usage: USAGE.ask };
}

function rawBrief(text: string): { raw: Raw; usage: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase();
  const rest = words.slice(1);
  const none = (kind: 'help' | 'sets' | 'schedule') =>
    rest.length ? { error: `/brief ${kind} takes no arguments.` } : { kind };
  switch (first) {
    case 'help':
      return { raw: none('help'), usage: USAGE.help };
    case 'sets':
      return { raw: none('sets'), usage: USAGE.sets };
    case 'schedule':
      return { raw: none('schedule'), usage: USAGE.schedule };
    case 'subscribe':
      return { raw: rawSubscribe(rest), usage: USAGE.subscribe };
    case 'unsubscribe':
      return {
        raw:
          rest.length > 1
            ? { error: 'Name at most one set to unsubscribe from.' }
            : { kind: 'unsubscribe', set: rest[0] ?? null },
        usage: USAGE.unsubscribe,
      };
    default:
      return { raw: rawDigest(words), usage: USAGE.brief };
  }
}

function isView(word: string | undefined): word is DigestView {
  return (DIGEST_VIEWS as readonly string[]).includes(word?.toLowerCase() ?? '');
}

function rawDigest(words: string[]): Raw {
  if (words.length > 2) return { error: 'Too many arguments.' };
  const [a, b] = words;
  if (a === undefined) return { kind: 'brief', set: null, view: 'summary' };
  if (b === undefined) {
    return isView(a)
      ? { kind: 'brief', set: null, view: a.toLowerCase() }
      : { kind: 'brief', set: a, view: 'summary' };
  }
  if (!isView(b)) return { error: `"${b}" is not a section: use figures, quotes, timeline, sources or all.` };
  return { kind: 'brief', set: a, view: b.toLowerCase() };
}

/** `[set] at HH:MM [Area/City] [weekdays|daily]`; "at" may be left out, and "7:30 pm" is one time. */
function rawSubscribe(words: string[]): Raw {
  const joined = words.join(' ').replace(/(\d)\s+(am|pm)\b/gi, '$1$2');
  const parts = joined.split(/\s+/).filter(Boolean);
  const at = parts.findIndex((w) => w.toLowerCase() === 'at');
  const timeIndex = at >= 0 ? at + 1 : parts.findIndex((w) => normaliseTime(w) !== null);
  if (timeIndex < 0 || timeIndex >= parts.length) return { error: 'Say when, e.g. at 07:30.' };
  const before = parts.slice(0, at >= 0 ? at : timeIndex);
  if (before.length > 1) return { error: 'Name at most one set before the time.' };
  const timeWord = parts[timeIndex];
  const after = parts.slice(timeIndex + 1);
  let zone: string | null = null;
  let days: 'daily' | 'weekdays' = 'daily';
  for (const word of after) {
    const lower = word.toLowerCase();
    if (lower === 'daily' || lower === 'weekdays') days = lower;
    else if (lower === 'weekday' || lower === 'workdays') days = 'weekdays';
    else if (zone === null) zone = word;
    else return { error: `Unexpected "${word}".` };
  }
  return { kind: 'subscribe', set: before[0] ?? null, time: timeWord ?? '', zone: zone ?? 'UTC', days };
}
