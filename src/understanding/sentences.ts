/**
 * Sentences and questions of a message (pure). German abbreviations ("z. B.", "Nr.", "bzw.") and numbers
 * ("75.000", "1. Januar") do not end a sentence (see `splitSentences`).
 */
import { INTERROGATIVE_PREPOSITION, isQuestion, opensWithVerb, splitSentences } from '../language/sentence-split.js';

export { isQuestion, opensWithVerb, splitSentences };

/**
 * The questions of a message, and its other sentences (context such as "Wir sind drei Gemeinden.").
 * Two questions joined by "und" count as two ("Was brauchen wir an Unterlagen und wohin geht der Antrag?").
 * A message without a question sentence often asks all the same, as letters do: in a clause after a frame
 * ("Im Ausschuss kam die Frage auf, ob …", "Keiner wusste, wer …") or by a sentence that opens with its verb
 * and lacks the "?" ("Gilt das auch für Landkreise"). Then that clause or sentence is the question, the
 * frame and the other sentences its context (see `indirectQuestion`, `opensWithVerb`).
 */
export function questionsOf(text: string): { questions: string[]; context: string[] } {
  const sentences = splitSentences(text);
  // "… wurde gefragt, ob ein Vertrag reicht. Können Sie mir das beantworten?": a question that only asks the reader to
  // answer what was said before leaves the indirect question the one asked.
  const asking = sentences.filter((sentence) => !ASKS_TO_ANSWER_THAT.test(sentence));
  if (!asking.some(isQuestion)) {
    const unpunctuated = unpunctuatedQuestions(asking);
    if (unpunctuated) return unpunctuated;
  }
  const questions: string[] = [];
  const context: string[] = [];
  // "Wie ist die Nummer der Hotline? Brauchen wir für den Notfallplan.": a writer who marks questions with "?" means a
  // sentence that opens with its verb and ends with "." as a statement (its object left out before the verb).
  const marksQuestions = sentences.some((sentence) => /\?\s*$/u.test(sentence));
  const isAsked = (sentence: string) => isQuestion(sentence) && !(marksQuestions && /\.\s*$/u.test(sentence) && opensWithVerb(sentence));
  let previousWasQuestion = false;
  for (const sentence of sentences) {
    // "Wie lange dauert die Bearbeitung? Also wann wissen wir Bescheid?": the same question again, in other words.
    if (previousWasQuestion && RESTATEMENT.test(sentence) && isAsked(sentence.replace(RESTATEMENT, ''))) {
      questions[questions.length - 1] = `${questions[questions.length - 1]!} ${sentence}`;
      continue;
    }
    previousWasQuestion = isAsked(sentence);
    if (!previousWasQuestion) {
      // "Können Zweckverbände Anträge stellen? Außerdem würde mich interessieren, ob es Gebühren gibt.": asked all the same.
      const asked = askedIndirectly(sentence);
      if (asked) questions.push(...splitCoordinated(asked));
      else context.push(sentence);
      continue;
    }
    const lead = leadingStatement(sentence);
    if (lead) context.push(`${lead.statement}.`);
    const trail = trailingStatement(lead ? lead.question : sentence);
    if (trail) context.push(`${trail.statement}.`);
    questions.push(...splitCoordinated(trail ? trail.question : lead ? lead.question : sentence).map((q) => q.replace(NEW_QUESTION, '')));
  }
  return { questions, context };
}

/**
 * Words that announce a question of its own ("Und noch was: zählt …?", "Außerdem: …", "Zweitens …", "Und anderes
 * Thema, …", "Ganz andere Sache: …"): not a continuation of the question before, like a bare "Und …?".
 */
const NEW_QUESTION =
  /^(?:und\s+)?(?:noch\s+(?:was|etwas|eine\s+frage)|außerdem|ausserdem|zudem|zweitens|des\s+weiteren|darüber\s+hinaus|weitere\s+frage|zweite\s+frage|(?:noch\s+)?(?:ganz\s+)?(?:ein\s+)?(?:anderes|andere)\s+(?:thema|sache|frage)|themenwechsel)\s*[,:]\s*(?=\p{L})/iu;

