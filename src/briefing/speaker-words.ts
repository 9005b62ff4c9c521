/** Word lists for finding speakers: general English newswriting vocabulary, no names. */

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Heads of a role or title: "border czar", "Chicago Mayor", "Homeland Security spokesperson". */
export const ROLE_HEADS = set(`
  president vice-president governor gov mayor secretary spokesperson spokesman spokeswoman czar tsar
  strategist senator sen representative rep congressman congresswoman chief director minister official
  aide adviser advisor attorney commissioner chair chairman chairwoman chairperson ceo cfo coo cto founder
  cofounder co-founder professor judge justice sheriff chancellor premier leader speaker candidate analyst
  economist lawyer editor correspondent ambassador admiral general officer manager superintendent coach
  captain lieutenant sergeant detective commander pastor bishop rabbi imam dr mr mrs ms mx executive head
  member activist organizer organiser researcher scientist expert owner resident teacher principal nurse
  doctor prosecutor counsel councilmember councilman councilwoman alderman alderwoman lawmaker legislator
  delegate treasurer comptroller auditor inspector marshal agent nominee envoy diplomat historian author
  writer reporter journalist host anchor pollster consultant operative partner investor banker trader
  king queen prince princess pope cardinal chairs commander-in-chief physician surgeon architect engineer
  fellow lecturer dean provost rector principal vicar chaplain mufti sheikh emir president-elect
  governor-elect mayor-elect master spokesperson-designate boss founder-ceo administrator coordinator negotiator
  `);

/** Lower-case words that may stand inside a role before its head ("press secretary", "deputy chief"). */
export const ROLE_MODIFIERS = set(`
  press border state city county district police fire campaign party union board council defense defence
  team deputy vice former acting senior assistant associate top interim chief general executive managing
  communications policy security foreign finance health education labor labour trade justice national
  federal regional local public senior junior lead principal special white house majority minority
  republican democratic conservative liberal independent progressive veteran longtime political
  immigration legal economic military civil rights school university company agency department prime
  `);

/** Role words that change the office, so "the president" is not the "Vice President". */
export const OFFICE_CHANGERS = set(
  'vice deputy assistant associate under lieutenant former acting co interim',
);

/** Abbreviated titles, normalised for matching a role reference ("Gov." = "governor"). */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  lt: 'lieutenant',
  gen: 'general',
  sec: 'secretary',
  pres: 'president',
  atty: 'attorney',
  supt: 'superintendent',
  dr: 'doctor',
  prof: 'professor',
  capt: 'captain',
  sgt: 'sergeant',
  cmdr: 'commander',
  adm: 'admiral',
  col: 'colonel',
  maj: 'major',
  rev: 'reverend',
};

/** Abbreviations that keep their full stop ("Gov. Ann Novak", "St. Paul"). */
export const ABBREVIATIONS = set(
  'gov sen rep lt gen sec pres atty supt dr prof capt sgt cmdr adm col maj rev mr mrs ms mx st jr sr no vs inc co corp ltd',
);

/** Capitalised words that begin sentences or headings and are never part of a person's name. */
export const FUNCTION_CAPS = set(`
  the a an and but or nor so yet if when while after before as at on in of for from with without by to into
  onto over under about above below between among across through during since until unless because though
  although despite however meanwhile instead also then now still even only both all some many most few
  several each every this that these those it its he she they we i you his her their our my your there here
  what who whom whose why how where which yes no not asked according last next first second third one two
  three four five six seven eight nine ten once again more less other another such just yet thus hence
  mr mrs ms dr
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december today yesterday tomorrow
  `);

/** Words marking an organisation, place or title rather than a person. */
export const NOT_PERSON_WORDS = set(`
 house office department security patrol protection enforcement agency service services 
 county city state states university college school news times mail examiner journal show party act
 program programme center centre guard marines army navy force forces police administration congress
 senate committee council partners group inc corp company association union institute foundation bank
 avenue road mountain mountains day week month year airport station
 hospital ministry government republic kingdom federation league club team network media press
 tribune herald gazette chronicle telegraph guardian reuters associated bloomberg axios politico
 fund trust board commission bureau authority coalition alliance campaign movement project report
 operation initiative treaty agreement accord 
 international national federal global american americans republicans democrats republican democrat
 democratic social
 capital holdings ventures partners securities investments investors advisors advisers associates llc ltd
 plc gmbh labs systems technologies airlines airways air motors energy insurance research analytics
 consulting capitalists industries enterprises solutions
 `);

