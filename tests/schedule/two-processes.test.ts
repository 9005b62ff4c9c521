import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { tempDir } from './helpers.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

function runWorker(postsFile: string, owner: string): Promise<string> {
  const worker = join(import.meta.dirname, 'slot-worker.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', worker, temp.dir, postsFile, owner, '2026-03-02T14:00:00Z'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`worker ${owner} exited ${code}: ${err}`)),
    );
  });
}

describe('two bot processes on one database file', () => {
  it('post each missed slot once between them', async () => {
    const store = new SqliteStore(temp.dir);
    const channels = Array.from({ length: 40 }, (_, i) => `C${i}`);
    for (const channelId of channels) {
      store.upsertChatSubscription({
        id: `sub-${channelId}`,
        platform: 'slack',
        channelId,
        set: 'city-news',
        time: '07:30',
        zone: 'America/Chicago',
        days: 'daily',
        createdBy: 'U1',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    store.close();
    const postsFile = join(temp.dir, 'posts.log');
    await Promise.all([runWorker(postsFile, 'p1'), runWorker(postsFile, 'p2')]);
    const posts = readFileSync(postsFile, 'utf8').trim().split('\n');
    expect(posts.map((line) => line.split(' ')[0]).sort()).toEqual([...channels].sort());
  }, 60_000);
});