/** The questions a message without a question sentence asks indirectly or without "?" (see `questionsOf`), or `undefined`. */
function unpunctuatedQuestions(sentences: readonly string[]): { questions: string[]; context: string[] } | undefined {
  const questions: string[] = [];
  const context: string[] = [];
  // "Die Gemeinden haben den Kreis gefragt, ob … Wir möchten klären, ob …": where the writer asks the reader in one
  // frame, the other indirect questions only report what was asked elsewhere.
  const asksReader = sentences.some((sentence) => askedIndirectly(sentence) !== undefined);
  for (const sentence of sentences) {
    const indirect = indirectQuestion(sentence);
    if (indirect && asksReader && !ASKING_FRAME.test(indirect.frame)) context.push(sentence);
    else if (indirect) {
      if (/[\p{L}\p{N}]/u.test(indirect.frame)) context.push(`${indirect.frame}.`);
      questions.push(...splitCoordinated(asQuestion(indirect.clause)));
    } else if (opensWithVerb(sentence)) questions.push(asQuestion(sentence));
    else context.push(sentence);
  }
  return questions.length > 0 ? { questions, context } : undefined;
}

/** A clause or sentence with "?" in place of its final punctuation. */
function asQuestion(text: string): string {
  return `${text.replace(/[\s.!;:,]+$/u, '')}?`;
}

/** Interrogatives that open an indirect question after a frame ("…, ob …", "…, an wen …"). */
const INDIRECT_OPENER = String.raw`(?:ob|wie|was|wer|wem|wen|wessen|wann|wo|wohin|woher|womit|wofür|wofuer|wozu|wobei|worin|woran|worauf|worüber|worueber|wovon|wodurch|wonach|warum|wieso|weshalb|welche[rnms]?|inwiefern|inwieweit)`;
/**
 * "ob" opens an indirect question wherever it stands (not "als ob"); another interrogative only after a comma and
 * a frame that knows, asks or doubts (`KNOWING_FRAME`): "…, was wir brauchen" is otherwise a relative clause.
 */
const INDIRECT_CLAUSE = new RegExp(
  String.raw`^(.*?\S)\s*(?:,\s*((?:${INTERROGATIVE_PREPOSITION}\s+)?${INDIRECT_OPENER}\b.*)|(?<!\bals)\s+(ob\b.*))$`,
  'iu',
);
/**
 * An indirect question without its comma, as clerks type it, right after a verb of knowing or asking: "… will
 * wissen was eine Arbeitsgemeinschaft ist", "wir möchten erfahren wie lange …".
 */
const UNMARKED_INDIRECT_CLAUSE = new RegExp(
  String.raw`^(.*?\b(?:wissen|erfahren|klären|klaeren|fragen|fragt|gefragt)(?:\s+(?:möcht|moecht|woll|will|gern)\p{L}*)?)\s+((?:${INTERROGATIVE_PREPOSITION}\s+)?${INDIRECT_OPENER}\b.*)$`,
  'iu',
);
/**
 * Words of a frame around an indirect question: knowing and not knowing, asking, saying, discussing, doubting
 * ("wissen", "keiner wusste", "wurde gefragt", "die Frage kam auf", "konnte niemand sagen", "ist unklar",
 * "wurde diskutiert", "wir überlegen", "uns interessiert"), explaining ("bitte erläutern", "beschreiben Sie"), telling
 * ("wir bitten um Mitteilung", "um Information", "um Rückmeldung").
 */
const KNOWING_FRAME =
  /(?<!\p{L})(?:wiss|weiß|weiss|wuss|wüss|frag|dankbar|aufstell|übersicht|uebersicht|klär|klar|unklar|sag|diskut|überleg|ueberleg|unsicher|sicher|herausf|rausf|herauszuf|rauszuf|erfahr|interess|erkundig|beantwort|erklär|erklaer|versteh|verstand|ungewiss|offen|unbekannt|ahnung|thema|rätsel|raetsel|streit|besproch|besprech|prüf|pruef|nachseh|nachschau|zweifel|wunder|grübel|gruebel|erörter|unschlüssig|uneinig|uneins|debatt|erläuter|erlaeuter|darleg|beschreib|skizzier|aufzeig|auskunft|mitteil|information|rückmeld|rueckmeld)/iu;

