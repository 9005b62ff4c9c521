/**
 * Words after which a full stop does not end a sentence (titles, months, common abbreviations).
 * Lower-case, without the dot.
 */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gov sen rep reps st sr jr gen lt col capt sgt cpl adm maj prof rev hon pres supt insp det fr no nos vol inc corp co ltd llc bros dept univ ave blvd rd mt ft jan feb mar apr jun jul aug sep sept oct nov dec vs etc al approx est fig ca'.split(
    ' ',
  ),
);

/**
 * A fast sentence splitter for pre-selection: splits after . ! ? (and closing quotes) when the next
 * sentence opens with a capital, a digit or an opening quote, except after abbreviations and initials
 * ("U.S.", "H.W."). It may miss a boundary, never a whole sentence; callers that need exact sentences
 * run wink-nlp on the pieces it selects.
 */
export function roughSentences(text: string): string[] {
  const out: string[] = [];
  const boundary = /([.!?…]+)(["”’')\]]*)\s+(?=["“‘'([]?[A-Z0-9])/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const stop = m[1] ?? '';
    const end = m.index + stop.length + (m[2]?.length ?? 0);
    if (stop === '.' && !m[2] && isAbbreviation(text.slice(start, m.index))) continue;
    const piece = text.slice(start, end).trim();
    if (piece) out.push(piece);
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["“‘'([]+/, '');
  if (/^[A-Za-z]$/.test(bare)) return true;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(bare)) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}
