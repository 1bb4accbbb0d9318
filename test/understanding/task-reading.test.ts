import { describe, expect, it } from 'vitest';
import { TASK_STAND_IN, asTaskQuestion, planAsTaskQuestion, asWhatIsFundedQuestion } from '../../src/understanding/task-reading.js';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

describe('a question whether a task no article names is funded', () => {
  it.each<[string, string[], string]>([
    ['Ist ein gemeinsamer Wertstoffhof für drei Dörfer förderfähig?', ['Wertstoffhof'], `ein gemeinsamer ${TASK_STAND_IN} für`],
    ['Gemeinsame Hundesteuerveranlagung – wird so was gefördert?', ['Hundesteuerveranlagung'], `Gemeinsame ${TASK_STAND_IN} –`],
    ['Können wir für die Pflege der Streuobstwiesen IKZ-Förderung beantragen?', ['Streuobstwiesen'], `Pflege der ${TASK_STAND_IN} IKZ`],
    ['Reicht das gemeinsame Porto schon für eine Förderung?', ['Porto'], `das gemeinsame ${TASK_STAND_IN} schon`],
  ])('%s', (question, unknown, read) => {
    expect(asTaskQuestion(question, () => unknown)).toContain(read);
  });

  it('reads a yes/no question about money for a cooperation, not for a municipality’s own project', () => {
    expect(asTaskQuestion('Kriegt man Zuschuss für eine gemeinsame Fuhrparkverwaltung?', () => ['Fuhrparkverwaltung'])).toBe(
      `Kriegt man Zuschuss für eine gemeinsame ${TASK_STAND_IN}?`,
    );
    expect(asTaskQuestion('Gibt es Fördermittel für den Radwegebau in unserem Ortsteil?', () => ['Radwegebau'])).toBeUndefined();
    expect(asTaskQuestion('Gibt es Geld für den Radwegebau, ganz ohne Zusammenarbeit?', () => ['Radwegebau'])).toBeUndefined();
  });

  it('leaves a question alone that does not ask whether something is funded', () => {
    expect(asTaskQuestion('Wie organisieren wir einen gemeinsamen Wertstoffhof?', () => ['Wertstoffhof'])).toBeUndefined();
    // A count of funded projects somewhere asks for statistics, not whether a task is funded.
    expect(asTaskQuestion('Wie viele IKZ-Projekte wurden im Werra-Meißner-Kreis gefördert?', () => ['Werra', 'Meißner'])).toBeUndefined();
  });

  it('keeps a funder, a person and a place: they are no task', () => {
    // Who would pay: the other programme stays the question's subject.
    expect(asTaskQuestion('Ist der Radweg über die Hessenkasse förderfähig?', () => ['Hessenkasse'])).toBeUndefined();
    // A name after a noun is a person or a place ("Frau Meier", "Ortsteil Kleinau").
    expect(asTaskQuestion('Frau Meier fragt, ob die Wehr im Ortsteil Kleinau gefördert wird.', () => ['Meier', 'Kleinau'])).toBeUndefined();
  });

  it('keeps an unknown kind of payment ("Baukostenzuschuss"): a way of funding the programme does not know', () => {
    expect(
      asTaskQuestion('Gibt es für die gemeinsame Fahrzeughalle einen Baukostenzuschuss?', () => ['Fahrzeughalle', 'Baukostenzuschuss']),
    ).toBeUndefined();
  });

  it('keeps a unit a payment would count ("pro Unterrichtsstunde"): a way of funding the programme does not know', () => {
    expect(
      asTaskQuestion('Zahlt das Land für unsere gemeinsame Jugendpflege einen Zuschuss je Betreuungsstunde?', () => [
        'Jugendpflege',
        'Betreuungsstunde',
      ]),
    ).toBeUndefined();
    expect(asTaskQuestion('Zahlt das Land für unsere gemeinsame Jugendpflege einen Zuschuss?', () => ['Jugendpflege'])).toBe(
      `Zahlt das Land für unsere gemeinsame ${TASK_STAND_IN} einen Zuschuss?`,
    );
  });
});

