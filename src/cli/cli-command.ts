import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ChatError, type LoadedSet } from '../chat/types.ts';
import { loadConfig } from '../config.ts';
import { FileSetSource, loadSetFromDir, loadSetFromFiles } from '../sets/file-set-source.ts';

export type OutputFormat = 'text' | 'markdown' | 'json';

export interface CliArgs {
  set: string | undefined;
  format: OutputFormat;
  positionals: string[];
}

/**
 * The shared shell of the one-shot commands (`brief`, `ask`): parses `--set`, `--format` and `--help`,
 * prints usage on bad arguments (exit 2), and turns a ChatError into its message (exit 1).
 */
export async function runCliCommand(
  argv: string[],
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream },
  usage: string,
  body: (args: CliArgs) => Promise<number>,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.out.write(`${usage}\n`);
    return 0;
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    io.err.write(`Unknown format "${format}".\n\n${usage}\n`);
    return 2;
  }
  try {
    return await body({ set: parsed.values.set, format, positionals: parsed.positionals });
  } catch (error) {
    if (error instanceof ChatError) {
      io.err.write(`${error.userMessage}\n`);
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

/** `--set DIR` (a folder), `--set NAME` (a set under BRIEFINGS_DIR), files, or the default set. */
export async function loadSetArg(set: string | undefined, files: string[] = []): Promise<LoadedSet> {
  if (set && files.length) throw new ChatError('BAD_ARGUMENTS', 'Give either --set or files, not both.');
  if (files.length) return loadSetFromFiles('files', files);
  if (set && existsSync(set) && statSync(set).isDirectory()) return loadSetFromDir(set);
  const config = loadConfig();
  const sets = new FileSetSource(config.BRIEFINGS_DIR, config.DEFAULT_SET);
  return sets.load(set ?? (await sets.defaultSet()));
}
