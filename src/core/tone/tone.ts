/**
 * The tone helper: points out phrasing that may land as criticism, contempt or defensiveness, so a
 * person can read their words once more before sending them. Pure and local: it runs in the browser,
 * sends nothing anywhere, and never blocks sending. The rules are Steadfast's own.
 *
 * How a rule is read: its pattern is matched case-insensitively as whole words; every `'` in it also
 * matches a curly apostrophe or no apostrophe at all ("don't", "don’t", "dont"). A match is set aside
 * when it sits inside double quotes (the writer is quoting words, not saying them), when the words
 * just before it soften or deny it ("I don't think you're lazy", "I know now it wasn't my fault"),
 * or when the rule's own `unlessBefore` or `sentenceStart` says so.
 *
 * Every pattern is linear: no quantifier is nested under another unbounded one, and any run of
 * "anything" is bounded, so a long or hostile text cannot make matching slow.
 */
export type ToneKind = 'criticism' | 'contempt' | 'defensiveness';

export const toneKinds: readonly ToneKind[] = ['criticism', 'contempt', 'defensiveness'];

export interface ToneFinding {
  readonly kind: ToneKind;
  /** Where in the text the phrase is, in UTF-16 code units, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The words as the person wrote them. */
  readonly phrase: string;
}

export interface ToneRule {
  readonly id: string;
  readonly kind: ToneKind;
  /** Why words like these may land hard, in plain words (for people reading the rules). */
  readonly explanation: string;
  /** The phrase, as regular-expression source; see the module comment for how it is read. */
  readonly pattern: string;
  /** Set the match aside when the words just before it (same sentence) end with this. */
  readonly unlessBefore?: string;
  /** Only when the phrase begins a sentence ("Well, you …", but not "as well, you …"). */
  readonly sentenceStart?: boolean;
}

/** Things a person may be, said as a verdict on who their partner is. */
const character = String.raw`(?:selfish|lazy|useless|careless|heartless|cold-hearted|cruel|irresponsible|inconsiderate|immature|childish|hopeless|manipulative|toxic|spineless|self-cent(?:er|re)d|self-absorbed|thoughtless|clueless|incompetent|unreliable|untrustworthy|dishonest|fake|cowardly|narcissistic|controlling|needy|clingy|impossible|insufferable|a\s+(?:terrible|horrible|awful|bad|lousy|rotten)\s+(?:person|partner|husband|wife|father|mother|parent|friend|boyfriend|girlfriend|spouse|human(?:\s+being)?))`;

/** Names no one should be called. */
const names = String.raw`(?:idiot|moron|loser|jerk|creep|slob|bitch|bastard|asshole|arsehole|dumbass|imbecile|freak|psycho|clown|fool|liar|cheat|cheater|coward|joke|drama\s+queen|nutcase|scum|piece\s+of\s+(?:work|shit|trash)|snowflake|waste\s+of\s+space|pig)`;

/** Names that are never a verb or a kind word after a bare "you" ("you cheat" is a verb). */
const hardNames = String.raw`(?:idiot|moron|loser|jerk|creep|slob|bitch|bastard|asshole|arsehole|dumbass|imbecile|freak|psycho|clown|fool|liar|cheater|coward|pig)`;

/** Little words between "you're" and the verdict: "you're just so …", "you are such a …". */
const fillers = String.raw`(?:(?:so|such|a|an|the|just|really|being|completely|totally|utterly|absolutely|truly|nothing\s+but|the\s+most|total|complete|absolute|real|stupid|pathetic|lying|little|selfish|fucking|fuckin|damn|bloody)\s+){0,4}`;

/** Insults between "you" and a name: "you stupid …", "such a lying …". */
const insultFillers = String.raw`(?:(?:stupid|pathetic|lying|selfish|little|fucking|fuckin|absolute|total|complete|utter|damn|bloody|useless|worthless|cheating|spineless|big)\s+){0,3}`;

const youAre = String.raw`(?:you're|you\s+(?:really\s+|truly\s+|honestly\s+|just\s+)?(?:are|were)|you've\s+been|you\s+have\s+been|ur)`;

