/**
 * Follow-up questions read against the topic of the last answer ("Und für fünf?" after the funding amounts,
 * "Wie viel Geld gibt es dafür?" after the GVV). Pure: what the knowledge base makes of each reading is
 * decided by the caller (see `understandQuestion`).
 */

import { NUMBER_WORDS } from './german-numbers.js';

/** The computed case a conversation is about (kept with the topic), and the number the bot asked for. */
export interface GrantTopic {
  grantCase: GrantCase;
  awaiting?: GrantCaseFigure;
  /** Only the general case of any cooperation: the conversation named no case ("Kostet das AKC was?"). */
  general?: boolean;
  /** The reply told the case's amount (or asked for its number): the conversation is about money. */
  aboutAmount?: boolean;
}
import type { GrantCase } from '../funding/grant-amounts.js';
import type { GrantCaseFigure } from '../funding/programme-parameters.js';

/** A number a question mentions, as written and as value ("drei" → 3). */
export interface MentionedNumber {
  text: string;
  value: number;
}

/** What the conversation is about: the last answered question and its article (kept in the conversation state). */
export interface ConversationTopic {
  /** The article of the answer (absent for a question without one, the first of two in a message). */
  articleId?: string;
  /** The article's title, shown as "Bezogen auf: …" when a follow-up is read against it. */
  title?: string;
  /** The question as it was read (cleaned, with any follow-up context), at most 300 characters. */
  question: string;
  /** Numbers the question mentions ("drei Gemeinden"), for "Und für fünf?". */
  numbers: MentionedNumber[];
  /** The nouns of the question ("Förderung", "Gemeinden"): the context a follow-up lacks. */
  nouns: string[];
  /** The computed case the question was about ("drei Gemeinden": the regular grant for three), and the number the bot asked for. */
  grant?: GrantTopic;
}

/** Opening words of a German question or sentence that are not nouns, though capitalised there. */
const OPENERS = new Set(
  (
    'und aber auch oder also dann noch nur wie was wer wem wen wann wo wohin woher womit wofür wozu warum wieso weshalb welche welcher welches welchen ' +
    'welchem ob kann können könnte könnten darf dürfen muss müssen müsste sollte soll sollen ist sind war wäre wären gibt gab gilt geht wird werden ' +
    'hat haben hätte hätten bekommen bekommt braucht brauchen brauche reicht reichen zählt zählen lohnt kostet kosten dauert läuft ich wir sie es das ' +
    'der die den dem ein eine einen einem einer für bei mit ohne im in ab bis nach zum zur vom von hallo bitte danke ja nein gelten erhalten erhält'
  ).split(' '),
);

/**
 * A correction of the previous question ("sorry, falsch: wir sind fünf Gemeinden", "ups, ich meinte 2025"): what
 * follows takes the place of a word of it, like a fragment.
 */
const CORRECTION =
  /^(?:(?:sorry|sorri|pardon|entschuldigung|ups|oops|hoppla|oh|äh|nee?|nein|moment)[\s,!.:–-]*)*(?:(?:das\s+war\s+)?falsch|korrektur|vertippt|verschrieben|ich\s+meinte(?:\s+eigentlich)?|gemeint\s+war|ich\s+hab\p{L}*\s+mich\s+vertan)(?!\p{L})[\s,!.:–-]*(?:(?:wir\s+sind|es\s+sind|es\s+geht\s+um|also)\s+)?/iu;

/** Words that only continue the previous question ("Und …", "Auch …"). */
const CONTINUATION = /^(?:und|aber|auch|oder|sowie|dann|also|jetzt|nun)\b/iu;
/** "Was ist mit …", "Wie sieht es bei … aus", "Gilt das auch …". */
const REFERRING_FRAME =
  /^(?:(?:was|wie)\s+(?:ist\s+(?:es\s+)?|sieht\s+es\s+|steht\s+es\s+|verhält\s+es\s+sich\s+)(?:denn\s+)?(?:mit|bei|für)\b|(?:gilt|geht|klappt|funktioniert|passt|stimmt)\s+das\b|(?:ist|wäre)\s+das\s+auch\b)/iu;
/**
 * Words that point back to something said before ("dort": the place or programme named before, "Wie hoch ist der Satz
 * dort?"; "trotzdem": despite what was said, "Die Einsparung liegt unter 15 %. Bekommen wir trotzdem etwas?").
 */
