import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { TEXT, contactAnswerText } from '../../src/bot/messages.js';
import { loadConfig } from '../../src/config/config.js';
import type { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import { LocalConversation } from '../../src/cli/local-conversation.js';
import { SHIPPED_KB, SMALL_KB, conversationWith, knowledgeOf, seen } from '../helpers/bot-harness.js';

describe('conversation basics', () => {
  it('greets a joining user with what it can do and suggested questions', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.start());
    expect(reply.text).toContain('IKZ-Assistent');
    expect(reply.text).toContain('nicht rechtsverbindlich');
    expect(reply.titles).toEqual(expect.arrayContaining(['Wer darf einen Antrag stellen?', TEXT.buttonHandoff]));
  });

  it.each([
    ['hilfe', 'So nutzen Sie den IKZ-Assistenten'],
    ['Hilfe!', 'So nutzen Sie den IKZ-Assistenten'],
    ['danke', 'Gern geschehen'],
    ['Hallo', 'Was möchten Sie zur interkommunalen Zusammenarbeit wissen?'],
    ['Ich möchte mit einem Berater sprechen', 'Für welche Kommune oder Stelle fragen Sie?'],
    ['persönliche Beratung', 'Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater'],
  ])('answers "%s" itself', async (message, expected) => {
    const { conversation } = await conversationWith(SMALL_KB);
    expect(seen(await conversation.say(message)).text).toContain(expected);
  });

  it('answers a question that reads like a request for help but asks about a word the help does not explain', async () => {
    // "… den Antarg stellen" shares its asking with "Welche Fragen kann ich stellen?"; the typo is the question's subject.
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('Wer darf bei uns den Antarg stellen, und wo reich ich den dann ein?'));
    expect(reply.text).not.toContain('So nutzen Sie den IKZ-Assistenten');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer' });
  });

  it('restarts on "neu starten": confirms, greets again and forgets the conversation state', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    await conversation.say('Wie hoch ist die Hundesteuer?');
    const reply = seen(await conversation.say('neu starten'));
    expect(reply.text).toContain(TEXT.restarted);
    expect(reply.text).toContain('IKZ-Assistent');
  });

  it('declines a message that is far too long, kindly and without searching', async () => {
    const { conversation, outcomes } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.say('Förderung '.repeat(10_000)));
    expect(reply.text).toContain('zu lang');
    expect(outcomes.at(-1)?.outcome).toBe('smalltalk');
  });

  it('asks for text when only a file arrives', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    const reply = seen(
      await conversation.send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }] }),
    );
    expect(reply.text).toContain('nur Textnachrichten');
  });
});

