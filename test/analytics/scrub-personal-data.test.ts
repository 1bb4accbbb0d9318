import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from '../../src/analytics/scrub-personal-data.js';

describe('removing personal data from logged questions', () => {
  it.each([
    ['Bitte an petra.muster@musterdorf.de antworten', 'Bitte an [E-Mail] antworten'],
    ['Rufen Sie mich an: 06151 12345', 'Rufen Sie mich an: [Telefon]'],
    ['Tel. +49 (611) 353-1529 bitte', 'Tel. [Telefon] bitte'],
    ['Frau Petra Muster fragt nach der Förderung', '[Name] fragt nach der Förderung'],
    ['Herr Dr. Meier will wissen, ob wir förderfähig sind', '[Name] will wissen, ob wir förderfähig sind'],
    ['Hallo, mein Name ist Klaus Becker und ich habe eine Frage', 'Hallo, mein Name ist [Name] und ich habe eine Frage'],
    ['Danke, Gruß Anna Schmidt', 'Danke, Gruß [Name]'],
  ])('"%s" → "%s"', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('keeps what the question is about: years, amounts, percentages, place names', () => {
    const text = 'Gibt es 2026 noch 75.000 € für 3 Gemeinden im Landkreis Gießen bei 15 % Einsparung?';
    expect(scrubPersonalData(text)).toBe(text);
  });
});
