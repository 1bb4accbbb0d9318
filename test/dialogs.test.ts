import { MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { describe, expect, it } from 'vitest';
import { EligibilityDialog } from '../dialogs/eligibility-dialog.js';
import { createBot } from '../src/bot/create-bot.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { TEXT } from '../src/bot/messages.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/logging/logger.js';
import { LocalConversation } from '../src/runtime/local-conversation.js';
import { SHIPPED_KB, conversationWith, knowledgeOf, seen } from './helpers/bot-harness.js';
import { programmeWithSuccessor, shippedProgramme } from './helpers/programme.js';

type Turn = string | { press: string };

/** Plays user turns (typed text, or a button pressed by its title) and returns what the user saw last. */
async function play(conversation: LocalConversation, turns: Turn[]) {
  let last = seen([]);
  for (const turn of turns) {
    if (typeof turn === 'string') {
      last = seen(await conversation.say(turn));
    } else {
      const button = last.buttons.find((b) => b.title === turn.press);
      if (!button) throw new Error(`no button "${turn.press}" in: ${last.titles.join(' | ')}`);
      last = seen(await conversation.send(button.press));
    }
  }
  return last;
}

/** Answers of a complete cooperation check, in words as users type them. */
const cooperation = (partners: string, savings: string): Turn[] => [
  'Förder-Check',
  'Gemeinde',
  'ja',
  'Zusammenarbeit von Kommunen',
  partners,
  { press: 'IT, Digitalisierung, Datenschutz, Cybersicherheit' },
  'im Wesentlichen',
  { press: 'Öffentlich-rechtlicher Vertrag (§§ 54 ff. HVwVfG)' },
  'auf Dauer',
  savings,
  'noch nicht begonnen',
];

describe('Förder-Check', () => {
  it.each<[string, Turn[], string, string]>([
    ['3 municipalities in IT with 20 % savings', cooperation('3', '20 %'), 'Voraussichtlich förderfähig', 'Geschätzte Förderung: 75.000 €'],
    [
      '2 municipalities (only as an exception)',
      cooperation('zwei', '20 Prozent'),
      'Förderfähig mit offenen Punkten',
      'Geschätzte Förderung: 50.000 €',
    ],
    ['10 % savings', cooperation('3', '10 %'), 'Voraussichtlich nicht förderfähig', 'wenn alle Voraussetzungen erfüllt wären: 75.000 €'],
    [
      '4 municipalities in a GVV',
      ['Sind wir förderfähig?', 'Gemeinde oder Stadt', 'ja', 'GVV', '4', 'unbefristet', '25 %', 'noch nicht'],
      'Voraussichtlich förderfähig',
      'Geschätzte Förderung: 600.000 €',
    ],
    [
      '5 fire brigades (no savings question: the sources do not apply the 15 % rule to them)',
      ['foerder-check', 'gemeinde', 'ja', 'Feuerwehr', 'fünf', 'noch nicht'],
      'Voraussichtlich förderfähig',
      'Geschätzte Förderung: 75.000 €',
    ],
    ['a voluntary merger', ['Förder-Check', 'Gemeinde', 'ja', 'Fusion', '2'], 'Voraussichtlich förderfähig', '450 € je Einwohner'],
  ])('ends %s with the right verdict and estimate', async (_name, turns, verdict, estimate) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const result = await play(conversation, turns);
    expect(result.text).toContain(verdict);
    expect(result.text).toContain(estimate);
    expect(result.text).toContain('Rechtsanspruch');
    expect(result.text).toMatch(/Quelle: .+ \(https:\/\/beratungszentrum\.hessen\.de/);
    expect(result.titles).toEqual(['Nächste Schritte', 'An Beratung übergeben', 'Neu starten']);
    expect(outcomes.at(-1)?.outcome).toBe('dialog');
  });

  it("computes the savings from today's and the joint costs", async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const turns = cooperation('3', 'x');
    turns.splice(9, 1, { press: 'Aus den Kosten berechnen' }, '400.000 €', '320.000');
    const result = await play(conversation, turns);
    expect(result.text).toContain('20 % pro Jahr (berechnet aus 400.000 € heute und 320.000 € gemeinsam)');
  });

  it('re-asks with a helpful message on nonsense', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = await play(conversation, ['Förder-Check', 'Gemeinde', 'ja', 'Zusammenarbeit von Kommunen', 'ganz viele']);
    expect(reply.text).toContain('Bitte geben Sie die Zahl als ganze Zahl an');
    expect(reply.text).toContain('Wie viele Kommunen arbeiten zusammen');
  });

  it('goes back one question on "zurück" and takes the new answer', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const back = await play(conversation, ['Förder-Check', 'Landkreis', 'zurück']);
    expect(back.text).toContain('Wer stellt den Antrag?');
    const next = await play(conversation, ['Gemeinde', 'ja']);
    expect(next.text).toContain('Um welche Art von Vorhaben geht es?');
  });

  it('leaves the dialog on "abbrechen" and answers questions again', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const cancelled = await play(conversation, ['Förder-Check', 'Gemeinde', 'abbrechen']);
    expect(cancelled.text).toContain('Der Förder-Check ist abgebrochen');
    await play(conversation, ['Wie lange muss eine Kooperation mindestens bestehen?']);
    expect(outcomes.at(-1)?.outcome).toBe('answer');
  });

  it('answers a free question in the middle and resumes where it stopped', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const reply = await play(conversation, ['Förder-Check', 'Gemeinde', 'ja', 'was ist ein GVV?']);
    expect(reply.text).toContain('Gemeindeverwaltungsverband');
    expect(reply.text).toContain('§ 30');
    expect(reply.text).toContain('Weiter mit dem Förder-Check');
    expect(reply.text).toContain('Um welche Art von Vorhaben geht es?');
    const after = await play(conversation, ['GVV']);
    expect(after.text).toContain('Wie viele Gemeinden sollen Mitglied');
    const again = await play(conversation, ['Was ist ein Zweckverband?']);
    expect(again.text).toContain('juristische Person');
    expect(again.text).toContain('Wie viele Gemeinden sollen Mitglied');
  });

  it('ignores a button of an earlier question', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    await conversation.say('Förder-Check');
    const first = seen(await conversation.say('Gemeinde'));
    expect(first.text).toContain('Sind alle Beteiligten hessische Kommunen?');
    const stale = seen(
      await conversation.send({ type: 'message', text: 'Landkreis', value: { action: 'choice', step: 'applicant', value: 'landkreis' } }),
    );
    expect(stale.text).toContain('Diese Schaltfläche gehört zu einer früheren Frage.');
    expect(stale.text).toContain('Sind alle Beteiligten hessische Kommunen?');
  });

  it('starts from the greeting button and from the button under a funding answer', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const greeting = seen(await conversation.start());
    const fromGreeting = seen(await conversation.send(greeting.buttons.find((b) => b.title === TEXT.buttonEligibility)!.press));
    expect(fromGreeting.text).toContain('Wer stellt den Antrag?');
    await conversation.say('abbrechen');
    const answer = seen(await conversation.say('Wie viel Förderung gibt es für drei Gemeinden?'));
    expect(answer.text).toContain('75.000 €');
    expect(answer.titles[0]).toBe(TEXT.buttonEligibility);
    const fromAnswer = seen(await conversation.send(answer.buttons[0]!.press));
    expect(fromAnswer.text).toContain('Wer stellt den Antrag?');
  });

  it.each([
    'Wie viel Förderung gibt es für drei Gemeinden?',
    'Was bekommen wir wenn nur 2 Kommunen kooperieren?',
    'Ist ein gemeinsames Standesamt förderfähig?',
  ])('does not steal the factual question "%s"', async (question) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(question);
    expect(outcomes.at(-1)?.outcome).toBe('answer');
  });

  it.each([
    'Sind wir förderfähig?',
    'Wie viel Geld bekommen wir für unser Projekt?',
    'Förder-Check',
    'Ist unsere Kooperation förderfähig?',
  ])('starts the check for "%s"', async (message) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    expect(seen(await conversation.say(message)).text).toContain('Wer stellt den Antrag?');
    expect(outcomes.at(-1)?.outcome).toBe('dialog');
  });

  it('restarts from inside the dialog on "neu starten"', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = await play(conversation, ['Förder-Check', 'Gemeinde', 'neu starten']);
    expect(reply.text).toContain(TEXT.restarted);
    await conversation.say('Wer darf einen Antrag stellen?');
    expect(outcomes.at(-1)?.outcome).toBe('answer');
  });
});

