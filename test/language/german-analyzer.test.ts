import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPANSION_WEIGHTS, GermanAnalyzer } from '../../src/language/german-analyzer.js';
import { foldGerman, joinDigitGroups, tokenizeWords } from '../../src/language/german-normalizer.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

const meta = {
  stopwords: { keep: ['drei'], add: ['eigentlich'] },
  synonymGroups: [
    { words: ['GVV', 'Gemeindeverwaltungsverband'], exact: true },
    { words: ['Zuwendung', 'Fördergeld', 'Geld'], exact: false },
  ],
};

function analyzerFor(texts: string[]) {
  const analyzer = new GermanAnalyzer(meta);
  analyzer.setVocabulary(analyzer.vocabularyOf(texts));
  return analyzer;
}

describe('German analyser', () => {
  it.each([
    ['Förderung', 'forderung'],
    ['Foerderung', 'forderung'],
    ['Forderung', 'forderung'],
    ['Straße', 'strasse'],
    ['Gebühren', 'gebuhren'],
    ['Gebuehren', 'gebuhren'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldGerman(word.toLowerCase())).toBe(folded);
  });

  it.each(['Förderung', 'Foerderung', 'Forderung', 'FÖRDERUNG', 'fördern', 'gefördert', 'foerdert'])(
    'matches %s with the term of Förderung',
    (spelling) => {
      const analyzer = analyzerFor(['Förderung']);
      expect(analyzer.indexTerms(spelling)).toContain(analyzer.baseTerm('Förderung'));
    },
  );

  it('stems inflected forms to one term', () => {
    const analyzer = analyzerFor([]);
    expect(analyzer.baseTerm('Gemeinden')).toBe(analyzer.baseTerm('Gemeinde'));
    expect(analyzer.baseTerm('Anträge')).toBe(analyzer.baseTerm('Antrag'));
    expect(analyzer.baseTerm('kooperieren')).toBe(analyzer.baseTerm('Kooperation'));
    expect(analyzer.baseTerm('Berater')).toBe(analyzer.baseTerm('Beratung'));
  });

  it('drops stop words but keeps the ones the domain needs', () => {
    const analyzer = analyzerFor([]);
    expect(analyzer.baseTerm('und')).toBeNull();
    expect(analyzer.baseTerm('eigentlich')).toBeNull();
    expect(analyzer.baseTerm('drei')).not.toBeNull();
  });

  it('splits compounds into parts the knowledge base knows', () => {
    const analyzer = analyzerFor(['Förderung', 'Antrag', 'Unterlagen', 'Zweckverband', 'Satzung', 'Geld']);
    const terms = (word: string) => analyzer.indexTerms(word);
    expect(terms('Förderanträge')).toEqual(expect.arrayContaining([analyzer.baseTerm('Förderung'), analyzer.baseTerm('Antrag')]));
    expect(terms('Antragsunterlagen')).toEqual(expect.arrayContaining([analyzer.baseTerm('Antrag'), analyzer.baseTerm('Unterlagen')]));
    expect(terms('Zweckverbandssatzung')).toEqual(
      expect.arrayContaining([analyzer.baseTerm('Zweckverband'), analyzer.baseTerm('Satzung')]),
    );
    expect(terms('Fördergeld')).toEqual(expect.arrayContaining([analyzer.baseTerm('Geld')]));
  });

  it('reads the plural of a known abbreviation as the abbreviation ("GVVs")', () => {
    const analyzer = analyzerFor(['Ein GVV ist ein Verband.']);
    const [word] = analyzer.analyzeQuery('GVVs');
    expect(word!.term).toBe(analyzer.baseTerm('GVV'));
    expect(analyzer.isKnown(word!)).toBe(true);
  });

  it('does not split a question word into an unknown modifier', () => {
    const analyzer = analyzerFor(['Personal', 'Antrag']);
    const [word] = analyzer.analyzeQuery('Personalausweis');
    expect([...word!.alternatives.keys()]).toEqual([analyzer.baseTerm('Personalausweis')]);
    expect(analyzer.isKnown(word!)).toBe(false);
  });

  describe('an unknown compound with a known modifier', () => {
    const analyzer = analyzerFor(['Kosten', 'Personal', 'Kommunal', 'Zuweisung', 'Hessen', 'Sport', 'Satzung']);
    const word = (text: string) => analyzer.analyzeQuery(`Wie ist das mit der ${text}?`).find((w) => w.text === text)!;

    it('stands in part for the modifier when its head is an abstract noun (Kostendegression)', () => {
      const degression = word('Kostendegression');
      const kosten = analyzer.baseTerm('Kosten')!;
      expect(degression.term).toBe(analyzer.baseTerm('Kostendegression'));
      expect(degression.alternatives.get(kosten)).toBe(DEFAULT_EXPANSION_WEIGHTS.knownModifier);
      expect(DEFAULT_EXPANSION_WEIGHTS.knownModifier).toBeLessThan(DEFAULT_EXPANSION_WEIGHTS.compoundPart);
      expect(degression.partOf?.get(kosten)).toBe(kosten);
      // It covers the word, but does not make it a known word: the word keeps its weight as an unknown word.
      expect(degression.thesaurusTerms?.has(kosten)).toBe(true);
      expect(degression.compound).toBeUndefined();
    });

    it.each([
      ['Personalausweis', 'a concrete head: another topic'],
      ['Kommunalwahl', 'a concrete head, and a short word'],
      ['Sportplatzreform', 'a head without the ending of an abstract noun'],
      ['Hessenkasse', 'a name: its head is no abstract noun'],
      ['Schlüsselzuweisung', 'a known head after an unknown modifier: a kind of it the articles lack'],
      ['Friedhofssatzungen', 'a known head after an unknown modifier'],
    ])('stays unknown: %s (%s)', (text) => {
      expect([...word(text).alternatives.keys()]).toEqual([analyzer.baseTerm(text)]);
      expect(analyzer.isKnown(word(text))).toBe(false);
    });
  });

  it('expands abbreviations and everyday words from the synonym list', () => {
    const analyzer = analyzerFor(['Gemeindeverwaltungsverband', 'Zuwendung']);
    const [gvv] = analyzer.analyzeQuery('GVV');
    expect(gvv!.alternatives.get(analyzer.baseTerm('Gemeindeverwaltungsverband')!)).toBe(1);
    const [geld] = analyzer.analyzeQuery('Geld');
    expect(geld!.alternatives.get(analyzer.baseTerm('Zuwendung')!)).toBeGreaterThan(0);
    expect(geld!.alternatives.get(analyzer.baseTerm('Zuwendung')!)).toBeLessThan(1);
  });

  it('joins a compound the user wrote as two words', () => {
    const analyzer = analyzerFor(['Gemeindeverwaltungsverband']);
    const words = analyzer.analyzeQuery('Gemeinde Verwaltungsverband');
    const term = analyzer.baseTerm('Gemeindeverwaltungsverband')!;
    expect(words.every((w) => w.alternatives.get(term) === 1)).toBe(true);
  });

  it('reads an infinitive written as a noun after "beim"/"zum" as a doing, not as an unknown topic noun', () => {
    const analyzer = analyzerFor(['Der Vertrag und die Beratung.']);
    const classOf = (question: string, text: string) => analyzer.analyzeQuery(question).find((w) => w.text === text)?.wordClass;
    expect(classOf('Wer hilft uns beim Aufsetzen des Vertrags?', 'Aufsetzen')).toBe('other');
    expect(classOf('Gibt es Hilfe zum Ausfüllen?', 'Ausfüllen')).toBe('other');
    // Other unknown nouns after "beim" still name the topic.
    expect(classOf('Wer hilft uns beim Rechnungsprüfungsamt?', 'Rechnungsprüfungsamt')).toBe('noun');
  });

  it('reads "wo … hin" at the end of a clause as "wohin"', () => {
    const analyzer = new GermanAnalyzer({ ...meta, stopwords: { keep: ['wohin'], add: [] } });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Wohin wird der Antrag geschickt?']));
    const words = analyzer.analyzeQuery('Wo schicken wir den Antrag hin?').map((w) => w.term);
    expect(words).toContain(analyzer.baseTerm('wohin'));
    // "wo" with no "hin" at its clause's end asks where something is.
    expect(analyzer.analyzeQuery('Wo liegt der Antrag, bitte hinlegen?').map((w) => w.term)).not.toContain(analyzer.baseTerm('wohin'));
  });

  it('reads "wo" before a verb of handing in as "wohin" ("wo stell ich den Antrag?")', () => {
    const analyzer = new GermanAnalyzer({ ...meta, stopwords: { keep: ['wohin'], add: [] } });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Wohin wird der Antrag geschickt?']));
    expect(analyzer.analyzeQuery('wo stell ich den antrag?').map((w) => w.term)).toContain(analyzer.baseTerm('wohin'));
    expect(analyzer.analyzeQuery('Wo finde ich den Antrag?').map((w) => w.term)).not.toContain(analyzer.baseTerm('wohin'));
  });

  it('joins a separable verb whose particle ends the clause, when the articles know the whole verb', () => {
    // "zusammen" kept as a word of its own, as the shipped analyser settings keep it.
    const analyzer = new GermanAnalyzer({ ...meta, stopwords: { keep: ['zusammen'], add: [] } });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Den Antrag einreichen.', 'Die Bauhöfe zusammenlegen.', 'zusammen']));
    const submit = analyzer.analyzeQuery('Wo reichen wir den Antrag ein?');
    expect(submit.find((w) => w.text === 'reichen')!.alternatives.get(analyzer.baseTerm('einreichen')!)).toBe(1);
    const merge = analyzer.analyzeQuery('Wir legen die Bauhöfe zusammen, geht das?');
    expect(merge.find((w) => w.text === 'legen')!.alternatives.get(analyzer.baseTerm('zusammenlegen')!)).toBe(1);
    // The particle is part of the verb now, no word of its own.
    expect(merge.map((w) => w.text)).not.toContain('zusammen');
    // A particle inside its clause, or a joined verb the articles lack, joins nothing.
    expect(analyzer.analyzeQuery('Wir machen das zusammen mit den Nachbarn').map((w) => w.text)).toContain('zusammen');
    expect(analyzer.analyzeQuery('Wir machen das zusammen').map((w) => w.text)).toContain('zusammen');
  });

  it('reads an inflected verb as its verb, in questions and in articles', () => {
    const analyzer = analyzerFor([
      'Das Land wird zahlen.',
      'Wir bekommen Geld.',
      'Sie reichen den Antrag ein: einreichen.',
      'Welche Regeln gelten?',
    ]);
    const term = (question: string) => analyzer.analyzeQuery(question)[0]!.term;
    expect(term('zahlt')).toBe(analyzer.baseTerm('zahlen'));
    expect(term('bekommt')).toBe(analyzer.baseTerm('bekommen'));
    expect(term('eingereicht')).toBe(analyzer.baseTerm('einreichen'));
    expect(term('gilt')).toBe(analyzer.baseTerm('gelten'));
    expect(analyzer.indexTerms('zahlt')).toContain(analyzer.baseTerm('zahlen'));
  });

  it('leaves nouns ending in -t alone, and a participle that looks like a noun', () => {
    const analyzer = analyzerFor(['Der Rat prüft das Gesetz.', 'Ra ra.', 'Das hat Wert.', 'Wir wer', 'prüfen']);
    expect(analyzer.analyzeQuery('Was sagt der Rat?').find((w) => w.text === 'Rat')!.term).toBe(analyzer.baseTerm('Rat'));
    // "gesetzt" is not a form of "Gesetz", which the articles only write capitalised.
    expect(analyzer.analyzeQuery('gesetzt')[0]!.term).toBe(analyzer.baseTerm('gesetzt'));
    expect(analyzer.analyzeQuery('wert')[0]!.term).toBe(analyzer.baseTerm('Wert'));
    expect(analyzer.analyzeQuery('prüft')[0]!.term).toBe(analyzer.baseTerm('prüfen'));
  });

  it('knows which compound part a synonym stands for', () => {
    const analyzer = new GermanAnalyzer({
      ...meta,
      synonymGroups: [{ words: ['Laufzeit', 'Dauer', 'laufen'], exact: false }],
    });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Mindest', 'Laufzeit', 'Dauer', 'laufen']));
    const [word] = analyzer.analyzeQuery('Mindestlaufzeit');
    const laufzeit = analyzer.baseTerm('Laufzeit')!;
    expect(word!.partOf?.get(analyzer.baseTerm('Dauer')!)).toBe(laufzeit);
    expect(word!.partOf?.get(laufzeit)).toBe(laufzeit);
  });

  it('takes a synonym of several words as a phrase, its words alone only as parts', () => {
    const analyzer = new GermanAnalyzer({ ...meta, synonymGroups: [{ words: ['AöR', 'Anstalt des öffentlichen Rechts'], exact: true }] });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Anstalt des öffentlichen Rechts', 'Recht']));
    const [aor] = analyzer.analyzeQuery('AöR');
    const terms = ['Anstalt', 'öffentlichen', 'Rechts'].map((w) => analyzer.baseTerm(w)!);
    expect(aor!.phrases).toEqual([{ terms, weight: 1 }]);
    for (const term of terms) expect(aor!.alternatives.get(term)).toBeLessThan(1);
  });

  it('lets each word of a phrase in the question stand for what the phrase means', () => {
    const analyzer = new GermanAnalyzer({ ...meta, synonymGroups: [{ words: ['Zuschuss', 'finanzielle Unterstützung'], exact: false }] });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Zuschuss', 'Unterstützung', 'finanziell']));
    const words = analyzer.analyzeQuery('finanzielle Unterstützung');
    // Not only "finanzielle": "Unterstützung" here is money, not help.
    for (const word of words) expect(word.alternatives.has(analyzer.baseTerm('Zuschuss')!)).toBe(true);
  });

  it('ignores a synonym of several words that keeps only one word besides its stop words', () => {
    const analyzer = new GermanAnalyzer({
      stopwords: { keep: ['jahr'], add: ['nächstes'] },
      synonymGroups: [{ words: ['Geltungsdauer', 'nächstes Jahr'], exact: false }],
    });
    analyzer.setVocabulary(analyzer.vocabularyOf(['Geltungsdauer', 'Jahr']));
    // "Jahr" alone is not the programme's validity.
    expect([...analyzer.analyzeQuery('jedes Jahr')[0]!.alternatives.keys()]).toEqual([analyzer.baseTerm('Jahr')]);
    expect(analyzer.collapsedSynonyms()).toEqual(['nächstes Jahr']);
  });

  describe('in a message all in lower case', () => {
    const analyzer = analyzerFor(['Die Fristen und die Kasse, wir müssen beachten und gemeinsam planen.']);
    const classOf = (question: string, text: string) => analyzer.analyzeQuery(question).find((w) => w.text === text)?.wordClass;

    it('takes an unknown word for an ordinary word unless something shows a noun', () => {
      expect(classOf('ham wir da fristen', 'ham')).toBe('other');
      expect(classOf('und wenn am ende nix draus wird', 'draus')).toBe('other');
    });

    it('takes an unknown word after an article, a determiner or a preposition for a noun', () => {
      expect(classOf('wie hoch ist die kreisumlage', 'kreisumlage')).toBe('noun');
      expect(classOf('gibt es zuschüsse für vereine', 'vereine')).toBe('noun');
      expect(classOf('kasse mit drei dörfern', 'dörfern')).toBe('noun');
      expect(classOf('was ist auf gemeindestraßen zu beachten', 'gemeindestraßen')).toBe('noun');
      expect(classOf('wann ist die gemeinsame kommunalwahl', 'kommunalwahl')).toBe('noun');
    });

    it('takes an unknown word after a noun of a place for its name ("im rp bezirk kassel"), not a short or ordinary word', () => {
      expect(classOf('wie viele zweckverbände gibt es im rp bezirk kassel', 'kassel')).toBe('place');
      expect(classOf('wir sind die gemeinde musterhausen', 'musterhausen')).toBe('place');
      expect(classOf('wenn die neue gemeinde ca 6000 einwohner hat', 'ca')).not.toBe('place');
      expect(classOf('wir planen mit nachbarn', 'nachbarn')).not.toBe('place');
    });

    it('takes an unknown word after an adjective for a noun, also without an article ("eigene beamte")', () => {
      expect(classOf('darf ein zweckverband eigene beamte haben', 'beamte')).toBe('noun');
      expect(classOf('wir planen gemeinsame kläranlagen', 'kläranlagen')).toBe('noun');
      // A question word ending like an adjective is none: "wie mach ich das" asks how, "mach" names nothing.
      expect(classOf('wie mach ich das', 'mach')).toBe('other');
    });

    it('takes a word the articles only write capitalised for a noun, whatever its ending', () => {
      expect(classOf('welche fristen gelten', 'fristen')).toBe('noun');
      expect(classOf('wir müssen planen', 'planen')).toBe('other');
    });

    it('takes a compound whose last part the articles only write capitalised for a noun ("landrat")', () => {
      const compounds = analyzerFor(['Der Rat und das Land.', 'Wir planen gemeinsam.']);
      expect(compounds.analyzeQuery('beim landrat').find((w) => w.text === 'landrat')?.wordClass).toBe('noun');
    });

    it('takes an unknown word before the verb that ends the sentence for a noun, not an adjective', () => {
      expect(classOf('was ist auf gemeindestraßen zu beachten', 'gemeindestraßen')).toBe('noun');
      expect(classOf('wer muss auf gemeindestraßen räumen', 'gemeindestraßen')).toBe('noun');
    });

    it('takes an unknown word with an adjective ending before its noun for an adjective', () => {
      expect(classOf('eine tolle kasse', 'tolle')).toBe('other');
    });

    it('keeps the capitals of a message of capitalised words only as nouns', () => {
      expect(classOf('Grundsteuer Hebesatz Kassel', 'Hebesatz')).not.toBe('other');
    });
  });

  it('reads numbers with thousands separators as one token', () => {
    expect(joinDigitGroups('75.000 € oder 1 500 000')).toBe('75000 € oder 1500000');
    expect(tokenizeWords('IKZ-Förderung: 75.000 €')).toEqual(['IKZ', 'Förderung', '75000']);
  });

  it('reads gendered forms with colon, star, underscore or slash as one word', () => {
    expect(tokenizeWords('Berater:in, Kolleg*innen, Bürger_innen, Referent/in')).toEqual([
      'Beraterin',
      'Kolleginnen',
      'Bürgerinnen',
      'Referentin',
    ]);
    // Not a colon before an ordinary word.
    expect(tokenizeWords('Frage: in welchem Jahr?')).toEqual(['Frage', 'in', 'welchem', 'Jahr']);
  });
});

