import { describe, expect, it } from 'vitest';
import { CompoundSplitter } from '../../src/language/compound-splitter.js';

/** A splitter over a few known words (index terms here are the words themselves). */
function splitterFor(words: string[]): CompoundSplitter {
  const known = new Set(words);
  return new CompoundSplitter((part) => (known.has(part) ? part : undefined));
}

describe('CompoundSplitter', () => {
  it('splits a compound only into known parts', () => {
    const splitter = splitterFor(['zweckverband', 'satzung', 'kosten']);
    expect(splitter.split('zweckverbandssatzung')).toEqual(['zweckverband', 'satzung']);
    expect(splitter.split('kostendegression')).toEqual([]);
  });

  it('splits no participle of a separable verb into its prefix and a known word', () => {
    const splitter = splitterFor(['aufge', 'stellt', 'zusammen', 'legt', 'antrag', 'satzung']);
    expect(splitter.split('aufgestellt')).toEqual([]);
    expect(splitter.split('zusammengelegt')).toEqual([]);
    expect(splitter.split('antragssatzung')).toEqual(['antrag', 'satzung']);
  });

  describe('knownModifier', () => {
    const splitter = splitterFor(['kosten', 'personal', 'kommunal', 'zuweisung', 'hessen', 'synergie']);

    it.each([
      ['kostendegression', 'kosten'],
      ['synergiebündelung', 'synergie'],
      ['personalentwicklungen', 'personal'],
      // A measure of the modifier: a rate, a return, a potential.
      ['synergierendite', 'synergie'],
      ['kostenquote', 'kosten'],
      ['personalpotenziale', 'personal'],
      // The level of the modifier: "auf Kommunalebene" is about the kommunal level.
      ['kommunalebene', 'kommunal'],
    ])('finds the known modifier of %s before an abstract head', (word, modifier) => {
      expect(splitter.knownModifier(word)).toBe(modifier);
    });

    it.each(['personalausweis', 'kommunalwahlen', 'hessenkasse', 'schlüsselzuweisung', 'kosten', 'degression'])(
      'finds none in %s: a concrete head, a known head, or no compound',
      (word) => expect(splitter.knownModifier(word)).toBeUndefined(),
    );
  });
});
