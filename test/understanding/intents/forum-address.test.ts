import { describe, expect, it } from 'vitest';
import { asPoliteAddress } from '../../../src/understanding/intents/forum-address.js';

describe('a forum-style address ("Hat jemand …")', () => {
  it.each([
    ['Hat jemand die Nummer vom Kompetenzzentrum?', 'Haben Sie die Nummer vom Kompetenzzentrum?'],
    ['Hallo. Weiß hier jemand, ob das geht?', 'Hallo. Wissen Sie, ob das geht?'],
    ['kennt jemand die Adresse?', 'Kennen Sie die Adresse?'],
  ])('reads %j as the polite question %j', (text, polite) => {
    expect(asPoliteAddress(text)).toBe(polite);
  });

  it('leaves "jemand" elsewhere: a person asked for', () => {
    expect(asPoliteAddress('Kann jemand mich zurückrufen?')).toBe('Kann jemand mich zurückrufen?');
    expect(asPoliteAddress('Wir hätten gern, dass uns jemand anruft.')).toBe('Wir hätten gern, dass uns jemand anruft.');
  });
});