describe('Antrag stellen', () => {
  it('reuses the Förder-Check, gives an ordered checklist and the text to copy', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const start = await play(conversation, [
      ...[
        'Förder-Check',
        'Landkreis',
        'ja',
        'Zusammenarbeit',
        '4',
        'Abfallentsorgung',
        'im Wesentlichen',
        'noch nicht entschieden',
        '10 Jahre',
        '30 %',
        'noch nicht',
      ],
      { press: 'Nächste Schritte' },
    ]);
    expect(start.text).toContain('frage ich nicht noch einmal');
    const checklist = await play(conversation, ['ja', 'von einigen', 'als Entwurf', 'noch nicht', 'nein']);
    const asText = seen(await conversation.send(checklist.buttons.find((b) => b.title === 'Als Text')!.press));
    expect(checklist.text).not.toContain('Kommunalaufsicht?');
    expect(checklist.text).toContain('Noch zu erledigen');
    expect(checklist.text).toMatch(/1\. Beschlüsse der Gemeindevertretungen/);
    expect(checklist.text).toContain('(ein Entwurf liegt vor)');
    expect(checklist.text).toContain('Tabellarischer Nachweis der Einsparung (mindestens 15 %)');
    expect(checklist.text).toContain('direkt beim Regierungspräsidium');
    expect(checklist.text).toContain('2 bis 3 Monate');
    expect(checklist.text).toContain('✅ Beratung durch das Beratungszentrum');
    expect(asText.text).toContain('```markdown\n# IKZ-Förderantrag: Ihre nächsten Schritte');
  });

  it('asks where the applicant stands when no check ran, and routes a kreisangehörige Gemeinde via the Landkreis', async () => {
    const { conversation } = await conversationWith(SHIPPED_KB);
    const checklist = await play(conversation, [
      'Antrag stellen',
      'noch nicht',
      'ja, von allen',
      'ja',
      'ja',
      'ja',
      'Kreisangehörige Gemeinde',
    ]);
    expect(checklist.text).toContain('über den Landkreis (Kommunalaufsicht) und das zuständige Regierungspräsidium');
    expect(checklist.text).toMatch(/1\. Beratung durch das Beratungszentrum nutzen/);
    expect(checklist.text).toMatch(/2\. Antrag mit allen Unterlagen auf dem Dienstweg einreichen/);
  });
});

