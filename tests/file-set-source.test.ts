import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatError } from '../src/chat/types.ts';
import { decodeText, FileSetSource, loadSetFromDir } from '../src/sets/file-set-source.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sets-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(set: string, file: string, content: string | Buffer): string {
  mkdirSync(join(root, set), { recursive: true });
  const path = join(root, set, file);
  writeFileSync(path, content);
  return path;
}

describe('loadSetFromDir', () => {
  it('loads good files and skips bad ones with a warning naming the file and the reason', async () => {
    write('story', 'a.txt', 'The bridge reopened on Monday after repairs.');
    write('story', 'b.md', '---\ntitle: B\n---\nTraffic returned to normal by noon.');
    write('story', 'empty.txt', '');
    write('story', 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    write('story', 'huge.txt', 'x'.repeat(2 * 1024 * 1024 + 10));
    write('story', 'notes.json', '{}');
    mkdirSync(join(root, 'story', 'folder.txt'));
    const set = await loadSetFromDir(join(root, 'story'));
    expect(set.name).toBe('story');
    expect(set.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(set.warnings).toEqual(
      expect.arrayContaining([
        'empty.txt: skipped, file is empty',
        'photo.txt: skipped, file is binary, not text',
        'huge.txt: skipped, file is larger than 2 MB',
        'folder.txt: skipped, could not read it (not a regular file)',
      ]),
    );
    expect(set.warnings.every((w) => !w.startsWith('notes.json'))).toBe(true);
  });

  it('gives one clear error for a missing or empty set', async () => {
    await expect(loadSetFromDir(join(root, 'nope'))).rejects.toMatchObject({ code: 'SET_NOT_FOUND' });
    mkdirSync(join(root, 'blank'));
    await expect(loadSetFromDir(join(root, 'blank'))).rejects.toMatchObject({
      code: 'SET_EMPTY',
      message: expect.stringContaining('has no .txt or .md files'),
    });
    write('junk', 'a.txt', '');
    await expect(loadSetFromDir(join(root, 'junk'))).rejects.toBeInstanceOf(ChatError);
  });

  it('gives distinct ids to files that share a base name', async () => {
    write('dup', 'a.txt', 'First text here.');
    write('dup', 'a.md', 'Second text here.');
    const set = await loadSetFromDir(join(root, 'dup'));
    expect(new Set(set.articles.map((a) => a.id)).size).toBe(2);
  });
});

describe('decodeText', () => {
  it('reads UTF-8, UTF-16 with a byte-order mark and Windows-1252 text', () => {
    expect(decodeText(Buffer.from('Café “quoted”', 'utf8'))).toBe('Café “quoted”');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]))).toBe(
      'Café',
    );
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]))).toBe('Café “q”');
  });
});

describe('FileSetSource', () => {
  it('lists sets, picks a default and rejects bad names', async () => {
    write('beta', 'a.txt', 'Beta text here.');
    write('alpha', 'a.txt', 'Alpha text here.');
    const source = new FileSetSource(root);
    expect(await source.list()).toEqual(['alpha', 'beta']);
    expect(await source.defaultSet()).toBe('alpha');
    expect(await new FileSetSource(root, 'beta').defaultSet()).toBe('beta');
    await expect(new FileSetSource(root, 'gamma').defaultSet()).rejects.toMatchObject({
      code: 'SET_NOT_FOUND',
    });
    await expect(source.load('../etc')).rejects.toMatchObject({ code: 'SET_NOT_FOUND' });
    await expect(new FileSetSource(join(root, 'none')).defaultSet()).rejects.toMatchObject({
      code: 'SET_NOT_FOUND',
    });
  });

  it('caches a set until its files change, so new articles reach the next load', async () => {
    write('live', 'a.txt', 'First article text.');
    const source = new FileSetSource(root);
    const first = await source.load('live');
    expect(await source.load('live')).toBe(first);
    const added = write('live', 'b.txt', 'Second article text.');
    utimesSync(added, new Date(), new Date(Date.now() + 1000));
    const second = await source.load('live');
    expect(second.articles).toHaveLength(2);
    expect(second.version).not.toBe(first.version);
  });
});
