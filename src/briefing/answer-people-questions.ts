import { type AnswerParts, type Evidence, evidenceOf, termSet } from './answer-evidence.ts';
import { type AnswerContext, analysed, lastWord, type SentenceRow, searchSentences } from './answer-index.ts';
import { isRoleWord, type Person, resolvePerson, rolesBeforeNames } from './answer-people.ts';
import { indexTerm, termGroups } from './answer-terms.ts';
import type { ParsedQuestion } from './question-type.ts';
import type { Quote } from './types.ts';

/** A quotation: curly double quotes, or a straight/single quote opening or closing a word (not "Smith's"). */
const QUOTE_MARK = /[“”"]|(?:^|\s)['‘]\p{L}|\p{L}[.,!?]?['’](?=\s|$)/u;
const SPEECH =
  /\b(?:said|says|told|added|posted|wrote|argued|warned|stressed|insisted|responded|continued)\b/i;

/** Sentences mentioning a person's surname, best first; those with the full name first of all. */
function mentionRows(context: AnswerContext, person: Person, limit: number): SentenceRow[] {
  const surname = indexTerm(person.surname);
  if (!surname) return [];
  const terms = new Set([surname, ...person.name.split(/\s+/).map(indexTerm)]);
  const groups = [...terms]
    .filter((t): t is string => t !== null)
    .map((term) => ({ term, alternatives: [] }));
  const index = groups.findIndex((g) => g.term === surname);
  const full = person.name.toLowerCase();
  return searchSentences(context, groups, { limit: limit * 5 })
    .filter((h) => h.matched.has(index))
    .map((h, order) => ({
      h,
      rank: (context.sentences[h.id]?.text.toLowerCase().includes(full) ? 0 : 1e6) + order,
    }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ h }) => h)
    .map((h) => context.sentences[h.id])
    .filter((r): r is SentenceRow => r !== undefined);
}

function sameSpeaker(quote: Quote, person: Person): boolean {
  if (!quote.speaker || lastWord(quote.speaker) !== person.surname) return false;
  const a = quote.speaker
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !isRoleWord(w));
  const b = person.name.toLowerCase().split(/\s+/);
  return a.length < 2 || b.length < 2 || a[0] === b[0];
}

function notFound(subject: string | null, lead: string, evidence: Evidence[] = []): AnswerParts {
  return { found: false, lead, evidence, subject };
}

function quotedPeople(context: AnswerContext): string {
  const counts = new Map<string, number>();
  for (const q of context.digest.quotes)
    if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  const names = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([n]) => n);
  return names.length ? ` People quoted include ${names.join(', ')}.` : '';
}

/** "what did X say (about Y)?": the person's quotes, the ones about Y first. */
export function answerQuote(context: AnswerContext, question: ParsedQuestion): AnswerParts {
  if (!question.subject) return answerWhoSaid(context, question);
  const person = resolvePerson(context, question.subject);
  if (!person) {
    return notFound(
      null,
      `The articles don't quote anyone called ${question.subject}.${quotedPeople(context)}`,
    );
  }
  const topic = termSet(question.topic);
  for (const t of termSet(person.name)) topic.delete(t);
  const topicality = (text: string) => {
    if (topic.size === 0) return 0;
    const terms = termSet(text);
    let n = 0;
    for (const t of topic) if (terms.has(t)) n++;
    return n / topic.size;
  };
  const quotes = (context.quotesBySurname.get(person.surname) ?? [])
    .filter((q) => sameSpeaker(q, person))
    .map((q) => ({ q, rank: topicality(q.text) * 10 + q.score }))
    .sort((a, b) => b.rank - a.rank);
  const skip = question.more && quotes.length > 2 ? 2 : 0;
  const evidence: Evidence[] = quotes.slice(skip, skip + 2).map(({ q }) => {
    const info = context.articles[context.byId.get(q.article) ?? -1];
    return { article: q.article, label: info?.label ?? '', text: q.text, speaker: person.name };
  });
  if (evidence.length === 0) {
    // No extracted quote: sentences that report the person's words directly or indirectly.
    const rows = mentionRows(context, person, 40)
      .filter((r) => SPEECH.test(r.text) || QUOTE_MARK.test(r.text))
      .map((r) => ({ r, rank: topicality(r.text) + (QUOTE_MARK.test(r.text) ? 0.5 : 0) }))
      .sort((a, b) => b.rank - a.rank);
    for (const { r } of rows.slice(skip, skip + 2)) evidence.push(evidenceOf(context, r));
  }
  if (evidence.length === 0) {
    const mention = mentionRows(context, person, 1)[0];
    return notFound(
      person.name,
      `The articles mention ${person.name} but don't quote them.`,
      mention ? [evidenceOf(context, mention)] : [],
    );
  }
  return { found: true, lead: null, evidence, subject: person.name };
}

