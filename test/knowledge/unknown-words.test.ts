import { describe, expect, it } from 'vitest';
import { decideAnswer } from '../../src/knowledge/answer-engine.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

/**
 * Words the knowledge base does not contain: an ordinary word (a verb, an adverb, a year) says little
 * about the topic and must not keep a clear question from its answer; a name or noun of another
 * programme or topic says what the question is about, so the bot must honestly not answer it.
 */
describe('unknown words in a question', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));
  const decide = async (question: string) => {
    const { kb, index } = await loaded;
    return decideAnswer(index, question, kb.meta.outsideScope);
  };
  /** The id of the article that answers `question`, or `false`. */
  const answeredBy = async (question: string) => {
    const decision = await decide(question);
    return decision.outcome === 'answer' && decision.article.id;
  };

  it.each([
    'Was ist das IKZ-Förderprogramm des Landes Hessen?',
    'Welche Kommunen nutzen das Aktionsprogramm Kommunale Cybersicherheit?',
    'Entscheidet das Innenministerium über den Antrag?',
    'Bis wann gilt die Förderrichtlinie?',
    // Listed in synonyms.yml as a name of this programme.
    'Zählt ein gemeinsamer Bauhof beim Landesprogramm?',
    // After a name the articles know, a programme word describes that programme.
    'Ist das AKC-Förderungsprogramm kostenlos?',
  ])('answers "%s": the programmes the articles name are not other programmes', async (question) =>
    expect((await decide(question)).outcome).toBe('answer'),
  );

  it.each([
    'Welche Unterlagen gehören zum Antrag?',
    'Welche Unterlagen gehören zum Antrag, wir tüfteln gerade daran?',
    'welche unterlagen gehören zum antrag, wir tüfteln gerade daran',
    'Welche Unterlagen gehören zum Antrag für das Jahr 2031?',
    'Welche Unterlagen gehören zum Antrag, wenn wir mit Wettenberg und Heuchelheim kooperieren?',
    'ham wir nu alle unterlagen fürn antrag beisammen',
  ])('answers "%s" despite its ordinary unknown words', async (question) => {
    const decision = await decide(question);
    expect(decision.outcome === 'answer' && decision.article.id).toBe('antragsunterlagen');
  });

  it.each([
    'Welche Unterlagen gehören zum Antrag für die Dorferneuerung?',
    'welche unterlagen gehören zum antrag für die dorferneuerung',
    'Wer darf einen Antrag für LEADER stellen?',
    'Wie beantragen wir Mittel aus dem Investitionsprogramm der Hessenkasse?',
    'Gibt es für die gemeinsame Bauhofverwaltung auch Geld von der KfW?',
    'Können wir für den Bauhof Geld aus einem Strukturfonds bekommen?',
    'Welche Unterlagen braucht die Landesagentur für Kooperationsprojekte?',
    'Wie hoch ist der Zuschuss des Umweltministeriums für eine gemeinsame Kläranlage?',
    'Gilt für die gemeinsame Kläranlage die Abwasserrichtlinie?',
    // A listed programme written with a hyphen ("Städtebauförderung").
    'Können wir für den gemeinsamen Bauhof Städtebau-Förderung beantragen?',
    // A generic name of this programme with another matter before its hyphen.
    'Wie viel zahlt das Land nach der Feuerwehr-Förderrichtlinie für ein gemeinsames Fahrzeug?',
  ])('does not answer "%s": it names another programme or funder', async (question) => {
    expect((await decide(question)).outcome).toBe('no_answer');
  });

  it.each([
    ['Was regelt die IKZ-Förderrichtlinie?', 'foerderprogramm'],
    ['Was ist das Cyber-Aktionsprogramm?', 'akc'],
  ])('answers "%s": a known name before the hyphen, or a programme\'s own name after it', async (question, articleId) => {
    expect(await answeredBy(question)).toBe(articleId);
  });

  it('reads "das Ding" and "unsre" as no topic, and servers as IT', async () => {
    expect(await answeredBy('hab gehört das land checkt kostenlos unsre server wegen hackern. stimmt das und wie heisst das ding?')).toBe(
      'akc',
    );
  });

  it.each([
    ['Welche Rolle spielen die kommunalen Spitzenverbände beim Antrag?', 'antragsverfahren'],
    ['Spielt die Einwohnerzahl eine Rolle?', 'antragsberechtigung'],
  ])('reads "eine Rolle spielen" as a frame, not as the topic: "%s"', async (question, articleId) => {
    expect(await answeredBy(question)).toBe(articleId);
  });

  it('weighs an unknown name more than a known word, and an unknown ordinary word or year less', async () => {
    const { index } = await loaded;
    const weight = (question: string, text: string) => index.idf(index.analyzer.analyzeQuery(question).find((w) => w.text === text)!);
    const question = 'Wir tüfteln 2031 am Antrag für die Dorferneuerung und die Unterlagen';
    expect(weight(question, 'Dorferneuerung')).toBeGreaterThan(weight(question, 'Unterlagen'));
    expect(weight(question, 'tüfteln')).toBeLessThan(weight(question, 'Unterlagen'));
    expect(weight(question, '2031')).toBeLessThan(weight(question, 'Unterlagen'));
  });

  it('takes a word OpenThesaurus writes in lower case for an ordinary word where case tells nothing', async () => {
    const { index } = await loaded;
    const words = index.analyzer.analyzeQuery('was müssen wir heutzutage für die hessenkasse nachweisen');
    expect(words.find((w) => w.text === 'heutzutage')?.wordClass).toBe('other');
    expect(words.find((w) => w.text === 'hessenkasse')?.wordClass).not.toBe('other');
  });

  it('takes a Latin prefix before a hyphen for no word of its own ("Prä-Evaluierung": Evaluierung)', async () => {
    const { index } = await loaded;
    const texts = index.analyzer.analyzeQuery('Gibt es Geld für eine Prä-Evaluierung oder Prae-Evaluierung?').map((w) => w.text);
    expect(texts).not.toContain('Prä');
    expect(texts).not.toContain('Prae');
    expect(texts).toContain('Evaluierung');
  });

  it('takes "Thema" like "Frage" for no topic word ("Ist das ein IKZ-Thema?")', async () => {
    const { index } = await loaded;
    const texts = index.analyzer
      .analyzeQuery('Ist der gemeinsame Bauhof ein IKZ-Thema oder eher nicht? Welche Themen gibt es?')
      .map((w) => w.text);
    expect(texts).not.toContain('Thema');
    expect(texts).not.toContain('Themen');
    expect(texts).toContain('Bauhof');
  });

  it('takes an unknown capitalised word after "aus", "mit", "Stadt" … for a town, not for the topic', async () => {
    const { index } = await loaded;
    const words = index.analyzer.analyzeQuery('Wir aus Biebertal wollen mit Wettenberg und Heuchelheim das Ordnungsamt zusammenlegen');
    const classOf = (text: string) => words.find((w) => w.text === text)?.wordClass;
    expect(['Biebertal', 'Wettenberg', 'Heuchelheim'].map(classOf)).toEqual(['place', 'place', 'place']);
    expect(classOf('Ordnungsamt')).toBe('noun');
    const leader = index.analyzer.analyzeQuery('Mittel aus LEADER beantragen').find((w) => w.text === 'LEADER');
    expect(leader?.wordClass).toBe('noun');
  });

  it('takes a list of towns after "Gemeinden" for towns, but not a word after a known one ("in Hessen Besoldungsgruppe")', async () => {
    const { index } = await loaded;
    const classOf = (question: string, text: string) => index.analyzer.analyzeQuery(question).find((w) => w.text === text)?.wordClass;
    const list = 'Die Gemeinden Amönau, Wetter und Lahntal legen ihre Finanzverwaltung zusammen';
    expect(['Amönau', 'Wetter', 'Lahntal'].map((town) => classOf(list, town))).toEqual(['place', 'place', 'place']);
    expect(classOf('Was verdient ein Bürgermeister in Hessen? Besoldungsgruppe?', 'Besoldungsgruppe')).toBe('noun');
  });

  it('takes the names of villages and their fire brigades for places ("die Wehren Oberhain und Niederhain")', async () => {
    const { index } = await loaded;
    const classOf = (question: string, text: string) => index.analyzer.analyzeQuery(question).find((w) => w.text === text)?.wordClass;
    const brigades = 'Wenn wir die Wehren Oberhain und Niederhain zusammenlegen, gibt es dann Geld?';
    expect(['Oberhain', 'Niederhain'].map((name) => classOf(brigades, name))).toEqual(['place', 'place']);
    expect(classOf('Die Feuerwehr im Ortsteil Hasselroth ist zu klein', 'Hasselroth')).toBe('place');
  });

  it('reads a capitalised word that opens a later sentence before a pronoun as its verb, not as an unknown noun', async () => {
    const { index } = await loaded;
    const classOf = (question: string, text: string) => index.analyzer.analyzeQuery(question).find((w) => w.text === text)?.wordClass;
    expect(classOf('Wir wollen eine GmbH gründen. Fliegen wir damit aus der Förderung?', 'Fliegen')).toBe('other');
    expect(classOf('Wir wollen eine GmbH gründen. Fliegen sind kein Thema?', 'Fliegen')).toBe('noun');
  });

  it('reads a qualifier in brackets after a name as part of the town ("Homberg (Ohm)"), not as a topic word', async () => {
    const { index } = await loaded;
    const texts = index.analyzer
      .analyzeQuery('Die Gemeinden Kirtorf, Gemünden (Felda) und Homberg (Ohm) legen die Standesämter zusammen (Standesamtsbezirk)')
      .map((w) => w.text);
    expect(texts).not.toContain('Ohm');
    expect(texts).not.toContain('Felda');
    expect(texts).toContain('Standesamtsbezirk');
  });

  it('drops a truncated first part the articles do not know ("Ober- und Unterdorf"), keeps a known one ("Kassen- und")', async () => {
    const { index } = await loaded;
    const texts = (question: string) => index.analyzer.analyzeQuery(question).map((w) => w.text);
    expect(texts('Die Wehren im Ober- und im Unterdorf sollen eine werden')).not.toContain('Ober');
    expect(texts('Kassen- und Personalwesen gemeinsam')).toContain('Kassen');
  });

  it('takes capitals for an abbreviation or name, also as the first word', async () => {
    const { index } = await loaded;
    const [leader] = index.analyzer.analyzeQuery('LEADER Regionalbudget wie hoch');
    expect(leader?.wordClass).toBe('noun');
  });

  it('weighs the words of a frame or a context sentence less than those of the question', async () => {
    const { index } = await loaded;
    const words = index.analyzer.analyzeQuery('Im Finanzausschuss kam die Frage auf, ob auch Landkreise allein kooperieren dürfen');
    expect(words.find((w) => w.text === 'Finanzausschuss')?.emphasis).toBeLessThan(1);
    expect(words.find((w) => w.text === 'Landkreise')?.emphasis).toBeUndefined();
  });

  it.each([
    [
      'Im Finanzausschuss kam die Frage auf, ob auch zwei Landkreise ohne Gemeinden eine geförderte Kooperation eingehen dürfen',
      'antragsberechtigung',
    ],
  ])('answers "%s" despite the unknown words of its frame', async (question, article) => {
    const decision = await decide(question);
    expect(decision.outcome === 'answer' && decision.article.id).toBe(article);
  });
});

