import { describe, expect, it } from 'vitest';
import { IntentSource } from '../../src/bot/intents.js';
import { intentsFileSchema, type IntentsFile } from '../../src/knowledge/intent-schema.js';
import { loadKnowledgeBase, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { IntentRecognizer } from '../../src/understanding/intent-recognizer.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

/** A small intents file that shows each mechanism on its own. */
const FILE: IntentsFile = intentsFileSchema.parse({
  words: {
    keep: ['mich', 'wir', 'danke', 'hallo', 'jemand', 'jemandem', 'mensch', 'menschen'],
    ignore: ['bitte', 'gern'],
    groups: [
      ['Berater', 'Beraterin', 'Beratung', 'Ansprechpartner', 'Mensch', 'jemand', 'Beratungsstelle'],
      ['sprechen', 'besprechen', 'reden', 'klären', 'telefonieren', 'melden'],
      ['Rückruf', 'zurückrufen'],
    ],
  },
  intents: {
    handoff: {
      within_longer_messages: true,
      examples: ['mit einer Beraterin sprechen', 'Rückruf', 'Verbinden Sie mich', 'Berater', 'Termin vereinbaren'],
    },
    thanks: { threshold: 0.6, examples: ['Danke', 'Danke für die Auskunft'] },
    help: { examples: ['Was können Sie?'] },
    question: { within_longer_messages: true, examples: ['Kostet die Beratung etwas?', 'Was macht die Beratungsstelle?'] },
  },
});

const recognizer = IntentRecognizer.fromFile(FILE);
const intentOf = (text: string) => recognizer.recognize(text)?.intent ?? 'question';

describe('IntentRecognizer', () => {
  it.each([
    ['Ich möchte mit einer Beraterin sprechen', 'handoff'],
    // Gendered and inflected forms, word order, politeness: all the same request.
    ['Kann ich bitte gern mit einem Berater reden?', 'handoff'],
    ['Beraterinnen', 'handoff'],
    // A word of the group stands for the example's word.
    ['Ich würde das gern mit jemandem telefonisch klären', 'handoff'],
    // A request inside a longer message.
    ['Wir haben eine komplizierte Lage mit unserem Zweckverband und würden das lieber mit einem Menschen besprechen.', 'handoff'],
    // A one-word example counts anywhere when that very word is there …
    ['Ich hätte gern einen Rückruf wegen unseres Antrags', 'handoff'],
    // … and the head of a compound matches it (Beratungs|termin).
    ['Beratungstermin vereinbaren', 'handoff'],
    ['Bitte verbinden Sie mich', 'handoff'],
  ])('recognises "%s" as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    // Questions ABOUT the office: the counter-examples keep them questions.
    'Kostet die Beratung etwas?',
    'Was macht die Beratungsstelle?',
    // One word of a group is no request; two are needed in a longer message.
    'Welche Gründe sprechen für einen Zweckverband?',
    'Ist der Antrag verbindlich?',
    // A compound of an unknown word with a known one is something else (Bau|antrag is no Antrag of ours).
    'Wann starten neue Kooperationen?',
  ])('leaves "%s" a question', (text) => {
    expect(intentOf(text)).toBe('question');
  });

  it('takes small talk only when the message says little more', () => {
    expect(intentOf('Danke!')).toBe('thanks');
    expect(intentOf('Danke für die schnelle Auskunft')).toBe('thanks');
    expect(intentOf('Danke, und wie hoch ist die Förderung?')).toBe('question');
  });

  it('recognises a message of stop words only by its words ("Was können Sie?")', () => {
    expect(intentOf('Was können Sie?')).toBe('help');
    expect(intentOf('Was sollen Sie?')).toBe('question');
  });

  it('says what the message adds beyond the request', () => {
    expect(recognizer.recognize('Ich hätte gern einen Rückruf wegen unseres Antrags')?.rest).toEqual(expect.arrayContaining(['antrag']));
    expect(recognizer.recognize('Berater')?.rest).toEqual([]);
  });

  it('recognises nothing without an intents file', () => {
    expect(IntentRecognizer.fromFile(undefined).recognize('Ich möchte mit einer Beraterin sprechen')).toBeUndefined();
  });
});

/** A request for a person as the shipped file marks it: read per sentence, and in a question only when the asker asks. */
const OWN_REQUEST_FILE: IntentsFile = intentsFileSchema.parse({
  words: {
    keep: ['mich', 'mir', 'wir', 'jemand', 'jemandem', 'wem'],
    self: ['ich', 'mich', 'mir', 'wir', 'uns', 'Sie', 'jemand', 'jemandem'],
    question_words: ['wer', 'wen', 'wem', 'was', 'wie', 'wann', 'ob'],
    asking: ['kann', 'können', 'könnte', 'möchte', 'hätte'],
    groups: [
      ['Beraterin', 'Berater', 'Beratung', 'Mitarbeiter', 'Beratungsstelle', 'jemand', 'jemandem'],
      ['sprechen', 'besprechen', 'reden', 'vorbeikommen'],
      ['anrufen', 'erreichen', 'melden', 'zurückrufen'],
      ['verbinden', 'weiterleiten'],
    ],
  },
  intents: {
    handoff: {
      within_longer_messages: true,
      own_request_in_questions: true,
      examples: ['mit einer Beraterin sprechen', 'Mit wem kann ich sprechen?', 'mich anrufen', 'weiterleiten', 'Berater'],
    },
    eligibility: { within_longer_messages: true, examples: ['Sind wir förderfähig?'] },
    question: { within_longer_messages: true, examples: ['Kostet die Beratung etwas?'] },
  },
});