describe('search over the shipped knowledge base', () => {
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build(kb));
  const top = async (question: string) => {
    const i = await index;
    return i.search(i.analyzer.analyzeQuery(question))[0]?.article.id;
  };

  it.each([
    ['Antragsunterlagen', 'antragsunterlagen'],
    ['Zweckverbandssatzung', 'zweckverband'],
    ['Gemeindeverwaltungsverband', 'gemeindeverwaltungsverband'],
    ['Entschuldungshilfe', 'entschuldungshilfe-fusion'],
  ])('finds the article for the compound %s', async (query, id) => {
    expect(await top(query)).toBe(id);
  });

  it.each([
    ['Welche Papiere gehören zum Förderantrag?', 'antragsunterlagen'],
    ['Wer ist die Anlaufstelle für Kommunen bei Kooperationen?', 'beratungszentrum'],
    ['Muss der Gemeinderat zustimmen?', 'antragsunterlagen'],
  ])('finds the article for the everyday words of %s (synonyms.yml)', async (query, id) => {
    expect(await top(query)).toBe(id);
  });

  it('reads "fürs"/"fuers" as a preposition, so that the word before it in a lower-case message is its noun', async () => {
    const { analyzer } = await index;
    const words = analyzer.analyzeQuery('welche software fuers standesamt nehmen andere?');
    expect(words.map((w) => w.text)).not.toContain('fuers');
    expect(words.find((w) => w.text === 'software')?.wordClass).toBe('noun');
  });

  it.each([
    ['Entschuldugnshilfe', 'entschuldungshilfe-fusion'],
    ['Haushaltsberatnug', 'haushaltsberatung'],
    ['Landesausgleichstock', 'landesausgleichsstock'],
    // The stemmer cuts "-er" off the typo ("feurwh"); the word as typed is one swap from "Feuerwehr".
    ['feuerwher fusion zuschuss', 'foerderhoehe-feuerwehr'],
  ])('corrects the typo in %s', async (query, id) => {
    expect(await top(query)).toBe(id);
  });

  it('finds the same article for umlauts written out', async () => {
    expect(await top('Foerderhoehe fuer Ortsteilfeuerwehren')).toBe(await top('Förderhöhe für Ortsteilfeuerwehren'));
  });
});