describe('a plan told before a yes/no question about money', () => {
  const unknown = () => ['Fuhrpark'];
  it.each<[string, string]>([
    ['Wir wollen mit zwei Nachbarorten den Fuhrpark teilen.', 'Fördert das Land sowas?'],
    ['Drei Gemeinden legen ihren Fuhrpark zusammen.', 'Gibts dafür IKZ-Geld?'],
    ['Der Fuhrpark soll gemeinsam mit der Nachbarstadt betrieben werden.', 'Ist das förderfähig?'],
    ['Wir wollen nur zusammen den Fuhrpark pflegen.', 'Gibts dafür auch was vom Land?'],
  ])('%s %s', (context, question) => {
    expect(planAsTaskQuestion(context, question, unknown)).toBe(`${context.replace('Fuhrpark', TASK_STAND_IN)} ${question}`);
  });

  it('keeps a time: "Mitte 2027" is no task', () => {
    const context = 'Wir planen den Start unserer Kooperation erst für Mitte 2027.';
    expect(planAsTaskQuestion(context, 'Gibt es das Förderprogramm dann noch?', () => ['Mitte'])).toBeUndefined();
  });

  it('needs a cooperation: IKZ funds nothing a municipality does alone', () => {
    expect(planAsTaskQuestion('Wir wollen unseren Fuhrpark erneuern.', 'Fördert das Land sowas?', unknown)).toBeUndefined();
  });

  it('leaves a question that asks something else about the plan ("Was …?")', () => {
    const context = 'Wir legen den Fuhrpark mit drei Gemeinden zusammen.';
    expect(planAsTaskQuestion(context, 'Was will das Land sehen, damit es einen Zuschuss gibt?', unknown)).toBeUndefined();
  });
});

describe('the reply to a question whether an unnamed task is funded', () => {
  async function ask(message: string) {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(message));
    return { reply, outcome: outcomes.at(-1) };
  }

  it('answers with the task areas and says that the shared part must be substantial', async () => {
    const { reply, outcome } = await ask('Ist ein gemeinsamer Fuhrpark für drei Gemeinden förderfähig?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('wesentlich');
  });

  it('reads a question about money after a plan with an unnamed task as a question about the task areas', async () => {
    const { reply, outcome } = await ask(
      'Zwei Nachbarorte und wir möchten die Spielplatzkontrolle zusammen erledigen. Geht dafür IKZ-Förderung?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('wesentlich');
  });

  it('answers with the task areas also when the article on IKZ in general covers the other words as well', async () => {
    const { reply, outcome } = await ask('Nur ein gemeinsamer Einkauf von Streugut mit dem Nachbarort – wird so etwas gefördert?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('wesentlich');
  });

  it('reads a plan with an unnamed task and "was vom Land" as a question about the task areas', async () => {
    const { reply, outcome } = await ask(
      'Wir möchten mit dem Nachbarort nur gemeinsam Streugut lagern, sonst nichts. Gibt es dafür was vom Land?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('wesentlich');
  });

  it('answers a plan with a task the articles name and a yes/no question about money with the task areas, not the IKZ basics', async () => {
    const { reply, outcome } = await ask('Unser Bauhof soll mit dem der Nachbarstadt zusammengehen. Zahlt das Land dafür was?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('wesentlich');
  });

  it('still says honestly that it does not know another programme', async () => {
    const { outcome } = await ask('Ist ein gemeinsamer Fuhrpark über den Zukunftspakt förderfähig?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });
});

describe('a question for the things that are funded', () => {
  it.each([
    ['Was wird alles gefördert? Auch Sachen draußen?', 'Welche Aufgabenbereiche werden gefördert? Auch Sachen draußen?'],
    ['was wird bei ikz eigentlich alles gefoerdert?', 'Welche Aufgabenbereiche werden gefördert?'],
    ['Was ist denn förderfähig?', 'Welche Aufgabenbereiche werden gefördert?'],
    ['Welche Projekte werden gefördert?', 'Welche Aufgabenbereiche werden gefördert?'],
  ])('reads "%s" in the articles\' words', (question, read) => {
    expect(asWhatIsFundedQuestion(question)).toBe(read);
  });

  it.each(['Wird der Bauhof gefördert?', 'Wie viel wird gefördert?', 'Was muss man tun, damit es gefördert wird?'])(
    'leaves "%s" alone',
    (question) => expect(asWhatIsFundedQuestion(question)).toBeUndefined(),
  );
});

describe('the reply to a question for the things that are funded', () => {
  it('answers from the task areas, not from the statistics of funded projects', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(
      await conversation.say('was wird bei ikz eigentlich alles gefoerdert? nur verwaltung im rathaus oder auch sachen draussen'),
    );
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('Daseinsvorsorge');
  });
});
