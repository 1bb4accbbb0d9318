import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/types.js';
import { amountSides } from '../../src/understanding/money-comparison.js';
import { shippedProgramme } from '../helpers/programme.js';

const cases = shippedProgramme().grant_cases;
const article = (id: string) => ({ id }) as Article;
const side = (label: string, id: string) => ({ label, article: article(id) });
const sidesOf = (question: string, left: [string, string], right: [string, string]) =>
  amountSides(question, [side(...left), side(...right)], cases, article)?.map((s) => [s.article.id, s.grantCase]);

describe('a comparison that asks about money compares the amounts (cases from the programme file)', () => {
  it('answers each side from its case’s amount article, with the municipalities the message counts', () => {
    expect(
      sidesOf(
        'Wir sind vier Gemeinden. Normale IKZ-Kooperation oder gleich GVV – was bringt vom Land finanziell mehr?',
        ['IKZ-Kooperation', 'ikz-grundlagen'],
        ['GVV', 'gemeindeverwaltungsverband'],
      ),
    ).toEqual([
      ['foerderhoehe', { kind: 'kooperation', partners: 4 }],
      ['foerderhoehe-gvv', { kind: 'gvv', members: 4 }],
    ]);
  });

  it('reads a cooperation in a task area as the regular grant and a merger as its debt relief ("Wo gibt es mehr Geld?")', () => {
    expect(
      sidesOf(
        'Wir sind 4 Gemeinden. Was bringt mehr Geld: eine normale IKZ für die Finanzverwaltung oder gleich ein GVV?',
        ['IKZ für die Finanzverwaltung', 'aufgabenbereiche'],
        ['GVV', 'gemeindeverwaltungsverband'],
      ),
    ).toEqual([
      ['foerderhoehe', { kind: 'kooperation', partners: 4 }],
      ['foerderhoehe-gvv', { kind: 'gvv', members: 4 }],
    ]);
    expect(
      sidesOf(
        "Fusion oder GVV, wo gibt's mehr Geld vom Land? Wir sind 2 Gemeinden.",
        ['Fusion', 'fusion'],
        ['GVV', 'gemeindeverwaltungsverband'],
      )?.map(([id]) => id),
    ).toEqual(['entschuldungshilfe-fusion', 'foerderhoehe-gvv']);
  });

  it('does not take a count of municipalities for inhabitants of a merger', () => {
    expect(
      sidesOf(
        'Wir sind 3 kleine Gemeinden. GVV oder gleich Fusion – was ist besser für uns, auch vom Geld her?',
        ['GVV', 'gemeindeverwaltungsverband'],
        ['Fusion', 'fusion'],
      ),
    ).toEqual([
      ['foerderhoehe-gvv', { kind: 'gvv', members: 3 }],
      ['entschuldungshilfe-fusion', { kind: 'entschuldung' }],
    ]);
  });

  it('gives a legal form the regular grant: it depends on the partners, not on the form', () => {
    expect(
      sidesOf(
        'Zweckverband oder öffentlich-rechtliche Vereinbarung – was bringt mehr Geld?',
        ['Zweckverband', 'zweckverband'],
        ['öffentlich-rechtliche Vereinbarung', 'oeffentlich-rechtliche-vereinbarung'],
      ),
    ).toEqual([
      ['foerderhoehe', { kind: 'kooperation' }],
      ['foerderhoehe', { kind: 'kooperation' }],
    ]);
  });

  it.each([
    ['Zweckverband oder GVV – was ist besser?', ['Zweckverband', 'zweckverband'], ['GVV', 'gemeindeverwaltungsverband']],
    // Money in a name ("vom Land", "Förderung") is no question about amounts when the question asks whether two are one.
    [
      'Ist die Haushaltsberatung vom Land eigentlich das gleiche wie ne Prüfung durch den Rechnungshof?',
      ['Haushaltsberatung vom Land', 'haushaltsberatung'],
      ['Prüfung durch den Rechnungshof', 'haushaltsberatung'],
    ],
    ['ist das AKC Cyberprogramm dasselbe wie die IKZ foerderung?', ['AKC Cyberprogramm', 'akc'], ['IKZ foerderung', 'foerderprogramm']],
  ] as Array<[string, [string, string], [string, string]]>)('leaves "%s" a comparison of the things', (question, left, right) => {
    expect(sidesOf(question, left, right)).toBeUndefined();
  });
});
