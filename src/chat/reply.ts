/**
 * The platform-neutral reply model. The chat layer builds these; each adapter renders them
 * (Slack → Block Kit, Discord → embeds, terminal → text). All strings are plain text: renderers
 * escape them for their platform, so text from users and articles can never trigger mentions or markup.
 */

/** Where a figure, quote or answer comes from. */
export interface SourceRef {
  articleId: string;
  /** Short label for a citation, e.g. "AP, Feb 4" (outlet or title, with date where known). */
  label: string;
  url: string | null;
}

export interface Link {
  label: string;
  url: string;
}

export type ReplySection =
  | { type: 'text'; heading?: string; text: string }
  | { type: 'bullets'; heading?: string; items: { text: string; sources: SourceRef[] }[] }
  | {
      type: 'figures';
      heading?: string;
      items: { value: string; counts: string; sources: SourceRef[]; outlets?: number }[];
    }
  | {
      type: 'quotes';
      heading?: string;
      items: { text: string; speaker: string | null; role: string | null; source: SourceRef }[];
    }
  | { type: 'timeline'; heading?: string; items: { date: string; event: string; sources: SourceRef[] }[] }
  | {
      type: 'sources';
      heading?: string;
      items: { title: string; outlet: string | null; date: string | null; url: string | null }[];
    }
  /** An answer's evidence: verbatim sentences with their source. */
  | { type: 'citations'; heading?: string; items: { text: string; source: SourceRef }[] }
  | { type: 'links'; heading?: string; items: Link[] };

export type ReplyKind = 'digest' | 'answer' | 'help' | 'sets' | 'schedule' | 'error' | 'info';

/** Set on a digest reply that opens a thread: the adapter posts it, then links the posted message to it. */
export interface DigestOrigin {
  /** Article set name. */
  set: string;
  /** Id of the digest record (stable within the store). */
  digestId: string;
  generatedAt: string;
  /** Ids of the articles the digest covered. */
  articleIds: string[];
}

export interface Reply {
  kind: ReplyKind;
  /** 'ephemeral': only the asking user sees it (Slack ephemeral / Discord ephemeral flag; terminal prints it the same). */
  visibility: 'public' | 'ephemeral';
  /** Header line (digest headline, "Answer", …). Plain text. */
  title?: string;
  sections: ReplySection[];
  /** Context line, e.g. "5 articles from 5 outlets · grounded". */
  footer?: string;
  /** Plain-text summary for notifications and platforms' fallback text (no markup). */
  text: string;
  digest?: DigestOrigin;
}
