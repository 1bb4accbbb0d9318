import { describe, expect, it } from 'vitest';
import type { AnswerDecision } from '../../src/knowledge/answer-engine.js';
import type { Article } from '../../src/knowledge/types.js';
import { topicOf } from '../../src/understanding/follow-up.js';
import { understandMessage, understandQuestion, type KnowledgeLookup } from '../../src/understanding/understand-question.js';
import { SHIPPED_KB, knowledgeOf } from '../helpers/bot-harness.js';

/** A tiny knowledge base: an article answers a question that contains all words of one of its triggers. */
function fakeKnowledge(articles: Array<{ id: string; folder: string; triggers: string[][] }>): KnowledgeLookup & { asked: string[] } {
  const byId = new Map(
    articles.map((a) => [
      a.id,
      {
        id: a.id,
        title: `Titel ${a.id}`,
        file: `${a.folder}/${a.id}.md`,
        sections: [{ heading: null, markdown: `Intro ${a.id}.`, text: `Intro ${a.id}.` }],
      } as unknown as Article,
    ]),
  );
  const asked: string[] = [];
  return {
    asked,
    article: (id) => byId.get(id),
    answer(question): AnswerDecision {
      asked.push(question);
      const lower = question.toLowerCase();
      if (/bayern/.test(lower)) return { outcome: 'no_answer', reason: 'outside_scope', candidates: [] };
      if (/gwb/.test(lower)) return { outcome: 'no_answer', reason: 'outside_topic', candidates: [] };
      // A word it does not know lowers the coverage below the threshold, as in the real engine.
      if (/wiesbaden/.test(lower)) return { outcome: 'no_answer', reason: 'not_covered', candidates: [] };
      const hits = articles.filter((a) => a.triggers.some((words) => words.every((w) => lower.includes(w))));
      const candidates = hits.map((a) => ({ article: byId.get(a.id)!, score: 1, coverage: 1, questionMatch: 1 }));
      if (hits.length === 1)
        return {
          outcome: 'answer',
          article: candidates[0]!.article,
          sections: candidates[0]!.article.sections,
          score: 1,
          coverage: 1,
          candidates,
        };
      if (hits.length > 1) return { outcome: 'clarify', candidates };
      const known = articles.filter((a) => a.triggers.some((words) => words.some((w) => lower.includes(w))));
      return {
        outcome: 'no_answer',
        reason: 'not_covered',
        candidates: known.map((a) => ({ article: byId.get(a.id)!, score: 0.1, coverage: 0.2, questionMatch: 0 })),
      };
    },
  };
}

const knowledge = fakeKnowledge([
  { id: 'foerderhoehe', folder: 'foerderung', triggers: [['wie viel', 'gemeinden'], ['förderhöhe']] },
  { id: 'foerderhoehe-gvv', folder: 'foerderung', triggers: [['geld', 'gemeindeverwaltungsverband']] },
  { id: 'gvv', folder: 'foerderung', triggers: [['was ist', 'gemeindeverwaltungsverband']] },
  { id: 'zweckverband', folder: 'rechtsformen', triggers: [['zweckverband']] },
  { id: 'arbeitsgemeinschaft', folder: 'rechtsformen', triggers: [['arbeitsgemeinschaft']] },
  { id: 'vereinbarung', folder: 'rechtsformen', triggers: [['vereinbarung']] },
  { id: 'antragsverfahren', folder: 'verfahren', triggers: [['antrag', 'einreichen']] },
  { id: 'antragsberechtigung', folder: 'foerderung', triggers: [['wer', 'antrag']] },
]);

const ids = (result: ReturnType<typeof understandQuestion>) =>
  result.kind === 'single'
    ? [result.reading.decision.outcome === 'answer' ? result.reading.decision.article.id : result.reading.decision.outcome]
    : result.kind === 'two'
      ? result.readings.map((r) => r.decision.article.id)
      : result.sides.map((s) => s.article.id);

