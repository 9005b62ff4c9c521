import type { SourceText } from '../src/briefing/types.ts';

/** Deterministic PRNG (mulberry32) so every run measures the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Maria',
  'James',
  'Aiko',
  'Omar',
  'Lena',
  'Diego',
  'Priya',
  'Samuel',
  'Chloe',
  'Viktor',
  'Amara',
  'Noah',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Tanaka',
  'Haddad',
  'Moreau',
  'Alvarez',
  'Raman',
  'Whitfield',
  'Novak',
  'Mensah',
];
const ROLES = [
  'Mayor',
  'Senator',
  'Transport Minister',
  'union leader',
  'company spokesperson',
  'Governor',
  'police chief',
];
const PLACES = [
  'Riverton',
  'Lakeside',
  'Port Amsel',
  'Northfield',
  'Greyhaven',
  'Eastbridge',
  'Marlow County',
];
const OUTLETS = ['Daily Ledger', 'Metro Wire', 'The Courier', 'Valley Times', 'Coastal Post', 'Press Agency'];
const NOUNS = [
  'workers',
  'residents',
  'buses',
  'homes',
  'students',
  'officers',
  'flights',
  'jobs',
  'clinics',
];
const TOPICS = [
  'transit strike',
  'flood recovery',
  'school budget',
  'port expansion',
  'housing plan',
  'water shortage',
];
const VERBS = ['will be cut', 'were evacuated', 'remain without service', 'will be added', 'were affected'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'];

export function generateArticles(count: number, seed = 42): SourceText[] {
  const rand = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)] as T;
  const num = () => (Math.floor(rand() * 90) + 2) * (rand() < 0.5 ? 10 : 100);
  const out: SourceText[] = [];
  for (let i = 0; i < count; i++) {
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const surname = person.split(' ')[1] ?? person;
    const role = pick(ROLES);
    const place = pick(PLACES);
    const topic = pick(TOPICS);
    const month = pick(MONTHS);
    const day = Math.floor(rand() * 27) + 1;
    const other = `${pick(FIRST)} ${pick(LAST)}`;
    const sentences = [
      `About ${num().toLocaleString('en-US')} ${pick(NOUNS)} ${pick(VERBS)} in ${place} after the ${topic} deepened, ${role} ${person} said ${pick(DAYS)}.`,
      `The ${topic} began on ${month} ${day}, 2026, when officials in ${place} announced new measures.`,
      `“We are doing everything we can to keep people safe and informed,” ${surname} said.`,
      `Roughly ${Math.floor(rand() * 60) + 5} percent of ${pick(NOUNS)} in the region reported delays, according to a survey.`,
      `Critics, including ${pick(ROLES).toLowerCase()} ${other}, said the response had been too slow and poorly explained.`,
      `“This is not the plan we were promised, and people deserve answers,” ${other.split(' ')[1]} told reporters.`,
      `The council will meet again next week to review a budget of $${Math.floor(rand() * 40) + 2} million for repairs.`,
      `Local businesses said the disruption had cost them customers, and several closed early.`,
      `Officials expect about ${num()} more ${pick(NOUNS)} to be affected before the end of ${month}.`,
      `${surname} added that a full review would be published once the ${topic} is over.`,
      `Residents gathered outside city hall on ${pick(DAYS)} to demand a clear timeline.`,
      `The ${topic} has drawn comparisons with a similar crisis in ${pick(PLACES)} two years ago.`,
    ];
    const body = sentences.filter(() => rand() < 0.85).join('\n\n');
    const front = `---\ntitle: "${place} ${topic} leaves ${pick(NOUNS)} waiting"\noutlet: ${pick(OUTLETS)}\ndate: 2026-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(Math.min(28, day + 2)).padStart(2, '0')}\n---\n`;
    out.push({ name: `article-${String(i).padStart(5, '0')}.md`, content: front + body });
  }
  return out;
}