describe('answers from the knowledge base', () => {
  it('answers with the article, its source and its date, and offers related topics', async () => {
    const { conversation, outcomes } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.say('Wie viel Geld gibt es für drei Kommunen?'));
    expect(reply.text).toContain('75.000 €');
    expect(reply.text).toContain('Quelle: Testquelle Förderhöhe (https://example.org/foerderhoehe)');
    expect(reply.text).toContain('Stand: 07.12.2021 (RV 2021)');
    expect(reply.titles).toEqual(['Unterlagen für den Antrag', TEXT.buttonHandoff, TEXT.buttonHelpful, TEXT.buttonNotHelpful]);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'foerderhoehe' });
  });

  it('shows the section that fits the question after the short answer, not the whole article', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.say('Zuwendung für einen Gemeindeverwaltungsverband'));
    expect(reply.text).toContain('75.000 €');
    expect(reply.text).toContain('je Mitgliedsgemeinde');
    expect(reply.text).not.toContain('Ortsteilfeuerwehren');
  });

  it('shows internal links as plain text, since a chat cannot open them', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.say('Welche Unterlagen braucht ein Zweckverband für den Antrag?'));
    expect(reply.text).toContain('Mehr zur Förderhöhe');
    expect(reply.text).not.toContain('foerderhoehe.md');
  });

  it('opens a related topic when its button is pressed', async () => {
    const { conversation, outcomes } = await conversationWith(SMALL_KB);
    const first = seen(await conversation.say('Wie viel Geld gibt es für drei Kommunen?'));
    const second = seen(await conversation.send(first.buttons[0]!.press));
    expect(second.text).toContain('Zum Antrag gehören die Beschlüsse');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'antragsunterlagen' });
  });

  it('asks which topic is meant when two unrelated articles fit equally', async () => {
    const { conversation, outcomes } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.say('Kita Verwaltung'));
    expect(reply.text).toContain(TEXT.clarify);
    expect(reply.titles).toEqual(expect.arrayContaining(['Gemeinsame Kita-Verwaltung', 'Kita-Verwaltung im Vergleich', TEXT.clarifyNone]));
    expect(outcomes.at(-1)?.outcome).toBe('clarify');
  });

  it.each([
    ['Wie hoch ist die Hundesteuer in Kassel?', TEXT.noAnswer],
    ['Welche Förderung gibt es in Bayern?', TEXT.outsideScope],
    ['!!!', TEXT.emptyQuestion],
  ])('says honestly that it cannot answer "%s" and offers an advisor', async (question, text) => {
    const { conversation, outcomes } = await conversationWith(SMALL_KB);
    const reply = seen(await conversation.say(question));
    expect(reply.text).toContain(text);
    expect(reply.titles).toContain(TEXT.buttonHandoff);
    expect(outcomes.at(-1)?.outcome).toBe('no_answer');
  });

  it('says that another Land is outside when two questions ask about its programme ("dort", "sie")', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(
      await conversation.say(
        'Eine Kollegin meinte, in Bayern gibt es ebenfalls eine Förderung für interkommunale Zusammenarbeit. Wie hoch ist die dort und wer bewilligt sie?',
      ),
    );
    expect(reply.text).toContain(TEXT.outsideScope);
    expect(outcomes.at(-1)?.outcome).toBe('no_answer');
  });

  it('starts the handoff from the button under an unanswered question', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    const noAnswer = seen(await conversation.say('Wie hoch ist die Hundesteuer?'));
    const handoff = noAnswer.buttons.find((b) => b.title === TEXT.buttonHandoff)!;
    expect(seen(await conversation.send(handoff.press)).text).toContain('Für welche Kommune oder Stelle fragen Sie?');
  });

  it('offers a person plainly after the second unanswered question in a row', async () => {
    const { conversation } = await conversationWith(SMALL_KB);
    expect(seen(await conversation.say('Wie hoch ist die Hundesteuer?')).text).toContain(TEXT.noAnswer);
    expect(seen(await conversation.say('Wann ist Sperrmüll?')).text).toContain(TEXT.noAnswerAgain);
  });

  it('ignores a forged button payload and treats the message as text', async () => {
    const { conversation, outcomes } = await conversationWith(SMALL_KB);
    await conversation.send({ type: 'message', text: 'Förderhöhe', value: { action: 'article', id: '../../etc/passwd' } });
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'foerderhoehe' });
  });
});

describe('answers on the shipped knowledge base', () => {
  it.each([
    ['Wer darf den Antrag auf IKZ-Förderung stellen?', 'antragsberechtigung'],
    ['Wie viel Geld bekommen drei Gemeinden für eine Kooperation?', 'foerderhoehe'],
    ['Welche Dokumente braucht der Förderantrag?', 'antragsunterlagen'],
    ['Was ist ein Gemeindeverwaltungsverband?', 'gemeindeverwaltungsverband'],
    ['Was kostet der Incident Response Service beim AKC?', 'akc'],
  ])('answers "%s" from %s', async (question, articleId) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
    // A day, a month or a year as exactly as the source gives it, or an undated source with the month it was checked.
    expect(reply.text).toMatch(/Quelle: .+ · (Stand: (\d{2}\.\d{2}\.)?\d{4}|Stand: \p{L}+ \d{4}|Quelle undatiert, geprüft \p{L}+ \d{4})/u);
  });

  it.each([
    'Wie beantrage ich einen Bauantrag für eine Garage?',
    'Was kostet ein Hundeführerschein in Hessen?',
    'Gibt es in Niedersachsen Geld für Zusammenarbeit von Gemeinden?',
    'Erzähl mir einen Witz',
    'Wie wird das Wetter morgen in Wiesbaden?',
  ])('never answers the unrelated question "%s" with confidence', async (question) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(question);
    expect(outcomes.at(-1)?.outcome).toBe('no_answer');
  });
});