/** Says who someone is, about the partner: "you're", "he's", "they were". */
const someoneIs = String.raw`(?:${youAre}|(?:he|she|they)(?:'s|\s+is|\s+was|'re|\s+are|\s+were))`;

/** Words after "you always …" that make it warm rather than a charge. */
const warmAfterAlways = String.raw`(?!\s+(?:can|could|will|(?:make|made)\s+me\s+(?:laugh|smile|feel\s+(?:safe|better|loved|seen|heard))|knows?\s+how\s+to|knew\s+how\s+to|been\s+(?:there|my|(?:a\s+|so\s+)?(?:kind|good|great|wonderful|loving|patient|gentle|honest|generous))|there|welcome|safe|loved|wanted|(?:have|had)\s+my\s+back|find\s+a\s+way|found\s+a\s+way|try\s+so\s+hard|tried\s+so\s+hard|remember|remembered|mean\s+a\s+lot|meant\s+a\s+lot|deserve(?:d)?|have\s+a\s+place|had\s+a\s+place|(?:told|tell)\s+me\s+the\s+truth|on\s+my\s+mind|in\s+my\s+(?:heart|thoughts))\b)`;

/** Words after "you never …" that make it freeing or thankful ("you never have to answer"). */
const warmAfterNever = String.raw`(?!\s+(?:(?:have|had|need|needed)\s+to|meant\s+to|gave\s+up|give\s+up|stopped\s+(?:trying|caring|loving|showing|coming|believing)|alone|fail(?:ed)?\s+to|owe(?:d)?\s+me|left\s+my\s+side|judged\s+me|doubted\s+me|let\s+me\s+down|let\s+go|hesitated|complained|(?:made|make)\s+me\s+feel\s+(?:small|stupid|judged|rushed|alone)|pushed\s+me|forget|forgot|deserved|cease|ceased|(?:been\s+)?more|(?:a\s+)?(?:bad|cruel|unkind|mean|harsh)|too\s+(?:busy|tired|far)|lied|blamed\s+me|(?:yelled|shouted)\s+at|raised\s+your\s+voice)\b)`;

/** Words after "you constantly …" that are admiration. */
const warmAfterConstantly = String.raw`(?!\s+(?:amaze|surprise|inspire|impress|remind\s+me\s+(?:why|how))\w*)`;

/** Sits before a match and softens, denies or acknowledges it ("I'm not saying …", "I know now …"). */
const softened = new RegExp(
  String.raw`(?:^|[^\w'’])(?:not\s+(?:that|saying|calling\s+you)|don['’]?t\s+(?:think|believe|mean|feel|say)|doesn['’]?t\s+mean|didn['’]?t\s+mean|never\s+(?:said|meant|thought|think)|isn['’]?t\s+that|I\s+know(?:\s+now)?|(?:can|could)\s+see|I\s+see\s+now|realis(?:e|ed)|realiz(?:e|ed)|understand|understood|learn(?:ed|t|ing)|remind(?:ed|ing)?\s+me|believe|believed|trust|trusting)\s+(?:now\s+)?(?:that\s+)?$`,
  'i',
);

/** Ends a phrase that stands on its own: "Whatever." "Grow up!" "So what?" */
const standsAlone = String.raw`(?=\s*(?:[.!?,…]|$))`;

/**
 * The rules, in order of preference when two match the same words. Each `explanation` is for people
 * reading the code; the words shown to the writer are in the message catalog (`tone.*`).
 */
