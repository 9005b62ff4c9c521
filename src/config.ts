import { z } from 'zod';

/** A config problem found at boot. The message lists every bad variable by name; values are never echoed. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalString = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

const optionalUrl = optionalString.pipe(
  z.url({ message: 'must be a URL such as http://127.0.0.1:3000/api/' }).optional(),
);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** "2h", "90m", "30s" or a number of minutes. */
const duration = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const raw = (v ?? '').trim() || '2h';
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(raw);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration such as 2h, 90m or 30s' });
      return z.NEVER;
    }
    const unit = match[2] ?? 'm';
    const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 60_000;
    return Number(match[1]) * factor;
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One schedule from DIGEST_SCHEDULES. */
export const scheduleConfigSchema = z.object({
  platform: z.enum(['slack', 'discord']),
  channel: z.string().min(1),
  set: z.string().min(1).optional(),
  time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)'),
  zone: z
    .string()
    .min(1)
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as America/Chicago or UTC'),
  days: z.enum(['daily', 'weekdays']).default('daily'),
});
export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;

const schedules = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v?.trim()) return [];
    try {
      return JSON.parse(v) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON array of {platform, channel, set, time, zone}',
      });
      return z.NEVER;
    }
  })
  .pipe(z.array(scheduleConfigSchema));

export const configSchema = z
  .object({
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BRIEFINGS_DIR: z.string().min(1).default('./briefings'),
    DEFAULT_SET: optionalString,
    DATA_DIR: z.string().min(1).default('./data'),

    SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
    SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_API_URL: optionalUrl,
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    BRIEF_ADMINS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),

    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: optionalString.pipe(
      z
        .string()
        .regex(/^\d{5,25}$/, 'must be a numeric id')
        .optional(),
    ),
    DISCORD_GUILD_ID: optionalString.pipe(
      z
        .string()
        .regex(/^\d{5,25}$/, 'must be a numeric id')
        .optional(),
    ),
    DISCORD_API_URL: optionalUrl,
    DISCORD_MESSAGE_CONTENT: booleanFlag,

    DIGEST_SCHEDULES: schedules,
    DIGEST_GRACE: duration,
    DIGEST_EMPTY: z.enum(['note', 'skip']).default('note'),
  })
  .superRefine((c, ctx) => {
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'is required with SLACK_BOT_TOKEN (Socket Mode), or set SLACK_SIGNING_SECRET for HTTP mode',
      });
    }
    if (!c.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required to connect Slack' });
    }
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is required with DISCORD_TOKEN',
      });
    }
    if (!c.DISCORD_TOKEN && c.DISCORD_APPLICATION_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'is required to connect Discord' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Reads and validates the environment once, at boot; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.length ? issue.path.join('.') : 'config';
    return `${name} ${issue.message}`;
  });
  throw new ConfigError(problems);
}

export function slackEnabled(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN);
}

export function discordEnabled(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN);
}