/**
 * The indirect question of a sentence and the frame before it: "Im Ortsbeirat kam die Frage auf, ob auch
 * Landkreise …" → frame "Im Ortsbeirat kam die Frage auf", clause "ob auch Landkreise …"; "Damals wussten wir
 * nicht, an wen wir uns wenden sollten" → "an wen wir uns wenden sollten". `undefined` for a sentence without
 * one, or one that opens with its question (`isQuestion`).
 */
export function indirectQuestion(sentence: string): { frame: string; clause: string } | undefined {
  const trimmed = sentence.trim();
  if (isQuestion(trimmed)) return undefined;
  const match = INDIRECT_CLAUSE.exec(trimmed) ?? UNMARKED_INDIRECT_CLAUSE.exec(trimmed);
  if (!match) return undefined;
  const frame = match[1]!;
  const clause = (match[2] ?? match[3])!;
  // "…, ob …" always asks; another interrogative only after a frame of knowing or asking.
  if (!/^ob\b/iu.test(clause) && !(match[2] && KNOWING_FRAME.test(frame))) return undefined;
  if (clause.split(/\s+/).length < MIN_QUESTION_WORDS) return undefined;
  return { frame: frame.replace(/[\s,]+$/u, ''), clause: clause.trim() };
}

/**
 * A frame in which the writer asks the reader ("mich würde interessieren", "ich wüsste gern", "ich frage mich",
 * "bitte um Auskunft", "bitten wir um Auskunft", "wir möchten klären", "wäre ich dankbar für eine Aufstellung"; a question
 * passed on: "mein Kollege fragt sich"),
 * unlike a frame that only reports ("wir prüfen, ob …", "keiner wusste, ob …").
 */
const ASKING_FRAME =
  /(?<!\p{L})(?:(?:wäre|waere|wären|waeren|bin|sind)\s+(?:ich|wir)\s+(?:ihnen\s+)?(?:sehr\s+)?dankbar|interess\p{L}*|wüsst\p{L}*|wuesst\p{L}*|(?:gern|gerne)\s+wissen|wissen\s+(?:möcht|moecht|woll)\p{L}*|(?:(?:möcht|moecht|woll|müss|muess)\p{L}*\s+(?:wir|ich)|(?:wir|ich)\s+(?:möcht|moecht|woll|müss|muess)\p{L}*)\s+(?:gerne?\s+|zunächst\s+|zunaechst\s+|vorab\s+)?(?:klären|klaeren|wissen|erfahren)|frage?\s+(?:mich|uns)|fragt\s+sich|fragen\s+sich|(?:kam|kommt)\s+(?:\p{L}+\s+){0,4}(?:die\s+)?frage\s+auf|erkundig\p{L}*|bitten?\s+(?:(?:wir|ich)\s+)?(?:sie\s+)?(?:höflich\s+|hoeflich\s+)?um\s+(?:eine\s+)?(?:kurze\s+)?(?:auskunft|info\p{L}*|klärung|klaerung|mitteilung))(?!\p{L})/iu;

/** The indirect question of a sentence that asks the reader in a frame (`ASKING_FRAME`), as a question; else `undefined`. */
function askedIndirectly(sentence: string): string | undefined {
  const indirect = indirectQuestion(sentence);
  return indirect && ASKING_FRAME.test(indirect.frame) ? asQuestion(indirect.clause) : undefined;
}

/** "Können Sie mir das beantworten?", "Wissen Sie das?", "Könnten Sie uns hierzu bitte Auskunft geben?" */
const ASKS_TO_ANSWER_THAT =
  /^\s*(?:(?:können|koennen|könnten|koennten|würden|wuerden)\s+sie\s+(?:mir\s+|uns\s+)?(?:das\s+|dies\s+|diese\s+frage\s+|hierzu\s+|dazu\s+)?(?:bitte\s+)?(?:kurz\s+)?(?:etwas\s+|auskunft\s+|eine\s+auskunft\s+)?(?:beantworten|sagen|nennen|erklären|erklaeren|mitteilen|bestätigen|bestaetigen|geben|weiterhelfen)|wissen\s+sie\s+(?:das|dazu\s+etwas|etwas\s+dazu|mehr))\s*[?.!]*\s*$/iu;

