/**
 * Questions about the amount for a concrete case ("Wir sind drei Gemeinden – wie viel gibt es?",
 * "GVV mit 3 Gemeinden", "Fusion, 6.000 Einwohner, 10 Mio Schulden"): which computed case a message is
 * about and the numbers it gives, read with the words the programme file names for each case
 * (`grant_cases`). Pure; the amount itself comes from `grantFigure`.
 */
import { grantFigure, type GrantCase, type GrantFigure } from '../funding/grant-amounts.js';
import {
  GRANT_CASE_FIGURES,
  type GrantCaseFigure,
  type GrantCaseKind,
  type GrantCaseRules,
  type ProgrammeParameters,
  type ProgrammeVersion,
} from '../funding/programme-parameters.js';
import { questionsFor, type ProjectKind } from '../funding/eligibility.js';
import { versionOn } from '../funding/programme-validity.js';
import type { AnswerDecision } from '../knowledge/answer-engine.js';
import { looksLikeFollowUp, type GrantTopic } from './follow-up.js';
import { quantitiesIn, type Quantity } from './german-numbers.js';
import { mentionsAsker } from '../language/clauses.js';
import { spellOutUmlauts } from '../language/german-normalizer.js';
import { editDistanceWithin } from '../language/typos.js';
import { germanNumberOneDecimal } from '../shared/german-format.js';
import { questionsOf } from './sentences.js';
import { namesPayment } from './payment-nouns.js';

export type { GrantTopic } from './follow-up.js';

/** How strongly a message asks for an amount. */
export type AmountAsk = 'none' | 'weak' | 'strong';

/** What a message says about a computed case. */
export interface GrantReading {
  grantCase: GrantCase;
  /** "wie viel", "Summe", "Betrag" (strong); "Geld", "Zuschuss", "was zahlt das Land", a sum of money (weak). */
  asks: AmountAsk;
  /** The message speaks of money or funding ("Förderung", "gibt es", "Geld"): a "wie viel" is then about the amount, not about savings or time. */
  aboutMoney: boolean;
  /** The case is named ("GVV"), counted by its own words ("vier Ortsteilwehren") or mentioned by them in the plural ("die Wehren"), the topic's, the answer's article's, or the general case of a count or counting word ("drei Gemeinden", "wie viele Kommunen"). */
  by: 'name' | 'count' | 'mention' | 'topic' | 'article' | 'general';
  /** The numbers the message itself gave. */
  given: GrantCaseFigure[];
  /** The message names money itself ("Geld", "Zuschuss", "zahlt"), not only the programme ("Förderung"). */
  asksForMoney?: boolean;
  /** Other cases whose context words the message uses ("Ersparnis" for the savings): their articles answer their own question. */
  alsoInContext?: GrantCaseKind[];
  /** The message asks a question word of its own ("wann", "wer", "wo"), not "wie viel": it asks for no amount by itself. */
  asksOwnQuestion?: boolean;
  /** The numbers are told in a statement, none in the message's questions ("Wir planen einen GVV mit 3 Gemeinden. Muss …?"). */
  toldOnly?: boolean;
}

/** What the caller knows beside the message. */
export interface GrantHints {
  /** The article the knowledge base answered with, if it answered. */
  articleId?: string;
  /** The article the message's statements alone (without its questions) lead to: a case it describes (`described_by`). */
  describedBy?: string;
  /** The computed case of the conversation's topic. */
  topic?: GrantTopic;
  /** The message continues the previous question ("Und für fünf?"). */
  followUp: boolean;
}

/** The largest count the reader takes as a number of partners, members or brigades (not a sum or a year). */
const MAX_COUNT = 1000;
/** Words joining one more partner to a count: "drei Gemeinden und der Landkreis", "7 Gemeinden plus Landkreis". */
const JOINING = new Set(['und', 'plus', 'sowie', 'samt', 'mit', 'inklusive', 'inkl', 'zuzueglich']);
const ARTICLES = new Set([
  'der',
  'die',
  'das',
  'dem',
  'den',
  'des',
  'ein',
  'eine',
  'einem',
  'einer',
  'unser',
  'unsere',
  'unserem',
  'unserer',
  'noch',
]);
/** "drei Gemeinden und zwei Kreise": two counts of one figure joined by these words add up. */
const SUMMING = new Set(['und', 'plus', 'sowie', 'samt']);
/** "drei Gemeinden in zwei Landkreisen", "aus zwei Kreisen": after a count, a count of where they are, not of partners. */
const LOCATING = new Set(['in', 'aus', 'innerhalb', 'auf', 'im']);
/** A region that holds many municipalities ("zwei Landkreisen", "drei Kreisen"): a count of it only says where (folded). */
const PLACE_OF_MANY = /(?:kreis|bezirk|region|land)(?:e|en|es|s|n)?$/;
/** "kooperiert mit zwei Gemeinden", "mit zwei Gemeinden zusammenarbeiten": the asking municipality works with them, one more. */
const COOPERATING = /^(?:kooperier|zusammenarbeit|zusammenzuarbeit|zusammenleg|zusammenzuleg|zusammentun|zusammengetan|zusammen$)/;
/** "und wenn der Landkreis noch mitmacht?": one more of the counted partners. */
const ADDING = new Set(['noch', 'zusaetzlich', 'dazu', 'hinzu', 'ausserdem', 'ebenfalls', 'plus']);
/** "eine weitere Gemeinde", "eine zusätzliche Kommune": one more than those counted before (folded). */
const ONE_MORE = /^(?:weiter|zusaetzlich)(?:e|er|en|em|es)?$/;
/** A verb of joining the ones counted before ("dazukommen", "hinzukämen", "mit dazu"), after a count that adds to theirs. */
const JOINING_VERB = /^(?:dazu|hinzu)(?:kommen|kommt|kaemen|kaeme|stossen|stoesst)$/;
/** "aus vier Wehren werden zwei": after "aus" and a count, one after these is the result of a merger (see `isResult`). */
const BECOMING = new Set(['werden', 'wird']);
/**
 * The question asks for the total of several cases of one kind: "was gibt es insgesamt?", "wie viel in Summe?", "für
 * beide zusammen". After the counts it sums them (see `countsIn`).
 */
const TOTAL_ASK = /\b(?:(?:insgesamt|gesamt)(?!\s*\d)|in\s+summe|zusammengerechnet|alles\s+zusammen|fuer\s+beide|beide\s+zusammen)\b/;
/**
 * Words before a count that say the count before it again: "mit drei Nachbargemeinden, also vier Gemeinden", "die
 * Gemeinden A, B und C … Alle drei Gemeinden …", "mit unseren drei Gemeinden".
 */
const RESTATING = new Set([
  'also',
  'sprich',
  'dh',
  'heisst',
  'somit',
  'insgesamt',
  'gesamt',
  'zusammen',
  'total',
  'demnach',
  'folglich',
  'alle',
  'unsere',
  'unseren',
  'diese',
  'diesen',
]);
/** Numbers of these are no counts of the case: "in 5 Jahren", "15 Prozent". */
const UNITS =
  /^(?:jahr|jahre|jahren|jahres|monat|monate|monaten|woche|wochen|tag|tage|tagen|stunde|stunden|prozent|mal|uhr|punkte|stellen|stelle|vh)$/;

/**
 * Strong: the question asks for a figure ("wie viel", "wie hoch", "was bekommen wir", "mit welcher Förderung …", "Summe",
 * "Betrag"), also in everyday words ("was bleibt für uns hängen", "was springt dabei raus", "was kommt da rum", "was
 * ist da drin", "welche Förderung ist da drin", "was steht uns zu", "was legt das Land dazu"), and "mehr Geld" ("Wo gibt's
 * mehr Geld: Fusion oder GVV?").
 */
const STRONG_ASK =
  /\b(?:was\s+bleibt\b[^.?!]*\bhaengen|was\s+springt\b|was\s+kommt\b[^.?!]*\b(?:rum|herum|raus|heraus)\b|(?:was|welche[rsnm]?\s+(?:\w+\s+)?(?:foerderung|zuwendung|zuschuss|summe|betrag))\s+ist\b[^.?!]*\bdrin\b|was\s+steht\s+uns\b[^.?!]*\bzu|was\s+(?:legt|schiesst|steuert|schiebt)\s+(?:uns\s+)?(?:das\s+land|hessen)\b|welche[rn]?\s+hoehe|groessenordnung|mit\s+welche[rmn]?\s+(?:\w+\s+)?\w*(?:foerderung|foerdersumme|zuwendung|zuschuss|geld|summe|betrag)|was\s+(?:bekommen|bekommt|kriegen|kriegt|erhalten|erhaelt|zahlt)\b|was\s+gibt(?:s|\s+es)\s+(?:dafuer\s+)?(?:vom\s+land|an\s+(?:foerderung|geld|zuschuss))|was\s+(?:gibt|gaebe)(?:s|\s+es)\s+(?:(?:denn|dann|da)\s+)?fuer\s+(?:einen|eine|ein)\s+\w+(?=\s*(?:[?.!]|$))|wie\s*viel(?!e)(?!\s+(?:zeit|prozent|jahre|monate|wochen|tage|personal|stellen|aufwand)\b)|wie\s+hoch|mehr\s+(?:geld|foerderung|foerdergeld|zuschuss|kohle)|(?:gesamt|foerder|regel)?summe|(?:foerder|regel)?betrag|foerderhoehe|regelfoerderung|regelzuwendung|gesamt(?:zuweisung|zuwendung|foerderung))\b/;
