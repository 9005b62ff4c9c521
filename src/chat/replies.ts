import { USAGE } from './commands.ts';
import type { Reply } from './reply.ts';
import type { Subscription } from './types.ts';

/** Small replies the bot gives besides digests and answers. */

export function errorReply(message: string, usage?: string): Reply {
  const text = usage ? `${message}\nUsage: ${usage}` : message;
  return {
    kind: 'error',
    visibility: 'ephemeral',
    sections: [
      { type: 'text', text: message },
      ...(usage ? [{ type: 'text' as const, text: `Usage: ${usage}` }] : []),
    ],
    text,
  };
}

export function infoReply(text: string, visibility: Reply['visibility'] = 'ephemeral'): Reply {
  return { kind: 'info', visibility, sections: [{ type: 'text', text }], text };
}

const HELP_LINES = [
  `${USAGE.brief} — a digest of an article set; opens a thread for follow-up questions`,
  `${USAGE.sets} — the article sets you can brief`,
  `${USAGE.ask} — ask about the articles (answers cite their sources)`,
  `${USAGE.subscribe} — post a digest here every day (zone defaults to UTC)`,
  `${USAGE.unsubscribe} — stop this channel's scheduled digests (all of them without a set)`,
  `${USAGE.schedule} — this channel's scheduled digests`,
  'In a digest thread, just ask: "how many…?", "what did … say?", "who is …?", "when…?", "why…?"',
];

export function helpReply(defaultSet: string | null): Reply {
  const items = HELP_LINES.map((text) => ({ text, sources: [] }));
  const footer = defaultSet ? `Default set: ${defaultSet}` : undefined;
  return {
    kind: 'help',
    visibility: 'ephemeral',
    title: 'Briefing bot commands',
    sections: [{ type: 'bullets', items }],
    ...(footer ? { footer } : {}),
    text: ['Briefing bot commands', ...HELP_LINES].join('\n'),
  };
}

export function setsReply(sets: string[], defaultSet: string | null): Reply {
  if (sets.length === 0) return infoReply('No article sets yet: add a folder of .txt or .md articles.');
  const items = sets.map((s) => ({ text: s === defaultSet ? `${s} (default)` : s, sources: [] }));
  return {
    kind: 'sets',
    visibility: 'ephemeral',
    title: 'Article sets',
    sections: [{ type: 'bullets', items }],
    footer: 'Brief one with /brief <set>',
    text: ['Article sets:', ...items.map((i) => `• ${i.text}`)].join('\n'),
  };
}

export function describeSubscription(s: Pick<Subscription, 'set' | 'time' | 'zone' | 'days'>): string {
  return `${s.set} at ${s.time} ${s.zone}, ${s.days === 'weekdays' ? 'weekdays' : 'every day'}`;
}

export function scheduleReply(subscriptions: Subscription[]): Reply {
  if (subscriptions.length === 0) {
    return infoReply(`No scheduled digests in this channel. Add one with ${USAGE.subscribe}`);
  }
  const items = subscriptions.map((s) => ({ text: describeSubscription(s), sources: [] }));
  return {
    kind: 'schedule',
    visibility: 'ephemeral',
    title: "This channel's scheduled digests",
    sections: [{ type: 'bullets', items }],
    text: ["This channel's scheduled digests:", ...items.map((i) => `• ${i.text}`)].join('\n'),
  };
}