export const toneRules: readonly ToneRule[] = [
  // Criticism: a complaint about one thing becomes a verdict on who the partner is.
  {
    id: 'always-never',
    kind: 'criticism',
    explanation:
      '"You always" and "you never" turn one moment into a pattern that leaves the partner no way to be different.',
    pattern: String.raw`(?<!thank\s|love\s|miss\s|are\s|were\s|do\s|did\s|have\s)you(?:'re|'ve|\s+are|\s+have|\s+had|\s+were)?\s+(?:always${warmAfterAlways}|never${warmAfterNever}|(?:constantly|continually)${warmAfterConstantly})`,
    unlessBefore: String.raw`(?:felt|feel|feeling|seemed|seems)\s+(?:like|as\s+if|as\s+though)\s+`,
  },
  {
    id: 'dont-ever',
    kind: 'criticism',
    explanation: '"You don\'t ever …" is "you never" in other words.',
    pattern: String.raw`you\s+(?:don't|do\s+not|didn't|did\s+not|won't|can't|cannot)\s+ever(?!\s+have\s+to)`,
  },
  {
    id: 'why-always',
    kind: 'criticism',
    explanation: 'A "why do you always" question is usually heard as a charge, not a question.',
    pattern: String.raw`why\s+(?:(?:are|were|do|did|must|does)\s+you\s+(?:always|never|constantly)|(?:can't|cannot|won't|don't|didn't|couldn't|wouldn't)\s+you\s+(?:ever|once)|(?:can't|cannot|won't|couldn't)\s+you\s+just)`,
  },
  {
    id: 'wrong-with-you',
    kind: 'criticism',
    explanation: '"What is wrong with you" makes the person the problem rather than what happened.',
    pattern: String.raw`what(?:'s|\s+is)\s+(?:(?:the\s+)?(?:hell|heck|fuck)\s+)?(?:wrong|the\s+matter)\s+with\s+you`,
  },
  {
    id: 'what-kind-of-person',
    kind: 'criticism',
    explanation: '"What kind of person does that" questions who someone is, not what they did.',
    pattern: String.raw`what\s+kind\s+of\s+(?:a\s+)?(?:person|partner|husband|wife|parent|mother|father|man|woman|human(?:\s+being)?)\s+(?:does|would|could|can|(?!was\b)\w{2,}s\b)`,
  },
  {
    id: 'how-many-times',
    kind: 'criticism',
    explanation: '"How many times do I have to tell you" says the partner never listens.',
    pattern: String.raw`how\s+many\s+times\s+(?:do|did|have|must|will)\s+I\s+(?:have\s+to\s+|got\s+to\s+|need\s+to\s+)?(?:tell|ask|say|explain|remind|beg)`,
  },
  {
    id: 'only-care',
    kind: 'criticism',
    explanation: '"All you care about is yourself" is a verdict on the partner\'s heart.',
    pattern: String.raw`(?:all\s+you\s+(?:ever\s+)?(?:care|think)\s+about\s+is|you\s+(?:only|just)\s+(?:ever\s+)?(?:care|think)\s+about\s+yourself|you\s+(?:don't|do\s+not|never)\s+(?:even\s+)?care\s+about\s+(?:me|us|anyone|anything|this|my\s+feelings))`,
  },
  {
    id: 'typical',
    kind: 'criticism',
    explanation: '"Typical of you" files the moment under a fixed flaw.',
    pattern: String.raw`(?:(?:so\s+)?typical(?:\s+of)?\s+you|that's\s+(?:so\s+)?(?:just\s+)?typical|typical(?=\s*(?:[.!…]|$)))`,
  },
  {
    id: 'character',
    kind: 'criticism',
    explanation: '"You\'re so selfish" (and the like) attacks who the partner is.',
    pattern: String.raw`${someoneIs}\s+${fillers}${character}(?!\s+(?:to|with|towards)\s+(?:yourself|himself|herself|themselves|themself))`,
  },

  // Contempt: scorn, mockery and names, which say "I am above you".
  {
    id: 'names',
    kind: 'contempt',
    explanation: 'Calling someone a name speaks from above them.',
    pattern: String.raw`(?:${youAre}\s+${fillers}(?:${names}|disgrace|disappointment)|${youAre}\s+(?:being\s+|acting\s+like\s+)?(?:such\s+)?an?\s+(?:big\s+|little\s+)?(?:baby|child)\b(?!\s+(?:when|then|back|of))|such\s+an?\s+${insultFillers}${names}|(?<!thank\s|love\s|miss\s)you\s+${insultFillers}${hardNames})`,
    unlessBefore: String.raw`(?:I(?:'m|\s+am|\s+was)|felt|feel|feeling|like|myself)\s+`,
  },
  {
    id: 'acting-like',
    kind: 'contempt',
    explanation: '"You act like a child" talks down to the partner.',
    pattern: String.raw`you(?:'re|\s+are)?\s+(?:act|acted|acting|behave|behaved|behaving)\s+like\s+(?:a\s+|an\s+)?(?:(?:spoiled|little|big)\s+)?(?:child|baby|teenager|kid|toddler|brat)`,
  },
  {
    id: 'bare-insult',
    kind: 'contempt',
    explanation:
      'A name like "idiot" is an insult wherever it stands — unless the writer says it of themselves.',
    pattern: String.raw`(?:idiot|moron|dumbass|imbecile|asshole|arsehole|bastard|bitch|loser)`,
    unlessBefore: String.raw`(?:I(?:'m|\s+am|\s+was|\s+felt|\s+feel)|me|myself|felt|feel|like|call\s+myself)\s+(?:(?:such|a|an|complete|total|absolute|so|like)\s+){0,3}`,
  },
  {
    id: 'insult-adjective',
    kind: 'contempt',
    explanation: '"You\'re stupid", "you\'re worthless": an insult, not a complaint.',
    pattern: String.raw`${someoneIs}\s+${fillers}(?:stupid|dumb|worthless|pathetic|disgusting|despicable|ridiculous|laughable|crazy|insane|a\s+joke|beneath\s+me|not\s+worth\s+it)(?!\s+(?:about|for|in\s+love))`,
  },
  {
    id: 'scorn-words',
    kind: 'contempt',
    explanation:
      '"Pathetic", "disgusting" and the like carry scorn — unless they describe how the writer feels.',
    pattern: String.raw`(?:pathetic|disgusting|despicable|revolting|contemptible|laughable|ridiculous)`,
    unlessBefore: String.raw`(?:I(?:'m|\s+am|\s+was|\s+feel|\s+felt)|feel|felt|feeling|made\s+me\s+feel|makes\s+me\s+feel|(?:it|this)\s+(?:may|might)\s+sound|sounds?|ashamed|myself\s+as)\s+(?:so\s+|really\s+|a\s+bit\s+|kind\s+of\s+|a\s+little\s+|small\s+and\s+)?`,
  },
  {
    id: 'disgust',
    kind: 'contempt',
    explanation: '"You make me sick" and "I can\'t stand you" express disgust at the person.',
    pattern: String.raw`(?:you\s+(?:make\s+me\s+sick|disgust\s+me|repulse\s+me|sicken\s+me)|I\s+(?:can't|cannot)\s+stand\s+(?:you|the\s+sight\s+of\s+you)|I\s+hate\s+you|shame\s+on\s+you|you\s+should\s+be\s+ashamed)`,
  },
  {
    id: 'mockery',
    kind: 'contempt',
    explanation: 'Mockery ("oh poor you", "boo hoo") makes light of the partner\'s pain.',
    pattern: String.raw`(?:(?:oh,?\s+)?poor\s+(?:you|baby|little\s+you)|boo[\s-]?hoo|cry\s+me\s+a\s+river|(?:get\s+over\s+it|grow\s+up|get\s+a\s+life|give\s+me\s+a\s+break|spare\s+me|get\s+a\s+grip|shut\s+up)${standsAlone})`,
    unlessBefore: String.raw`(?:can't|cannot|couldn't|didn't|won't|to|I|we|they)\s+`,
  },
  {
    id: 'dismissal',
    kind: 'contempt',
    explanation: 'A bare "whatever" or "who cares" waves the partner away.',
    pattern: String.raw`(?:(?:whatever|who\s+cares|oh,?\s+please)${standsAlone}|not\s+this\s+again|here\s+we\s+go\s+again)`,
  },
  {
    id: 'shrug',
    kind: 'contempt',
    explanation: '"Big deal." or "So what?" opening a sentence shrugs the hurt off.',
    pattern: String.raw`(?:(?:oh,?\s+)?big\s+deal|so\s+what)${standsAlone}`,
    sentenceStart: true,
  },
  {
    id: 'sarcasm',
    kind: 'contempt',
    explanation:
      'Sarcasm ("yeah right", "sure you did") says the opposite of the words, with scorn.',
    pattern: String.raw`(?:yeah,?\s+right|(?<!are\s|be\s|you\s|was\s|make\s|making\s)sure\s+you\s+(?:did|were|are|do|will|have|had|would|can)(?=\s*(?:[.!,…]|$))|as\s+if\s+you\s+(?:ever\s+|even\s+)?(?:care|cared|would|could|listen|listened|know|knew|tried)|how\s+(?:convenient|surprising|shocking|original)|what\s+a\s+surprise|big\s+surprise|nice\s+try|thanks\s+for\s+nothing)`,
  },
  {
    id: 'eye-roll',
    kind: 'contempt',
    explanation: 'An eye-roll, written down, still rolls its eyes.',
    pattern: String.raw`(?:\*?rolls?\s+(?:my\s+)?eyes\*?|eye[\s-]?roll|🙄|smh)`,
  },
  {
    id: 'scare-quotes',
    kind: 'contempt',
    explanation: 'Putting someone\'s words in quotes (your "apology") suggests they are not meant.',
    pattern: String.raw`["“](?:sorry|apology|apologies|working\s+late|busy|friend|friends|just\s+friends|trust|love|effort|promise|promises|change|changed|honest|honesty|trying|feelings|remorse|therapy|work\s+trip)[.,!?]?["”]`,
    unlessBefore: String.raw`(?:said|say|says|saying|word|words|wrote|write|called|calls|heard|by|means?|meant|read|like|as|and|or|,)\s*`,
  },

  // Defensiveness: a shield or a counter-charge in place of hearing what was raised.
  {
    id: 'not-my-fault',
    kind: 'defensiveness',
    explanation: '"It\'s not my fault" steps away from the partner\'s hurt.',
    pattern: String.raw`(?:(?:it|that|this)(?:'s|\s+is|\s+was)\s+not|(?:it|that|this)\s+(?:isn't|wasn't)|not|never)\s+(?:all\s+|entirely\s+|really\s+|even\s+|completely\s+|only\s+)?my\s+fault`,
  },
  {
    id: 'not-what-happened',
    kind: 'defensiveness',
    explanation: '"That\'s not what happened" as a reply argues with the partner\'s memory.',
    pattern: String.raw`(?:(?:that|this|it)(?:'s|\s+is|\s+was)\s+not\s+(?:what\s+(?:happened|I\s+said)|true|how\s+it\s+happened)|(?:that|this|it)\s+(?:isn't|wasn't)\s+(?:what\s+(?:happened|I\s+said)|true|how\s+it\s+happened)|that\s+never\s+happened|I\s+never\s+said\s+that|you(?:'re|\s+are)\s+twisting\s+(?:my\s+words|things|everything|it))`,
  },
  {
    id: 'well-you',
    kind: 'defensiveness',
    explanation: '"Well, you …" answers a hurt with a counter-charge.',
    pattern: String.raw`well,?\s+you(?:'re|\s+are|\s+were|\s+did|\s+do|\s+have|'ve|\s+had|\s+never|\s+always|\s+should|\s+started|\s+weren't|\s+didn't|\s+don't|\s+haven't|\s+can't|\s+could|\s+made|\s+left|\s+said|\s+lied|\s+cheated)(?!\s+(?:right\b|it\s*!|well\b|great\b|so\s+well\b))`,
    sentenceStart: true,
  },
  {
    id: 'what-about-you',
    kind: 'defensiveness',
    explanation: '"What about when you …" answers one hurt with another.',
    pattern: String.raw`what\s+about\s+(?:when\s+you|(?:the|that|all\s+the|those)\s+times?\s+(?:when\s+|that\s+)?you|your\s+(?:lies|lying|mistakes|part\s+in|affair|secrets|behaviou?r))`,
  },
  {
    id: 'because-you',
    kind: 'defensiveness',
    explanation: '"I only did it because you …" hands the responsibility back.',
    pattern: String.raw`(?:I\s+(?:only\s+)?(?:did|said|do|say)\s+(?:it|that|this|what\s+I\s+did)\s+(?:only\s+)?because\s+(?:of\s+)?you|you\s+(?:made|drove|pushed|forced)\s+me\s+(?:to\s+)?(?:do\s+)?(?:it|this|that)|look\s+what\s+you\s+made\s+me|if\s+you(?:\s+had|\s+hadn't|\s+had\s+not|\s+were|\s+weren't|'d)\s[^.!?\n]{1,60}?\bI\s+(?:wouldn't|would\s+not|would\s+never|never\s+would)\s+have)`,
  },
  {
    id: 'just-trying',
    kind: 'defensiveness',
    explanation: '"I was just …" defends the intent and skips the effect.',
    pattern: String.raw`I(?:'m|\s+am|\s+was)\s+(?:just|only)\s+(?:trying\s+to\s+(?:help|protect\s+you|be\s+nice|be\s+honest|keep\s+the\s+peace)|joking|kidding|teasing|being\s+honest|(?:saying|asking)${standsAlone}|telling\s+the\s+truth|doing\s+what)`,
  },
  {
    id: 'overreacting',
    kind: 'defensiveness',
    explanation: '"You\'re overreacting" tells the partner their feelings are the problem.',
    pattern: String.raw`(?:${youAre}\s+(?:(?:just|being|so|way|too|totally|completely|really|clearly|always)\s+){0,3}(?:overreacting|over-reacting|overthinking|too\s+sensitive|oversensitive|hypersensitive|dramatic|paranoid|hysterical|unreasonable|blowing\s+(?:this|it|things|everything)\s+(?:way\s+|all\s+)?out\s+of\s+proportion|making\s+(?:such\s+)?a\s+(?:big\s+)?deal|making\s+(?:this|it)\s+(?:all\s+)?about\s+you|imagining\s+things)|(?:stop|quit)\s+being\s+(?:so\s+)?(?:dramatic|paranoid|sensitive|hysterical|unreasonable|ridiculous)|don't\s+be\s+(?:so\s+)?(?:dramatic|paranoid|hysterical|unreasonable)|calm\s+down|it\s+was\s+not\s+a\s+big\s+deal|it\s+wasn't\s+a\s+big\s+deal)(?!\s+to\b)`,
    unlessBefore: String.raw`(?:I\s+need(?:ed)?\s+to|we\s+(?:both\s+)?(?:needed|need)\s+to|help(?:s|ed)?\s+me|to|until\s+I|let\s+me|I\s+could|I\s+can)\s+`,
  },
  {
    id: 'counter',
    kind: 'defensiveness',
    explanation:
      '"At least I …", "yes, but", "what more do you want" push back instead of hearing.',
    pattern: String.raw`(?:at\s+least\s+I\s+(?:didn't|don't|never|wasn't|am\s+not|was\s+not|have\s+never)|(?:yes|yeah),?\s+but|what\s+(?:more|else)\s+do\s+you\s+want(?:\s+from\s+me)?|I(?:\s+already|\s+have\s+already|'ve\s+already)\s+(?:said\s+(?:I'm\s+)?sorry|apologi[sz]ed)|(?:don't|stop)\s+blam(?:e|ing)\s+(?:me|this\s+on\s+me|it\s+on\s+me)|why\s+(?:is\s+it\s+|am\s+I\s+)?always\s+(?:me|my\s+fault|the\s+bad\s+(?:guy|one|person))|look\s+who's\s+talking|you're\s+one\s+to\s+talk|you're\s+no\s+better|so\s+did\s+you|you\s+do\s+it\s+too|I\s+(?:didn't|did\s+not|never)\s+do\s+anything\s+wrong|I'm\s+not\s+the\s+one\s+who|(?:so\s+)?now\s+I'm\s+the\s+(?:bad\s+guy|villain|problem)|I'm\s+not\s+the\s+(?:problem|bad\s+guy|villain)|(?:it's|it\s+is|it\s+was|that's|that\s+is|that\s+was)\s+(?:all\s+|just\s+as\s+much\s+|partly\s+|also\s+)?your\s+fault|you\s+started\s+(?:it|this|all\s+this))`,
  },
];

