/**
 * Letter-style messages: municipal staff often write to the bot as to an office, with a salutation, polite
 * frames around the question, a closing formula and a signature. None of that says what they want to know,
 * but its words (Damen, Herren, Grüße, Hauptamt, the name) would dilute the search. These functions strip
 * it, so only the content is searched. Pure; German only.
 */

/** A salutation at the start, with its name part: "Sehr geehrte Frau Dr. Muster," "Hallo zusammen," */
const SALUTATION = new RegExp(
  '^\\s*[„"»]?\\s*(?:' +
    [
      'sehr\\s+geehrte[rns]?\\s+(?:damen\\s+und\\s+herren|kolleginnen\\s+und\\s+kollegen|(?:frau|herr)(?:\\s+(?:dr|prof)\\.?)*(?:\\s+[\\p{Lu}][\\p{L}-]*){1,2})',
      'liebe[rs]?\\s+(?:kolleginnen\\s+und\\s+kollegen|kolleg(?:inn?en|in|en|e)|(?:frau|herr)(?:\\s+[\\p{Lu}][\\p{L}-]*){1,2}|[\\p{Lu}][\\p{L}-]*)',
      '(?:hallo|guten\\s+(?:tag|morgen|abend)|moin(?:\\s+moin)?|servus|grüß\\s+gott|gruess?\\s+gott|hi|hey)(?:\\s+zusammen|\\s+[\\p{Lu}][\\p{L}-]*(?=\\s*[,!\\n])|\\s+(?:frau|herr)(?:\\s+[\\p{Lu}][\\p{L}-]*){1,2}|\\s+liebes?\\s+[\\p{L}-]+(?:-[\\p{L}]+)?)?',
    ].join('|') +
    ')(?:\\s*[,!.:;\\n]+|\\s+(?=\\S))\\s*',
  'iu',
);

/**
 * The header of a forwarded or answered mail, pasted along with it: "Von: …", "Gesendet: …", "---- Weitergeleitete
 * Nachricht ----", "Weitergeleitet vom Büro des Bürgermeisters:". Who sent it when says nothing about the question.
 */
const MAIL_HEADER_LINE =
  /^\s*(?:(?:von|from|gesendet|sent|an|to|cc|datum|date)\s*:.*|-{2,}[^\n]*nachricht[^\n]*-{2,}|-{2,}\s*original\s+message\s*-{2,}|weitergeleitet(?:e\s+nachricht)?(?:\s+(?:von|vom|aus)\s[^:\n]*)?\s*:?)\s*$/iu;
/** The subject line's label and reply marks ("Betreff: WG: Fusion – stimmt das?"): the subject itself often names the topic. */
const SUBJECT_MARKS = /^([ \t]*)(?:betreff\s*:\s*)?(?:(?:wg|aw|fwd?|re|wtr)\s*:\s*)*/gimu;
/** A quoted mail's line marks ("> Von: …"). */
const QUOTE_MARKS = /^[ \t]*(?:>[ \t]?)+/gmu;

/** A salutation at the start of a later line. */
const LINE_SALUTATION = new RegExp(`\\n${SALUTATION.source.slice(1)}`, 'giu');

/** Where the closing formula starts; everything after it is the signature (name, office, phone). */
const CLOSING = new RegExp(
  '(?:^|(?<=[\\n.!?,;:)]\\s*)|\\s)(?:' +
    [
      '(?:mit\\s+)?(?:freundliche[nm]?|beste[nm]?|herzliche[nm]?|liebe[nm]?|viele[nm]?|schöne[nm]?|kollegiale[nm]?|sonnige[nm]?|freundlich)\\s+gr(?:ü|ue|u)(?:ß|ss)(?:e|en)?(?!\\p{L})',
      'gr(?:ü|ue)(?:ß|ss)e?\\s+(?:aus|von)\\s',
      'mfg\\b\\.?',
      'hochachtungsvoll\\b',
      'mit\\s+(?:vorzüglicher\\s+|vorzueglicher\\s+)?hochachtung\\b',
      '(?:lg|vg|bg)\\.?(?=\\s*(?:,|\\n|$))',
      // "i. A. Max Muster" on a line of its own (not "im Auftrag des Gemeindevorstands" in a sentence).
      '(?<=^|\\n)\\s*i\\.\\s?a\\.\\s',
    ].join('|') +
    ')',
  'iu',
);