/** A question for what something costs the municipality. */
const COST_QUESTION = /\b(?:was|wie\s*viel)\s+kostet\b|\bkostet\s+(?:uns|das|es|die|der)\b|\bkosten(?:los|frei|pflichtig)\b/;
/**
 * What the municipality itself pays ("Was müssen wir für die Teilnahme zahlen?", "Gibt es Module, die was kosten?"):
 * without a word of money given, even "wie viel" asks for a cost, not for a grant.
 */
const PAYS_ITSELF =
  /\b(?:was|wie\s*viel)\s+(?:muessen|muss|sollen|soll)\s+(?:wir|man|ich)\b[^.?!]*\b(?:zahlen|bezahlen)\b|\bzahlen\s+wir\b|\bwas\s+kosten\b/;
/** Words of money the Land gives. */
const GIVEN_MONEY =
  /\b(?:foerder\w*|gefoerdert|zuwendung\w*|zuschuss\w*|zuschuesse|bekomm\w*|krieg\w*|erhalt\w*|landesgeld|zahlt\s+(?:das\s+land|hessen))\b/;
/** The municipalities' own share ("wie hoch ist der Eigenanteil?"): what they pay, which no rule computes (folded). */
const OWN_SHARE = /\b(?:eigenanteil|eigenmittel|eigenbeteiligung)\w*/;
/** Paying money back ("müssen wir den Zuschuss zurückgeben?"): a question whether, not how much (folded). */
const REPAYING =
  /\b(?:zurueck(?:geben|gegeben|zahlen|gezahlt|erstatten|erstattet|fordern|gefordert|ueberweisen)|zurueckzu\w+|rueckzahl\w*|rueckforder\w*|rueckerstatt\w*)\b/;
/** A question for something other than an amount: when, how long, who, where, which documents. */
const OTHER_QUESTION = /\b(?:wann|wie\s+lange|wer|wem|wen|wo|wohin|woher|warum|weshalb|wieso|welche[rsnm]?(?!\s+(?:summe|betrag|hoehe)))\b/;
/**
 * "ein neues HLF 20", "LF 10": a number right after an abbreviation in capitals that no case knows is part of a type's
 * name, no count ("EW 6000" and "GVV 3" stay counts).
 */
function designates(text: string, q: Quantity, all: CompiledCases): boolean {
  const abbreviation = /(?<!\p{L})(\p{Lu}{2,5})[\s-]*$/u.exec(text.slice(0, q.index))?.[1];
  if (!abbreviation) return false;
  const folded = spellOutUmlauts(abbreviation);
  return !all.counting.has(folded) && !all.cases.some((c) => c.names.has(folded));
}

/** A merger into one municipality (folded): "fusionieren", "Eingemeindung", "eine (einzige) Gemeinde werden", "eins werden". */
const MERGER =
  /(?<![a-z])(?:fusion(?:en)?|fusionier\w*|eingemeind\w*)(?![a-z])|\beine\s+(?:einzige\s+|neue\s+|gemeinsame\s+)?(?:gemeinde|stadt|kommune)\s+werden\b|\beins\s+(?:zu\s+)?werden\b/;

/** A question for a count of things ("wie viele Kommunen …", "wie viele machen mit"), not of euros. */
const COUNT_QUESTION = /\bwie\s*viele\b(?!\s+(?:euro|eur|mio|millionen|tausend)\b)/;
/**
 * A change of the amount asked about, in one clause ("Ändert sich der Zuschuss, wenn …", "Wird die Förderung dann
 * höher?", "Erhöht sich dadurch die Zuwendung?"): with a concrete case, a question for its amount.
 */
const AMOUNT_NOUN = String.raw`(?:zuschuss|zuschuesse|foerderung|foerdersumme|foerderbetrag|foerderhoehe|zuwendung|regelzuwendung|betrag|summe)`;
const CHANGE_WORD = String.raw`(?:(?:ver)?aender(?:t|n)\s+sich|erhoeh(?:t|en)\s+sich|verringer(?:t|n)\s+sich|steigt|steigen|sinkt|sinken|hoeher|niedriger|groesser|kleiner)`;
const CHANGE_ASK = new RegExp(String.raw`\b${CHANGE_WORD}\b[^.?!,;]*\b${AMOUNT_NOUN}\b|\b${AMOUNT_NOUN}\b[^.?!,;]*\b${CHANGE_WORD}\b`);
/** Funding in a verb or adjective ("gefördert werden", "förderfähig"): with a count in focus, whether and how that case is funded. */
const FUNDED = /\b(?:gefoerdert|foerderfaehig|foerderbar|bezuschusst|foerderung|zuschuss)\b/;
/** "nur zwei Gemeinden", "mit nur einer Nachbargemeinde": the count itself is in question (folded). */
const RESTRICTING = new Set(['nur', 'lediglich', 'bloss', 'allein']);
/** Funding or money in any words: what a "wie viel" must be about to ask for the amount. */
const MONEY_TALK =
  /\b(?:gibt|gibts|geben|zahlt|zahlen|bekommen|bekommt|kriegen|kriegt|erhalten|erhaelt|springt)\b|\bvom\s+land\b|(?:foerderung|foerdermittel|foerderhoehe|geld|zuschuss|zuschuesse|zuwendung|euro|kohle|summe|betrag)\b/;
/** Money itself, not the programme's name. */
const MONEY_WORD = /\b(?:geld|zuschuss|zuschuesse|kohle|euro|zahlt|zahlen|bezahlt)\b/;
/** Weak: the question is about money or funding, which together with a concrete case means its amount ("Drei Gemeinden – Förderung?"). */
const WEAK_ASK =
  /\b(?:was\s+gibt(?:s|\s+es)?|geld|foerderung|foerdermittel|foerdergeld|zuschuss|zuschuesse|zuwendung|euro|kohle|zahlt|zahlen|bezahlt|bekommen|bekommt|kriegen|kriegt|erhalten|erhaelt|foerderseitig|lohnt|vom\s+land|finanziell(?:e[nmrs]?)?)\b/;

/**
 * Everyday verbs of the Land giving money, each with the particle that makes it giving ("Legt das Land da was
 * drauf?", "Schießt Hessen etwas zu?", "Lässt das Land was springen?"): a finite form with its particle later in
 * the clause, or both joined ("beisteuern", "zugeschossen"). Money spoken of (weak), like "Gibt das Land Geld dazu?".
 */
const CONTRIBUTING: ReadonlyArray<{ verb: string; particle: string; joined: string }> = [
  { verb: 'leg(?:t|en)', particle: 'drauf|obendrauf|dazu', joined: '(?:obendrauf|drauf|dazu)(?:zu|ge)?leg' },
  { verb: 'schiesst|schiessen', particle: 'zu|dazu', joined: '(?:dazu|zu)(?:zu)?schiess|(?:dazu|zu)geschoss' },
  { verb: 'steuer(?:t|n)', particle: 'bei|dazu', joined: '(?:bei|dazu)(?:zu|ge)?steuer' },
  { verb: 'buttert|buttern', particle: 'zu|dazu|rein', joined: '(?:zu|dazu)(?:zu|ge)?butter' },
  { verb: 'schieb(?:t|en)', particle: 'rueber', joined: 'rueber(?:zu|ge)?schieb' },
  { verb: 'spring(?:t|en)', particle: 'raus|heraus', joined: '(?:raus|heraus)(?:zu|ge)?spring' },
  { verb: 'laesst|lassen', particle: 'springen', joined: String.raw`springen\s+(?:lassen|laesst)` },
  { verb: 'mach(?:t|en)', particle: 'locker', joined: 'locker(?:zu|ge)?mach' },
];
const CONTRIBUTES = new RegExp(
  CONTRIBUTING.map(
    ({ verb, particle, joined }) => String.raw`\b(?:${verb})\b[^.?!,;:]*?\b(?:${particle})\s*(?=[.?!,;:]|$)|\b(?:${joined})`,
  ).join('|'),
);

/**
 * How a message (folded, with its numbers) asks for an amount: `strong` ("wie viel", "wie hoch", "was
 * bekommen wir", "Summe", "Betrag", money "insgesamt"), `weak` (it speaks of money: "Geld", "Zuschuss", "150k", and asks
 * nothing else: no "wann", "wer", "welche Unterlagen") or `none`. The words of a weak ask count only in `asked`, the
 * message's questions (all of it when it has none).
 */
export function amountAsk(folded: string, quantities: readonly Quantity[], asked = folded): AmountAsk {
  if ((COST_QUESTION.test(folded) || PAYS_ITSELF.test(folded)) && !GIVEN_MONEY.test(folded)) return 'none';
  if (OWN_SHARE.test(asked)) return 'none';
  if (STRONG_ASK.test(folded)) return 'strong';
  // "Wir bekommen 75.000 € – wann wird ausgezahlt?": money is spoken of, but something else is asked.
  // "Wie viele machen bei dem Zuschuss mit?": a count is asked for, not an amount.
  // "Was kostet uns das?", "Ist das kostenlos?": what the municipality pays, not what the Land gives.
  // "Müssen wir den Zuschuss zurückgeben, wenn …?": whether money goes back, not how much there is.
  if (OTHER_QUESTION.test(folded) || COUNT_QUESTION.test(folded) || COST_QUESTION.test(folded) || REPAYING.test(asked)) return 'none';
  // "was gibt es insgesamt?": the total of money asks for the figure.
  if (TOTAL_ASK.test(folded) && MONEY_TALK.test(folded)) return 'strong';
  if (WEAK_ASK.test(asked) || CONTRIBUTES.test(asked) || quantities.some((q) => q.money)) return 'weak';
  return 'none';
}

