import { describe, expect, it } from 'vitest';
import { countWord, quantitiesIn } from '../../src/understanding/german-numbers.js';

/** The numbers of a text as [value, money, group, year, first word after]. */
const read = (text: string) => quantitiesIn(text).map((q) => [q.value, q.money, q.group, q.year, q.after[0]]);

describe('numbers in a message, as clerks write them', () => {
  it.each<[string, Array<[number, boolean, boolean, boolean, string | undefined]>]>([
    ['drei Gemeinden', [[3, false, false, false, 'gemeinden']]],
    ['fuenf gemeinden', [[5, false, false, false, 'gemeinden']]],
    ['3 Ortsteilfeuerwehren', [[3, false, false, false, 'ortsteilfeuerwehren']]],
    ['ca. 6.000 Einwohner', [[6000, false, false, false, 'einwohner']]],
    ['zusammen 12.000 EW', [[12_000, false, false, false, 'ew']]],
    ['75 000 Einwohner', [[75_000, false, false, false, 'einwohner']]],
    ['Schulden im Kernhaushalt 10 Mio.', [[10_000_000, true, false, false, undefined]]],
    ['5 Mio', [[5_000_000, true, false, false, undefined]]],
    ['1,5 Millionen Euro Schulden', [[1_500_000, true, false, false, 'schulden']]],
    ['3 Mio €', [[3_000_000, true, false, false, undefined]]],
    ['150k pro Gemeinde', [[150_000, true, false, false, 'pro']]],
    ['wir sind zu viert', [[4, false, true, false, undefined]]],
    ['eine 3er-Kooperation', [[3, false, true, false, 'kooperation']]],
    ['ein Dreierbund', [[3, false, true, false, 'bund']]],
    ['gibt es die Förderung 2027 noch?', [[2027, false, false, true, 'noch']]],
    ['2000 Einwohner', [[2000, false, false, true, 'einwohner']]],
    ['siebentausend Einwohner', [[7000, false, false, false, 'einwohner']]],
    ['zweitausendfünfhundert EW', [[2500, false, false, false, 'ew']]],
    ['einundzwanzig Gemeinden', [[21, false, false, false, 'gemeinden']]],
    ['ein Dutzend Gemeinden', [[12, false, false, false, 'gemeinden']]],
    ['dreihundert Bürger', [[300, false, false, false, 'bürger']]],
    ['6 Tausend Einwohner', [[6000, false, false, false, 'einwohner']]],
    ['die Fusion zweier Gemeinden', [[2, false, false, false, 'gemeinden']]],
    ['ein Zweier', [[2, false, true, false, undefined]]],
    ['was macht das für uns drei?', [[3, false, true, false, undefined]]],
    ['wir drei Gemeinden', [[3, false, false, false, 'gemeinden']]],
    [
      'vier Gemeinden (zusammen 11 Ortsteile)',
      [
        [4, false, false, false, 'gemeinden'],
        [11, false, false, false, 'ortsteile'],
      ],
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('does not take the articles "ein"/"eine" for the number one', () => {
    expect(quantitiesIn('wir legen vier ortsteilwehren zu einer zusammen')).toHaveLength(1);
  });

  it('keeps the words around a number up to the next number or punctuation', () => {
    const [three, landkreis] = [quantitiesIn('drei Gemeinden und der Landkreis, wie viel?')[0]!, quantitiesIn('Landkreis 7 Gemeinden')[0]!];
    expect(three.after).toEqual(['gemeinden', 'und', 'der', 'landkreis']);
    expect(landkreis.before).toEqual(['landkreis']);
  });

  it('knows whether a number stands in the question of a letter', () => {
    const [seven, four] = quantitiesIn('Wir haben sieben Wehren. Was gibt es für vier Wehren?');
    expect([seven!.inQuestion, four!.inQuestion]).toEqual([false, true]);
  });

  it.each<[string, Array<[number, string | undefined, boolean]>]>([
    // An ordinal after an indefinite article or "als" names the count with the one it adds, in every inflection.
    ['wenn noch eine vierte Gemeinde dazukommt', [[4, 'gemeinde', true]]],
    ['wir möchten als fünfte Kommune beitreten', [[5, 'kommune', true]]],
    ['eine dritte Gemeinde kommt hinzu', [[3, 'gemeinde', true]]],
    ['mit einer dritten Gemeinde', [[3, 'gemeinde', true]]],
    ['einen achten Partner', [[8, 'partner', true]]],
    ['ein zweiter Ort', [[2, 'ort', true]]],
    ['als siebente Stadt', [[7, 'stadt', true]]],
    ['ein zehntes Mitglied', [[10, 'mitglied', true]]],
    // Not after a definite article or other words: one of them, a time, a round.
    ['die zweite Gemeinde hat 5.000 Einwohner', [[5000, 'einwohner', false]]],
    ['jede dritte Gemeinde', []],
    ['zum zweiten Mal', []],
    ['im dritten Jahr', []],
    ['wir achten auf die Kosten', []],
    // "achter" after no article stays the genitive of eight.
    ['die Fusion achter Gemeinden', [[8, 'gemeinden', false]]],
  ])('reads ordinals as a total only after an indefinite article or "als": "%s"', (text, expected) => {
    expect(quantitiesIn(text).map((q) => [q.value, q.after[0], q.ordinal])).toEqual(expected);
  });

  it.each<[string, Array<[string, string | undefined]>]>([
    ['wir und eine Nachbarstadt', [['eine', 'nachbarstadt']]],
    ['mit nur einer einzigen Nachbargemeinde', [['einer', 'einzigen']]],
    ['Fusion zu einer Gemeinde.', [['einer', 'gemeinde']]],
    // An article before a number or at the end of a clause is no count.
    ['zu einer, dann drei', []],
    ['eine 3er-Kooperation', []],
  ])('reads indefinite articles as one only when asked to: "%s"', (text, expected) => {
    expect(quantitiesIn(text).filter((q) => q.article)).toEqual([]);
    const articles = quantitiesIn(text, { articles: true }).filter((q) => q.article);
    expect(articles.map((q) => [q.text, q.after[0]])).toEqual(expected);
    expect(articles.every((q) => q.value === 1 && text.slice(q.index).toLowerCase().startsWith(q.text))).toBe(true);
  });

  it.each<[string, Array<[number, string]>]>([
    ['die Gemeinden Mücke, Gemünden (Felda), Grünberg und Homberg (Ohm) prüfen', [[4, 'gemeinden']]],
    ['die ortsteilfeuerwehren von ober-, mittel- und unterdorf', [[3, 'ortsteilfeuerwehren']]],
    ['die Wehren im Ober- und im Unterdorf', [[2, 'wehren']]],
    ['mit den Gemeinden Adorf und Bedorf', [[2, 'gemeinden']]],
    // Two words in lower case may be a sentence, not names; a number before the noun counts itself.
    ['mit den gemeinden adorf und bedorf', []],
    ['die drei Gemeinden Adorf, Bedorf und Cedorf', [[3, 'gemeinden']]],
    ['Kasse, Bauhof und Standesamt zusammenlegen', []],
    // Names that start a sentence before a verb of those who plan count municipalities.
    ['Guten Tag. Adorf, Bedorf und Cedorf planen eine gemeinsame Kasse.', [[3, 'gemeinden']]],
    ['Kasse, Bauhof und Standesamt wollen wir zusammenlegen.', []],
  ])('reads a list of names after a noun as its count only when asked to: "%s"', (text, expected) => {
    expect(quantitiesIn(text).filter((q) => q.value === 4 || q.text.includes(','))).toEqual([]);
    expect(quantitiesIn(text, { lists: true }).map((q) => [q.value, q.after[0]])).toEqual(expected);
  });

  it('writes counts up to twelve as words in replies', () => {
    expect([countWord(2), countWord(5), countWord(12), countWord(16), countWord(1500)]).toEqual(['zwei', 'fünf', 'zwölf', '16', '1.500']);
  });
});
