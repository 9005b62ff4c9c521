import { sourceLabel } from '../briefing/source-label.ts';
import type { ArticleRef } from '../briefing/types.ts';
import type { SourceRef } from './reply.ts';

/** Turns article ids into citation refs ("AP, Feb 4" with the article's url); unknown ids are skipped. */
export class SourceRefs {
  private readonly byId = new Map<string, SourceRef>();

  constructor(articles: ArticleRef[]) {
    for (const a of articles) this.byId.set(a.id, { articleId: a.id, label: sourceLabel(a), url: a.url });
  }

  get(id: string): SourceRef | undefined {
    return this.byId.get(id);
  }

  /** Refs for ids, in order, without duplicates. */
  all(ids: string[]): SourceRef[] {
    const out: SourceRef[] = [];
    for (const id of new Set(ids)) {
      const ref = this.byId.get(id);
      if (ref) out.push(ref);
    }
    return out;
  }

  /** A ref for a single article, with a placeholder label when the id is unknown. */
  one(id: string): SourceRef {
    return this.byId.get(id) ?? { articleId: id, label: id, url: null };
  }
}