function isDescribed(c: CompiledCase, hints: GrantHints): boolean {
  return hints.describedBy !== undefined && c.rules.described_by.includes(hints.describedBy);
}

/** A list of counting words or names, compiled once (see `WordSet.has`). */
class WordSet {
  private readonly abbreviations: Set<string>;
  private readonly ending: RegExp | undefined;
  private readonly start: RegExp | undefined;

  constructor(words: readonly string[]) {
    const abbreviations = words.filter((w) => w === w.toUpperCase()).map(spellOutUmlauts);
    this.abbreviations = new Set([...abbreviations, ...abbreviations.map((a) => `${a}s`)]);
    const bases = words.filter((w) => w !== w.toUpperCase()).map((w) => spellOutUmlauts(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.ending = bases.length > 0 ? new RegExp(`(?:${bases.join('|')})(${ENDINGS})?$`) : undefined;
    this.start = bases.length > 0 ? new RegExp(`^(?:${bases.join('|')})`) : undefined;
  }

  /**
   * True when a (folded) word is one of the words, or a compound ending in one, inflected
   * ("nachbargemeinden" → Gemeinde, "ortsteilwehren" → Wehr). An abbreviation in capitals ("EW", "GVV")
   * matches only as itself.
   */
  has(word: string): boolean {
    return this.abbreviations.has(word) || (this.ending?.test(word) ?? false);
  }

  /** True when the word has one of the words with an inflection ending ("Wehren", not "Feuerwehr"): several of them. */
  inflected(word: string): boolean {
    return Boolean(this.ending?.exec(word)?.[1]);
  }

  /** True when the word starts with one of the words ("einwohnerzahl", "schuldenstand"). */
  starts(word: string): boolean {
    return this.start?.test(word) ?? false;
  }
}

const ENDINGS = 'e|en|n|s|es|er|ern|nen|innen';

/** One number of a case, with its counting words. */
interface CompiledFigure {
  figure: GrantCaseFigure;
  money: boolean;
  /** Several counts of it add up to one whole (`adds_up`). */
  addsUp: boolean;
  words: WordSet;
  /** Folded marks of a count of the others only ("nachbar", "andere"). */
  others: string[];
}

/** A case of the programme file with its word lists compiled. */
interface CompiledCase {
  rules: GrantCaseRules;
  names: WordSet;
  figures: CompiledFigure[];
  /** Folded stems one of which a message must use unless it names the case or gives its sum (`requires`). */
  requires: string[];
  /** Counting words no other case has ("Wehr", "Einwohner"). */
  own: WordSet;
  /** Its counting words of numbers that are no sums ("Gemeinde", "Wehr"). */
  counting: WordSet;
}

interface CompiledCases {
  cases: CompiledCase[];
  /** Every counting word of every case. */
  counting: WordSet;
  /** The names and counting words (not of sums) of seven letters or more, in lower case: what a typo may be meant as. */
  spelled: string[];
}

const compiled = new WeakMap<readonly GrantCaseRules[], CompiledCases>();

/**
 * "feuerwher fusion zuschuss": a long word one keystroke away from a word of the cases (a name or counting word) is that
 * word mistyped; the rules below match words exactly.
 */
function withCaseWordsSpelled(text: string, all: CompiledCases): string {
  return text.replace(/\p{L}{7,}/gu, (word) => {
    const lower = word.toLowerCase();
    const folded = spellOutUmlauts(lower);
    // A word the cases know, also inflected or as a compound's end ("Gemeinden", "Nachbarkommunen"), is no typo.
    if (all.counting.has(folded) || all.cases.some((c) => c.names.has(folded))) return word;
    const meant = all.spelled.find((known) => editDistanceWithin(lower, known, 1) <= 1);
    return meant ?? word;
  });
}

/** The programme file's cases with their word lists compiled, once per loaded file. */
function compile(cases: readonly GrantCaseRules[]): CompiledCases {
  let result = compiled.get(cases);
  if (result) return result;
  const wordsOfCase = (rules: GrantCaseRules) => Object.values(rules.counts).flatMap((count) => count.words);
  // (Not the words of sums: "Aufgaben" is no typo of "Ausgaben".)
  const countingWordsOf = (rules: GrantCaseRules) => Object.values(rules.counts).flatMap((count) => (count.money ? [] : count.words));
  result = {
    cases: cases.map((rules) => {
      const shared = new Set(
        cases
          .filter((c) => c !== rules)
          .flatMap(wordsOfCase)
          .map(spellOutUmlauts),
      );
      return {
        rules,
        names: new WordSet(rules.names),
        requires: rules.requires.map(spellOutUmlauts),
        figures: (Object.entries(rules.counts) as Array<[GrantCaseFigure, GrantCaseRules['counts'][string]]>).map(([figure, count]) => ({
          figure,
          money: count.money,
          addsUp: count.adds_up,
          words: new WordSet(count.words),
          others: count.others.map(spellOutUmlauts),
        })),
        own: new WordSet(wordsOfCase(rules).filter((w) => !shared.has(spellOutUmlauts(w)))),
        counting: new WordSet(Object.values(rules.counts).flatMap((count) => (count.money ? [] : count.words))),
      };
    }),
    counting: new WordSet(cases.flatMap(wordsOfCase)),
    spelled: [...new Set(cases.flatMap((rules) => [...rules.names, ...countingWordsOf(rules)]).map((w) => w.toLowerCase()))].filter(
      (w) => w.length >= 7,
    ),
  };
  compiled.set(cases, result);
  return result;
}

/**
 * The computed case a message is about, with the numbers it gives, or `undefined` when it is about
 * none. The case is, in this order: the one the message names ("GVV", "Entschuldungshilfe"); the one
 * whose own counting words it uses ("vier Ortsteilwehren", "6.000 Einwohner", "die Wehren"); in a
 * follow-up the topic's; the general case of a shared count ("drei Gemeinden": the regular grant, the
 * first case listed); the case of the answer's article; the first case whose counting word the message
 * uses. Numbers: "drei Gemeinden und der Landkreis" = 4, "mit zwei Nachbarorten" = 3 (the asking
 * municipality counts), "mit einer Nachbargemeinde" = 2, "noch eine vierte Gemeinde" = 4 (an ordinal is the new
 * total), "zu viert", "3er-Kooperation", "10 Mio €"; in a follow-up a bare number fills
 * the number asked for or the case's first ("Und für fünf?").
 *
 * @example
 * ```ts
 * readGrantCase('GVV mit 3 Gemeinden – wie hoch ist die Förderung?', programme.grant_cases, { followUp: false });
 * // { grantCase: { kind: 'gvv', members: 3 }, asks: 'strong', by: 'name', given: ['members'], … }
 * ```
 */
export function readGrantCase(typed: string, cases: readonly GrantCaseRules[], hints: GrantHints): GrantReading | undefined {
  if (cases.length === 0) return undefined;
  const all = compile(cases);
  const text = withCaseWordsSpelled(typed, all);

  const folded = spellOutUmlauts(text);
  const words = folded.split(/[^\p{L}]+/u).filter(Boolean);
  const quantities = quantitiesIn(text);
  // "mit der Nachbargemeinde fusionieren", "… also eine einzige Gemeinde werden": one municipality in the end, no partners.
  const merges = MERGER.test(folded);
  // Counts read also indefinite articles: "mit einer Nachbargemeinde" counts one other.
  // "ein dritter Partner ist nicht in Sicht": an ordinal in a denied clause adds nobody.
  const countQuantities = multiplyEachCounts(
    joinListedCounts(
      quantitiesIn(text, { articles: true, lists: true }).filter(
        // In a merger "eine"/"eins" is what they become ("eins werden"), no count of those taking part.
        (q) => !(q.ordinal && deniedAt(text, q.index)) && !(merges && q.value === 1) && !designates(text, q, all),
      ),
    ),
    all,
  );
  const counted = countsIn(countQuantities, all, TOTAL_ASK.test(folded) ? TOTAL_ASK.exec(folded)!.index : undefined);
  const topic = hints.followUp ? hints.topic : undefined;
  const filled = (c: CompiledCase) => c.figures.filter((f) => counted.has(`${c.rules.case}:${f.figure}`)).length;
  const mostFilled = (list: CompiledCase[]) => list.reduce((best, c) => (filled(c) > filled(best) ? c : best));

  const named = all.cases.filter((c) => words.some((w) => c.names.has(w)));
  // "Die Stadt (11.500 Einwohner) kooperiert mit …": a case that needs its context ("Fusion") is read from counts only with it, or with its sum.
  const inContext = (c: CompiledCase) =>
    c.requires.length === 0 ||
    words.some((w) => c.requires.some((r) => w.includes(r))) ||
    c.figures.some((f) => f.money && counted.has(`${c.rules.case}:${f.figure}`));
  const own = all.cases.filter(
    (c) =>
      inContext(c) &&
      (words.some((w) => c.own.inflected(w)) ||
        c.figures.some((f) => counted.has(`${c.rules.case}:${f.figure}`) && words.some((w) => c.own.has(w)))),
  );
  // "zu viert", "eine 3er-Kooperation": a group of partners, the general case.
  const grouped = quantities.some((q) => q.group) ? all.cases.filter((c) => c.figures.some((f) => !f.money)).slice(0, 1) : [];
  const shared = [...all.cases.filter((c) => filled(c) > 0 && inContext(c)), ...grouped];
  // "Wie viele Kommunen müssen mitmachen?": no number yet, but "Und wenn es nur zwei sind?" may follow.
  const mentioned = all.cases.filter((c) => inContext(c) && words.some((w) => c.counting.has(w)));
  const byArticle = hints.articleId ? all.cases.find((c) => c.rules.articles.includes(hints.articleId!)) : undefined;
  const byTopic = topic ? all.cases.find((c) => c.rules.case === topic.grantCase.kind) : undefined;
  const mergerCase = all.cases.find((c) => c.requires.some((r) => MERGER.test(r)));
  // A case of a sum that needs its context and finds it in the message's own words ("… wie viel müssen wir einsparen?").
  // (Not a case of counts only: "Wie hoch ist die Aufwandsentschädigung eines Wehrführers?" asks no amount of brigades.)
  const byContext = all.cases.find(
    (c) => c.requires.length > 0 && c.figures.some((f) => f.money) && words.some((w) => c.requires.some((r) => w.includes(r))),
  );

  // "Wir sind 3 Gemeinden und geben 400.000 € aus. Wie viel müssen wir einsparen?": what "wie viel" asks for chooses the
  // case over the counts told, when the message gives the sum it is computed from. (Without one, "Braucht man drei
  // Gemeinden? Und wie viel muss man einsparen?" asks two questions that the articles answer.)
  const askedFor = quantities.some((q) => q.money)
    ? all.cases.find((c) => c.requires.length > 0 && c.figures.some((f) => f.money) && asksHowMuchOf(folded, c.requires))
    : undefined;

  const describedShared = shared.find((c) => isDescribed(c, hints));

  let chosen: CompiledCase;
  let by: GrantReading['by'];
  if (askedFor) [chosen, by] = [askedFor, 'mention'];
  else if (named.length > 0) [chosen, by] = [mostFilled(named), 'name'];
  // "Bei uns im Kreis reden drei Gemeinden von einem gemeinsamen Rathaus, jede behält ihren Bürgermeister": the case the
  // statements describe, over a word only another case counts with ("Kreis") that counts nothing here.
  else if (describedShared && !own.some((c) => c !== describedShared && filled(c) > filled(describedShared)))
    [chosen, by] = [describedShared, 'general'];
  else if (own.length > 0) [chosen, by] = [mostFilled(own), 'count'];
  // "Und wenn wir gleich fusionieren?" after the regular grant: the merger is the new case, not the topic's.
  else if (byTopic && merges && mergerCase && byTopic !== mergerCase) [chosen, by] = [mergerCase, 'mention'];
  else if (byTopic) [chosen, by] = [byTopic, 'topic'];
  // "Drei Gemeinden: wie viel müssen wir einsparen?": the answer's case, in its context and not about money, over a count of partners.
  // (A case of counts, the brigades, does not: "mit 2 Nachbarkommunen die Feuerwehrtechnik beschaffen" is a cooperation of three.)
  else if (
    byArticle &&
    byArticle.requires.length > 0 &&
    byArticle.figures.some((f) => f.money) &&
    inContext(byArticle) &&
    !MONEY_TALK.test(folded)
  )
    [chosen, by] = [byArticle, 'article'];
  // ("Wie viel müssen wir sparen, damit wir die Kohle bekommen?": what "wie viel" asks is the saving; the money is its aim.)
  else if (
    byContext &&
    (!MONEY_TALK.test(folded) || asksHowMuchOf(folded, byContext.requires)) &&
    amountAsk(folded, quantities) === 'strong'
  )
    [chosen, by] = [byContext, 'mention'];
  // "Zwei Gemeinden wollen fusionieren. Wie viel gibt es?": the merger's case (the one that requires a merger's words),
  // not the cooperation of two.
  else if (merges && mergerCase) [chosen, by] = [mergerCase, 'mention'];
  // "Wir sind 3 Gemeinden; ein Rathaus macht die ganze Verwaltung, jede behält ihren Bürgermeister": the case described.
  else if (shared.length > 0) [chosen, by] = [shared.find((c) => isDescribed(c, hints)) ?? shared[0]!, 'general'];
  else if (byArticle) [chosen, by] = [byArticle, 'article'];
  else if (mentioned.length > 0) [chosen, by] = [mentioned[0]!, 'general'];
  else return undefined;

  const kind = chosen.rules.case;
  const values: Partial<Record<GrantCaseFigure, number>> = {};
  // A follow-up of the same case starts from the topic's numbers; of another case, it keeps the first count ("… als GVV?").
  if (topic) {
    const previous = topic.grantCase as Partial<Record<GrantCaseFigure, number>> & { kind: GrantCaseKind };
    if (previous.kind === kind) Object.assign(values, withoutKind(previous));
    else Object.assign(values, carriedCount(topic.grantCase, chosen.rules, cases));
  }
  const given: GrantCaseFigure[] = [];
  const give = (figure: GrantCaseFigure, value: number) => {
    values[figure] = value;
    given.push(figure);
  };
  for (const { figure } of chosen.figures) {
    const value = counted.get(`${kind}:${figure}`);
    if (value !== undefined) give(figure, value);
  }
  // "zu viert", "3er-Kooperation": the size of the group is the case's first count; in the question ("Geht das, wenn
  // wir nur zu zweit sind?") it is what is asked about, whatever the story before counted.
  const first = firstCount(chosen.rules);
  const group = quantities.find((q) => q.group && q.inQuestion) ?? quantities.find((q) => q.group);
  if (first && group && plausible(group.value, first, false)) {
    if (!given.includes(first)) give(first, group.value);
    else if (group.inQuestion) values[first] = group.value;
  }
  // "Fusion, 6.000 Einwohner, 10 Mio": a sum of money without its word is the case's sum.
  const moneyFigure = chosen.figures.find((f) => f.money)?.figure;
  const sums = quantities.filter((q) => q.money && !countWordOf(q, all));
  if (moneyFigure && !given.includes(moneyFigure) && sums.length === 1 && plausible(sums[0]!.value, moneyFigure, true))
    give(moneyFigure, sums[0]!.value);
  if (topic) fillFromFollowUp(folded, words, quantities, chosen, all, topic, values, given);
  // "Ändert sich der Zuschuss, wenn noch eine vierte Gemeinde dazukommt?": for a concrete case, the amount is asked.
  const changes = given.length > 0 && CHANGE_ASK.test(folded);
  // "ob eine Kooperation mit nur einer Nachbargemeinde gefördert werden kann": whether a count below the rule is funded, and how.
  const focused =
    given.length > 0 &&
    !OTHER_QUESTION.test(folded) &&
    FUNDED.test(folded) &&
    countQuantities.some(
      (q) => !q.money && !q.year && RESTRICTING.has(spellOutUmlauts(q.before[0] ?? '')) && (q.group || countWordOf(q, all) !== undefined),
    );
  // "Ich hab im Kopf, dass es IKZ-Geld nur gibt, wenn Gemeinden beteiligt sind. Ist das noch so?": money spoken of in a
  // statement, not in the question, asks for no amount.
  const { questions } = questionsOf(text);
  const asked = questions.length > 0 ? spellOutUmlauts(questions.join(' ')) : folded;
  const asks = changes || focused ? 'strong' : amountAsk(folded, quantities, asked);
  // "… 250.000 € – wie viel müssen wir einsparen?": a case in its own context with its sum given is about that money.
  const ownSum = chosen.requires.length > 0 && inContext(chosen) && moneyFigure !== undefined && given.includes(moneyFigure);
  const aboutMoney = asks === 'weak' || MONEY_TALK.test(folded) || ownSum || focused;
  return {
    grantCase: { kind, ...values } as GrantCase,
    asks,
    aboutMoney,
    by: by === 'count' && given.length === 0 ? 'mention' : by,
    given,
    asksForMoney: MONEY_WORD.test(folded),
    alsoInContext: all.cases.filter((c) => c !== chosen && c.requires.length > 0 && inContext(c)).map((c) => c.rules.case),
    asksOwnQuestion: OWN_QUESTION_WORD.test(folded),
    toldOnly: questions.length > 0 && quantitiesIn(questions.join(' ')).length === 0,
  };
}

/** A question word that asks for something else than an amount. */
const OWN_QUESTION_WORD = /(?<![a-z])(?:wann|wer|wen|wem|wo|wohin|woher|warum|wieso|weshalb|welche[rnms]?|seit)(?![a-z])/;

/**
 * Whether "wie viel" asks for a word with one of these stems in the same clause ("wie viel müssen wir mindestens einsparen"),
 * not for money given for it ("wie viel bekommen wir bei einer Fusion"). Folded text and stems.
 */
function asksHowMuchOf(folded: string, stems: readonly string[]): boolean {
  const asked = /\bwie\s*viele?\s+((?:[\p{L}-]+\s+){0,5}[\p{L}-]+)/u.exec(folded)?.[1];
  if (!asked) return false;
  const words = asked.split(/\s+/);
  const at = words.findIndex((w) => stems.some((r) => w.includes(r)));
  return at >= 0 && !words.slice(0, at).some((w) => MONEY_TALK.test(w));
}

/** A denial: "nicht", "kein …", "niemand". */
const DENIAL = /(?<!\p{L})(?:nicht|kein\p{L}*|niemand)(?!\p{L})/iu;

/** Whether the clause from `index` to the next comma or sentence end denies what it says ("… ist nicht in Sicht"). */
function deniedAt(text: string, index: number): boolean {
  const rest = text.slice(index);
  const end = rest.search(/[.,;:!?–]/u);
  return DENIAL.test(end < 0 ? rest : rest.slice(0, end));
}

/**
 * The count of `told` that another case takes over ("… für drei Gemeinden?" + "… als GVV?": three members): only
 * between counts of the same things (their counting words overlap), never municipalities as inhabitants.
 */
export function carriedCount(
  told: GrantCase,
  to: GrantCaseRules,
  cases: readonly GrantCaseRules[],
): Partial<Record<GrantCaseFigure, number>> {
  const toldRules = cases.find((c) => c.case === told.kind);
  const from = firstCount(toldRules);
  const into = firstCount(to);
  const value = from ? (told as Partial<Record<GrantCaseFigure, number>>)[from] : undefined;
  if (!toldRules || !from || !into || value === undefined) return {};
  return toldRules.counts[from]!.words.some((word) => to.counts[into]!.words.includes(word)) ? { [into]: value } : {};
}

/** The first number a case counts that is no sum of money (partners, members, brigades, inhabitants). */
export function firstCount(rules: GrantCaseRules | undefined): GrantCaseFigure | undefined {
  if (!rules) return undefined;
  return (Object.keys(rules.counts) as GrantCaseFigure[]).find((f) => !rules.counts[f]!.money);
}

/** A follow-up's bare numbers ("Und für fünf?", "ca. 6.000", "10 Mio") and added partners ("wenn der Landkreis noch mitmacht"). */
function fillFromFollowUp(
  folded: string,
  words: string[],
  quantities: Quantity[],
  chosen: CompiledCase,
  all: CompiledCases,
  topic: GrantTopic,
  values: Partial<Record<GrantCaseFigure, number>>,
  given: GrantCaseFigure[],
): void {
  const moneyFigure = chosen.figures.find((f) => f.money)?.figure;
  const awaited = chosen.figures.find((f) => f.figure === topic.awaiting && !f.money)?.figure;
  const countFigure = awaited ?? firstCount(chosen.rules);
  // "und wenn noch zwei dazukommen?": a count added to the topic's; "…, also sechs?" restates the total, which then counts.
  const restated = quantities.some((q) => RESTATING.has(spellOutUmlauts(q.before[0] ?? '')));
  for (const q of quantities) {
    if (q.year || q.group || countWordOf(q, all) !== undefined || UNITS.test(spellOutUmlauts(q.after[0] ?? ''))) continue;
    if (restated && !q.money && !RESTATING.has(spellOutUmlauts(q.before[0] ?? ''))) continue;
    const figure = q.money ? moneyFigure : countFigure;
    if (!figure || given.includes(figure)) continue;
    const previous = values[figure];
    const adds =
      !q.money &&
      !restated &&
      previous !== undefined &&
      (ADDING.has(spellOutUmlauts(q.before[0] ?? '')) || q.after.some((w) => JOINING_VERB.test(spellOutUmlauts(w))));
    const value = adds ? previous + q.value : q.value;
    if (!plausible(value, figure, q.money)) continue;
    values[figure] = value;
    given.push(figure);
  }
  const first = chosen.figures.find((f) => f.figure === firstCount(chosen.rules));
  if (!first || given.length > 0 || values[first.figure] === undefined || quantities.length > 0) return;
  const addsOne = words.some((w) => ADDING.has(w) || ONE_MORE.test(w)) && words.some((w) => first.words.has(w));
  if (addsOne && !/\b(?:nicht|kein|keine|ohne|weniger)\b/.test(folded)) {
    values[first.figure] = values[first.figure]! + 1;
    given.push(first.figure);
  }
}

/**
 * "Zwei Gemeinden mit 3.200 und 3.800 Einwohnern", "3 und 2 Ortsteilwehren": counts listed with one counting word after
 * the last are parts of one whole (the new municipality, all brigades): one count of their sum. Not a range ("zwischen
 * 3 und 5 Gemeinden") and not money.
 */
function joinListedCounts(quantities: Quantity[]): Quantity[] {
  const joined: Quantity[] = [];
  for (const q of quantities) {
    const previous = joined.at(-1);
    const listed =
      previous !== undefined &&
      !previous.money &&
      !q.money &&
      !previous.article &&
      !q.article &&
      ((previous.after.length === 1 && LISTING.has(previous.after[0]!) && q.before[0] === previous.after[0]) || parallel(previous, q)) &&
      previous.before[0] !== 'zwischen';
    if (listed) joined[joined.length - 1] = { ...q, value: previous.value + q.value, before: previous.before, index: previous.index };
    else joined.push(q);
  }
  return joined;
}

/**
 * "zwei Feuerwehrfusionen, jeweils zwei Ortsteilwehren", "2x je zwei Wehren", "zwei Gemeinden mit je 3.000 Einwohnern":
 * a count after "je"/"jeweils" is per each of the count just before it: it counts their product. The count before stays
 * when it counts a thing of its own (the two municipalities), not when it only counts times (fusions, "2x").
 */
function multiplyEachCounts(quantities: Quantity[], all: CompiledCases): Quantity[] {
  const result: Quantity[] = [];
  for (const q of quantities) {
    const previous = result.at(-1);
    const each =
      previous !== undefined &&
      !previous.money &&
      !previous.year &&
      !previous.article &&
      !q.money &&
      EACH.has(q.before[0] ?? '') &&
      countWordOf(q, all)?.side === 'after';
    // (A thing of its own right after the count: "zwei Gemeinden", not "zwei Zusammenlegungen von Feuerwehren".)
    const own = each ? countWordOf(previous, all) : undefined;
    if (!each) result.push(q);
    else if (own && !(own.side === 'after' && own.index > 0)) result.push({ ...q, value: previous.value * q.value });
    else result[result.length - 1] = { ...q, value: previous.value * q.value };
  }
  return result;
}

/** Words that make a count one per each of another: "jeweils zwei Ortsteilwehren". */
const EACH = new Set(['je', 'jeweils']);

/**
 * "eins mit 2.900 und eins mit 3.300 Einwohnern", "Gemeinde A mit 2.900 und Gemeinde B mit 3.300 Einwohnern": two counts
 * after "mit", joined by "und …mit" (a number word between, "eins", is no quantity here), the first without a counting word.
 */
function parallel(previous: Quantity, q: Quantity): boolean {
  const between = previous.after.map(spellOutUmlauts);
  return (
    previous.before[0] === 'mit' &&
    q.before[0] === 'mit' &&
    LISTING.has(between[0] ?? '') &&
    (between.length === 1 || between.at(-1) === 'mit')
  );
}

/** Words that list counts of one thing: "3.200 und 3.800 Einwohner". */
const LISTING = new Set(['und', 'plus']);

/**
 * The counts of a message per `case:figure`: each number with the first counting word after it (or,
 * without one, before it: "Einwohnerzahl 6000", "Schulden im Kernhaushalt 10 Mio"); "Nachbar-"/"andere"
 * add the asking municipality; "und der Landkreis" one more. Several counts of one figure: the one in
 * the question ("sieben Ortsteilfeuerwehren … Wie viel für die vier Wehren?"), else the last ("mit drei
 * Nachbargemeinden, also vier Gemeinden"); when the question asks for the total after them (`totalAt`: where
 * "insgesamt" stands in the folded text), their sum ("3 Wehren werden eine und 2 Wehren werden eine – was gibt es
 * insgesamt?"), also of a count that leaves its counting word out ("…, im Ort B zwei").
 */
function countsIn(quantities: Quantity[], all: CompiledCases, totalAt?: number): Map<string, number> {
  const counts = new Map<string, number>();
  const inQuestion = new Map<string, boolean>();
  /** The quantity that set each count last, for "drei Gemeinden und zwei Kreise". */
  const setBy = new Map<string, Quantity>();
  /** Per count, the values of its separate counts before a total asked for, and the key of the last count. */
  const separate = new Map<string, number[]>();
  let lastKeys: string[] = [];
  /** The keys the last count of partners, members or brigades set, for "zwei Gemeinden, eine dritte kommt hinzu". */
  let lastCounted: string[] = [];
  let last: Quantity | undefined;
  /** Per count that adds up (`adds_up`), the values of its parts, and the quantities that set any count. */
  const parts = new Map<string, number[]>();
  const used = new Set<Quantity>();
  for (const q of quantities) {
    // The number before this one, for "zu zwei", "werden zwei" and "und zwei Kreise" (an article read as one is no number).
    const previous = last;
    if (!q.article) last = q;
    const found = countWordOf(q, all);
    const beforeTotal = totalAt !== undefined && q.index < totalAt;
    // "Wir sind zwei Gemeinden, eine dritte kommt hinzu": an ordinal without its counting word counts what the count before it counted, when it is more.
    if (!found && q.ordinal) {
      for (const key of lastCounted) if (q.value > (counts.get(key) ?? Infinity)) counts.set(key, q.value);
      continue;
    }
    // "…, im Ort B zwei", "einmal 2 zu einer": a bare count at the end of its clause (or before what they become)
    // counts what the count before it counted.
    const bare = q.after.length === 0 || (q.after[0] === 'zu' && q.after.length <= 2);
    if (!found && beforeTotal && bare && !q.money && !q.year && !q.group && lastKeys.length > 0) {
      for (const key of lastKeys) if (plausible(q.value, key.split(':')[1] as GrantCaseFigure, false)) separate.get(key)?.push(q.value);
      continue;
    }
    if (!found) continue;
    const keysOfThis: string[] = [];
    const countedNow: string[] = [];
    const word = found.words[found.index]!;
    const before = q.before.map(spellOutUmlauts);
    // "drei Gemeinden in zwei Landkreisen": where the counted partners are, not more partners. Without a count before
    // and not in a region, the places count what is in them: "die Wehren aus drei Ortsteilen" are three brigades.
    const locates =
      found.side === 'after' &&
      LOCATING.has(before[0] ?? '') &&
      before.slice(1, 3).some((w) => all.counting.has(w)) &&
      (PLACE_OF_MANY.test(word) || (previous !== undefined && !previous.money && !previous.year));
    const result = isResult(before, previous, q.value);
    // "als zweite Kommune im Kreis", "als dritte Gemeinde in Hessen": a rank in a region, not a count of partners.
    if (q.ordinal && ranksIn(found.words.slice(found.index + 1))) continue;
    // "noch eine Nachbargemeinde", "eine weitere Gemeinde": one more than the count before.
    const addsOne = q.article && (ADDING.has(before[0] ?? '') || found.words.slice(0, found.index).some((w) => ONE_MORE.test(w)));
    for (const c of all.cases) {
      for (const f of c.figures) {
        if (!(f.words.has(word) || (found.side === 'before' && f.words.starts(word)))) continue;
        // A sum counts debts ("10 Mio Schulden", "Schulden von 10.000.000"), in digits ("die Kosten für Umbau und Auto" is
        // no sum of two); a year counts nothing unless its word follows ("2000 Einwohner").
        if (f.money ? !q.money && (found.side === 'after' || !/\d/.test(q.text)) : q.money || (q.year && found.side === 'before')) continue;
        if (locates && !f.money) continue;
        const key = `${c.rules.case}:${f.figure}`;
        let value = q.value;
        let addedUp = false;
        if (q.article) {
          // "mit einer Nachbargemeinde", "wir und eine andere Stadt": one other, the asking municipality makes two; "eine
          // Gemeinde" alone counts nobody. After a count it is one of those counted, or with "noch"/"weitere" one more;
          // "noch"/"weitere" without a count before add to a count the message does not give.
          if (f.money || !found.words.slice(0, found.index + 1).some((w) => f.others.some((mark) => w.startsWith(mark)))) continue;
          const prior = counts.get(key);
          // "Und wenn noch eine weitere Gemeinde mitmacht?" without a count before: one more than the topic's (see `fillFromFollowUp`).
          if (prior === undefined ? addsOne : !addsOne) continue;
          value = prior !== undefined ? prior + 1 : 2;
          if (prior === undefined && joinsOneMore(found.words, found.index, f.words)) value += 1;
        } else if (q.ordinal && !f.money && (counts.get(key) ?? 0) >= value) {
          // "Wir sind drei Gemeinden; als zweite Gemeinde im Kreis …": one of those counted, not a new total.
          continue;
        } else if (!f.money && found.side === 'after' && !q.ordinal) {
          const others = found.words.slice(0, found.index + 1).some((w) => f.others.some((mark) => w.startsWith(mark)));
          if (others || (f.others.length > 0 && cooperatesWith(before, found.words.slice(found.index + 1)))) value += 1;
          if (joinsOneMore(found.words, found.index, f.words)) value += 1;
          if (previous && setBy.get(key) === previous && addsTo(previous, before, f.words)) {
            value += counts.get(key)!;
            addedUp = true;
          }
        }
        if (!plausible(value, f.figure, f.money)) continue;
        if (inQuestion.get(key) && !q.inQuestion) continue;
        if (result && !f.money && counts.has(key)) continue;
        if (beforeTotal && !f.money && found.side === 'after') {
          // "drei Gemeinden und zwei Kreise" already adds up into one count, and "…, also vier Gemeinden" says the
          // count again: each replaces the count before; a count in the question after others restates them too.
          const restates =
            addedUp || q.ordinal || q.article || RESTATING.has(before[0] ?? '') || (q.inQuestion && inQuestion.get(key) === false);
          const list = restates ? [] : (separate.get(key) ?? []);
          list.push(value);
          separate.set(key, list);
          keysOfThis.push(key);
        }
        counts.set(key, value);
        used.add(q);
        if (f.addsUp) parts.set(key, [...(parts.get(key) ?? []), value]);
        if (!f.money && f.figure !== 'inhabitants') countedNow.push(key);
        inQuestion.set(key, q.inQuestion);
        setBy.set(key, q);
      }
    }
    if (keysOfThis.length > 0) lastKeys = keysOfThis;
    if (countedNow.length > 0) lastCounted = countedNow;
  }
  for (const [key, values] of separate) {
    const total = values.reduce((a, b) => a + b, 0);
    if (values.length >= 2 && plausible(total, key.split(':')[1] as GrantCaseFigure, false)) counts.set(key, total);
  }
  // Numbers too large to count partners that count nothing else are parts too ("A hat 4.100, B 3.400 Einwohner").
  const unclaimed = quantities.filter((q) => !used.has(q) && !q.money && !q.year && !q.group && q.value > MAX_COUNT).map((q) => q.value);
  for (const [key, values] of parts) {
    const whole = wholeOf([...values, ...unclaimed]);
    if (whole !== undefined && plausible(whole, key.split(':')[1] as GrantCaseFigure, false)) counts.set(key, whole);
  }
  return counts;
}

/**
 * The whole that parts make ("Wir (3.100 EW) und die Nachbargemeinde (2.900 EW)" → 6.000): their sum, or the part
 * that already is the sum of the others ("4.100 und 3.400, also 7.500"). A value said twice counts once; one value
 * alone is no sum of parts (undefined).
 */
export function wholeOf(values: number[]): number | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length < 2) return undefined;
  const total = distinct.reduce((a, b) => a + b, 0);
  return distinct.find((v) => v * 2 === total) ?? total;
}

