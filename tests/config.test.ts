import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '../src/config.ts';

describe('config', () => {
  it('runs with no variables at all (the fresh-machine case)', () => {
    const config = loadConfig({});
    expect(config.BRIEFINGS_DIR).toBe('./briefings');
    expect(config.DIGEST_GRACE).toBe(2 * 3_600_000);
    expect(config.DIGEST_SCHEDULES).toEqual([]);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('.env.example documents every variable of the schema, and only those, each with a comment', () => {
    const example = readFileSync(resolve(import.meta.dirname, '../.env.example'), 'utf8').split('\n');
    const documented = example.map((l) => /^([A-Z_]+)=/.exec(l)?.[1]).filter((k): k is string => Boolean(k));
    expect(new Set(documented)).toEqual(new Set(Object.keys(configSchema.shape)));
    for (const key of documented) {
      const line = example.findIndex((l) => l.startsWith(`${key}=`));
      expect(example[line - 1]?.startsWith('#'), `${key} has a comment above it`).toBe(true);
    }
  });

  it('lists every problem by variable name without echoing secret values', () => {
    let error: unknown;
    try {
      loadConfig({
        SLACK_BOT_TOKEN: 'not-a-token-secret-value',
        DISCORD_TOKEN: 'discord-secret',
        PORT: 'eighty',
        DIGEST_GRACE: 'soon',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = String((error as Error).message);
    expect(message).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(message).toContain('PORT');
    expect(message).toContain('DIGEST_GRACE');
    expect(message).not.toContain('not-a-token-secret-value');
    expect(message).not.toContain('discord-secret');
  });

  it('requires the companion variables of a platform', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN/);
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc' })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).SLACK_SIGNING_SECRET).toBe(
      's',
    );
  });

  it('validates DIGEST_SCHEDULES entries', () => {
    const ok = loadConfig({
      DIGEST_SCHEDULES:
        '[{"platform":"slack","channel":"C1","set":"s","time":"07:30","zone":"America/Chicago"}]',
    });
    expect(ok.DIGEST_SCHEDULES[0]).toMatchObject({ time: '07:30', zone: 'America/Chicago', days: 'daily' });
    expect(() =>
      loadConfig({ DIGEST_SCHEDULES: '[{"platform":"slack","channel":"C1","time":"25:00"}]' }),
    ).toThrow(/HH:MM/);
    expect(() => loadConfig({ DIGEST_SCHEDULES: 'not json' })).toThrow(/JSON array/);
    expect(() =>
      loadConfig({
        DIGEST_SCHEDULES: '[{"platform":"discord","channel":"1","time":"07:00","zone":"Mars/Base"}]',
      }),
    ).toThrow(/DIGEST_SCHEDULES.0.zone must be an IANA time zone/);
  });
});
