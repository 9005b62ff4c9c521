/**
 * Text fitting shared by the platform renderers: both must cut replies into pieces under a size limit
 * without ever splitting an item, and only their markup differs.
 */

/** Packs lines into as few texts of at most `max` characters as possible; a line is never split. */
export function packLines(lines: string[], max: number, separator: string): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + separator.length + line.length > max) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}${separator}${line}` : line;
  }
  if (current) texts.push(current);
  return texts;
}

/** Long plain text → its paragraphs, and a paragraph that does not `fit` → its sentences. */
export function textPieces(text: string, fits: (piece: string) => boolean): string[] {
  const pieces: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    if (fits(trimmed)) pieces.push(trimmed);
    else pieces.push(...trimmed.split(/(?<=[.!?…]["”’)]?)\s+/));
  }
  return pieces;
}