/** The counting word of a number: the first of its next three words that counts anything, else one of the two before it (folded words). */
function countWordOf(q: Quantity, all: CompiledCases): { words: string[]; index: number; side: 'after' | 'before' } | undefined {
  if (q.group) return undefined;
  const after = q.after.map(spellOutUmlauts);
  // "eine vierte Gemeinde", "einer einzigen Nachbargemeinde": an ordinal or article counts only the word right after it or the one after that.
  const reach = q.ordinal || q.article ? 2 : 3;
  const index = after.slice(0, reach).findIndex((w) => all.counting.has(w));
  if (index >= 0) return { words: after, index, side: 'after' };
  // "mit den Nachbarn nach 3 Jahren": a number with its own unit counts that unit, not the counting word before it.
  if (q.ordinal || q.article || UNITS.test(after[0] ?? '')) return undefined;
  const before = q.before.map(spellOutUmlauts);
  const back = before.slice(0, 2).findIndex((w) => all.counting.has(w) || all.counting.starts(w));
  return back >= 0 ? { words: before, index: back, side: 'before' } : undefined;
}

/**
 * "vier Ortsteilfeuerwehren zu zwei zusammenlegen", "aus fünf Wehren werden zwei": the count is what the ones taking
 * part become, not their number (15.000 € per brigade taking part); it counts only when no count came before it.
 * Not "wir werden vier Gemeinden", "auf vier Gemeinden erweitern" (the partners grow).
 */
