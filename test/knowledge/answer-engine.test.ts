import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_OPTIONS, decideAnswer, type AnswerOptions } from '../../src/knowledge/answer-engine.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase, parseArticle } from '../../src/knowledge/load-knowledge.js';
import type { Article } from '../../src/knowledge/types.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

function article(id: string, title: string, body: string): Article {
  const parsed = parseArticle(
    `thema/${id}.md`,
    `---\nid: ${id}\ntitle: "${title}"\nquestions: [Was gilt hier?, Was ist das?]\nkeywords: [x]\nsource: { title: Quelle, url: "https://example.org" }\nas_of: 2025-01-01\n---\n${body}\n`,
  );
  if (!('article' in parsed)) throw new Error(parsed.problems.map((p) => p.reason).join('\n'));
  return parsed.article;
}

/** An index of the shipped configuration with these articles and five unrelated ones ("Der Bauhof der Gemeinde."). */
function withOthers(...articles: Article[]): Promise<KnowledgeIndex> {
  const others = ['Bauhof', 'Standesamt', 'Feuerwehr', 'Kasse', 'Schule'].map((t, i) =>
    article(`anderes-${i}`, t, `Der ${t} der Gemeinde.`),
  );
  return loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build({ meta: kb.meta, articles: [...articles, ...others] }));
}

/** The id of the article that answers a question, or the outcome when none does. */
async function outcomeOf(
  index: Promise<KnowledgeIndex>,
  question: string,
  options: AnswerOptions = DEFAULT_ANSWER_OPTIONS,
): Promise<string> {
  const decision = decideAnswer(await index, question, [], options);
  return decision.outcome === 'answer' ? decision.article.id : decision.outcome;
}

describe('the answer decision', () => {
  // A neighbour names every word of the question, each in another section; the answer shows the intro and one
  // section, so the article that holds the words together in one section is the better answer.
  const scattered = article(
    'ueberblick',
    'Überblick',
    'Vieles ist möglich.\n\n## Kläranlage\n\nDie Kläranlage der Gemeinde.\n\n## Friedhof\n\nDer Friedhof der Gemeinde.\n\n## Zuschuss\n\nEin Zuschuss ist möglich.',
  );
  const together = article(
    'klaeranlage',
    'Gemeinsame Anlagen',
    'Kurz.\n\n## Kläranlage und Friedhof\n\nFür eine gemeinsame Kläranlage mit Friedhof gibt es einen Zuschuss.',
  );
  const others = ['Bauhof', 'Standesamt', 'Feuerwehr', 'Kasse', 'Schule'].map((t, i) =>
    article(`anderes-${i}`, t, `Der ${t} der Gemeinde.`),
  );
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) =>
    KnowledgeIndex.build({ meta: kb.meta, articles: [scattered, together, ...others] }),
  );
  const answered = async (minPassageShare: number) => {
    const decision = decideAnswer(await index, 'Zuschuss für Kläranlage und Friedhof?', [], { ...DEFAULT_ANSWER_OPTIONS, minPassageShare });
    return decision.outcome === 'answer' ? decision.article.id : decision.outcome;
  };

  it('ranks down an article that has the words of the question only in different sections', async () => {
    expect(await answered(DEFAULT_ANSWER_OPTIONS.minPassageShare)).toBe('klaeranlage');
    expect(await answered(0)).toBe('ueberblick');
  });
});

describe('a compound covered through its parts', () => {
  // "Laufzeit" has the related words "laufen" and "bestehen" (_meta/synonyms.yml): both stand for one part of
  // "Mindestlaufzeit", so an article with both covers one part, not the whole compound.
  const oneSynonymTwice = article('zeitpunkt', 'Zeitpunkt', 'Die Kooperation läuft schon und besteht seit Jahren.');
  const bothParts = article('voraussetzungen', 'Voraussetzungen', 'Die Kooperation muss mindestens fünf Jahre Dauer haben.');
  const others = ['Bauhof', 'Standesamt', 'Feuerwehr', 'Kasse', 'Schule'].map((t, i) =>
    article(`anderes-${i}`, t, `Der ${t} der Gemeinde.`),
  );
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) =>
    KnowledgeIndex.build({ meta: kb.meta, articles: [oneSynonymTwice, bothParts, ...others] }),
  );

  it('counts two synonyms of one part as one part', async () => {
    // (The synthetic articles name no topic: the share named there is not what this is about.)
    const decision = decideAnswer(await index, 'Mindestlaufzeit Kooperation', [], { ...DEFAULT_ANSWER_OPTIONS, minNamedShare: 0 });
    const coverage = (id: string) => decision.candidates.find((c) => c.article.id === id)?.coverage ?? 0;
    expect(coverage('voraussetzungen')).toBeGreaterThan(coverage('zeitpunkt'));
    expect(decision).toMatchObject({ outcome: 'answer', article: { id: 'voraussetzungen' } });
  });
});