/** "Stimmt das?", "Ist das richtig?", "Trifft das zu?", "Kann mir das jemand bestätigen?": the sentence before is what is asked. */
const CONFIRMS_CLAIM =
  /^\s*(?:stimmt\s+(?:das|dies|es)\s*,\s*(?=ist|wäre|waere))?(?:stimmt\s+(?:das|dies|es|die(?:se)?\s+(?:zahl|summe|angabe|aussage)|der\s+betrag)|ob\s+(?:das|dies|es|die(?:se)?\s+(?:zahl|summe|angabe|aussage)|der\s+betrag)\s+(?:(?:so|noch|wirklich|auch|überhaupt|ueberhaupt)\s+)*(?:stimmt|zutrifft|richtig\s+ist|passt|aktuell\s+ist)|(?:ist|wäre|waere)\s+(?:das|dies)\s+(?:(?:heute\s+|immer\s+)?noch\s+)?(?:so\s+)?(?:richtig|korrekt|zutreffend|wahr|normal|üblich|ueblich|rechtens|in\s+ordnung|so)|trifft\s+(?:das|dies)\s+(?:so\s+)?zu|(?:kann|könnte|koennte)\s+(?:mir|uns)\s+(?:das|dies)\s+(?:jemand|einer|wer)\s+best(?:ä|ae)tigen)(?:\s+(?:so|denn|eigentlich|wirklich|überhaupt|ueberhaupt|noch|bitte|kurz))*\s*[?.!]*\s*$/iu;

/**
 * "Geht das?", "Ist das möglich?", "Darf man das, oder müssen …?": asks whether the plan of the sentence before is
 * allowed, which is that plan as a question ("Unser Zweckverband will selbst den Antrag stellen. Geht das?").
 */
const ASKS_IF_ALLOWED =
  /^\s*(?:(?:geht|klappt|funktioniert)\s+(?:das|dies)|(?:ist|wäre|waere)\s+(?:das|dies)\s+(?:(?:so|denn|eigentlich|wirklich|überhaupt|ueberhaupt)\s+)*(?:möglich|moeglich|erlaubt|zulässig|zulaessig|machbar)|(?:darf|kann)\s+(?:er|sie|man)\s+(?:das|dies))(?:\s+(?:so|denn|eigentlich|wirklich|überhaupt|ueberhaupt|einfach|bitte))*\s*(?:[?.!]*\s*$|,?\s+oder\b)/iu;

/** "Ich habe gehört, dass …", "Wir haben gelesen …", "Angeblich …": a frame that reports a claim, not part of it. */
const HEARSAY =
  /^\s*(?:(?:ich|wir)\s+(?:habe|hab|haben)\s+(?:\p{L}+\s+){0,4}?(?:gehört|gehoert|gelesen|mitbekommen|erfahren)|man\s+(?:hat\s+(?:uns|mir)\s+(?:gesagt|erzählt|erzaehlt)|sagt|hört|hoert)|(?:uns|mir)\s+wurde\s+(?:gesagt|erzählt|erzaehlt)|es\s+(?:heißt|heisst)|angeblich|(?:ich|wir)\s+(?:habe|hab|haben)\s+(?:noch\s+)?im\s+kopf|(?:ich|wir)\s+(?:meine|meinen|glaube|glauben|dachte|dachten)|soweit\s+(?:ich|wir)\s+(?:weiß|weiss|wissen)|(?:ein|eine|unser|unsere|mein|meine)\s+\p{L}+\s+(?:meint|sagt|behauptet)|(?:der|die|ein|eine|unser|unsere|mein|meine)\s+\p{L}+(?:\s*,[^,.?!]{1,60},)?\s+(?:hat|haben)\s+(?:[\p{L}\d.-]+\s+){0,6}?(?:gesagt|behauptet|gemeint|erzählt|erzaehlt|aufgeschnappt|verkündet|verkuendet))\s*[,:]?\s*(?:dass\s+|das\s+(?=\p{Ll}))?/iu;

