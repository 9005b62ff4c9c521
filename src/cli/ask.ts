import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answer, createAnswerContext } from '../briefing/answer.ts';
import { buildDigest } from '../briefing/build-digest.ts';
import { presentAnswer } from '../chat/present-answer.ts';
import { ChatError, type LoadedSet } from '../chat/types.ts';
import { loadConfig } from '../config.ts';
import { FileSetSource, loadSetFromDir } from '../sets/file-set-source.ts';
import { renderReplyText } from '../terminal/render-text.ts';
import { isEntryPoint } from './entry-point.ts';

const USAGE = `Usage: npm run ask -- [--set DIR|NAME] [--format text|markdown|json] "question"

  --set DIR|NAME   a folder of articles, or the name of a set under BRIEFINGS_DIR (default: the default set)
  --format         text (default), markdown, or json: { "question", "answer", "found", "citations" }`;

/** `npm run ask`: answers one question from an article set (exit code 1 only for a missing or empty set). */
export async function runAsk(
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
  const question = args.positionals.join(' ').trim();
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    err.write(`Unknown format "${format}".\n\n${USAGE}\n`);
    return 2;
  }
  if (!question) {
    err.write(`Ask a question.\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const set = await loadSet(args.values.set);
    for (const warning of set.warnings) err.write(`warning: ${warning}\n`);
    const digest = buildDigest(set.articles, { warnings: set.warnings });
    const result = answer(question, createAnswerContext(set.articles, digest));
    if (format === 'json') {
      const citations = result.citations.map((c) => ({ article: c.article, text: c.text }));
      const json = { question, answer: result.text, found: result.found, citations };
      out.write(`${JSON.stringify(json, null, 2)}\n`);
    } else if (format === 'markdown') {
      out.write(
        renderReplyText(presentAnswer(question, result, digest.articles, { set: set.name }), { format }),
      );
    } else {
      out.write(`${result.text}\n`);
    }
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

async function loadSet(set: string | undefined): Promise<LoadedSet> {
  if (set && existsSync(set) && statSync(set).isDirectory()) return loadSetFromDir(set);
  const config = loadConfig();
  const sets = new FileSetSource(config.BRIEFINGS_DIR, config.DEFAULT_SET);
  return sets.load(set ?? (await sets.defaultSet()));
}

if (isEntryPoint(import.meta.url)) {
  runAsk(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