describe('whether a plan is funded: the rules for the points of the plan the user tells', () => {
  /** The reply to one message on the shipped knowledge base. */
  const replyTo = async (message: string) => seen(await (await conversationWith(SHIPPED_KB)).conversation.say(message)).text;

  it.each<[string, string, string[]]>([
    [
      'the rule on two partners and on a private-law form, each with its source',
      'Nur wir und eine Nachbargemeinde, den Bauhof als gemeinsame GmbH – ist das förderfähig?',
      [
        'Zu Ihrem Vorhaben sagen die Förderregeln',
        '2 reichen nur in begründeten Ausnahmefällen',
        'Privatrechtliche Form: nach der Rahmenvereinbarung förderfähig. (Quelle: ',
      ],
    ],
    [
      'honestly, that the sources leave open whether a running cooperation is still funded',
      'Unsere drei Gemeinden arbeiten schon seit 2017 beim Ordnungsamt zusammen. Wird das noch gefördert?',
      ['Die Zusammenarbeit läuft bereits (seit 2017)', 'zeitlicher Nähe'],
    ],
    [
      'what the rules say of each legal form the plan weighs',
      'Für die gemeinsame Kasse: ist ein Zweckverband oder eine GmbH besser für die Förderung?',
      ['Form nach dem KGG: nach der Rahmenvereinbarung förderfähig.', 'Privatrechtliche Form: nach der Rahmenvereinbarung förderfähig.'],
    ],
    [
      'the rule for a cooperation of Landkreise alone',
      'Zwei Landkreise wollen ihre Schulverwaltung bündeln, ohne kreisangehörige Gemeinden. Förderfähig?',
      ['Seit 2016 sind auch Kooperationen förderfähig, an denen nur Landkreise beteiligt sind.'],
    ],
    [
      'the rules also when a yes/no question about money asks whether the plan is funded',
      'Wir und der Nachbarkreis wollen die Kfz-Zulassung zusammenlegen, ohne Gemeinden. Gibts dafür IKZ-Geld?',
      ['Seit 2016 sind auch Kooperationen förderfähig, an denen nur Landkreise beteiligt sind.'],
    ],
    [
      'the partners rule when a yes/no question asks whether a count of partners is possible',
      'Klappt so eine Kooperation auch zu zweit, nur wir und der Nachbarort?',
      ['Zu Ihrem Vorhaben sagen die Förderregeln', '2 reichen nur in begründeten Ausnahmefällen'],
    ],
  ])('adds %s', async (_name, message, expected) => {
    const text = await replyTo(message);
    for (const line of expected) expect(text).toContain(line);
  });

  it.each([
    'Wir sind zwei Gemeinden. Welche Rechtsformen gibt es für eine Zusammenarbeit?',
    // Whether something is possible, with no count of partners: the plan's other points are not asked about.
    'Kann ein Zweckverband den Antrag selbst stellen?',
  ])('adds nothing to a question that does not ask whether the plan is funded: %s', async (message) => {
    const text = await replyTo(message);
    expect(text).not.toContain('Zu Ihrem Vorhaben sagen die Förderregeln');
  });
});