function isResult(before: string[], previous: Quantity | undefined, value: number): boolean {
  if (!previous) return false;
  // "jeweils zwei Ortsteilwehren werden eins": what they become, one, is never a count of those taking part.
  return before[0] === 'zu' || (BECOMING.has(before[0] ?? '') && (value === 1 || spellOutUmlauts(previous.before[0] ?? '') === 'aus'));
}

/** A region after "in"/"im" ("im Kreis", "in ganz Hessen", "im Landkreis Fulda"): what a rank is counted in (folded words). */
const REGION = /^(?:\w*hessen|deutschland|bund|land|bundesland|kreis|landkreis|region|regierungsbezirk|bezirk)$/;

/** "… im Kreis", "… in Hessen": the words after an ordinal's counting word name a region, so the ordinal is a rank. */
function ranksIn(after: string[]): boolean {
  if (after[0] !== 'im' && after[0] !== 'in') return false;
  return after.slice(1, 3).some((w) => REGION.test(w));
}

/** "drei Gemeinden und (die) zwei Kreise": the words before a count are a summing word and the previous count's counting word. */
function addsTo(previous: Quantity, before: string[], counting: WordSet): boolean {
  const words = ARTICLES.has(before[0] ?? '') ? before.slice(1) : before;
  return words.length === 2 && SUMMING.has(words[0]!) && counting.has(words[1]!) && spellOutUmlauts(previous.after[0] ?? '') === words[1];
}