describe('a synonym of several words', () => {
  // _meta/synonyms.yml: [Hessen3C, Hessen CyberCompetenceCenter, Cyber Competence Center]. "Hessen" alone is in
  // almost every article and says nothing about the Hessen3C.
  const onlyHessen = article('land', 'Das Land', 'Das Land Hessen gibt Geld. Gegründet wurde die Stelle 2009.');
  const longForm = article('cyber', 'Cyber', 'Das Hessen CyberCompetenceCenter berät. Eröffnet wurde es 2019.');
  const others = ['Bauhof', 'Standesamt', 'Feuerwehr', 'Kasse', 'Schule'].map((t, i) => article(`hessen-${i}`, t, `Der ${t} in Hessen.`));
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) =>
    KnowledgeIndex.build({ meta: kb.meta, articles: [onlyHessen, longForm, ...others] }),
  );

  it('stands for the word only with all its words', async () => {
    const decision = decideAnswer(await index, 'Was ist das Hessen3C?');
    const coverage = (id: string) => decision.candidates.find((c) => c.article.id === id)?.coverage ?? 0;
    expect(coverage('cyber')).toBeGreaterThan(coverage('land'));
    expect(decision).toMatchObject({ outcome: 'answer', article: { id: 'cyber' } });
  });

  it('does not stand for the word through one word of each of two long forms', async () => {
    // "Hessen" of one long form and "Cyber" of the other, far apart in an article about something else.
    const mixed = article('mixed', 'Förderung', 'In Hessen fördert das Land die Zusammenarbeit. Auch Cyber-Themen kommen vor.');
    const withMixed = loadKnowledgeBase(SHIPPED_KB).then((kb) =>
      KnowledgeIndex.build({ meta: kb.meta, articles: [onlyHessen, longForm, mixed, ...others] }),
    );
    const decision = decideAnswer(await withMixed, 'Hessen3C');
    const mixedCoverage = decision.candidates.find((c) => c.article.id === 'mixed')?.coverage ?? 0;
    expect(mixedCoverage).toBeLessThan(DEFAULT_ANSWER_OPTIONS.minCoverage);
  });
});

describe('words found only in examples', () => {
  // A town named in an example section matches the question's town; the question asks about the Standesamt.
  const withExample = article(
    'zuschuss',
    'Zuschuss',
    'Ein Zuschuss ist möglich.\n\n## Beispiel: Neustadt\n\nNeustadt erhielt einen Zuschuss für die Kläranlage.',
  );
  const topic = article('standesamt', 'Standesamt', 'Für ein gemeinsames Standesamt gibt es einen Zuschuss.');
  const others = ['Bauhof', 'Friedhof', 'Feuerwehr', 'Kasse', 'Schule'].map((t, i) => article(`anderes-${i}`, t, `Der ${t} der Gemeinde.`));
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) =>
    KnowledgeIndex.build({ meta: kb.meta, articles: [withExample, topic, ...others] }),
  );
  const first = async (exampleWeight: number) => {
    const decision = decideAnswer(await index, 'Zuschuss für Neustadt beim Standesamt?', [], { ...DEFAULT_ANSWER_OPTIONS, exampleWeight });
    return decision.candidates[0]?.article.id;
  };

  it('count less in the ranking than words of the article proper', async () => {
    expect(await first(DEFAULT_ANSWER_OPTIONS.exampleWeight)).toBe('standesamt');
    expect(await first(1)).toBe('zuschuss');
  });

  it('are the words of example sections and of whole example articles that occur nowhere else', async () => {
    const { exampleOnly } = (await index).termsOf('zuschuss');
    expect([...exampleOnly]).toContain('neustadt');
    expect([...exampleOnly]).not.toContain('zuschuss');
    const whole = KnowledgeIndex.build({
      meta: (await loadKnowledgeBase(SHIPPED_KB)).meta,
      articles: [article('b', 'Beispiel: Altdorf', 'Altdorf spart.')],
    });
    expect([...whole.termsOf('b').exampleOnly]).toEqual(expect.arrayContaining(['altdorf', 'spart']));
  });
});