describe('questions for the office’s contact data', () => {
  it.each([
    'Wie ist Ihre Telefonnummer?',
    'Unter welcher Nummer kann ich Sie anrufen?',
    'Haben Sie eine E-Mail-Adresse?',
    'Wann ist die Beratungsstelle telefonisch zu erreichen?',
    'Was sind Ihre Sprechzeiten?',
    'Wie erreiche ich die Beratungsstelle?',
    'Sind Sie nur per Chat erreichbar oder auch per Telefon?',
  ])('answers "%s" with the configured contact data and the handoff button, as an answer', async (question) => {
    const { conversation, outcomes, office } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: undefined, intent: 'contact' });
    expect(reply.text).toContain(office.phone);
    expect(reply.text).toContain(office.url);
    expect(reply.text).toContain('Mo–Fr 08:00–16:00 Uhr');
    // No e-mail address is configured by default: none is made up.
    expect(office.email).toBe('');
    expect(reply.text).not.toMatch(/@|E-Mail:/);
    expect(reply.titles).toEqual([TEXT.buttonHandoff]);
  });

  it('answers a question asked beside the request for contact data, with the contact data', async () => {
    const { conversation, outcomes, office } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('Wer hat das Beratungszentrum gegründet, und wie kann ich Sie anrufen?'));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'beratungszentrum' });
    expect(reply.text).toContain('kommunalen Spitzenverbände');
    expect(reply.text).toContain(office.phone);
  });

  it.each(['Haben Sie eine E-Mail-Adresse?', 'Email Adresse vom Beratungszentrum IKZ?'])(
    'says honestly that it knows no e-mail address when none is configured and "%s" asks for one',
    async (question) => {
      const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
      const reply = seen(await conversation.say(question));
      expect(reply.text).toContain('Eine E-Mail-Adresse der Beratungsstelle ist mir nicht bekannt.');
      // A question about the office, answered with the ways of contact it has.
      expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', intent: 'contact' });
    },
  );

  it('gives only the configured ways, and the office hours without a phone as when the office is staffed', () => {
    const office = { name: 'Beratungsstelle', phone: '', email: '', url: 'https://example.org/' };
    const text = contactAnswerText(office, 'Mo–Fr 08:00–16:00 Uhr', ['phone']);
    expect(text).toContain('Eine Telefonnummer der Beratungsstelle ist mir nicht bekannt.');
    expect(text).toContain('- Website: https://example.org/');
    expect(text).toContain('Die Beratungsstelle ist Mo–Fr 08:00–16:00 Uhr besetzt.');
    expect(text).not.toMatch(/Telefon:|E-Mail:/);
  });

  it('names the e-mail address when one is configured', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const office = loadConfig({ OFFICE_EMAIL: 'ikz@example.org', OFFICE_PHONE: '0611 1234' }).office;
    const bundle = createBot({ knowledge, office, logger: silentLogger() });
    const reply = seen(await new LocalConversation(bundle).say('Gibt es eine Mailadresse vom Kompetenzzentrum?'));
    expect(reply.text).toContain('E-Mail: ikz@example.org');
    expect(reply.text).toContain('Telefon: 0611 1234');
  });

  it.each([
    // Another body's phone number stays a question for the knowledge base.
    'Welche Telefonnummer hat die Hessen3C-Hotline?',
    'Wie erreiche ich das Regierungspräsidium telefonisch?',
  ])('leaves "%s" to the knowledge base', async (question) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(question);
    expect(outcomes.at(-1)?.intent).toBeUndefined();
  });

  it.each(['Rufen Sie mich an', 'Ich möchte telefonisch mit jemandem sprechen', 'Ist gerade eine Beraterin erreichbar?'])(
    'starts the handoff for the request for a person "%s"',
    async (message) => {
      const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
      await conversation.say(message);
      expect(outcomes.at(-1)).toMatchObject({ outcome: 'dialog', dialog: 'handoff' });
    },
  );
});

describe('a failing turn', () => {
  it('apologises in German, keeps the conversation usable and never leaks the error', async () => {
    const real = await knowledgeOf(SMALL_KB);
    let fail = true;
    const flaky = {
      answer: (q: string) => {
        if (fail) throw new Error('index exploded');
        return real.answer(q);
      },
      article: (id: string) => real.article(id),
    } as unknown as KnowledgeService;
    const bundle = createBot({ knowledge: flaky, office: loadConfig({}).office, logger: silentLogger() });
    const conversation = new LocalConversation(bundle);
    const broken = seen(await conversation.say('Förderhöhe'));
    expect(broken.text).toBe(TEXT.apology);
    expect(broken.text).not.toContain('exploded');
    fail = false;
    expect(seen(await conversation.say('Förderhöhe')).text).toContain('75.000 €');
  });
});