describe('dialog state', () => {
  it('continues a dialog after the bot restarts on the same storage', async () => {
    const storage = new MemoryStorage();
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const office = loadConfig({}).office;
    const first = new LocalConversation(createBot({ knowledge, office, logger: silentLogger(), storage }), 'restart-1');
    await first.say('Förder-Check');
    await first.say('Gemeinde');
    const second = new LocalConversation(createBot({ knowledge, office, logger: silentLogger(), storage }), 'restart-1');
    expect(seen(await second.say('ja')).text).toContain('Um welche Art von Vorhaben geht es?');
  });

  it('recovers from a dialog state it does not know', async () => {
    const storage = new MemoryStorage();
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const bundle = createBot({ knowledge, office: loadConfig({}).office, logger: silentLogger(), storage });
    const conversation = new LocalConversation(bundle, 'corrupt-1');
    await conversation.say('Förder-Check');
    const keys = Object.keys((storage as unknown as { memory: Record<string, string> }).memory);
    const key = keys.find((k) => k.includes('corrupt-1'))!;
    const stored = JSON.parse((storage as unknown as { memory: Record<string, string> }).memory[key]!);
    stored.dialogState.dialogStack[0].state.stepIndex = 0;
    stored.dialogState.dialogStack[0].state.dialogs.dialogStack[0].state.state = { step: 'gibt-es-nicht', answers: 'kaputt' };
    (storage as unknown as { memory: Record<string, string> }).memory[key] = JSON.stringify(stored);
    const reply = seen(await conversation.say('hallo'));
    expect(reply.text).toContain('Wer stellt den Antrag?');
  });
});

describe('EligibilityDialog with botbuilder-testing', () => {
  it('runs on its own in a DialogTestClient', async () => {
    const client = new DialogTestClient(
      'test',
      new EligibilityDialog(
        () => shippedProgramme(),
        async () => false,
        () => new Date('2026-06-01T10:00:00Z'),
      ),
    );
    let reply = await client.sendActivity('hallo');
    expect(reply.text).toContain('Gern prüfe ich mit Ihnen');
    reply = client.getNextReply();
    expect(reply.text).toContain('Wer stellt den Antrag?');
    for (const answer of ['Gemeinde', 'ja', 'Fusion']) await client.sendActivity(answer);
    reply = await client.sendActivity('3');
    expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(client.dialogTurnResult.status).toBe('complete');
    expect(client.dialogTurnResult.result).toMatchObject({ completed: true, result: { verdict: 'eligible' } });
  });
});

/** The notice for the RV 2021 as the issue words it, and its form once the end has passed. */
const ENDS_SOON =
  'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.';
const ENDED = ENDS_SOON.replace('Die RV 2021 gilt', 'Die RV 2021 galt');

/** A conversation with the real bot on the shipped knowledge, on a given day (the injected clock). */
async function conversationOn(day: string, knowledge?: KnowledgeService) {
  const now = () => new Date(`${day}T10:00:00Z`);
  const bundle = createBot({
    knowledge: knowledge ?? (await knowledgeOf(SHIPPED_KB)),
    office: loadConfig({}).office,
    logger: silentLogger(),
    now,
  });
  return new LocalConversation(bundle);
}

