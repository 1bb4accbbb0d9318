import { describe, expect, it } from 'vitest';
import { readAtProgrammeEnd, withoutYear, yearAfterProgramme, yearsAskedAbout } from '../../src/understanding/programme-dates.js';
import { SHIPPED_KB, knowledgeOf } from '../helpers/bot-harness.js';
import { programmeWithSuccessor, shippedProgramme } from '../helpers/programme.js';

const programme = shippedProgramme();
const SOON = 'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt';
const ENDED = 'Die RV 2021 galt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt';

describe('the years a question asks about', () => {
  it.each<[string, string, number[]]>([
    ['Können wir 2027 noch einen Antrag stellen?', '2026-06-01', [2027]],
    ['Sitzung im März 2027', '2026-06-01', [2027]],
    ['Können wir nächstes Jahr noch einen Antrag stellen?', '2026-06-01', [2027]],
    ['Gibt es im kommenden Jahr noch Geld?', '2025-03-01', [2026]],
    ['und übernächstes Jahr?', '2026-06-01', [2028]],
    ['Wir haben 2000 Einwohner.', '2026-06-01', []],
    ['Wie viele Kooperationen gab es seit 2008?', '2026-06-01', [2008]],
  ])('"%s" seen from %s', (text, today, years) => {
    expect(yearsAskedAbout(text, today).map((y) => y.year)).toEqual(years);
  });

  it('reads a year after the end of the programme from the data, not a fixed year', () => {
    expect(yearAfterProgramme('Gibt es die Förderung 2027 noch?', programme, '2026-06-01')?.year).toBe(2027);
    expect(yearAfterProgramme('Gibt es die Förderung 2026 noch?', programme, '2026-06-01')).toBeUndefined();
    // "nächstes Jahr" early in 2026 is 2026: still in force.
    expect(yearAfterProgramme('Gibt es nächstes Jahr noch Förderung?', programme, '2025-03-01')).toBeUndefined();
    // With a successor up to 2031 in the data, 2027 is no longer after the end.
    expect(yearAfterProgramme('Gibt es die Förderung 2027 noch?', programmeWithSuccessor(), '2026-06-01')).toBeUndefined();
  });

  it('reads the question without the words naming the year', () => {
    const asked = yearsAskedAbout('Können wir im März 2027 noch einen Antrag stellen?', '2026-06-01')[0]!;
    expect(withoutYear('Können wir im März 2027 noch einen Antrag stellen?', asked)).toBe('Können wir noch einen Antrag stellen?');
  });
});

describe('questions about the time after the programme (shipped knowledge base)', () => {
  const ask = async (question: string, day: string) => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    return readAtProgrammeEnd(question, knowledge.answer(question), knowledge, programme, day);
  };

  it.each<[string, string]>([
    ['before the end', '2026-06-01'],
    ['near the end', '2026-11-15'],
  ])('answers "Können wir 2027 noch einen Antrag stellen?" %s with the validity article and the notice', async (_name, day) => {
    const read = await ask('Können wir 2027 noch einen Antrag stellen?', day);
    expect(read.decision).toMatchObject({ outcome: 'answer', article: { id: 'geltungsdauer' } });
    expect(read.notice).toContain(SOON);
  });

  it('says after the end that the programme has ended', async () => {
    const read = await ask('Können wir 2027 noch einen Antrag stellen?', '2027-01-10');
    expect(read.notice).toContain(ENDED);
  });

  it('carries the notice with every answer of the validity article, whatever the date', async () => {
    expect((await ask('Bis wann gilt die Rahmenvereinbarung?', '2026-06-01')).notice).toContain(SOON);
  });

  it('reads a question the year makes unanswerable without the year', async () => {
    const read = await ask('Gibt es 2028 eine neue Rahmenvereinbarung?', '2026-06-01');
    expect(read.decision).toMatchObject({ outcome: 'answer', article: { id: 'geltungsdauer' } });
    expect(read.notice).toContain(SOON);
  });

  it('answers whether the funding goes on after the end from the validity article, over an answer unrelated to the programme', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const question = 'Unser Projekt startet erst im Herbst 2027. Gibt es das Förderprogramm dann überhaupt noch?';
    const unrelated = knowledge.answer('Wann startete das AKC?');
    const read = readAtProgrammeEnd(question, unrelated, knowledge, programme, '2026-12-02');
    expect(read.decision).toMatchObject({ outcome: 'answer', article: { id: 'geltungsdauer' } });
    expect(read.notice).toContain(SOON);
  });

  it.each(['bis wann gilt die ikz foerderung noch', 'Wann läuft die IKZ-Förderung aus?', 'wie lange gibt es das Förderprogramm noch?'])(
    'answers how long the programme runs from the validity article, without a year: %s',
    async (question) => {
      const read = await ask(question, '2026-12-02');
      expect(read.decision).toMatchObject({ outcome: 'answer', article: { id: 'geltungsdauer' } });
      expect(read.notice).toContain(SOON);
    },
  );

  it('leaves how long a cooperation must run, or another programme, to their own answers', async () => {
    const minimum = await ask('Wie lange muss die Kooperation laufen, um die Förderung zu bekommen?', '2026-12-02');
    expect(minimum.decision).not.toMatchObject({ article: { id: 'geltungsdauer' } });
    expect((await ask('Bis wann gilt das Förderprogramm Dorferneuerung?', '2026-12-02')).decision.outcome).toBe('no_answer');
  });

  it('leaves a question about something else alone, though it names next year', async () => {
    const read = await ask('Wie hoch wird unsere Schlüsselzuweisung nach dem KFA nächstes Jahr?', '2026-11-15');
    expect(read.decision.outcome).toBe('no_answer');
    expect(read.notice).toBeUndefined();
    // The year alone leads to the validity article, nothing else of the question does.
    expect((await ask('Wie hoch ist die Schlüsselzuweisung für unsere Stadt 2027?', '2026-12-02')).decision.outcome).toBe('no_answer');
  });
});
