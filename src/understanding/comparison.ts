/**
 * Comparison questions ("Unterschied Zweckverband und öffentlich-rechtliche Vereinbarung?", "X oder Y – was
 * ist besser?"): which two things are compared. Pure; whether each side is a topic of the knowledge base is
 * decided by the caller.
 */

/** The two things a comparison question is about, in the user's words. */
export interface ComparisonSides {
  left: string;
  right: string;
  /** True when the message says it compares ("Unterschied", "besser", "vs."); false for a bare "X oder Y?". */
  explicit: boolean;
}

const ARTICLE = String.raw`(?:(?:der|die|das|dem|den|des|eine?[mnrs]?|'?ne[mnr]?|'?n)\s+)?`;
const SIDE = String.raw`(.+?)`;
const JOIN = String.raw`\s+(?:und|bzw\.?|beziehungsweise|oder|sowie|zu[mr]?|gegenüber|vs\.?|versus)\s+`;
const BETTER = String.raw`(?:besser|sinnvoller|geeigneter|günstiger|empfehlenswerter|vorteilhafter|praktischer|einfacher|passender|zu\s+empfehlen)`;
/** The end of a comparison, also with the question put again ("…, oder was ist der Unterschied?"). */
const END = String.raw`\s*(?:,?\s*oder\s+(?:was\s+ist\s+(?:denn\s+)?(?:da\s+)?der\s+unterschied|wo\s+liegt\s+(?:da\s+)?der\s+unterschied|nicht))?\s*[?.!]*\s*$`;
/** "the same": "dasselbe", "das Gleiche", "ein und dasselbe", "identisch", "gleichbedeutend" (also "nicht dasselbe"). */
const SAME = String.raw`(?:(?:nicht\s+|eigentlich\s+|wirklich\s+|genau\s+)*(?:ein\s+und\s+)?(?:dasselbe|dieselbe|derselbe|das\s+selbe|die\s+selbe|das\s+gleiche|die\s+gleiche|der\s+gleiche|identisch|gleichbedeutend)(?:\s+[\p{L}-]+)?)`;
/** "different things": "etwas anderes", "(zwei) verschiedene Dinge", "unterschiedliche Stellen". */
const DIFFERENT = String.raw`(?:(?:eigentlich\s+|wirklich\s+)*(?:etwas\s+anderes|was\s+anderes|(?:zwei\s+)?(?:verschiedene|unterschiedliche|getrennte|andere)\s+[\p{L}-]+|verschieden|unterschiedlich))`;