/**
 * A closing of a chat-like mail on a line of its own: "Gruß Ute", "LG Markus (Hauptamt)", "Danke\nStadtrat Peters". Only
 * the end of a message, without a question after it, is cut there.
 */
const SHORT_CLOSING =
  /(?<=\n)[ \t]*(?:lg|vg|bg|gru(?:ß|ss)|gr(?:ü|ue)(?:ß|ss)e|danke(?:\s+(?:dir|euch|schön|schoen))?|dank\s+dir)(?=[ \t]*(?:[,!.]|\n|$|[ \t]\p{Lu}))/iu;

/** What a writer thanks for in advance: "eine kurze Rückmeldung", "Ihre Antwort", "eine Einschätzung". */
const AN_ANSWER = String.raw`(?:eine|ihre)\s+(?:kurze\s+|baldige\s+|schnelle\s+)?(?:antwort|r(?:ü|ue)ckmeldung|info|information|nachricht|auskunft|einsch(?:ä|ae)tzung)`;
/** "wäre", "wären", also spelt out. */
const WOULD_BE = String.raw`(?:w(?:ä|ae)re|w(?:ä|ae)ren)`;
/** "dankbar", and the letter's "verbunden" ("… wäre ich Ihnen sehr verbunden": obliged, not connected to anyone). */
const THANKFUL = String.raw`(?:dankbar|verbunden)`;