describe('understandQuestion', () => {
  it('answers two questions with different answers both', () => {
    const result = understandQuestion('Was ist ein Gemeindeverwaltungsverband? Und wie viel Geld gibt es dafür?', knowledge);
    expect(result.kind).toBe('two');
    expect(ids(result)).toEqual(['gvv', 'foerderhoehe-gvv']);
  });

  it('reads a second question after "Und" that has its own noun and answer alone, not with the first', () => {
    const result = understandQuestion('Wie viel bekommen drei Gemeinden? Und wer darf den Antrag stellen?', knowledge);
    expect(result.kind).toBe('two');
    expect(ids(result)).toEqual(['foerderhoehe', 'antragsberechtigung']);
    // The second is read as written: the first's numbers do not make it a question about an amount.
    expect(result.kind === 'two' && result.readings[1].question).toBe('Und wer darf den Antrag stellen?');
  });

  it('reads a second question without a question mark after "und" as a question of its own', () => {
    const result = understandQuestion('was ist ein zweckverband? und wer darf den antrag stellen', knowledge);
    expect(ids(result)).toEqual(['zweckverband', 'antragsberechtigung']);
  });

  it('reads "und gibts ne …" with a thing of its own as a second question, not as part of the first', () => {
    const result = understandQuestion('was ist eine arbeitsgemeinschaft? und gibts ne anleitung zum antrag einreichen', knowledge);
    expect(ids(result)).toEqual(['arbeitsgemeinschaft', 'antragsverfahren']);
  });

  it('takes a request to the bot after a question ("Können Sie das prüfen?") as part of that question', () => {
    // Read with the first's nouns, the request would lead to an article of its own.
    const lookup = fakeKnowledge([
      { id: 'antragsberechtigung', folder: 'foerderung', triggers: [['wer', 'antrag']] },
      { id: 'pruefung', folder: 'verfahren', triggers: [['prüfen', 'antrag']] },
    ]);
    const result = understandQuestion('Wer darf den Antrag stellen? Können Sie das für uns prüfen?', lookup);
    // One question, read as a whole: no second answer for the request.
    expect(result).toMatchObject({
      kind: 'single',
      pending: [],
      reading: { question: 'Wer darf den Antrag stellen? Können Sie das für uns prüfen?' },
    });
  });

  it('answers one question of two and offers the other when only one has an answer', () => {
    const result = understandQuestion('Was ist ein Zweckverband? Wie hoch ist die Hundesteuer in Kassel?', knowledge);
    expect(result).toMatchObject({ kind: 'single', pending: ['Wie hoch ist die Hundesteuer in Kassel?'] });
    expect(ids(result)).toEqual(['zweckverband']);
  });

  it('gives no answer to a second question that refers back to a first about a thing no article knows', () => {
    const lookup: KnowledgeLookup = {
      ...fakeKnowledge([{ id: 'beratung', folder: 'beratung', triggers: [['ansprechpartner']] }]),
      unknownNouns: (text) => (/glasfaser/i.test(text) ? ['Glasfaserausbau'] : []),
    };
    expect(ids(understandQuestion('Gibt es Geld für den Glasfaserausbau? Wer ist dafür Ansprechpartner?', lookup))).toEqual(['no_answer']);
    // A second question of its own is still answered.
    expect(ids(understandQuestion('Gibt es Geld für den Glasfaserausbau? Wer ist Ansprechpartner für IKZ?', lookup))).toEqual(['beratung']);
  });

  it('answers the first of two when a full second question that refers to it sinks the whole, and offers the second', () => {
    const lookup = fakeKnowledge([
      { id: 'ikz-grundlagen', folder: 'foerderung', triggers: [['zusammenarbeiten', 'rechtlich']] },
      { id: 'vertrag', folder: 'verfahren', triggers: [['rechtlich', 'vertrag']] },
    ]);
    const result = understandQuestion(
      'Was heißt zusammenarbeiten rechtlich? Reicht es, wenn wir uns absprechen, oder braucht man einen Vertrag?',
      lookup,
    );
    expect(result).toMatchObject({ kind: 'single', pending: ['Reicht es, wenn wir uns absprechen, oder braucht man einen Vertrag?'] });
    expect(ids(result)).toEqual(['ikz-grundlagen']);
  });

  it('keeps a follow-up of a question outside the programme outside too', () => {
    const result = understandQuestion('Gibt es in Bayern auch so eine Förderung, und wie hoch ist die da?', knowledge);
    expect(result).toMatchObject({ kind: 'single', pending: [], reading: { decision: { outcome: 'no_answer', reason: 'outside_scope' } } });
  });

  it('reads a yes/no question without a word of its own as a restatement of the one before, not as a second', () => {
    // Read with the first's nouns, the second would lead to a neighbouring article; alone it leads nowhere.
    const drifting = fakeKnowledge([
      { id: 'gvv', folder: 'foerderung', triggers: [['was ist', 'gemeindeverwaltungsverband']] },
      { id: 'programm', folder: 'foerderung', triggers: [['weiß man', 'gemeindeverwaltungsverband']] },
    ]);
    const lookup: KnowledgeLookup = {
      ...drifting,
      answer: (q) =>
        q === 'Weiß man da schon was?' ? { outcome: 'no_answer', reason: 'not_covered', candidates: [] } : drifting.answer(q),
    };
    const result = understandQuestion('Was ist ein Gemeindeverwaltungsverband? Weiß man da schon was?', lookup);
    expect(result).toMatchObject({ kind: 'single', pending: [] });
    expect(ids(result)).toEqual(['gvv']);
  });

  it('reads the question after a statement and a dash alone only when the whole message has no answer', () => {
    // "Wiesbaden" in the statement keeps the whole below the threshold; the question alone has an answer.
    const alone = understandQuestion('Wir sitzen mit zwei Nachbarn in Wiesbaden - wer darf den Antrag stellen?', knowledge);
    expect(ids(alone)).toEqual(['antragsberechtigung']);
    // The statement names what the question asks about: the whole message answers.
    const whole = understandQuestion('Wir gründen einen Zweckverband - was legen wir bei?', knowledge);
    expect(ids(whole)).toEqual(['zweckverband']);
  });

  it('keeps a fragment with the question before it instead of answering it alone', () => {
    const result = understandQuestion('Was verdient ein Bürgermeister? Zweckverband?', knowledge);
    expect(result).toMatchObject({ kind: 'single', pending: [] });
    expect(ids(result)).toEqual(['zweckverband']);
  });

  it('reads two alternatives ("… oder können wir …") as questions and answers the one that has an answer', () => {
    const result = understandQuestion(
      'Muss der Antrag beim Kreis einreichen oder können wir ihn direkt nach Wiesbaden schicken?',
      knowledge,
    );
    expect(ids(result)).toEqual(['antragsverfahren']);
  });

  it('reads a first question as outside when the second points back to it and names a field the articles leave out', () => {
    const result = understandQuestion('Dürfen wir einen Zweckverband gründen, und was sagt das GWB dazu?', knowledge);
    expect(result.kind === 'single' && result.reading.decision).toMatchObject({ outcome: 'no_answer', reason: 'outside_topic' });
  });

  it('answers a first question whose second names an outside field without pointing back, and offers the second', () => {
    const result = understandQuestion('Dürfen wir einen Zweckverband gründen? Was regelt das GWB?', knowledge);
    expect(result).toMatchObject({ kind: 'single', pending: ['Was regelt das GWB?'] });
    expect(ids(result)).toEqual(['zweckverband']);
  });

  it('shows both sides of a comparison, each from its own article', () => {
    const result = understandQuestion('Unterschied Zweckverband und öffentlich-rechtliche Vereinbarung?', knowledge);
    expect(result).toMatchObject({ kind: 'comparison' });
    expect(ids(result)).toEqual(['zweckverband', 'vereinbarung']);
  });

  it('answers a comparison of two names for one topic from its article ("dasselbe wie")', () => {
    const result = understandQuestion('Ist der Zweckverband dasselbe wie ein Zweckverband nach KGG?', knowledge);
    expect(result.kind).toBe('single');
    expect(ids(result)).toEqual(['zweckverband']);
  });

  it('compares the thing itself, without its qualifier', () => {
    expect(ids(understandQuestion('Arbeitsgemeinschaft vs Zweckverband nach KGG?', knowledge))).toEqual([
      'arbeitsgemeinschaft',
      'zweckverband',
    ]);
  });

  it('answers a full second question joined by "und" that has an article of its own, not only the whole message', async () => {
    // The whole message reads as a question about the application documents, which would drop the first question.
    const shipped = await knowledgeOf(SHIPPED_KB);
    const result = understandQuestion(
      'Muss eine öffentlich-rechtliche Vereinbarung genehmigt werden? Und brauchen wir für den Förderantrag Beschlüsse der Gemeindevertretung?',
      shipped,
    );
    expect(result.kind).toBe('two');
    expect(ids(result)).toEqual(['oeffentlich-rechtliche-vereinbarung', 'antragsunterlagen']);
  });

  it('reads the whole message when the article of its first question lacks the detail the next one asks for', async () => {
    // "Wie lange dauert sowas?" names no matter; the whole message (an application sent off) does.
    const shipped = await knowledgeOf(SHIPPED_KB);
    const result = understandQuestion(
      'Wir haben den Antrag vor zwei Monaten über den Kreis geschickt und warten. Ist das normal? Wie lange dauert sowas?',
      shipped,
    );
    expect(ids(result)).toEqual(['antragsverfahren']);
  });

  it("answers a second question that the first's article only touches from the article it and the whole message agree on", async () => {
    const shipped = await knowledgeOf(SHIPPED_KB);
    const result = understandQuestion('wer von uns reicht den antrag ein, jede gemeinde selbst?? und wo muss der dann hin', shipped);
    expect(result.kind).toBe('two');
    expect(ids(result)).toEqual(['antragsberechtigung', 'antragsverfahren']);
  });

  it('reads no topic into empty words of a condition ("was passiert, falls …"): "passiert" is no "passt"', async () => {
    const shipped = await knowledgeOf(SHIPPED_KB);
    const result = understandQuestion('Was passiert denn mit dem Geld, falls die Zusammenarbeit nicht zustande kommt?', shipped);
    expect(ids(result)).toEqual(['projektentwicklung']);
  });

  it('compares the things themselves, without the verbs of doing them ("gründen", "schließen")', async () => {
    // With "schließen" the overview of the legal forms, which says how a Vereinbarung is concluded, would take one side.
    const shipped = await knowledgeOf(SHIPPED_KB);
    const result = understandQuestion(
      'Zweckverband gründen oder öffentlich-rechtliche Vereinbarung schließen – wo ist der Unterschied?',
      shipped,
    );
    expect(ids(result)).toEqual(['zweckverband', 'oeffentlich-rechtliche-vereinbarung']);
  });

  it('reads "Und für fünf?" against the funding amounts and says so', () => {
    const topic = topicOf('Wie viel Förderung gibt es für drei Gemeinden?', { id: 'foerderhoehe', title: 'Förderhöhe' });
    const result = understandQuestion('Und für fünf?', knowledge, topic);
    expect(ids(result)).toEqual(['foerderhoehe']);
    expect(result).toMatchObject({
      reading: { question: 'Wie viel Förderung gibt es für fünf Gemeinden? Und für fünf?', readAgainst: topic },
    });
  });

  it('reads "Wie viel Geld gibt es dafür?" against the GVV', () => {
    const topic = topicOf('Was ist ein Gemeindeverwaltungsverband?', { id: 'gvv', title: 'GVV' });
    expect(ids(understandQuestion('Wie viel Geld gibt es dafür?', knowledge, topic))).toEqual(['foerderhoehe-gvv']);
  });

  it('answers a follow-up that leads nowhere by itself from the topic ("Und wohin schicken wir ihn?")', () => {
    const topic = topicOf('Wie stellen wir den Antrag?', { id: 'antragsverfahren', title: 'Antragsverfahren' });
    const result = understandQuestion('Und wohin schicken wir ihn?', knowledge, topic);
    expect(ids(result)).toEqual(['antragsverfahren']);
    expect(result).toMatchObject({ reading: { readAgainst: topic } });
  });

  it('starts afresh with a full question the knowledge base answers on its own', () => {
    const topic = topicOf('Was ist ein Zweckverband?', { id: 'zweckverband', title: 'Zweckverband' });
    const result = understandQuestion('Was ist ein Gemeindeverwaltungsverband?', knowledge, topic);
    expect(ids(result)).toEqual(['gvv']);
    expect(result.kind === 'single' && result.reading).toMatchObject({ question: 'Was ist ein Gemeindeverwaltungsverband?' });
    expect(result.kind === 'single' && result.reading.readAgainst).toBeUndefined();
  });

  it('answers neither question that points back to a context no article covers (shipped knowledge base)', async () => {
    const shipped = await knowledgeOf(SHIPPED_KB);
    // Alone, "hoch" and "Vorgaben" would find the debt relief and the saving target.
    const result = understandMessage(
      'Wir müssen die Zweitwohnungssteuer neu kalkulieren. Wie hoch darf die sein und gibt es da Vorgaben vom Land?',
      shipped,
    ).understanding;
    expect(ids(result)).toEqual(['no_answer']);
  });

  it('does not give an unanswerable question a context that makes it answerable', () => {
    const topic = topicOf('Wie viel Förderung gibt es für drei Gemeinden?', { id: 'foerderhoehe', title: 'Förderhöhe' });
    expect(ids(understandQuestion('Wie hoch ist die Hundesteuer?', knowledge, topic))).toEqual(['no_answer']);
    expect(ids(understandQuestion('Und in Bayern?', knowledge, topic))).toEqual(['no_answer']);
  });

  it('lets the context of a message choose the topic, but not carry the question off to one that misses its own words', () => {
    const base = fakeKnowledge([
      { id: 'aufgaben', folder: 'foerderung', triggers: [['abwasser']] },
      { id: 'zweckverband', folder: 'rechtsformen', triggers: [['zweckverband']] },
      { id: 'projektentwicklung', folder: 'foerderung', triggers: [['machbarkeitsstudie']] },
    ]);
    // "Abwasser" outweighs the question's words, as a heavy word does in the real engine; the question alone fits the Zweckverband.
    const lookup: KnowledgeLookup = {
      ...base,
      answer: (q) => {
        const lower = q.toLowerCase();
        if (lower.includes('abwasser')) return base.answer('abwasser');
        return lower.includes('zuschuss') && !lower.includes('machbarkeitsstudie')
          ? { outcome: 'no_answer', reason: 'not_covered', candidates: [] }
          : base.answer(q);
      },
    };
    const carried = understandQuestion(
      'Unser Zweckverband will auch das Abwasser übernehmen. Kann der Zweckverband den Antrag stellen, oder dürfen das nur die Gemeinden?',
      lookup,
    );
    expect(ids(carried)).toEqual(['zweckverband']);
    // A question that leads nowhere alone takes its topic from the context.
    const referred = understandQuestion('Wir lassen eine Machbarkeitsstudie erstellen. Gibt es dafür einen Zuschuss?', lookup);
    expect(ids(referred)).toEqual(['projektentwicklung']);
  });

  it('reads "Und eine Arbeitsgemeinschaft?" as the same question about a thing of the same kind', () => {
    const topic = topicOf('Was ist ein Zweckverband?', { id: 'zweckverband', title: 'Zweckverband' });
    const result = understandQuestion('Und eine Arbeitsgemeinschaft?', knowledge, topic);
    expect(ids(result)).toEqual(['arbeitsgemeinschaft']);
    // Obvious from the message itself: no "Bezogen auf".
    expect(result.kind === 'single' && result.reading.readAgainst).toBeUndefined();
  });
});

