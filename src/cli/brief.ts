import { buildDigest } from '../briefing/build-digest.ts';
import { presentDigest } from '../chat/present-digest.ts';
import { renderReplyText } from '../terminal/render-text.ts';
import { loadSetArg, runCliCommand } from './cli-command.ts';
import { isEntryPoint } from './entry-point.ts';

const USAGE = `Usage: npm run brief -- [--set DIR|NAME | FILE...] [--format text|markdown|json]

  --set DIR|NAME   a folder of articles, or the name of a set under BRIEFINGS_DIR (default: the default set)
  FILE...          article files (.txt or .md) to brief together
  --format         text (default), markdown, or json (the whole extraction)`;

/** Sets larger than this report progress on stderr. */
const PROGRESS_FROM = 100;

/** `npm run brief`: builds a set's digest and prints it. Warnings (skipped files, dropped items) go to stderr. */
export function runBrief(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  return runCliCommand(argv, { out, err }, USAGE, async ({ set: setArg, format, positionals }) => {
    const set = await loadSetArg(setArg, positionals);
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
  });
}

if (isEntryPoint(import.meta.url)) {
  runBrief(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
