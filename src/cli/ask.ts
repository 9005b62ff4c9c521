import { answer, createAnswerContext } from '../briefing/answer.ts';
import { buildDigest } from '../briefing/build-digest.ts';
import { presentAnswer } from '../chat/present-answer.ts';
import { renderReplyText } from '../terminal/render-text.ts';
import { loadSetArg, runCliCommand } from './cli-command.ts';
import { isEntryPoint } from './entry-point.ts';

const USAGE = `Usage: npm run ask -- [--set DIR|NAME] [--format text|markdown|json] "question"

  --set DIR|NAME   a folder of articles, or the name of a set under BRIEFINGS_DIR (default: the default set)
  --format         text (default), markdown, or json: { "question", "answer", "found", "citations" }`;

/** `npm run ask`: answers one question from an article set (exit code 1 only for a missing or empty set). */
export function runAsk(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  return runCliCommand(argv, { out, err }, USAGE, async ({ set: setArg, format, positionals }) => {
    const question = positionals.join(' ').trim();
    if (!question) {
      err.write(`Ask a question.\n\n${USAGE}\n`);
      return 2;
    }
    const set = await loadSetArg(setArg);
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
  });
}

if (isEntryPoint(import.meta.url)) {
  runAsk(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
