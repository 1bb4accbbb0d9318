import { describe, expect, it } from 'vitest';
import { comparisonSides, toldAlternatives } from '../../src/understanding/comparison.js';

describe('comparisonSides', () => {
  it.each([
    ['Unterschied Zweckverband und öffentlich-rechtliche Vereinbarung?', 'Zweckverband', 'öffentlich-rechtliche Vereinbarung'],
    // A relative clause after a side, and "dieser" before it, are no part of its name.
    [
      'Was ist der Unterschied zwischen dem Zweckverband und dieser Arbeitsgemeinschaft, die im KGG steht?',
      'Zweckverband',
      'Arbeitsgemeinschaft',
    ],
    [
      'Was ist der Unterschied zwischen einem Zweckverband und einer öffentlich-rechtlichen Vereinbarung?',
      'Zweckverband',
      'öffentlich-rechtlichen Vereinbarung',
    ],
    ['Zweckverband oder GVV – was ist besser?', 'Zweckverband', 'GVV'],
    ['Normale IKZ-Kooperation oder gleich GVV – was bringt vom Land finanziell mehr?', 'IKZ-Kooperation', 'GVV'],
    ['Delegation oder Mandatierung - was ist besser für uns?', 'Delegation', 'Mandatierung'],
    ['Was ist besser: Zweckverband oder Arbeitsgemeinschaft?', 'Zweckverband', 'Arbeitsgemeinschaft'],
    ['Was unterscheidet eine AöR von einem Zweckverband?', 'AöR', 'Zweckverband'],
    ['Ist eine AöR sinnvoller als ein Zweckverband?', 'AöR', 'Zweckverband'],
    ['Was bringt eine Anstalt des öffentlichen Rechts mehr als ein Zweckverband?', 'Anstalt des öffentlichen Rechts', 'Zweckverband'],
    ['Wie unterscheiden sich Zweckverband und GVV?', 'Zweckverband', 'GVV'],
    ['Zweckverband vs. öffentlich-rechtliche Vereinbarung', 'Zweckverband', 'öffentlich-rechtliche Vereinbarung'],
    ['Vor- und Nachteile von Zweckverband und AöR', 'Zweckverband', 'AöR'],
    ['Ist ein Zweckverband oder eine Arbeitsgemeinschaft sinnvoller?', 'Zweckverband', 'Arbeitsgemeinschaft'],
    ['GVV oder gleich fusionieren – was ist der Unterschied', 'GVV', 'fusionieren'],
    ['GVV vs normaler Zweckverband, was ist anders', 'GVV', 'Zweckverband'],
    ['Was ist der Unterschied zwischen nem Zweckverband und einer Arbeitsgemeinschaft', 'Zweckverband', 'Arbeitsgemeinschaft'],
    // "the same" and "something else" idioms
    [
      'Ist die Arbeitsgemeinschaft das Gleiche wie eine öffentlich-rechtliche Vereinbarung?',
      'Arbeitsgemeinschaft',
      'öffentlich-rechtliche Vereinbarung',
    ],
    ['Sind Hessen3C und AKC ein und dasselbe?', 'Hessen3C', 'AKC'],
    ['Ist das AKC dasselbe wie die IKZ-Förderung oder was ist der Unterschied?', 'AKC', 'IKZ-Förderung'],
    ['Für unsere IT-Sicherheit: sollen wir lieber IKZ-Förderung beantragen oder das AKC nutzen?', 'IKZ-Förderung', 'AKC'],
    [
      'Was bringt mehr Geld: ein kompletter Gemeindeverwaltungsverband oder nur eine normale Kooperation z.B. beim Bauamt?',
      'Gemeindeverwaltungsverband',
      'Kooperation',
    ],
    ['Ist ein GVV etwas anderes als ein Zweckverband?', 'GVV', 'Zweckverband'],
    ['Sind Zweckverband und AöR zwei verschiedene Dinge?', 'Zweckverband', 'AöR'],
    ['Ist eine AöR identisch mit einem Zweckverband?', 'AöR', 'Zweckverband'],
    ['Delegation und Mandatierung – ist das nicht dasselbe?', 'Delegation', 'Mandatierung'],
    // Advantages of one over the other, what speaks for each, which one "wir eher brauchen".
    ['Welche Vorteile hat ein GVV gegenüber einer Fusion?', 'GVV', 'Fusion'],
    ['Was für Nachteile hat eine AöR gegenüber einem Zweckverband?', 'AöR', 'Zweckverband'],
    [
      'Was spricht für einen Zweckverband und was für eine öffentlich-rechtliche Vereinbarung?',
      'Zweckverband',
      'öffentlich-rechtliche Vereinbarung',
    ],
    ['Brauchen wir eher eine Arbeitsgemeinschaft oder einen Zweckverband?', 'Arbeitsgemeinschaft', 'Zweckverband'],
    // "zwischen" joins with "und" only; "the actual funding" is the regular grant, in the articles' word.
    [
      'Was ist der Unterschied zwischen dem Zuschuss zur Vorbereitung und der eigentlichen IKZ-Förderung?',
      'Zuschuss zur Vorbereitung',
      'Regelzuwendung',
    ],
    [
      'Zuschuss für die Vorbereitung vs. die eigentliche Förderung – worin unterscheiden die sich?',
      'Zuschuss für die Vorbereitung',
      'Regelzuwendung',
    ],
  ])('finds the two sides of %j', (question, left, right) => {
    expect(comparisonSides(question)).toMatchObject({ left, right, explicit: true });
  });

  it.each([
    [
      'Was lohnt sich für uns mehr: unsere drei Ortsteilwehren zu einer zusammenlegen oder mit zwei Nachbargemeinden die Verwaltung der Feuerwehr gemeinsam machen?',
      'unsere drei Ortsteilwehren zu einer',
      'mit zwei Nachbargemeinden die Verwaltung der Feuerwehr gemeinsam',
    ],
    [
      'Sollen wir lieber mit den zwei Nachbarorten das Standesamt zusammenlegen oder gleich alle zusammen fusionieren?',
      'mit den zwei Nachbarorten das Standesamt',
      'alle zusammen fusionieren',
    ],
  ])('takes a plan told as a clause as a side after a frame that weighs two choices: %j', (question, left, right) => {
    expect(comparisonSides(question)).toMatchObject({ left, right, explicit: true });
  });

  it('reads two plans told in sentences, the second opened by "Alternativ", and a question weighing them', () => {
    const message =
      'Unsere Gemeinde hat 4 Ortsteilwehren, die fusionieren könnten. Alternativ könnten wir mit 2 Nachbarkommunen die Feuerwehrtechnik gemeinsam beschaffen. Was bringt mehr Förderung?';
    expect(toldAlternatives(message)).toBe(
      'Was bringt mehr Förderung: Unsere Gemeinde hat 4 Ortsteilwehren, die fusionieren könnten oder mit 2 Nachbarkommunen die Feuerwehrtechnik gemeinsam beschaffen?',
    );
    expect(comparisonSides(toldAlternatives(message)!)).toMatchObject({ left: 'Unsere Gemeinde hat 4 Ortsteilwehren' });
    expect(toldAlternatives('Wir könnten einen Zweckverband gründen. Oder wir schließen eine Vereinbarung. Was ist besser für uns?')).toBe(
      'Was ist besser für uns: einen Zweckverband gründen oder wir schließen eine Vereinbarung?',
    );
    // Without the alternative, or without a question that weighs: nothing to compare.
    expect(toldAlternatives('Wir wollen einen Zweckverband gründen. Was bringt mehr Förderung?')).toBeUndefined();
    expect(toldAlternatives('Wir könnten fusionieren. Alternativ ein GVV. Wie lange dauert das?')).toBeUndefined();
  });

  it('reads a bare "X oder Y?" as a comparison that does not say so', () => {
    expect(comparisonSides('Zweckverband oder Arbeitsgemeinschaft?')).toEqual({
      left: 'Zweckverband',
      right: 'Arbeitsgemeinschaft',
      explicit: false,
    });
  });

  it.each([
    'Muss der Antrag über den Kreis laufen oder können wir ihn direkt nach Wiesbaden schicken?',
    'Gibt es Geld für zwei oder drei Gemeinden?',
    'Wie hoch ist die Förderung?',
    'Ist die Förderung für alle Gemeinden gleich?',
    'Ist der Antrag derselbe wie 2016?',
    // The asker's cases, not two topics: an amount for each.
    'Bekommt man bei vier Gemeinden mehr als bei drei?',
  ])('finds no comparison in %j', (question) => {
    expect(comparisonSides(question)).toBeUndefined();
  });
});
