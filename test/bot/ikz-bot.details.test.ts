import { describe, expect, it } from 'vitest';
import { TEXT } from '../../src/bot/messages.js';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

/** A conversation on the shipped knowledge base: each message's reply text and buttons, and the outcomes. */
async function talk(...messages: string[]) {
  const { conversation, outcomes, office } = await conversationWith(SHIPPED_KB);
  const replies = [];
  for (const message of messages) replies.push(seen(await conversation.say(message)));
  return { replies, last: replies.at(-1)!, outcomes, office };
}

describe('a question for a detail the knowledge base does not have', () => {
  it.each<[string, string, string, string]>([
    [
      'a phone number of another authority',
      'Unter welcher Rufnummer erreiche ich die Kommunalaufsicht im Regierungspräsidium Darmstadt?',
      'Telefonnummer',
      'Zweckverband',
    ],
    ['the number of a hotline', 'Unter welcher Nummer ist die Notfall-Hotline des Hessen3C zu erreichen?', 'Telefonnummer', 'Hessen3C'],
    ['the number of an emergency telephone', 'Wie ist die Nummer vom Notfalltelefon des Hessen3C?', 'Telefonnummer', 'Hessen3C'],
    [
      'a paragraph',
      'Nach welchem Paragraphen des Finanzausgleichsgesetzes wird der Landesausgleichsstock gebildet?',
      'Paragrafen',
      'Landesausgleichsstock',
    ],
    ['a person’s name', 'Wie heißt der Chef vom Beratungszentrum?', 'Namen einzelner Personen', 'Beratungszentrum'],
    ['instalments', 'Bekommen wir die Förderung auf einmal ausgezahlt oder ratenweise?', 'in Raten', 'Auszahlung'],
    [
      'a deadline the article says is unknown',
      'Welche Frist haben wir für den jährlichen Bericht über den Effizienzgewinn?',
      'Frist',
      'Einsparvorgabe',
    ],
    [
      'how long an authority takes',
      'Wie lange braucht die Kommunalaufsicht, bis sie die Satzung eines Zweckverbands genehmigt hat?',
      'Wie lange das dauert',
      'Zweckverband',
    ],
    [
      'a fee of another authority',
      'Verlangt die Aufsichtsbehörde Gebühren, wenn sie eine öffentlich-rechtliche Vereinbarung genehmigt?',
      'Gebühren oder Kosten',
      'Vereinbarung',
    ],
    [
      // The application's form is known ("formlos"); that is no answer for the proof of use.
      'a form for the proof of use, not for the application',
      'gibt es fuer den verwendungsnachweis bei der ikz foerderung einen vordruck?',
      'Formular oder einen Vordruck',
      'Bewilligung',
    ],
  ])(
    '%s: says honestly that it is not in its information, offers the advisors and the near article',
    async (_name, question, missing, related) => {
      const { last, outcomes } = await talk(question);
      expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
      expect(last.text).toContain(missing);
      expect(last.text).toContain(TEXT.missingDetail);
      expect(last.text).toMatch(/Verwandte(?:s Thema|\s+Themen): „[^“]+“/);
      expect(last.titles).toContain(TEXT.buttonHandoff);
      expect(last.titles.some((title) => title.includes(related))).toBe(true);
    },
  );

  it('says plainly the second time in a row that an advisor can take it over', async () => {
    const { last, outcomes } = await talk(
      'Welche Telefonnummer hat das Hessen3C?',
      'Und in welchem Paragrafen ist der Landesausgleichsstock geregelt?',
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['no_answer', 'no_answer']);
    expect(last.text).toContain(TEXT.missingDetailAgain);
  });

  it('is not mistaken for a request to talk to the person it names', async () => {
    const { outcomes } = await talk('Wie heißt die Sachbearbeiterin beim Regierungspräsidium Kassel?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
    expect(outcomes.at(-1)?.dialog).toBeUndefined();
  });
});

describe('a question for a detail the knowledge base has', () => {
  it('gives the office’s phone number from the configuration, not from an article', async () => {
    const { last, outcomes, office } = await talk('Welche Telefonnummer hat die Beratungsstelle?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: undefined, intent: 'contact' });
    expect(last.text).toContain(office.phone);
  });

  it.each<[string, string, string, string]>([
    ['a form: the application is formless', 'Brauchen wir für den IKZ-Antrag einen bestimmten Vordruck?', 'antragsunterlagen', 'formlos'],
    ['a paragraph of the KGG', 'In welchem Paragrafen des KGG steht die Verbandssatzung des Zweckverbands?', 'zweckverband', '§ 9'],
    [
      'a deadline: there is none',
      'Gibt es eine Antragsfrist für die IKZ-Förderung?',
      'neue-kooperationen-und-zeitpunkt',
      'keine feste Antragsfrist',
    ],
    [
      'a duration: the processing time',
      'Wie lange müssen wir nach dem Einreichen auf eine Entscheidung warten?',
      'antragsverfahren',
      '2 bis 3 Monate',
    ],
    ['a fee: the application has none', 'Kostet der Antrag etwas?', 'antragsverfahren', 'keine Gebühren'],
    ['a price: the AKC’s own contribution', 'Was kostet uns der Incident Response Service des AKC?', 'akc', '2.500 €'],
  ])('%s', async (_name, question, articleId, expected) => {
    const { last, outcomes } = await talk(question);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
    expect(last.text).toContain(expected);
  });

  it('answers a second question for a detail of the first one’s subject from the first one’s article', async () => {
    const { last, outcomes, office } = await talk('Wer berät Kommunen bei der IKZ, und welche Telefonnummer hat diese Stelle?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'beratungszentrum' });
    expect(last.text).toContain(office.phone);
  });
});

describe('a question for a fee next to another question on the same subject', () => {
  it('shows what the other question asks for as well', async () => {
    const { last, outcomes } = await talk('Was kostet die Haushaltsberatung, und muss die Gemeinde die Empfehlungen befolgen?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'haushaltsberatung' });
    expect(last.text).toContain('kostenlos');
    expect(last.text).toContain('nicht verpflichtet, die Empfehlungen umzusetzen');
  });

  it('as a follow-up of the topic: keeps the section on the costs', async () => {
    const { last, outcomes } = await talk('Was ist das Aktionsprogramm Kommunale Cybersicherheit?', 'Und kostet uns das etwas?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'akc' });
    expect(last.text).toContain('Was kostet das AKC');
  });
});

describe('a question that only sounds like one for a duration or a fee', () => {
  it.each<[string, string, string, string]>([
    ['the minimum term of the cooperation', 'Wie lange muss unser Verbund mindestens laufen?', 'foerdervoraussetzungen', '5 Jahre'],
    ['how long a rule applies', 'Wie lange gilt die jetzige Rahmenvereinbarung?', 'geltungsdauer', '2026'],
    ['the costs that are to be saved', 'Welche Kosten zählen zur Einsparung?', 'einsparvorgabe', '15'],
  ])('%s is answered as before', async (_name, question, articleId, expected) => {
    const { last, outcomes } = await talk(question);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
    expect(last.text).toContain(expected);
  });
});

describe('a question whose best passage says the fact is unknown', () => {
  it('gets the no-answer with the open point, the advisor offer and the article as related topic', async () => {
    const { last, outcomes } = await talk('Welche Form muss der Verwendungsnachweis haben?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'no_answer' });
    expect(last.text).toContain('Verwendungsnachweis: Ob einer verlangt wird');
    expect(last.text).toContain(TEXT.missingDetail);
    expect(last.titles).toContain(TEXT.buttonHandoff);
    expect(last.titles.some((title) => title.startsWith('Nach der Bewilligung'))).toBe(true);
  });

  it('as the second of two questions: the first is answered, the second says honestly what is open', async () => {
    const { last, outcomes } = await talk('Wie viel Geld gibt es bei drei Kommunen? Und welche Form hat der Verwendungsnachweis?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer' });
    expect(last.text).toContain('75.000');
    expect(last.text).toContain('Verwendungsnachweis: Ob einer verlangt wird, in welcher Form und bis wann, ist nicht bekannt.');
  });

  it('is answered when a statement of the same article says what is asked', async () => {
    const { last, outcomes } = await talk('Wie lange muss die Kooperation nach der Bewilligung mindestens bestehen?');
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'auszahlung-und-nachweis' });
    expect(last.text).toContain('5 Jahre');
  });
});