describe('the match with a stored question', () => {
  const withQuestions = (id: string, title: string, questions: string[], body: string) => {
    const parsed = parseArticle(
      `thema/${id}.md`,
      `---\nid: ${id}\ntitle: "${title}"\nquestions: [${questions.join(', ')}]\nkeywords: [x]\nsource: { title: Quelle, url: "https://example.org" }\nas_of: 2025-01-01\n---\n${body}\n`,
    );
    if (!('article' in parsed)) throw new Error(parsed.problems.map((p) => p.reason).join('\n'));
    return parsed.article;
  };
  const procedure = withQuestions(
    'verfahren',
    'Verfahren',
    ['Wie funktioniert das Verfahren?', 'Wer prüft schriftlich?'],
    'Das Verfahren funktioniert schriftlich.',
  );
  const cash = withQuestions('kasse', 'Kasse', ['Was macht die Kasse?', 'Wer zahlt?'], 'Die gemeinsame Kasse funktioniert für alle.');
  const others = ['Bauhof', 'Standesamt', 'Feuerwehr', 'Schule'].map((t, i) => article(`anderes-${i}`, t, `Der ${t} der Gemeinde.`));
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build({ meta: kb.meta, articles: [procedure, cash, ...others] }));

  it('does not count a stored question that shares only the asking ("wie funktioniert")', async () => {
    const decision = decideAnswer(await index, 'Wie funktioniert die gemeinsame Kasse?');
    const match = (id: string) => decision.candidates.find((c) => c.article.id === id)?.questionMatch;
    expect(match('verfahren')).toBe(0);
    expect(match('kasse')).toBeGreaterThan(0);
  });
});

describe('an article that only mentions the question in passing', () => {
  // The Vorstand article names the Bürgermeister in a list; nothing where it names its topic (title, stored
  // questions, keywords, headings) is about mayors or elections.
  const inPassing = article(
    'vorstand',
    'Der Vorstand des Verbands',
    'Der Vorstand leitet den Verband.\n\n## Mitglieder\n\nDem Vorstand gehören die Bürgermeister der Gemeinden an, gewählt wird er für eine Amtszeit.',
  );
  const index = withOthers(inPassing);
  const outcome = (question: string, minNamedShare: number = DEFAULT_ANSWER_OPTIONS.minNamedShare) =>
    outcomeOf(index, question, { ...DEFAULT_ANSWER_OPTIONS, minNamedShare });

  it('is no answer', async () => {
    expect(await outcome('Wie wird ein Bürgermeister gewählt und wie lang ist seine Amtszeit?')).toBe('no_answer');
    expect(await outcome('Wie wird ein Bürgermeister gewählt und wie lang ist seine Amtszeit?', 0)).toBe('vorstand');
  });

  it('answers a question that names its topic', async () => {
    expect(await outcome('Wer gehört zum Vorstand?')).toBe('vorstand');
  });
});

describe('a question that asks for a thing no article knows', () => {
  // "Welche Mehrheit …": the asked-for noun is in no article, nothing stands for it; the other words alone would
  // carry the Beschluss article over the threshold.
  const beschluss = article(
    'beschluss',
    'Der Beschluss der Gemeindevertretung',
    'Die Gemeindevertretung fasst einen Beschluss über die Kooperation.\n\n## Vertrag\n\nDer Beschluss billigt den Vertrag.',
  );
  const index = withOthers(beschluss);
  const outcome = (question: string) => outcomeOf(index, question);

  it('is no answer when the noun after "welche" or "wie viele" is unknown', async () => {
    expect(await outcome('Welche Mehrheit braucht der Beschluss der Gemeindevertretung zur Kooperation?')).toBe('no_answer');
  });

  it('is no answer when what "wie hoch ist …" asks about is unknown', async () => {
    expect(await outcome('Wie hoch ist das Sitzungsgeld für den Beschluss der Gemeindevertretung zur Kooperation?')).toBe('no_answer');
  });

  it('is no answer when the message is typed in lower case and that noun is unknown', async () => {
    expect(await outcome('welche mehrheit braucht der beschluss der gemeindevertretung zur kooperation?')).toBe('no_answer');
  });

  it('answers when that noun is known, or the unknown noun is not what is asked for', async () => {
    expect(await outcome('welchen beschluss braucht die kooperation in der gemeindevertretung?')).toBe('beschluss');
    expect(await outcome('Welchen Beschluss braucht die Kooperation in der Gemeindevertretung?')).toBe('beschluss');
    expect(await outcome('Braucht die Kooperation einen Beschluss der Gemeindevertretung mit Mehrheit?')).toBe('beschluss');
  });
});

