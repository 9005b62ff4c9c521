/** A source file handed to the core: its name (for messages) and its text. The core never reads files. */
export interface SourceText {
  /** File name or other label, used as the article's `file` and in warnings. */
  name: string;
  content: string;
}

/** One article after parsing and cleaning. */
export interface Article {
  /** Stable id within the set (derived from the file name). */
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  /** Publication date as YYYY-MM-DD where known. */
  date: string | null;
  file: string | null;
  /** Cleaned body paragraphs, in order, with boilerplate, captions and dateline noise removed. */
  paragraphs: string[];
  /** The text every figure and quote is checked against: the original body, untouched apart from front matter. */
  raw: string;
}

export interface TldrBullet {
  text: string;
  articles: string[];
}

export interface Figure {
  /** The number as written in the source, e.g. "About 700", "19 percent", "€3,000". */
  value: string;
  /** What the number counts, e.g. "dock workers returning to work on Monday". */
  counts: string;
  /** The source sentence (verbatim) the figure stands in. */
  text: string;
  articles: string[];
  score: number;
  /** How many outlets report this figure (merged across articles). */
  outlets?: number;
}

export interface Quote {
  /** Verbatim quote text, paragraphs of one quote joined by a space. */
  text: string;
  speaker: string | null;
  role: string | null;
  article: string;
  score: number;
}

export interface TimelineEvent {
  /** YYYY-MM-DD */
  date: string;
  event: string;
  articles: string[];
}

export interface ArticleRef {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  date: string | null;
  file: string | null;
}

/** The platform-neutral digest. Field names are a public contract (the CLI's JSON output). */
export interface Digest {
  title: string;
  generatedAt: string;
  articles: ArticleRef[];
  tldr: TldrBullet[];
  figures: Figure[];
  quotes: Quote[];
  timeline: TimelineEvent[];
  warnings: string[];
}

/** Result of parsing one source text: an article, or the reason it was skipped. */
export type ParseResult = { ok: true; article: Article } | { ok: false; name: string; reason: string };