/** First words of place names ("New York", "Los Angeles", "St. Paul"). */
export const PLACE_PREFIXES = set(
  'new los las san santa st st. saint north south east west fort port mount mt lake el la le twin upper lower greater central northern southern eastern western united',
);

/** Verbs that attribute speech; participles attach to the sentence's subject. */
export const SPEECH_VERBS = set(`
  said says say told tells tell added adds continued continues wrote writes posted posts tweeted tweets
  asked asks responded responds replied replies stated states argued argues warned warns insisted insists
  explained explains noted notes declared declares remarked remarks recalled recalls acknowledged
  acknowledges admitted admits claimed claims conceded concedes countered counters cautioned cautions
  emphasized emphasised emphasizes stressed stresses urged urges vowed vows announced announces shouted
  specified specify wrote predicted predicts concluded concludes observed observes suggested suggests
  promised promises pledged pledges boasted boasts quipped joked complained complains lamented laments
  confirmed confirms denied denies testified testifies messaged texted emailed
  saying adding telling writing noting arguing warning insisting explaining stating declaring stressing
  `);

export const PARTICIPLES = set(
  'saying adding telling writing noting arguing warning insisting explaining stating declaring stressing',
);

/**
 * Verbs that characterise something in the subject's own words: "Roe called the plan “…”". The
 * object comes between the verb and the quote; `CHARACTERISING_AS` verbs need "as" before it.
 */
export const CHARACTERISING = set(`
  called calls dubbed dubs branded brands labeled labelled labels termed terms
  calling dubbing branding labeling labelling terming
  `);
export const CHARACTERISING_AS = set(`
  described describes characterized characterised characterizes characterises portrayed portrays
  describing characterizing characterising portraying
  `);
export const CHARACTERISING_PARTICIPLES = set(
  'calling dubbing branding labeling labelling terming describing characterizing characterising portraying',
);
/** Words after "called" that make it another verb: "called on", "called for", "called off". */
export const PHRASAL_PARTICLES = set('on for upon off out in back up into to by');

/** Verbs that rank a quote as more forceful. */
export const STRONG_VERBS = set('warned vowed insisted declared stressed urged pledged promised cautioned');

/** Words that may stand between a subject and its verb ("Olsen also said", "Reyes has said"). */
export const SUBJECT_VERB_FILLERS = set(`
  also later then previously has had have once again himself herself repeatedly recently reportedly
  directly publicly privately simply just already further quickly flatly did does do would will had
  earlier separately bluntly angrily firmly
  `);

/** Words after which a quoted phrase is a name, title or term, not speech. */
export const TERM_INTRODUCERS = set(`
  the a an its his her their our my your this these those so-called called dubbed named titled
  known as on in of at from into onto about for by via with without against toward towards like
  `);

export const MALE_PRONOUNS = set('he him his himself');
export const FEMALE_PRONOUNS = set('she her hers herself');

/** Singular words for a group that open sentences like names do ("Police said", "Staff told"). */
export const COLLECTIVE_NOUNS = set(`
  police staff everyone everybody someone somebody nobody people government management leadership
  family crowd public media press clergy faculty personnel military security opposition prosecution
  defence defense jury panel court council cabinet parliament congress senate
  `);

/** Nouns for something said, whose content a quote after them may be ("the claim that “…”"). */
export const SPEECH_NOUNS = set(`
  claim claims words statement statements remark remarks comment comments description descriptions
  phrase assertion assertions allegation allegations accusation accusations suggestion suggestions
  argument arguments promise promises pledge pledges slogan slogans warning warnings insistence
  contention characterization characterisation notion charge charges assurance assurances label
  message motto line rhetoric talk threat threats demand demands
  `);
