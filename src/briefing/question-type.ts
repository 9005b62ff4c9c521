/** What a question asks for; decides which evidence `answer` looks at. */
export type QuestionType =
  | 'empty'
  | 'abuse'
  | 'smalltalk'
  | 'count'
  | 'quote'
  | 'who'
  | 'when'
  | 'why'
  | 'what'
  /** "what happened?", "summary": the digest's TL;DR. */
  | 'overview'
  /** "who is quoted?": the people the articles quote. */
  | 'quoted';

export interface ParsedQuestion {
  type: QuestionType;
  /** The question with pronouns resolved, for retrieval. */
  text: string;
  /** The person or thing asked about ("Novak", "the vice president"), where the question names one. */
  subject: string | null;
  /** For counts: the thing counted ("officers"). */
  thing: string | null;
  /** What else the question is about, beyond the subject ("about immunity"). */
  topic: string;
  /** "what else did he say?", "what did she say next?": skip what a first answer would show. */
  more: boolean;
}

const ABUSE = /\b(?:fuck\w*|shit\w*|bitch\w*|bastard|asshole|shut up|hate you)\b/i;
/** Milder words are abuse only when aimed at the bot: "garbage collection" is a fair news question. */
const INSULT =
  /\b(?:stupid|idiot\w*|dumb|moron\w*|sucks?|crap|useless|worthless|garbage|rubbish|pathetic)\b/i;
