import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((m) => m[1] ?? m[2] ?? '');
}

/** The core may use only language libraries; everything else reaches it through its inputs. */
const CORE_PACKAGES = new Set(['wink-nlp', 'wink-eng-lite-web-model', 'minisearch', 'yaml', 'html-to-text']);

describe('architecture', () => {
  const coreFiles = sourceFiles(join(SRC, 'briefing'));

  it('finds the core', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
  });

  it.each(coreFiles.map((f) => [relative(SRC, f), f]))(
    '%s imports only core files and language libraries',
    (_, file) => {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = resolve(join(file, '..'), spec);
          expect(
            relative(join(SRC, 'briefing'), target).startsWith('..'),
            `${spec} leaves src/briefing`,
          ).toBe(false);
        } else {
          expect(CORE_PACKAGES.has(spec), `${spec} is not allowed in the core`).toBe(true);
        }
      }
    },
  );

  it.each(coreFiles.map((f) => [relative(SRC, f), f]))(
    '%s does no I/O, logging or clock reading',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/\bconsole\.|\bprocess\.|\brequire\(/);
    },
  );

  it('keeps adapters apart: Slack and Discord never import each other', () => {
    for (const [from, to] of [
      ['slack', 'discord'],
      ['discord', 'slack'],
    ] as const) {
      for (const file of sourceFiles(join(SRC, from))) {
        for (const spec of importsOf(file))
          expect(spec.includes(`/${to}/`), `${relative(SRC, file)} imports ${spec}`).toBe(false);
      }
    }
  });

  it('keeps platform packages out of the chat layer', () => {
    for (const file of sourceFiles(join(SRC, 'chat'))) {
      for (const spec of importsOf(file)) {
        expect(
          /^(?:@slack\/|discord\.js|node-cron|better-sqlite3)/.test(spec),
          `${relative(SRC, file)} imports ${spec}`,
        ).toBe(false);
      }
    }
  });
});