interface CompiledRule {
  readonly rule: ToneRule;
  readonly pattern: RegExp;
  readonly unlessBefore: RegExp | undefined;
}

/** Every `'` matches a straight or curly apostrophe, or none ("don't", "don’t", "dont"). */
const apostrophes = (source: string) => source.replaceAll("'", "['’ʼ]?");

const compiled: readonly CompiledRule[] = toneRules.map((rule) => ({
  rule,
  // Whole words only: nothing word-like may touch either end of the phrase.
  pattern: new RegExp(String.raw`(?<![\w'’])(?:${apostrophes(rule.pattern)})(?!\w)`, 'gi'),
  unlessBefore: rule.unlessBefore
    ? new RegExp(String.raw`(?:^|[^\w'’])${apostrophes(rule.unlessBefore)}$`, 'i')
    : undefined,
}));

/** How far back "the words just before" a match reach: a few words is enough, and keeps it linear. */
const LOOK_BACK = 48;

/** The words before `start` in the same sentence, at most LOOK_BACK characters. */
function before(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - LOOK_BACK), start);
  const cut = Math.max(...['.', '!', '?', '\n', '…', ';'].map((c) => window.lastIndexOf(c)));
  return window.slice(cut + 1);
}

/** Whether the phrase at `start` begins a sentence, a line or the text (past spaces and quotes). */
function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[ \t"“”'‘’([]/.test(text.charAt(i))) i--;
  return i < 0 || /[.!?…:;\n]/.test(text.charAt(i));
}