describe('a compound of known words that the knowledge base does not have', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));

  it('is a word of its own, not a typo of a similar known word ("Regierungspräsident" is no "Regierungspräsidium")', async () => {
    const { kb, index } = await loaded;
    const decision = decideAnswer(index, 'Was macht der Regierungspräsident?', kb.meta.outsideScope);
    expect(decision.outcome).toBe('no_answer');
  });

  it('keeps a typo of a known word found ("Regierungspräsidum")', async () => {
    const { kb, index } = await loaded;
    const decision = decideAnswer(index, 'Prüft das Regierungspräsidum unseren Antrag?', kb.meta.outsideScope);
    expect(decision.outcome).toBe('answer');
  });
});

describe('an unknown compound of a known modifier and an abstract head', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));
  const decide = async (question: string) => {
    const { kb, index } = await loaded;
    return decideAnswer(index, question, kb.meta.outsideScope);
  };

  it('helps a clear question through its modifier ("Kostendegression": Kosten)', async () => {
    const decision = await decide('Wie wird die Kostendegression einer Zusammenarbeit belegt?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('einsparvorgabe');
  });

  it('keeps the weight of an unknown word, so that the modifier alone does not answer', async () => {
    const { index } = await loaded;
    const weight = (question: string, text: string) => index.idf(index.analyzer.analyzeQuery(question).find((w) => w.text === text)!);
    expect(weight('Was ist mit der Kostendegression?', 'Kostendegression')).toBe(
      weight('Was ist mit der Quarkstrudelei?', 'Quarkstrudelei'),
    );
    expect((await decide('Kostendegression?')).outcome).toBe('no_answer');
  });

  it.each([
    'Wie hoch fällt die Kreisumlage für unseren Zweckverband aus?',
    'Gilt die Kommunalwahl auch für den Zweckverband?',
    'Braucht der Zweckverband eine Friedhofsgebührensatzung?',
  ])('does not answer "%s": a concrete head or a known head names another topic', async (question) => {
    expect((await decide(question)).outcome).toBe('no_answer');
  });
});