describe('a count about a place or thing no article knows', () => {
  const statistik = article(
    'statistik',
    'Geförderte Projekte und Zweckverbände',
    'In Hessen wurden 533 Projekte gefördert.\n\n## Zweckverbände\n\nIm Bezirk Darmstadt gibt es 40 Zweckverbände.',
  );
  const index = withOthers(statistik);
  const outcome = (question: string) => outcomeOf(index, question);

  it('is no answer: the articles count for other places', async () => {
    expect(await outcome('Wie viele Zweckverbände gibt es im Bezirk Kassel?')).toBe('no_answer');
  });

  it('is no answer for a sum about such a place either ("wie viel")', async () => {
    expect(await outcome('Wie viel Geld für Projekte ist bisher in den Bezirk Kassel gegangen?')).toBe('no_answer');
    expect(await outcome('Wie viel Geld für Projekte ist bisher in Hessen gegangen?')).toBe('statistik');
  });

  it('is no answer for what such a place received ("Was hat … bekommen?", "Wurde … gefördert?")', async () => {
    expect(await outcome('Was hat der Bezirk Kassel für seine Projekte bekommen?')).toBe('no_answer');
    expect(await outcome('Welche Projekte wurden im Bezirk Kassel gefördert?')).toBe('no_answer');
    expect(await outcome('Welche Projekte wurden in Hessen gefördert?')).toBe('statistik');
  });

  it('answers a count the articles have, and a count about the asker', async () => {
    expect(await outcome('Wie viele Zweckverbände gibt es im Bezirk Darmstadt?')).toBe('statistik');
    expect(await outcome('Wie viele Projekte wurden in Hessen gefördert?')).toBe('statistik');
  });
});

describe('a count the best article does not have', () => {
  const index = withOthers(
    article(
      'zweckverband',
      'Zweckverbände in Hessen',
      'Zweckverbände gibt es in Hessen viele. Ein Zweckverband ist eine Körperschaft, die Gemeinden gemeinsam gründen.',
    ),
    article(
      'zusammenarbeit',
      'Zusammenarbeit über Jahre',
      'Eine Zusammenarbeit dauert viele Jahre. Die Zusammenarbeit dauert und dauert, Jahre über Jahre.',
    ),
    article('dauer', 'Mindestdauer der Zusammenarbeit', 'Eine Zusammenarbeit muss mindestens 5 Jahre laufen.'),
  );
  const outcome = (question: string) => outcomeOf(index, question);

  it('is no answer: the article has the topic, not the figure ("viele" or a sum is no count)', async () => {
    expect(await outcome('Wie viele Zweckverbände gibt es in Hessen?')).toBe('no_answer');
    expect(await outcome('Was ist ein Zweckverband?')).toBe('zweckverband');
  });

  it('is answered by the article that counts it', async () => {
    expect(await outcome('Wie viele Jahre dauert eine Zusammenarbeit?')).toBe('dauer');
  });
});

