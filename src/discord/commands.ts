import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';

export const SECTIONS = ['figures', 'quotes', 'timeline', 'sources', 'all'] as const;

/**
 * The two slash commands. `/brief` carries no default_member_permissions: anyone may read a
 * digest, and the right to change a channel's schedules is checked per call (Manage Channels).
 */
export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'brief',
    type: ApplicationCommandType.ChatInput,
    description: 'A grounded digest of an article set',
    options: [
      {
        name: 'set',
        description: 'Article set (default set when empty)',
        type: ApplicationCommandOptionType.String,
        autocomplete: true,
        max_length: 100,
      },
      {
        name: 'section',
        description: 'Only one part of the digest',
        type: ApplicationCommandOptionType.String,
        choices: SECTIONS.map((s) => ({ name: s, value: s })),
      },
      {
        name: 'text',
        description: 'Other forms: help, sets, schedule, subscribe at 07:30 Europe/Paris, unsubscribe',
        type: ApplicationCommandOptionType.String,
        max_length: 200,
      },
    ],
  },
  {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask a question about an article set',
    options: [
      {
        name: 'question',
        description: 'Your question',
        type: ApplicationCommandOptionType.String,
        required: true,
        max_length: 500,
      },
      {
        name: 'set',
        description: 'Article set (default set when empty)',
        type: ApplicationCommandOptionType.String,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },
];

export interface BriefOptions {
  set?: string | null;
  section?: string | null;
  text?: string | null;
}

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Slash-command options → the chat layer's command text, so one grammar parses every platform:
 * `[set] [section]`, or the free text; a set named beside `subscribe`/`unsubscribe` goes right
 * after the keyword (`subscribe <set> at 07:30 …`).
 */
export function briefCommandText(options: BriefOptions): string {
  const set = clean(options.set);
  const section = clean(options.section);
  const text = clean(options.text);
  const keyword = /^(un)?subscribe\b/i.exec(text)?.[0];
  if (keyword && set) return [keyword, set, text.slice(keyword.length).trim()].filter(Boolean).join(' ');
  return [set, section, text].filter(Boolean).join(' ');
}

/** `/ask` options → `<question> [--set name]`. */
export function askCommandText(options: { question: string; set?: string | null }): string {
  const set = clean(options.set);
  return [clean(options.question), set ? `--set ${set}` : ''].filter(Boolean).join(' ');
}

export interface RegisterOptions {
  applicationId: string;
  /** Registers to this guild (instant) when set, else globally (may take up to an hour to appear). */
  guildId?: string | undefined;
  token?: string | undefined;
  /** REST base without the version, e.g. http://127.0.0.1:3000/api (proxies, tests). */
  apiUrl?: string | undefined;
  /** An existing REST client (the bot's), used instead of token/apiUrl. */
  rest?: REST | undefined;
}

/** discord.js adds `/v10` itself: the base must not carry a trailing slash. */
export function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '');
}

/** Overwrites the application's commands with COMMANDS (PUT is idempotent); returns what Discord stored. */
export async function registerCommands(options: RegisterOptions): Promise<{ id: string; name: string }[]> {
  let rest = options.rest;
  if (!rest) {
    if (!options.token) throw new Error('registerCommands needs a token or a REST client');
    rest = new REST({ version: '10', ...(options.apiUrl ? { api: restBase(options.apiUrl) } : {}) });
    rest.setToken(options.token);
  }
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const stored = (await rest.put(route, { body: COMMANDS })) as unknown;
  return Array.isArray(stored)
    ? stored.map((c: { id?: unknown; name?: unknown }) => ({ id: String(c.id), name: String(c.name) }))
    : [];
}
