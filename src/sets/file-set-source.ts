import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MAX_ARTICLE_BYTES, parseArticle } from '../briefing/parse-article.ts';
import type { Article } from '../briefing/types.ts';
import { type ArticleSetSource, ChatError, type LoadedSet } from '../chat/types.ts';

const ARTICLE_FILE = /\.(?:txt|md|markdown)$/i;
/** Reads at most this many files at once: enough to overlap I/O, few enough for any ulimit. */
const READ_CONCURRENCY = 32;

/** Loads a list of article files. Bad files are skipped with a warning naming the file and the reason. */
export async function loadSetFromFiles(name: string, files: string[]): Promise<LoadedSet> {
  const warnings: string[] = [];
  const articles: (Article | null)[] = new Array(files.length).fill(null);
  const stamps: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as string;
      const label = basename(file);
      try {
        const info = await stat(file);
        stamps[index] = `${label}:${info.size}:${info.mtimeMs}`;
        if (!info.isFile()) throw new Error('not a regular file');
        if (info.size > MAX_ARTICLE_BYTES) {
          warnings.push(`${label}: skipped, file is larger than 2 MB`);
          continue;
        }
        const content = decodeText(await readFile(file));
        const parsed = parseArticle({ name: label, content });
        if (parsed.ok) articles[index] = parsed.article;
        else warnings.push(`${label}: skipped, ${parsed.reason}`);
      } catch (error) {
        warnings.push(
          `${label}: skipped, could not read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  const loaded = uniqueIds(articles.filter((a): a is Article => a !== null));
  if (loaded.length === 0) {
    const reason = files.length === 0 ? 'has no .txt or .md files' : 'has no readable article';
    throw new ChatError(
      'SET_EMPTY',
      `Article set "${name}" ${reason}.${warnings.length ? ` ${warnings.join('; ')}` : ''}`,
    );
  }
  const version = createHash('sha1').update(stamps.join('|')).digest('hex').slice(0, 12);
  return { name, articles: loaded, warnings: warnings.sort(), version };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text files come in UTF-8 mostly, but saved-from-Windows files arrive as UTF-16 (with a byte-order mark)
 * or Windows-1252: decode those as what they are rather than as replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    // Binary content stays recognisable: NUL bytes survive this decoding and parseArticle rejects them.
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252's 0x80–0x9F block (smart quotes, dashes, €); Node's decoder may treat it as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
  }
  return out;
}

/** Loads every .txt/.md file of a folder (sorted by name) as one set. */
export async function loadSetFromDir(dir: string, name = basename(resolve(dir))): Promise<LoadedSet> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ChatError('SET_NOT_FOUND', `Article set "${name}" was not found (no folder at ${dir}).`, {
        cause: error,
      });
    }
    throw new ChatError('SET_NOT_FOUND', `Article set "${name}" could not be read (${code ?? 'error'}).`, {
      cause: error,
    });
  }
  const files = entries
    .filter((e) => ARTICLE_FILE.test(e) && !e.startsWith('.'))
    .sort()
    .map((e) => join(dir, e));
  return loadSetFromFiles(name, files);
}

/** Two files named alike ("a.txt", "a.md") must not share an id: citations point at one article. */
function uniqueIds(articles: Article[]): Article[] {
  const seen = new Map<string, number>();
  return articles.map((a) => {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    return n === 0 ? a : { ...a, id: `${a.id}-${n + 1}` };
  });
}

/**
 * Article sets as folders under a root directory (briefings/<set>/). Loaded sets are cached and
 * reloaded when a file's name, size or modification time changes, so new files reach the next digest.
 */
export class FileSetSource implements ArticleSetSource {
  private readonly cache = new Map<string, { stamp: string; set: LoadedSet }>();

  constructor(
    readonly root: string,
    private readonly preferredDefault?: string,
  ) {}

  async list(): Promise<string[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(this.root, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  }

  async defaultSet(): Promise<string> {
    const sets = await this.list();
    if (this.preferredDefault) {
      if (sets.includes(this.preferredDefault)) return this.preferredDefault;
      throw new ChatError(
        'SET_NOT_FOUND',
        `The default article set "${this.preferredDefault}" is not in ${this.root}.`,
      );
    }
    const first = sets[0];
    if (!first)
      throw new ChatError(
        'SET_NOT_FOUND',
        `No article sets found in ${this.root}: add a folder of .txt or .md articles.`,
      );
    return first;
  }

  async load(name: string): Promise<LoadedSet> {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) {
      throw new ChatError('SET_NOT_FOUND', `"${name}" is not a valid article set name.`);
    }
    const dir = join(this.root, name);
    const stamp = await folderStamp(dir);
    const cached = this.cache.get(name);
    if (cached && stamp !== null && cached.stamp === stamp) return cached.set;
    const set = await loadSetFromDir(dir, name);
    if (stamp !== null) this.cache.set(name, { stamp, set });
    return set;
  }

  /** Forgets cached sets (all, or one), e.g. when a watcher sees files change. */
  invalidate(name?: string): void {
    if (name) this.cache.delete(name);
    else this.cache.clear();
  }
}

/** Names, sizes and mtimes of a folder's files: cheap to compute, changes whenever an article does. */
async function folderStamp(dir: string): Promise<string | null> {
  try {
    const entries = (await readdir(dir)).filter((e) => ARTICLE_FILE.test(e)).sort();
    const parts = await Promise.all(
      entries.map(async (e) => {
        const info = await stat(join(dir, e));
        return `${e}:${info.size}:${info.mtimeMs}`;
      }),
    );
    return parts.join('|');
  } catch {
    return null;
  }
}
