import { describe, expect, it } from 'vitest';
import { TEXT } from '../../src/bot/messages.js';
import { SHIPPED_KB, conversationWith, dayClock, seen } from '../helpers/bot-harness.js';

/** Before the notice is due, near the end of the RV 2021, after its end. */
const BEFORE = '2026-06-01';
const NEAR = '2026-11-15';
const AFTER = '2027-01-10';
const NOTICE_SOON =
  'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.';
const NOTICE_ENDED =
  'Die RV 2021 galt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.';

/** A conversation on the shipped knowledge base: each message's reply text and buttons. */
async function talk(day: string, ...messages: string[]) {
  const { conversation, outcomes } = await conversationWith(SHIPPED_KB, dayClock(day));
  const replies = [];
  for (const message of messages) replies.push(seen(await conversation.say(message)));
  return { replies, last: replies.at(-1)!, outcomes };
}

describe('amounts for a concrete case, computed by the programme rules', () => {
  it.each<[string, string, string[]]>([
    [
      'the regular grant for three',
      'Drei Gemeinden möchten ihre Bauhöfe zusammenlegen – wie viel Förderung ist da drin?',
      ['In der Regel 75.000 €** für eine Kooperation von drei Kommunen · Stand: RV 2021'],
    ],
    [
      'the regular grant for more than three',
      'Sechs Gemeinden plus Landkreis wollen die Personalverwaltung bündeln, wie hoch ist die Regelförderung',
      ['In der Regel 100.000 €** für eine Kooperation von sieben Kommunen (mehr als drei Partner)'],
    ],
    [
      'the exception for two, with its condition',
      'Nur wir und die Nachbarstadt, also 2 Kommunen: wie viel Geld gibt es?',
      ['In der Regel 50.000 €**', 'nur wenn ausnahmsweise anerkannt'],
    ],
    [
      'the new total an ordinal gives, for a change of the amount asked about',
      'Wir arbeiten zu dritt beim Standesamt zusammen. Ändert sich die Förderung, wenn eine vierte Kommune beitritt?',
      ['In der Regel 100.000 €** für eine Kooperation von vier Kommunen (mehr als drei Partner)'],
    ],
    [
      'one neighbour only: two in all, the exception',
      'Kann auch eine Kooperation mit nur einer Nachbarstadt gefördert werden?',
      [
        'In der Regel 50.000 €** für eine Kooperation von zwei Kommunen (nur als anerkannter Ausnahmefall)',
        'nur wenn ausnahmsweise anerkannt',
      ],
    ],
    [
      'a fire-brigade merger',
      'Bei uns sollen 4 Ortsteilwehren zu einer werden, was bekommen wir dafür?',
      ['In der Regel 60.000 €** für die Fusion von vier Ortsteilfeuerwehren', '4 × 15.000 € = 60.000 €'],
    ],
    [
      'a fire-brigade merger whose brigades are named, not counted',
      'In unserer Gemeinde sollen die Ortsteilfeuerwehren von Ober-, Mittel- und Unterdorf zu einer Wehr fusionieren. Mit wie viel Zuschuss können wir planen?',
      ['In der Regel 45.000 €** für die Fusion von drei Ortsteilfeuerwehren', '3 × 15.000 € = 45.000 €'],
    ],
    [
      'two mergers of two brigades each: four brigades, each merger becoming one',
      'Bei uns gibt es zwei Zusammenlegungen von Feuerwehren, jeweils zwei Ortsteilwehren werden eins. Was bekommen wir da insgesamt?',
      ['In der Regel 60.000 €** für die Fusion von vier Ortsteilfeuerwehren'],
    ],
    [
      'what two brigades become, one, is no count of brigades',
      'Zwei Ortsteilwehren werden eins. Was gibt es dafür?',
      ['In der Regel 30.000 €** für die Fusion von zwei Ortsteilfeuerwehren'],
    ],
    [
      'partners named, not counted',
      'Die Gemeinden Mücke, Gemünden (Felda), Grünberg und Homberg (Ohm) wollen ihre Bauhöfe zusammenlegen. Mit welcher Landesförderung können wir rechnen?',
      ['In der Regel 100.000 €** für eine Kooperation von vier Kommunen'],
    ],
    [
      'a GVV',
      'Wir gründen mit zwei Nachbargemeinden einen GVV – wie hoch ist die Zuwendung?',
      ['In der Regel 450.000 €** für einen Gemeindeverwaltungsverband aus drei Gemeinden', '3 × 150.000 € = 450.000 €'],
    ],
    [
      'a GVV described without its name: the case the statements lead to',
      'Wir sind vier Dörfer. Die ganze Verwaltung soll ein Rathaus für alle machen, aber jedes Dorf behält seinen Bürgermeister und seine Gemeindevertretung. Was gibt das Land dafür?',
      ['In der Regel 600.000 €** für einen Gemeindeverwaltungsverband aus vier Gemeinden', '4 × 150.000 € = 600.000 €'],
    ],
    [
      'the debt relief, capped at 46 % of the debt',
      'Neue Gemeinde nach der Fusion: 9.500 EW, 2 Mio € Kassenkredite im Kernhaushalt – wie viel Entschuldungshilfe?',
      ['In der Regel 920.000 €**', '9.500 Einwohner × 350 €', 'begrenzt auf 46 % der Schulden', 'Stand: Mai 2020'],
    ],
  ])('%s', async (_name, question, expected) => {
    const { last, outcomes } = await talk(BEFORE, question);
    for (const text of expected) expect(last.raw.map((a) => a.text).join('\n')).toContain(text);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer' });
  });

  it('gives the rule with "in der Regel", the proportionality note from the data, the source, and the buttons', async () => {
    const { last } = await talk(BEFORE, 'Drei Ortsteilfeuerwehren gehen zusammen – Förderbetrag?');
    expect(last.text).toContain(
      'Regel: Die freiwillige Fusion von Ortsteilfeuerwehren innerhalb einer Gemeinde ist förderfähig; es gibt in der Regel 15.000 € je beteiligter Ortsteilfeuerwehr.',
    );
    expect(last.text).toContain('Die Zuwendung soll in einem angemessenen Verhältnis zu den Einsparungen stehen');
    expect(last.text).toMatch(
      /Quelle: Beratungszentrum Hessen – Förderhöhe \(https:\/\/beratungszentrum\.hessen\.de\/.+\) · Quelle undatiert/,
    );
    expect(last.titles.slice(0, 3)).toEqual([
      TEXT.buttonEligibility,
      'Förderung für die Fusion von Ortsteilfeuerwehren',
      TEXT.buttonHandoff,
    ]);
  });

  it('asks for a missing number instead of computing, and reads the bare number that answers it', async () => {
    const { replies } = await talk(BEFORE, 'Wie viel gibt es für die Zusammenlegung unserer Ortsteilfeuerwehren?', 'vier');
    expect(replies[0]!.text).toContain(
      'Den Betrag für Ihren Fall rechne ich gern aus: Wie viele Ortsteilfeuerwehren sollen zusammengelegt werden?',
    );
    expect(replies[0]!.text).not.toContain('In der Regel 60.000');
    expect(replies[1]!.text).toContain('In der Regel 60.000 € für die Fusion von vier Ortsteilfeuerwehren');
  });

  it.each<[string, string[], string]>([
    [
      '"Und für sechs?" after the regular grant for three',
      ['Was gibt es für eine Kooperation von drei Kommunen?', 'Und für sechs?'],
      'In der Regel 100.000 € für eine Kooperation von sechs Kommunen (mehr als drei Partner)',
    ],
    [
      '"und wenn es nur zwei sind?": the exception amount',
      ['Wie viel Förderung gibt es für drei Kommunen?', 'und wenn es nur zwei sind?'],
      'In der Regel 50.000 € für eine Kooperation von zwei Kommunen (nur als anerkannter Ausnahmefall)',
    ],
    [
      '"und wenn es nur zwei sind?" after three brigades',
      ['Wie viel Förderung gibt es für die Fusion von drei Ortsteilfeuerwehren?', 'und wenn es nur zwei sind?'],
      'In der Regel 30.000 € für die Fusion von zwei Ortsteilfeuerwehren',
    ],
    [
      '"und mit 6000 Einwohnern?" after the debt relief: the most, and the debt asked for',
      ['Was bringt die Entschuldungshilfe bei einer Gemeindefusion?', 'und mit 6000 Einwohnern?'],
      'In der Regel höchstens 2.700.000 € Entschuldungshilfe für eine neue Gemeinde mit 6.000 Einwohnern',
    ],
    [
      'the debt given after that',
      ['Was bringt die Entschuldungshilfe bei einer Gemeindefusion?', 'und mit 6000 Einwohnern?', '5 Mio'],
      'In der Regel 2.300.000 € Entschuldungshilfe',
    ],
    [
      '"und wenn der Landkreis noch mitmacht?"',
      ['Drei Gemeinden legen das Ordnungsamt zusammen. Was zahlt das Land?', 'und wenn der Landkreis noch mitmacht?'],
      'In der Regel 100.000 € für eine Kooperation von vier Kommunen',
    ],
    [
      'the total of a GVV asked for afterwards',
      ['Vier Gemeinden planen einen Gemeindeverwaltungsverband. Wird das gefördert?', 'und wie viel macht das zusammen?'],
      'In der Regel 600.000 € für einen Gemeindeverwaltungsverband aus vier Gemeinden',
    ],
    [
      '"Und wenn wir gleich fusionieren?" after the regular grant: the merger\'s rule, asking for its own numbers',
      ['Wie viel Geld gibt es für drei Gemeinden?', 'Und wenn wir gleich fusionieren?'],
      'Wie viele Einwohner wird die neue Gemeinde haben?',
    ],
  ])('follow-up: %s', async (_name, messages, expected) => {
    const { last } = await talk(BEFORE, ...messages);
    expect(last.text).toContain(expected);
  });

  it('takes no count of municipalities for inhabitants when a follow-up changes to the merger', async () => {
    const { last } = await talk(BEFORE, 'Wie viel Geld gibt es für drei Gemeinden?', 'Und wenn wir gleich fusionieren?');
    expect(last.text).not.toContain('Für Ihren Fall');
    expect(last.text).not.toContain('3 Einwohner');
  });

  it('answers a question of its own about a merger after an amount without computing one', async () => {
    const { last } = await talk(
      BEFORE,
      'Kann man auch mit nur zwei Gemeinden Förderung kriegen?',
      'Und wann war die Fusion zur Stadt Oberzent?',
    );
    expect(last.text).toContain('2018');
    expect(last.text).not.toContain('Wie viele Einwohner');
  });

  it('adds the amount as one line under an answer about something else when the question only speaks of money', async () => {
    const { last, outcomes } = await talk(
      BEFORE,
      'Bekommen wir Geld vom Land, wenn wir mit zwei Nachbargemeinden den Bauhof gemeinsam betreiben?',
    );
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(last.text).toContain('Für Ihren Fall: in der Regel 75.000 € für eine Kooperation von drei Kommunen');
  });

  it('computes the amount one of two questions asks for from the case the letter tells before them', async () => {
    const { last } = await talk(
      BEFORE,
      'Wir wollen mit drei Nachbargemeinden die Gemeindekasse zusammenlegen. Der Gemeindevorstand möchte wissen, mit welchem Zuschuss wir kalkulieren können und welche Unterlagen der Antrag braucht.',
    );
    expect(last.text).toContain('Sie haben zwei Fragen gestellt');
    expect(last.text).toContain('Für Ihren Fall: in der Regel 100.000 € für eine Kooperation von vier Kommunen');
  });

  it('takes the case the letter names over the general one a question for the amount has on its own', async () => {
    const { last } = await talk(
      BEFORE,
      'Bei einem Treffen im Landratsamt wurde ein Gemeindeverwaltungsverband vorgestellt. Wir sind drei kleine Gemeinden und möchten unsere Verwaltungen so zusammenführen. Bleiben die Gemeinden dann eigenständig? Und gibt es dafür Fördergeld, wenn ja wie viel?',
    );
    expect(last.text).toContain('Sie haben zwei Fragen gestellt');
    expect(last.text).toContain('Für Ihren Fall: in der Regel 450.000 € für einen Gemeindeverwaltungsverband aus drei Gemeinden');
  });

  it("answers a second question for an amount that lacks its number from the case's article", async () => {
    const { last } = await talk(BEFORE, 'Wie viel gibt es für eine Wehrfusion, und was gäbe es für einen GVV?');
    expect(last.text).toContain('Sie haben zwei Fragen gestellt');
    expect(last.text).toContain('2. Förderung für einen Gemeindeverwaltungsverband (150.000 € je Gemeinde)');
    // A second question about something else keeps its own article, whatever the first asks for.
    const other = await talk(
      BEFORE,
      'fusion: wie viel entschuldungshilfe gibts pro einwohner und brauchen wir dafuer ein eigenes gesetz vom landtag?',
    );
    expect(other.last.text).toContain('2. Freiwillige Gemeindefusion');
  });

  it('drops neither question of a message that asks for the amount and for something else', async () => {
    const { last } = await talk(
      BEFORE,
      'Unser Ordnungsamt soll künftig mit vier Nachbarorten gemeinsam arbeiten. Der Ausschuss fragt, mit welchem Landeszuschuss wir planen dürfen und welche Unterlagen in den Antrag gehören.',
    );
    const text = last.raw.map((a) => a.text).join('\n');
    expect(text).toMatch(/in der Regel 100\.000 €(?:\*\*)? für eine Kooperation von fünf Kommunen/iu);
    // The documents are answered beside the amount, or offered as the next question.
    expect(text.includes('Antragsunterlagen') || last.titles.join('\n').includes('welche Unterlagen in den Antrag gehören')).toBe(true);
    expect(last.titles.join('\n')).not.toContain('Landeszuschuss');
  });

  it('asks for no number of brigades when a question about the fire brigade asks for another sum', async () => {
    const { last } = await talk(BEFORE, 'Wie hoch ist die übliche Aufwandsentschädigung für einen Wehrführer der Freiwilligen Feuerwehr?');
    expect(last.text).toContain(TEXT.noAnswer);
    expect(last.text).not.toContain('Wie viele Ortsteilfeuerwehren');
  });

  it.each<[string, string]>([
    [
      'counted',
      'Drei Gemeinden wollen ihre Ordnungsämter zusammenlegen, die Einsparung liegt aber nur bei etwa 8 %. Kriegen wir trotzdem was?',
    ],
    ['named', 'Die Gemeinden A, B und C wollen ihre Ordnungsämter zusammenlegen, wir sparen nur 10 Prozent. Gibt es trotzdem Geld?'],
  ])('answers with the savings rule, not an amount, when the partners (%s) tell a saving below 15 %', async (_name, question) => {
    const { last, outcomes } = await talk(BEFORE, question);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'einsparvorgabe' });
    expect(last.text).toMatch(
      /Für Ihren Fall: Sie rechnen mit (?:8|10) % Einsparung; die Personal- und Sachausgaben sollen aber um mindestens 15 %/,
    );
    expect(last.text).not.toContain('In der Regel 75.000');
  });

  it('computes the amount when the saving told meets the rule', async () => {
    const { last } = await talk(
      BEFORE,
      'Wir sind 4 Gemeinden und sparen mit dem gemeinsamen Bauhof ungefähr 20 %. Wie viel Förderung gibt es?',
    );
    expect(last.text).toContain('In der Regel 100.000 €');
  });

  it('computes nothing for a question about something else that has a count', async () => {
    const { last } = await talk(BEFORE, 'Wir sind drei Gemeinden. Welche Unterlagen brauchen wir für den Antrag?');
    expect(last.text).not.toContain('In der Regel 75.000');
    expect(last.text).not.toContain('Für Ihren Fall');
  });
});

