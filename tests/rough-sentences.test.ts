import { describe, expect, it } from 'vitest';
import { roughSentences } from '../src/briefing/rough-sentences.ts';

describe('roughSentences', () => {
  it('splits at sentence ends but not after abbreviations, initials or inside numbers', () => {
    const text =
      'Gov. Ana Ruiz met Mr. Lee in the U.S. capital on Jan. 5. Costs rose 4.5% overall. “It works,” she said! Then H.G. Wells arrived?';
    expect(roughSentences(text)).toEqual([
      'Gov. Ana Ruiz met Mr. Lee in the U.S. capital on Jan. 5.',
      'Costs rose 4.5% overall.',
      '“It works,” she said!',
      'Then H.G. Wells arrived?',
    ]);
  });

  it('keeps closing quotes with their sentence and returns nothing for blank text', () => {
    expect(roughSentences('He said “no.” She left.')).toEqual(['He said “no.”', 'She left.']);
    expect(roughSentences('   ')).toEqual([]);
  });
});