/** "who is quoted?": the most quoted people, with a role where the articles give one, and a quote of each. */
export function answerQuoted(context: AnswerContext): AnswerParts {
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of context.digest.quotes) {
    if (q.speaker) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q]);
  }
  const ranked = [...bySpeaker.values()].sort((a, b) => b.length - a.length).slice(0, 5);
  if (ranked.length === 0) return notFound(null, 'The articles quote no one by name.');
  const names = ranked.map((qs) => {
    const role = qs.find((q) => q.role)?.role;
    return role ? `${qs[0]?.speaker} (${role})` : (qs[0]?.speaker ?? '');
  });
  const evidence = ranked.slice(0, 3).flatMap((qs) => {
    const q = qs[0];
    const info = q ? context.articles[context.byId.get(q.article) ?? -1] : undefined;
    return q?.speaker && info
      ? [{ article: q.article, label: info.label, text: q.text, speaker: q.speaker }]
      : [];
  });
  return { found: true, lead: `Quoted: ${names.join(', ')}.`, evidence, subject: null };
}

/** "who said X?": the quote (or quoting sentence) closest to X. */
function answerWhoSaid(context: AnswerContext, question: ParsedQuestion): AnswerParts {
  const topic = termSet(question.topic);
  if (topic.size === 0) return notFound(null, `Which words do you mean?${quotedPeople(context)}`);
  let best: { q: Quote; share: number } | null = null;
  context.lazy.quoteTerms ??= new Map(context.digest.quotes.map((q) => [q, termSet(q.text)]));
  for (const [q, terms] of context.lazy.quoteTerms) {
    if (!q.speaker) continue;
    let n = 0;
    for (const t of topic) if (terms.has(t)) n++;
    const share = n / topic.size;
    if (share > (best?.share ?? 0) || (best && share === best.share && q.score > best.q.score)) {
      best = { q, share };
    }
  }
  if (best && best.share >= 0.5 && best.q.speaker) {
    const info = context.articles[context.byId.get(best.q.article) ?? -1];
    const who = best.q.role ? `${best.q.speaker}, ${best.q.role}` : best.q.speaker;
    return {
      found: true,
      lead: `${who}.`,
      evidence: [
        { article: best.q.article, label: info?.label ?? '', text: best.q.text, speaker: best.q.speaker },
      ],
      subject: best.q.speaker,
    };
  }
  const groups = termGroups(question.topic);
  const hit = searchSentences(context, groups, { limit: 5, filter: (r) => QUOTE_MARK.test(r.text) })[0];
  const row = hit ? context.sentences[hit.id] : undefined;
  if (row && hit && hit.matched.size >= Math.ceil(groups.length / 2)) {
    return { found: true, lead: null, evidence: [evidenceOf(context, row)], subject: null };
  }
  return notFound(null, `The articles don't quote anyone saying that.${quotedPeople(context)}`);
}

function roleText(words: string[]): string {
  return words.join(' ').replace(/\s+([.,])/g, '$1');
}

const APPOSITION = /^,\s+((?:the|a|an|who (?:is|was)|its|his|her|their)\s+[^,.;—–]{2,80})[,.;—–]/i;