describe('understandMessage', () => {
  it('searches a letter by its content', () => {
    const { question, understanding } = understandMessage(
      'Sehr geehrte Damen und Herren,\nwas ist ein Zweckverband?\nMit freundlichen Grüßen\nMax Mustermann, Hauptamt',
      knowledge,
    );
    expect(question).toBe('was ist ein Zweckverband?');
    expect(ids(understanding)).toEqual(['zweckverband']);
  });
});

describe("a question about where the asker's own application stands", () => {
  const knowledge = fakeKnowledge([{ id: 'antragsverfahren', folder: 'verfahren', triggers: [['antrag']] }]);
  const outcome = (message: string) => {
    const { understanding } = understandMessage(message, knowledge);
    if (understanding.kind !== 'single') return understanding.kind;
    const { decision } = understanding.reading;
    return decision.outcome === 'answer' ? decision.article.id : decision.outcome;
  };

  it.each([
    ['Wie ist der Stand unseres IKZ-Antrags vom März? Wir haben nichts gehört.', 'no_answer'],
    ['Ist unser Antrag schon beim Ministerium angekommen?', 'no_answer'],
    ['Letzten Herbst haben wir den Förderantrag abgeschickt. Wurde der mittlerweile genehmigt?', 'no_answer'],
    // Two questions, both about where the own application stands.
    [
      'Wir haben im Juli unseren Gruppenantrag für den gemeinsamen Ordnungsbezirk über den Kreis abgeschickt. Können Sie mir sagen, wo der gerade liegt und ob schon was entschieden ist?',
      'no_answer',
    ],
    // Before the application: how it is decided.
    ['Wir haben noch keinen Antrag gestellt. Ist der Antrag bereits bewilligt, wenn der Kreis zustimmt?', 'antragsverfahren'],
    // The procedure in general, and a question about the own application that the articles answer.
    ['Wie ist der Stand der Dinge beim Antrag?', 'antragsverfahren'],
    ['Wie lange dauert die Bearbeitung unseres Antrags?', 'antragsverfahren'],
  ])('%s → %s', (message, expected) => {
    expect(outcome(message)).toBe(expected);
  });
});

