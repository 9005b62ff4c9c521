import { describe, expect, it } from 'vitest';
import { packLines, textPieces } from '../../src/chat/fit-text.ts';

describe('fit-text', () => {
  it('packs lines into as few texts as fit, never splitting a line', () => {
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 9, '\n')).toEqual(['aaaa\nbbbb', 'cccc']);
    expect(packLines(['aaaaaaaaaaaa', 'b'], 5, '\n')).toEqual(['aaaaaaaaaaaa', 'b']);
    expect(packLines([], 5, '\n')).toEqual([]);
  });

  it('splits text into paragraphs, and a paragraph that does not fit into sentences', () => {
    const text = 'Short one.\n\nA longer paragraph. It has “two sentences.” And a third!';
    expect(textPieces(text, (p) => p.length <= 20)).toEqual([
      'Short one.',
      'A longer paragraph.',
      'It has “two sentences.”',
      'And a third!',
    ]);
    expect(textPieces(text, () => true)).toHaveLength(2);
  });
});