describe('a count of other things in the sentence that names the counted thing', () => {
  const index = withOthers(
    article(
      'gvv',
      'Förderung für einen Gemeindeverwaltungsverband',
      'Der Gemeindeverwaltungsverband Nordtal mit vier Gemeinden erhielt eine Förderung. Ein Gemeindeverwaltungsverband erledigt die Verwaltung.',
    ),
    article(
      'angriffe',
      'Cyberangriffe auf Kommunen',
      'Die gemeldeten Cyberangriffe auf Kommunen gingen zurück: 25 im Jahr 2023 und 21 im Jahr 2024.',
    ),
  );
  const outcome = (question: string) => outcomeOf(index, question);

  it('is no answer: "vier Gemeinden" counts Gemeinden, not Gemeindeverwaltungsverbände', async () => {
    expect(await outcome('Wie viele Gemeindeverwaltungsverbände gibt es?')).toBe('no_answer');
    expect(await outcome('Was ist ein Gemeindeverwaltungsverband?')).toBe('gvv');
  });

  it('answers from a bare count ("25 im Jahr 2023") that counts what its sentence names', async () => {
    expect(await outcome('Wie viele Cyberangriffe auf Kommunen wurden 2024 gemeldet?')).toBe('angriffe');
  });

  it('is no answer for a year no counting sentence names; a document\'s year ("RV 2021") is no such year', async () => {
    expect(await outcome('Wie viele Cyberangriffe auf Kommunen wurden 2022 gemeldet?')).toBe('no_answer');
    expect(await outcome('Wie viele Cyber-Angriffe auf Kommunen gab es 2022?')).toBe('no_answer');
    expect(await outcome('Wie viele Cyberangriffe auf Kommunen gab es laut RV 2021?')).toBe('angriffe');
  });
});

describe('the section an answer shows', () => {
  // The title spans the years and names the topic ("Rahmenvereinbarung", which "RV" stands for).
  const history = article(
    'historie',
    'Die Rahmenvereinbarung 2004 bis 2021',
    'Das Programm hat mehrere Fassungen.\n\n## 2004: Die erste Rahmenvereinbarung\n\nDie erste Rahmenvereinbarung galt ab 2004.' +
      '\n\n## 2021: Verlängerung\n\nDie Fassung trägt das Datum vom 7. Dezember 2021.',
  );
  const index = withOthers(history);

  it('is the one a year of the question names, also when the title spans that year', async () => {
    const decision = decideAnswer(await index, 'Welches Datum hat die RV 2021?');
    expect(decision.outcome === 'answer' && decision.sections.map((s) => s.heading)).toEqual([null, '2021: Verlängerung']);
  });
});

/** The decision on the shipped knowledge base (loaded once for all tests that read it). */
const shipped = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));
async function shippedDecision(question: string) {
  const { kb, index } = await shipped;
  return decideAnswer(index, question, kb.meta.outsideScope);
}
const headingsOf = (decision: ReturnType<typeof decideAnswer>) => decision.outcome === 'answer' && decision.sections.map((s) => s.heading);

