import { describe, expect, it } from 'vitest';
import { TEXT } from '../../src/bot/messages.js';
import { SHIPPED_KB, conversationWith, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** The reply to one message on the shipped knowledge base, and the outcome. */
async function ask(message: string) {
  const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
  const reply = seen(await conversation.say(message));
  return { reply, outcome: outcomes.at(-1) };
}

describe('a question asked indirectly or without "?" (letters, notes)', () => {
  it('answers the "ob" clause of a letter that has no question sentence', async () => {
    const { reply, outcome } = await ask(
      'Sehr geehrte Damen und Herren,\nin unserer Bürgermeisterrunde ging es um eine gemeinsame Bauhofstruktur. ' +
        'Dabei konnte niemand sagen, ob es für die Vorbereitung schon Geld vom Land gibt.\nMit freundlichen Grüßen',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'projektentwicklung' });
    expect(reply.text).toContain('Machbarkeitsstudie');
  });

  it('answers a question after a frame of discussion ("…, wie lange …")', async () => {
    const { reply, outcome } = await ask(
      'Bei uns im Haupt- und Finanzausschuss wurde diskutiert, wie lange ein Zweckverband mindestens bestehen muss.',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'foerdervoraussetzungen' });
    expect(reply.text).toContain('5 Jahre');
  });

  it('answers an indirect question about the office instead of handing over', async () => {
    const { reply, outcome } = await ask('Ich soll für die Sitzung klären, ob das Kompetenzzentrum auch Vorlagen für Satzungen hat.');
    expect(outcome).toMatchObject({ outcome: 'answer' });
    expect(reply.text).not.toContain('Gern gebe ich Ihr Anliegen an eine Beraterin');
  });
});

describe('how the writer feels about the question ("keine Ahnung")', () => {
  it('does not sink a question for help as if "Ahnung" were its topic', async () => {
    const { outcome } = await ask(
      'wer hilft da eigentlich, wenn man mit der Nachbargemeinde was zusammen aufziehen will und keine Ahnung hat wo man anfangen soll',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'beratungszentrum' });
  });
});