/**
 * The claim a message asks to confirm ("Wir haben gehört, für drei Gemeinden gibt es 100.000 €. Stimmt das?"), as a
 * question without its hearsay frame ("für drei Gemeinden gibt es 100.000 €?"), or the plan it asks to allow (see
 * `ASKS_IF_ALLOWED`); `undefined` when its only question is not such a request.
 */
export function claimToConfirm(text: string): string | undefined {
  const sentences = splitSentences(text);
  const asking = sentences.filter(isQuestion);
  const allowed = asking.length === 1 && ASKS_IF_ALLOWED.test(asking[0]!);
  if (asking.length !== 1 || !(allowed || CONFIRMS_CLAIM.test(asking[0]!))) return undefined;
  const at = sentences.indexOf(asking[0]!);
  // "Der Wehrführer sagt, es gibt 50.000 €. Das steht jetzt in der Finanzplanung. Stimmt die Zahl?": a sentence that
  // opens with "Das" refers to the claim before it.
  let from = at - 1;
  while (from > 0 && REFERS_TO_SENTENCE_BEFORE.test(sentences[from]!)) from--;
  const claim = at > 0 ? sentences[from]!.replace(HEARSAY, '') : '';
  if (claim.split(/\s+/).length < MIN_QUESTION_WORDS) return undefined;
  // "möglich", "erlaubt" say what is asked about the plan; an alternative after "oder" only restates it.
  const asked = allowed
    ? `, ${asking[0]!
        .replace(/,?\s+oder\b.*$/su, '')
        .replace(/[\s?.!]+$/u, '')
        .trim()
        .toLowerCase()}`
    : '';
  return asQuestion(`${asQuestion(claim).slice(0, -1)}${asked}`);
}

/** A sentence about the one before it: "Das hat die Gemeindevertretung gleich übernommen.", "Das schaffen wir nie." */
const REFERS_TO_SENTENCE_BEFORE =
  /^\s*(?:das|dies|diese\s+(?:zahl|summe|aussage))\s+(?:hat|haben|wurde|wird|ist|steht|stand|kam|kommt|schaffen|schafft|packen|kriegen|können|koennen|klingt|wäre|waere)\b/iu;

/** Words that open a restatement of the question before ("Also …", "Sprich …", "Anders gefragt: …"). */
const RESTATEMENT =
  /^(?:also|sprich|d\.\s?h\.|das\s+hei(?:ß|ss)t|mit\s+anderen\s+worten|anders\s+gefragt|oder\s+anders\s+gefragt|genauer\s+gesagt|konkret)\s*[,:]?\s+/iu;

/** A statement before a question in one sentence: "Wir wollen einen Bauhof gründen, wer prüft den Antrag?" */
const LEADING_STATEMENT =
  /^((?:wir|ich|unser[ e]\p{L}*|mein[ e]\p{L}*|die|der|das|bei|in|nach|seit)\b[^,?]{8,}?),\s+((?:wer|wen|wem|was|wie|wann|wo|wohin|woher|womit|wofür|wozu|warum|wieso|weshalb|welche[rnms]?|ob)\b.*)$/iu;

/**
 * A statement, a dash and a question: "Wir arbeiten seit 2019 beim Standesamt zusammen – kann eine bestehende
 * Kooperation noch gefördert werden?" The statement often names what the question refers to ("Wir gründen einen
 * Zweckverband – was legen wir bei?"), so this reading is only the fallback when the whole has no answer.
 */
const DASHED_STATEMENT = new RegExp(
  String.raw`^((?:wir|ich|unser[ e]\p{L}*|mein[ e]\p{L}*|die|der|das|bei|in|nach|seit)\b[^,?–—]{8,}?)\s+[-–—]\s+((?:${INTERROGATIVE_PREPOSITION}\s+(?=wem|wen|was|wie|wann|welche))?(?:wer|wen|wem|was|wie|wann|wo|wohin|woher|womit|wofür|wozu|warum|wieso|weshalb|welche[rnms]?|ob|kann|können|koennen|muss|müssen|muessen|darf|dürfen|duerfen|ist|sind|gibt|gilt|wird|werden|bekommen|bekommt|braucht|brauchen|reicht|zählt|zaehlt|lohnt|geht)\b.*)$`,
  'iu',
);