describe('understanding what municipal staff write', () => {
  it.each([
    'Ich möchte mit einer Beraterin sprechen.',
    'Bitte verbinden Sie mich mit der zuständigen Sachbearbeiterin.',
    'Ich hätte gern einen Rückruf wegen unseres Zweckverbands.',
    'Können Sie mir eine Ansprechpartnerin nennen?',
    'Wir sind unsicher und würden das lieber persönlich mit einem Berater besprechen.',
    'Können wir einen Termin mit der Beratungsstelle vereinbaren?',
    'Ich möchte mit einem Menschen reden, nicht mit einem Bot.',
    'Sehr geehrte Damen und Herren,\nbitte rufen Sie mich zurück.\nMit freundlichen Grüßen\nPetra Muster',
  ])('starts the handoff for the request for a person "%s"', async (message) => {
    const { conversation } = await conversationWith(SMALL_KB);
    expect(seen(await conversation.say(message)).text).toContain('Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater');
  });

  it('answers a question asked beside a request for a person first, then starts the handoff', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(
      await conversation.say(
        'Wir hätten gern einen Gesprächstermin mit einer Beraterin. Vorab: Wie viel Förderung gibt es für vier Gemeinden?',
      ),
    );
    expect(reply.text).toContain('100.000 €');
    expect(reply.text).toContain('Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater');
    expect(reply.text.indexOf('100.000 €')).toBeLessThan(reply.text.indexOf('Gern gebe ich Ihr Anliegen'));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'dialog', dialog: 'handoff' });
  });

  it('starts the handoff without a no-answer first when the question beside the request has no answer', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('Ich möchte mit einem Berater über unsere Grundsteuer-Hebesätze sprechen.'));
    expect(reply.text).not.toContain('keine verlässliche Antwort');
    expect(reply.text).toContain('Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater');
  });

  it.each([
    ['Was macht die Beratungsstelle?', 'beratungszentrum'],
    ['Kostet die Beratung etwas?', 'haushaltsberatung'],
  ])('answers the question about the office "%s" from the knowledge base', async (question, articleId) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(reply.text).not.toContain('Gern gebe ich Ihr Anliegen');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
  });

  it.each([
    ['an offer to be reached', 'Für Rückfragen stehe ich gern zur Verfügung.'],
    // "verbunden" here is being obliged; read as "Verbinden Sie mich" it started the handoff.
    ['thanks for an assessment', 'Für eine Einschätzung wäre ich Ihnen sehr verbunden.'],
  ])('answers a letter by its content, not its salutation, %s and signature', async (_name, closing) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(
      `Sehr geehrte Damen und Herren,\n\nunser Bürgermeister möchte wissen, wie lange die Bearbeitung eines Förderantrags dauert. ${closing}\n\nMit freundlichen Grüßen\nPetra Muster\nHauptamt Gemeinde Beispielstadt`,
    );
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'antragsverfahren' });
  });

  it.each([
    'Was ist ein Gemeindeverwaltungsverband? Und wie viel Geld gibt es dafür?',
    // An abbreviation typed in lower case is the thing "dafür" points back to.
    'was ist ein gvv genau und was zahlt das land dafuer?',
  ])('answers both of two questions, each with its source: "%s"', async (message) => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(message));
    expect(reply.text).toContain(TEXT.twoAnswersIntro);
    expect(reply.text).toContain('1. Gemeindeverwaltungsverband (GVV)');
    expect(reply.text).toContain('2. Förderung für einen Gemeindeverwaltungsverband');
    expect(reply.text).toContain('150.000 €');
    expect(reply.text.match(/Quelle: /g)).toHaveLength(2);
  });

  it('offers the dialog the articles of two answers offer, with the validity notice', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB, () => new Date('2026-12-02T10:00:00Z'));
    const reply = seen(await conversation.say('Welche Unterlagen brauche ich für den Antrag und wohin schicke ich ihn?'));
    expect(reply.text).toContain(TEXT.twoAnswersIntro);
    expect(reply.titles[0]).toBe(TEXT.buttonApplication);
    expect(reply.text).toContain('gilt laut Beratungszentrum bis Ende 2026');
  });

  it('answers the question it can and offers the other as a button', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('Was ist ein Zweckverband? Wie hoch ist die Hundesteuer in Kassel?'));
    expect(reply.text).toContain('Ein Zweckverband ist eine eigenständige juristische Person');
    expect(reply.titles[0]).toBe('Wie hoch ist die Hundesteuer in Kassel?');
    const second = seen(await conversation.send(reply.buttons[0]!.press));
    expect(second.text).toContain(TEXT.noAnswer);
  });

  it('shows the key sentence of each side of a comparison, with both sources', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(
      await conversation.say('Was ist der Unterschied zwischen einem Zweckverband und einer öffentlich-rechtlichen Vereinbarung?'),
    );
    expect(reply.text).toContain('Zweckverband: Ein Zweckverband ist eine eigenständige juristische Person');
    expect(reply.text).toContain('Öffentlich-rechtliche Vereinbarung: Mit einer öffentlich-rechtlichen Vereinbarung');
    expect(reply.text).toContain('Quelle: Regierungspräsidium Darmstadt – Zweckverbandsrecht');
    expect(reply.text.match(/Quelle: /g)).toHaveLength(2);
  });

  it('compares the computed amounts when a comparison asks about money, with the validity notice', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB, () => new Date('2026-12-02T10:00:00Z'));
    const reply = seen(
      await conversation.say('Wir sind vier Gemeinden. Normale IKZ-Kooperation oder gleich GVV – was bringt vom Land finanziell mehr?'),
    );
    expect(reply.text).toContain('in der Regel 100.000 € für eine Kooperation von vier Kommunen');
    expect(reply.text).toContain('in der Regel 600.000 € für einen Gemeindeverwaltungsverband aus vier Gemeinden (4 × 150.000 €');
    expect(reply.text.match(/Quelle: /g)).toHaveLength(2);
    expect(reply.text).toContain('gilt laut Beratungszentrum bis Ende 2026');
  });

  it('shows the section the second of two questions asks for when the whole message has one article', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(
      await conversation.say(
        'Wer gibt am Ende grünes Licht für unser Geld, der Landrat oder jemand in Wiesbaden? Und hat das Finanzministerium auch was mitzureden?',
      ),
    );
    expect(reply.text).toContain('Innenministerium in Wiesbaden, das über die Förderung entscheidet');
    expect(reply.text).toContain('Hessische Ministerium der Finanzen (Finanzministerium) beteiligt');
  });

  it('compares two things when "was spricht für X und was für Y" reads like two questions', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('Was spricht für einen Zweckverband und was für eine öffentlich-rechtliche Vereinbarung?'));
    expect(reply.text).toContain('Zweckverband und Öffentlich-rechtliche Vereinbarung im Vergleich');
    expect(reply.text.match(/Quelle: /g)).toHaveLength(2);
  });

  it.each([
    [
      'Was lohnt sich für uns mehr: unsere drei Ortsteilwehren zu einer zusammenlegen oder mit zwei Nachbargemeinden die Verwaltung der Feuerwehr gemeinsam machen?',
      'in der Regel 45.000 € für die Fusion von drei Ortsteilfeuerwehren',
    ],
    [
      'Unsere Gemeinde hat 4 Ortsteilwehren, die fusionieren könnten. Alternativ könnten wir mit 2 Nachbarkommunen die Feuerwehrtechnik gemeinsam beschaffen und warten. Was bringt mehr Förderung?',
      'in der Regel 60.000 € für die Fusion von vier Ortsteilfeuerwehren',
    ],
  ])('compares the amounts of two plans told as clauses: %j', async (message, brigades) => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(message));
    expect(reply.text).toContain(brigades);
    expect(reply.text).toContain('in der Regel 75.000 € für eine Kooperation von drei Kommunen');
  });

  it.each([
    [
      'Was gibt es für die Fusion von zwei Ortsteilwehren?',
      'Und bekommen wir für die neue Fahrzeughalle noch einen Baukostenzuschuss dazu?',
    ],
    [
      'Wie hoch ist die Förderung für eine Fusion von Ortsteilfeuerwehren?',
      'Und gibt es für das neue Gerätehaus extra eine Ausstattungspauschale?',
    ],
  ])('after "%s", answers a follow-up about another kind of payment honestly, not with the topic: "%s"', async (first, followUp) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(first);
    const reply = seen(await conversation.say(followUp));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('15.000 €');
  });

  it('reads "wieviel" in one word as a question word: the cap of the topic, not the amounts of a cooperation', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    await conversation.say('Gibt es einen Zuschuss für eine Machbarkeitsstudie?');
    const reply = seen(await conversation.say('wieviel gibts da maximal?'));
    expect(reply.text).toContain('Höchstbetrag');
    expect(reply.text).not.toContain('75.000 €');
  });

  it.each([
    ['Wie viel Förderung gibt es für drei Gemeinden?', 'Und für fünf?', 'foerderhoehe', '100.000 €'],
    ['Wie viel Förderung gibt es für drei Gemeinden?', 'Und wenn noch eine weitere Gemeinde mitmacht?', 'foerderhoehe', '100.000 €'],
    ['Was ist ein Gemeindeverwaltungsverband?', 'Wie viel Geld gibt es dafür?', 'foerderhoehe-gvv', '150.000 €'],
    ['Wie läuft das Antragsverfahren ab?', 'Und wohin schicken wir ihn?', 'antragsverfahren', 'Dienstweg'],
    ['Was ist ein Zweckverband?', 'Und eine Arbeitsgemeinschaft?', 'arbeitsgemeinschaft', 'keine eigene Rechtspersönlichkeit'],
    [
      'was ist eine oeffentlich-rechtliche vereinbarung nach KGG?',
      'und ne arbeitsgemeinschaft?',
      'arbeitsgemeinschaft',
      'keine eigene Rechtspersönlichkeit',
    ],
    ['was fuer foerderung gibts wenn wir nen GVV gruenden?', 'und bei ner fusion?', 'entschuldungshilfe-fusion', '450 € je Einwohner'],
    ['Wie viel Förderung bekommt ein GVV?', 'wie wär das bei nem gvv mit nur 2 gemeinden?', 'foerderhoehe-gvv', '300.000 €'],
    ['Was ist ein GVV genau?', 'wieviel Förderung gibts dafür?', 'foerderhoehe-gvv', '150.000 €'],
    // A yes/no question for money names nothing of its own: the topic's case, not the preparation grants it shares words with.
    ['Was ist ein Gemeindeverwaltungsverband genau?', 'Bekommt man dafür auch Geld vom Land?', 'foerderhoehe-gvv', '150.000 €'],
    // A bare question word names no topic, though another article's title has it ("Wann muss der Antrag gestellt werden?").
    ['wer hat in hessen ausser oberzent noch freiwillig fusioniert', 'und wann?', 'fusion', '2020'],
    // Another case named after a question that was not about money asks about that thing, not its amount.
    [
      'Wann ist in Hessen der erste Gemeindeverwaltungsverband entstanden und wer war das?',
      'und die erste freiwillige fusion nach der gebietsreform?',
      'fusion',
      'Grenzänderungsvertrag',
    ],
    // A detail the topic's article lacks, which an article it links as related has (the procedure: 2 to 3 months).
    [
      'So, unser Gruppenantrag ist jetzt komplett beim Kreis abgegeben, alle Beschlüsse und der Vertrag liegen bei.',
      'wie lange dauert sowas bis zum bescheid',
      'antragsverfahren',
      '2 bis 3 Monate',
    ],
  ])('after "%s" reads "%s" against that topic', async (first, followUp, articleId, fact) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(first);
    const reply = seen(await conversation.say(followUp));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
    expect(reply.text).toContain(fact);
  });
  it.each([
    ['Wie viel Förderung gibt es, wenn wir die Kasse mit zwei Nachbarorten zusammenlegen?', 'Und müssen wir dann Umsatzsteuer zahlen?'],
    ['Wie viel Förderung gibts für einen Gemeindeverwaltungsverband?', 'ist das dann steuerpflichtig fuer die gemeinden?'],
    [
      'Wir wollen den Bauhof mit der Nachbargemeinde zusammenlegen. Wird das gefördert?',
      'Können wir die Mitarbeiter dann zur Nachbargemeinde abordnen?',
    ],
    // A product the articles do not know, asked for in lower case.
    ['was ist das AKC von hessen3c', 'und welche firewall sollen wir da kaufen, sophos oder fortinet?'],
    // Or as a hyphenated compound, whose last part names the thing, also where the topic's article names providers.
    ['Was ist das AKC?', 'Welche Router-Fabrikate empfehlen die dort?'],
    ['Was ist das AKC?', 'Welche Backup-Produkte nutzen die dort?'],
  ])('after "%s" says honestly that it cannot answer "%s" (a field no article has)', async (first, followUp) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(first);
    const reply = seen(await conversation.say(followUp));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).toContain(TEXT.noAnswer);
  });

  it.each([
    ['Wie beantragen wir die IKZ-Förderung?', 'welche unterlagen brauchts?', 'antragsunterlagen', 'Beschlüsse'],
    // A fragment that names another thing of the programme asks about that thing, not about the topic's.
    [
      'Um wie viel Prozent müssen die Kosten bei einer geförderten IKZ sinken?',
      'und mindestlaufzeit?',
      'foerdervoraussetzungen',
      '5 Jahre',
    ],
  ])('after "%s" answers "%s", which asks for a thing of its own, on its own', async (first, followUp, articleId, fact) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(first);
    const reply = seen(await conversation.say(followUp));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
    expect(reply.text).toContain(fact);
  });

  it('says which topic a follow-up was read against when the message does not', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    await conversation.say('Was ist ein Gemeindeverwaltungsverband?');
    expect(seen(await conversation.say('Wie viel Geld gibt es dafür?')).text).toContain(
      'Bezogen auf: Gemeindeverwaltungsverband (GVV) nach § 30 KGG',
    );
  });

  it.each([
    ['Wie viel Förderung gibt es für drei Gemeinden?', 'Was ist ein Zweckverband?', 'zweckverband'],
    // A new question joined by "und gibts … ne <Sache>" stands on its own, too.
    [
      'brauchen wir nen beschluss der gemeindevertretung fuer den antrag?',
      'und gibts vom land eigentlich auch ne beratung zu unserem haushalt? unser kaemmerer fragt',
      'haushaltsberatung',
    ],
  ])('after "%s" starts afresh with a new full question: "%s"', async (first, next, articleId) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(first);
    const reply = seen(await conversation.say(next));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
    expect(reply.text).not.toContain('Bezogen auf');
  });

  it('asks inside the Förder-Check whether to leave it for a person, and goes on when the user says no', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    await conversation.say('Förder-Check');
    await conversation.say('Gemeinde');
    const asked = seen(await conversation.say('Ich würde das lieber mit einer Beraterin besprechen.'));
    expect(asked.text).toContain('Soll ich dafür den Förder-Check beenden');
    expect(asked.titles).toEqual([TEXT.buttonLeaveForHandoff, TEXT.buttonStayInDialog]);
    const stayed = seen(await conversation.say(TEXT.buttonStayInDialog));
    expect(stayed.text).toContain(TEXT.stayInDialog);
    expect(stayed.text).toContain('Sind alle Beteiligten hessische Kommunen?');
    await conversation.say('Bitte verbinden Sie mich mit jemandem.');
    expect(seen(await conversation.say('Ja')).text).toContain('Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater');
  });

  it('starts the Förder-Check for a bare request, and answers first when the message asks something concrete', async () => {
    const bare = await conversationWith(SHIPPED_KB);
    expect(seen(await bare.conversation.say('Sind wir förderfähig?')).text).toContain('Gern prüfe ich mit Ihnen');
    const concrete = await conversationWith(SHIPPED_KB);
    const reply = seen(await concrete.conversation.say('Vier Gemeinden gründen einen GVV – mit wie viel Fördergeld können wir rechnen?'));
    expect(reply.text).toContain('150.000 €');
    expect(reply.text).toContain(TEXT.offerEligibility);
    expect(reply.titles[0]).toBe(TEXT.buttonEligibility);
  });
});

describe('leaving a guided dialog for a person', () => {
  it('takes a button of the dialog pressed instead as the answer to the dialog, not as "Ja"', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    await conversation.say('Förder-Check');
    const question = seen(await conversation.say('Gemeinde'));
    await conversation.say('Kann ich das mit einem Berater besprechen?');
    const next = seen(await conversation.send(question.buttons.find((b) => b.title === 'Ja, alle aus Hessen')!.press));
    expect(next.text).not.toContain('Gern gebe ich Ihr Anliegen');
    expect(next.text).toContain('Förder-Check – Frage 3');
  });
});
