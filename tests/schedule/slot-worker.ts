/**
 * One "bot process" for the two-process test: opens the shared database, runs the start-up catch-up
 * for every subscription, and appends each post it makes to a shared file.
 * argv: dataDir postsFile owner isoNow
 */
import { appendFileSync } from 'node:fs';
import type { Reply } from '../../src/chat/reply.ts';
import type { ChannelPoster } from '../../src/chat/types.ts';
import { DigestScheduler } from '../../src/schedule/scheduler.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { captureLogger, FakeBot, FakeCron, MemorySets } from './helpers.ts';

const [dataDir = '', postsFile = '', owner = '', isoNow = ''] = process.argv.slice(2);
const store = new SqliteStore(dataDir);
const sets = new MemorySets({ 'city-news': ['a1', 'a2'] });
let posted = 0;
const poster: ChannelPoster = {
  platform: 'slack',
  async post(channelId: string, _reply: Reply) {
    posted++;
    appendFileSync(postsFile, `${channelId} ${owner}\n`);
    return { messageId: `${owner}-${posted}` };
  },
};
const scheduler = new DigestScheduler({
  store,
  bot: new FakeBot(sets),
  sets,
  posters: new Map([['slack', poster]]),
  cron: new FakeCron(),
  logger: captureLogger().logger,
  graceMs: 7_200_000,
  empty: 'note',
  now: () => new Date(isoNow),
  owner,
});
await scheduler.start();
await scheduler.stop();
store.close();
process.stdout.write(`${owner} posted ${posted}\n`);
