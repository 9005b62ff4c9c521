import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SetWatcher, watchSets } from '../../src/schedule/set-watcher.ts';
import { tempDir } from './helpers.ts';

let temp: ReturnType<typeof tempDir>;
let watcher: SetWatcher | undefined;
beforeEach(() => {
  temp = tempDir();
});
afterEach(async () => {
  await watcher?.close();
  temp.cleanup();
});

describe('watchSets', () => {
  it('reports the sets whose files changed, once per burst', async () => {
    mkdirSync(join(temp.dir, 'city-news'));
    mkdirSync(join(temp.dir, 'weather'));
    writeFileSync(join(temp.dir, 'city-news', 'one.txt'), 'First article.');
    const calls: string[][] = [];
    let resolveCall: () => void = () => {};
    const called = new Promise<void>((r) => {
      resolveCall = r;
    });
    watcher = watchSets(
      temp.dir,
      (sets) => {
        calls.push(sets);
        resolveCall();
      },
      { debounceMs: 100 },
    );
    await watcher.ready;
    writeFileSync(join(temp.dir, 'city-news', 'two.txt'), 'Second article.');
    writeFileSync(join(temp.dir, 'city-news', 'three.md'), 'Third article.');
    writeFileSync(join(temp.dir, 'weather', 'storm.txt'), 'A storm.');
    await called;
    expect(calls).toEqual([['city-news', 'weather']]);
  });
});