/** "kooperiert mit zwei Gemeinden", "mit zwei Gemeinden das Standesamt zusammenlegen": the count follows "mit" and a verb of working together goes with it. */
function cooperatesWith(before: string[], after: string[]): boolean {
  const at = ARTICLES.has(before[0] ?? '') ? 1 : 0;
  if (before[at] !== 'mit') return false;
  return COOPERATING.test(before[at + 1] ?? '') || after.some((w) => COOPERATING.test(w));
}

/** "drei Gemeinden und der Landkreis": a joining word and one more counted thing right after the count. */
function joinsOneMore(words: string[], index: number, counting: WordSet): boolean {
  if (!JOINING.has(words[index + 1] ?? '')) return false;
  let next = index + 2;
  if (ARTICLES.has(words[next] ?? '')) next++;
  // "8.300 Einwohnerinnen und Einwohner": both forms of one word count the same people.
  if (withoutGender(words[next] ?? '') === withoutGender(words[index]!)) return false;
  return counting.has(words[next] ?? '');
}

/** "einwohnerinnen", "einwohnern" → "einwohner": a word without its female and dative endings (folded). */
function withoutGender(word: string): string {
  return word.replace(/(?:innen|in|n)$/, '');
}

/** Inhabitants can be many; partners, members and brigades are few. Counts are whole numbers, sums positive. */
function plausible(value: number, figure: GrantCaseFigure, money: boolean): boolean {
  if (money) return value > 0 && value < 1e12;
  return Number.isInteger(value) && value >= 1 && value <= (figure === 'inhabitants' ? MAX_INHABITANTS : MAX_COUNT);
}