/** Phrases that only frame the question, removed wherever they stand. */
const FILLERS: readonly RegExp[] = [
  // "Vielen Dank im Voraus für Ihre Hilfe!"
  /(?:(?:vielen|herzlichen|besten)\s+)?dank(?:e)?\s+(?:schon\s+)?(?:im\s+voraus|vorab)(?:\s+für\s+ihre\s+(?:mühe|hilfe|antwort|rückmeldung|unterstützung))?(?:\s+und\b)?\s*[.!]*/giu,
  // "Für Rückfragen stehe ich gern (telefonisch) zur Verfügung.", "Bei Fragen erreichen Sie mich unter 0611 …": an offer
  // to be reached, which asks for nothing (unlike "Bitte rufen Sie mich zurück").
  /(?:für|bei)\s+(?:weitere\s+)?(?:rück)?fragen\s+(?:stehe?n?\s+(?:ich|wir)\s+(?:ihnen\s+)?(?:[\p{L}]+\s+){0,3}?zur\s+verfügung|erreichen\s+sie\s+(?:mich|uns)\s+[^.!?\n]*)\s*[.!]*/giu,
  /(?:^|(?<=[.!?\n]\s*))(?:sie\s+erreichen\s+(?:mich|uns)|(?:ich\s+bin|wir\s+sind)\s+(?:[\p{L}]+\s+){0,3}?erreichbar)\s+[^.!?\n]*[.!]*/giu,
  // "Über eine kurze Rückmeldung würde ich mich freuen." / "Ich freue mich auf Ihre Antwort."
  /über\s+(?:eine|ihre)\s+(?:kurze\s+|baldige\s+|schnelle\s+)?(?:antwort|rückmeldung|info|nachricht)\s+(?:würde|würden|freue|freuen)\s+(?:ich|wir)\s+(?:mich|uns)\s+(?:sehr\s+)?(?:freuen)?\s*[.!]*/giu,
  /(?:ich|wir)\s+freue?n?\s+(?:mich|uns)\s+(?:schon\s+)?auf\s+ihre\s+(?:antwort|rückmeldung|nachricht)\s*[.!]*/giu,
  // "Für eine kurze Rückmeldung wäre ich dankbar.", "Ich wäre Ihnen für eine Antwort sehr dankbar.", "Wir wären dankbar für …",
  // "Für eine Einschätzung wäre ich Ihnen sehr verbunden."
  new RegExp(
    String.raw`(?:f(?:ü|ue)r\s+${AN_ANSWER}\s+(?:${WOULD_BE}|bin|sind)\s+(?:ich|wir)\s+(?:ihnen\s+)?(?:sehr\s+)?${THANKFUL}|` +
      String.raw`(?:ich|wir)\s+${WOULD_BE}\s+(?:ihnen\s+)?(?:(?:sehr\s+)?${THANKFUL}\s+f(?:ü|ue)r\s+${AN_ANSWER}|f(?:ü|ue)r\s+${AN_ANSWER}\s+(?:sehr\s+)?${THANKFUL}))\s*[.!]*`,
    'giu',
  ),
  // "Ich habe eine kurze Frage:" / "kurze Frage:" / "Frage:"
  /(?:^|(?<=[.!?\n]\s*))(?:ich\s+)?(?:hätte|habe|hab)\s+(?:da\s+|mal\s+|noch\s+|nur\s+)*(?:eine|ne|'ne)\s+(?:kurze\s+|kleine\s+)?frage\s*(?:[:,.!-]+\s*|\s+(?=zu[mr]?\s))/giu,
  /(?:^|(?<=[.!?\n]\s*))(?:eine\s+)?(?:kurze|kleine)\s+frage\s*[:,.!-]+\s*/giu,
  /(?:^|(?<=[.!?\n]\s*))(?:meine\s+|unsere\s+|die\s+)?frage(?:\s+ist)?\s*:\s*/giu,
  // "Können Sie uns dazu Auskunft geben?": asks for an answer without saying to what.
  /(?:^|(?<=[.!?\n]\s*))(?:können|könnten)\s+sie\s+(?:mir|uns)\s+(?:dazu|hierzu|darüber|hierüber)?\s*(?:bitte\s+|kurz\s+)*(?:eine\s+)?(?:auskunft|rückmeldung|antwort)\s+geben\s*\?*/giu,
  // "Weiß das wer?", "Wissen Sie das?", "Kann mir das jemand sagen?" on its own: asks for an answer without saying to what.
  /(?:^|(?<=[.!?\n]\s*))(?:wei(?:ß|ss)\s+(?:das|dies)\s+(?:wer|jemand|einer|eine)|wissen\s+sie\s+(?:das|dies)|kann\s+(?:mir|uns)\s+(?:das|dies)\s+(?:wer|jemand|einer)\s+sagen)(?:\s+(?:zufällig|zufaellig|vielleicht|bitte|genau))*\s*\?+/giu,
  // "Können Sie mir dabei helfen?" on its own: asks for help with what the message says, not about help.
  /(?:^|(?<=[.!?\n]\s*))(?:können|könnten|kannst|könntest)\s+(?:sie|du|ihr)\s+(?:mir|uns)\s+(?:(?:da|dabei|hier|hierbei|bitte|vielleicht|kurz|eventuell|evtl\.?)\s+)*(?:weiter)?helfen\s*\?+/giu,
  // Claims to be checked: "Ich habe gehört, dass …", "Stimmt es, dass …?", "… stimmt das?", "Sehe ich das falsch?"
  /(?:^|(?<=[.!?\n]\s*))(?:(?:(?:ich|wir|(?:der|die|unser|unsere|mein|meine)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+)?(?:habe|hab|haben|hat)\s+(?:gehört|gehoert|gelesen)|stimmt\s+es|ist\s+es\s+richtig|trifft\s+es\s+zu)\s*,?\s*(?:dass\s+)?/giu,
  /,?\s*(?:stimmt\s+das|ist\s+das\s+richtig|oder\s+nicht|(?:sehe|verstehe)\s+ich\s+das\s+(?:falsch|richtig))\s*(?=\?)/giu,
  // … with words after it, as a clause or sentence of its own: "Stimmt das so?", "Ist das wirklich so?", "Trifft das zu?"
  /(?:,\s*|(?<=[.!?\n]\s*))(?:(?:stimmt|ist|trifft|kann)\s+das(?:\s+(?:so|denn|wirklich|eigentlich|überhaupt|tatsächlich|auch|nun|jetzt))+|(?:ist\s+das|trifft\s+das|kann\s+das)(?:\s+(?:so|denn|wirklich|eigentlich|überhaupt|tatsächlich|auch|nun|jetzt))*\s+(?:richtig|korrekt|wahr|zu|sein)|ist\s+da\s+was\s+dran)\s*(?=\?)/giu,
  // A reference back to an earlier talk opens a letter's request: "Wie telefonisch besprochen bitte ich um …".
  /(?:^|(?<=[.!?\n,]\s*))wie\s+(?:(?:bereits|schon|heute|gestern|kurz|eben|telefonisch|mündlich|muendlich|persönlich|per\s+mail)\s+)*(?:besprochen|vereinbart|abgesprochen|angekündigt|angekuendigt|erwähnt|erwaehnt|versprochen|gewünscht|gewuenscht)\s*,?\s*/giu,
  // A question that came up elsewhere: "In unserer letzten Sitzung kam die Frage auf, ob …", "Es stellt sich die Frage,
  // wer …": the sitting is where it was asked, not what.
  /(?:^|(?<=[.!?\n]\s*))(?:[\p{L}-]+\s+){0,6}?(?:kam|kommt|stellt|stellte|ergab|ergibt)\s+(?:sich\s+)?(?:uns\s+|mir\s+)?(?:nun\s+|jetzt\s+|dabei\s+|auch\s+)*die\s+frage(?:\s+auf)?\s*,?\s*(?=(?:ob|wie|wer|was|wann|welche[rsmn]?)\b)/giu,
  // "Ich bin unsicher, ob …"
  /(?:^|(?<=[.!?\n]\s*))(?:ich\s+bin|wir\s+sind)\s+(?:mir\s+|uns\s+)?(?:unsicher|nicht\s+sicher)\s*,?\s*/giu,
  // A thank-you after the question: "… förderfähig? Danke!"
  /(?<=[.!?]\s*)(?:vielen\s+|herzlichen\s+|besten\s+)?dank(?:e)?(?:\s+(?:schön|sehr))?(?:\s+und)?\s*[.!]*\s*$/giu,
  // What the answer is for, after the question: "…, brauch ich für die Vorlage an den Gemeindevorstand", "…, das
  // brauchen wir für die Sitzung im März". The purpose names an office or a date, not what is asked (a clause
  // that ends with "?" asks: "…, brauchen wir für den Antrag einen Beschluss?").
  /(?:,\s*(?:das\s+|dies\s+)?|(?<=[.!?]\s*)(?:das|dies)\s+)(?:brauch(?:e|en)?|benötige[n]?|benoetige[n]?)\s+(?:ich|wir)\s+(?:das\s+|es\s+)?(?:für|fuer)\s+[^.?!\n]*(?:[.!]+|(?=\n)|$)/giu,
  // "Mich würde interessieren, ob …" / "Ich frage mich, ob …", also joined to a question before ("Außerdem würde mich
  // interessieren, ob …").
  /(?:^|(?<=[.!?\n]\s*))(?:(?:und|außerdem|ausserdem|zudem|ferner|weiterhin|auch)\s+)?(?:mich\s+(?:würde|würden|tät[e]?)\s+interessieren|mich\s+interessiert|(?:würde|würden|tät[e]?)\s+mich\s+(?:auch\s+|noch\s+)*interessieren|interessiert\s+mich\s+(?:auch\s+|noch\s+)*|ich\s+frage\s+mich|wir\s+fragen\s+uns)\s*,?\s*/giu,
  // "Wer entscheidet am Ende über den Antrag?": "am Ende" as "finally", not a time ("am Ende des Jahres", "Ende 2026").
  /(?<!\p{L})(?:am\s+ende|letzten\s+endes|im\s+endeffekt)(?!\s+(?:des|der|dieses|dieser|von|vom|\d|januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)(?!\p{L}))(?!\p{L})/giu,
  // A request to a colleague in a forwarded mail: "kannst du mal klären, ob …", "Bitte mal klären:", "Kann jemand von euch
  // mal schauen, ob …". It asks the colleague to find out what follows; the bot is the one who answers it.
  /(?:^|(?<=[.!?\n]\s*))(?:(?:kannst|könntest|koenntest)\s+du|(?:kann|könnte|koennte)\s+(?:jemand|einer|wer)(?:\s+von\s+euch)?|(?:könnt|koennt)\s+ihr|bitte)\s+(?:(?:bitte|mal|kurz|nochmal|schnell|eben|das)\s+)*(?:klären|klaeren|abklären|abklaeren|nachschauen|nachsehen|schauen|gucken|rausfinden|herausfinden|checken|recherchieren)\s*(?:[,:]\s*|\s+(?=(?:ob|wie|was|wer|wann|wo|wohin|welche[rnms]?)\s)|\?+\s*)/giu,
  // "Können Sie mir bitte sagen, ob …"
  /(?:^|(?<=[.!?\n]\s*))(?:können|könnten|kannst|könntest)\s+(?:sie|du)\s+(?:mir|uns)\s+(?:bitte\s+|vielleicht\s+|kurz\s+)*(?:sagen|mitteilen|erklären|erläutern|darlegen|beantworten|verraten)\s*,?\s*/giu,
];

/**
 * "… möchte wissen, ob …", "… bräuchten die Info, bis wann …", "… fragt, ob …", "… hat mich gebeten nachzufragen,
 * ob …", "… meint, …" (before "ob"
 * also without the comma clerks often leave out): a short subject (up to five words) before it goes too
 * ("Unsere Gemeindevertretung möchte wissen, ob …", "Mein Bürgermeister fragt, ob …"); after a longer sentence
 * only the frame goes ("Wir planen X und möchten wissen, ob …"); after a dash or semicolon the subject goes too ("…
 * entschieden ist – wir würden gern wissen, ob …"). (The comma tells the frame from "Was fragt das RP ab?".)
 */
const WANTS_TO_KNOW =
  /(?:(?:^|(?<=[.!?\n;]\s*)|(?<=\s[–—-]\s*))(?:[\p{L}-]+\s+){0,5}?|\b(?:und\s+|daher\s+|deshalb\s+|nun\s+)?)(?:(?:möchte|möchten|würde|würden|will|wollen|wollte|wollten|wüsste|wüssten|hätte|hätten)\s+(?:gerne?\s+|mal\s+|nur\s+|kurz\s+|bitte\s+|jetzt\s+)*(?:(?:bis|vor|zur|zum|für|fuer|in|im|am|noch|heute|morgen)\s+(?:[\p{L}\d.-]+\s+){0,6}?)?(?:wissen|erfahren|nachfragen|anfragen|fragen|klären)|(?:fragt|fragen|fragte|fragten|meint|meinte)|(?:hat|haben|hatte|hatten)\s+(?:(?:mich|uns)\s+)?(?:gefragt|gebeten\s*,?\s*(?:nachzufragen|zu\s+fragen|zu\s+klären|abzuklären|herauszufinden|rauszufinden|zu\s+erfragen|in\s+erfahrung\s+zu\s+bringen))|(?:wurde|wird)\s+(?:auch\s+)?gefragt|(?:bräuchte|bräuchten|braeuchte|braeuchten|brauche|brauchen|benötige|benötigen|benoetige|benoetigen)\s+(?:(?:für|fuer|zur|zum|bis|vor)\s+(?:[\p{L}\d.-]+\s+){0,4}?)?(?:gerne?\s+|kurz\s+|noch\s+|mal\s+|dringend\s+)*(?:die|eine)\s+(?:kurze\s+)?(?:info|infos|information|informationen|auskunft|angabe))(?:\s*[,:]\s*|\s+(?=(?:ob|wie|was|wer|wann|wo|wohin|woher|warum|welche[rnms]?|(?:aus|in|mit|von|bei|an|zu)\s+welche[rnms]?)\s))/giu;

/** A place after "aus"/"in"/"von" in a frame's subject: "Ein Kollege aus NRW". */
const FROM_PLACE = /(?<!\p{L})(?:aus|in|im|von|vom)\s+\p{Lu}[\p{L}-]*\s+\p{L}+/u;
/** The verb that starts a frame after its subject. */
const FRAME_VERB =
  /(?<!\p{L})(?:möchte|möchten|würde|würden|will|wollen|wollte|wollten|wüsste|wüssten|hätte|hätten|fragt|fragen|fragte|fragten|meint|meinte|hat|haben|hatte|hatten|wurde|wird|bräuchte|bräuchten|braeuchte|braeuchten|brauche|brauchen|benötige|benötigen|benoetige|benoetigen)(?!\p{L})/iu;

/**
 * A letter addresses the office as "Ihr Haus" ("Seit wann berät Ihr Haus …?", "Kann Ihr Haus uns beraten?"): it means
 * the Beratungsstelle, a word the articles and intents know, in the same grammatical case.
 */
const YOUR_HOUSE = /(?<!\p{L})(Ihr|Ihrem|Ihres)\s+Haus(?:es|e)?(?!\p{L})/gu;
const OFFICE_BY_CASE: Readonly<Record<string, string>> = {
  ihr: 'Ihre Beratungsstelle',
  ihrem: 'Ihrer Beratungsstelle',
  ihres: 'Ihrer Beratungsstelle',
};

/** Contact data of a signature that came without a closing formula. */
const CONTACT_LINE = /^\s*(?:tel(?:efon)?\.?|fon|fax|mobil|e-?mail|mail|www\.|https?:\/\/|[+0][\d\s/()-]{6,}$)/iu;

/** The content of a message, without salutation, closing, signature and polite frames. */
export interface CleanedMessage {
  /** The message as searched. Equal to the input (trimmed) when nothing was removed. */
  text: string;
  /** True when something was removed. */
  changed: boolean;
}

/**
 * Strips what only frames a message: the salutation, the closing formula with the signature after it,
 * contact lines, and polite frames ("kurze Frage:", "möchte wissen, ob", "Danke im Voraus").
 * Returns the message unchanged when nothing would be left (a message that is only "Hallo" or
 * "Viele Grüße" is small talk, which the intents recognise).
 *
 * @example
 * ```ts
 * cleanMessage('Sehr geehrte Damen und Herren, wer darf den Antrag stellen? Mit freundlichen Grüßen, Max Muster');
 * // { text: 'wer darf den Antrag stellen?', changed: true }
 * ```
 */
export function cleanMessage(message: string): CleanedMessage {
  const original = message.replace(/\r\n?/g, '\n').trim();
  let text = original
    .replace(QUOTE_MARKS, '')
    .split('\n')
    .filter((line) => !MAIL_HEADER_LINE.test(line))
    .join('\n')
    .replace(SUBJECT_MARKS, '$1')
    .trim();
  for (let i = 0; i < 2; i++) text = text.replace(SALUTATION, '');
  // A forwarded mail's own salutation follows its subject line ("Betreff: …\nHallo Frank,").
  text = text.replace(LINE_SALUTATION, '\n');
  const closing = CLOSING.exec(text);
  if (closing && closing.index > 0) text = text.slice(0, closing.index);
  const short = SHORT_CLOSING.exec(text);
  if (short && short.index > 0 && !/[?]/u.test(text.slice(short.index)) && text.length - short.index <= 80)
    text = text.slice(0, short.index);
  text = text
    .split('\n')
    .filter((line) => !CONTACT_LINE.test(line))
    .join('\n');
  for (const filler of FILLERS) text = text.replace(filler, '');
  text = text.replace(YOUR_HOUSE, (_m, article: string) => OFFICE_BY_CASE[article.toLowerCase()] ?? _m);
  // Inside a sentence the frame becomes a sentence break: "Wir planen X. Ob das förderfähig ist".
  text = text.replace(WANTS_TO_KNOW, (frame: string, offset: number, whole: string) => {
    // "Ein Kollege aus NRW fragt, ob es dort …": where the asker is from is what "dort" means; it stays as a sentence.
    const from = FROM_PLACE.test(frame) ? frame.slice(0, frame.search(FRAME_VERB)).trim() : '';
    // After a dash the frame only explains the question before it ("Wie lange dauert es – wir würden gern wissen, ob …").
    const atStart = /(^|[.!?\n;]\s*|\s[–—-]\s*)$/.test(whole.slice(0, offset));
    return from ? `${from}. ` : atStart ? '' : '. ';
  });
  text = tidy(text);
  if (!/[\p{L}\p{N}]/u.test(text)) return { text: original, changed: false };
  return { text, changed: text !== original };
}

/** Collapses the gaps and stray punctuation left where something was removed. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .replace(/^[\s,;:.!-]+/u, '')
    .replace(/[\s,;:-]+$/u, '')
    .replace(/\s+([,.?!])/g, '$1')
    .replace(/[.,]+\?/g, '?')
    .trim();
}
