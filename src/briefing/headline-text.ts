/** Turning a lead sentence into a headline-length line, for articles and sets that have no headline. */

/** "X is reducing Y but will continue Z, W said." → "X is reducing Y". */
export function shortenClause(sentence: string): string {
  const words = sentence.split(/\s+/);
  if (words.length <= 14) return sentence;
  const whole = words.length <= 20;
  const boundary = /^(?:but|while|although|after|as|because|which|who)$/i;
  for (let i = 6; i < Math.min(words.length, 22); i++) {
    const word = words[i] ?? '';
    const previous = words[i - 1] ?? '';
    if (boundary.test(word) || /[,;:—–]$/.test(previous) || word === '—') {
      return words
        .slice(0, i)
        .join(' ')
        .replace(/[,;:—–]$/, '');
    }
  }
  return whole ? sentence : `${words.slice(0, 16).join(' ')}…`;
}

/** One line of at most 150 characters, without a closing full stop. */
export function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/[.]$/, '');
  return line.length > 150 ? `${line.slice(0, 147).replace(/\s+\S*$/, '')}…` : line;
}