/**
 * A frame, a colon and a question: "Ehrlich gesagt blicke ich da nicht durch: Wie viele Kommunen müssen mitmachen?"
 * Also only the fallback: "GVV: wie viel gibt es pro Gemeinde?" needs the words before the colon.
 */
const COLON_STATEMENT = new RegExp(
  String.raw`^([^:?]{8,}?):\s+((?:${INTERROGATIVE_PREPOSITION}\s+(?=wem|wen|was|wie|wann|welche))?(?:wer|wen|wem|was|wie|wann|wo|wohin|woher|womit|wofür|wozu|warum|wieso|weshalb|welche[rnms]?|ob|kann|können|koennen|muss|müssen|muessen|darf|dürfen|duerfen|ist|sind|gibt|gilt|wird|werden|bekommen|bekommt|braucht|brauchen|reicht|zählt|zaehlt|lohnt|geht)\b.*)$`,
  'iu',
);

/** The question after a statement and a dash or a colon (see `DASHED_STATEMENT`, `COLON_STATEMENT`), or `undefined`. */
export function questionAfterStatement(sentence: string): string | undefined {
  const dashed = DASHED_STATEMENT.exec(sentence.trim());
  if (dashed && !isQuestion(dashed[1]!) && dashed[1]!.trim().split(/\s+/).length >= 4) return dashed[2]!.trim();
  const colon = COLON_STATEMENT.exec(sentence.trim());
  if (colon && !isQuestion(colon[1]!) && colon[1]!.trim().split(/\s+/).length >= 3) return colon[2]!.trim();
  return undefined;
}

/** A statement after a question in one sentence: "Welche Unterlagen braucht der Antrag, es sind fünf Kommunen beteiligt?" */
const TRAILING_STATEMENT =
  /^(.{12,}?),\s+((?:es|wir|das|dabei|daran|insgesamt|beteiligt)\s+(?:sind|wären|waeren|waren|machen|wollen|haben|ist|wird|werden|arbeiten|beteiligen)\b[^,?]*?)\s*\?*$/iu;

/**
 * The question and the statement after it in one sentence (the statement gives the case: "…, es sind fünf Kommunen
 * beteiligt?", "…, wir sind drei Gemeinden und der Kreis?"), or `undefined`. Its unknown words would otherwise sink
 * the question; the counts stay in the message for the amount.
 */
function trailingStatement(sentence: string): { statement: string; question: string } | undefined {
  const match = TRAILING_STATEMENT.exec(sentence.trim());
  if (!match) return undefined;
  const question = match[1]!.trim();
  if (!isQuestion(question) && !opensWithVerb(question)) return undefined;
  return { statement: match[2]!.trim(), question: `${question}?` };
}

/** The statement and the question of a sentence that opens with a statement of its own, or `undefined`. */
function leadingStatement(sentence: string): { statement: string; question: string } | undefined {
  const match = LEADING_STATEMENT.exec(sentence.trim());
  if (!match || isQuestion(match[1]!)) return undefined;
  const statement = match[1]!.trim();
  // A subordinate clause ("Wenn wir …, wer …") or a frame ("Ich weiß nicht, ob …") is no statement of its own.
  if (statement.split(/\s+/).length < 4) return undefined;
  return { statement, question: match[2]!.trim() };
}

/**
 * "und" before a question of its own: a question word, also after a preposition ("und über welchen Weg …", "und um
 * wie viel Prozent …"; not "und mit wie viel Geld?", a circumstance of the first),
 * or a verb with its subject or object ("und müssen wir …", "und hilft uns das Land auch …").
 */
