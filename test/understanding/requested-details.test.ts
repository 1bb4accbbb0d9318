import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/types.js';
import { understandMessage } from '../../src/understanding/understand-question.js';
import { SHIPPED_KB, knowledgeOf } from '../helpers/bot-harness.js';

/** A conversation topic: the article of the last answer and the question it answered. */
function topicAt(articleId: string, title: string, question: string, nouns: string[]) {
  return { articleId, title, question, numbers: [], nouns };
}

/** The details a message asks for as `[kind, supply status]`, or `undefined` when it is not read as one question. */
function detailsFound(understanding: ReturnType<typeof understandMessage>['understanding']) {
  return understanding.kind === 'single' ? understanding.reading.details?.map((d) => [d.kind.name, d.supply.status]) : undefined;
}

describe('the details a question asks for (shipped details.yml)', () => {
  it.each<[string, string[]]>([
    ['Welche Telefonnummer hat das Regierungspräsidium Kassel?', ['telefonnummer']],
    ['Unter welcher Nummer erreiche ich die Kommunalaufsicht?', ['telefonnummer']],
    ['Welche E-Mail-Adresse hat das Beratungszentrum?', ['e-mail']],
    ['In welchem Paragraphen steht das?', ['paragraf']],
    ['Gibt es dafür einen Vordruck?', ['formular']],
    ['Bis zu welchem Stichtag muss der Bericht vorliegen?', ['frist']],
    ['Wird die Zuwendung in mehreren Raten überwiesen?', ['raten']],
    ['Wie heisst der Dezernent beim RP Gießen?', ['name']],
    // Who leads an office now is a person; how to reach someone, their number.
    ['Wer leitet derzeit die Kommunalaufsicht in Fulda?', ['name']],
    ['Und wie erreiche ich den am besten?', ['telefonnummer']],
    ['Wer leitet das Antragsverfahren?', []],
    // Words that also mean something else ask for no detail.
    ['Welche Nummer der Rahmenvereinbarung regelt die Förderhöhe?', []],
    ['Was raten Sie drei Gemeinden?', []],
    ['Gibt es beim Hessen3C eine Hotline?', []],
    ['Ist die Rahmenvereinbarung befristet?', []],
    // Whom to call, and a way of sending, ask for no number or address …
    ['Wen sollen wir bei einem Hackerangriff anrufen?', []],
    ['Können wir den Antrag per E-Mail schicken?', []],
    // … while "welche Nummer … anrufen" and "unter welcher E-Mail" do.
    ['Welche Nummer ruft man beim Hessen3C an?', ['telefonnummer']],
    ['Unter welcher E-Mail erreiche ich das Regierungspräsidium?', ['e-mail']],
    // How long a procedure takes or one has to wait …
    ['Mit welcher Wartezeit ist beim Regierungspräsidium zu rechnen?', ['dauer']],
    ['Wie lange braucht die Kommunalaufsicht für die Genehmigung einer Satzung?', ['dauer']],
    ['Wie lange müssen wir auf eine Entscheidung des Ministeriums warten?', ['dauer']],
    ['Wann ist mit der Bewilligung zu rechnen?', ['dauer']],
    ['Wie schnell bekommen wir eine Antwort auf den Antrag?', ['dauer']],
    ['Wie schnell wird das Geld ausgezahlt?', ['dauer']],
    // … but not how long a cooperation must last, how long a rule applies or when something new comes.
    ['Wie lange muss der Zweckverband mindestens bestehen bleiben?', []],
    ['Wie lange gilt die Förderrichtlinie noch?', []],
    ['Wann ist mit einer neuen Rahmenvereinbarung zu rechnen?', []],
    ['Wie schnell müssen wir nach dem Beschluss den Antrag stellen?', []],
    // Fees and what a service costs …
    ['Erhebt das Regierungspräsidium Verwaltungsgebühren für die Genehmigung?', ['gebuehr']],
    ['Was kosten die Workshops des Beratungszentrums?', ['gebuehr']],
    ['Ist die Genehmigung der Satzung kostenpflichtig?', ['gebuehr']],
    ['Wie hoch sind die Friedhofsgebühren in Nordhessen?', ['gebuehr']],
    // … but not costs that are to be saved, nor who advises free of charge, nor fees as a task to share.
    ['Welche Personalkosten zählen bei der Einsparung mit?', []],
    ['Wer hilft uns kostenlos bei der Vorbereitung?', []],
    ['Dürfen wir die Gebührenveranlagung gemeinsam erledigen?', []],
    // How often applications succeed, and the money the state has for the programme …
    ['Wie hoch ist die Ablehnungsquote bei IKZ-Anträgen?', ['quote']],
    ['Wie viel Prozent der Förderanträge gehen am Ende durch?', ['quote']],
    ['Wie viele Anträge werden pro Jahr abgelehnt?', ['quote']],
    ['Wie viele IKZ-Förderanträge wurden im vergangenen Jahr abgelehnt?', ['quote']],
    ['Ist im Fördertopf für 2026 noch was übrig?', ['haushaltsmittel']],
    ['Welche Summe hat das Land im Haushalt für die IKZ eingeplant?', ['haushaltsmittel']],
    ['Sind die Landesmittel für dieses Jahr schon ausgeschöpft?', ['haushaltsmittel']],
    ['Wie viel Geld ist 2027 insgesamt im Landesausgleichsstock?', ['haushaltsmittel']],
    ['Wie viel ist im Landeshaushalt für die IKZ-Förderung vorgesehen?', ['haushaltsmittel']],
    ['Wieviel Geld ist dieses Jahr für die IKZ-Förderung insgesamt im Topf?', ['haushaltsmittel']],
    ['wann ist die naechste ikz fachtagung und wo?', ['termin']],
    ['Habt ihr einen Mustervertrag fuer ne oeffentlich-rechtliche Vereinbarung zum gemeinsamen Bauhof?', ['muster']],
    ['Gibt es eine Vorlage für die Verbandssatzung?', ['muster']],
    ['Gibt es eine Muster-Geschäftsordnung für die Arbeitsgemeinschaft?', ['muster']],
    // What the grant may be spent on; not how much less the cooperation must spend.
    ['Dürfen wir die Fördermittel auch für eine neue Kehrmaschine ausgeben?', ['zweckbindung']],
    ['Ist der Zuschuss zweckgebunden?', ['zweckbindung']],
    ['Wie viel weniger müssen wir ausgeben, damit es Geld gibt?', []],
    ['Bevor wir Geld für einen externen Berater ausgeben: wer berät uns?', []],
    ['Können Sie uns ein Planungsbüro für die Machbarkeitsstudie empfehlen?', ['anbieter']],
    ['welche finanzsoftware nehmen andere kommunen für die gemeinsame kasse?', ['anbieter']],
    ['Mit welchem IT-Dienstleister arbeiten die drei Gemeinden?', ['anbieter']],
    ['Welches Produkt eignet sich für eine gemeinsame Kasse von vier Gemeinden?', ['anbieter']],
    ['Wie ist die Nummer vom Notfalltelefon?', ['telefonnummer']],
    ['Von wann ist die RV? Brauch das Datum für die Sitzungsvorlage.', []],
    // A signature names an office, not a provider asked for.
    ['Gibt es dafür Geld vom Land? Freundliche Grüße, Büro des Bürgermeisters', []],
    // … but not the saving in per cent, nor the grant of one's own cooperation, nor past events.
    ['Wie viel Prozent müssen wir jedes Jahr einsparen?', []],
    ['Wie viel Geld bekommen drei Gemeinden?', []],
    ['Wie viel Geld gibt es aus dem Landesausgleichsstock für drei Gemeinden?', []],
    ['Welche Fachtagungen gab es bisher?', []],
    // The municipalities' own share of the costs.
    ['Wie hoch ist unser Eigenanteil?', ['eigenanteil']],
    // Since when something exists.
    ['Seit welchem Jahr gibts in Hessen Fördergeld für IKZ?', ['seit']],
    ['seit wann gibts die schon?', ['seit']],
    ['Wie lange gibt es das Beratungszentrum schon?', ['seit']],
    // Whether a power of attorney is enough; not whether the mayor's signature replaces the council's decisions.
    ['Muss das der Bürgermeister selbst unterschreiben oder reicht eine Vollmacht?', ['vollmacht']],
    ['Darf der Hauptamtsleiter den Antrag als Bevollmächtigter zeichnen?', ['vollmacht']],
    ['Brauchen wir einen Beschluss, oder reicht die Unterschrift vom Bürgermeister?', []],
    ['Wer muss den Antrag unterschreiben – der Bürgermeister persönlich oder reicht der Hauptamtsleiter?', ['vollmacht']],
    // How the partners share the grant; when and whether it is paid at once.
    ['Wie teilen wir die 75.000 dann unter uns drei auf?', ['aufteilung']],
    ['Und wann kommt das Geld dann aufs Konto, alles auf einmal?', ['raten']],
  ])('%s → %j', async (question, kinds) => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    expect(knowledge.details!.asked(question).map((k) => k.name)).toEqual(kinds);
  });

  it('reads a detail question that names no subject of its own against the topic of the conversation', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const first = understandMessage('Brauchen wir einen Verwendungsnachweis für die IKZ-Förderung?', knowledge).understanding;
    expect(first.kind === 'single' && first.reading.decision.outcome === 'answer' && first.reading.decision.article.id).toBe(
      'auszahlung-und-nachweis',
    );
    const topic = topicAt('auszahlung-und-nachweis', 'Auszahlung', 'Brauchen wir einen Verwendungsnachweis?', ['Verwendungsnachweis']);
    const { understanding } = understandMessage('Und welches Formular nimmt man dafür?', knowledge, topic);
    expect(understanding.kind).toBe('single');
    if (understanding.kind !== 'single') return;
    expect(understanding.reading.decision.outcome === 'answer' && understanding.reading.decision.article.id).toBe(
      'auszahlung-und-nachweis',
    );
    expect(detailsFound(understanding)).toEqual([['formular', 'missing']]);
  });

  it('reads "seit wann gibts die schon?" against the topic when the question names nothing of its own', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const topic = topicAt(
      'beratungszentrum',
      'Kommunales Beratungszentrum Hessen',
      'Wer berät hessische Kommunen zur interkommunalen Zusammenarbeit?',
      ['Kommunen', 'Zusammenarbeit'],
    );
    const { understanding } = understandMessage('seit wann gibts die schon?', knowledge, topic);
    const decision = understanding.kind === 'single' ? understanding.reading.decision : undefined;
    expect(decision?.outcome === 'answer' && decision.article.id).toBe('beratungszentrum');
    expect(decision?.outcome === 'answer' && decision.sections.map((s) => s.text).join(' ')).toContain('seit 2009');
  });

  it('asks a cap of the topic only: a related article caps another thing (`topic_only`)', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const topic = topicAt('projektentwicklung', 'Projektentwicklung', 'Zahlt das Land etwas für ein Gutachten vor einer Fusion?', [
      'Gutachten',
      'Fusion',
    ]);
    const { understanding } = understandMessage('Gibt es da eine Obergrenze?', knowledge, topic);
    expect(detailsFound(understanding)).toEqual([['hoechstbetrag', 'missing']]);
    // A question for the most something may cost asks for the cap too.
    const cost = understandMessage(
      'Wie viel darf eine Machbarkeitsstudie höchstens kosten, damit das Land sie bezahlt?',
      knowledge,
    ).understanding;
    expect(detailsFound(cost)).toEqual([['hoechstbetrag', 'missing']]);
    // The debt relief has its cap (at most 46 % of the debts).
    const relief = understandMessage('Gibt es bei der Entschuldungshilfe eine Obergrenze?', knowledge).understanding;
    expect(detailsFound(relief)).toEqual([['hoechstbetrag', 'article']]);
  });

  it('keeps the section the search chose when it holds the detail, not the first that holds it', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const { understanding } = understandMessage('Seit wann gibt es das Förderprogramm und wie viele Vorhaben wurden gefördert?', knowledge);
    const decision = understanding.kind === 'single' ? understanding.reading.decision : undefined;
    expect(decision?.outcome === 'answer' && decision.article.id).toBe('foerderprogramm');
    // An earlier section names the year of the agreement; the one the search chose says since when the programme exists.
    expect(decision?.outcome === 'answer' && decision.sections.map((s) => s.text).join(' ')).toContain('seit 2004');
  });

  it('counts a date as a deadline only after "bis" or "vor" (a source dated 7 December 2021 sets none)', async () => {
    const { details } = await knowledgeOf(SHIPPED_KB);
    const deadline = details!.kinds.find((k) => k.name === 'frist')!;
    const article = (text: string) =>
      ({ id: 'x', title: 'X', keywords: [], sections: [{ heading: null, markdown: text, text }] }) as unknown as Article;
    expect(details!.supply(article('Die Rahmenvereinbarung vom 7. Dezember 2021 regelt die Förderung.'), deadline).status).toBe('missing');
    expect(details!.supply(article('Der Bericht ist bis zum 31. März vorzulegen.'), deadline).status).toBe('article');
  });

  it('counts a stated duration, a fee statement or a price as supplied, not a statement that says it is unknown', async () => {
    const { details } = await knowledgeOf(SHIPPED_KB);
    const kind = (name: string) => details!.kinds.find((k) => k.name === name)!;
    const article = (text: string) =>
      ({ id: 'x', title: 'X', keywords: [], sections: [{ heading: null, markdown: text, text }] }) as unknown as Article;
    const status = (name: string, text: string) => details!.supply(article(text), kind(name)).status;
    expect(status('dauer', 'Die Prüfung dauert in der Regel vier bis sechs Wochen.')).toBe('article');
    expect(status('dauer', 'Die Prüfung dauert 10 Tage.')).toBe('article');
    expect(status('dauer', 'Wie lange die Prüfung dauert, ist nicht bekannt.')).toBe('missing');
    expect(status('dauer', 'Der Jahresbericht geht an das Ministerium.')).toBe('missing');
    expect(status('gebuehr', 'Für die Prüfung werden keine Gebühren erhoben.')).toBe('article');
    expect(status('gebuehr', 'Die Schulung kostet je Teilnehmer 120 €.')).toBe('article');
    expect(status('gebuehr', 'Die Personal- und Sachkosten von 400.000 € sollen um 15 % sinken.')).toBe('missing');
    expect(status('gebuehr', 'Das Land fördert die Kooperation mit 50.000 €.')).toBe('missing');
    expect(status('quote', 'Rund 80 % der Anträge wurden bewilligt.')).toBe('article');
    expect(status('quote', 'Die Kosten sollen um 15 % sinken.')).toBe('missing');
    expect(status('quote', '2024 wurden 3 Anträge abgelehnt.')).toBe('article');
    expect(status('haushaltsmittel', 'Ein festes Jahresbudget ist nicht bekannt.')).toBe('missing');
    expect(status('gebuehr', 'Gebühren für die Prüfung nennen die Quellen nicht.')).toBe('missing');
  });

  it('answers a question whose detail word is its topic from the article that has the detail, as typed', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const { understanding } = understandMessage('Gibt es eine Antragsfrist im Herbst?', knowledge);
    expect(
      understanding.kind === 'single' && understanding.reading.decision.outcome === 'answer' && understanding.reading.decision.article.id,
    ).toBe('neue-kooperationen-und-zeitpunkt');
  });
});