describe('words for trouble ("Ärger", "Probleme")', () => {
  it('do not sink a clear question as if they named another topic', async () => {
    const { reply, outcome } = await ask('Dürfen wir nach zwei Jahren wieder aussteigen, ohne dass es Ärger wegen der Förderung gibt?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'foerdervoraussetzungen' });
    expect(reply.text).toContain('5 Jahre');
  });
});

describe("a letter about the asker's own application", () => {
  it('reads documents still to hand in as the state of that application, which only the office knows', async () => {
    const { reply, outcome } = await ask(
      'Sehr geehrte Damen und Herren, die Gemeinde Talheim hat im Mai einen Gruppenantrag gestellt. Können Sie uns ' +
        'mitteilen, wie der Bearbeitungsstand unseres Antrags ist und ob noch Unterlagen nachgereicht werden müssen?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Beschlüsse');
  });
});

describe('a phrase without a verb that asks for a circumstance of the question before ("aus welchen Gründen?")', () => {
  it('is no question of its own after an unanswered one: no article on what IKZ is for', async () => {
    const { reply, outcome } = await ask('Wie viele Förderanträge hat das Land 2025 abgelehnt? Aus welchen Gründen?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Was ist interkommunale Zusammenarbeit');
  });

  it('is read with the question before it, not answered alone', async () => {
    const { reply } = await ask('Wie viele Anträge hat das Ministerium 2024 zurückgewiesen, und aus welchen Gründen?');
    expect(reply.text).not.toContain('Was ist interkommunale Zusammenarbeit');
  });

  it('leaves the question unanswered when the circumstance is a thing no article knows ("in welchem Amtsblatt?")', async () => {
    const { outcome } = await ask('Muss der Zweckverband seine Satzung öffentlich bekanntmachen, und in welchem Amtsblatt?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });
});

describe('a preposition whose stem a verb shares ("trotz", "trotzen")', () => {
  it('finds no topic through the verb\'s synonyms ("wehren" would find the fire brigades)', async () => {
    const { reply, outcome } = await ask('Müssen wir das trotz IKZ ausschreiben?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Feuerwehr');
  });
});

describe('the context sentences of one message', () => {
  it('name the matter by a participle ("alle Rechner verschlüsselt")', async () => {
    const { reply, outcome } = await ask(
      'Bei uns im Rathaus wurden alle Rechner verschlüsselt. Welche Stelle vom Land hilft uns da jetzt?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer' });
    expect(reply.text).toContain('Hessen3C');
  });

  it('choose the topic of a question whose own words many articles cover ("Gibt es dafür einen Zuschuss?")', async () => {
    const { reply, outcome } = await ask('Zwei unserer Ortsteilwehren sollen zu einer Wehr zusammengehen. Gibt es dafür einen Zuschuss?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'foerderhoehe-feuerwehr' });
    expect(reply.text).toContain('15.000');
  });

  it('read whole where they leave open what a question with generic words refers to ("Kriegt man dafür Geld?")', async () => {
    const { reply, outcome } = await ask(
      'Der Bürgermeister möchte mit 3 Nachbarorten eine freiwillige Stadtpolizei aufstellen. Kriegt man dafür Geld?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('Nr. 3.2');
  });

  it('read a question that points back against the sentence right before it when the whole story leads nowhere', async () => {
    const { reply, outcome } = await ask(
      'Ich bin der IT-Verantwortliche der Gemeinde und wir sind ein kleines Team. Der Bürgermeister macht sich Sorgen. ' +
        'Ein Kollege meinte, das Land hätte da so ein Programm, wo Leute unser Netz durchchecken und bei einem Angriff helfen. ' +
        'Was kostet uns das als Gemeinde?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'akc' });
    expect(reply.text).toContain('kostenfrei');
  });

  it('do not turn a question for money for a plan into that plan’s task area ("Wir bauen eine Kita.")', async () => {
    const { outcome } = await ask('Wir bauen eine neue Kita mit 4 Gruppen. Welche Investitionszuschüsse gibt es vom Land bzw. Bund dafür?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('adds only the context nouns that name a topic, not the asker’s office or district', async () => {
    const { reply, outcome } = await ask(
      'Als Kämmerin im Vogelsbergkreis habe ich wenig Zeit. Welche Unterlagen brauchen wir für diesen Antrag?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'antragsunterlagen' });
    expect(reply.text).toContain('Antragsunterlagen');
  });

  it('keeps a question about another state outside, also its "dort" in a second question', async () => {
    const { reply, outcome } = await ask('Gibt es in Rheinland-Pfalz ein ähnliches Programm und was bekommt man dort?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Projektentwicklung');
  });

  it('keep a question that points back to a sentence about a field the articles leave out in that field', async () => {
    const { outcome } = await ask(
      'Wir wollen unseren Bauhof mit der Nachbargemeinde in einen Zweckverband überführen. Jetzt stellt sich die Frage, ' +
        'ob der Zweckverband Mitglied in der Zusatzversorgungskasse werden muss. Wissen Sie da was Genaues?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('keeps a question about a programme of its own for another matter, told before, outside', async () => {
    const { outcome } = await ask(
      'Zwei Städte wollen ihr Hallenbad gemeinsam betreiben. Wir haben gehört, dass es ein eigenes Landesprogramm für Schwimmbäder gibt. ' +
        'Können Sie uns sagen, ob es das noch gibt und wie hoch der Zuschuss dort maximal ist?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('keeps a question about a municipality of a neighbouring state outside, named by its adjective', async () => {
    const { outcome } = await ask('Darf eine rheinland-pfälzische Ortsgemeinde unserem Zweckverband beitreten?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });
});

describe('colloquial words for the programme’s rules', () => {
  it('reads "wie lang" as "wie lange" (a word the analyser keeps), not as a filler', async () => {
    const { reply, outcome } = await ask(
      'Wir machen die Kasse jetzt zusammen mit zwei Nachbarorten. Wie lang müssen wir das dann mindestens zusammen machen?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'foerdervoraussetzungen' });
    expect(reply.text).toContain('5 Jahre');
  });
});

describe('a second question that compares without naming what with', () => {
  it('belongs to a first question outside the programme ("… Kreisumlage …? Zahlt die neue Gemeinde mehr oder weniger?")', async () => {
    const { reply, outcome } = await ask(
      'Wie verändert sich die Kreisumlage, wenn zwei Gemeinden fusionieren? Zahlt die neue Gemeinde mehr oder weniger?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Antragsberechtigung');
  });
});

describe('a question that names a kind of detail', () => {
  it('answers whom to call from the article, without the missing-number reply', async () => {
    const { reply, outcome } = await ask('Wen sollen wir bei einem Hackerangriff anrufen?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'hessen3c' });
    expect(reply.text).not.toContain('Eine Telefonnummer dafür steht nicht');
  });

  it('does not read "per E-Mail" as a question for an e-mail address', async () => {
    const { reply } = await ask('Können wir den Förderantrag per E-Mail schicken?');
    expect(reply.text).not.toContain('Eine E-Mail-Adresse dafür steht nicht');
  });
});

describe('everyday words for the programme’s terms (synonyms.yml)', () => {
  it('reads "eine Kleinigkeit" as the rule that the shared part must be substantial', async () => {
    const { reply, outcome } = await ask(
      'Genügt es, wenn drei Gemeinden bloß eine Kleinigkeit wie die Papierbestellung zusammen erledigen?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toContain('wesentlich');
  });

  it.each([
    ['Unser Defizit wird immer größer. Berät uns da das Land?', 'haushaltsberatung', 'kostenlos'],
    ['Wie viel Geld hat das Land ins AKC gesteckt?', 'akc', '1,5 Mio. €'],
    ['Hilft uns das Land beim Notfallplan für die IT?', 'akc', 'BCM'],
  ])('reads the everyday words of "%s"', async (question, articleId, fact) => {
    const { reply, outcome } = await ask(question);
    expect(outcome).toMatchObject({ outcome: 'answer', articleId });
    expect(reply.text).toContain(fact);
  });
});

describe('comparisons in everyday words', () => {
  it('compares two topics asked about as "das Gleiche"', async () => {
    const { reply } = await ask('Sind Hessen3C und AKC eigentlich das Gleiche?');
    expect(reply.text).toContain('im Vergleich');
  });

  it('answers a question about Hessen that names another state only as its model', async () => {
    const { outcome } = await ask('Fördert Hessen Gemeindefusionen ähnlich wie Brandenburg?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'fusion' });
  });

  it('keeps a question about the other state outside', async () => {
    const { outcome } = await ask('Wie viel Geld gibt es in Thüringen für eine Fusion?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });
});

describe('all parts of a message with several parts', () => {
  it('answers the question before a statement of the case in the same sentence', async () => {
    const { outcome } = await ask('Welche Unterlagen braucht der Antrag für unser Friedhofsportal, es sind fünf Kommunen beteiligt?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'antragsunterlagen' });
  });

  it('adds up two mergers of fire brigades when the total is asked', async () => {
    const { reply } = await ask(
      'Bei uns werden vier Wehren zu einer, beim Nachbarn zwei Wehren zu einer. Was bekommen wir zusammengerechnet?',
    );
    expect(reply.text).toContain('90.000 €');
  });
});

describe('a message about another municipal matter', () => {
  it.each([
    'Die Straßenbeitragssatzung soll aufgehoben werden. Welche Unterlagen brauchen wir dafür?',
    'Wir wollen wiederkehrende Straßenbeiträge einführen. Wie läuft das Verfahren ab?',
    // A question without a noun of its own is about the story's matter, however short its name.
    'Ein Bürger beschwert sich zum dritten Mal, dass in seiner Straße nachts die Laternen aus sind. Was schreib ich dem am besten zurück?',
    // "Landkreis" and "Gemeinde" are in every municipal message: they tie it to nothing.
    'Der Landkreis verlangt, dass sich die Gemeinde an den Schulbuskosten beteiligt. Gibt es dafür überhaupt eine Rechtsgrundlage?',
  ])('does not answer "%s" with the IKZ application', async (message) => {
    const { reply, outcome } = await ask(message);
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).toContain(TEXT.noAnswer);
  });

  it.each([
    // A person named in the story is no matter of its own, also with a long name after a title.
    'Herr Müller aus Schotten hat mich gebeten nachzufragen. Welche Unterlagen gehören dazu?',
    'Bürgermeisterin Schneider hat gefragt. Welche Unterlagen brauchen wir?',
    // A word of the programme ties the story to it.
    'In unserem Ordner liegt noch die Rahmenvereinbarung von 2016. Ist die noch gültig?',
    'Nach der Kommunalwahl will unser neuer Bgm wissen, was eine Arbeitsgemeinschaft nach KGG eigentlich ist.',
  ])('still answers "%s"', async (message) => {
    const { outcome } = await ask(message);
    expect(outcome).toMatchObject({ outcome: 'answer' });
  });
});

describe('"who helps us?" after telling what happened', () => {
  it.each([
    'Wir wurden gehackt, alles ist verschlüsselt. Wer hilft uns jetzt?',
    'Bei uns ist heute früh der Server lahmgelegt worden, mit Erpressermail. Gibt es beim Land jemanden, der da hilft?',
    // "an wen wende ich mich" asks for a helper; the specific service leads the general advice by less than two related ones.
    'hatten heute morgen verdacht auf verschluesselungstrojaner auf nem rechner im rathaus, netz ist erstmal getrennt. an wen wende ich mich??',
  ])('answers "%s" from what happened, not with the advisory office in general', async (message) => {
    const { outcome } = await ask(message);
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'hessen3c' });
  });

  it('still answers "who helps" without a story from the advisory office', async () => {
    const { outcome } = await ask('Wer berät uns bei der Zusammenarbeit mit den Nachbargemeinden?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'beratungszentrum' });
  });
});

describe('a question for the name of the form a message describes', () => {
  it.each<[string, string]>([
    [
      'Wir drei Gemeinden wollen was Gemeinsames gründen, das die Abwasserbeseitigung komplett übernimmt, mit eigener Satzung, und wir sind nur noch Mitglieder. Wie nennt man sowas?',
      'zweckverband',
    ],
    [
      'Die Stadt nebenan soll für uns die Lohnabrechnung machen, aber die Zuständigkeit soll rechtlich bei uns bleiben. Welches Instrument nimmt man da?',
      'oeffentlich-rechtliche-vereinbarung',
    ],
    [
      'Wir fünf Bürgermeister wollen uns regelmäßig treffen und Themen abstimmen, ohne Aufgaben abzugeben oder einen Verband zu gründen. Gibts dafür ne passende Form?',
      'arbeitsgemeinschaft',
    ],
    [
      'Wir sind vier kleine Orte mit je 2.000 Einwohnern. Die Verwaltung wollen wir zusammen machen, aber jeder Ort soll seinen Bürgermeister behalten – eine Fusion will hier niemand. Gibt es dafür ein Modell?',
      'gemeindeverwaltungsverband',
    ],
  ])('answers "%s" from %s', async (message, articleId) => {
    const { outcome } = await ask(message);
    expect(outcome).toMatchObject({ outcome: 'answer', articleId });
  });

  it('leaves "in welcher Form", "welche Form muss … haben" (no legal form) and a question that also asks for money to the other readings', async () => {
    expect((await ask('Bis wann und in welcher Form müssen wir den Verwendungsnachweis einreichen?')).outcome).toMatchObject({
      outcome: 'no_answer',
    });
    const gvv = await ask(
      'Bei uns reden alle von so nem Verwaltungsverband, wo jedes Dorf seinen Bürgermeister behält. Wie heißt das richtig und gibts da extra Geld?',
    );
    expect(gvv.reply.text).toContain('150.000 €');
  });
});

describe('a question that refers back with one common word', () => {
  it('reads "Was kommt da finanziell auf uns zu?" against the programme the message names', async () => {
    const { reply, outcome } = await ask(
      'Unser Dienstleister empfiehlt das Cyber-Programm vom Land, mit Check und Notfallhilfe nach einem Angriff. Was kommt da finanziell auf uns zu?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'akc' });
    expect(reply.text).toContain('2.500 €');
  });
});

describe('everyday words for the preparation grant', () => {
  it('reads "die Untersuchung bezuschussen … wieder hergeben" as the repayment of a preparation grant', async () => {
    const { reply, outcome } = await ask(
      'Mal angenommen, wir lassen uns die Untersuchung vom Land bezuschussen und am Ende sagt die Nachbargemeinde doch nein. Bleibt das Geld dann bei uns oder müssen wir das wieder hergeben?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'projektentwicklung' });
    expect(reply.text).toContain('zurückgezahlt');
  });
});

describe('a question for the current version', () => {
  it('reads "gibts was Neueres?" after an old framework agreement as a question for the one in force', async () => {
    const { reply, outcome } = await ask('Im Ordner liegt noch die Rahmenvereinbarung von 2016. Gilt die noch oder gibts was neueres?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'geltungsdauer' });
    expect(reply.text).toContain('RV 2021');
  });
});

describe('a kind of payment no article knows', () => {
  it('answers honestly instead of with the article its other words find ("… ein Sitzungsgeld?")', async () => {
    const { outcome } = await ask('Zahlt der Zweckverband seinen Mitgliedern ein Sitzungsgeld?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('leaves a first question its answer when only the second asks about such a payment', async () => {
    const { outcome } = await ask('Wer hilft uns nach einem Cyberangriff, und dürfen wir das Lösegeld überhaupt zahlen?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'hessen3c' });
  });
});

describe('the two kinds of öffentlich-rechtliche Vereinbarung in everyday words (synonyms.yml)', () => {
  it('reads "komplett übernimmt" and "die Arbeit für uns mitmacht" as Delegation and Mandatierung', async () => {
    const { reply, outcome } = await ask(
      'Was ist der Unterschied, ob Homberg unser Ordnungsamt komplett übernimmt oder nur die Arbeit für uns mitmacht?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'oeffentlich-rechtliche-vereinbarung' });
    expect(reply.text).toContain('Delegation');
  });
});

describe('a programme of its own for a matter', () => {
  it('is another programme than the one for cooperation ("ein spezielles Landesprogramm für …")', async () => {
    const { outcome } = await ask('Hat das Land ein eigenes Förderprogramm für die Digitalisierung der Schulsekretariate?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('is the cooperation programme when the matter is cooperation', async () => {
    const { outcome } = await ask('Gibt es ein eigenes Förderprogramm für gemeinsame Bauhöfe mehrerer Gemeinden?');
    expect(outcome).toMatchObject({ outcome: 'answer' });
  });
});

describe('money named as told of before ("das Geld")', () => {
  it('reads the question with the sentence that tells of the money, not with the matter around it', async () => {
    const { reply, outcome } = await ask(
      'Guten Tag,\ndie Gemeinden Adorf und Bedorf prüfen seit einem Jahr, ob sie fusionieren sollen. Zuerst soll ein Gutachterbüro ' +
        'eine Machbarkeitsstudie erstellen, dafür gibt es wohl einen Zuschuss vom Land. Was wird aus dem Geld, wenn der ' +
        'Bürgerentscheid scheitert und wir doch nicht fusionieren?\nGruß',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'projektentwicklung' });
    expect(reply.text).toContain('zurückerstattet');
  });
});

describe('two questions in one message', () => {
  it('answers a second question whose "dafür" stands for a thing the first names, from that thing\'s article', async () => {
    const { reply } = await ask('Wie viel Entschuldung gibt es je Einwohner bei einer Fusion, und braucht man dafür noch ein Gesetz?');
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('450 €');
    expect(reply.text).toContain('Grenzänderungsvertrag');
  });

  it('answers no second question without a noun of its own after an unanswered first ("… und wer genehmigt das?")', async () => {
    const { outcome } = await ask('Ab welchem Fehlbetrag müssen wir ein Haushaltssicherungskonzept aufstellen und wer genehmigt das?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('gives one honest reply when the second asks on about what the first lacks ("… und bis wann muss der beim Land sein?")', async () => {
    const { reply, outcome } = await ask('Wie muss der Verwendungsnachweis aussehen und bis wann muss der beim Land sein?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('nicht bekannt');
    expect(reply.text).not.toContain('Fassungen der Rahmenvereinbarung');
  });

  it('names no provider the articles lack, and still names the one an article has (the ekom21 for the AKC)', async () => {
    const asked = await ask('Können Sie uns ein Planungsbüro für die Machbarkeitsstudie empfehlen?');
    expect(asked.outcome).toMatchObject({ outcome: 'no_answer' });
    expect(asked.reply.text).toContain('Einzelne Anbieter, Büros oder Produkte nennen meine Informationen nicht');
    const akc = await ask('Welcher Dienstleister prüft beim AKC unsere IT?');
    expect(akc.outcome).toMatchObject({ outcome: 'answer', articleId: 'akc' });
    expect(akc.reply.text).toContain('ekom21');
  });

  it('reads a short second question that names a thing of the first message again with the first ("… und wann endet der Vertrag?")', async () => {
    const { reply, outcome } = await ask(
      'Die drei Gemeinden im Ulmtal haben einen gemeinsamen Servicevertrag für ihre IT. Welche Firma betreut die, und wann endet der Vertrag?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).not.toContain('Rahmenvereinbarung');
  });

  it('answers no short second question about the matter of a first that names a thing no article knows ("… Ortsbeirat …, und wer ist bis dahin Bürgermeister?")', async () => {
    const { reply, outcome } = await ask(
      'Wie viele Sitze hat der Ortsbeirat nach dem Zusammenschluss, und wer ist bis dahin Bürgermeister?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Gemeindeverwaltungsverband');
  });

  it('still answers a long second question of its own after a first about an unknown thing', async () => {
    const { reply } = await ask(
      'Wie berechnet der Abwasserverband seine Kanalgebühren, und wer genehmigt die Satzung eines neuen Zweckverbands eigentlich?',
    );
    expect(reply.text).toContain('Zweckverband');
  });

  it('answers no second question that refers back to a detail the first lacks ("… und wie melde ich mich da an?")', async () => {
    const { reply, outcome } = await ask('Wann ist die nächste Fachtagung und wie melde ich mich da an?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Sie haben zwei Fragen gestellt');
  });

  it('answers no second question without a noun of its own after a detail the first lacks, and names the first topic first', async () => {
    const { reply, outcome } = await ask('Wann ist die nächste Fachtagung, und bis wann sollten wir uns anmelden?');
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
    expect(reply.text).not.toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toMatch(/Verwandte(?:s)? Them(?:a|en): „Veranstaltungen/u);
  });

  it('answers a second question joined by "Und" from its own article, not from the first one', async () => {
    const { reply } = await ask('Brauchen wir einen Beschluss der Gemeindevertretung? Und wie hoch ist die Einsparvorgabe?');
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('Antragsunterlagen');
    expect(reply.text).toContain('15 %');
  });

  it('answers a second yes/no question that names a thing of its own ("Und darf unser Zweckverband …?")', async () => {
    const { reply } = await ask(
      'Wie viel Prozent müssen wir mit der Kooperation einsparen? Und darf unser Abwasserzweckverband selber einen Antrag stellen?',
    );
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('15 %');
    expect(reply.text).toContain('juristische Person');
  });

  it('computes the amount a first question asks for from the counts of the context ("Fünf Kommunen … Wie viel …?")', async () => {
    const { reply } = await ask(
      'Fünf Kommunen im Odenwald planen eine gemeinsame Finanzverwaltung. Wie viel kann man da erwarten und was müssen wir nachweisen?',
    );
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('100.000 €');
    expect(reply.text).toContain('15 %');
  });

  it('reads a second question without a noun after a comparison of two things one article has as part of it', async () => {
    const { reply } = await ask('Delegation oder Mandatierung – wo liegt der Unterschied, und was muss genehmigt werden?');
    expect(reply.text).not.toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('genehmigungspflichtig');
    expect(reply.text).toContain('anzeigepflichtig');
  });

  it('keeps a second question whose subject is a pronoun with the first ("… und braucht die eine Genehmigung?")', async () => {
    const { reply } = await ask('Was ist eine oeffentlich-rechtliche Vereinbarung nach KGG, und braucht die eine Genehmigung?');
    expect(reply.text).not.toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('genehmigungspflichtig');
  });

  it('shortens each answer to the intro sentences that say what was asked, even a later one', async () => {
    const { reply } = await ask('Wie viel sparen Neuhof, Flieden und Kalbach im Jahr? Und wohin schicken wir den Antrag?');
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('81.000 €');
  });
});

describe('a claim the user asks to confirm ("Stimmt das?", "Kann uns das wer bestätigen?")', () => {
  it('reads the claim, not the words of the request, so the rule it is about is shown', async () => {
    const { reply, outcome } = await ask(
      'Eine Kollegin meinte, wir müssten pro Jahr 25 % weniger ausgeben, damit gefördert wird. Kann uns das wer bestätigen?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'einsparvorgabe' });
    expect(reply.text).toContain('15 %');
  });

  it('lets a wrong figure in the claim not outweigh the rule it is about', async () => {
    const { reply, outcome } = await ask('Unser Bürgermeister meint, die Kommunen müssten 25 % einsparen. Ist das so?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'einsparvorgabe' });
    expect(reply.text).toContain('15 %');
  });
});

describe('comparisons in everyday words', () => {
  it('compares the regular grant with the money for merged fire brigades, each from its own article', async () => {
    const { reply } = await ask('Was ist der Unterschied zwischen dem normalen IKZ-Zuschuss und dem Geld für zusammengelegte Feuerwehren?');
    expect(reply.text).toContain('75.000');
    expect(reply.text).toContain('15.000');
  });

  it('reads "vs." inside a sentence as a comparison, not as its end', async () => {
    const { reply } = await ask('Zuschuss für die Vorbereitung vs. die eigentliche Förderung – worin unterscheiden die sich?');
    expect(reply.text).toContain('im Vergleich');
    expect(reply.text).toContain('Machbarkeitsstudie');
  });
});

describe('what it costs the municipality', () => {
  it('answers "was kostet uns das" of a letter with the offer, not with a grant for the writer\'s association', async () => {
    const { reply, outcome } = await ask(
      'Sehr geehrtes Team, ich leite die IT einer Verwaltungsgemeinschaft aus drei Gemeinden. Gibt es vom Land etwas, ' +
        'womit wir unser Netz prüfen lassen können, und was kostet uns das? MfG T. Wagner',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'akc' });
    expect(reply.text).toContain('kostenfrei');
    expect(reply.text).not.toContain('450.000');
  });
});

describe('a second question with a topic of its own', () => {
  it('answers both when the second names its own topic, although it follows the first ("… danach?")', async () => {
    const { reply } = await ask(
      'Kriegen wir schon Geld für die Vorbereitung einer Fusion, z.B. Gutachten? Und wie hoch ist die Entschuldungshilfe danach?',
    );
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('Machbarkeitsstudie');
    expect(reply.text).toContain('450 €');
  });

  it('answers both when the second has a bare "da" beside a noun of its own topic ("was muss da an Unterlagen rein?")', async () => {
    const { reply } = await ask('Gibt es für den IKZ-Antrag eine Frist, und was muss da alles an Unterlagen rein?');
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('zeitlicher Nähe');
    expect(reply.text).toContain('Beschlüsse');
  });

  it('reads a second question announced as "anderes Thema" on its own', async () => {
    const { reply } = await ask(
      'Seit wann können Kommunen eine gemeinsame AöR gründen? Und anderes Thema, wie lange braucht das Ministerium für einen IKZ-Antrag?',
    );
    expect(reply.text).toContain('Sie haben zwei Fragen gestellt');
    expect(reply.text).toContain('2013');
    expect(reply.text).toMatch(/2 bis 3 Monate/u);
  });

  it('reads a second question that points back ("dafür") against the first', async () => {
    const { reply } = await ask('Was ist ein Gemeindeverwaltungsverband? Und wie viel Förderung gibt es dafür?');
    expect(reply.text).toContain('150.000');
  });
});

describe('hurry and the end of the year', () => {
  it('reads "beeilen … vor Silvester" as a question about the deadline and the programme end', async () => {
    const { reply, outcome } = await ask('Sollen wir uns beeilen und den Antrag noch vor Silvester abgeben, oder ist das egal wann?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'neue-kooperationen-und-zeitpunkt' });
    expect(reply.text).toContain('keine feste Antragsfrist');
    expect(reply.text).toContain('Ende 2026');
  });

  it('does not read an "Eilentscheidung" of the council as a deadline', async () => {
    const { outcome } = await ask(
      'Muss eine Eilentscheidung des Gemeindevorstands nachträglich von der Gemeindevertretung genehmigt werden?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });
});

describe('everyday phrases in indirect questions', () => {
  it.each<[string, string, string]>([
    // A remembered claim with money in it is checked, not answered with a computed amount.
    [
      'Zwei Landkreise wollen ihre Vergabestellen zusammenlegen, ohne Gemeinden. Ich hab im Kopf, dass es IKZ-Geld nur gibt, wenn Gemeinden dabei sind. Ist das noch so?',
      'antragsberechtigung',
      'Landkreise',
    ],
    // "Ist der Zug abgefahren?": too late for a cooperation that has already begun.
    [
      'Wir arbeiten beim Bauhof schon seit einem halben Jahr zusammen, an Fördergeld hat keiner gedacht. Ist der Zug abgefahren?',
      'neue-kooperationen-und-zeitpunkt',
      'zeitlicher Nähe',
    ],
    // "Gremien" are the bodies of a association ("Organe").
    ['Wie sind bei einem GVV die Gremien besetzt?', 'gemeindeverwaltungsverband', 'Vorstand'],
  ])('answers "%s" from %s', async (message, articleId, fact) => {
    const { reply, outcome } = await ask(message);
    expect(outcome).toMatchObject({ outcome: 'answer', articleId });
    expect(reply.text).toContain(fact);
  });

  it('does not answer "Kriegen wir trotzdem was?" from words all money articles share (the savings rule, or a choice)', async () => {
    const { outcome } = await ask(
      'Die Gemeinden A, B und C wollen ihre Ordnungsämter zusammenlegen, die Einsparung liegt laut unserer Rechnung aber nur bei etwa 8 %. Kriegen wir trotzdem was?',
    );
    expect(outcome?.outcome === 'answer' ? outcome.articleId : outcome?.outcome).toMatch(/^(?:einsparvorgabe|clarify)$/);
  });

  it('reads "früher" as a question about what came before ("Früher gabs doch KDLZ CS …")', async () => {
    const { reply, outcome } = await ask('Früher gabs doch KDLZ CS für Cybersicherheit, jetzt heißt es AKC. Was ist da anders?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'akc' });
    expect(reply.text).toContain('35.000 Einwohner');
  });

  it('reads "sicher" as "surely", no word of IT security, and "springt … raus" as money', async () => {
    const { reply, outcome } = await ask(
      'Wir legen mit zwei Nachbargemeinden die Kasse zusammen. Da springt doch vom Land sicher was raus?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer' });
    expect(outcome?.articleId).not.toBe('akc');
    expect(reply.text).toContain('75.000 €');
  });
});

describe('everyday words of the shipped analyser data (_meta/analyzer.yml)', () => {
  it('takes "BM" for the mayor who asks, not for a topic', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    expect(knowledge.explain('Unser BM will wissen, seit wann es das AKC gibt.').words.map((w) => w.text)).not.toContain('BM');
  });

  it('reads "weniger ausgeben" as saving', async () => {
    const { outcome } = await ask('Um wie viel müssen die Gemeinden weniger ausgeben, damit es den Zuschuss gibt?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'einsparvorgabe' });
  });

  it('reads "auf dem Tisch" as a figure of speech, not as a thing asked about', async () => {
    const { outcome } = await ask('Liegt bei der Haushaltsberatung danach alles auf dem Tisch der Prüfer?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'haushaltsberatung' });
  });
});

describe('a second question about a thing named with a hyphen', () => {
  it('is answered too, not dropped under the first ("Und muss ein IKZ-Projekt … haben?")', async () => {
    const { reply } = await ask(
      'Wie viele Zweckverbände hat der Bezirk Darmstadt? Und muss ein IKZ-Projekt noch Vorbildcharakter haben, um Geld zu bekommen?',
    );
    expect(reply.text).toContain('33 Zweckverbände');
    expect(reply.text).toMatch(/^2\. /m);
  });
});

describe('a question that asks only about what its message told ("Wie ist das rechtlich geregelt?")', () => {
  it('is not answered by its own words when the message tells of things no article knows', async () => {
    const { outcome } = await ask(
      'Guten Tag, unser gemeinsamer Ordnungsbehördenbezirk beginnt im Frühjahr. Die Kollegen wollen wissen, ob sie ' +
        'Verwarnungsgelder nach dem Bußgeldkatalog bei Falschparkern im Nachbarort selbst einziehen dürfen. Wie ist das rechtlich geregelt?',
    );
    expect(outcome).toMatchObject({ outcome: 'no_answer' });
  });

  it('is read with a message that tells of known things', async () => {
    const { reply, outcome } = await ask(
      'Wir haben unseren IKZ-Antrag im Sommer über den Landkreis abgegeben und nichts mehr gehört. Wie lange dauert sowas normalerweise?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'antragsverfahren' });
    expect(reply.text).toContain('2 bis 3 Monate');
  });

  it('is read by its words after a frame ("Bevor ich das im Haushalt anmelde: …")', async () => {
    const { outcome } = await ask(
      'Unser Bürgermeister möchte, dass wir beim Aktionsprogramm Kommunale Cybersicherheit mitmachen. ' +
        'Bevor ich das im Haushalt einplane: was kostet uns das eigentlich?',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'akc' });
  });
});

describe('a second yes/no question about a thing of its own', () => {
  it('is answered too, also after a particle ("Und wird schon die Machbarkeitsstudie bezuschusst?")', async () => {
    const { reply } = await ask('Was bekommt ein GVV aus vier Gemeinden? Und wird schon die Machbarkeitsstudie bezuschusst?');
    expect(reply.text).toContain('600.000 €');
    expect(reply.text).toContain('Projektentwicklung');
  });
});
