import { toIsoDate } from './front-matter.ts';

/**
 * Turns an article body into clean paragraphs. Each rule targets a kind of mess found in real
 * scraped articles (captions, boilerplate, datelines, headings, wrapped quotes), never a particular story.
 * Paragraphs stay substrings of the body apart from trimming, so verbatim checks still hold.
 */

export interface CleanedBody {
  paragraphs: string[];
  /** The first markdown heading, a candidate title. */
  heading: string | null;
  /** A headline-like first line (short, no sentence punctuation), a candidate title. */
  leadLine: string | null;
  /** Date announced in a dateline ("date 2026-02-04", "2026-02-04 CITY —"). */
  datelineDate: string | null;
  /** Outlet named in a dateline ("CITY (AP) —"). */
  datelineOutlet: string | null;
}

const LIST_ITEM = /^\s*(?:[*•‣◦-]|\d{1,2}[.)])\s+/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const TERMINAL = /[.!?:;…"'”’“)\]]$/;
const BOILERPLATE =
  /^(?:related(?: content| articles| stories| coverage)?|advertisement|ad|read more|share(?: this)?(?: article| story)?|post a comment|no comments?:?|\d+ comments?:?|comments?|leave a (?:comment|reply)|subscribe(?: now)?|sign up.*|click here.*|follow us.*|skip to (?:main )?content|back to top|print|email|more from .*)$/i;
const LINK_LINE =
  /^(?:go deeper|read more|related|see also|more from|watch|listen|also read|recommended)\s*:/i;
const CREDIT_LINE =
  /(?:contributed (?:to )?(?:this )?report(?:ing)?|^\(?(?:additional )?(?:reporting|writing|editing) by\b|^(?:photo|image|credit|source|video)s?\s*:|getty images|\(photo by|all rights reserved|©)/i;
const SECTION_TO_DROP =
  /^(?:sources?|references|related(?: articles| stories)?|see also|further reading|links)\s*:?$/i;
const DATELINE_DATE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/i;
const LEADING_ISO = /^\s*(\d{4}-\d{2}-\d{2})\s+/;
/** "LISBON (AP) — ", "WASHINGTON, D.C. — ", "LONDON (Reuters) -", "LONDON, Nov 22 (Reuters) -" */
const DATELINE =
  /^\s*([A-Z][A-Z.,' ]{2,40}?)\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\(([^)]{1,40})\))?\s*[—–-]{1,2}\s+(?=\S)/;
/** "Posted: 22 Nov 2026", "Published on March 3, 2025", "Updated 2026-02-04 10:00". */
const PUBLISHED_LINE =
  /^(?:posted|published|updated|first published|last updated)(?:\s+on)?\s*:?\s*(.{6,40})$/i;

export function cleanBody(body: string): CleanedBody {
  const blocks = toParagraphs(body);
  let heading: string | null = null;
  let datelineDate: string | null = null;
  let datelineOutlet: string | null = null;
  const kept: string[] = [];
  const seen = new Set<string>();
  let droppingSection = false;

  for (let i = 0; i < blocks.length; i++) {
    let p = blocks[i] ?? '';
    const headingMatch = HEADING.exec(p);
    if (headingMatch) {
      const text = headingMatch[1] ?? '';
      if (heading === null && kept.length === 0) heading = text;
      droppingSection = SECTION_TO_DROP.test(text);
      continue;
    }
    if (droppingSection) continue;
    if (SECTION_TO_DROP.test(p)) {
      droppingSection = true;
      continue;
    }
    if (kept.length <= 1 && datelineDate === null && datelineOutlet === null) {
      const d = DATELINE_DATE.exec(p) ?? LEADING_ISO.exec(p);
      if (d) {
        datelineDate = d[1] ?? null;
        p = p.slice(d[0].length);
      }
      const dl = DATELINE.exec(p);
      if (dl && isDatelinePlace(dl[1] ?? '')) {
        const outlet = (dl[2] ?? '').trim();
        if (outlet && !/^(?:exclusive|updated?|analysis|opinion)$/i.test(outlet)) datelineOutlet = outlet;
        p = p.slice(dl[0].length);
      }
    }
    p = p.trim();
    const published = PUBLISHED_LINE.exec(p);
    if (published) {
      datelineDate ??= toIsoDate(published[1]);
      continue;
    }
    if (!p || isNoise(p)) continue;
    const key = p.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue; // repeated captions and pull quotes
    seen.add(key);
    kept.push(p);
  }

  const leadLine = kept.length > 1 && isHeadlineLike(kept[0] ?? '') ? (kept[0] ?? null) : null;
  const paragraphs = leadLine ? kept.slice(1) : kept;
  return {
    paragraphs: unwrapArticleQuote(paragraphs.filter((p) => isContent(p))),
    heading,
    leadLine,
    datelineDate,
    datelineOutlet,
  };
}

/** Blank-line blocks; each line is a paragraph unless the block is hard-wrapped prose. */
function toParagraphs(body: string): string[] {
  const out: string[] = [];
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!isHardWrapped(lines)) {
      out.push(...lines.map((l) => l.trimEnd()));
      continue;
    }
    let current = '';
    for (const line of lines) {
      const startsNew = LIST_ITEM.test(line) || HEADING.test(line);
      if (current && !startsNew && !TERMINAL.test(current.trim())) current = `${current} ${line.trim()}`;
      else {
        if (current) out.push(current);
        current = line.trimEnd();
      }
    }
    if (current) out.push(current);
  }
  return out;
}

/** Hard-wrapped prose: several lines, none long, most stopping mid-sentence. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 3 || lines.some((l) => l.length > 100)) return false;
  const open = lines.filter((l) => !TERMINAL.test(l.trim()) && !LIST_ITEM.test(l)).length;
  return open >= lines.length / 2;
}

function isDatelinePlace(place: string): boolean {
  const letters = place.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function isNoise(p: string): boolean {
  if (BOILERPLATE.test(p) || LINK_LINE.test(p)) return true;
  if (CREDIT_LINE.test(p) && p.split(/\s+/).length < 30) return true;
  const letters = p.replace(/[^A-Za-z]/g, '');
  // A capitalised related-headline line: "OFFICIAL VISITS STATE AS HE CALLS ON VOTERS TO …"
  if (letters.length >= 12 && letters === letters.toUpperCase() && p.split(/\s+/).length >= 4) return true;
  // A list item that is only a link: a "sources" list, not article text.
  if (LIST_ITEM.test(p) && /^\s*\S+\s+\[[^\]]*\]\([^)]*\)\s*$/.test(p)) return true;
  return false;
}

/** Captions and sub-headings carry no sentence punctuation; list items are content. */
function isContent(p: string): boolean {
  if (LIST_ITEM.test(p)) return true;
  return TERMINAL.test(p.trim());
}

function isHeadlineLike(p: string): boolean {
  const words = p.split(/\s+/).length;
  return words >= 3 && words <= 30 && !/[.!?]["”’']?$/.test(p.trim()) && !LIST_ITEM.test(p);
}

const OPENERS = /^["“„«]/;
const WRAP_CLOSERS = /["“”»]$/;

/**
 * An article wrapped in one pair of quote marks: the first paragraph opens a quote that it never closes
 * and the next paragraph does not continue it (a real multi-paragraph quote re-opens each paragraph).
 * Drop the opening mark, and a dangling mark at the very end.
 */
function unwrapArticleQuote(paragraphs: string[]): string[] {
  if (paragraphs.length < 2) return paragraphs;
  const first = paragraphs[0] ?? '';
  if (!OPENERS.test(first) || OPENERS.test(paragraphs[1] ?? '')) return paragraphs;
  const rest = first.slice(1);
  if (rest.includes('”') || (rest.match(/"/g)?.length ?? 0) % 2 === 1) return paragraphs;
  const out = [...paragraphs];
  out[0] = rest.trimStart();
  const last = out[out.length - 1] ?? '';
  if (WRAP_CLOSERS.test(last) && (last.match(/["“”]/g)?.length ?? 0) % 2 === 1) {
    out[out.length - 1] = last.slice(0, -1).trimEnd();
  }
  return out;
}