/** "who is X?": the role or apposition the articles give X; "who is the vice president?": the person. */
export function answerWho(context: AnswerContext, question: ParsedQuestion): AnswerParts {
  const subject = question.subject ?? '';
  const person = resolvePerson(context, subject);
  if (!person) return notFound(null, `The articles don't mention ${subject}.`);
  const candidates = new Map<string, { role: string; rows: SentenceRow[]; votes: number; first: number }>();
  const add = (role: string, row: SentenceRow | null, order: number) => {
    const key = role.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
    const entry = candidates.get(key) ?? { role, rows: [], votes: 0, first: order };
    entry.votes += 1;
    // Newsroom style writes a descriptive role in lower case ("border czar"): prefer that form.
    if (/^\p{Lu}/u.test(entry.role) && /^\p{Ll}/u.test(role)) entry.role = role;
    if (row && !entry.rows.includes(row)) entry.rows.push(row);
    candidates.set(key, entry);
  };
  const rows = mentionRows(context, person, 40);
  rows.forEach((row, order) => {
    const tokens = analysed(context, row)?.tokens ?? [];
    for (const c of rolesBeforeNames(tokens)) {
      if (lastWord(c.name) === person.surname) add(roleText(c.role), row, order);
    }
    const at = row.text.toLowerCase().indexOf(person.surname);
    const after = at >= 0 ? row.text.slice(at + person.surname.length).replace(/^['’]s\b/, '') : '';
    const appo = APPOSITION.exec(after)?.[1];
    if (appo?.split(/\s+/).some(isRoleWord)) add(appo.trim(), row, order);
  });
  for (const q of context.quotesBySurname.get(person.surname) ?? []) {
    if (q.role && sameSpeaker(q, person)) add(q.role, null, rows.length);
  }
  const ranked = [...candidates.values()].sort((a, b) => b.votes - a.votes || a.first - b.first);
  // A role that is part of a longer one ("director" in "port director") adds nothing.
  const roles = ranked.filter(
    (c, i) => !ranked.some((o, j) => j !== i && o.role.toLowerCase().includes(c.role.toLowerCase()) && j < i),
  );
  const best = roles[0];
  const askedRole = !/\p{Lu}/u.test(subject.replace(/^\S+/, '')) && /^(?:the|a|an)\s/i.test(subject);
  if (askedRole) {
    const row = rows.find((r) =>
      r.text.toLowerCase().includes(subject.replace(/^(?:the|a|an)\s+/i, '').toLowerCase()),
    );
    return {
      found: true,
      lead: `${capitalise(subject)}: ${person.name}.`,
      evidence: row ? [evidenceOf(context, row)] : [],
      subject: person.name,
    };
  }
  if (!best) {
    return {
      found: true,
      lead: `The articles mention ${person.name} but give no title or role.`,
      evidence: rows.slice(0, 1).map((r) => evidenceOf(context, r)),
      subject: person.name,
    };
  }
  const shown = roles.slice(0, 2).filter((r, i) => i === 0 || r.rows.length > 0);
  const evidence: Evidence[] = [];
  for (const row of shown.flatMap((r) => r.rows)) {
    if (evidence.length >= 2) break;
    const e = evidenceOf(context, row);
    if (!evidence.some((x) => x.text === e.text)) evidence.push(e);
  }
  return {
    found: true,
    lead: `${person.name}: ${shown.map((r) => r.role).join('; ')}.`,
    evidence,
    subject: person.name,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ATTRIBUTION =
  /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)\s+(?:said|says|told|added|posted|wrote|argued)\b|\b(?:said|says|told)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/u;

/** The person a sentence attributes its words to ("…, Reyes said." -> Ana Reyes), or null. */
export function attributedPerson(context: AnswerContext, sentence: string): string | null {
  const m = ATTRIBUTION.exec(sentence);
  const name = m?.[1] ?? m?.[2];
  if (!name || /^The\s/.test(name) || isRoleWord(name.split(/\s+/).pop() ?? '')) return null;
  const person = resolvePerson(context, name)?.name ?? null;
  return person && !/^the\s/i.test(person) ? person : null;
}
