import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDigest } from '../briefing/build-digest.ts';
import { presentDigest } from '../chat/present-digest.ts';
import { ChatError, type LoadedSet } from '../chat/types.ts';
import { loadConfig } from '../config.ts';
import { FileSetSource, loadSetFromDir, loadSetFromFiles } from '../sets/file-set-source.ts';
import { renderReplyText } from '../terminal/render-text.ts';
import { isEntryPoint } from './entry-point.ts';

const USAGE = `Usage: npm run brief -- [--set DIR|NAME | FILE...] [--format text|markdown|json]

  --set DIR|NAME   a folder of articles, or the name of a set under BRIEFINGS_DIR (default: the default set)
  FILE...          article files (.txt or .md) to brief together
  --format         text (default), markdown, or json (the whole extraction)`;

/** Sets larger than this report progress on stderr. */
const PROGRESS_FROM = 100;

export async function runBrief(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const format = args.values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    err.write(`Unknown format "${format}".\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const set = await loadFromArgs(args.values.set, args.positionals);
    for (const warning of set.warnings) err.write(`warning: ${warning}\n`);
    const total = set.articles.length;
    const digest = buildDigest(set.articles, {
      warnings: set.warnings,
      ...(total > PROGRESS_FROM && {
        onProgress: (done: number) => err.write(`\rBuilding digest: ${done}/${total} articles`),
      }),
    });
    if (total > PROGRESS_FROM) err.write('\n');
    for (const warning of digest.warnings.slice(set.warnings.length)) err.write(`warning: ${warning}\n`);
    if (format === 'json') out.write(`${JSON.stringify(digest, null, 2)}\n`);
    else
      out.write(`${renderReplyText(presentDigest(digest, { set: set.name, section: 'all' }), { format })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ChatError) {
      err.write(`${error.userMessage}\n`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      set: { type: 'string' },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function loadFromArgs(set: string | undefined, files: string[]): Promise<LoadedSet> {
  if (set && files.length) throw new ChatError('BAD_ARGUMENTS', 'Give either --set or files, not both.');
  if (files.length) return loadSetFromFiles('files', files);
  if (set && existsSync(set) && statSync(set).isDirectory()) return loadSetFromDir(set);
  const config = loadConfig();
  const sets = new FileSetSource(config.BRIEFINGS_DIR, config.DEFAULT_SET);
  return sets.load(set ?? (await sets.defaultSet()));
}

if (isEntryPoint(import.meta.url)) {
  runBrief(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