const MAX_INHABITANTS = 10_000_000;

function withoutKind(grantCase: Record<string, unknown>): Partial<Record<GrantCaseFigure, number>> {
  const { kind: _kind, ...figures } = grantCase;
  return figures;
}

/**
 * What others have done or received ("Wie viel haben die Gemeinden im Kreis 2023 eingespart?", "Was hat die Stadt
 * bekommen?", "… wurde … gefördert?"): a record, not a plan of the asker's, so no amount is computed for it.
 */
const PAST_OF_OTHERS =
  /(?<!\p{L})(?:hat|haben|hatte|hatten|wurde|wurden)(?!\p{L})[^.?!]*(?<!\p{L})(?:ge\p{L}+t|eingespart|erhalten|bekommen|bewilligt)(?!\p{L})/iu;

/** The same in a clause, where the participle comes first ("… wie viel Förderung die bekommen haben"). */
const PAST_OF_OTHERS_IN_CLAUSE =
  /(?<!\p{L})(?:ge\p{L}+t|eingespart|erhalten|bekommen|bewilligt)\s+(?:hat|haben|hatte|hatten|wurde|wurden)(?!\p{L})/iu;

function reportsPastOfOthers(message: string): boolean {
  const past = (text: string) => PAST_OF_OTHERS.test(text) || PAST_OF_OTHERS_IN_CLAUSE.test(text);
  if (past(message) && !mentionsAsker(message)) return true;
  // A letter tells of the asker's plans and may still ask only what others got ("Wir überlegen was Ähnliches. Können
  // Sie sagen, wie viel Förderung die bekommen haben?").
  const { questions } = questionsOf(message);
  return questions.some(past) && !questions.some(mentionsAsker);
}

/** How an answer uses a computed case: it is what the question asks (`answer`), or one line under an answer about something else (`line`). */
export type GrantUse = 'answer' | 'line';

/** What the knowledge base made of the question, as far as the amount's place in the reply depends on it. */
export interface DecisionSummary {
  outcome: 'answer' | 'clarify' | 'no_answer';
  articleId?: string;
  outsideScope?: boolean;
  /** The case's own article covers the question about as well as the article found (see `CASE_ARTICLE_SLACK`). */
  caseArticleClose?: boolean;
  /** The question names a thing by an abbreviation no article knows that is not the case's ("ein neues HLF 20"). */
  namesOtherThing?: boolean;
  /** One of the question's unknown nouns names another kind of payment ("Baukostenzuschuss"). */
  namesOtherPayment?: boolean;
  /** The article found is an overview of its topic (IKZ in general, the programme), not about a matter of its own. */
  overview?: boolean;
  /** Nothing answered, and the search's best candidate is another topic's article, not the case's. */
  otherTopicFirst?: boolean;
}

/**
 * Whether a reply shows the computed case (pure): as the answer when the question asks for the amount
 * (the knowledge base answered with the case's article, could not answer, or the question asks "wie viel"
 * for a concrete case, or a follow-up gives new numbers), as one line under an answer about something
 * else when the question only speaks of money ("Gibt das Land Geld dazu, wenn wir mit zwei
 * Nachbarorten …?"); `undefined` when the amount is not asked.
 */
export function grantUse(
  reading: GrantReading,
  decision: DecisionSummary,
  cases: readonly GrantCaseRules[],
  topic: GrantTopic | undefined,
  followUp: boolean,
): GrantUse | undefined {
  if (decision.outsideScope) return undefined;
  // An article of a case; another case's article answers a question of its own when the message uses that case's
  // context words ("Wie wird die Ersparnis gerechnet?" beside "mit drei Nachbarkommunen").
  const caseArticle =
    decision.outcome === 'answer' &&
    cases.some(
      (c) =>
        (c.case === reading.grantCase.kind || !reading.alsoInContext?.includes(c.case)) &&
        decision.articleId !== undefined &&
        c.articles.includes(decision.articleId),
    );
  const otherArticle = decision.outcome === 'answer' && !caseArticle;
  const concrete = reading.given.length > 0;
  // "Und wenn wir gleich fusionieren?" after an amount: the amount of the case the follow-up names instead (not "Und
  // wann war die Fusion von Oberzent?", which asks a question of its own, nor "und die erste freiwillige fusion?"
  // after the history of the GVV, which was no question about money).
  if (
    followUp &&
    topic?.aboutAmount &&
    topic.grantCase.kind !== reading.grantCase.kind &&
    (reading.by === 'name' || reading.by === 'mention') &&
    !reading.asksOwnQuestion
  )
    return 'answer';
  // "Und bekommen wir für die Halle noch einen Baukostenzuschuss dazu?": another kind of payment than the case's, unless a number asks for the case's.
  if (decision.namesOtherPayment && !concrete) return undefined;
  if (followUp && topic?.grantCase.kind === reading.grantCase.kind) {
    // "Und für fünf?", "10 Mio": a number for the topic's case is the question, whatever the search makes of a bare number.
    if (concrete) return 'answer';
    if (reading.asks !== 'none' && complete(reading.grantCase)) return otherArticle ? undefined : 'answer';
    // "Gibt es dafür Geld vom Land?" after "Was ist ein GVV?": a question for money that names nothing of its own asks for
    // the topic's amount (and its missing number); the search found the preparation grants, which share its money words.
    // (Not after a topic that named no case: "und die Haushaltsberatung, muss man da was zahlen?" after the AKC.)
    if (reading.by === 'topic' && !topic.general && reading.asks !== 'none' && reading.asksForMoney && decision.outcome === 'no_answer')
      return 'answer';
  }
  // Another case's article ("… Feuerwehrfahrzeuge … 4 Gemeinden, ist das förderfähig?" found the fire-brigade article):
  // this case's amount only when the message asks for an amount.
  const ownCaseArticle = caseArticle && cases.some((c) => c.case === reading.grantCase.kind && c.articles.includes(decision.articleId!));
  if (caseArticle) return (ownCaseArticle && complete(reading.grantCase)) || reading.asks !== 'none' ? 'answer' : undefined;
  // Nothing answered: a concrete case asked about, or one named with its numbers ("Entschuldungshilfe bei 8.000 Einwohnern?").
  // A case only mentioned beside a thing no article knows is that thing's question ("Zuschuss für ein HLF 20 der Feuerwehr?").
  if (!otherArticle && !concrete && reading.by === 'mention' && decision.namesOtherThing) return undefined;
  // "Wie viel müssen wir einsparen, damit die Kommunalaufsicht unser Haushaltssicherungskonzept genehmigt?": with no
  // number of its own, a case the search did not even rank first is a word of another matter's question.
  if (!otherArticle && !concrete && decision.otherTopicFirst) return undefined;
  if (!otherArticle)
    return (reading.asks !== 'none' && (concrete || reading.by === 'name' || reading.by === 'mention')) ||
      // A case told with its numbers before a question of another matter is that question's context, not what it asks.
      (reading.by === 'name' && concrete && !(reading.asks === 'none' && reading.toldOnly))
      ? 'answer'
      : undefined;
  // The search found another topic: only an explicit question for this amount overrides it ("wie viel Förderung gibt es für drei Gemeinden?").
  if (reading.asks === 'strong' && (reading.by === 'name' || (concrete && reading.aboutMoney))) return 'answer';
  // "Bekommen wir als zwei Gemeinden Geld vom Land?": a money question about a concrete case, which the case's article
  // covers as well as the one found ("Woher kommt das Fördergeld?"), is asking for the case's amount.
  // So is one that names the case ("Kriegt ein GVV Geld vom Land?"): the preparation grants share its money words.
  if (reading.asks === 'weak' && (concrete || reading.by === 'name') && decision.caseArticleClose) return 'answer';
  // "Wir wollen mit den Nachbardörfern einen Bauhof aufziehen, gibts da Zuschuss?" found only the overview of IKZ: the
  // case's rule answers, and asks for the number it lacks.
  // Not "… für die Förderung reicht": the programme's name asks no money.
  if (reading.asks !== 'none' && reading.asksForMoney && decision.overview && !concrete && reading.by !== 'topic') return 'answer';
  // (Not where the message also tells of a merger: "Lautertal und Lindenfels denken über einen Zusammenschluss nach …
  // Unterstützt das Land die Vorbereitung?" counts two, but no cooperation of two.)
  const mergerTold = reading.alsoInContext?.some((kind) => isMergerCase(cases.find((c) => c.case === kind)));
  return reading.asks === 'weak' && concrete && !mergerTold ? 'line' : undefined;
}

