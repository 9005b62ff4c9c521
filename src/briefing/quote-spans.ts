/**
 * Finds quoted spans in an article's paragraphs: curly and straight double quotes, curly and straight
 * single quotes (where ’ is also the apostrophe), guillemets, and quotes running over several
 * paragraphs (each paragraph opens with the mark, only the last one closes).
 */

export type MarkKind = 'double' | 'single' | 'angle';

interface Mark {
  pos: number;
  kind: MarkKind;
  /** 'weak' is a closing single mark that may also be a plural possessive ("the officials’ view"). */
  type: 'open' | 'close' | 'weak';
}

/** The verbatim inner text range of a quote within one paragraph: [start, end). */
export interface QuotePart {
  paragraph: number;
  start: number;
  end: number;
}

export interface QuoteSpan {
  kind: MarkKind;
  parts: QuotePart[];
  /** Paragraph and character index of the opening mark. */
  openParagraph: number;
  openPos: number;
  /** Paragraph and character index of the closing mark. */
  closeParagraph: number;
  closePos: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Characters after which a straight mark opens a quote. */
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:“‘"]/;

const MARK_CHARS = /[“„”«»"‘’']/g;

function scanMarks(p: string): Mark[] {
  const marks: Mark[] = [];
  for (const found of p.matchAll(MARK_CHARS)) {
    const i = found.index ?? 0;
    const c = found[0];
    const prev = i > 0 ? (p[i - 1] as string) : '';
    const next = i + 1 < p.length ? (p[i + 1] as string) : '';
    const opensHere = prev === '' || OPENING_CONTEXT.test(prev);
    if (c === '“' || c === '„') marks.push({ pos: i, kind: 'double', type: 'open' });
    else if (c === '”') marks.push({ pos: i, kind: 'double', type: 'close' });
    else if (c === '«') marks.push({ pos: i, kind: 'angle', type: 'open' });
    else if (c === '»') marks.push({ pos: i, kind: 'angle', type: 'close' });
    else if (c === '"') {
      if (opensHere && next !== '' && !SPACE.test(next)) marks.push({ pos: i, kind: 'double', type: 'open' });
      else if (prev !== '' && !SPACE.test(prev)) marks.push({ pos: i, kind: 'double', type: 'close' });
    } else if (c === '‘') {
      if (next !== '' && !SPACE.test(next)) marks.push({ pos: i, kind: 'single', type: 'open' });
    } else if (c === '’' || c === "'") {
      if (WORD_CHAR.test(prev) && WORD_CHAR.test(next)) continue; // apostrophe inside a word
      if (c === "'" && opensHere && next !== '' && !SPACE.test(next)) {
        marks.push({ pos: i, kind: 'single', type: 'open' });
      } else if (prev !== '' && !SPACE.test(prev) && !WORD_CHAR.test(next)) {
        const possessive = /[sS]/.test(prev) && SPACE.test(next) && /\p{Ll}/u.test(p[i + 2] ?? '');
        marks.push({ pos: i, kind: 'single', type: possessive ? 'weak' : 'close' });
      }
    }
  }
  return marks;
}

/** A quote still open at the end of a paragraph, possibly continued by the next. */
interface OpenQuote {
  kind: MarkKind;
  parts: QuotePart[];
  openParagraph: number;
  openPos: number;
  /** Keys of the opening marks of this chain, ignored if the chain never closes. */
  openKeys: string[];
  /** Where to restart if the chain fails. */
  startParagraph: number;
}

/** State at the start of a paragraph, restored when a quote opened there never closes. */
interface Snapshot {
  chain: OpenQuote | null;
  spans: number;
}

const copyOpen = (o: OpenQuote | null): OpenQuote | null =>
  o && { ...o, parts: o.parts.map((p) => ({ ...p })), openKeys: [...o.openKeys] };

const key = (paragraph: number, mark: number) => `${paragraph}:${mark}`;

/** Returns every quote span, in order. Unclosed marks are treated as noise. */
export function findQuoteSpans(paragraphs: string[]): QuoteSpan[] {
  const marks = paragraphs.map(scanMarks);
  const ignored = wrapperMarks(paragraphs, marks);
  const spans: QuoteSpan[] = [];
  let chain: OpenQuote | null = null;
  const snapshots: Snapshot[] = [];
  let pi = 0;
  while (pi < paragraphs.length) {
    const text = paragraphs[pi] as string;
    const list = marks[pi] as Mark[];
    snapshots[pi] = { chain: copyOpen(chain), spans: spans.length };
    let open: OpenQuote | null = chain;
    let first = 0;
    if (open) {
      // The continuing paragraph's leading mark is consumed as the chain's re-opening.
      const lead = firstMark(list, pi, ignored);
      first = lead + 1;
      open.openKeys.push(key(pi, lead));
      open.parts.push({ paragraph: pi, start: (list[lead] as Mark).pos + 1, end: text.length });
    }
    let failed: string[] | null = null;
    for (let mi = first; mi < list.length; mi++) {
      if (ignored.has(key(pi, mi))) continue;
      const m = list[mi] as Mark;
      if (!open) {
        if (m.type === 'open') {
          open = {
            kind: m.kind,
            parts: [{ paragraph: pi, start: m.pos + 1, end: text.length }],
            openParagraph: pi,
            openPos: m.pos,
            openKeys: [key(pi, mi)],
            startParagraph: pi,
          };
        }
        continue;
      }
      if (m.kind !== open.kind) continue; // a nested quote of another kind
      if (m.type === 'open') {
        failed = open.openKeys; // the earlier opening never closed
        break;
      }
      if (m.type === 'weak') {
        // A possessive-looking mark closes only when no later closing mark of the kind follows.
        const later = nextSameKind(list, mi, m.kind, pi, ignored);
        if (later && later.type !== 'open') continue;
      }
      const last = open.parts[open.parts.length - 1] as QuotePart;
      last.end = m.pos;
      spans.push({
        kind: open.kind,
        parts: open.parts,
        openParagraph: open.openParagraph,
        openPos: open.openPos,
        closeParagraph: pi,
        closePos: m.pos,
      });
      open = null;
    }
    if (!failed && open && !continues(paragraphs, marks, pi + 1, open.kind, ignored)) failed = open.openKeys;
    if (failed && open) {
      for (const k of failed) ignored.add(k);
      pi = open.startParagraph;
      const snapshot = snapshots[pi] as Snapshot;
      spans.length = snapshot.spans;
      chain = copyOpen(snapshot.chain);
      continue;
    }
    chain = open;
    pi++;
  }
  return spans;
}

function firstMark(list: Mark[], pi: number, ignored: Set<string>): number {
  for (let mi = 0; mi < list.length; mi++) if (!ignored.has(key(pi, mi))) return mi;
  return -1;
}

function nextSameKind(list: Mark[], from: number, kind: MarkKind, pi: number, ignored: Set<string>) {
  for (let mi = from + 1; mi < list.length; mi++) {
    const m = list[mi] as Mark;
    if (m.kind === kind && !ignored.has(key(pi, mi))) return m;
  }
  return undefined;
}

/** True when paragraph `pi` opens with an opening mark of `kind` (a multi-paragraph quote goes on). */
function continues(paragraphs: string[], marks: Mark[][], pi: number, kind: MarkKind, ignored: Set<string>) {
  const text = paragraphs[pi];
  const list = marks[pi];
  if (text === undefined || !list) return false;
  const mi = firstMark(list, pi, ignored);
  const m = list[mi];
  if (!m || m.kind !== kind || m.type !== 'open') return false;
  return text.slice(0, m.pos).trim() === '';
}

/**
 * An article wrapped in a pair of opening marks (the first character of the body opens, the last
 * character is another opening mark) is a copy-paste artefact: both marks are noise.
 */
function wrapperMarks(paragraphs: string[], marks: Mark[][]): Set<string> {
  const ignored = new Set<string>();
  const lastIndex = paragraphs.length - 1;
  const firstList = marks[0];
  const lastList = marks[lastIndex];
  if (!firstList || !lastList || lastIndex < 0) return ignored;
  const head = firstList[0];
  const tail = lastList[lastList.length - 1];
  const first = paragraphs[0] as string;
  const last = paragraphs[lastIndex] as string;
  if (head?.type === 'open' && first.slice(0, head.pos).trim() === '') {
    if (tail?.type === 'open' && last.slice(tail.pos + 1).trim() === '') {
      ignored.add(key(0, 0));
      ignored.add(key(lastIndex, lastList.length - 1));
    }
  }
  return ignored;
}
