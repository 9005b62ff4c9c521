/** Number words and approximators, and the normalised forms used as merge keys for figures. */

export const APPROX_1 = new Set([
  'about',
  'roughly',
  'nearly',
  'almost',
  'around',
  'approximately',
  'some',
  'over',
  'only',
]);
export const APPROX_2 = new Set([
  'more than',
  'fewer than',
  'less than',
  'up to',
  'at least',
  'at most',
  'close to',
  'just over',
  'just under',
  'an estimated',
]);
export const SMALL_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
};
/** Counted nouns for people and homes: the figures readers look for first (as singular merge heads). */
export const PEOPLE_HEADS = new Set(
  'people person resident customer household home passenger worker employee staff job student pupil child children patient victim death dead injured casualty casualtie migrant refugee voter officer soldier troop civilian family member user volunteer evacuee tourist visitor protester firefighter nurse doctor teacher adult women men woman man citizen inmate prisoner hostage survivor'.split(
    ' ',
  ),
);

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 };

/** Crude singular form for merging: "officers" → "officer". */
export function normaliseNoun(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** "About 700" → "700", "19 percent" → "19%", "a million" → "1000000". Used only as a merge key. */
export function normaliseValue(value: string): string {
  let v = value.toLowerCase().replace(/per\s?cent/g, '%');
  for (const phrase of [...APPROX_2, ...APPROX_1]) v = v.replace(new RegExp(`^${phrase}\\s+`), '');
  const amount = amountOf(v);
  const unit = v.includes('%') ? '%' : (v.match(/[$€£¥₹]/)?.[0] ?? '');
  return amount === null ? v.replace(/\s+/g, ' ').trim() : `${unit}${amount}`;
}

export function amountOf(value: string): number | null {
  const v = value.toLowerCase();
  const digits = v.match(/\d[\d,]*(?:\.\d+)?/);
  let amount = digits ? Number(digits[0].replace(/,/g, '')) : null;
  // Magnitudes written onto the number: "£12m", "$5.2bn", "300k".
  const suffix = digits
    ? /^\s?(k|m|mn|bn|b|tn)\b/.exec(v.slice((digits.index ?? 0) + digits[0].length))
    : null;
  if (amount !== null && suffix?.[1]) amount *= SUFFIXES[suffix[1]] ?? 1;
  for (const [word, n] of Object.entries(SMALL_WORDS)) {
    if (!new RegExp(`\\b${word}\\b`).test(v)) continue;
    amount = amount === null ? n : n >= 100 ? amount * n : amount;
  }
  return amount !== null && Number.isFinite(amount) ? amount : null;
}
