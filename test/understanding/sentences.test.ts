import { describe, expect, it } from 'vitest';
import {
  claimToConfirm,
  isQuestion,
  keySentences,
  questionAfterStatement,
  questionsOf,
  splitSentences,
} from '../../src/understanding/sentences.js';

describe('sentences of a message', () => {
  it.each([
    ['Wir sind z. B. drei Gemeinden. Gibt es Geld?', ['Wir sind z. B. drei Gemeinden.', 'Gibt es Geld?']],
    ['Seit dem 1. Januar 2021 gilt die RV. Was ist neu?', ['Seit dem 1. Januar 2021 gilt die RV.', 'Was ist neu?']],
    ['Wir bekommen 75.000 €. Reicht das?', ['Wir bekommen 75.000 €.', 'Reicht das?']],
    ['Wir sparen mind. 20 % ein. Reicht das?', ['Wir sparen mind. 20 % ein.', 'Reicht das?']],
    ['Ist das förderfähig?! Und wann?', ['Ist das förderfähig?!', 'Und wann?']],
    // Chat shorthand ("eig." for eigentlich) ends no sentence either.
    ['seit wann gibts eig. dieses hessen3c? Und was kostet es?', ['seit wann gibts eig. dieses hessen3c?', 'Und was kostet es?']],
    ['Zeile eins\nZeile zwei', ['Zeile eins', 'Zeile zwei']],
    // An article of a law before its number; "Art." ends a sentence otherwise.
    ['Brauchen wir einen Vertrag nach Art. 28 DSGVO? Ja.', ['Brauchen wir einen Vertrag nach Art. 28 DSGVO?', 'Ja.']],
    ['Wir arbeiten auf diese Art. Geht das?', ['Wir arbeiten auf diese Art.', 'Geht das?']],
  ])('splits %j without breaking at abbreviations and numbers', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it.each([
    ['Gibt es Geld?', true],
    ['ob das förderfähig ist.', true],
    ['wie lange die Bearbeitung dauert', true],
    // An interrogative after a preposition, as a clause of its own once a frame is gone ("bräuchten die Info, bis wann …").
    ['bis wann das Förderprogramm noch läuft.', true],
    ['an wen wir den Antrag schicken', true],
    ['Bis Ende März sind wir fertig.', false],
    ['Wir sind drei Gemeinden.', false],
    // A finite verb first, also after "und", "außerdem": a yes/no question without its question mark.
    ['und gibt es auch hilfe bei cyberangriffen', true],
    ['und gibts ne vorlage fuer die satzung', true],
    ['Außerdem: kann der Kreis mitmachen', true],
    ['und wie hoch ist die einsparvorgabe', true],
    ['Ist doch klar.', false],
    ['Und wir haben drei Bauhöfe.', false],
    // A "wie" that compares opens a statement of a letter.
    ['wie oben zu sehen bin ich gebeten worden, mich darum zu kümmern.', false],
    ['Wie telefonisch besprochen, schicke ich Ihnen die Unterlagen.', false],
  ])('tells whether %j asks something', (sentence, expected) => {
    expect(isQuestion(sentence)).toBe(expected);
  });

  it('separates the questions of a message from its context', () => {
    expect(questionsOf('Wir sind drei Gemeinden. Was gibt es? Und wann?')).toEqual({
      questions: ['Was gibt es?', 'Und wann?'],
      context: ['Wir sind drei Gemeinden.'],
    });
  });

  it('reads a sentence that opens with its verb and ends with "." as a statement where the writer marks questions with "?"', () => {
    expect(questionsOf('Wie lautet die Nummer der Hotline? Brauchen wir für unseren Notfallplan.')).toEqual({
      questions: ['Wie lautet die Nummer der Hotline?'],
      context: ['Brauchen wir für unseren Notfallplan.'],
    });
    // Without a "?" anywhere, the same sentence is the question.
    expect(questionsOf('Wir sind drei Gemeinden. Brauchen wir einen Beschluss.').questions).toEqual(['Brauchen wir einen Beschluss.']);
  });

  it.each([
    ['Was brauchen wir an Unterlagen und wohin geht der Antrag dann?', ['Was brauchen wir an Unterlagen?', 'wohin geht der Antrag dann?']],
    // "Und noch was:" announces a question of its own, no continuation.
    [
      'Wie lange dauert die Prüfung? Und noch was: brauchen wir einen Beschluss des Kreistags?',
      ['Wie lange dauert die Prüfung?', 'brauchen wir einen Beschluss des Kreistags?'],
    ],
    // …also inside one sentence.
    [
      'Kann unser Zweckverband selbst Antragsteller sein, und noch was: darf man Folgekosten mit reinrechnen?',
      ['Kann unser Zweckverband selbst Antragsteller sein?', 'darf man Folgekosten mit reinrechnen?'],
    ],
    [
      'Wer zahlt den Zuschuss aus und wieviel Zeit vergeht bis zum Bescheid?',
      ['Wer zahlt den Zuschuss aus?', 'wieviel Zeit vergeht bis zum Bescheid?'],
    ],
    [
      'Wer entscheidet über unseren Antrag und müssen wir danach jedes Jahr berichten?',
      ['Wer entscheidet über unseren Antrag?', 'müssen wir danach jedes Jahr berichten?'],
    ],
    [
      'Welche Unterlagen legen wir bei, und bei welcher Behörde reichen wir den Antrag ein?',
      ['Welche Unterlagen legen wir bei?', 'bei welcher Behörde reichen wir den Antrag ein?'],
    ],
    [
      'Wie viel gibt es für einen GVV mit drei Gemeinden, und bleiben die Gemeinden dann selbstständig?',
      ['Wie viel gibt es für einen GVV mit drei Gemeinden?', 'bleiben die Gemeinden dann selbstständig?'],
    ],
    // A verb with its object opens a question of its own too.
    [
      'Was gibt es für zwei Ortsteilwehren, und hilft uns das Land auch beim Notfallplan für die IT?',
      ['Was gibt es für zwei Ortsteilwehren?', 'hilft uns das Land auch beim Notfallplan für die IT?'],
    ],
    // "anderes Thema" announces a question of its own.
    [
      'Seit wann gibt es die AöR? Und anderes Thema, wie lange dauert die Bearbeitung?',
      ['Seit wann gibt es die AöR?', 'wie lange dauert die Bearbeitung?'],
    ],
    ['Können Gemeinden und Landkreise zusammenarbeiten?', ['Können Gemeinden und Landkreise zusammenarbeiten?']],
    ['Was kostet und dauert der Antrag?', ['Was kostet und dauert der Antrag?']],
    // "um wie viel" opens a question of its own; "mit wie viel Geld" without a verb is a circumstance of the first.
    [
      'Wie viele Partner braucht man und um wie viel Prozent muss der Aufwand sinken?',
      ['Wie viele Partner braucht man?', 'um wie viel Prozent muss der Aufwand sinken?'],
    ],
    ['Wie viele Projekte gab es und mit wie viel Geld insgesamt?', ['Wie viele Projekte gab es und mit wie viel Geld insgesamt?']],
    [
      'Was ist der Unterschied zwischen Zweckverband und Vereinbarung?',
      ['Was ist der Unterschied zwischen Zweckverband und Vereinbarung?'],
    ],
  ])('splits questions joined by "und" only where a question of its own follows: %j', (text, questions) => {
    expect(questionsOf(text).questions).toEqual(questions);
  });

  it('takes a second question joined by "und" or "außerdem" as a question, also without its question mark', () => {
    expect(questionsOf('Brauchen wir einen Beschluss? und wie hoch ist die Einsparvorgabe').questions).toEqual([
      'Brauchen wir einen Beschluss?',
      'und wie hoch ist die Einsparvorgabe',
    ]);
    expect(questionsOf('Wir sind drei Gemeinden. Gibt es da Geld').questions).toEqual(['Gibt es da Geld']);
  });

  it.each([
    // "bitten wir um Auskunft, wie viele …", "wüssten wir gern, ob …"
    [
      'Für eine Vorlage bitten wir um Auskunft, wie viele Kommunen mindestens beteiligt sein müssen. Darüber hinaus wüssten wir gern, ob das Land eine Machbarkeitsstudie bezuschusst.',
      ['wie viele Kommunen mindestens beteiligt sein müssen?', 'ob das Land eine Machbarkeitsstudie bezuschusst?'],
    ],
    // A request in thanks: "wäre ich dankbar für eine Aufstellung, welche …"
    [
      'Für die Ratssitzung wäre ich dankbar für eine Übersicht, welche Beschlüsse wir für den Antrag brauchen. Gibt es dafür eine Frist?',
      ['welche Beschlüsse wir für den Antrag brauchen?', 'Gibt es dafür eine Frist?'],
    ],
    // A request for a notice: "Wir bitten um Mitteilung, mit welcher …"
    [
      'Wir bitten um Mitteilung, mit welcher Förderung wir bei drei Kommunen rechnen können. Außerdem bitten wir um Auskunft, welche Unterlagen beizufügen sind.',
      ['mit welcher Förderung wir bei drei Kommunen rechnen können?', 'welche Unterlagen beizufügen sind?'],
    ],
  ])('reads each request of the letter %j as a question', (letter, questions) => {
    expect(questionsOf(letter).questions).toEqual(questions);
  });

  it.each([
    // A frame around an indirect question: the clause is the question, the frame context.
    [
      'Im Ortsbeirat kam die Frage auf, ob auch Landkreise einen Antrag stellen dürfen.',
      ['ob auch Landkreise einen Antrag stellen dürfen?'],
      ['Im Ortsbeirat kam die Frage auf.'],
    ],
    [
      'Bei uns weiß niemand ob die Förderung zurückgezahlt werden muss',
      ['ob die Förderung zurückgezahlt werden muss?'],
      ['Bei uns weiß niemand.'],
    ],
    [
      'Damals wussten wir nicht, an wen wir uns beim Kreis wenden sollten.',
      ['an wen wir uns beim Kreis wenden sollten?'],
      ['Damals wussten wir nicht.'],
    ],
    [
      'Der Vorstand plant ein gemeinsames Ordnungsamt. Es ist unklar, welche Unterlagen der Antrag braucht.',
      ['welche Unterlagen der Antrag braucht?'],
      ['Der Vorstand plant ein gemeinsames Ordnungsamt.', 'Es ist unklar.'],
    ],
    // A frame of finding out ("gebeten herauszufinden").
    [
      'Der Bürgermeister hat mich gebeten herauszufinden, welche Unterlagen dem Antrag beiliegen müssen.',
      ['welche Unterlagen dem Antrag beiliegen müssen?'],
      ['Der Bürgermeister hat mich gebeten herauszufinden.'],
    ],
    // Without the comma, as clerks type it, right after a verb of knowing.
    [
      'Die Kämmerin will erfahren wie lange ein Zweckverband bestehen muss',
      ['wie lange ein Zweckverband bestehen muss?'],
      ['Die Kämmerin will erfahren.'],
    ],
    // A question that only asks the reader to answer what was said before ("Können Sie mir das beantworten?").
    [
      'Im Ausschuss kam die Frage auf, ob auch ein Landkreis den Antrag stellen darf. Können Sie mir das kurz nennen?',
      ['ob auch ein Landkreis den Antrag stellen darf?'],
      ['Im Ausschuss kam die Frage auf.'],
    ],
    // Two indirect questions joined by "und" are two questions.
    [
      'Der Kreistag möchte wissen, wer den Antrag prüft und welche Unterlagen beiliegen müssen.',
      ['wer den Antrag prüft?', 'welche Unterlagen beiliegen müssen?'],
      ['Der Kreistag möchte wissen.'],
    ],
    // A frame of explaining, and an interrogative of the matter ("wobei", "worin").
    [
      'Bitte erläutern Sie, worin sich Zweckverband und Arbeitsgemeinschaft unterscheiden.',
      ['worin sich Zweckverband und Arbeitsgemeinschaft unterscheiden?'],
      ['Bitte erläutern Sie.'],
    ],
    // A sentence that opens with its verb asks, also without "?" (read as it stands, see `isQuestion`).
    [
      'Wir sind vier Gemeinden im Odenwald. Bekommen wir Geld für eine gemeinsame Kasse',
      ['Bekommen wir Geld für eine gemeinsame Kasse'],
      ['Wir sind vier Gemeinden im Odenwald.'],
    ],
  ])('reads the question a message without "?" asks: %j', (text, questions, context) => {
    expect(questionsOf(text)).toEqual({ questions, context });
  });

  it.each([
    [
      'Können Zweckverbände Anträge stellen? Außerdem würde mich interessieren, ob es Gebühren gibt.',
      ['Können Zweckverbände Anträge stellen?', 'ob es Gebühren gibt?'],
      [],
    ],
    [
      'Was gibt es für drei Gemeinden? Ich wüsste gern, wie lange die Bearbeitung dauert.',
      ['Was gibt es für drei Gemeinden?', 'wie lange die Bearbeitung dauert?'],
      [],
    ],
    // A frame that only reports ("wir prüfen, ob …") is context.
    [
      'Wir prüfen, ob wir einen Zweckverband gründen. Welche Förderung gibt es?',
      ['Welche Förderung gibt es?'],
      ['Wir prüfen, ob wir einen Zweckverband gründen.'],
    ],
    // Without "?": beside a frame that asks the reader, an indirect question in a report of others' asking is context.
    [
      'Zwei Gemeinden haben den Kreis gefragt, ob er sich beteiligen möchte. Wir möchten klären, ob ein Landkreis gefördert werden kann.',
      ['ob ein Landkreis gefördert werden kann?'],
      ['Zwei Gemeinden haben den Kreis gefragt, ob er sich beteiligen möchte.', 'Wir möchten klären.'],
    ],
  ])('takes an indirect question that asks the reader as a question beside one with "?": %j', (text, questions, context) => {
    expect(questionsOf(text)).toEqual({ questions, context });
  });

  it.each([
    // A relative clause, "als ob", a statement: no question.
    'Wir planen einen gemeinsamen Bauhof, was uns hoffentlich Kosten spart.',
    'Es sieht so aus, als ob der Kreis mitmacht.',
    'Wir sind drei Gemeinden im Vogelsberg.',
  ])('finds no question in the statement %j', (text) => {
    expect(questionsOf(text).questions).toEqual([]);
  });

  it.each([
    [
      'Welche Unterlagen braucht der Antrag für unser Friedhofsportal, es sind fünf Kommunen beteiligt?',
      ['Welche Unterlagen braucht der Antrag für unser Friedhofsportal?'],
      ['es sind fünf Kommunen beteiligt.'],
    ],
    [
      'Gilt die Mindestdauer auch für uns, wir sind drei Gemeinden und der Kreis?',
      ['Gilt die Mindestdauer auch für uns?'],
      ['wir sind drei Gemeinden und der Kreis.'],
    ],
  ])('reads a statement after the question in one sentence as context: %j', (text, questions, context) => {
    expect(questionsOf(text)).toEqual({ questions, context });
  });

  it('leaves an "ob" clause context when another sentence asks ("Wir prüfen, ob …. Was kostet …?")', () => {
    expect(questionsOf('Wir prüfen gerade, ob wir fusionieren. Was kostet die Beratung?')).toEqual({
      questions: ['Was kostet die Beratung?'],
      context: ['Wir prüfen gerade, ob wir fusionieren.'],
    });
  });

  it('takes the opening sentences of an intro, as many as fit', () => {
    const intro =
      'Die Arbeitsgemeinschaft ist die lockerste Form (KGG, §§ 3–4). Sie hat keine eigene Rechtspersönlichkeit. Sie muss schriftlich vereinbart werden und dient vor allem dazu, gemeinsam zu planen und sich abzustimmen.';
    expect(keySentences(intro, 120)).toBe(
      'Die Arbeitsgemeinschaft ist die lockerste Form (KGG, §§ 3–4). Sie hat keine eigene Rechtspersönlichkeit.',
    );
    expect(keySentences(intro, 10)).toBe('Die Arbeitsgemeinschaft ist die lockerste Form (KGG, §§ 3–4).');
  });

  it('adds a later sentence that says what was asked, within half as long again', () => {
    const intro =
      'Zwei Städte teilen sich seit 2020 ein Standesamt. Die Trauungen finden weiter in beiden Rathäusern statt. Jede Stadt spart dadurch 20.000 € im Jahr.';
    const asksSaving = (sentence: string) => sentence.includes('spart');
    expect(keySentences(intro, 64, asksSaving)).toBe(
      'Zwei Städte teilen sich seit 2020 ein Standesamt. Jede Stadt spart dadurch 20.000 € im Jahr.',
    );
    expect(keySentences(intro, 30, asksSaving)).toBe('Zwei Städte teilen sich seit 2020 ein Standesamt.');
  });

  it('reads a restated question as one ("Wie lange …? Also wann …?")', () => {
    expect(questionsOf('Wie lange dauert die Bearbeitung? Also wann wissen wir Bescheid?')).toEqual({
      questions: ['Wie lange dauert die Bearbeitung? Also wann wissen wir Bescheid?'],
      context: [],
    });
  });

  it('takes a question raised in a meeting ("kam die Frage auf, ob …") as asked, also before a question that refers to it', () => {
    expect(
      questionsOf(
        'Die Finanzen werden enger, und im Rat kam die Frage auf, ob sich in Hessen schon Gemeinden freiwillig zusammengeschlossen haben. ' +
          'Gibt es da Beispiele?',
      ).questions,
    ).toEqual(['ob sich in Hessen schon Gemeinden freiwillig zusammengeschlossen haben?', 'Gibt es da Beispiele?']);
  });

  it('takes a question passed on ("mein Kollege fragt sich, ob …") as the one asked, and a plan under review as context', () => {
    const { questions, context } = questionsOf(
      'Guten Tag, die drei Gemeinden prüfen gerade, ob sie ihre Abwasserreinigung einem Verband übertragen. ' +
        'Unser Kämmerer fragt sich, ob die alten Verträge mit dem Klärwerk dann weiter gelten.',
    );
    expect(questions).toEqual(['ob die alten Verträge mit dem Klärwerk dann weiter gelten?']);
    expect(context.join(' ')).toContain('prüfen gerade, ob sie ihre Abwasserreinigung');
  });

  it('takes a statement before the question word as context, and still splits at "und"', () => {
    expect(questionsOf('Wir wollen einen gemeinsamen Bauhof gründen, wer prüft den Antrag und wie lange dauert das?')).toEqual({
      questions: ['wer prüft den Antrag?', 'wie lange dauert das?'],
      context: ['Wir wollen einen gemeinsamen Bauhof gründen.'],
    });
    // A question before the comma stays as it is.
    expect(questionsOf('Können Sie mir sagen, wer den Antrag stellt?').questions).toEqual(['Können Sie mir sagen, wer den Antrag stellt?']);
  });

  it('finds the question after a statement and a dash, and nothing in a topic followed by a dash', () => {
    expect(
      questionAfterStatement('Wir arbeiten seit 2019 beim Standesamt zusammen - kann eine bestehende Kooperation noch gefördert werden?'),
    ).toBe('kann eine bestehende Kooperation noch gefördert werden?');
    expect(questionAfterStatement('Wir gründen einen Zweckverband – was legen wir statt eines Vertrags bei?')).toBe(
      'was legen wir statt eines Vertrags bei?',
    );
    expect(questionAfterStatement('GVV oder gleich fusionieren – was ist der Unterschied')).toBeUndefined();
    expect(questionAfterStatement('Ehrlich gesagt blicke ich da nicht durch: Wie viele Kommunen müssen mitmachen?')).toBe(
      'Wie viele Kommunen müssen mitmachen?',
    );
    // A question word after a preposition opens the question too.
    expect(questionAfterStatement('Ich bin neu in der Kämmerei: mit wie vielen Nachbarn müssen wir kooperieren?')).toBe(
      'mit wie vielen Nachbarn müssen wir kooperieren?',
    );
    expect(questionAfterStatement('Wir denken über einen Zweckverband nach – bei wem reichen wir das ein?')).toBe(
      'bei wem reichen wir das ein?',
    );
    expect(questionAfterStatement('Wir sind drei Gemeinden: mit dem Kreis zusammen?')).toBeUndefined();
    expect(questionAfterStatement('GVV: wie viel gibt es?')).toBeUndefined();
    expect(questionAfterStatement('Wir planen – was nun?')).toBeUndefined();
  });
});

describe('a claim the user asks to confirm', () => {
  it.each<[string, string | undefined]>([
    ['Man hat uns erzählt, dass nur Landkreise Anträge stellen. Stimmt das?', 'nur Landkreise Anträge stellen?'],
    ['Wir haben gelesen, die RV gilt bis 2030. Ist das richtig?', 'die RV gilt bis 2030?'],
    ['Unsere Kämmerin sagt, ein Gutachten wird nicht bezahlt. Trifft das so zu?', 'ein Gutachten wird nicht bezahlt?'],
    // A plan and whether it is allowed: the plan with what is asked about it; an alternative after "oder" restates it.
    [
      'Der Kreis will den Förderantrag für alle stellen. Geht das, oder muss jede Gemeinde selbst?',
      'Der Kreis will den Förderantrag für alle stellen, geht das?',
    ],
    [
      'Wir wollen nur zu zweit kooperieren. Ist das überhaupt zulässig?',
      'Wir wollen nur zu zweit kooperieren, ist das überhaupt zulässig?',
    ],
    // "Ist das normal?", "Ist das so üblich?" ask to confirm as well, also after "stimmt das".
    [
      'Der Kreis sagt, er muss eine Stellungnahme schreiben, bevor der Antrag weitergeht. Stimmt das, ist das normal so?',
      'Der Kreis sagt, er muss eine Stellungnahme schreiben, bevor der Antrag weitergeht?',
    ],
    ['Das RP will den Vertrag vorab sehen. Ist das so üblich?', 'Das RP will den Vertrag vorab sehen?'],
    // What the writer remembers or believes, or a colleague says, is a claim too; "Ist das noch so?" asks to confirm it.
    [
      'Ich hab noch im Kopf, dass es Geld nur gibt, wenn Gemeinden beteiligt sind. Ist das noch so?',
      'es Geld nur gibt, wenn Gemeinden beteiligt sind?',
    ],
    ['Ein Kollege meint, die Förderung sei nur was für kleine Orte. Ist das immer noch so?', 'die Förderung sei nur was für kleine Orte?'],
    ['Ich dachte, wir brauchen dafür einen Zweckverband. Stimmt das?', 'wir brauchen dafür einen Zweckverband?'],
    // "ob die Zahl so stimmt?" (a colleague's frame cut off) asks to confirm too; a sentence opening with "Das hat …"
    // is about the claim before it, and "der Wehrführer hat … gesagt" only reports it.
    [
      'Der Wehrführer hat in der Sitzung gesagt, für zwei Wehren gibt es 50.000 Euro. Das hat der Kämmerer gleich eingeplant. ob die Zahl so stimmt?',
      'für zwei Wehren gibt es 50.000 Euro?',
    ],
    // The reporter named with a relative clause; a reaction to the claim ("Das schaffen wir nie.") is about it too.
    [
      'Der Berater, den der Nachbarort beauftragt hat, hat gesagt, wir müssten 30 Prozent einsparen. Das schaffen wir nie. Stimmt das?',
      'wir müssten 30 Prozent einsparen?',
    ],
    [
      'Für drei Gemeinden gibt es 100.000 Euro, sagt der Kollege. Stimmt die Zahl?',
      'Für drei Gemeinden gibt es 100.000 Euro, sagt der Kollege?',
    ],
    ['Geht das?', undefined],
    ['Wir sind vier Gemeinden. Geht das auch mit dem Kreis?', undefined],
    // Not a request to confirm, or nothing before it to confirm.
    ['Stimmt das?', undefined],
    ['Wie viel gibt es für drei? Stimmt das?', undefined],
    ['Wir sind vier Gemeinden. Wie viel bekommen wir?', undefined],
  ])('%s', (message, claim) => {
    expect(claimToConfirm(message)).toBe(claim);
  });
});
