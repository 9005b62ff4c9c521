import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
/** An empty working directory, so a developer's own .env cannot leak into the test. */
const CWD = mkdtempSync(join(tmpdir(), 'main-'));
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const DEFAULTS = { BRIEFINGS_DIR: join(ROOT, 'briefings'), DATA_DIR: join(CWD, 'data') };

/** `npm start` as a fresh machine runs it: no tokens, default set, digest on stdout. */
async function start(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, join(ROOT, 'src/main.ts')], {
      cwd: CWD,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...DEFAULTS, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('main', () => {
  it('prints the default digest and how to connect a platform when no token is set', async () => {
    const { code, stdout } = await start({});
    expect(code).toBe(0);
    expect(stdout).toContain('TL;DR');
    expect(stdout).toContain('· grounded');
    expect(stdout).toMatch(/SLACK_BOT_TOKEN[\s\S]*DISCORD_TOKEN/);
  });

  it('stops with every bad variable named, and no secret echoed', async () => {
    const { code, stderr } = await start({ SLACK_BOT_TOKEN: 'secret-value-123', PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(stderr).toContain('PORT');
    expect(stderr).not.toContain('secret-value-123');
  });

  it('says clearly when the article sets are missing', async () => {
    const { code, stdout, stderr } = await start({ BRIEFINGS_DIR: '/nonexistent/briefings' });
    expect(code).toBe(1);
    expect(stderr).toContain('No article sets found in /nonexistent/briefings');
    expect(stdout).not.toContain('SLACK_BOT_TOKEN');
  });
});