describe('a month name', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build(kb));

  it('weighs like a date when no article has it, not like the name of another topic', async () => {
    const index = await loaded;
    const weight = (question: string, text: string) => index.idf(index.analyzer.analyzeQuery(question).find((w) => w.text === text)!);
    expect(weight('Kommt das Geld ab Februar?', 'Februar')).toBeLessThan(weight('Kommt das Geld ab Quarkstrudelei?', 'Quarkstrudelei') / 4);
  });
});

describe('an unknown compound that names the field of a known thing', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));

  it('is about that thing ("Standesamtswesen": Standesamt; "Bauhofangelegenheiten": Bauhof)', async () => {
    const { kb, index } = await loaded;
    const decision = decideAnswer(index, 'Ist das Standesamtswesen ein förderfähiger Aufgabenbereich?', kb.meta.outsideScope);
    expect(decision.outcome === 'answer' && decision.article.id).toBe('aufgabenbereiche');
    const alternatives = (word: string) => [...index.analyzer.analyzeQuery(word)[0]!.alternatives.keys()];
    expect(alternatives('Bauhofangelegenheiten')).toContain(alternatives('Bauhof')[0]);
  });

  it('keeps another head a word of its own ("Personalausweis" is not about Personal)', async () => {
    const { index } = await loaded;
    const [word] = index.analyzer.analyzeQuery('Personalausweis');
    expect([...word!.alternatives.keys()]).toEqual([word!.term]);
  });
});