/** The case of a merger: the one whose context words are a merger's ("Fusion", "Zusammenschluss"). */
function isMergerCase(rules: GrantCaseRules | undefined): boolean {
  return rules?.requires.some((r) => MERGER.test(spellOutUmlauts(r.toLowerCase()))) ?? false;
}

/**
 * Whether one of a question's unknown nouns is an abbreviation that is no word of the reading's case: a type or a
 * programme ("HLF" beside "Feuerwehr"; not "FFW", a word of the case).
 */
function namesOtherThing(unknownNouns: readonly string[], reading: GrantReading, cases: readonly GrantCaseRules[]): boolean {
  const rules = cases.find((c) => c.case === reading.grantCase.kind);
  const own = [...(rules?.names ?? []), ...Object.values(rules?.counts ?? {}).flatMap((count) => count?.words ?? [])].map((w) =>
    spellOutUmlauts(w),
  );
  // Only abbreviations: an unknown capitalised word is as often a place ("die Wehren Niederklein und Oberklein").
  return unknownNouns.some((noun) => /^\p{Lu}{2,}/u.test(noun) && !own.some((word) => spellOutUmlauts(noun).includes(word)));
}

/** How much less of the question the case's article may cover than the article found and still answer a money question. */
const CASE_ARTICLE_SLACK = 0.05;

/**
 * The least share of the found article's score the case's article must reach as well: a message that names another
 * grant's matter ("eine Machbarkeitsstudie … Gibt es dafür einen Zuschuss?") ranks that matter's article far ahead.
 */
const CASE_ARTICLE_SCORE_SHARE = 0.6;

/** Whether an article of the reading's case is a candidate of the decision that covers the question nearly as well. */
function caseArticleClose(decision: AnswerDecision, reading: GrantReading, cases: readonly GrantCaseRules[]): boolean {
  if (decision.outcome !== 'answer') return false;
  const articles = caseArticles(reading, cases);
  const best = decision.candidates.find((c) => c.article.id === decision.article.id);
  return decision.candidates.some(
    (c) =>
      articles.includes(c.article.id) &&
      c.coverage >= decision.coverage - CASE_ARTICLE_SLACK &&
      c.score >= (best?.score ?? 0) * CASE_ARTICLE_SCORE_SHARE,
  );
}

/** True when the search ranked another article than the case's first (an unanswered question's best guess). */
function otherTopicFirst(decision: AnswerDecision, reading: GrantReading, cases: readonly GrantCaseRules[]): boolean {
  const first = decision.candidates[0];
  return first !== undefined && !caseArticles(reading, cases).includes(first.article.id);
}

/** The articles of the reading's case (`grant_cases[].articles`). */
function caseArticles(reading: GrantReading, cases: readonly GrantCaseRules[]): readonly string[] {
  return cases.find((c) => c.case === reading.grantCase.kind)?.articles ?? [];
}

/** True when the case has all the numbers its amount needs. */
function complete(grantCase: GrantCase): boolean {
  const values = grantCase as Partial<Record<GrantCaseFigure, number>>;
  return GRANT_CASE_FIGURES[grantCase.kind].every((f) => values[f] !== undefined);
}

/** A computed case read from a question, its figure by the rules of a programme version, and its place in the reply. */
export interface GrantAnswer {
  reading: GrantReading;
  /** The figure by the version's rules: an amount, the numbers still missing, or why the rule does not apply. */
  figure: GrantFigure;
  version: ProgrammeVersion;
  /** The articles explaining the case (the first is offered under the reply). */
  articles: string[];
  /** Where the figure goes: it is the answer, or one line under an answer about something else; `undefined`: only remembered. */
  use?: GrantUse;
  /** What the conversation remembers for a follow-up ("Und für fünf?", the number asked for). */
  topic: GrantTopic;
}

/** A message of at most this many words that gives a number the bot asked for is its answer ("Wir sind 4 Gemeinden"). */
const MAX_ANSWER_WORDS = 8;

/**
 * The computed case of a question and its figure (pure): read with the programme's `grant_cases`, computed
 * with `grantFigure` by the version in force on `day` (or, for a question about a later `year`, the version
 * of that year when one is known), and placed by `grantUse`; `readAgainstTopic`: the search read the message
 * together with the previous question. `undefined` when the question is about no case.
 *
 * @example
 * ```ts
 * const grant = grantAnswer('Und für fünf?', decision, programme, topic.grant, '2026-06-01', { readAgainstTopic: true });
 * grant?.figure.status === 'amount' && grant.figure.amount; // 100000 (after "… für drei Gemeinden?")
 * ```
 */
export function grantAnswer(
  message: string,
  decision: AnswerDecision,
  programme: ProgrammeParameters,
  topic: GrantTopic | undefined,
  day: string,
  options: { year?: number; readAgainstTopic?: boolean; unknownNouns?: readonly string[]; describedBy?: string } = {},
): GrantAnswer | undefined {
  const { year, readAgainstTopic = false, unknownNouns = [], describedBy } = options;
  const cases = programme.grant_cases;
  if (cases.length === 0) return undefined;
  const answersAsked = topic?.awaiting !== undefined && quantitiesIn(message).length > 0 && message.split(/\s+/).length <= MAX_ANSWER_WORDS;
  const followUp = topic !== undefined && (looksLikeFollowUp(message) || answersAsked);
  const articleId = decision.outcome === 'answer' ? decision.article.id : undefined;
  const reading = readGrantCase(message, cases, { articleId, topic, followUp, describedBy });
  if (!reading || reportsPastOfOthers(message)) return undefined;
  // "Muss der Zweckverband Umsatzsteuer zahlen?": no amount of our programme for another programme or a field we leave out.
  const outsideScope = decision.outcome === 'no_answer' && (decision.reason === 'outside_scope' || decision.reason === 'outside_topic');
  // A follow-up the search could only read with the previous question ("und wenn es nur zwei sind?") says nothing of its own about the topic.
  const summary: DecisionSummary =
    readAgainstTopic && followUp && decision.outcome === 'answer' && !cases.some((c) => c.articles.includes(decision.article.id))
      ? { outcome: 'no_answer' }
      : {
          outcome: decision.outcome,
          articleId,
          outsideScope,
          caseArticleClose: !PAST_OF_OTHERS.test(message) && caseArticleClose(decision, reading, cases),
          namesOtherThing: namesOtherThing(unknownNouns, reading, cases),
          namesOtherPayment: unknownNouns.some(namesPayment),
          overview: decision.outcome === 'answer' && decision.article.overview,
          otherTopicFirst: decision.outcome === 'no_answer' && otherTopicFirst(decision, reading, cases),
        };
  let use = grantUse(reading, summary, cases, topic, followUp);
  const version = versionOn(programme, year === undefined ? day : `${year}-01-01` > day ? `${year}-01-01` : day);
  let figure = grantFigure(version, reading.grantCase);
  let articles = cases.find((c) => c.case === reading.grantCase.kind)!.articles;
  // "… die Einsparung liegt bei etwa 8 %. Kriegen wir trotzdem was?": with a saving told below the rule's minimum, the
  // rule is the answer, not the amount of a case that must meet it.
  const saving = savingTold(message);
  const { minimum_percent: minimum, source } = version.rules.savings;
  if (use && saving !== undefined && saving < minimum && needsSavings(reading.grantCase.kind)) {
    const reason = `Sie rechnen mit ${germanNumberOneDecimal(saving)} % Einsparung; die Personal- und Sachausgaben sollen aber um mindestens ${minimum} % pro Jahr sinken. Ausnahmen nennen die Quellen nicht – ob eine Förderung trotzdem in Frage kommt, klärt die Beratungsstelle.`;
    figure = { rule: figure.rule, source: figure.source, version: figure.version, asOf: figure.asOf, status: 'not_applicable', reason };
    articles = [source.article];
    use = 'answer';
  }
  return {
    reading,
    figure,
    version,
    articles,
    use,
    topic: {
      grantCase: reading.grantCase,
      awaiting: figure.status === 'missing' ? figure.missing[0] : undefined,
      ...(reading.by === 'general' && { general: true }),
      ...(use !== undefined && { aboutAmount: true }),
    },
  };
}

/** A saving in percent the message tells ("die Einsparung liegt bei etwa 8 %", "wir sparen nur 10 Prozent"). */
const SAVING_TOLD =
  /(?:einspar|spar|ersparnis|kostensenk)\p{L}*[^.?!\n]{0,60}?(\d{1,2}(?:,\d)?)\s*(?:%|prozent)|(\d{1,2}(?:,\d)?)\s*(?:%|prozent)\s+(?:\p{L}+\s+){0,3}?(?:einspar|spar|ersparnis|weniger)/iu;

function savingTold(message: string): number | undefined {
  const match = SAVING_TOLD.exec(message);
  return match ? Number((match[1] ?? match[2])!.replace(',', '.')) : undefined;
}

/** Whether a case must meet the savings rule: the cases of the Förder-Check that ask for the saving. */
function needsSavings(kind: string): boolean {
  const kinds: readonly string[] = ['kooperation', 'gvv', 'feuerwehr', 'vorbereitung', 'fusion'] satisfies ProjectKind[];
  return kinds.includes(kind) && questionsFor(kind as ProjectKind).has('savingsPercent');
}
