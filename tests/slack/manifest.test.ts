import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Manifest {
  features: { bot_user: { display_name: string }; slash_commands: { command: string; usage_hint: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; socket_mode_enabled: boolean };
}

const manifest = parse(
  readFileSync(new URL('../../slack-manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('slack-manifest.yaml', () => {
  it('declares the commands the adapter handles, with usage hints', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/brief', '/ask']);
    for (const command of manifest.features.slash_commands)
      expect(command.usage_hint.length).toBeGreaterThan(0);
  });

  it('asks for the scopes and events the adapter needs, in Socket Mode', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'chat:write.public',
        'app_mentions:read',
        'channels:history',
        'groups:history',
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.channels', 'message.groups']),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