/** Comparison frames, each capturing the two sides. */
const PATTERNS: ReadonlyArray<{ pattern: RegExp; explicit: boolean; clauses?: true }> = [
  // "Was ist der Unterschied zwischen X und Y?" ("zwischen" joins with "und" only: "dem Zuschuss zur Vorbereitung und …")
  {
    pattern: new RegExp(String.raw`(?:^|\s)unterschied(?:e|en)?\s+zwischen\s+${ARTICLE}${SIDE}\s+und\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  // "Unterschied X und Y", "Unterschiede von X zu Y"
  {
    pattern: new RegExp(
      String.raw`(?:^|\s)unterschied(?:e|en)?\s+(?:zwischen|von|vom|bei)?\s*${ARTICLE}${SIDE}${JOIN}${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
  },
  // "Was unterscheidet X von Y?", "Wie unterscheiden sich X und Y?"
  {
    pattern: new RegExp(String.raw`unterscheidet\s+(?:sich\s+)?${ARTICLE}${SIDE}\s+(?:von|vom|gegenüber)\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  { pattern: new RegExp(String.raw`unterscheiden\s+sich\s+${ARTICLE}${SIDE}\s+und\s+${ARTICLE}${SIDE}${END}`, 'iu'), explicit: true },
  // "Vor- und Nachteile von X und Y", "Vergleich X mit Y", "X im Vergleich zu Y"
  {
    pattern: new RegExp(
      String.raw`vor-?\s*und\s+nachteile\s+(?:von|vom|eine?s|der|des)?\s*${ARTICLE}${SIDE}${JOIN}${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
  },
  {
    pattern: new RegExp(
      String.raw`vergleich\s+(?:zwischen|von)?\s*${ARTICLE}${SIDE}\s+(?:und|mit|zu[mr]?)\s+${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
  },
  {
    pattern: new RegExp(String.raw`^${ARTICLE}${SIDE}\s+im\s+vergleich\s+(?:zu[mr]?|mit)\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  // "Welche Vorteile hat X gegenüber Y?", "Was spricht für X und was für Y?"
  {
    pattern: new RegExp(
      String.raw`(?:welche|was\s+für)\s+(?:vorteile|nachteile|vor-\s*und\s+nachteile)\s+(?:hat|haben|bietet|bieten|bringt|bringen)\s+${ARTICLE}${SIDE}\s+(?:gegenüber|im\s+vergleich\s+zu[mr]?)\s+${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
  },
  {
    pattern: new RegExp(String.raw`was\s+spricht\s+für\s+${ARTICLE}${SIDE}\s+und\s+(?:was\s+)?für\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  // "Was bringt X mehr als Y?", "Ist X besser als Y?"
  {
    pattern: new RegExp(String.raw`(?:was\s+)?(?:bringt|bietet|bekommt)\s+${ARTICLE}${SIDE}\s+mehr\s+als\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  {
    pattern: new RegExp(String.raw`^(?:ist|wäre|sind)\s+${ARTICLE}${SIDE}\s+${BETTER}\s+als\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  // "X oder Y – was ist besser?", "X vs. Y: was passt?"
  {
    pattern: new RegExp(
      String.raw`^${ARTICLE}${SIDE}\s+(?:oder|vs\.?|versus)\s+${ARTICLE}${SIDE}\s*[-–—:,]?\s*(?:was|wer|welche[rs]?|wo(?:mit)?)\s+(?:ist|wäre|sind|passt|fahren\s+wir)\s+(?:\p{L}+\s+)?${BETTER}?(?:\s+für\s+(?:uns|mich|unsere?\s+\p{L}+))?${END}`,
      'iu',
    ),
    explicit: true,
  },
  // "Was ist besser: X oder Y?", "Was bringt mehr Geld: X oder Y?", "Ist X oder Y sinnvoller?"
  {
    pattern: new RegExp(
      String.raw`(?:${BETTER}|(?:bringt|gibt|lohnt\s+sich)\s+(?:(?:für\s+)?uns\s+)?mehr(?:\s+\p{L}+)?)\s*(?:für\s+uns\s*)?[:,-]?\s*${ARTICLE}${SIDE}\s+oder\s+${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
    clauses: true,
  },
  // "Sollen wir lieber IKZ-Förderung beantragen oder das AKC nutzen?"
  {
    pattern: new RegExp(
      String.raw`(?:sollen|sollten|können|könnten|brauchen|bräuchten|nehmen|wählen|gründen|machen)\s+wir\s+(?:lieber|eher|besser)\s+${ARTICLE}${SIDE}\s+oder\s+${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
    clauses: true,
  },
  {
    pattern: new RegExp(String.raw`^(?:ist|wäre|sind)\s+${ARTICLE}${SIDE}\s+oder\s+${ARTICLE}${SIDE}\s+${BETTER}${END}`, 'iu'),
    explicit: true,
  },
  { pattern: new RegExp(String.raw`^${ARTICLE}${SIDE}\s+(?:vs\.?|versus)\s+${ARTICLE}${SIDE}${END}`, 'iu'), explicit: true },
  // "Ist X dasselbe wie Y?", "Ist X etwas anderes als Y?", "Ist X identisch mit Y?"
  {
    pattern: new RegExp(
      String.raw`^(?:ist|sind|wäre|meint|bedeutet)\s+${ARTICLE}${SIDE}\s+${SAME}\s+(?:wie|mit)\s+${ARTICLE}${SIDE}${END}`,
      'iu',
    ),
    explicit: true,
  },
  {
    pattern: new RegExp(String.raw`^(?:ist|sind|wäre)\s+${ARTICLE}${SIDE}\s+(?:etwas|was)\s+anderes\s+als\s+${ARTICLE}${SIDE}${END}`, 'iu'),
    explicit: true,
  },
  // "Sind X und Y ein und dasselbe?", "Sind X und Y zwei verschiedene Dinge?", "Meinen X und Y das Gleiche?"
  {
    pattern: new RegExp(
      String.raw`^(?:ist|sind|wären|meint|meinen|bedeutet|bedeuten|heißen|heissen)\s+${ARTICLE}${SIDE}\s+(?:und|bzw\.?|sowie)\s+${ARTICLE}${SIDE}\s+(?:${SAME}|${DIFFERENT})${END}`,
      'iu',
    ),
    explicit: true,
  },
  // A bare "Zweckverband oder Arbeitsgemeinschaft?" (short sides only).
  {
    pattern: new RegExp(
      String.raw`^${ARTICLE}([\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)\s+oder\s+${ARTICLE}([\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)\s*\?+\s*$`,
      'iu',
    ),
    explicit: false,
  },
];

/**
 * A comparison asked after the things: "X oder Y – was ist der Unterschied?", "X vs Y, was ist anders?", "X und Y:
 * ist das nicht dasselbe?", "X oder Y – sind das verschiedene Dinge?".
 */
const TRAILING_FRAME =
  /^(.+?)\s*[-–—:,]\s*(?:(?:was|wo|wie|worin|welche[rs]?)\b[^?]*?\b(?:unterschied\w*|anders|besser|mehr|sinnvoller|geeigneter|günstiger|empfehlenswerter|unterscheide\w*)\b|(?:ist|sind)\s+(?:das|dies|es)\s+(?:nicht\s+|eigentlich\s+|wirklich\s+)*(?:ein\s+und\s+)?(?:dasselbe|dieselbe|das\s+selbe|das\s+gleiche|identisch|gleichbedeutend|etwas\s+anderes|was\s+anderes|(?:zwei\s+)?(?:verschiedene|unterschiedliche)\b))[^?]*\?*\s*$/iu;
const TRAILING_SIDES = new RegExp(String.raw`^${ARTICLE}${SIDE}\s+(?:oder|und|bzw\.?|vs\.?|versus|gegenüber)\s+${ARTICLE}${SIDE}$`, 'iu');

/** A side that names no thing: the asker ("man", "wir") or only a count ("bei drei", "für vier Gemeinden"). */
const NO_THING =
  /^(?:(?:man|wir|ich|sie|es|uns)\b|(?:bei|für|fuer|mit|von)\s+(?:\d+|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn)(?:\s+\p{L}+)?$)/iu;

/** Sides longer than this are clauses, not things ("Muss der Antrag über den Kreis laufen oder …"). */
const MAX_SIDE_WORDS = 5;
/**
 * After a frame that says it weighs two choices ("Was lohnt sich mehr: …", "Sollen wir lieber …"), a side may be a
 * plan told as a clause ("unsere drei Ortsteilwehren zu einer zusammenlegen").
 */
const MAX_CLAUSE_SIDE_WORDS = 10;

/**
 * The two sides of a comparison question, or `undefined` when the message compares nothing.
 *
 * @example
 * ```ts
 * comparisonSides('Was ist der Unterschied zwischen einem Zweckverband und einer öffentlich-rechtlichen Vereinbarung?');
 * // { left: 'Zweckverband', right: 'öffentlich-rechtlichen Vereinbarung', explicit: true }
 * ```
 */
export function comparisonSides(question: string): ComparisonSides | undefined {
  const text = question.trim();
  const frame = TRAILING_FRAME.exec(text);
  const trailing = frame ? TRAILING_SIDES.exec(frame[1]!.trim()) : null;
  for (const { pattern, explicit, clauses } of [...(trailing ? [{ pattern: TRAILING_SIDES, explicit: true }] : []), ...PATTERNS]) {
    const match = pattern === TRAILING_SIDES ? trailing : pattern.exec(text);
    if (!match) continue;
    const left = tidySide(match[1]!);
    const right = tidySide(match[2]!);
    // A side is a thing with a name ("wie 2016" compares a year, not a topic).
    if (!/\p{L}/u.test(left) || !/\p{L}/u.test(right) || left.toLowerCase() === right.toLowerCase()) continue;
    const maxWords = clauses ? MAX_CLAUSE_SIDE_WORDS : MAX_SIDE_WORDS;
    if (wordCount(left) > maxWords || wordCount(right) > maxWords) continue;
    // "Bekommt man bei vier Gemeinden mehr als bei drei?" compares the asker's cases, not two topics.
    if (NO_THING.test(left) || NO_THING.test(right)) continue;
    return { left, right, explicit };
  }
  return undefined;
}

/**
 * "4 Ortsteilwehren könnten fusionieren. Alternativ könnten wir mit 2 Nachbarkommunen die Technik gemeinsam beschaffen.
 * Was bringt mehr Förderung?": two plans told in sentences, the second opened by "Alternativ" or "Oder", and a short
 * question that weighs them. Captures the plan before, the alternative and the weighing question.
 */
const TOLD_ALTERNATIVES = new RegExp(
  String.raw`(?:^|[.!?]\s+)([^.!?]+)[.!]\s+(?:alternativ|oder\s+aber|oder)\s*,?\s+([^.!?]+)[.!]\s+((?:was|welche[rs]?)\s+(?:\p{L}+\s+){0,3}?(?:mehr|besser|sinnvoller|günstiger|empfehlenswerter|vorteilhafter)(?:\s+\p{L}+){0,3})\s*\?+\s*$`,
  'iu',
);

/**
 * A message that tells two alternatives and asks which is better (see `TOLD_ALTERNATIVES`) as one comparison question
 * ("Was bringt mehr Förderung: X oder Y?"), or `undefined`.
 *
 * @example
 * ```ts
 * toldAlternatives('Wir könnten einen Zweckverband gründen. Alternativ schließen wir eine Vereinbarung. Was ist besser?');
 * // 'Was ist besser: Wir könnten einen Zweckverband gründen oder schließen wir eine Vereinbarung?'
 * ```
 */
export function toldAlternatives(message: string): string | undefined {
  const match = TOLD_ALTERNATIVES.exec(message.trim());
  if (!match) return undefined;
  const [, plan, alternative, weighing] = match;
  return `${weighing!.trim()}: ${withoutAsker(plan!)} oder ${withoutAsker(alternative!)}?`;
}

/** A told plan without its asker and modal verb ("Wir könnten …", "könnten wir …"): the side is the plan. */
function withoutAsker(plan: string): string {
  return plan
    .trim()
    .replace(
      /^(?:(?:wir|man)\s+(?:könnten|koennten|würden|wuerden|wollen|möchten|moechten|müssten|muessten|sollten)|(?:könnten|koennten|würden|wuerden|wollen|möchten|moechten|müssten|muessten|sollten)\s+(?:wir|man))\s+/iu,
      '',
    );
}

function tidySide(side: string): string {
  return (
    side
      .replace(/\s*,\s*(?:die|der|das|den|dem|welche[rsnm]?)\s.*$/iu, '')
      .replace(/^(?:was\s+ist\s+)?(?:der|die|das|dem|den|des|eine?[mnrs]?|'?ne[mnr]?|diese[rsnm]?)\s+/iu, '')
      .replace(/^(?:gleich|lieber|eher|doch|direkt|einfach|nur|bloß|bloss)\s+/iu, '')
      // "eine normale Kooperation z.B. beim Bauamt": the example names no other thing.
      .replace(/\s+(?:z\.\s?B\.|zum\s+Beispiel|etwa|wie)\s.*$/iu, '')
      .replace(/^(?:der|die|das|dem|den|des|eine?[mnrs]?|'?ne[mnr]?)\s+/iu, '')
      // "normaler Zweckverband" is a Zweckverband; "die normale Förderung", "der eigentliche Zuschuss" is the regular grant.
      .replace(
        /^(?:normale[nmrs]?|klassische[nmrs]?|eigentliche[nmrs]?|reguläre[nmrs]?|übliche[nmrs]?|komplette[nmrs]?|ganze[nmrs]?)\s+(?!(?:IKZ-?)?(?:förder|foerder|zuschuss|zuwendung|geld))/iu,
        '',
      )
      // (In the articles' word: "eigentlich" is a filler word the search leaves out.)
      .replace(
        /^(?:normale|eigentliche|reguläre|regulaere|übliche|uebliche)[nmrs]?\s+(?:IKZ-?)?(?:förderung|foerderung|zuschuss|zuwendung)$/iu,
        'Regelzuwendung',
      )
      .replace(/\s*[-–—:,]\s*$/u, '')
      // "IKZ-Förderung beantragen", "das AKC nutzen": the thing, without what one does with it ("alle zusammen
      // fusionieren" names no thing but what they do).
      .replace(/(?<=\S)\s+\p{Ll}+en$/u, (verb, at: number, whole: string) => (/(?<!\p{L})\p{Lu}/u.test(whole.slice(0, at)) ? '' : verb))
      .replace(/\s+(?:für\s+uns|eigentlich|genau|denn)$/iu, '')
      .trim()
  );
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