const AND_QUESTION =
  /\s*,?\s+und\s+(?=(?:(?:über|ueber|an|bei|mit|von|nach|in|auf|für|fuer|zu|aus|durch|bis|ab|seit|unter|vor)\s+(?=welche[rnms]?\b|wen\b|wem\b|was\b|wann\b)|um\s+(?=wie\s*viel))?(?:wer|wen|wem|was|wie|wieviele?[nm]?|wo|wohin|woher|wann|welche[rnms]?|warum|wieso|weshalb|womit|wofür|wozu|ob|inwiefern|inwieweit)\b|(?:muss|müssen|muessen|kann|können|koennen|darf|dürfen|duerfen|soll|sollen|gibt|ist|sind|brauchen|braucht|gilt|gelten|reicht|wird|werden|bleiben|bleibt|bekommen|bekommt|kriegen|kriegt|zahlt|zahlen|kostet|kosten|dauert|läuft|laeuft|zählt|zählen|zaehlt|hat|haben|fällt|fallen|hilft|helfen|unterstützt|unterstuetzt|fördert|foerdert|fördern|foerdern|berät|beraet|bietet|bieten)\s+(?:es|wir|man|ich|das|dies|dann|danach|dafür|die|der|den|uns|unsere?|diese[rs]?|alle)\b)/iu;
/** Words inside a sentence that announce a question of its own: "…, und noch was: darf man …?", "…; außerdem: …". */
const ANNOUNCED_QUESTION = /\s*[,;]?\s+(?:und\s+)?(?:noch\s+(?:was|etwas|eine\s+frage)|außerdem|ausserdem|zudem)\s*:\s*(?=\p{L})/iu;
/** A part shorter than this is no question of its own ("Wer und wann?"). */
const MIN_QUESTION_WORDS = 3;

/** A question sentence split into the questions "und" joins, each ending with "?". */
function splitCoordinated(sentence: string): string[] {
  const at = ANNOUNCED_QUESTION.exec(sentence) ?? AND_QUESTION.exec(sentence);
  if (!at) return [sentence];
  const first = sentence.slice(0, at.index).trim();
  const rest = sentence.slice(at.index + at[0].length).trim();
  if (first.split(/\s+/).length < MIN_QUESTION_WORDS || rest.split(/\s+/).length < MIN_QUESTION_WORDS) return [sentence];
  return [/[?]$/.test(first) ? first : `${first}?`, ...splitCoordinated(rest)];
}

/**
 * The opening sentences of a text, as many as fit in about `maxChars` (at least the first): the key
 * statement of an article's intro for a comparison or a short answer. Later sentences that `wanted` accepts
 * (those that say what a question asks) are added, within half as many characters again; the text's order is kept.
 *
 * @example
 * ```ts
 * keySentences('Ein Zweckverband ist eine juristische Person. Er hat eine Satzung. …', 60); // 'Ein Zweckverband ist eine juristische Person.'
 * keySentences('A ist x. B ist y. C kostet 5 €.', 16, (s) => s.includes('€')); // 'A ist x. C kostet 5 €.'
 * ```
 */
export function keySentences(text: string, maxChars = 260, wanted?: (sentence: string) => boolean): string {
  const sentences = splitSentences(text.replace(/\s*\n\s*/g, ' '));
  if (sentences.length === 0) return '';
  const chosen = new Set([0]);
  let length = sentences[0]!.length;
  const fits = (i: number, budget = maxChars) => length + 1 + sentences[i]!.length <= budget;
  const take = (i: number) => {
    chosen.add(i);
    length += 1 + sentences[i]!.length;
  };
  for (let i = 1; i < sentences.length && fits(i); i++) take(i);
  // A later sentence that says what was asked is added; it may make the text half as long again.
  if (wanted) sentences.forEach((sentence, i) => !chosen.has(i) && fits(i, maxChars * 1.5) && wanted(sentence) && take(i));
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => sentences[i])
    .join(' ');
}

/** A message's sentences as written, each with its end marks and the space after it (joined, they give the message). */
export function sentencesAsWritten(text: string): string[] {
  return text.match(/[^.?!]+[.?!]*/g) ?? [];
}

/** `sentence` with `words` added in brackets before its end marks ("Wer hilft uns?" → "Wer hilft uns (Beratung)?"). */
export function withWordsAdded(sentence: string, words: string): string {
  const end = /\s*[.?!]*\s*$/.exec(sentence)!;
  return `${sentence.slice(0, end.index)} (${words})${sentence.slice(end.index)}`;
}
