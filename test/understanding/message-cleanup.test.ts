import { describe, expect, it } from 'vitest';
import { cleanMessage } from '../../src/understanding/message-cleanup.js';

describe('cleanMessage: letter-style messages', () => {
  it.each([
    // A forwarded mail: its header goes, its subject stays without the marks, the request to a colleague goes.
    [
      '---- Weitergeleitete Nachricht ----\nVon: Bürgermeisterin\nGesendet: Dienstag\nBetreff: WG: Antrag IKZ Kasse\n\nHallo Tobi, kannst du mal klären, ob der Antrag über den Kreis muss?\nLG',
      'Antrag IKZ Kasse\nob der Antrag über den Kreis muss?',
    ],
    [
      'Fwd: IKZ zu gross?\n\nHallo Herr Yilmaz,\nbitte mal klaeren: gilt die Foerderung auch fuer Staedte ueber 30.000 EW?\nDanke\nStadtrat Peters',
      'IKZ zu gross?\ngilt die Foerderung auch fuer Staedte ueber 30.000 EW?',
    ],
    [
      '> Von: Kämmerei\n> Betreff: AW: Zuschuss\n> Kann jemand von euch nachschauen, wie hoch der Zuschuss ist?\n> Gruß Ute',
      'Zuschuss\nwie hoch der Zuschuss ist?',
    ],
    [
      'Sehr geehrte Damen und Herren, unsere Gemeindevertretung möchte wissen, ob zwei Gemeinden Fördermittel erhalten können. Mit freundlichen Grüßen',
      'ob zwei Gemeinden Fördermittel erhalten können.',
    ],
    [
      'Sehr geehrte Frau Dr. Schmidt,\n\nwir planen, unsere Bauhöfe zusammenzulegen. Ist das förderfähig?\n\nVielen Dank im Voraus!\n\nMit freundlichen Grüßen\nMax Mustermann\nHauptamt Gemeinde Musterdorf\nTel. 06151 12345',
      'wir planen, unsere Bauhöfe zusammenzulegen. Ist das förderfähig?',
    ],
    ['Hallo, kurze Frage: zählt eine gemeinsame Personalabrechnung als IKZ?', 'zählt eine gemeinsame Personalabrechnung als IKZ?'],
    // "Gruß" in the singular: no umlaut, and ß is no word character to a plain \b.
    ['Wohin geht der Antrag?\nMit freundlichem Gruß\nKämmerei', 'Wohin geht der Antrag?'],
    ['Guten Tag ich habe eine Frage zum Antrag: Wer muss unterschreiben?', 'zum Antrag: Wer muss unterschreiben?'],
    ['Moin, können Sie mir sagen, wie lange die Bearbeitung dauert? LG', 'wie lange die Bearbeitung dauert?'],
    ['Wie hoch ist die Förderung? Danke!', 'Wie hoch ist die Förderung?'],
    // "am Ende" as "finally" says nothing about a time ("Ende 2026" in the articles); "am Ende des Jahres" does.
    ['Wer prüft am Ende unseren Antrag?', 'Wer prüft unseren Antrag?'],
    // An offer to be reached asks for nothing.
    [
      'Welche Unterlagen braucht der Antrag? Für Rückfragen stehe ich Ihnen gerne telefonisch zur Verfügung.',
      'Welche Unterlagen braucht der Antrag?',
    ],
    ['Wer prüft den Antrag? Sie erreichen mich unter 06031 12345.', 'Wer prüft den Antrag?'],
    [
      'Liebe Kolleginnen und Kollegen, wir fragen uns, ob ein Zweckverband selbst Anträge stellen darf. Über eine kurze Rückmeldung würde ich mich freuen. Beste Grüße aus Fulda, Petra',
      'ob ein Zweckverband selbst Anträge stellen darf.',
    ],
    [
      'Wir prüfen eine Fusion. Mit welcher Unterstützung können wir rechnen?\nFür eine kurze Rückmeldung wäre ich dankbar.\nMit freundlichen Grüßen',
      'Wir prüfen eine Fusion. Mit welcher Unterstützung können wir rechnen?',
    ],
    ['Ich wäre Ihnen für eine Antwort sehr dankbar. Wer prüft den Antrag?', 'Wer prüft den Antrag?'],
    // "verbunden" in a letter's thanks is being obliged, not a request to be connected.
    ['Wer prüft den Antrag? Für eine Einschätzung wäre ich Ihnen sehr verbunden.', 'Wer prüft den Antrag?'],
    ['Ich wollte mal fragen, ob Landkreise auch gefördert werden', 'ob Landkreise auch gefördert werden'],
    [
      'Wir planen eine Kooperation beim Bauhof und möchten wissen, ob das förderfähig ist.',
      'Wir planen eine Kooperation beim Bauhof. ob das förderfähig ist.',
    ],
    // After a dash the frame and its subject go: the clause explains the question before it.
    [
      'Wie lange dauert die Prüfung – wir würden gerne wissen, ob der Bescheid noch dieses Jahr kommt?',
      'Wie lange dauert die Prüfung – ob der Bescheid noch dieses Jahr kommt?',
    ],
    ['Guten Morgen Frau Weber, ich möchte gern mit einer Beraterin sprechen. Viele Grüße', 'ich möchte gern mit einer Beraterin sprechen.'],
    [
      'Mein Bürgermeister fragt, ob wir mit 32.000 Einwohnern noch gefördert werden können',
      'ob wir mit 32.000 Einwohnern noch gefördert werden können',
    ],
    ['Ich hab gehört, mit nur zwei Gemeinden bekommt man gar nichts, stimmt das?', 'mit nur zwei Gemeinden bekommt man gar nichts?'],
    ['hab gehoert mit nur zwei gemeinden bekommt man nix, stimmt das?', 'mit nur zwei gemeinden bekommt man nix?'],
    ['Hab gehört, nur Landkreise dürfen den Antrag stellen. Stimmt das?', 'nur Landkreise dürfen den Antrag stellen?'],
    ['Wir haben gelesen, dass Landkreise keinen Antrag stellen dürfen. Stimmt das?', 'Landkreise keinen Antrag stellen dürfen?'],
    ['Im Verband verlieren wir unsere Eigenständigkeit. Stimmt das so?', 'Im Verband verlieren wir unsere Eigenständigkeit?'],
    ['Ein Zweckverband ist immer teurer, ist das wirklich so?', 'Ein Zweckverband ist immer teurer?'],
    ['Wie telefonisch besprochen bitte ich um einen Rückruf.', 'bitte ich um einen Rückruf.'],
    ['Ich bin mir unsicher, ob ein Zweckverband reicht', 'ob ein Zweckverband reicht'],
    // "Ihr Haus" in a letter is the office.
    ['Seit wann berät Ihr Haus die Kommunen?', 'Seit wann berät Ihre Beratungsstelle die Kommunen?'],
    ['Gibt es in Ihrem Hause Mustersatzungen?', 'Gibt es in Ihrer Beratungsstelle Mustersatzungen?'],
    [
      'Unser neuer Kämmerer hat gelesen, dass Landkreise keine Anträge stellen dürfen. Stimmt das?',
      'Landkreise keine Anträge stellen dürfen?',
    ],
    ['Wir bräuchten für die Vorlage kurz eine Info, wer den Antrag unterschreibt.', 'wer den Antrag unterschreibt.'],
    ['In der letzten Ausschusssitzung kam die Frage auf, ob Landkreise mitmachen dürfen.', 'ob Landkreise mitmachen dürfen.'],
    ['Es stellt sich uns jetzt die Frage, wer den Antrag unterschreibt?', 'wer den Antrag unterschreibt?'],
    ['Wer prüft den Antrag?\nHochachtungsvoll\nGerd Huber, Ortsvorsteher', 'Wer prüft den Antrag?'],
    ['Wer prüft den Antrag? Mit vorzüglicher Hochachtung, Gerd Huber', 'Wer prüft den Antrag?'],
    [
      'Sehr geehrte Damen und Herren,\n\nin der Sitzung des Ausschusses wurde gefragt, ob das Land eine Fusion unterstützt.\n\nKönnen Sie uns dazu Auskunft geben?\n\nMeine Frage: Gibt es Geld?\n\nVielen Dank im Voraus und freundliche Grüße\nS. Wagner',
      'ob das Land eine Fusion unterstützt.\nGibt es Geld?',
    ],
    // What the answer is for: an office or a meeting, not what is asked.
    [
      'IKZ Förderung 2024 wie viele Projekte wurden gefördert, brauch ich fuer die Vorlage an den Gemeindevorstand',
      'IKZ Förderung 2024 wie viele Projekte wurden gefördert',
    ],
    ['Wie hoch ist die Förderung für drei Gemeinden? Das brauchen wir für die Sitzung.', 'Wie hoch ist die Förderung für drei Gemeinden?'],
    ['Unser Kämmerer hat mich gebeten herauszufinden, ob die Einsparung jedes Jahr nötig ist', 'ob die Einsparung jedes Jahr nötig ist'],
    [
      'Der Haupt- und Finanzausschuss will bis zur Sitzung im März 2027 wissen, wie viele Kommunen mindestens mitmachen müssen',
      'wie viele Kommunen mindestens mitmachen müssen',
    ],
    // A request for help with what the message says, as a sentence of its own.
    [
      'Ich soll für den Ausschuss zusammenfassen, wer den Antrag unterschreibt. Könnten Sie mir dabei bitte helfen?',
      'Ich soll für den Ausschuss zusammenfassen, wer den Antrag unterschreibt.',
    ],
    // A frame without its comma before the interrogative, and "Weiß das wer?" that asks for any answer.
    ['Die Kämmerin will wissen aus welchem Topf die Förderung kommt. Weiß das jemand?', 'aus welchem Topf die Förderung kommt.'],
    ['Wer prüft den Antrag? Wissen Sie das zufällig?', 'Wer prüft den Antrag?'],
    // Where the asker is from stays: it is what "dort" in the question means.
    [
      'Eine Kollegin aus Thüringen fragt, ob es dort auch so eine Förderung gibt.',
      'Eine Kollegin aus Thüringen. ob es dort auch so eine Förderung gibt.',
    ],
    // A frame joined to a question before it.
    [
      'Können Zweckverbände Anträge stellen? Außerdem würde mich interessieren, ob es Gebühren gibt.',
      'Können Zweckverbände Anträge stellen? ob es Gebühren gibt.',
    ],
  ])('keeps only the content of %j', (message, content) => {
    expect(cleanMessage(message)).toEqual({ text: content, changed: true });
  });

  it('keeps "am Ende" when it names a time ("am Ende des Jahres", "am Ende 2026")', () => {
    expect(cleanMessage('Was gilt am Ende des Jahres?').text).toBe('Was gilt am Ende des Jahres?');
    expect(cleanMessage('Läuft die RV am Ende 2026 aus?').text).toBe('Läuft die RV am Ende 2026 aus?');
  });

  it('keeps a request for help that says with what ("Können Sie uns beim Antrag helfen?")', () => {
    expect(cleanMessage('Können Sie uns beim Antrag helfen?')).toEqual({ text: 'Können Sie uns beim Antrag helfen?', changed: false });
  });

  it.each(['Hallo', 'Viele Grüße', 'Danke!', 'Guten Tag'])('leaves "%s" alone: it is all there is (small talk)', (message) => {
    expect(cleanMessage(message)).toEqual({ text: message, changed: false });
  });

  it.each([
    'Was sagt das VG Kassel dazu?',
    'Wer darf den Antrag stellen?',
    'Welche Grüße sendet das Ministerium? Keine.',
    'Wir wollen kooperieren, brauchen wir für den Antrag einen Ratsbeschluss?',
    'Welche Unterlagen brauchen wir für den Antrag?',
    // It only ends like a check of a claim.
    'Was kostet ein Zweckverband und wie teuer ist das?',
    'Ein Zweckverband kostet Geld. Ist das förderfähig?',
  ])('does not touch a plain question: %j', (question) => {
    expect(cleanMessage(question).text).toBe(question);
  });

  it('keeps "im Auftrag" inside a sentence, and cuts a signature "i. A." on a line of its own', () => {
    expect(cleanMessage('Ich schreibe im Auftrag des Gemeindevorstands. Wer darf den Antrag stellen?').text).toBe(
      'Ich schreibe im Auftrag des Gemeindevorstands. Wer darf den Antrag stellen?',
    );
    expect(cleanMessage('Wer darf den Antrag stellen?\ni. A. Max Muster').text).toBe('Wer darf den Antrag stellen?');
  });

  it('cuts a closing on a line of its own only at the end: a question after it stays', () => {
    expect(cleanMessage('Wer stellt den Antrag?\nDanke!\nUnd wohin geht er?').text).toBe(
      'Wer stellt den Antrag?\nDanke!\nUnd wohin geht er?',
    );
    expect(cleanMessage('Wer stellt den Antrag?\nDanke dir\nStadtrat Peters').text).toBe('Wer stellt den Antrag?');
  });

  it('keeps a request that stands in a letter ("Bitte rufen Sie mich zurück")', () => {
    const { text } = cleanMessage('Sehr geehrte Damen und Herren,\nbitte rufen Sie mich zurück.\nMit freundlichen Grüßen\nPetra Muster');
    expect(text).toBe('bitte rufen Sie mich zurück.');
  });

  it.each([
    ['Der Gemeindevorstand hat mich gebeten nachzufragen, ob Personalkosten gefördert werden.', 'ob Personalkosten gefördert werden.'],
    ['Mein Chef fragt ob ein Zweckverband förderfähig ist', 'ob ein Zweckverband förderfähig ist'],
    ['Unser Bürgermeister hat gefragt, ob Landkreise mitmachen dürfen.', 'ob Landkreise mitmachen dürfen.'],
  ])('strips a frame of who asks, also without the comma before "ob": %s', (message, text) => {
    expect(cleanMessage(message).text).toBe(text);
  });
});