describe('validity of the programme (injected clock)', () => {
  it('says nothing about the end in June 2026', async () => {
    const conversation = await conversationOn('2026-06-01');
    const answer = seen(await conversation.say('Wie viel Förderung gibt es für drei Gemeinden?'));
    expect(answer.text).toContain('75.000 €');
    expect(answer.text).not.toContain('Hinweis');
    const result = await play(conversation, cooperation('3', '20 %'));
    expect(result.text).toContain('Geschätzte Förderung: 75.000 €');
    expect(result.text).not.toContain('Hinweis');
  });

  it('adds the notice to funding answers in November 2026, not to other answers', async () => {
    const conversation = await conversationOn('2026-11-15');
    expect(seen(await conversation.say('Wie viel Förderung gibt es für drei Gemeinden?')).text).toContain(`Hinweis: ${ENDS_SOON}`);
    expect(seen(await conversation.say('Welche Unterlagen brauchen wir für den IKZ-Förderantrag?')).text).toContain(ENDS_SOON);
    const other = seen(await conversation.say('Was ist das Hessen3C?'));
    expect(other.text).toContain('Hessen CyberCompetenceCenter');
    expect(other.text).not.toContain('Hinweis');
  });

  it.each([
    'Gibt es die IKZ-Förderung 2027 noch?',
    'Wie geht es nächstes Jahr mit der Förderung weiter?',
    'Gibt es eine Nachfolgeregelung für die Rahmenvereinbarung?',
  ])('answers "%s" with what is known and the notice', async (question) => {
    const outcomes: string[] = [];
    const now = () => new Date('2026-11-15T10:00:00Z');
    const bundle = createBot({
      knowledge: await knowledgeOf(SHIPPED_KB),
      office: loadConfig({}).office,
      logger: silentLogger(),
      now,
      onOutcome: (o) => outcomes.push(o.articleId ?? o.outcome),
    });
    const answer = seen(await new LocalConversation(bundle).say(question));
    expect(outcomes.at(-1)).toBe('geltungsdauer');
    expect(answer.text).toContain('bis Ende 2026');
    expect(answer.text).toContain(ENDS_SOON);
  });

  it('puts the notice on the Förder-Check result and the checklist near the end, and says "galt" after it', async () => {
    const near = await conversationOn('2026-11-15');
    const result = await play(near, cooperation('3', '20 %'));
    expect(result.text).toContain(ENDS_SOON);
    const next = await play(near, [...cooperation('3', '20 %'), { press: 'Nächste Schritte' }]);
    expect(next.text).toContain('frage ich nicht noch einmal');
    const checklist = await play(near, ['ja', 'von einigen', 'als Entwurf', 'noch nicht', 'nein', 'Kreisangehörige Gemeinde']);
    expect(checklist.text).toContain('Noch zu erledigen');
    expect(checklist.text).toContain(ENDS_SOON);
    const asText = seen(await near.send(checklist.buttons.find((b) => b.title === 'Als Text')!.press));
    expect(asText.text).toContain(`Hinweis: ${ENDS_SOON}`);

    const after = await conversationOn('2027-01-10');
    expect((await play(after, cooperation('3', '20 %'))).text).toContain(ENDED);
    expect(seen(await after.say('Wie viel Förderung gibt es für drei Gemeinden?')).text).toContain(ENDED);
  });

  it('drops the notice and checks with the successor once the office adds it as data', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const knowledge = KnowledgeService.fromKnowledgeBase({ ...kb, meta: { ...kb.meta, programme: programmeWithSuccessor() } });
    const near = await conversationOn('2026-11-15', knowledge);
    expect(seen(await near.say('Wie viel Förderung gibt es für drei Gemeinden?')).text).not.toContain('Hinweis');
    const inSuccessor = await conversationOn('2027-03-01', knowledge);
    const result = await play(inSuccessor, cooperation('3', '20 %'));
    expect(result.text).toContain('Geschätzte Förderung: 90.000 €');
    expect(result.text).toContain('RV 2027');
    expect(result.text).not.toContain('Hinweis');
    // Before the successor starts, the RV 2021 with its amounts still applies.
    expect((await play(near, cooperation('3', '20 %'))).text).toContain('Geschätzte Förderung: 75.000 €');
  });
});

describe('Antrag stellen for a fire-brigade merger', () => {
  it("asks nothing about partners' decisions or a contract and lists no Gruppenantrag", async () => {
    const conversation = await conversationOn('2026-06-01');
    await play(conversation, ['Förder-Check', 'Gemeinde', 'ja', 'Feuerwehr', '3', 'noch nicht', { press: 'Nächste Schritte' }]);
    const checklist = await play(conversation, ['ja', 'nein', 'Kreisangehörige Gemeinde']);
    expect(checklist.text).toContain('Noch zu erledigen');
    expect(checklist.text).toContain('Bewertende Stellungnahme der Aufsichtsbehörden');
    for (const word of ['Beschlüsse', 'Kooperationsvertrag', 'Gruppenantrag', 'kostenlos'])
      expect(checklist.text, word).not.toContain(word);
  });
});
