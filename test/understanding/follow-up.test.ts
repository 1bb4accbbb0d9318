import { describe, expect, it } from 'vitest';
import { followUpReadings, looksLikeFollowUp, nounsIn, numbersIn, topicOf } from '../../src/understanding/follow-up.js';

const kinds: Record<string, string> = { Zweckverband: 'rechtsformen', Arbeitsgemeinschaft: 'rechtsformen', Antrag: 'verfahren' };
const kindOf = (word: string) => kinds[word];

describe('follow-up questions', () => {
  it.each([
    'Und für fünf?',
    'und wenn es nur zwei sind?',
    'Wie viel Geld gibt es dafür?',
    'Und wohin schicken wir ihn?',
    'Und eine Arbeitsgemeinschaft?',
    'Gilt das auch für Landkreise?',
    'Was ist mit Landkreisen?',
    'Was kostet das?',
    'Fällt das unter die Förderung?',
    'Faellt das unter IKZ?',
    'muss die genehmigt werden?',
    'und danach?',
    'auch ein zweckverband?',
    'Bei Landkreisen?',
    'wie viel genau?',
    // "dort", and "da" after the verb, point back to what was named before.
    'Und wie hoch ist der Zuschuss dort?',
    'Was zahlt man dort für eine gemeinsame Kasse?',
    'Können da noch weitere Gemeinden beitreten?',
    // "die"/"der" before an article is no article itself: it stands for what was named before.
    'braucht die eine Genehmigung?',
    'Hat der auch einen eigenen Haushalt?',
    // … and before "sein" at the end: "Wie hoch darf der sein?" (not "… der Zuschuss sein?").
    'Wie hoch darf der sein?',
    // … also with a particle after it ("denn", "dann").
    'wie hoch muss die denn sein?',
    // "die drei" without a noun: the towns named before.
    'Wie viel Geld haben die drei erhalten?',
    // "eins von beiden": one of the two named before.
    'Ist eins von beiden günstiger für uns?',
    // "die"/"den" after "gibt es" at the end: the thing named before ("Seit wann gibt es die schon?").
    'seit wann gibts die schon?',
    'Gibt es den noch?',
    // "der" before a preposition, "den" at the end, "mich da": no article, the thing named before.
    'bis wann muss der beim Land sein?',
    'wo bekomme ich den?',
    'wie melde ich mich da an?',
    // "Wie wäre das bei …": the same question for another case.
    'wie waer das bei nem gvv mit nur 2 gemeinden?',
    'Und wie sieht das bei einer Fusion aus?',
    // The pronoun after "uns"; a comparison whose other side was said before.
    'Was kostet uns das als Gemeinde?',
    'Zahlt die neue Gemeinde mehr oder weniger?',
  ])('"%s" continues the previous question', (text) => {
    expect(looksLikeFollowUp(text)).toBe(true);
  });

  it.each([
    'Seit wann gibt es die Haushaltsberatung?',
    'Wie hoch darf der Zuschuss sein?',
    'Wie hoch ist die Förderung?',
    'Wer darf den Antrag stellen?',
    'Besoldungsgruppe?',
    'Förderhöhe?',
    'wer darf die foerderung beantragen',
    'Was ist ein Zweckverband?',
    'Was bekommen die drei kleinen Gemeinden?',
    // An adverb ending in "-t" after a noun is no verb after a pronoun.
    'seit wann läuft das Programm überhaupt?',
    // "da" as a conjunction ("because") is no pointer back.
    'Da wir nur zwei Gemeinden sind, reicht ein Gruppenantrag?',
    'Welche Unterlagen braucht ein Zweckverband, da er selbst antragsberechtigt ist?',
    'Braucht die Gemeinde eine Satzung?',
    'Gibt es eine Förderung für Bauhöfe?',
    'Muss der Antrag beim Land sein?',
    'Wie ist das Verfahren bei einer Fusion?',
  ])('"%s" stands on its own', (text) => {
    expect(looksLikeFollowUp(text)).toBe(false);
  });

  it('remembers the numbers and nouns of a question', () => {
    const topic = topicOf('Wie viel Förderung gibt es für drei Gemeinden?', { id: 'foerderhoehe', title: 'Förderhöhe' });
    expect(topic).toEqual({
      articleId: 'foerderhoehe',
      title: 'Förderhöhe',
      question: 'Wie viel Förderung gibt es für drei Gemeinden?',
      numbers: [{ text: 'drei', value: 3 }],
      nouns: ['Förderung', 'Gemeinden'],
    });
    expect(numbersIn('für 5 oder zwölf Kommunen')).toEqual([
      { text: '5', value: 5 },
      { text: 'zwölf', value: 12 },
    ]);
    expect(nounsIn('kann ein zweckverband foerderung beantragen')).toEqual(['zweckverband', 'foerderung', 'beantragen']);
    // A three-letter abbreviation typed in lower case is a noun too.
    expect(nounsIn('was ist ein gvv genau')).toEqual(['gvv', 'genau']);
  });

  it('reads the nouns of a question typed in lower case also when it has an abbreviation in capitals', () => {
    expect(nounsIn('was ist eine oeffentlich-rechtliche vereinbarung nach KGG?')).toEqual([
      'oeffentlich-rechtliche',
      'vereinbarung',
      'KGG',
    ]);
    expect(nounsIn('Was ist eine Vereinbarung nach KGG?')).toEqual(['Vereinbarung', 'KGG']);
  });

  it('swaps a lower-case fragment ("und ne arbeitsgemeinschaft?") for the previous thing of its kind', () => {
    const topic = topicOf('was ist eine oeffentlich-rechtliche vereinbarung nach KGG?');
    const kinds = (word: string) => (/vereinbarung|arbeitsgemeinschaft|gvv|fusion/iu.test(word) ? 'rechtsformen' : undefined);
    expect(followUpReadings('und ne arbeitsgemeinschaft?', topic, kinds)[0]).toBe(
      'was ist eine oeffentlich-rechtliche arbeitsgemeinschaft nach KGG?',
    );
    const fusion = topicOf('wann war die erste freiwillige gemeindefusion in hessen?');
    expect(followUpReadings('und der erste gvv?', fusion, kinds)[0]).toBe('wann war die erste freiwillige gvv in hessen?');
  });

  it('reads an ordinal ("bei der letzten", "die zweite") as that item of the previous question\'s list', () => {
    const topic = topicOf('Können Sie die Formen erklären: Arbeitsgemeinschaft, Zweckverband und öffentlich-rechtliche Vereinbarung?');
    expect(followUpReadings('Und bei der letzten, braucht man da eine Genehmigung?', topic, kindOf)[0]).toBe(
      'Und bei öffentlich-rechtliche Vereinbarung, braucht man da eine Genehmigung?',
    );
    expect(followUpReadings('Und die zweite?', topic, kindOf)[0]).toBe('Und Zweckverband?');
    // Without a list before, an ordinal is no item of one.
    const readings = followUpReadings('Und die zweite?', topicOf('Wie viel gibt es für einen GVV?'), kindOf);
    expect(readings.every((reading) => reading.includes('die zweite'))).toBe(true);
  });

  it('reads "Und für fünf?" as the previous question with the new number', () => {
    const topic = topicOf('Wie viel Förderung gibt es für drei Gemeinden?', { id: 'foerderhoehe', title: 'Förderhöhe' });
    expect(followUpReadings('Und für fünf?', topic, kindOf)[0]).toBe('Wie viel Förderung gibt es für fünf Gemeinden? Und für fünf?');
  });

  it('swaps no verb of a short follow-up into the previous question ("Stimmt das?")', () => {
    const topic = topicOf('Gibt es für den Zweckverband mehr Geld?');
    expect(followUpReadings('Stimmt das?', topic, () => 'rechtsformen')).not.toContain('Gibt es für den Stimmt mehr Geld?');
  });

  it('reads "Und eine Arbeitsgemeinschaft?" as the previous question about a thing of the same kind', () => {
    const topic = topicOf('Kann ein Zweckverband den Antrag stellen?', { id: 'antragsberechtigung', title: 'Antragsberechtigung' });
    expect(followUpReadings('Und eine Arbeitsgemeinschaft?', topic, kindOf)[0]).toBe('Kann ein Arbeitsgemeinschaft den Antrag stellen?');
  });

  it('swaps the thing asked about, not what is asked of it, when both are of the kind ("und bei ner fusion?")', () => {
    const topic = topicOf('was fuer foerderung gibts wenn wir nen GVV gruenden?');
    const kinds = (word: string) => (/foerderung|gvv|fusion/iu.test(word) ? 'foerderung' : undefined);
    expect(followUpReadings('und bei ner fusion?', topic, kinds)[0]).toBe('was fuer foerderung gibts wenn wir nen fusion gruenden?');
  });

  it('swaps no noun into the previous question when the follow-up points back to it ("wieviel Förderung gibts dafür?")', () => {
    const topic = topicOf('Was ist ein GVV genau?');
    const kinds = () => 'foerderung';
    expect(followUpReadings('wieviel Förderung gibts dafür?', topic, kinds)).not.toContain('Was ist ein Förderung genau?');
    expect(followUpReadings('Und eine Förderung?', topic, kinds)).toContain('Was ist ein Förderung genau?');
  });

  it('adds the nouns of the previous question to a follow-up with a predicate of its own', () => {
    const topic = topicOf('Was ist ein Gemeindeverwaltungsverband?', { id: 'gvv', title: 'GVV' });
    expect(followUpReadings('Wie viel Geld gibt es dafür?', topic, kindOf)).toEqual([
      'Wie viel Geld gibt es dafür? Gemeindeverwaltungsverband',
    ]);
  });

  it('reads a noun as the compound of the topic it is the head of ("so eine Studie")', () => {
    const topic = topicOf('Ein Büro soll eine Machbarkeitsstudie für den Bauhof erstellen.');
    expect(followUpReadings('Wer bezahlt so eine Studie?', topic, kindOf)[0]).toBe('Wer bezahlt so eine Machbarkeitsstudie?');
  });

  it('replaces the number of the same size: the count, not the amount ("und für fünf?" after "100.000 € für vier")', () => {
    const topic = topicOf('Gibt es 100.000 € für vier Kommunen?');
    expect(topic.numbers).toEqual([
      { text: '100.000', value: 100000 },
      { text: 'vier', value: 4 },
    ]);
    expect(followUpReadings('und für fünf?', topic, kindOf)[0]).toBe('Gibt es 100.000 € für fünf Kommunen? und für fünf?');
  });

  it('lets a fragment borrow the whole previous question', () => {
    const topic = topicOf('Wer darf einen IKZ-Förderantrag stellen?', { id: 'antragsberechtigung', title: 'Antragsberechtigung' });
    expect(followUpReadings('auch ein zweckverband?', topic, kindOf)).toContain(
      'Wer darf einen IKZ-Förderantrag stellen? auch ein zweckverband?',
    );
  });
});