describe('a question beside a context sentence about another state or programme', () => {
  const knowledge = fakeKnowledge([
    { id: 'foerderhoehe', folder: 'foerderung', triggers: [['zuschüsse']] },
    { id: 'zweckverband', folder: 'rechtsformen', triggers: [['zweckverband']] },
  ]);
  const outcome = (message: string) => {
    const { understanding } = understandMessage(message, knowledge);
    if (understanding.kind !== 'single') return understanding.kind;
    const { decision } = understanding.reading;
    return decision.outcome === 'answer' ? decision.article.id : decision.outcome === 'no_answer' ? decision.reason : decision.outcome;
  };

  it.each([
    [
      'refers back to it: about the other one',
      'Wir liegen an der Grenze zu Bayern. Welche Zuschüsse bekommen dort die Gemeinden?',
      'outside_scope',
    ],
    ['names Hessen: about ours', 'Wir liegen an der Grenze zu Bayern. Welche Zuschüsse gibt es in Hessen für Gemeinden?', 'foerderhoehe'],
    ['asks on its own and is covered: about ours', 'Wir kennen das aus Bayern. Was ist ein Zweckverband?', 'zweckverband'],
  ])('%s', (_, message, expected) => {
    expect(outcome(message)).toBe(expected);
  });
});

describe('two alternatives', () => {
  const knowledge = fakeKnowledge([{ id: 'zweckverband', folder: 'rechtsformen', triggers: [['zweckverband']] }]);

  it('have no answer when the first, which names the topic, has none', () => {
    const understanding = understandQuestion(
      'Schicken wir das Formular nach Wiesbaden oder reicht ein Brief an den Zweckverband?',
      knowledge,
    );
    expect(understanding.kind === 'single' && understanding.reading.decision.outcome).toBe('no_answer');
  });

  it('have no answer when the second names a field the articles leave out, though the first has one', () => {
    const understanding = understandQuestion(
      'Gründen wir dafür einen Zweckverband, oder ist das eine vergabefreie Zusammenarbeit nach GWB?',
      knowledge,
    );
    expect(understanding.kind === 'single' && understanding.reading.decision).toMatchObject({
      outcome: 'no_answer',
      reason: 'outside_topic',
    });
  });
});