describe('an article that covers far more of the question than the best-ranked one (shipped knowledge base)', () => {
  it('is the answer: the task areas for the Polizeidienst, not the fusion article full of "freiwillig"', async () => {
    const decision = await shippedDecision('Gilt der freiwillige Polizeidienst mit dem Nachbarort als IKZ?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('aufgabenbereiche');
  });
});

describe('a stored question that says nearly all of the question (shipped knowledge base)', () => {
  it('answers over an article that shares its common words more often ("seit 2009" of the office)', async () => {
    const decision = await shippedDecision('Seit wann fördert das Land eigentlich die Zusammenarbeit von Gemeinden?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('historie-fassungen');
  });

  it('needs the asking words too: a stored question without "seit wann" chooses nothing', async () => {
    const decision = await shippedDecision('seit wann gibts das förderprogramm eigentlich');
    expect(decision.outcome === 'answer' && decision.article.id).not.toBe('geltungsdauer');
  });
});

describe("everyday words for the articles' terms (shipped knowledge base, synonyms.yml)", () => {
  it.each<[string, string]>([
    // The former condition "Vorbildcharakter", asked with words for a model or pilot project.
    ['Muss unser Vorhaben Modellcharakter haben, damit es gefördert wird?', 'foerdervoraussetzungen'],
    // Putting the papers together for an application is the documents it needs.
    ['was wir für einen Zuschussantrag beim Land alles zusammenstellen müssen?', 'antragsunterlagen'],
    // A "Variante" of cooperation is one of its forms.
    ['Fördert das Land die GmbH-Variante genauso?', 'kgg-formen'],
    // "durchchecken" is having it checked; the network is the AKC's Kommunalnetze, not the infrastructure of the task areas.
    ['Kann jemand vom Land mal unser Netz in der Verwaltung durchchecken?', 'akc'],
    // The abbreviation clerks write for the öffentlich-rechtliche Vereinbarung.
    ['Was ist eine örV?', 'oeffentlich-rechtliche-vereinbarung'],
    // An early phase of a project is its preparation, which the Projektentwicklung funds.
    ['Fördert das Land so etwas schon in dieser frühen Phase?', 'projektentwicklung'],
    // Supporting something "finanziell" is funding it, not advising.
    ['Hilft das Land auch finanziell bei der Vorbereitung?', 'projektentwicklung'],
    ['Wird eine Machbarkeitsstudie vom Land finanziell unterstützt?', 'projektentwicklung'],
  ])('"%s" → %s', async (question, id) => {
    const decision = await shippedDecision(question);
    expect(decision.outcome === 'answer' && decision.article.id).toBe(id);
  });
});

describe('an open point an article names (shipped knowledge base)', () => {
  it('leads a question about it to that article: whether the amounts change with a successor is in the validity article', async () => {
    const decision = await shippedDecision('Werden die Förderbeträge ab 2027 höher?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('geltungsdauer');
  });
});

describe('a question word that says what is asked (shipped knowledge base)', () => {
  it('reads "wohin" with an application as where it is handed in (synonyms.yml)', async () => {
    const decision = await shippedDecision('antrag ikz wohin');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('antragsverfahren');
  });

  it('reads "woher" with money as where the money comes from (analyzer.yml keeps "woher")', async () => {
    const decision = await shippedDecision('Woher kommt das Geld eigentlich?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('landesausgleichsstock');
  });
});

describe('the section an answer shows (shipped knowledge base)', () => {
  it('is the one a word common to all articles names within this one ("Förderung" in the GVV article)', async () => {
    expect(headingsOf(await shippedDecision('Gibt es vom Land eine Förderung für den Gemeindeverwaltungsverband?'))).toEqual([
      null,
      'Wie wird ein GVV gefördert?',
    ]);
  });

  it('is, for a question for an amount, the one with the figure among those naming the case', async () => {
    expect(headingsOf(await shippedDecision('Wie hoch war der Zuschuss für Allendorf und Bromskirchen?'))).toEqual([
      null,
      'Beispiele für Vorbereitungszuschüsse',
    ]);
  });
});

describe('a question that names only topics all articles share', () => {
  // „IKZ“ and „Förderung“ are in nearly every article; the statistics article names both in its short title.
  const shipped = loadKnowledgeBase(SHIPPED_KB);
  const indexWith = (overviews: boolean) =>
    shipped.then((kb) =>
      KnowledgeIndex.build({ meta: kb.meta, articles: kb.articles.map((a) => (overviews ? a : { ...a, overview: false })) }),
    );

  it('is answered by the overview article whose title names it', async () => {
    for (const question of ['IKZ Förderung?', 'ikz förderung', 'Förderung?'])
      expect(await outcomeOf(indexWith(true), question)).toBe('foerderprogramm');
  });

  it('is not answered by an overview when the editors mark none', async () => {
    expect(await outcomeOf(indexWith(false), 'IKZ Förderung?')).not.toBe('foerderprogramm');
  });

  it('leaves a question that asks something of the topic to its article', async () => {
    expect(await outcomeOf(indexWith(true), 'Wie viele IKZ-Projekte wurden gefördert?')).toBe('statistik');
    expect(await outcomeOf(indexWith(true), 'Gilt die Rahmenvereinbarung noch?')).toBe('geltungsdauer');
  });
});

describe('a question for the start of something ("Seit wann …?")', () => {
  const shipped = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build({ meta: kb.meta, articles: kb.articles }));
  const question = 'Seit wann dürfen auch Landkreise alleine Anträge stellen?';

  it('is answered by an article that dates the thing, not by one that only names it', async () => {
    expect(await outcomeOf(shipped, question)).toBe('antragsberechtigung');
    expect(await outcomeOf(shipped, question, { ...DEFAULT_ANSWER_OPTIONS, datingCoverageSlack: -1 })).toBe('antragsverfahren');
  });

  it('keeps an article that has the year of one of its things', async () => {
    expect(await outcomeOf(shipped, 'Seit wann gibt es in Hessen überhaupt eine Förderung für interkommunale Zusammenarbeit?')).toBe(
      'foerderprogramm',
    );
  });
});
