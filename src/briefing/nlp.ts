import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken } from 'wink-nlp';

/** One wink-nlp instance for the process: loading the model is the expensive part. */
const nlp = winkNLP(model);
const its = nlp.its;

export interface Entity {
  text: string;
  type: string;
  /** Token index span, inclusive. */
  start: number;
  end: number;
}

export interface Token {
  text: string;
  pos: string;
  /** Normalised (lower-case) form. */
  norm: string;
  /** Preceding whitespace. */
  pre: string;
  /** A stop word (the, of, said…), by wink-nlp's list. */
  stop: boolean;
  /** 'word', 'number', 'punctuation', 'quoted_phrase', … (wink-nlp token types). */
  type: string;
}

export interface AnalysedSentence {
  text: string;
  tokens: Token[];
  entities: Entity[];
}

/** Splits text into sentences (wink-nlp). */
export function splitSentences(text: string): string[] {
  if (!text.trim()) return [];
  return nlp.readDoc(text).sentences().out();
}

/** Sentences with tokens, POS tags and numeric/date entities, one wink-nlp pass. */
export function analyse(text: string): AnalysedSentence[] {
  if (!text.trim()) return [];
  const doc = nlp.readDoc(text);
  const tokenTexts = doc.tokens().out();
  const pos = doc.tokens().out(its.pos);
  const pre = doc.tokens().out(its.precedingSpaces);
  const norm = doc.tokens().out(its.normal);
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const types = doc.tokens().out(its.type);
  const entities: Entity[] = [];
  doc.entities().each((e: ItemEntity) => {
    const span = e.out(its.span) as unknown as [number, number];
    entities.push({ text: e.out(), type: e.out(its.type), start: span[0], end: span[1] });
  });
  const out: AnalysedSentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [start, end] = s.out(its.span) as unknown as [number, number];
    const tokens: Token[] = [];
    for (let i = start; i <= end; i++) {
      tokens.push({
        text: tokenTexts[i] ?? '',
        pos: pos[i] ?? '',
        norm: norm[i] ?? '',
        pre: pre[i] ?? '',
        stop: stop[i] ?? false,
        type: types[i] ?? '',
      });
    }
    const ents = entities
      .filter((e) => e.start >= start && e.end <= end)
      .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
    out.push({ text: s.out(), tokens, entities: ents });
  });
  return out;
}

/** Lower-case word tokens without punctuation or stop words, for similarity and retrieval. */
export function contentWords(text: string): string[] {
  if (!text.trim()) return [];
  const doc = nlp.readDoc(text);
  const words: string[] = [];
  doc.tokens().each((t: ItemToken) => {
    const type = t.out(its.type);
    if (type !== 'word' && type !== 'number') return;
    if (t.out(its.stopWordFlag)) return;
    words.push(t.out(its.normal));
  });
  return words;
}

/** A sentence of an article, with the index of its paragraph. */
export interface ArticleSentence extends AnalysedSentence {
  paragraph: number;
}

const articleCache = new WeakMap<object, ArticleSentence[]>();

/**
 * Every sentence of an article's paragraphs, analysed once and memoised per article object, so the
 * extractors (TL;DR, figures, quotes, answers) share one wink-nlp pass.
 */
export function analyseArticle(article: { paragraphs: string[] }): ArticleSentence[] {
  const cached = articleCache.get(article);
  if (cached) return cached;
  const out: ArticleSentence[] = [];
  article.paragraphs.forEach((p, paragraph) => {
    for (const s of analyse(p)) out.push({ ...s, paragraph });
  });
  articleCache.set(article, out);
  return out;
}