describe('"das" before a noun is an article, not a pronoun for the topic', () => {
  it('reads "Was ist das Hessen3C?" as a question of its own, "Was ist das?" as a follow-up', () => {
    expect(looksLikeFollowUp('Was ist das Hessen3C?')).toBe(false);
    expect(looksLikeFollowUp('Was ist das?')).toBe(true);
    expect(looksLikeFollowUp('Wie viel wäre das insgesamt?')).toBe(true);
  });
});

describe('words for a thing named before ("da", "so etwas", "solches", a final "das")', () => {
  it.each([
    'Bekommen wir da Geld?',
    'Gibt es da Fördermittel?',
    'Ist so etwas förderfähig?',
    'Ist ein solches Vorhaben förderfähig?',
    'Wäre so ein Projekt förderfähig?',
    'Was kostet uns das?',
    'Was macht das Land da für uns?',
    'Bekommen wir trotzdem etwas?',
    'Gibts da noch was vom Land?',
    'Gilt in dem Fall die Frist?',
    'was käme da insgesamt zusammen?',
    'was kostet uns das eigentlich?',
  ])('reads "%s" as referring back', (text) => {
    expect(looksLikeFollowUp(text)).toBe(true);
  });

  it('keeps a question that names its own thing standing alone', () => {
    expect(looksLikeFollowUp('Gibt es Geld vom Land?')).toBe(false);
    expect(looksLikeFollowUp('Bekommen wir eine Förderung?')).toBe(false);
    // "da" as a conjunction opens a clause of reason.
    expect(looksLikeFollowUp('Gibt es Geld, da noch keine Förderung beantragt wurde?')).toBe(false);
  });

  it('adds the context to a short question with a verb of its own instead of putting its noun into the context', () => {
    const topic = topicOf('Wir legen die Bauhöfe zusammen.');
    const readings = followUpReadings('Bekommen wir da Geld?', topic, () => 'foerderung');
    expect(readings).not.toContain('Wir legen die Geld zusammen.');
    expect(readings).toContain('Bekommen wir da Geld? Bauhöfe');
  });
});

describe('a correction of the previous question', () => {
  it.each([
    ['sorry, falsch: wir sind fünf Gemeinden', 'Wir sind drei Gemeinden. Welche Förderung gibt es?', 'fünf'],
    ['ups, ich meinte 2025', 'Wie viele Cyberangriffe wurden 2023 gemeldet?', '2025'],
  ])('reads "%s" as the previous question with the corrected number', (text, previous, number) => {
    expect(looksLikeFollowUp(text)).toBe(true);
    expect(followUpReadings(text, topicOf(previous), kindOf)[0]).toMatch(new RegExp(`^${previous.split(' ')[0]}.*${number}`, 'u'));
  });
});