describe('the thing a question asks where, when or how to hand in', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));
  const decide = async (question: string) => {
    const { kb, index } = await loaded;
    return decideAnswer(index, question, kb.meta.outsideScope);
  };

  it('is not answered when no article has it ("Wo reicht er den Bauantrag ein?": the building permit)', async () => {
    const decision = await decide('Ein Bürger will an sein Haus anbauen. Wo reicht er den Bauantrag ein und was braucht er dafür?');
    expect(decision.outcome).toBe('no_answer');
  });

  it('is not answered when a passive question asks about a thing no article has ("… der neue Wehrführer bestimmt?")', async () => {
    const decision = await decide(
      'Wie wird nach der Zusammenlegung von drei Ortsteilwehren unserer Gemeinde der künftige Wehrführer bestimmt?',
    );
    expect(decision.outcome).toBe('no_answer');
  });

  it('leaves no computed amount to answer a question about such a thing where no article covers it well', async () => {
    const decision = await decide('Wie wird nach dem Zusammenschluss zweier Ortsteilfeuerwehren der neue Wehrführer gewählt?');
    // `outside_topic`, not `not_covered`: the grant reading computes nothing for it (see outside-topics.test.ts).
    expect(decision).toMatchObject({ outcome: 'no_answer', reason: 'outside_topic' });
  });

  it('takes "nach welchem Maßstab" for how something is measured, not for a thing no article has', async () => {
    const decision = await decide('Nach welchem Maßstab berechnet das Land die Entschuldungshilfe je Einwohner bei einer Fusion?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('entschuldungshilfe-fusion');
  });

  it.each(['Wo reichen wir den Antrag ein?', 'Bei wem stellen wir den Förderantrag?', 'Wie wird nach der Fusion der Zuschuss ausgezahlt?'])(
    'is answered when the articles have it ("%s")',
    async (question) => expect((await decide(question)).outcome).toBe('answer'),
  );
});

describe('a typo', () => {
  const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build(kb));

  it('keeps its first letter: "Fördrung" is not matched as "Ordnung"', async () => {
    const index = await loaded;
    const matched = index.search(index.analyzer.analyzeQuery('Fördrung')).flatMap((hit) => [...hit.exactTerms]);
    expect(matched).not.toContain('ordnung');
    const typo = index.search(index.analyzer.analyzeQuery('Zusammenarbiet')).flatMap((hit) => [...hit.exactTerms]);
    expect(typo).toContain('zusammenarbeit');
  });

  it('changes no vowel for one slip of a finger: "Bauantrag" is not matched as "beantragen", "Foerderantarg" still is a typo', async () => {
    const index = await loaded;
    const matched = index.search(index.analyzer.analyzeQuery('Bauantrag')).flatMap((hit) => [...hit.exactTerms]);
    expect(matched).not.toContain('beantrag');
    const typo = index.search(index.analyzer.analyzeQuery('Foerderantarg')).flatMap((hit) => [...hit.exactTerms]);
    expect(typo).toContain('forderantrag');
  });
});