/** A request for a person beside the question for the office's contact data: `words.persons` tells them apart. */
const CONTACT_FILE: IntentsFile = intentsFileSchema.parse({
  words: {
    keep: ['mich', 'mir', 'Sie', 'jemand', 'wann'],
    self: ['ich', 'mich', 'mir', 'Sie', 'jemand'],
    question_words: ['wer', 'wie', 'wann', 'was'],
    asking: ['kann', 'können'],
    persons: ['mich', 'mir', 'jemand', 'Beraterin'],
    groups: [
      ['Beraterin', 'Berater', 'jemand', 'Beratungsstelle'],
      ['anrufen', 'erreichen', 'erreichbar', 'melden'],
      ['mich', 'mir', 'Sie'],
      ['Telefonnummer', 'Nummer', 'Mailadresse', 'Kontaktdaten'],
    ],
  },
  intents: {
    handoff: { within_longer_messages: true, own_request_in_questions: true, examples: ['Rufen Sie mich an', 'eine Beraterin anrufen'] },
    contact: { examples: ['Telefonnummer', 'Wie erreiche ich Sie?', 'Wann ist die Beratungsstelle erreichbar?'] },
  },
});

describe('IntentRecognizer: contact data or a person', () => {
  const recognizer = IntentRecognizer.fromFile(CONTACT_FILE);
  const intentOf = (text: string) => recognizer.recognize(text)?.intent ?? 'question';

  it.each([
    ['Wie ist Ihre Telefonnummer?', 'contact'],
    ['Wie kann ich Sie erreichen?', 'contact'],
    ['Wann ist die Beratungsstelle erreichbar?', 'contact'],
    // A person of the office, or the asker to be reached (words.persons): the request for a person.
    ['Rufen Sie mich an', 'handoff'],
    ['Können Sie mich erreichen?', 'handoff'],
    ['Ist eine Beraterin erreichbar?', 'handoff'],
    // Another body's number says more than the examples: a question for the knowledge base.
    ['Telefonnummer des Landratsamts?', 'question'],
  ])('reads "%s" as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('IntentRecognizer: a request for a person', () => {
  const own = IntentRecognizer.fromFile(OWN_REQUEST_FILE);
  const intentOf = (text: string) => own.recognize(text)?.intent ?? 'question';

  it.each([
    // A question that names the asker or the bot asks for a person …
    ['Kann ich mit einer Beraterin sprechen?', 'handoff'],
    ['Könnte mich bitte jemand erreichen?', 'handoff'],
    // … also opened by a question word when it asks ("kann").
    ['Mit wem kann ich das besprechen?', 'handoff'],
    // A question ABOUT the office is answered: it names no asker, or asks what is, not for something.
    ['Spricht die Beratungsstelle auch mit Landkreisen?', 'question'],
    ['Wie erreiche ich die Beratungsstelle?', 'question'],
    ['Was besprechen die Berater mit den Gemeinden?', 'question'],
    // A statement is a request when its words are there.
    ['Ich möchte mit einem Berater reden.', 'handoff'],
  ])('"%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('joins separable verbs ("Rufen Sie mich an", "Leiten Sie mich weiter", "Kommt … vorbei")', () => {
    expect(intentOf('Rufen Sie mich bitte an')).toBe('handoff');
    expect(intentOf('Leiten Sie mich weiter')).toBe('handoff');
    expect(intentOf('Jemand kommt bei uns im Rathaus vorbei.')).toBe('handoff');
    expect(intentOf('Jemand kommt zu uns ins Rathaus.')).toBe('question');
    expect(intentOf('Rufen Sie mich')).toBe('question');
  });

  it('reads a stated wish ("Ich hätte gern …") as asking for what its nouns name, unless it asks about something', () => {
    expect(intentOf('Ich hätte gern eine Beratung zur Fusion unserer Bauhöfe.')).toBe('handoff');
    expect(intentOf('Die Beratung hat unserer Fusion geholfen.')).toBe('question');
    expect(intentOf('Ich haette gern eine Beratung zur Fusion unserer Bauhöfe.')).toBe('handoff');
    expect(intentOf('Ich hatte eine Beratung zur Fusion unserer Bauhöfe.')).toBe('question');
    expect(intentOf('Ich möchte wissen, ob die Beratung unserer Fusion etwas kostet.')).toBe('question');
  });

  it('reads the participle of a separable verb as the verb in the passive only ("… möchte weitergeleitet werden")', () => {
    expect(intentOf('Ich möchte an eine Beraterin weitergeleitet werden.')).toBe('handoff');
    expect(intentOf('Das Landratsamt hat mich an Sie weitergeleitet.')).toBe('question');
  });

  it('finds the request among context, but never makes one of words from two sentences', () => {
    expect(intentOf('Unser Bauhof hat vier Leute. Wir würden das gern mit jemandem von der Beratungsstelle besprechen.')).toBe('handoff');
    expect(intentOf('Unser Bauhof hat zwei Mitarbeiter. Wir sprechen morgen im Rat darüber.')).toBe('question');
  });

  it('reads an unknown long word one typo away from a known one as that word, but not a changed vowel', () => {
    expect(intentOf('Ich möchte mit der Beratungsstele sprechen')).toBe('handoff');
    expect(intentOf('Ich möchte mit einem Mitarbieter sprechen')).toBe('handoff');
    expect(intentOf('Ich möchte mit der Beratungsstalle sprechen')).toBe('question');
  });

  it.each([
    // The typo length is the word's as written: a nine-letter verb stems to seven letters, and is still corrected.
    ['Mich verbidnen!', 'handoff'],
    ['Könnte mich eine Beraterin zurückrufne?', 'handoff'],
    ['Könnte ich mit einer Bearterin sprechen?', 'handoff'],
    // A garbled short word of the request does not count against it, though it is too short to correct.
    ['Bearterin, anrfuen', 'handoff'],
    // An unknown short word that is no typo of a request word still does.
    ['Bearterin, Zuschuss', 'question'],
  ])('reads typos by the word as written: "%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('prefers a request for a person to a dialog asked for in the same message', () => {
    expect(intentOf('Sind wir förderfähig?')).toBe('eligibility');
    expect(intentOf('Sind wir förderfähig? Das würde ich gern mit einer Beraterin besprechen.')).toBe('handoff');
  });
});

