import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask.ts';

const SET_DIR = new URL('../../briefings/minneapolis-ice-2026/', import.meta.url).pathname;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c: Buffer) => {
    o += c.toString('utf8');
  });
  err.on('data', (c: Buffer) => {
    e += c.toString('utf8');
  });
  const code = await runAsk(args, out, err);
  return { code, out: o, err: e };
}

describe('npm run ask', () => {
  it('prints the JSON answer with exactly the documented names', async () => {
    const { code, out } = await run(['--set', SET_DIR, '--format', 'json', 'who is Tom Homan?']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['question', 'answer', 'found', 'citations']);
    expect(json.question).toBe('who is Tom Homan?');
    expect(json.found).toBe(true);
    expect(String(json.answer)).toContain('border czar');
    const citations = json.citations as Record<string, unknown>[];
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) expect(Object.keys(c)).toEqual(['article', 'text']);
  });

  it('prints a plain answer, and not-found answers plainly', async () => {
    const { out } = await run(['--set', SET_DIR, 'what is the capital of France?']);
    expect(out).toContain("The articles don't mention France.");
  });

  it('explains bad usage and missing sets', async () => {
    expect((await run(['--set', SET_DIR])).code).toBe(2);
    expect((await run(['--format', 'yaml', 'q'])).err).toContain('Unknown format');
    const missing = await run(['--set', '/nonexistent/set/dir', 'q']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('not');
  });
});
