import { parseArticle } from '../../src/briefing/parse-article.ts';
import type { Article } from '../../src/briefing/types.ts';
import { type ArticleSetSource, ChatError, type LoadedSet } from '../../src/chat/types.ts';

/** An ArticleSetSource over in-memory sets; `replace` bumps a set's version like a changed folder. */
export class MemorySetSource implements ArticleSetSource {
  private readonly sets = new Map<string, LoadedSet>();
  private revision = 0;

  constructor(
    sets: Record<string, Article[]>,
    private readonly preferred?: string,
  ) {
    for (const [name, articles] of Object.entries(sets)) this.replace(name, articles);
  }

  replace(name: string, articles: Article[]): void {
    this.revision += 1;
    this.sets.set(name, { name, articles, warnings: [], version: `v${this.revision}` });
  }

  async list(): Promise<string[]> {
    return [...this.sets.keys()].sort();
  }

  async load(name: string): Promise<LoadedSet> {
    const set = this.sets.get(name);
    if (!set) throw new ChatError('SET_NOT_FOUND', `Article set "${name}" was not found.`);
    return set;
  }

  async defaultSet(): Promise<string> {
    const first = this.preferred ?? (await this.list())[0];
    if (!first) throw new ChatError('SET_NOT_FOUND', 'No article sets.');
    return first;
  }
}

/** Parses an article written as a file would be (front matter + body). */
export function article(name: string, content: string): Article {
  const parsed = parseArticle({ name, content });
  if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
  return parsed.article;
}

/** A small invented story (a dock strike in a made-up port) with names the default set never uses. */
export function harborStrikeSet(): Article[] {
  return [
    article(
      'ledger-dock-strike.md',
      `---
title: Dock workers strike at Port of Riverton
outlet: Daily Ledger
date: 2026-03-10
url: https://ledger.example/dock-strike
---
About 1,200 dock workers walked off the job on Monday, halting cargo at the Port of Riverton, union leader Amara Mensah said.

The strike began on March 9, 2026, after talks over pay collapsed.

“We will not go back until the port offers a fair contract,” Mensah said.

Port director Viktor Novak said the port had offered a 4 percent raise.

About 300 trucks were turned away from the terminal on Tuesday, the port said.

Novak said the port would lose about $2 million a day while the strike lasts.
`,
    ),
    article(
      'metro-wire-mayor.md',
      `---
title: Riverton mayor urges return to talks as ships wait offshore
outlet: Metro Wire
date: 2026-03-11
---
Mayor Chloe Whitfield urged both sides to return to talks.

“Every day this drags on hurts families in Riverton,” Whitfield told reporters on Tuesday.

Shipping companies said 14 ships were waiting offshore.

Mensah, the head of the dockworkers' union, said the workers want a 9 percent raise because living costs have risen sharply.

The port's last strike ended on June 2, 2019.
`,
    ),
  ];
}
