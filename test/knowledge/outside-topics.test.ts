import { describe, expect, it } from 'vitest';
import { SHIPPED_KB, conversationWith, knowledgeOf } from '../helpers/bot-harness.js';

/**
 * Fields of law the articles do not cover (`outside_topics` in analyzer.yml): a question about one shares only
 * "Zweckverband" or "Gemeinde" with an article, so the honest reply is that the bot has no reliable answer.
 */
describe('questions about a field of law the articles do not cover', () => {
  it.each([
    'Muss der Zweckverband seine Aufträge europaweit ausschreiben?',
    'Muss der Zweckverband die Müllabfuhr neu ausschreiben, wenn eine Gemeinde beitritt?',
    'Wer haftet für die Schulden des Zweckverbands?',
    'Ist die Aufgabenübertragung an den Zweckverband umsatzsteuerpflichtig?',
    'Muss der Personalrat der Zusammenlegung der Bauhöfe zustimmen?',
    'Wie wird die Kreisumlage für unseren Zweckverband berechnet?',
    'Ab wann müssen die Gemeinden des Zweckverbands E-Rechnungen empfangen können?',
    // Insurance, a Verband's levy, public notices and record keeping: no article says anything about them.
    'Wer versichert die Fahrzeuge des gemeinsamen Bauhofs, jede Gemeinde oder der Zweckverband?',
    'Wie wird die Verbandsumlage im Gemeindeverwaltungsverband auf die Gemeinden verteilt?',
    'Muss die öffentlich-rechtliche Vereinbarung im Staatsanzeiger stehen?',
    'Wie lange bewahrt die gemeinsame Personalabteilung die Personalakten auf?',
    // Data protection law and council procedure.
    'Ist der gemeinsame Serverraum nach DSGVO eine gemeinsame Verantwortlichkeit?',
    'Reicht für den Beschluss über den Zweckverband die einfache Mehrheit in der Stadtverordnetenversammlung?',
    'Kann der Bürgermeister den Beitritt zum Zweckverband per Eilentscheidung beschließen?',
    // Municipal budget law.
    'Wann muss der Zweckverband seine Haushaltssatzung der Kommunalaufsicht vorlegen?',
    // The municipal fiscal equalisation (KFA): the articles name the LAST only.
    'Bekommen wir nach der Fusion höhere Schlüsselzuweisungen im KFA?',
    // Pay of honorary officials and legal remedies.
    'Was bekommt der Verbandsvorsitzende des Zweckverbands als Aufwandsentschädigung?',
    'Können wir gegen die Ablehnung des IKZ-Antrags Widerspruch einlegen?',
    // A budget that does not balance, and municipal elections.
    'Braucht der Zweckverband ein Haushaltssicherungskonzept, wenn die Umlage nicht reicht?',
    'Wann ist nach der Fusion die Bürgermeisterwahl in der neuen Gemeinde?',
    // Notaries, data protection law as such, and a merged municipality's name and signs.
    'Muss die Vereinbarung über den gemeinsamen Bauhof notariell beglaubigt werden?',
    'Ist die gemeinsame Cloud-Lösung für die Verwaltungen datenschutzrechtlich zulässig?',
    'Wer legt nach der Fusion den Gemeindenamen fest, und wer bezahlt die neuen Ortsschilder?',
    'Wie finden wir nach dem Zusammenschluss einen neuen Namen für die Gemeinde?',
    // Auditing a joint body, civil servants moving to it, and the name of a merged municipality.
    'Wer übernimmt beim Zweckverband die Rechnungsprüfung?',
    'Was passiert mit unseren Beamten, werden die vom Verband übernommen?',
    'Wer entscheidet nach der Fusion, wie die neue Gemeinde heißt?',
    // Booking in the Doppik, supplementary pensions, a company's share capital.
    'Wie ist die IKZ-Zuweisung in der Doppik zu buchen?',
    'Muss der neue Zweckverband Mitglied der Zusatzversorgungskasse werden?',
    'Wie viel Stammkapital braucht eine kommunale GmbH?',
    // Elections after a merger of brigades or municipalities.
    'Muss nach der Zusammenlegung der Wehrführer neu gewählt werden?',
  ])('gives no answer to "%s" (an article shares only its topic words)', async (question) => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    expect(knowledge.answer(question)).toMatchObject({ outcome: 'no_answer', reason: 'outside_topic' });
  });

  it.each([
    ['Wird eine gemeinsame Vergabestelle gefördert?', 'aufgabenbereiche'],
    // A registry office certifies births ("beurkunden"): a task, no notary.
    ['Wird es gefördert, wenn zwei Nachbargemeinden gemeinsam Geburten beurkunden?', 'aufgabenbereiche'],
    ['Ist ein gemeinsamer Datenschutzbeauftragter förderfähig?', 'aufgabenbereiche'],
  ])('still answers a question about a shared task of such a field: "%s"', async (question, articleId) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(question);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
  });
});

describe("a question about an amount that is not the programme's (another funder, a field of law, a thing no article has)", () => {
  it.each([
    'Wie viel Geld gibt es aus der Brandschutzförderung, wenn zwei Ortsteilwehren ein Gerätehaus teilen?',
    'Bekommen drei Gemeinden aus Starke Heimat Hessen einen Zuschuss für eine gemeinsame Halle?',
    // The federal government is another funder, however it is written ("vom Bund", not only "Bundesförderung").
    'Zahlt uns der Bund etwas dazu? Gibt es vom Bund Geld für einen gemeinsamen Bauhof mit drei Gemeinden?',
    'Muss unser Zweckverband auf die Leistungen an die drei Mitgliedsgemeinden Umsatzsteuer zahlen?',
    'Wie hoch ist das Sitzungsgeld für die Mitglieder der Verbandsversammlung unseres GVV?',
    // The thing asked about is one no article has, though the question tells a case with its count.
    'Wie wird nach dem Zusammenschluss zweier Ortsteilfeuerwehren der neue Wehrführer gewählt?',
    // … also when the question asks what it costs.
    'Was kostet die Mitgliedschaft bei der ekom21 für drei Gemeinden mit zusammen 9.000 Einwohnern?',
  ])('computes no IKZ grant for "%s": the money is not the programme\'s', async (question) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say(question);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
  });
});

describe('a follow-up of a question about a field the articles do not cover', () => {
  it('is not answered on its own: "wie lange" asks about the secondment, not about anything of the programme', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say('Dürfen wir eine Beamtin an den Zweckverband abordnen und wie lange geht das höchstens?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
  });
});