const ANAPHOR =
  /\b(?:dafür|dafuer|dazu|davon|damit|darauf|dabei|darüber|darueber|daran|darin|dagegen|danach|davor|dadurch|daraus|hierfür|hierfuer|hierzu|hierbei|hiervon|ihn|ihm|dies(?:e[nmrs]?)?|dasselbe|dieselbe|derselbe|denselben|genauso|ebenso|dann|dort|dorthin|dortige[nmrs]?|trotzdem|dennoch|in\s+(?:dem|diesem|so\s+einem)\s+fall|(?:eins|einer|eine|keins|keiner|welche[rs]?)\s+von\s+(?:beiden|denen)|beides)\b/iu;
/**
 * Words for a thing named before that ANAPHOR lacks: "so etwas", "sowas", "ein solches Vorhaben", "so ein Projekt";
 * "da" after the subject ("Bekommen wir da Geld?", "Gibt es da Fördermittel?"), after the verb ("Dürfen da weitere
 * Gemeinden beitreten?") or at the end ("Was gilt da?");
 * "das" as the last word ("Was kostet uns das?"), where it cannot be an article; "da" before a word that
 * cannot follow the conjunction "da" ("Was macht das Land da für uns?", "Was tun wir da jetzt?").
 */
const THING_BEFORE =
  /(?<!\p{L})(?:so\s*(?:etwas|was)|solche[nmrs]?|so\s+eine?[nmrs]?)(?!\p{L})|(?<!\p{L})(?:es|wir|man|ich|uns|sie|mich)\s+da(?!\p{L})|(?<!\p{L})(?:da|das|dies|den|dem)(?:\s+(?:eigentlich|denn|überhaupt|ueberhaupt|wirklich|genau|ungefähr|ungefaehr|insgesamt))*\s*[?!.]*$|(?<!\p{L})(?:ist|sind|wäre|waere|wären|gibt|gibts|gibt's|gäbe|gilt|gelten|darf|dürfen|duerfen|kann|können|koennen|muss|müssen|muessen|soll|sollen|geht|gehen|zahlt|zahlen|bekommt|bekommen|kriegt|kriegen|braucht|brauchen|hat|haben|wird|werden|passiert|läuft|laeuft|reicht|reichen|zählt|zaehlt|fällt|fallen|bleibt|bleiben|kommt|kommen|käme|kaeme|kämen|kaemen)\s+da(?!\p{L})(?!\s*,)|(?<=\p{L}\s+)da\s+(?:für|fuer|jetzt|eigentlich|konkret|genau|noch|überhaupt|ueberhaupt|denn|alles|am\s+besten)(?!\p{L})/iu;
/**
 * A pronoun for the topic: before the verb at the end ("Können Sie das prüfen?", "Muss die genehmigt
 * werden?") or as the subject after the verb ("Was kostet das?", "Wie viel wäre das insgesamt?", "Wie hoch ist die da?",
 * "Seit wann gibt es die schon?");
 * before a noun it is an article ("Was ist das Hessen3C?").
 */
const PRONOUN =
  /\b(?:(?:das|dies|es)\s+(?:\p{Ll}+\s+){0,3}|(?:die|der|den)\s+(?:(?:denn|dann|da|eigentlich|so|auch|noch|genau)\s+)*(?=ge\p{Ll}+t\b|\p{Ll}+en\b|sein\b)(?:\p{Ll}+\s+){0,2})(?!(?:überhaupt|ueberhaupt|jetzt|nicht|bereits|erst|zuletzt|insgesamt|konkret|direkt|zuerst|selbst)\s*[?.!]*$)(?:\p{Ll}+(?:en|ern|eln|t)|sein)\s*[?.!]*$|\b(?:ist|wäre|waere|sind|war|wird|gibt(?:'?s|\s+es))\s+(?:die|der|den)(?:\s+(?:da|dann|denn|dort|eigentlich|genau|so|auch|noch|wirklich|insgesamt|überhaupt|schon|bereits|lange))*\s*[?.!]*$/iu;
/** The pronoun as subject after the verb ("Was kostet das?", "Was kostet uns das?"); case-sensitive, so that a capitalised noun after "das" makes it an article. */
const PRONOUN_SUBJECT =
  /(?<!\p{L})(?:ist|wäre|waere|sind|wären|kostet|kosten|gilt|gelten|geht|klappt|dauert|bringt|lohnt|reicht|zählt|zaehlt|läuft|laeuft|fällt|faellt|fiele)\s+(?:(?:uns|euch|mich|ihnen)\s+)?(?:das|es|dies)(?!\p{L})(?!\s+\p{Lu})/u;
/** "die"/"der" as the subject after the verb, followed by an article, so no article itself: "Braucht die eine Genehmigung?". */
const DEMONSTRATIVE_SUBJECT =
  /^\s*(?:(?:und|aber|also)\s+)?\p{L}+\s+(?:die|der)\s+(?:(?:auch|dann|noch|denn|überhaupt|ueberhaupt|eigentlich)\s+)*(?:ein|eine|einen|einem|einer|kein|keine|keinen|keinem|keiner)(?!\p{L})/iu;
/**
 * "die beiden", "die drei" without a noun after them: the towns or partners named before ("Wie viel Geld haben die drei
 * erhalten?"); case-sensitive, so that "die drei Gemeinden" (a noun follows) names them itself.
 */
const NUMBER_REFERENT =
  /(?<!\p{L})(?:[Dd]ie|[Dd]en|[Dd]er)\s+(?:beiden|zwei|drei|vier|fünf|fuenf|sechs)(?!\p{L})(?!\s+(?:\p{Ll}+(?:e|en|er|es)\s+)?\p{Lu})/u;
/**
 * "der"/"die"/"den" after the verb and before a preposition or adverb, where no article can stand: the thing named
 * before ("Bis wann muss der beim Land sein?", "Muss die vorher zum RP?").
 */
const DEMONSTRATIVE_BEFORE_PARTICLE =
  /(?<!\p{L})(?:muss|müssen|muessen|kann|können|koennen|soll|sollen|darf|dürfen|duerfen|ist|sind|wird|werden|geht|gehen|kommt|kommen|läuft|laeuft)\s+(?:der|die|den)\s+(?:beim|bei|im|in|am|an|auf|zum|zur|vom|von|mit|nach|für|fuer|bis|vorher|dann|denn|noch|schon|auch|eigentlich|wirklich|überhaupt|ueberhaupt|genau|jetzt|spätestens|spaetestens|direkt)(?!\p{L})/iu;
/** "Wie wäre das bei …?", "Und wie sieht das mit … aus?": the same question for another case. */
const SAME_FOR_OTHER_CASE =
  /^\s*(?:(?:und|aber|also)\s+)?(?:wie|was)\s+(?:wäre|waere|wär|waer|wärs|waers|sähe|saehe|sieht|ist|gilt)\s+(?:das|es|dies)\s+(?:(?:dann|denn|eigentlich|so)\s+)?(?:bei|mit|für|fuer|im|in)(?!\p{L})/iu;
/** "dafür", "dazu", "hierfür": a word that stands for a thing named before. */
const POINTING_ADVERB = /(?<!\p{L})(?:da|dar|hier)(?:für|fuer|zu|von|mit|bei|an|auf|über|ueber|in|aus|durch|gegen)(?!\p{L})/iu;
/** A message this short without a noun of its own ("wie viel genau?") can only mean the topic. */
const MAX_NOUNLESS_WORDS = 3;
/** A finite verb with its subject: a predicate of its own ("Bekommen wir da Geld?"), so no fragment to fill in. */
const OWN_PREDICATE =
  /^(?:kann|können|koennen|darf|dürfen|muss|müssen|soll|sollen|ist|sind|wäre|wären|gibt|gilt|geht|wird|werden|hat|haben|bekommen|bekommt|kriegen|kriegt|braucht|brauchen|zahlt|zahlen|bezahlt|fördert|lohnt)\s+(?:wir|es|man|ich|sie|das|dies|uns)\b/iu;
/** A fragment that starts with a preposition: "Für fünf?", "Bei Landkreisen?". */
const FRAGMENT = /^(?:für|fuer|bei|mit|ohne|ab|bis|im|in|nach|zum|zur|vom|von)\b/iu;
const MAX_FRAGMENT_WORDS = 5;
/** A follow-up of at most this many words (after "Und", "Was ist mit") names only what changes: a fragment. */
const MAX_SUBSTITUTE_WORDS = 4;

/**
 * True when a message continues the previous question rather than standing alone: it opens with a
 * continuation ("Und für fünf?"), refers back ("Wie viel Geld gibt es dafür?", "Gilt das auch für …?",
 * "Was kostet das?"), or is a short fragment ("Bei Landkreisen?", "wie viel genau?").
 */
export function looksLikeFollowUp(text: string): boolean {
  const trimmed = text.trim();
  if (CONTINUATION.test(trimmed) || refersBack(trimmed)) return true;
  const all = words(trimmed);
  if (
    all.length <= MAX_NOUNLESS_WORDS &&
    nounsIn(trimmed).every((w) => !/^\p{Lu}/u.test(w)) &&
    !(all[0] && /^\p{Lu}/u.test(all[0]) && !OPENERS.has(all[0].toLowerCase()))
  )
    return true;
  const count = all.length;
  return FRAGMENT.test(trimmed) && count <= MAX_FRAGMENT_WORDS;
}

/** "Zahlt die neue Gemeinde dann mehr oder weniger?": a comparison without its other side, which was said before. */
const COMPARATIVE = String.raw`(?:mehr|weniger|höher|hoeher|niedriger|teurer|billiger|günstiger|guenstiger|größer|groesser|kleiner)`;
const COMPARED_BEFORE = new RegExp(String.raw`(?<!\p{L})${COMPARATIVE}\s+oder\s+${COMPARATIVE}\s*[?!.]*$`, 'iu');

/** True when a message names something said before: a correction, "gilt das auch …", "dafür", "so etwas", a pronoun. */
export function refersBack(text: string): boolean {
  const trimmed = text.trim();
  const sentenceCase = trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
  return (
    (CORRECTION.test(trimmed) && trimmed.replace(CORRECTION, '').trim().length > 0) ||
    REFERRING_FRAME.test(trimmed) ||
    ANAPHOR.test(trimmed) ||
    THING_BEFORE.test(trimmed) ||
    PRONOUN.test(trimmed) ||
    PRONOUN_SUBJECT.test(sentenceCase) ||
    SAME_FOR_OTHER_CASE.test(trimmed) ||
    DEMONSTRATIVE_SUBJECT.test(trimmed) ||
    DEMONSTRATIVE_BEFORE_PARTICLE.test(trimmed) ||
    NUMBER_REFERENT.test(trimmed) ||
    COMPARED_BEFORE.test(trimmed)
  );
}

/** The topic to remember after an answer: its article, the question as read, and the numbers and nouns it names. */
export function topicOf(question: string, article?: { id: string; title: string }): ConversationTopic {
  const text = question.trim().slice(0, 300);
  return { articleId: article?.id, title: article?.title, question: text, numbers: numbersIn(text), nouns: nounsIn(text) };
}

/** The numbers a text mentions, as digits or number words. */
export function numbersIn(text: string): MentionedNumber[] {
  const found: MentionedNumber[] = [];
  // "75.000" is one number: German writes a dot between thousands.
  for (const [word] of text.matchAll(/(?<![\p{L}\p{N}])\d{1,3}(?:\.\d{3})+(?![\p{N}])|\p{L}+|\p{N}+/gu)) {
    const lower = word.toLowerCase();
    if (/^\d{1,3}(?:\.\d{3})+$/.test(word)) found.push({ text: word, value: Number(word.replace(/\./g, '')) });
    else if (/^\d{1,6}$/.test(word)) found.push({ text: word, value: Number(word) });
    // "null" and "eins" are rarely the number a follow-up changes ("null Ahnung", "eins noch").
    else if ((NUMBER_WORDS[lower] ?? 0) >= 2) found.push({ text: word, value: NUMBER_WORDS[lower]! });
  }
  return found;
}

/**
 * The nouns of a question: German capitalises them, so the capitalised words that do not merely open the
 * sentence; in a question typed all in lower case, its words of three letters or more ("gvv") that are not question
 * or verb openers.
 */
export function nounsIn(text: string): string[] {
  const all = words(text).filter((w) => /^\p{L}/u.test(w) && !(w.toLowerCase() in NUMBER_WORDS));
  const capitalised = all.filter((w) => /^\p{Lu}/u.test(w) && !OPENERS.has(w.toLowerCase()));
  // An abbreviation ("KGG", "GVV") is written in capitals by everyone: it does not show that the writer capitalises nouns.
  const lowerCase = all.every((w) => !/^\p{Lu}/u.test(w) || ABBREVIATION.test(w));
  const nouns = lowerCase ? [...lowerCaseNouns(all, 3), ...capitalised] : capitalised;
  return [...new Set(nouns)];
}

/** A word in capitals only ("GVV", "KGG", "RP"). */
const ABBREVIATION = /^\p{Lu}{2,}$/u;

/** In a text typed in lower case, the longer words that are not question or verb openers: the nouns, as far as one can tell. */
function lowerCaseNouns(all: readonly string[], minLength: number): string[] {
  return all.filter((w) => w.length >= minLength && /^\p{Ll}/u.test(w) && !OPENERS.has(w));
}

/**
 * Ways to read a follow-up against the topic, most specific first:
 * 1. the previous question with its number replaced ("… für drei Gemeinden?" + "Und für fünf?" → "… für fünf Gemeinden?"),
 * 2. the previous question with a noun replaced by one of the same kind ("Was ist ein Zweckverband?" +
 *    "Und eine Arbeitsgemeinschaft?" → "Was ist eine Arbeitsgemeinschaft?"); `kindOf` tells the kind of a
 *    word (the folder of the article it leads to), `undefined` when it has none,
 * 3. for a fragment, the previous question with the follow-up added ("Wer darf den Antrag stellen? auch ein Zweckverband?"),
 * 4. the follow-up with the nouns of the previous question added ("Wie viel Geld gibt es dafür?" +
 *    "Gemeindeverwaltungsverband").
 */
export function followUpReadings(text: string, topic: ConversationTopic, kindOf: (word: string) => string | undefined): string[] {
  const readings: string[] = [];
  // Only a fragment ("Und für fünf?", "Und eine Arbeitsgemeinschaft?") takes the place of a word of the
  // previous question; a follow-up with a predicate of its own ("Wie viel Geld gibt es dafür?") keeps it.
  const rest = text.trim().replace(CORRECTION, '').trim().replace(CONTINUATION, '').trim().replace(REFERRING_FRAME, '').trim();
  const fragment = words(rest).length <= MAX_SUBSTITUTE_WORDS && !OWN_PREDICATE.test(rest);
  const ownNumbers = fragment ? numbersIn(text) : [];
  const previousNumber = ownNumbers[0] && closestInSize(topic.numbers, ownNumbers[0].value);
  if (ownNumbers.length > 0 && previousNumber) {
    readings.push(`${replaceWord(topic.question, previousNumber.text, ownNumbers[0]!.text)} ${text}`);
  }
  // "Und bei der letzten, braucht man da …?" after "… Arbeitsgemeinschaft, Zweckverband und öffentlich-rechtliche Vereinbarung?".
  const listed = listedItem(text, topic.question);
  if (listed) readings.push(text.replace(listed.reference, listed.item));
  const capitalisedNouns = followUpNouns(text);
  // "und ne arbeitsgemeinschaft?", "und der erste gvv?": a fragment typed in lower case has its words that open nothing as nouns.
  const ownNouns =
    !fragment || capitalisedNouns.length > 0 || /\p{Lu}/u.test(text)
      ? capitalisedNouns
      : lowerCaseNouns(
          // "wieviel gibts da maximal?": "wieviel" in one word asks, it names no thing of the follow-up's own.
          words(text).filter((w) => /^\p{L}/u.test(w) && !/^wieviel/iu.test(w)),
          3,
        );
  // "… eine Machbarkeitsstudie erstellen. Wer bezahlt so eine Studie?": a noun that is the
  // head of a compound of the topic stands for that compound.
  for (const noun of ownNouns) {
    const head = withoutEnding(noun);
    const compound = topic.nouns.find((previous) => previous.length > noun.length && withoutEnding(previous).endsWith(head));
    if (compound) readings.push(replaceWord(text, noun, compound));
  }
  // "wieviel Förderung gibts dafür?": a follow-up that points back keeps what it points to; only one that names an
  // alternative takes its place ("Und eine Arbeitsgemeinschaft?").
  substitution: for (const noun of fragment && !POINTING_ADVERB.test(text) ? ownNouns : []) {
    // A word the previous question had ("und der erste gvv?" after "… die erste Fusion …") is not the one that changes.
    if (topic.nouns.some((previous) => previous.toLowerCase() === noun.toLowerCase())) continue;
    const kind = kindOf(noun);
    if (!kind) continue;
    // The thing asked about comes after what is asked of it ("Was für Förderung gibt es für einen GVV?"): the last first.
    for (const previous of [...topic.nouns].reverse()) {
      if (previous.toLowerCase() === noun.toLowerCase() || kindOf(previous) !== kind) continue;
      readings.push(replaceWord(topic.question, previous, noun));
      break substitution;
    }
  }
  // A fragment borrows the whole previous question ("Wer darf den Antrag stellen?" + "auch ein Zweckverband?");
  // a follow-up with a predicate of its own only its nouns ("Wie viel Geld gibt es dafür?" + "GVV").
  if (fragment) readings.push(`${topic.question} ${text}`);
  const context = topic.nouns.filter((n) => !ownNouns.some((o) => o.toLowerCase() === n.toLowerCase()));
  if (context.length > 0) readings.push(`${text} ${context.join(' ')}`);
  return [...new Set(readings)];
}

/**
 * "der letzten", "die zweite", "das erste": an ordinal that stands for an item of a list (not before a noun of its own:
 * "der erste GVV"), with the generic words for an item ("die zweite Variante").
 */
const ORDINAL_REFERENCE =
  /(?<!\p{L})(?:der|den|dem|die|das)\s+(erst|zweit|dritt|viert|letzt)(?:e|en|er|em|es)(?:\s+(?:form|variante|möglichkeit|moeglichkeit|option))?(?!\s*\p{Lu})(?!\p{L})/iu;
const ORDINAL_INDEX: Record<string, number> = { erst: 0, zweit: 1, dritt: 2, viert: 3, letzt: -1 };
/** Words an item of a list may have at most ("öffentlich-rechtliche Vereinbarung"). */
const MAX_ITEM_WORDS = 4;

/**
 * The item of the previous question's list that an ordinal in a follow-up stands for ("der letzten" after "…:
 * Arbeitsgemeinschaft, Zweckverband und öffentlich-rechtliche Vereinbarung?"), with the words that stand for it.
 */
function listedItem(text: string, previous: string): { reference: string; item: string } | undefined {
  const match = ORDINAL_REFERENCE.exec(text);
  if (!match) return undefined;
  const list = previous.slice(previous.lastIndexOf(':') + 1).replace(/[?!.]+\s*$/u, '');
  const items = list.split(/\s*,\s*|\s+(?:und|oder|sowie)\s+/u).map((item) => item.trim());
  // The first item may follow the words that introduce the list ("zwischen GVV, …"): its last word.
  if (items.length > 0 && items[0]!.split(/\s+/).length > MAX_ITEM_WORDS) items[0] = items[0]!.split(/\s+/).at(-1)!;
  if (items.length < 2 || items.some((item) => item === '' || item.split(/\s+/).length > MAX_ITEM_WORDS)) return undefined;
  const item = items.at(ORDINAL_INDEX[match[1]!.toLowerCase()]!);
  return item ? { reference: match[0], item } : undefined;
}

/** The nouns of a follow-up: every capitalised word counts, also the first ("Arbeitsgemeinschaft?"), unless a pronoun follows it: then it is the verb ("Stimmt das?", "Klappt es?"). */
export function followUpNouns(text: string): string[] {
  const all = words(text);
  const verbFirst = SUBJECT_PRONOUNS.has(all[1]?.toLowerCase() ?? '');
  return [...new Set(all.filter((w, i) => /^\p{Lu}/u.test(w) && !OPENERS.has(w.toLowerCase()) && !(i === 0 && verbFirst)))];
}

/** Pronouns that follow a verb at the start of a question ("Stimmt das?", "Passt es?", "Reicht dies?"). */
const SUBJECT_PRONOUNS = new Set(['das', 'es', 'dies', 'man', 'wir', 'ich', 'sie', 'er']);

/**
 * The number of a previous question a new one replaces: the one of the same size ("und bei zwei?" after "75.000 bei
 * drei Gemeinden" replaces the "drei", a count, not the amount).
 */
function closestInSize(numbers: readonly MentionedNumber[], value: number): MentionedNumber | undefined {
  const size = (n: number) => Math.log10(Math.max(n, 1));
  let best: MentionedNumber | undefined;
  for (const number of numbers)
    if (!best || Math.abs(size(number.value) - size(value)) < Math.abs(size(best.value) - size(value))) best = number;
  return best;
}

/** A noun in lower case without its inflection ending ("Verbandes" → "verband", "Studien" → "studi"). */
function withoutEnding(noun: string): string {
  return noun.toLowerCase().replace(/(?:es|en|e|n|s)$/u, '');
}

function replaceWord(text: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'), `$1${replacement}`);
}

function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}
