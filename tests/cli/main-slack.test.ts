import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/fake-slack.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * `npm start` with Slack variables, as a real process: main wires config, the SQLite store, the
 * scheduler, the set watcher and the Slack adapter. The test speaks to it only through a fake Slack.
 */
let slack: FakeSlack;
let child: ChildProcess;
let stderr = '';

beforeAll(async () => {
  slack = await FakeSlack.start();
  const cwd = mkdtempSync(join(tmpdir(), 'main-slack-'));
  child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BRIEFINGS_DIR: join(ROOT, 'briefings'),
      DATA_DIR: join(cwd, 'data'),
      SLACK_BOT_TOKEN: 'xoxb-main-test-token',
      SLACK_APP_TOKEN: 'xapp-main-test-token',
      SLACK_API_URL: slack.url,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await slack.close();
});

describe('npm start with Slack configured', () => {
  it('posts the digest for /brief, answers in its thread, and shuts down cleanly', async () => {
    await slack.deliver(slack.slashCommand({ command: '/brief', text: '' }));
    const [digest] = await slack.waitFor('chat.postMessage', 1);
    expect(JSON.stringify(digest?.body.blocks)).toContain('TL;DR');
    const ts = '1700000001.000100';

    await slack.deliver(
      slack.event({
        type: 'message',
        text: 'how many officers will remain?',
        ts: '1700000100.000200',
        thread_ts: ts,
      }),
    );
    const posts = await slack.waitFor('chat.postMessage', 2);
    expect(posts[1]?.body.thread_ts).toBe(ts);
    expect(JSON.stringify(posts[1]?.body)).toContain('2,000');

    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('main-test-token');
  }, 60_000);
});