describe('the validity notice with computed amounts and questions about the time after the programme', () => {
  it.each<[string, string, string | undefined]>([
    ['before the end: no notice', BEFORE, undefined],
    ['near the end: the programme ends soon', NEAR, NOTICE_SOON],
    ['after the end: the programme has ended', AFTER, NOTICE_ENDED],
  ])('a computed amount %s', async (_name, day, notice) => {
    const { last } = await talk(day, 'Wie viel Förderung gibt es für vier Gemeinden?');
    expect(last.text).toContain('In der Regel 100.000 €');
    if (notice) expect(last.text).toContain(`Hinweis: ${notice}`);
    else expect(last.text).not.toContain('Hinweis:');
  });

  it.each<[string, string, string]>([
    ['"Können wir 2027 noch einen Antrag stellen?" before the end', 'Können wir 2027 noch einen Antrag stellen?', BEFORE],
    ['"Können wir 2027 noch einen Antrag stellen?" near the end', 'Können wir 2027 noch einen Antrag stellen?', NEAR],
    ['"nächstes Jahr" near the end', 'Läuft die Förderung nächstes Jahr noch weiter?', NEAR],
    ['a successor agreement', 'Gibt es schon eine Nachfolgeregelung für die Rahmenvereinbarung?', BEFORE],
    ['a year after the end, which makes the search unsure', 'Gibt es 2028 eine neue Rahmenvereinbarung?', BEFORE],
  ])('answers %s with the notice text', async (_name, question, day) => {
    const { last, outcomes } = await talk(day, question);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'geltungsdauer' });
    expect(last.text).toContain(`Hinweis: ${NOTICE_SOON}`);
  });

  it('answers "im nächsten Jahr noch einen Antrag stellen" with the notice instead of starting the application dialog', async () => {
    const { last, outcomes } = await talk(NEAR, 'Können wir im nächsten Jahr noch einen Antrag stellen?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer' });
    expect(last.text).toContain(`Hinweis: ${NOTICE_SOON}`);
  });

  it('says after the end that the programme has ended', async () => {
    const { last } = await talk(AFTER, 'Können wir 2027 noch einen Antrag stellen?');
    expect(last.text).toContain(`Hinweis: ${NOTICE_ENDED}`);
  });

  it('computes a question about 2027 by the rules known, with the notice, before the notice is due', async () => {
    const { last } = await talk(BEFORE, 'Wie viel gibt es 2027 für drei Gemeinden?');
    expect(last.text).toContain('In der Regel 75.000 €');
    expect(last.text).toContain(`Hinweis: ${NOTICE_SOON}`);
  });

  it('reads "nächstes Jahr" from the clock: in 2025 a year still in force (no notice), in mid-2026 the year after the end', async () => {
    const question = 'Wie viel gibt es nächstes Jahr für drei Gemeinden?';
    const early = (await talk('2025-03-01', question)).last;
    expect(early.text).toContain('In der Regel 75.000 €');
    expect(early.text).not.toContain('Hinweis:');
    expect((await talk(BEFORE, question)).last.text).toContain(`Hinweis: ${NOTICE_SOON}`);
  });
});
