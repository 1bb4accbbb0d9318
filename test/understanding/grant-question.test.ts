import { describe, expect, it } from 'vitest';
import type { GrantCase } from '../../src/funding/grant-amounts.js';
import { programmeParametersSchema } from '../../src/funding/programme-parameters.js';
import type { AnswerDecision } from '../../src/knowledge/answer-engine.js';
import type { Article } from '../../src/knowledge/types.js';
import { grantAnswer, grantUse, readGrantCase, type GrantTopic } from '../../src/understanding/grant-question.js';
import { programmeWithSuccessor, shippedProgramme } from '../helpers/programme.js';

const programme = shippedProgramme();
const cases = programme.grant_cases;
const fresh = { followUp: false };

const answered = (id: string): AnswerDecision => ({
  outcome: 'answer',
  article: { id } as Article,
  sections: [],
  score: 1,
  coverage: 1,
  candidates: [],
});
const unanswered: AnswerDecision = { outcome: 'no_answer', reason: 'not_covered', candidates: [] };

describe('which computed case a question is about, with its numbers (words from the programme file)', () => {
  it.each<[string, GrantCase]>([
    ['Wir sind drei Gemeinden, gemeinsamer Bauhof – wie viel Förderung gibts?', { kind: 'kooperation', partners: 3 }],
    ['fuenf gemeinden wollen ihr kassenwesen zusammenlegen wieviel gibts', { kind: 'kooperation', partners: 5 }],
    ['Gibt das Land Geld dazu wenn wir den Bauhof mit zwei Nachbarorten zusammen machen?', { kind: 'kooperation', partners: 3 }],
    ['Kläranlage gemeinsam betreiben mit 3 anderen Gemeinden', { kind: 'kooperation', partners: 4 }],
    ['drei Gemeinden und der Landkreis – wie viel gibt es?', { kind: 'kooperation', partners: 4 }],
    ['7 Gemeinden plus Landkreis, was ist da die Regelförderung', { kind: 'kooperation', partners: 8 }],
    ['Wir sind zu viert, wie viel Förderung gibt es? (Regelzuwendung)', { kind: 'kooperation', partners: 4 }],
    ['Was gibt es für eine 3er-Kooperation als Regelzuwendung?', { kind: 'kooperation', partners: 3 }],
    ['wir legen vier ortsteilwehren zu einer zusammen wie viel kriegen wir', { kind: 'feuerwehr', brigades: 4 }],
    ['Sechs Wehren sollen zu einer Stützpunktwehr werden. Mit welcher Summe können wir rechnen?', { kind: 'feuerwehr', brigades: 6 }],
    ['wir wollen 3 ortsteil-ffw zu einer zusammenlegen', { kind: 'feuerwehr', brigades: 3 }],
    // "die beiden" counts two of the thing it names.
    ['Wir wollen die beiden Ortsteilwehren zusammenlegen. Gibt es vom Land Geld dafür?', { kind: 'feuerwehr', brigades: 2 }],
    // Ortsteile count brigades only where the message speaks of Wehren.
    [
      'In unserer Gemeinde haben drei Ortsteile je eine eigene Wehr, die sollen eine werden. Gibt es dafür Geld?',
      { kind: 'feuerwehr', brigades: 3 },
    ],
    [
      'Wir sind eine Gemeinde mit fünf Ortsteilen und wollen mit zwei Nachbarorten den Bauhof zusammenlegen. Was gibt es?',
      { kind: 'kooperation', partners: 3 },
    ],
    ['GVV mit 3 Gemeinden, wie hoch ist die Förderung insgesamt', { kind: 'gvv', members: 3 }],
    ['Wir wollen mit drei Nachbargemeinden einen GVV gründen, also vier Gemeinden insgesamt.', { kind: 'gvv', members: 4 }],
    // Counts listed with one counting word are parts of one whole: the new municipality, all brigades.
    [
      'Zwei Gemeinden mit 3.200 und 3.800 Einwohnern fusionieren, Schulden im Kernhaushalt 8 Mio. Wie hoch wäre die Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 7000, debt: 8_000_000 },
    ],
    [
      'Zwei Dörfer, eins mit 2.900 und eins mit 3.300 Einwohnern, wollen fusionieren. Kredite 12 Mio. Wie viel Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 6200, debt: 12_000_000 },
    ],
    [
      'Gemeinde A mit 2.900 und Gemeinde B mit 3.300 Einwohnern wollen fusionieren, Schulden 4 Mio. Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 6200, debt: 4_000_000 },
    ],
    // Inhabitants of merging municipalities given one by one add up, unless one of them already is their sum.
    [
      'Wir (3.100 Einwohner) und die Nachbargemeinde (2.900 EW) wollen fusionieren, zusammen 9 Mio Schulden. Wie viel Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 6000, debt: 9_000_000 },
    ],
    [
      'Gemeinde A hat 4.100, Gemeinde B 3.400 Einwohner, nach der Fusion also genau 7.500. Schulden 10 Mio. Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 7500, debt: 10_000_000 },
    ],
    [
      'Bei der Fusion haben wir 8.000 Einwohner und 5 Mio Schulden. Entschuldungshilfe bei 8.000 Einwohnern?',
      { kind: 'entschuldung', inhabitants: 8000, debt: 5_000_000 },
    ],
    ['wir legen 3 und 2 ortsteilwehren zusammen, wie viel gibt es', { kind: 'feuerwehr', brigades: 5 }],
    ['Wie viel Förderung gibt es für zwischen 3 und 5 Gemeinden?', { kind: 'kooperation', partners: 5 }],
    [
      'Zwei Gemeinden fusionieren, danach 6.000 Einwohner, Schulden im Kernhaushalt 10 Mio. Wie hoch wäre die Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 6000, debt: 10_000_000 },
    ],
    [
      'Fusion, zusammen ca. 12.000 EW, Kassenkredite 1,5 Millionen € – Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 12_000, debt: 1_500_000 },
    ],
    ['Entschuldungshilfe: Einwohnerzahl 9000, dazu 5 Mio', { kind: 'entschuldung', inhabitants: 9000, debt: 5_000_000 }],
    ['Wir sind ne 3er Kooperation beim Bauhof, was gibts da?', { kind: 'kooperation', partners: 3 }],
    // The group size in the question is what is asked about, whatever the story before counted.
    [
      'Wir wollen mit unserer Nachbargemeinde den Bauhof zusammenlegen, eine dritte Kommune, die mitmachen will, gibt es nicht. Gibt es Geld, wenn wir nur zu zweit sind?',
      { kind: 'kooperation', partners: 2 },
    ],
    // …also when the story told its group ("bei uns beiden") before a count it only reported.
    [
      'Es bleibt bei uns beiden. Ich hab gelesen, dass man normalerweise mindestens drei Kommunen braucht. Haben wir zu zweit überhaupt eine Chance auf Förderung?',
      { kind: 'kooperation', partners: 2 },
    ],
    ['zwei Gemeinden + Landkreis, gemeinsames Ordnungsamt, Fördersumme?', { kind: 'kooperation', partners: 3 }],
    // Numbers of the story: the town's inhabitants, where the partners are, joined counts, genitive and long number words.
    [
      'Wir sind eine Gemeinde mit 6.000 Einwohnern und wollen mit zwei Nachbargemeinden das Standesamt zusammenlegen. Wie viel Förderung gibt es?',
      { kind: 'kooperation', partners: 3 },
    ],
    [
      'Die Stadt (11.500 Einwohner) kooperiert mit zwei Gemeinden beim Personalwesen. Wie viel gibt es?',
      { kind: 'kooperation', partners: 3 },
    ],
    ['Wir wollen mit zwei Gemeinden das Standesamt zusammenlegen, wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    ['Haben wir mit 4 Gemeinden einen Anspruch auf die Förderung?', { kind: 'kooperation', partners: 4 }],
    [
      'Drei Gemeinden und zwei Kreise wollen gemeinsam einen Bauhof betreiben – wie hoch ist die Förderung?',
      { kind: 'kooperation', partners: 5 },
    ],
    ['Wir sind drei Gemeinden in zwei Landkreisen. Wie viel Förderung gibt es?', { kind: 'kooperation', partners: 3 }],
    ['Vier Kommunen aus zwei Kreisen, gemeinsame Kasse – wie viel Geld?', { kind: 'kooperation', partners: 4 }],
    ['Wie viel Förderung gibt es für eine Verwaltungsgemeinschaft aus zwei Gemeinden?', { kind: 'gvv', members: 2 }],
    [
      'Bei einer Fusion zweier Gemeinden mit zusammen siebentausend Einwohnern und 12 Millionen Euro Kassenkrediten – wie viel Entschuldung?',
      { kind: 'entschuldung', inhabitants: 7000, debt: 12_000_000 },
    ],
    ['Zwei Gemeinden wollen fusionieren, zusammen 6.000 Einwohner. Wie viel gibt es?', { kind: 'entschuldung', inhabitants: 6000 }],
    ['Unsere Gemeinde hat 12.000 Einwohner und will vier Ortsteilfeuerwehren zusammenlegen.', { kind: 'feuerwehr', brigades: 4 }],
    ['Je Gemeinde 150.000 € beim GVV – was macht das für uns drei?', { kind: 'gvv', members: 3 }],
    [
      'Unsere vier Gemeinden (zusammen 11 Ortsteile) wollen 2027 einen Gemeindeverwaltungsverband gründen. Wie hoch ist die Förderung insgesamt?',
      { kind: 'gvv', members: 4 },
    ],
    [
      'Heute kostet die Kassenverwaltung uns drei zusammen 250.000 € pro Jahr. Wie viel müssen wir einsparen, damit es gefördert wird?',
      { kind: 'einsparung', costs: 250_000 },
    ],
    // What "wie viel" asks for, with the sum it is computed from, chooses the case over the partners counted.
    [
      'Unsere 3 Gemeinden geben für die Kasse rund 400.000 € im Jahr aus. Wieviel müssen wir mindestens pro Jahr einsparen, damit es gefördert wird?',
      { kind: 'einsparung', costs: 400_000 },
    ],
    // What "wie viel" asks is the saving, the money its aim.
    ['Wie viel müssen wir sparen, damit wir die Kohle bekommen?', { kind: 'einsparung' }],
    // Not money given for it: a merger's amount.
    ['Wie viel bekommen wir bei einer Fusion mit 6.000 Einwohnern?', { kind: 'entschuldung', inhabitants: 6000 }],
    // A number after a type's abbreviation is part of its name, no count ("EW" and "GVV" are the cases' words).
    ['Wie hoch ist der Zuschuss für ein neues HLF 20 für unsere Stützpunktfeuerwehr?', { kind: 'feuerwehr' }],
    ['GVV 3 Gemeinden, wie viel gibt es?', { kind: 'gvv', members: 3 }],
    // "insgesamt 9.000 Einwohner" gives a total, it asks for none; "alle drei Gemeinden" names the same three again.
    [
      'Die Gemeinden Adorf, Bdorf und Cdorf prüfen einen GVV aus drei Gemeinden mit insgesamt 9.000 Einwohnern. Wie viel gibt es?',
      { kind: 'gvv', members: 3 },
    ],
    [
      'Die Gemeinden Adorf, Bdorf und Cdorf wollen einen GVV gründen. Alle drei Gemeinden bleiben selbstständig. Was gibt es insgesamt?',
      { kind: 'gvv', members: 3 },
    ],
    // Municipalities named at the start of a sentence as those who plan are counted; tasks are not.
    ['Adorf, Bdorf und Cdorf überlegen einen Gemeindeverwaltungsverband. Wie hoch wäre die Zuwendung?', { kind: 'gvv', members: 3 }],
    ['Adorf und Bdorf wollen ihre Kassen zusammenlegen. Wie viel Geld gibt es?', { kind: 'kooperation', partners: 2 }],
    // A place name of two words ("Bad …") is one name of the list.
    ['Adorf, Bdorf und Bad Cdorf überlegen, einen GVV zu gründen. Was gibt es insgesamt?', { kind: 'gvv', members: 3 }],
    // The brigades of the places named: three of them; places that hold many municipalities only say where.
    [
      'Die Wehren aus drei Ortsteilen sollen zu einer zusammengelegt werden. Wie viel Förderung gibt es?',
      { kind: 'feuerwehr', brigades: 3 },
    ],
    ['Gemeinden aus zwei Landkreisen planen einen GVV. Wie viel gibt es?', { kind: 'gvv' }],
    // A counting word or name mistyped by one keystroke is still that word; a word of sums is not ("Aufgaben").
    ['Drei Gemiende wollen einen GVV gründen. Was gibts?', { kind: 'gvv', members: 3 }],
    ['Wir sind 3 Gemeinden und legen unsere Aufgaben zusammen. Wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    // Both forms of one word count the same people, not one more.
    [
      'Nach der Fusion hätte die neue Gemeinde 8.300 Einwohnerinnen und Einwohner. Wie hoch wäre die Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 8300 },
    ],
    // A number with its own unit counts that unit, not the partners named before it.
    ['Wenn die IKZ mit den Nachbarn nach 3 Jahren endet, wie viel Förderung zahlen wir zurück?', { kind: 'kooperation' }],
    // A merger of municipalities is no cooperation of partners, whatever their count: its amount needs the inhabitants.
    ['Zwei Gemeinden wollen fusionieren. Wie viel gibt es?', { kind: 'entschuldung' }],
    ['Wir wollen mit der Nachbargemeinde fusionieren. Was zahlt das Land?', { kind: 'entschuldung' }],
    ['Wir wollen mit dem Nachbardorf eins werden, mit neuem Namen. Hilft das Land bei den Schulden?', { kind: 'entschuldung' }],
  ])('"%s"', (text, grantCase) => {
    expect(readGrantCase(text, cases, fresh)?.grantCase).toEqual(grantCase);
  });

  it.each([
    'Bauhof und Kasse wollen wir zusammenlegen. Wie viel Geld gibt es?',
    'Bauhof und Kasse sollen zusammengelegt werden. Wie viel Geld gibt es?',
  ])('counts no partners in tasks listed at the start of a sentence: "%s"', (text) => {
    const grantCase = readGrantCase(text, cases, fresh)?.grantCase as { partners?: number } | undefined;
    expect(grantCase?.partners).toBeUndefined();
  });

  it.each<[string, GrantCase]>([
    [
      'Unsere Personal- und Sachkosten liegen heute bei 400.000 € im Jahr. Wie viel müssen wir mindestens einsparen?',
      { kind: 'einsparung', costs: 400_000 },
    ],
    ['Wir geben heute 250.000 Euro für die Kasse aus, wie viel müssen wir sparen?', { kind: 'einsparung', costs: 250_000 }],
    ['Drei Gemeinden: wie viel müssen wir einsparen?', { kind: 'einsparung' }],
    // Things listed after "Kosten" are no sum: the costs stay to be asked for.
    [
      'Wir müssen zwei Büros umbauen. Wieviel Prozent müssen wir sparen, und dürfen wir die Kosten für Umbau und Auto mit reinrechnen?',
      { kind: 'einsparung' },
    ],
  ])('reads the savings rule as a share of given costs when the savings article answers: "%s"', (text, grantCase) => {
    expect(readGrantCase(text, cases, { articleId: 'einsparvorgabe', followUp: false })?.grantCase).toEqual(grantCase);
  });

  it('reads partners named beside the fire brigades as a cooperation when only the article found is about brigades', () => {
    const read = readGrantCase('mit 2 Nachbarkommunen die Feuerwehrtechnik gemeinsam beschaffen', cases, {
      articleId: 'foerderhoehe-feuerwehr',
      followUp: false,
    });
    expect(read?.grantCase).toEqual({ kind: 'kooperation', partners: 3 });
  });

  it.each<[string, GrantCase]>([
    // "‹n› … zu ‹m›": the brigades taking part are n (15.000 € each); m is what they become.
    ['In Tannrode schließen sich fünf Ortsteilfeuerwehren zu zwei zusammen. Wie viel gibt es?', { kind: 'feuerwehr', brigades: 5 }],
    ['Wir legen sechs Ortsteilwehren zu drei Wehren zusammen – Förderung?', { kind: 'feuerwehr', brigades: 6 }],
    ['Aus vier Wehren werden zwei. Mit welcher Summe können wir rechnen?', { kind: 'feuerwehr', brigades: 4 }],
    ['Zwei Wehren werden zu einer zusammengelegt, wie viel gibt es?', { kind: 'feuerwehr', brigades: 2 }],
    // A count after "zu" alone, or partners that grow, are counted as before.
    ['Wir wollen zu drei Wehren zusammenlegen, wie viel gibt es?', { kind: 'feuerwehr', brigades: 3 }],
    ['Wir sind drei Gemeinden, bald werden es vier Gemeinden. Wie viel gibt es?', { kind: 'kooperation', partners: 4 }],
    // Two mergers of one kind and the question for the total: their sum.
    ['Zwei Fusionen: aus 3 Wehren wird eine, aus 4 Wehren wird eine. Was gibt es insgesamt?', { kind: 'feuerwehr', brigades: 7 }],
    [
      'Bei uns werden vier Wehren zu einer, beim Nachbarn zwei Wehren zu einer. Was bekommen wir zusammengerechnet?',
      {
        kind: 'feuerwehr',
        brigades: 6,
      },
    ],
    [
      'Zwei Zusammenlegungen bei uns: einmal 4 Ortsteilwehren zu einer, einmal 3 zu einer. Was gibt es insgesamt?',
      { kind: 'feuerwehr', brigades: 7 },
    ],
    // A count said again ("also") or asked about after the total word is no second merger.
    [
      'Wir haben mit drei Nachbargemeinden, also vier Gemeinden, ein Standesamt. Wie viel gibt es insgesamt?',
      { kind: 'kooperation', partners: 4 },
    ],
    [
      'Sieben Ortsteilfeuerwehren haben wir. Wie viel gibt es insgesamt für die vier Wehren, die fusionieren?',
      { kind: 'feuerwehr', brigades: 4 },
    ],
    // A count after "je"/"jeweils" is per each of the count before: times a count of mergers, on top of a count of towns.
    ['Zwei Feuerwehrfusionen mit jeweils drei Ortsteilwehren stehen an. Wie viel gibt es?', { kind: 'feuerwehr', brigades: 6 }],
    ['Wir planen 2x je vier Wehren zu einer. Förderung?', { kind: 'feuerwehr', brigades: 8 }],
    [
      'Zwei Gemeinden mit je 4.000 Einwohnern fusionieren, Kassenkredite 6 Mio. Wie hoch wäre die Entschuldungshilfe?',
      { kind: 'entschuldung', inhabitants: 8000, debt: 6_000_000 },
    ],
  ])('counts the ones taking part in a merger, not its result: "%s"', (text, grantCase) => {
    expect(readGrantCase(text, cases, fresh)?.grantCase).toEqual(grantCase);
  });

  it.each<[string, GrantCase]>([
    // An ordinal after an indefinite article or "als" is the new total, not one more and not added to the count before.
    [
      'Bisher sind wir drei Kommunen in der Kooperation. Ändert sich der Zuschuss, wenn noch eine vierte Gemeinde dazukommt?',
      { kind: 'kooperation', partners: 4 },
    ],
    ['Wir möchten als fünfte Kommune beitreten. Wie viel gibt es?', { kind: 'kooperation', partners: 5 }],
    ['Wir sind zwei Gemeinden, eine dritte Gemeinde kommt hinzu. Wie viel Förderung?', { kind: 'kooperation', partners: 3 }],
    ['Wir sind zwei Gemeinden, eine dritte kommt hinzu. Wie viel Förderung?', { kind: 'kooperation', partners: 3 }],
    ['Wir wollen mit einer vierten Nachbargemeinde kooperieren, wie viel gibt es?', { kind: 'kooperation', partners: 4 }],
    ['Zwei Wehren fusionieren, eine dritte Wehr kommt dazu. Wie viel gibt es?', { kind: 'feuerwehr', brigades: 3 }],
    // One in a denied clause adds nobody.
    ['Wir sind zwei Gemeinden, ein dritter Partner ist nicht in Sicht. Wie viel Förderung gibt es?', { kind: 'kooperation', partners: 2 }],
    ['Wir sind zwei Gemeinden. Eine dritte findet sich keine. Wie viel gibt es?', { kind: 'kooperation', partners: 2 }],
    // An ordinal that names one of those counted, or stands after a definite article, is no count.
    ['Wir sind drei Gemeinden; als zweite Gemeinde im Kreis haben wir eine Kasse. Wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    ['Wir sind drei Gemeinden. Die zweite Gemeinde hat 5.000 Einwohner. Wie viel Förderung gibt es?', { kind: 'kooperation', partners: 3 }],
    ['Die zweite Gemeinde hat 5.000 Einwohner. Wie viel Förderung gibt es?', { kind: 'kooperation' }],
    ['Wir wollen als zweite Kommune im Kreis einen Bauhof-Verbund gründen. Wie viel gibt es?', { kind: 'kooperation' }],
    ['Als dritte Gemeinde in ganz Hessen teilen wir das Standesamt. Wie viel gibt es?', { kind: 'kooperation' }],
    ['Wir möchten als vierte Gemeinde in den Zweckverband eintreten. Wie viel gibt es?', { kind: 'kooperation', partners: 4 }],
    ['Wir stellen einen zweiten Antrag für drei Gemeinden. Wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    ['Wir planen zum zweiten Mal eine Kooperation mit drei Gemeinden. Wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    // One other named with an indefinite article and a mark of the others: two in all.
    [
      'Mich würde interessieren, ob auch eine Kooperation mit nur einer einzigen Nachbargemeinde gefördert werden kann.',
      { kind: 'kooperation', partners: 2 },
    ],
    ['Wir und eine Nachbarstadt wollen das Standesamt zusammenlegen. Wie viel Förderung gibt es?', { kind: 'kooperation', partners: 2 }],
    ['Wir wollen mit einer anderen Gemeinde einen GVV gründen. Wie viel gibt es?', { kind: 'gvv', members: 2 }],
    ['Wir und eine Nachbargemeinde und der Landkreis – wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    ['Wir sind zu zweit. Wie viel Förderung gibt es?', { kind: 'kooperation', partners: 2 }],
    // So does a singular determiner after "mit"; the plural names no count.
    ['Wir wollen mit der Nachbargemeinde das Standesamt zusammenlegen. Wie viel gibt es?', { kind: 'kooperation', partners: 2 }],
    ['Gibt es Geld, wenn wir die Kasse mit dem vom Nachbarort zusammenlegen?', { kind: 'kooperation', partners: 2 }],
    ['Wir wollen mit unseren Nachbargemeinden das Standesamt zusammenlegen. Wie viel gibt es?', { kind: 'kooperation' }],
    // After a count: one more with "noch"/"weitere", else one of those counted.
    ['Wir sind drei Gemeinden, wenn noch eine weitere Gemeinde dazukommt, wie viel gibt es?', { kind: 'kooperation', partners: 4 }],
    ['Wir sind drei Gemeinden, darunter eine Nachbargemeinde aus dem Kreis Fulda. Wie viel gibt es?', { kind: 'kooperation', partners: 3 }],
    // "eine Gemeinde" without a mark of the others counts no partner.
    ['Eine Gemeinde möchte das Standesamt auslagern. Wie viel Förderung gibt es?', { kind: 'kooperation' }],
  ])('reads ordinals and one other partner: "%s"', (text, grantCase) => {
    expect(readGrantCase(text, cases, fresh)?.grantCase).toEqual(grantCase);
  });

  it('reads no count of partners into a merger into one municipality', () => {
    const merger = 'Hilft das Land auch wenn wir uns mit dem Nachbarort richtig zusammentun wollen, also eine einzige Gemeinde werden';
    expect(readGrantCase(merger, cases, fresh)?.given ?? []).toEqual([]);
  });

  it('takes the count the question asks about, not one the letter mentions before', () => {
    const letter =
      'In unserer Gemeinde gibt es sieben Ortsteilfeuerwehren. Vier davon sollen zusammengehen. In welcher Höhe gibt es Förderung für die vier Wehren?';
    expect(readGrantCase(letter, cases, fresh)?.grantCase).toEqual({ kind: 'feuerwehr', brigades: 4 });
  });

  it('reads "mit welchem Landeszuschuss …" as a question for the amount, compounds of the money word included', () => {
    expect(readGrantCase('Wir sind vier Gemeinden. Mit welchem Landeszuschuss dürfen wir planen?', cases, fresh)).toMatchObject({
      grantCase: { kind: 'kooperation', partners: 4 },
      asks: 'strong',
    });
  });

  it('reads "Hilft uns das Land finanziell?" as speaking of money', () => {
    expect(
      readGrantCase('Die Wehren im Ober- und Unterdorf sollen eine werden. Hilft uns das Land da irgendwie finanziell?', cases, fresh),
    ).toMatchObject({ grantCase: { kind: 'feuerwehr' }, asks: 'weak' });
  });

  it('reads no case into questions about other numbers', () => {
    expect(readGrantCase('Wie viele Cyberangriffe wurden 2024 gemeldet?', cases, fresh)).toBeUndefined();
    // The savings rule is named, but the percentage is asked, not an amount.
    expect(readGrantCase('Einsparvorgabe: wie viel Prozent?', cases, fresh)).toMatchObject({ asks: 'none', given: [] });
    // A year is no count, a single brigade's vehicle no merger.
    expect(readGrantCase('Zuschuss für ein neues LF 10 nur für unsere eigene Feuerwehr?', cases, fresh)?.given).toEqual([]);
  });

  it('knows the case of the answer article when the question names none', () => {
    expect(readGrantCase('Wie hoch ist das?', cases, { articleId: 'foerderhoehe-gvv', followUp: false })).toMatchObject({
      grantCase: { kind: 'gvv' },
      by: 'article',
      given: [],
    });
  });

  it('reads a follow-up against the topic: bare numbers, the number asked for, one more partner, another case', () => {
    const three: GrantTopic = { grantCase: { kind: 'kooperation', partners: 3 } };
    const follow = (text: string, topic: GrantTopic) => readGrantCase(text, cases, { topic, followUp: true })?.grantCase;
    expect(follow('Und für fünf?', three)).toEqual({ kind: 'kooperation', partners: 5 });
    expect(follow('und wenn es nur zwei sind?', three)).toEqual({ kind: 'kooperation', partners: 2 });
    expect(follow('und wenn der Landkreis noch mitmacht?', three)).toEqual({ kind: 'kooperation', partners: 4 });
    // A count that joins the ones before adds to theirs; "also …" restates the total.
    expect(follow('und wenn noch zwei dazukommen?', three)).toEqual({ kind: 'kooperation', partners: 5 });
    expect(follow('und wenn zwei dazukommen, also fünf?', three)).toEqual({ kind: 'kooperation', partners: 5 });
    expect(follow('und wenn noch zwei dazukommen, also sechs?', three)).toEqual({ kind: 'kooperation', partners: 6 });
    expect(follow('und als GVV?', three)).toEqual({ kind: 'gvv', members: 3 });
    // One more by an ordinal (the new total), by "noch"/"weitere" with an article (the topic's count and one), or one neighbour only.
    expect(follow('Und mit einer vierten Gemeinde?', three)).toEqual({ kind: 'kooperation', partners: 4 });
    expect(follow('Und eine fünfte?', { grantCase: { kind: 'kooperation', partners: 4 } })).toEqual({ kind: 'kooperation', partners: 5 });
    expect(follow('Und wenn noch eine Nachbargemeinde dazukommt?', three)).toEqual({ kind: 'kooperation', partners: 4 });
    expect(follow('Und wenn eine weitere Gemeinde mitmacht?', three)).toEqual({ kind: 'kooperation', partners: 4 });
    expect(follow('Und wenn es nur wir und eine Nachbargemeinde sind?', three)).toEqual({ kind: 'kooperation', partners: 2 });
    expect(follow('und in 5 Jahren?', three)).toEqual({ kind: 'kooperation', partners: 3 });
    const relief: GrantTopic = { grantCase: { kind: 'entschuldung', inhabitants: 6000 }, awaiting: 'debt' };
    expect(follow('10 Mio', relief)).toEqual({ kind: 'entschuldung', inhabitants: 6000, debt: 10_000_000 });
    expect(follow('und mit 8000 Einwohnern?', relief)).toEqual({ kind: 'entschuldung', inhabitants: 8000 });
  });

  it('tells how strongly a question asks for the amount', () => {
    const asks = (text: string) => readGrantCase(text, cases, fresh)?.asks;
    expect(asks('drei Gemeinden – wie viel gibt es?')).toBe('strong');
    expect(asks('drei Gemeinden – was bekommen wir?')).toBe('strong');
    expect(asks('Gibt das Land Geld dazu, wenn drei Gemeinden …?')).toBe('weak');
    expect(asks('Drei Gemeinden – welche Unterlagen brauchen wir?')).toBe('none');
    expect(asks('Wir sind 3 Gemeinden und bekommen Geld. Wann wird ausgezahlt?')).toBe('none');
    expect(asks('Wir sind 3 Gemeinden – welche Summe ist drin?')).toBe('strong');
    expect(asks('Fünf Gemeinden gründen einen GVV. Welche Gesamtzuweisung wäre zu erwarten?')).toBe('strong');
    expect(asks('Drei Ortsteilfeuerwehren sollen zusammengelegt werden. Was gibt es vom Land?')).toBe('strong');
    expect(asks('Drei Gemeinden, was gibts an Förderung?')).toBe('strong');
    // "in welcher Größenordnung" asks for the figure, as "wie hoch" does.
    expect(asks('Vier Gemeinden bilden einen GVV. Gibt das Land einen Zuschuss und in welcher Größenordnung?')).toBe('strong');
    expect(asks('Was gibt es bei drei Gemeinden zu beachten?')).not.toBe('strong');
    expect(asks('Drei Wehren und zwei Wehren werden je eine: was gibt es insgesamt?')).toBe('strong');
    expect(asks('Drei Gemeinden – wann wird das Geld insgesamt ausgezahlt?')).toBe('none');
    // What it costs the municipality is no amount the Land gives.
    expect(asks('Wir sind eine VG aus drei Gemeinden. Gibt es vom Land etwas dafür, und was kostet uns das?')).toBe('none');
    expect(asks('Drei Gemeinden – ist das Angebot des Landes kostenlos?')).toBe('none');
    // Also with "wie viel": what the municipality pays itself, when no money given is spoken of.
    expect(asks('Wir sind drei Gemeinden. Was müssen wir beim Notfallmanagement zahlen, und wenn ja, wie viel?')).toBe('none');
    expect(asks('Drei Gemeinden: gibt es Module, die was kosten? Wie viel?')).toBe('none');
    expect(asks('Drei Gemeinden: wie viel Zuschuss bekommen wir, und was müssen wir selbst zahlen?')).toBe('strong');
    // Money spoken of in a statement, not in the question, asks for no amount; a sum given still does.
    expect(asks('Beide Kreise legen die Vergabe zusammen. Ich dachte, Geld gibt es nur mit Gemeinden. Ist das noch so?')).toBe('none');
    expect(asks('Wir drei Gemeinden haben 100.000 € eingeplant. Passt das?')).toBe('weak');
    // "was gibt/gäbe es für einen …?" asks for the amount of that thing; with more after it, not.
    expect(asks('Und was gäbe es für einen GVV?')).toBe('strong');
    expect(asks('Was gibt es für einen GVV zu beachten?')).not.toBe('strong');
    // The municipalities' own share is what they pay, not the grant.
    expect(asks('Drei Gemeinden legen die Kasse zusammen. Wie hoch ist unser Eigenanteil?')).toBe('none');
    // Whether money must go back is no question for an amount.
    expect(asks('Zwei Gemeinden prüfen eine Fusion. Müssen wir den Zuschuss für die Studie zurückzahlen, wenn sie scheitert?')).toBe(
      'none',
    );
  });

  it.each([
    // A change of the amount asked about, for a concrete case …
    ['Wir sind drei Kommunen. Ändert sich der Zuschuss, wenn noch eine vierte Gemeinde dazukommt?', 'strong'],
    ['Wir sind drei Gemeinden. Wird die Förderung höher, wenn der Landkreis mitmacht?', 'strong'],
    ['Erhöht sich die Zuwendung, wenn wir fünf Gemeinden sind?', 'strong'],
    // … not of something else, and not without a case.
    ['Ändert sich das Verfahren, wenn eine vierte Gemeinde dazukommt?', 'none'],
    // Whether a count in focus ("nur") is funded asks how that case is funded …
    ['Mich würde interessieren, ob auch eine Kooperation mit nur einer einzigen Nachbargemeinde gefördert werden kann.', 'strong'],
    ['Werden auch Kooperationen von nur zwei Gemeinden gefördert?', 'strong'],
    // … a count told on the way, or "nur" asking something else, not.
    ['Wird eine Kooperation von drei Gemeinden im Bereich Abwasser gefördert?', 'none'],
    ['Wir sind nur zwei Gemeinden – welche Unterlagen brauchen wir für die Förderung?', 'none'],
  ])('reads "%s" as asking for the amount: %s', (text, ask) => {
    expect(readGrantCase(text, cases, fresh)?.asks).toBe(ask);
  });

  it.each([
    // Everyday words for the total count as asking for it …
    ['Fünf Ortsteilfeuerwehren gehen zusammen. Was bleibt da am Ende für uns hängen?', 'strong'],
    ['Drei Gemeinden legen die Kassen zusammen – was springt dabei heraus?', 'strong'],
    ['Vier Gemeinden, ein Bauhof: was kommt da an Zuschuss rum?', 'strong'],
    ['Was ist für uns vier Gemeinden drin?', 'strong'],
    ['Kasse mit 6 Gemeinden, welche Förderung ist da drin?', 'strong'],
    ['Wir sind drei Gemeinden. Was steht uns da zu?', 'strong'],
    ['Drei Gemeinden und ein Standesamt – was legt das Land dazu?', 'strong'],
    // Everyday verbs of giving, verb first, speak of money like "Gibt das Land Geld dazu?".
    ['Vier Gemeinden, ein gemeinsamer Bauhof. Legt Hessen da etwas obendrauf?', 'weak'],
    ['Zwei Wehren werden eine – schießt das Land dafür was zu?', 'weak'],
    ['Drei Gemeinden, eine Kasse: würde das Land etwas beisteuern?', 'weak'],
    ['Fünf Gemeinden und ein Standesamt. Lässt das Land da was springen?', 'weak'],
    ['Drei Gemeinden legen ihre Kassen zusammen.', 'none'],
    // … and "Förderung" on its own is about money.
    ['Drei Gemeinden, gemeinsame Kasse: Förderung?', 'weak'],
    // Not when something else is asked: a time, or a count ("wie viele"), not of euros.
    ['Drei Gemeinden – wann kommt die Förderung?', 'none'],
    ['Wie viele Gemeinden bekommen den Zuschuss schon?', 'none'],
    ['Wir sind drei Gemeinden. Wie viele Euro Zuschuss bekommen wir?', 'weak'],
  ])('reads "%s" as asking for the amount: %s', (text, ask) => {
    expect(readGrantCase(text, cases, fresh)?.asks).toBe(ask);
  });

  it('reads a count of partners for the case the statements describe without naming it (described_by)', () => {
    const text = 'Wir sind drei Gemeinden. Ein Rathaus macht die ganze Verwaltung, jede behält ihren Bürgermeister. Was gibt es dafür?';
    expect(readGrantCase(text, cases, { ...fresh, describedBy: 'gemeindeverwaltungsverband' })?.grantCase).toEqual({
      kind: 'gvv',
      members: 3,
    });
    // Statements that lead to an article of no case leave the count with the regular grant.
    expect(readGrantCase(text, cases, { ...fresh, describedBy: 'antragsverfahren' })?.grantCase).toEqual({
      kind: 'kooperation',
      partners: 3,
    });
    // A word only the regular grant counts with ("Kreis") that counts nothing here does not outweigh the description.
    const inKreis =
      'Bei uns im Kreis wollen drei Gemeinden ein gemeinsames Rathaus, jede behält ihren Bürgermeister. Wird das unterstützt?';
    expect(readGrantCase(inKreis, cases, { ...fresh, describedBy: 'gemeindeverwaltungsverband' })?.grantCase).toEqual({
      kind: 'gvv',
      members: 3,
    });
  });
});

describe('where the computed amount goes in the reply', () => {
  const use = (
    text: string,
    decision: {
      outcome: 'answer' | 'clarify' | 'no_answer';
      articleId?: string;
      caseArticleClose?: boolean;
      overview?: boolean;
      otherTopicFirst?: boolean;
    },
    topic?: GrantTopic,
    followUp = false,
  ) => grantUse(readGrantCase(text, cases, { articleId: decision.articleId, topic, followUp })!, decision, cases, topic, followUp);

  it.each<
    [
      string,
      string,
      {
        outcome: 'answer' | 'clarify' | 'no_answer';
        articleId?: string;
        caseArticleClose?: boolean;
        overview?: boolean;
        otherTopicFirst?: boolean;
      },
      'answer' | 'line' | undefined,
    ]
  >([
    [
      'the answer, when the search found only an overview and the message asks for money without the count',
      'Wir wollen mit den Nachbardörfern einen gemeinsamen Bauhof aufziehen, gibts da irgendeinen Zuschuss?',
      { outcome: 'answer', articleId: 'ikz-grundlagen', overview: true },
      'answer',
    ],
    [
      'nothing, when the message names only the programme ("für die Förderung reicht")',
      'Muss es ein Zweckverband sein, oder reicht ein Vertrag zwischen den Gemeinden für die Förderung?',
      { outcome: 'answer', articleId: 'kgg-formen', overview: true },
      undefined,
    ],
    [
      'nothing, when the search found another case article and the message asks no amount',
      '4 Gemeinden wollen zusammen Feuerwehrfahrzeuge beschaffen und warten lassen, ist das förderfähig?',
      { outcome: 'answer', articleId: 'foerderhoehe-feuerwehr' },
      undefined,
    ],
    [
      'nothing, when the search found the article of another case the message asks about',
      'Wir wollen mit drei Nachbarkommunen die Kasse zusammenlegen. Wie wird die geforderte Ersparnis gerechnet?',
      { outcome: 'answer', articleId: 'einsparvorgabe' },
      undefined,
    ],
    [
      'the answer, when the search found another case article the message does not ask about',
      'Wir sind 3 Gemeinden und wollen ein gemeinsames Standesamt. Mit wieviel koennen wir rechnen?',
      { outcome: 'answer', articleId: 'einsparvorgabe' },
      'answer',
    ],
    [
      'the answer, when the search found the case article',
      'Drei Gemeinden – was bekommen wir?',
      { outcome: 'answer', articleId: 'foerderhoehe' },
      'answer',
    ],
    [
      'the answer, when the search found nothing',
      'Sechs Wehren sollen zusammengehen, mit welcher Summe können wir rechnen?',
      { outcome: 'no_answer' },
      'answer',
    ],
    [
      'the answer to a money question that names the case, when the case article is close to the one found',
      'Kriegt ein GVV Geld vom Land?',
      { outcome: 'answer', articleId: 'projektentwicklung', caseArticleClose: true },
      'answer',
    ],
    [
      'nothing for that question when the case article is far behind the one found',
      'Kriegt ein GVV Geld vom Land?',
      { outcome: 'answer', articleId: 'projektentwicklung' },
      undefined,
    ],
    [
      'nothing, when the search found nothing, ranked another topic first and the message gives no number',
      'Wie viel müssen wir sparen, damit die Kommunalaufsicht unseren Haushalt mit dem Haushaltssicherungskonzept genehmigt?',
      { outcome: 'no_answer', otherTopicFirst: true },
      undefined,
    ],
    [
      'the answer, when the search found nothing and ranked another topic first, but the message gives the number',
      'Sechs Wehren sollen zusammengehen, mit welcher Summe können wir rechnen?',
      { outcome: 'no_answer', otherTopicFirst: true },
      'answer',
    ],
    [
      'the answer to "wie viel … Förderung" for a concrete case, over another article',
      'Wir sind drei Gemeinden, gemeinsamer Bauhof – wie viel Förderung gibts?',
      { outcome: 'answer', articleId: 'aufgabenbereiche' },
      'answer',
    ],
    [
      'the answer to "Förderhöhe?" for a concrete case, over another article',
      'Seit 2019 diskutieren wir, jetzt sollen 4 Wehren zu einer Stützpunktfeuerwehr werden. Förderhöhe?',
      { outcome: 'answer', articleId: 'projektentwicklung' },
      'answer',
    ],
    [
      'the savings as the answer when the question gives the costs, over another article',
      'Heute kostet die Kassenverwaltung uns drei zusammen 250.000 € pro Jahr. Wie viel müssen wir einsparen, damit es gefördert wird?',
      { outcome: 'answer', articleId: 'aufgabenbereiche' },
      'answer',
    ],
    [
      'the answer to "wie viel" over another article when the money is said in everyday words ("springt vom Land raus")',
      'Wir wollen mit zwei Nachbardörfern den Bauhof zusammenlegen. Springt da vom Land was raus und wie viel?',
      { outcome: 'answer', articleId: 'landesausgleichsstock' },
      'answer',
    ],
    [
      'the answer to a money question when the case article covers it as well as the one found',
      'Bekommen wir als vier Gemeinden Zuschüsse vom Land?',
      { outcome: 'answer', articleId: 'landesausgleichsstock', caseArticleClose: true },
      'answer',
    ],
    [
      'one line under another answer when the question only speaks of money',
      'Gibt das Land Geld dazu, wenn wir den Bauhof mit zwei Nachbarorten machen?',
      { outcome: 'answer', articleId: 'aufgabenbereiche' },
      'line',
    ],
    [
      'no line for the count of partners when the message also tells of a merger (no cooperation of two)',
      'Die Gemeinden Adorf und Bdorf denken über einen freiwilligen Zusammenschluss nach. Unterstützt das Land so eine Vorbereitung finanziell?',
      { outcome: 'answer', articleId: 'projektentwicklung' },
      undefined,
    ],
    [
      'the savings answer (asking for the costs) when "wie viel" is about savings, not the grant of the count',
      'Drei Gemeinden: wie viel müssen wir einsparen?',
      { outcome: 'answer', articleId: 'einsparvorgabe' },
      'answer',
    ],
    [
      'nothing for another question with a count',
      'Wir sind drei Gemeinden. Welche Unterlagen brauchen wir?',
      { outcome: 'answer', articleId: 'antragsunterlagen' },
      undefined,
    ],
    [
      'the answer to a named case with its numbers the search could not answer',
      'Entschuldungshilfe bei 8.000 Einwohnern?',
      { outcome: 'no_answer' },
      'answer',
    ],
    [
      'nothing for a case told with its numbers before a question of another matter the search could not answer',
      'Wir planen einen GVV mit 3 Gemeinden. Nach welchem Schlüssel wird die Verbandsumlage im GVV verteilt?',
      { outcome: 'no_answer' },
      undefined,
    ],
    [
      'nothing for a case told with its numbers before a yes/no question of another matter',
      'Bei uns werden 3 Ortsteilfeuerwehren zusammengelegt. Müssen wir dann den Bedarfsplan neu aufstellen?',
      { outcome: 'no_answer' },
      undefined,
    ],
    [
      'nothing for another question about the money the search could not answer',
      'Wir sind 3 Gemeinden und bekommen Geld. Wann wird ausgezahlt?',
      { outcome: 'no_answer' },
      undefined,
    ],
  ])('%s', (_name, text, decision, expected) => {
    expect(use(text, decision)).toBe(expected);
  });

  it('answers a follow-up with a new number whatever the search makes of the bare number', () => {
    const topic: GrantTopic = { grantCase: { kind: 'feuerwehr', brigades: 3 } };
    expect(use('und wenn es nur zwei sind?', { outcome: 'answer', articleId: 'aufgabenbereiche' }, topic, true)).toBe('answer');
  });
});

describe('the computed answer of a question', () => {
  it('computes with the version in force, and asks for the number still missing', () => {
    const grant = grantAnswer(
      'Wie hoch ist die Entschuldungshilfe bei einer Fusion?',
      answered('entschuldungshilfe-fusion'),
      programme,
      undefined,
      '2026-06-01',
    );
    expect(grant).toMatchObject({
      use: 'answer',
      figure: { status: 'missing', missing: ['inhabitants', 'debt'] },
      topic: { awaiting: 'inhabitants' },
      articles: ['entschuldungshilfe-fusion'],
    });
    const relief = grantAnswer('6000', unanswered, programme, grant!.topic, '2026-06-01');
    expect(relief).toMatchObject({
      use: 'answer',
      figure: { status: 'missing', missing: ['debt'], upTo: { amount: 2_700_000 } },
      topic: { awaiting: 'debt' },
    });
  });

  it("answers a follow-up that asks for money with the topic's case, unless the topic named no case", () => {
    const readAgainstTopic = { readAgainstTopic: true };
    const preparation = answered('projektentwicklung');
    const gvv = grantAnswer(
      'Bekommt man dafür auch Geld vom Land?',
      preparation,
      programme,
      { grantCase: { kind: 'gvv' } },
      '2026-06-01',
      readAgainstTopic,
    );
    expect(gvv).toMatchObject({ use: 'answer', figure: { status: 'missing', missing: ['members'] } });
    const general = { grantCase: { kind: 'kooperation' as const }, general: true };
    const office = grantAnswer(
      'Und die Haushaltsberatung, muss man da was bezahlen?',
      answered('haushaltsberatung'),
      programme,
      general,
      '2026-06-01',
      readAgainstTopic,
    );
    expect(office?.use).toBeUndefined();
  });

  it('computes no amount for a case only mentioned when the search ranked another topic first', () => {
    const question = 'Wie viel müssen wir sparen, damit die Kommunalaufsicht unser Haushaltssicherungskonzept genehmigt?';
    const candidate = (id: string) => ({ article: { id } as Article, score: 1, coverage: 0.3, questionMatch: 0 });
    const ranked = (...ids: string[]): AnswerDecision => ({ ...unanswered, candidates: ids.map(candidate) });
    expect(grantAnswer(question, ranked('haushaltsberatung', 'einsparvorgabe'), programme, undefined, '2026-06-01')?.use).toBeUndefined();
    expect(grantAnswer(question, ranked('einsparvorgabe', 'haushaltsberatung'), programme, undefined, '2026-06-01')?.use).toBe('answer');
  });

  it("computes a question about a later year with that year's version when one is known", () => {
    const withSuccessor = programmeWithSuccessor();
    const withCases = programmeParametersSchema.parse({ versions: withSuccessor.versions, grant_cases: cases });
    const question = 'Wie viel gibt es für drei Gemeinden?';
    expect(grantAnswer(question, answered('foerderhoehe'), withCases, undefined, '2026-06-01')?.figure).toMatchObject({
      amount: 75_000,
      version: 'RV 2021',
    });
    expect(grantAnswer(question, answered('foerderhoehe'), withCases, undefined, '2026-06-01', { year: 2027 })?.figure).toMatchObject({
      amount: 90_000,
      version: 'RV 2027',
    });
  });

  it("computes nothing for what others have saved or received: a record, not the asker's plan", () => {
    expect(
      grantAnswer('Wie viel haben die Gemeinden im Vogelsbergkreis 2022 eingespart?', unanswered, programme, undefined, '2026-06-01'),
    ).toBeUndefined();
    expect(
      grantAnswer('Was hat die Stadt Lich für ihre drei Ortsteilwehren bekommen?', unanswered, programme, undefined, '2026-06-01'),
    ).toBeUndefined();
    // The asker's own case still is one.
    expect(
      grantAnswer('Wie viel müssen wir einsparen, wenn wir 400.000 € Kosten haben?', unanswered, programme, undefined, '2026-06-01')?.use,
    ).toBe('answer');
  });

  it('computes nothing when a letter tells of the asker but asks only what others received ("… wie viel die bekommen haben")', () => {
    const letter =
      'Die Nachbarorte Auheim und Birkenbach haben ihre Kassen zusammengelegt. Wir überlegen mit zwei Nachbarn Ähnliches. ' +
      'Wissen Sie, wie viel Förderung die damals bekommen haben?';
    expect(grantAnswer(letter, unanswered, programme, undefined, '2026-06-01')).toBeUndefined();
    // Asked for the asker's own case too, it is computed.
    const own = 'Die Nachbarorte haben 75.000 € bekommen. Wir sind drei Gemeinden. Wie viel würden wir bekommen?';
    expect(grantAnswer(own, unanswered, programme, undefined, '2026-06-01')?.use).toBe('answer');
  });

  it("answers a money question with the amount when the case's article was nearly as good a match as the one found", () => {
    const found = (caseCoverage: number): AnswerDecision => ({
      outcome: 'answer',
      article: { id: 'landesausgleichsstock' } as Article,
      sections: [],
      score: 1,
      coverage: 0.8,
      candidates: [{ article: { id: 'foerderhoehe' } as Article, score: 1, coverage: caseCoverage }] as AnswerDecision['candidates'],
    });
    const question = 'Bekommen wir als vier Gemeinden Zuschüsse vom Land?';
    expect(grantAnswer(question, found(0.78), programme, undefined, '2026-06-01')?.use).toBe('answer');
    expect(grantAnswer(question, found(0.5), programme, undefined, '2026-06-01')?.use).toBe('line');
    // What others received is a record: the example article found stays the answer.
    expect(grantAnswer('Was haben die vier Gemeinden vom Land bekommen?', found(0.78), programme, undefined, '2026-06-01')?.use).not.toBe(
      'answer',
    );
  });

  it('leaves a question the search could not answer to the thing it names by an unknown abbreviation beside a case only mentioned', () => {
    const question = 'Wie hoch ist der Zuschuss für die DLK unserer Feuerwehren?';
    const day = '2026-06-01';
    expect(grantAnswer(question, unanswered, programme, undefined, day)?.use).toBe('answer');
    expect(grantAnswer(question, unanswered, programme, undefined, day, { unknownNouns: ['DLK'] })?.use).toBeUndefined();
    // An abbreviation of the case ("FFW") or an unknown name (a place: "die Wehren Niederklein und Oberklein") keeps the amount.
    expect(grantAnswer(question, unanswered, programme, undefined, day, { unknownNouns: ['FFW'] })?.use).toBe('answer');
    expect(grantAnswer(question, unanswered, programme, undefined, day, { unknownNouns: ['Niederklein'] })?.use).toBe('answer');
  });

  it('is about no case without grant cases in the programme file', () => {
    const without = programmeParametersSchema.parse({ versions: programme.versions });
    expect(grantAnswer('Wie viel gibt es für drei Gemeinden?', answered('foerderhoehe'), without, undefined, '2026-06-01')).toBeUndefined();
  });
});
