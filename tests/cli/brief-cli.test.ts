import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runBrief } from '../../src/cli/brief.ts';

const SET_DIR = new URL('../../briefings/minneapolis-ice-2026/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'brief-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c: Buffer) => {
    chunks.out += c.toString('utf8');
  });
  err.on('data', (c: Buffer) => {
    chunks.err += c.toString('utf8');
  });
  const code = await runBrief(args, out, err);
  return { code, ...chunks };
}

describe('npm run brief', () => {
  it('prints the whole extraction as JSON with the documented names', async () => {
    const { code, out } = await run(['--set', SET_DIR, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown[]>;
    expect(Object.keys(json)).toEqual([
      'title',
      'generatedAt',
      'articles',
      'tldr',
      'figures',
      'quotes',
      'timeline',
      'warnings',
    ]);
    expect(Object.keys(json.articles?.[0] as object)).toEqual([
      'id',
      'title',
      'outlet',
      'url',
      'date',
      'file',
    ]);
    expect(Object.keys(json.figures?.[0] as object)).toEqual(
      expect.arrayContaining(['value', 'counts', 'text', 'articles', 'score']),
    );
    expect(Object.keys(json.quotes?.[0] as object)).toEqual(['text', 'speaker', 'role', 'article', 'score']);
    expect(Object.keys(json.timeline?.[0] as object)).toEqual(['date', 'event', 'articles']);
  });

  it('prints readable text and markdown', async () => {
    const text = await run(['--set', SET_DIR]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/TL;DR/);
    expect(text.out).toMatch(/Key figures/);
    const md = await run(['--set', SET_DIR, '--format', 'markdown']);
    expect(md.out).toMatch(/^# /m);
  });

  it('briefs a list of files, warning about the bad ones', async () => {
    const good = join(tmp, 'good.txt');
    const empty = join(tmp, 'empty.txt');
    writeFileSync(good, 'The ferry service resumed on Monday after a two-week strike by crews.');
    writeFileSync(empty, '');
    const { code, out, err } = await run([good, empty, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).articles).toHaveLength(1);
    expect(err).toContain('warning: empty.txt: skipped, file is empty');
  });

  it('reports progress on stderr for sets of over 100 articles', async () => {
    const dir = join(tmp, 'big');
    mkdirSync(dir);
    for (let i = 0; i < 101; i++) {
      writeFileSync(
        join(dir, `a${i}.txt`),
        `Crews repaired ${i + 2} water mains in district ${i} on Tuesday.`,
      );
    }
    const { code, err } = await run(['--set', dir, '--format', 'json']);
    expect(code).toBe(0);
    expect(err).toContain('Building digest: 101/101 articles');
  });

  it('answers bad arguments with usage and a missing set with one clear error', async () => {
    expect((await run(['--format', 'pdf'])).err).toContain('Unknown format "pdf"');
    expect((await run(['--format', 'pdf'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
    const missing = await run(['--set', 'no-such-set']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Article set "no-such-set" was not found');
    expect((await run(['--set', SET_DIR, join(tmp, 'good.txt')])).err).toContain('either --set or files');
  });
});