const AT_THE_BOT = /\b(?:you|you're|youre|your|u|bot|this thing)\b/i;

function isAbuse(text: string): boolean {
  if (ABUSE.test(text)) return true;
  return INSULT.test(text) && (AT_THE_BOT.test(text) || text.split(' ').length <= 3);
}
const SMALLTALK =
  /^(?:hi|hello|hey|yo|thanks|thank you|thx|ok|okay|cool|great|nice|bye|good (?:morning|afternoon|evening|night)|how are you)(?:\s+\w+)?[\s!.?]*$/i;
const OVERVIEW =
  /^(?:(?:so|and|ok|okay),?\s+)?(?:what(?:'s|’s| is| has| was)? (?:happen(?:ed|ing)|going on|new|the (?:news|story|latest|gist|summary))|tell me (?:more|about it|everything)|more|summar(?:y|i[sz]e)(?: it| this)?|(?:give me |what is )?(?:a |the )?(?:summary|overview|gist|tl;?dr|main points?)|what (?:is|are) (?:this|these|the articles?|it) about|brief me)[\s?!.]*$/i;
const QUOTED =
  /^(?:who (?:is|was|are|were|gets?|got) (?:being )?quoted|who (?:spoke|speaks|is speaking|commented|has spoken)|(?:which|what) people (?:are|were) (?:quoted|mentioned)|who are the (?:people|speakers|sources)|(?:list|show) (?:the )?(?:quotes|speakers))[\s?!.]*$/i;
const PRONOUN = /\b(he|she|him|her|his|hers|they|them|their)\b/i;
const SAY_VERBS =
  'say|said|tell|told|post|posted|write|wrote|claim|claimed|argue|argued|think|thought|add|added|mean|warn|warned|respond|responded|react|reacted|announce|announced';
const QUOTE_PATTERNS: RegExp[] = [
  new RegExp(
    `^(?:and\\s+)?what (?:else )?(?:did|does|do|has|had|will|would) (.+?) (?:${SAY_VERBS})\\b(.*)$`,
    'i',
  ),
  /^(?:and\s+)?how did (.+?) (?:respond|react|reply|answer)\b(.*)$/i,
  /^(?:what (?:is|was|are|were) )?(.+?)['’]s? (?:quotes?|comments?|remarks?|statements?|words|reaction|response)\b(.*)$/i,
  /^(?:any |give me |show me )?(?:quotes?|comments?|remarks?|statements?) (?:from|by) (.+?)(?: (?:on|about) (.*))?$/i,
  /^what (?:is|was) (.+?) (?:saying|quoted as saying)\b(.*)$/i,
];
const WHO_IS = /^(?:who|what)(?:'s|’s| is| was| are| were) (.+)$/i;
const WHAT_ROLE = /^what (?:is|was) the (?:role|job|title|position) of (.+)$/i;
const MORE = /\b(?:else|next|more|other|another|then)\b/i;

/** Classifies a question and pulls out its subject; `previousSubject` resolves "he"/"she"/"they". */
export function parseQuestion(raw: string, previousSubject: string | null = null): ParsedQuestion {
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  const base = { subject: null, thing: null, topic: '', more: false };
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return { ...base, type: 'empty', text: '' };
  if (isAbuse(trimmed)) return { ...base, type: 'abuse', text: trimmed };
  if (SMALLTALK.test(trimmed)) return { ...base, type: 'smalltalk', text: trimmed };
  if (OVERVIEW.test(trimmed)) return { ...base, type: 'overview', text: trimmed };
  if (QUOTED.test(trimmed)) return { ...base, type: 'quoted', text: trimmed };
  const text = resolvePronouns(trimmed.replace(/[?!.\s]+$/, ''), previousSubject);
  const more = MORE.test(text);

  const count = /\bhow (many|much)\s+(.*)$/i.exec(text);
  if (count) {
    // "how much" asks for an amount, often money, whose unit the articles write as "$2 million".
    const thing = count[1]?.toLowerCase() === 'many' ? countedThing(count[2] ?? '') : null;
    return { ...base, type: 'count', text, thing, topic: text, more };
  }
  for (const pattern of QUOTE_PATTERNS) {
    const m = pattern.exec(text);
    if (m?.[1] && isSubjectLike(m[1])) {
      return { ...base, type: 'quote', text, subject: cleanSubject(m[1]), topic: m[2] ?? '', more };
    }
  }
  if (/^who (?:said|says|told|wrote|posted|warned|argued|claimed)\b/i.test(text)) {
    return { ...base, type: 'quote', text, topic: text.replace(/^who \w+\s*/i, ''), more };
  }
  const role = WHAT_ROLE.exec(text) ?? WHO_IS.exec(text);
  if (role?.[1] && /^who|^what (?:is|was) the (?:role|job|title|position)/i.test(text)) {
    const subject = cleanSubject(role[1]);
    if (isSubjectLike(subject)) return { ...base, type: 'who', text, subject, topic: '', more };
  }
  if (
    /^(?:and\s+)?when\b|\bwhat (?:day|date|time|year|month)\b|\bon what date\b|\bhow long ago\b/i.test(text)
  ) {
    return { ...base, type: 'when', text, subject: namedSubject(text), topic: text, more };
  }
  if (
    /^(?:and\s+)?why\b|\bwhat (?:caused|prompted|led to|triggered)\b|\bfor what reason\b|\bthe reason\b/i.test(
      text,
    )
  ) {
    return { ...base, type: 'why', text, subject: namedSubject(text), topic: text, more };
  }
  return { ...base, type: 'what', text, subject: namedSubject(text), topic: text, more };
}

function resolvePronouns(text: string, subject: string | null): string {
  if (!subject || !PRONOUN.test(text)) return text;
  return text.replace(new RegExp(PRONOUN.source, 'gi'), (word) =>
    /^(?:his|their|hers)$/i.test(word) ? `${subject}'s` : subject,
  );
}

/** "officers will stay in the state" -> "officers"; "federal officers were withdrawn" -> "federal officers". */
function countedThing(rest: string): string | null {
  const out: string[] = [];
  for (const word of rest.split(/\s+/)) {
    if (
      /^(?:will|would|are|were|is|was|did|do|does|have|has|had|can|could|should|may|might|in|at|on|of|for|from|to|by|with|that|who|which|the|a|an)$/i.test(
        word,
      ) &&
      out.length > 0
    )
      break;
    if (/^(?:the|a|an)$/i.test(word)) continue;
    out.push(word);
    if (out.length === 3) break;
  }
  return out.length ? out.join(' ') : null;
}

/** Strips articles and honorifics the articles may not use: "the vice president" keeps its role words. */
function cleanSubject(subject: string): string {
  return subject
    .replace(/^(?:mr|mrs|ms|dr)\.?\s+/i, '')
    .replace(/\s+(?:next|then|later|again|else|first|about it)$/i, '')
    .replace(/[?!.,;:\s]+$/, '')
    .trim();
}

/** A subject is a name or a short noun phrase, not a clause ("leading the operation"). */
function isSubjectLike(subject: string): boolean {
  const words = subject.trim().split(/\s+/);
  if (words.length === 0 || words.length > 6) return false;
  return /\p{Lu}/u.test(subject) || /^(?:the|a|an)\s/i.test(subject) || words.length <= 3;
}

const QUESTION_WORD =
  /^(?:(?:What|Who|Whom|Whose|When|Why|How|Where|Which|Is|Are|Was|Were|Did|Does|Do|Has|Have|Had|Can|Could|Will|Would|Should|The|A|An|In|On|At|And|But|Tell|Give|Show)\b\s*)+/;

/** A capitalised name inside a question ("when did Olsen speak" -> "Olsen"), for thread follow-ups. */
export function namedSubject(text: string): string | null {
  const matches = text
    .match(/\b\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)*/gu)
    ?.map((m) => m.replace(QUESTION_WORD, '').replace(/['’]s$/, ''))
    .filter((m) => m.length > 1);
  return matches?.[0] ?? null;
}