/** The rules that keep narrative sentences from starting the handoff, each on a small file of its own. */
const NARRATIVE_FILE: IntentsFile = intentsFileSchema.parse({
  words: {
    keep: ['mich', 'mir', 'uns', 'unser', 'unsere', 'Sie', 'Ihnen', 'jemand', 'wem'],
    self: ['ich', 'mich', 'mir', 'uns', 'unser', 'Sie', 'Ihnen', 'jemand'],
    question_words: ['wer', 'wen', 'wem', 'wie', 'welcher', 'welche'],
    asking: ['kann', 'könnte'],
    own_side: ['uns', 'unser', 'unsere'],
    groups: [
      ['Beraterin', 'Berater', 'jemand'],
      ['mich', 'mir', 'uns', 'Sie', 'Ihnen'],
      ['anrufen', 'Anruf', 'melden', 'treffen', 'Telefonat', 'zurückrufen'],
      ['verbinden', 'Verbindung'],
    ],
  },
  intents: {
    handoff: {
      within_longer_messages: true,
      own_request_in_questions: true,
      examples: ['Rufen Sie mich an', 'Verbinden Sie mich', 'Kann mich jemand zurückrufen?'],
    },
  },
});

describe('IntentRecognizer: narrative sentences are no request', () => {
  const narrative = IntentRecognizer.fromFile(NARRATIVE_FILE);
  const intentOf = (text: string) => narrative.recognize(text)?.intent ?? 'question';

  it.each([
    // "uns"/"unser" fill the word for "mich", but are none of the two words a request needs within a text.
    ['Uns verbindet mit dem Nachbarort eine lange Geschichte, deshalb denken wir an eine gemeinsame Kasse.', 'question'],
    ['Unser Telefonat mit dem Landratsamt hat leider nichts geklärt, jetzt planen wir allein weiter.', 'question'],
    ['Unsere Verbindung zur Kreisstadt ist eng, und eine gemeinsame Kasse wäre naheliegend.', 'question'],
    // … while a request with "uns" still is one: its other words make it.
    ['Könnte uns bitte jemand zurückrufen?', 'handoff'],
    ['Rufen Sie uns bitte an.', 'handoff'],
    ['Verbinden Sie uns mit einer Beraterin.', 'handoff'],
  ])('"%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    // An infinitive used as a noun only shares the verb's stem: no request …
    ['Das Treffen mit Ihnen im Mai hat uns weitergebracht, nun rechnen wir die Einsparung aus.', 'question'],
    ['ein treffen mit ihnen hatten wir schon, der kreis hat auch zugestimmt', 'question'],
    // … but the verb is, and so is a noun the intent file lists ("Anruf").
    ['Können wir uns mit Ihnen treffen?', 'handoff'],
    ['Ich hätte gern einen Anruf von Ihnen.', 'handoff'],
  ])('reads a noun that only shares a request verb’s stem as no request: "%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    // A question word after a conjunction and a preposition still opens a question about the office …
    ['Und bei welcher Stelle melde ich mich wegen der Förderung?', 'question'],
    ['Aber unter welcher Nummer rufe ich Sie an?', 'question'],
    ['Und wie erreiche ich Sie telefonisch?', 'question'],
    // … and a request after a conjunction stays a request.
    ['Und könnte mich jemand zurückrufen?', 'handoff'],
    ['Und mit wem kann ich telefonieren? Rufen Sie mich an.', 'handoff'],
  ])('skips a leading conjunction before the question word: "%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

/** Compounds of request words, on a small file: two example words in one word, a request noun as head, group relatives. */
const COMPOUND_FILE: IntentsFile = intentsFileSchema.parse({
  words: {
    keep: ['mich', 'wir'],
    ignore: ['bitte'],
    request_nouns: ['Wunsch', 'Anfrage', 'Bitte'],
    groups: [
      ['Termin', 'Beratungstermin', 'Telefontermin', 'Videocall'],
      ['Telefon', 'telefonieren'],
      ['Antrag', 'Förderantrag'],
      ['Gespräch', 'sprechen'],
    ],
  },
  intents: {
    handoff: { within_longer_messages: true, examples: ['Beratungstermin', 'Rückruf', 'Gespräch mit einer Beraterin'] },
    application: { within_longer_messages: true, examples: ['Checkliste für den Antrag'] },
    question: { within_longer_messages: true, examples: ['Wie lange dauert die Prüfung des Antrags?'] },
  },
});

describe('IntentRecognizer: compounds of request words', () => {
  const compounds = IntentRecognizer.fromFile(COMPOUND_FILE);
  const intentOf = (text: string) => compounds.recognize(text)?.intent ?? 'question';

  it.each([
    // One word made of two example words fills both, as its hyphenated spelling does.
    ['Antragscheckliste', 'application'],
    ['Antrags-Checkliste', 'application'],
    ['Förderantragscheckliste bitte', 'application'],
    // … but is no two words of its own inside a longer question.
    ['Wie lange dauert die Prüfung unserer Antragscheckliste beim Kreis?', 'question'],
  ])('"%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    // A request noun as head asks for the first part as plainly as the example's own word, also inside a note …
    ['Terminwunsch – Gemeinde Tannrode, Thema gemeinsame Kasse', 'handoff'],
    ['Rückrufbitte zum Thema Ordnungsbehördenbezirk, Hauptamt Tannrode', 'handoff'],
    ['Terminanfragen der Gemeinde Tannrode: Thema Bauhof', 'handoff'],
    // … while the plain head, or a compound whose first part is no request word, is none.
    ['Wunsch der Gemeindevertretung: Kasse und Bauhof zusammenlegen', 'question'],
    ['Termin im Kreishaus verschoben, Thema gemeinsame Kasse', 'question'],
    ['Bauanfrage der Gemeinde Tannrode, Thema gemeinsame Kasse', 'question'],
  ])('reads a request-noun compound: "%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    // A compound the group lists with the head of a one-word example counts like it inside a note …
    ['Wir bitten um einen Telefontermin zur Zusammenlegung der Kassen.', 'handoff'],
    // … not the plain head, nor a relative of another head ("Videocall").
    ['Wir haben einen Termin zur Zusammenlegung der Kassen im Kreishaus.', 'question'],
    ['Wir hatten einen Videocall zur Zusammenlegung der Kassen im Kreishaus.', 'question'],
  ])('counts a listed compound of a one-word example as that example: "%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

/** A request to be guided against a counter-example that fits as well (question words and verbs are one group each). */
const PROCEEDING_FILE: IntentsFile = intentsFileSchema.parse({
  words: {
    keep: ['wir', 'wann', 'wer'],
    proceeding: ['vorbereiten', 'anfangen', 'vorgehen'],
    groups: [
      ['stellen', 'vorbereiten', 'anfangen', 'einreichen'],
      ['wann', 'wer', 'wo'],
    ],
  },
  intents: {
    application: { within_longer_messages: true, examples: ['Wie bereiten wir den Antrag vor?'] },
    question: { within_longer_messages: true, examples: ['Wann stellen wir den Antrag?', 'Wer darf den Antrag stellen?'] },
  },
});

describe('IntentRecognizer: a request to be guided', () => {
  const guided = IntentRecognizer.fromFile(PROCEEDING_FILE);
  const intentOf = (text: string) => guided.recognize(text)?.intent ?? 'question';

  it.each([
    // A word of manner with a verb of proceeding asks to be guided, though a counter-example fits as well …
    ['Wann bereiten wir den Antrag am klügsten vor?', 'application'],
    ['Wann fangen wir mit dem Antrag zuerst an?', 'application'],
    // … a date ("am frühesten"), a plain "wann", a person ("wer") or an act ("stellen") stay questions.
    ['Wann bereiten wir den Antrag am frühesten vor?', 'question'],
    ['Wann bereiten wir den Antrag vor?', 'question'],
    ['Wer bereitet den Antrag am besten vor?', 'question'],
    ['Wann stellen wir den Antrag am besten?', 'question'],
  ])('"%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('intents.yml as data', () => {
  it('makes an example an editor adds live once the knowledge base reloads', () => {
    let file: IntentsFile = FILE;
    const source = new IntentSource(() => file);
    expect(source.recognize('Servus')).toBeUndefined();
    file = { ...FILE, intents: { ...FILE.intents, greeting: { within_longer_messages: false, examples: ['Servus'] } } };
    expect(source.recognize('Servus')?.intent).toBe('greeting');
  });

  it('ships an intents file that loads without problems', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    expect(kb.problems.filter((p) => p.file === '_meta/intents.yml')).toEqual([]);
    expect(Object.keys(kb.meta.intents?.intents ?? {})).toEqual(
      expect.arrayContaining(['handoff', 'eligibility', 'application', 'help', 'restart', 'greeting', 'thanks', 'goodbye', 'question']),
    );
  });

  it.each([
    [
      'an unknown intent',
      'intents:\n  smalltalk:\n    examples: [Hallo]\n',
      /unknown intent\(s\) smalltalk \(known: handoff, contact, eligibility/,
    ],
    ['an intent without examples', 'intents:\n  handoff:\n    examples: []\n', /at least one example/],
    ['a threshold out of range', 'intents:\n  handoff:\n    threshold: 2\n    examples: [Berater]\n', /threshold above 1/],
    ['a misspelt setting', 'intents:\n  handoff:\n    beispiele: [Berater]\n    examples: [Berater]\n', /unknown setting\(s\) beispiele/],
    [
      'a group entry of two words',
      'words:\n  groups:\n    - [Berater, echter Mensch]\nintents:\n  handoff:\n    examples: [Berater]\n',
      /single word/,
    ],
    ['a misspelt word list', 'words:\n  selbst: [ich]\nintents:\n  handoff:\n    examples: [Berater]\n', /unknown word list\(s\) selbst/],
    [
      'a setting that is not true or false',
      'intents:\n  handoff:\n    own_request_in_questions: vielleicht\n    examples: [Berater]\n',
      /expected true or false/,
    ],
    ['broken YAML', 'intents: [\n', /invalid YAML/],
  ])('rejects %s with a problem naming the file', (_name, yaml, reason) => {
    const kb = parseKnowledgeFiles({ articles: new Map(), meta: new Map([['_meta/intents.yml', yaml]]) });
    const problems = kb.problems.filter((p) => p.file === '_meta/intents.yml');
    expect(problems.map((p) => p.reason).join('\n')).toMatch(reason);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(kb.meta.intents).toBeUndefined();
  });
});

describe('the shipped intents.yml', () => {
  const shipped = loadKnowledgeBase(SHIPPED_KB).then((kb) => IntentRecognizer.fromFile(kb.meta.intents));

  it.each([
    'Berater',
    'Mitarbeiter',
    'persönliche Beratung',
    'menschlicher Ansprechpartner',
    'Rückruf bitte',
    'Ich möchte mit einem Mitarbeiter sprechen',
  ])('takes the short request "%s" for a person', async (text) => {
    expect((await shipped).recognize(text)?.intent).toBe('handoff');
  });

  it.each([
    'Wie viele Mitarbeiter hat die Beratungsstelle?',
    'Was macht die Beratungsstelle?',
    'Wer darf den Förderantrag stellen?',
    'Bis wann können wir den Förderantrag einreichen?',
    'Wie erreiche ich das Regierungspräsidium telefonisch?',
  ])('leaves the factual question "%s" to the knowledge base', async (text) => {
    expect((await shipped).recognize(text)).toBeUndefined();
  });

  it.each([
    'Uns verbindet mit der Nachbarstadt seit Jahren ein gemeinsamer Wasserverband. Ist ein gemeinsamer Bauhof förderfähig?',
    'Unser Telefonat mit dem Landratsamt hat nichts geklärt. Wie viel Förderung gibt es für vier Gemeinden?',
    'Unser Anruf beim Regierungspräsidium blieb ohne Ergebnis.',
    'Das Treffen mit Ihnen im Frühjahr war hilfreich. Gilt die Förderung auch für Bauhöfe?',
    'Und bei welcher Stelle melde ich mich wegen der Förderung?',
    'Aber unter welcher Nummer erreiche ich das Kompetenzzentrum?',
    // An indirect question is a question: its frame asks nothing ("würde", "soll klären"), its clause asks for nothing.
    'Uns würde interessieren, ob das Beratungszentrum auch Entwürfe von Satzungen durchsieht.',
    'In der Klausur blieb offen, ob uns das Kompetenzzentrum bei der Öffentlichkeitsarbeit unterstützt.',
    'Ich soll für die Sitzung klären, ob das Kompetenzzentrum auch Vorlagen für Satzungen hat.',
    // A yes/no question about what others named with an article do.
    'Kommen die Fachleute des Landkreises wirklich zu uns ins Rathaus?',
    // A condition or lead-in before the question asks for no one: the question after it does not either.
    'Wenn nach einem Angriff Fachleute zu uns kommen, was zahlen wir dann selbst?',
    'Falls es uns erwischt und dann Spezialisten kommen, die aufräumen: was kostet uns das?',
    // "sie" with a verb in the singular is "she" or "it", not the polite "Sie" of "Schicken Sie jemanden vorbei".
    'Wird der Zuschuss gekürzt, wenn sie ihr Ziel erst im dritten Jahr erreicht?',
    'Erreicht die Gemeinde das Ziel, wenn sie uns jemanden vorbeischickt?',
    // "zustande" is no "zuständig" (the stemmer makes both `zustand`, a word of the group of persons).
    'Wenn die Fusion nicht zustande kommt, müssen wir dann jemanden informieren?',
    // … and the participle "beauftragt" no "Beauftragte".
    'Die Gemeindevertretung hat uns beauftragt, das mit den Nachbarn zu klären.',
    'Wir wurden beauftragt, mit dem Kreis zu sprechen. Welche Unterlagen brauchen wir?',
    // An indirect question after a frame of explaining asks what the office does, not for it to do it.
    'Erläutern Sie bitte, worin uns das Kompetenzzentrum berät.',
    'Bitte beschreiben, wobei das Beratungszentrum uns unterstützt.',
    // A question for the matter that names the office with an article asks what it does (no request, no help).
    'Womit kann uns das Kompetenzzentrum helfen?',
    'Worin unterstützt die Beratungsstelle Gemeinden?',
  ])('lets the narrative or question "%s" go to the knowledge base, no handoff', async (text) => {
    expect((await shipped).recognize(text)?.intent).not.toBe('handoff');
  });

  it.each([
    // Phone idioms
    ['Könnten Sie mich zu dem Thema mal anklingeln?', 'handoff'],
    ['Das würde ich lieber fernmündlich mit einer Ihrer Kolleginnen klären.', 'handoff'],
    ['Könnten wir das mit jemandem am Telefon bereden?', 'handoff'],
    // … while the question after a condition or lead-in may still ask for someone.
    ['Wenn es eilt, wen kann ich anrufen?', 'handoff'],
    ['Kurze Frage: wer kann mich zurückrufen?', 'handoff'],
    // "Get going" idioms: separable verbs with "ein", "los", "auf"; "in Angriff nehmen", "auf den Weg bringen"
    ['Wir möchten unseren Gruppenantrag jetzt auf den Weg bringen.', 'application'],
    ['Den Förderantrag wollen wir nun in Angriff nehmen.', 'application'],
    ['Wie setzen wir den Antrag in Gang?', 'application'],
    ['Leiten wir den Antrag doch gleich ein.', 'application'],
    // A wish stated to apply now (the example "Ich möchte beantragen" needs the wish).
    ['Alles klar, wir möchten nun beantragen.', 'application'],
    ['Gut, dann möchten wir den Zuschuss jetzt beantragen.', 'application'],
    ['Wir wollen die Antragstellung anstoßen.', 'application'],
    // Falls under / fits into the programme
    ['Fällt unsere Zusammenarbeit beim Standesamt unter das Förderprogramm?', 'eligibility'],
    ['Greift die Förderung für unser Vorhaben?', 'eligibility'],
    ['Kommen wir mit unserem Projekt für eine Förderung infrage?', 'eligibility'],
    // Ready, and how to go on, without the word "Antrag"
    ['Beschlüsse und Vertrag sind komplett. Wie machen wir weiter?', 'application'],
    ['Wir sind startklar – was kommt als Nächstes?', 'application'],
    ['Die Beschlüsse liegen vor. Wie machen wir jetzt weiter?', 'application'],
    // Compounds of request words
    ['Gesprächswunsch: Stadt Lindenau, Thema gemeinsames Ordnungsamt', 'handoff'],
    ['Ich hätte gern einen Telefontermin wegen unserer Kassengemeinschaft.', 'handoff'],
    ['Antragscheckliste, bitte', 'application'],
    // How to go about it
    ['Wann bereiten wir den Förderantrag am geschicktesten vor?', 'application'],
    ['Womit fangen wir bei unserem Antrag am besten an?', 'application'],
    // Typos
    ['bitte verbidnen sie mich mit einem berater', 'handoff'],
    ['hätte gern eine bearterin, bitte anrfuen', 'handoff'],
    // A verb with a prefix that only repeats ("nach", "durch", "gegen", "über") is the verb; "lassen" asks nothing of its own.
    ['Unsere Förderfähigkeit würden wir gern nachprüfen lassen.', 'eligibility'],
    ['Rechnen Sie unsere Förderung bitte noch einmal durch.', 'eligibility'],
    // How to go about the application, as a noun, and "wo" with a verb of starting.
    ['Herangehensweise beim Gruppenantrag?', 'application'],
    ['Wo sollen wir mit dem Förderantrag ansetzen?', 'application'],
    ['Wie kann es mit unserem Antrag losgehen?', 'application'],
    // A request stated after a question outweighs a counter-example that fits the question sentence only.
    ['Wie lange dauert die Bearbeitung des Antrags? Ich würde das gern mit einem Berater besprechen.', 'handoff'],
    ['Wer entscheidet über den Antrag? Dazu hätte ich gern einen Rückruf.', 'handoff'],
    // A request in an indirect question is still one.
    ['Ich würde gern wissen, ob mich jemand von Ihnen anrufen kann', 'handoff'],
    ['Bitte erläutern Sie mir, wer mich zurückrufen kann.', 'handoff'],
    // The polite "Sie" in lower case, with its verb in the plural; "zuständig" with its suffix.
    ['Können sie mich morgen zurückrufen?', 'handoff'],
    ['Ich hoffe, sie können mich zurückrufen.', 'handoff'],
    ['Wer ist bei Ihnen für IKZ zuständig? Mit der Zuständigen würde ich gern sprechen.', 'handoff'],
    // A participle used as a noun, with its ending ("Beauftragte"), is a person of the office.
    ['Kann ich bitte den Beauftragten für interkommunale Zusammenarbeit sprechen?', 'handoff'],
    ['ich will mit dem beauftragten reden', 'handoff'],
    ['Wir fragen uns, ob uns jemand aus dem Beratungszentrum zurückrufen könnte.', 'handoff'],
  ])('recognises the idiom in "%s" as %s', async (text, intent) => {
    expect((await shipped).recognize(text)?.intent).toBe(intent);
  });

  it.each([
    // Words of the idioms in questions the knowledge base answers: "passiert" is no "passt", "falls" no "fällt" …
    'Was passiert mit dem Zuschuss, falls die Fusion doch scheitert?',
    'Könnte es sein, dass wir den Vorbereitungszuschuss zurückzahlen müssen, falls die Kooperation nicht klappt?',
    // … a state of the application is no readiness to go on …
    'Wie geht es weiter, wenn der Kreis keine Stellungnahme abgibt?',
    'Bis wann läuft das Programm noch?',
    'Gilt die Rahmenvereinbarung auch für Landkreise?',
    'Ist die Gemeindevertretung bereit, die Kosten zu tragen, wenn die Förderung ausbleibt?',
    'Wer ist bei Ihnen für Beratungsanfragen zuständig?',
    'Wie lange dauert die Antragsvorbereitung in der Regel?',
    // A particle at the end makes another verb ("abrechnen" is no "rechnen"), "wo" where something else starts.
    'Wie rechnen wir die Förderung ab?',
    'Wird die Förderung auf die Schlüsselzuweisungen angerechnet?',
    'Wo beginnt der Dienstweg für den Antrag?',
    'Wo reichen wir den Antrag ein?',
    // "beantragen" without a stated wish, or the wish in another sentence.
    'Bis wann müssen wir spätestens beantragt haben?',
    'Wer darf eigentlich beantragen?',
    'Wir möchten einen Bauhof gründen. Wer darf beantragen?',
    'Wir möchten wissen, ob auch Landkreise beantragen dürfen.',
    // A counter-example that fits the stated sentence itself still competes.
    'Wie viel kostet das Personal? Wir brauchen dafür eigene Mitarbeiter.',
  ])('leaves "%s" a question', async (text) => {
    expect((await shipped).recognize(text)).toBeUndefined();
  });

  it.each([
    // What the office does, asked with an interrogative of the matter: a question, not the bot's help.
    ['Wobei kann uns die Beratungsstelle helfen?', 'question'],
    ['Wobei unterstützt das Beratungszentrum Kommunen?', 'question'],
    // … the bot's side or a person named stays what it was.
    ['Wobei können Sie mir helfen?', 'help'],
    ['Was kann der Bot?', 'help'],
    ['Wann kann mich die Beraterin anrufen?', 'handoff'],
  ])('reads the question about the office "%s" as %s', async (text, intent) => {
    expect((await shipped).recognize(text)?.intent ?? 'question').toBe(intent);
  });

  it.each([
    // Questions for the office's contact data: phone, e-mail, website, when it is reachable.
    ['Wie ist Ihre Telefonnummer?', 'contact'],
    ['Welche Telefonnummer hat die Beratungsstelle?', 'contact'],
    ['Haben Sie eine E-Mail-Adresse?', 'contact'],
    ['Gibt es eine Mailadresse vom Kompetenzzentrum?', 'contact'],
    ['Wann ist die Beratungsstelle telefonisch zu erreichen?', 'contact'],
    ['Was sind Ihre Sprechzeiten?', 'contact'],
    ['Bis wann ist Ihr Büro besetzt?', 'contact'],
    ['Wie erreiche ich die Beratungsstelle?', 'contact'],
    ['Wie kann man das Kompetenzzentrum erreichen?', 'contact'],
    ['Haben Sie eine Website?', 'contact'],
    ['Welche Telefonnummer hat das Kompetenzzentrum für interkommunale Zusammenarbeit?', 'contact'],
    ['Kontakt', 'contact'],
    ['Sind Sie nur per Chat erreichbar oder auch per Telefon?', 'contact'],
    // Abbreviations ("Tel.", "Nr.") and a compound the file lists itself: "Beratungsstelle" is no "Berater", a
    // "Telefonnummer" no call.
    ['Tel.-Nr.?', 'contact'],
    ['Tel. vom Kompetenzzentrum?', 'contact'],
    ['Ich brauche die Telefonnummer', 'contact'],
    // The addressee's own contact data asked for, whoever else is named ("mir").
    ['Könnten Sie mir bitte Ihre Durchwahl nennen?', 'contact'],
    ['Schicken Sie mir Ihre E-Mail-Adresse', 'contact'],
    // In a longer message (no contact reading there) the office's contact data asked for, naming no person nor the
    // asker to be reached ("unsere Unterlagen" does neither), is a question for the knowledge base, not a request.
    ['Haben Sie eine E-Mail-Adresse vom Beratungszentrum? Ich würde lieber schriftlich anfragen.', 'question'],
    ['Hat das Beratungszentrum ne Email Adresse, wo ich unsere Antragsunterlagen vorab zur Durchsicht hinschicken kann?', 'question'],
    ['Rufen Sie uns bitte an, die Nummer der Beratungsstelle haben wir nicht.', 'handoff'],
    // … but a person asked for, or the asker to be reached, is a request for a person (words.persons).
    ['Rufen Sie mich an', 'handoff'],
    ['Rufen Sie mich bitte an, meine Nummer ist 06421 12345.', 'handoff'],
    // A whole request to reach the asker beside the addressee's contact data is the request.
    ['Bitte rufen Sie mich zurück, Ihre Nummer habe ich nicht.', 'handoff'],
    ['Ich möchte telefonisch mit jemandem sprechen', 'handoff'],
    ['Wie erreiche ich einen Menschen?', 'handoff'],
    ['Telefontermin', 'handoff'],
    // Availability of a person: a person of the office in a question without a question word names the bot's side.
    ['Ist im Moment ein Berater zu sprechen?', 'handoff'],
    // A visit or meeting, the office's management, an explanation by a person, a reply asked for.
    ['Können Sie zu uns in den Gemeinderat kommen und das Programm erklären?', 'handoff'],
    ['Kommen Sie doch mal zu uns ins Rathaus', 'handoff'],
    ['Wäre ein Vor-Ort-Termin bei uns in der Gemeinde möglich?', 'handoff'],
    ['Gäbe es einen Termin bei uns in der Verwaltung?', 'handoff'],
    ['Ich möchte gern einen Termin bei Ihnen in Frankfurt.', 'handoff'],
    ['Ich möchte mit Ihrem Chef sprechen', 'handoff'],
    ['Bitte um Rückmeldung', 'handoff'],
    ['Kann mir das jemand in Ruhe erklären?', 'handoff'],
    // Restart in a question of its own words beside another sentence; a compound of the Förder-Check's words.
    ['Könnten wir bitte nochmal ganz von vorne beginnen? Da ist was schiefgelaufen.', 'restart'],
    ['Fangen wir von vorn an', 'restart'],
    ['Förderfähigkeitscheck', 'eligibility'],
    ['förderfähigkeitscheck bitte starten', 'eligibility'],
    // Both dialogs in several sentences: the last one asked for.
    ['Dass unsere Zusammenarbeit förderfähig ist, steht fest. Jetzt bitte die Schritte für den Antrag.', 'application'],
    ['Wir wollen einen Antrag stellen. Sind wir förderfähig?', 'eligibility'],
  ])('reads "%s" as %s', async (text, intent) => {
    expect((await shipped).recognize(text)?.intent ?? 'question').toBe(intent);
  });

  it.each([
    // Another body's phone number or e-mail is a question for the knowledge base, not the office's contact data.
    'Wie lautet die Nummer der Hessen3C-Hotline?',
    'Tel. des Regierungspräsidiums?',
    'Antrag Nr. 12 – wie ist der Stand?',
    'Welche Telefonnummer hat das Regierungspräsidium Gießen?',
    'Telefonnummer des Landratsamts?',
    'Wie erreiche ich die Kommunalaufsicht?',
    'Können wir den Antrag per E-Mail schicken?',
    // Questions about the office and its staff stay questions.
    'Was macht eine Beraterin?',
    'Wie viele Mitarbeiter hat die Beratungsstelle?',
    'Wer leitet die Beratungsstelle?',
    // "kommen", a wish and a restart's words in sentences that ask for none of them.
    'Wann kommt der Bescheid?',
    'Die Mitarbeiter kommen aus drei Gemeinden. Wie wird das Personal verteilt?',
    'Wir haben vom Regierungspräsidium noch keine Rückmeldung. Wie lange dauert das?',
    'Wir haben einen Termin beim RP. Was sollen wir mitbringen?',
    'Wir müssen mit der Planung von vorn anfangen, was heißt das für die Förderung?',
    'Können Sie mir erklären, was ein Zweckverband ist?',
    'Wann startet das neue Förderprogramm?',
  ])('leaves "%s" a question', async (text) => {
    expect((await shipped).recognize(text)).toBeUndefined();
  });

  it('makes no Förder-Check of words from two questions joined by "und", but finds one asked for in one of them', async () => {
    const recognizer = await shipped;
    expect(recognizer.recognize('Wie hoch ist die Förderung und wer prüft das?')).toBeUndefined();
    expect(recognizer.recognize('Förderfähigkeit prüfen')?.intent).toBe('eligibility');
  });
});
