import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.ts';

/** Slack tokens that might appear inside a library's log string, where pino's path redaction cannot see them. */
const TOKEN_PATTERN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
/** Payloads logged as JSON at debug level carry a (legacy) verification `token` field. */
const TOKEN_FIELD = /("token"\s*:\s*")[^"]*"/g;

export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted]').replace(TOKEN_FIELD, '$1[redacted]"');
}

/**
 * Bolt, web-api and socket-mode log through this adapter into our pino logger, so their lines get
 * the same level, format and redaction as ours. The level is pino's: Bolt's setLevel is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const err = parts.find((p): p is Error => p instanceof Error);
      const message = scrubSecrets(format(...parts.filter((p) => p !== err)));
      if (err) child[level]({ err }, message);
      else child[level](message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => {
      const level = child.level;
      if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
      if (level === 'warn') return LogLevel.WARN;
      if (level === 'error' || level === 'fatal' || level === 'silent') return LogLevel.ERROR;
      return LogLevel.INFO;
    },
    setName: () => {},
  };
}