/** The spans inside double quotes ("…", “…”): words the writer is quoting, not saying. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '“' || (c === '"' && open < 0)) open = i;
    else if ((c === '”' || c === '"') && open >= 0) {
      spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}

const inside = (spans: readonly [number, number][], start: number, end: number) =>
  spans.some(([open, close]) => start > open && end <= close);

/**
 * The phrases in `text` that may land as criticism, contempt or defensiveness, in reading order.
 * Where two rules match overlapping words, the earlier and longer match is kept.
 */
export function reviewTone(text: string): ToneFinding[] {
  if (text.trim() === '') return [];
  const quotes = quotedSpans(text);
  const found: { finding: ToneFinding; order: number }[] = [];
  compiled.forEach(({ rule, pattern, unlessBefore }, order) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start || inside(quotes, start, end)) continue;
      if (rule.sentenceStart && !startsSentence(text, start)) continue;
      const lead = before(text, start);
      if (softened.test(lead) || unlessBefore?.test(lead)) continue;
      found.push({ finding: { kind: rule.kind, start, end, phrase: match[0] }, order });
    }
  });
  found.sort(
    (a, b) =>
      a.finding.start - b.finding.start || b.finding.end - a.finding.end || a.order - b.order,
  );
  const kept: ToneFinding[] = [];
  let reach = -1;
  for (const { finding } of found) {
    if (finding.start < reach) continue;
    kept.push(finding);
    reach = finding.end;
  }
  return kept;
}

/** The kinds found, each once, in the order of `toneKinds`. */
export function toneKindsOf(findings: readonly ToneFinding[]): ToneKind[] {
  return toneKinds.filter((kind) => findings.some((f) => f.kind === kind));
}

/** The distinct phrases found for one kind, as written (spaces tidied), in reading order. */
export function tonePhrases(findings: readonly ToneFinding[], kind: ToneKind): string[] {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const f of findings) {
    const phrase = f.phrase.replace(/\s+/g, ' ');
    const key = phrase.toLowerCase().replace(/[’ʼ]/g, "'");
    if (f.kind !== kind || seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return phrases;
}
