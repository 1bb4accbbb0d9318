import { describe, expect, it } from 'vitest';
import { parseArticle, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { detailsFileSchema } from '../../src/knowledge/details-schema.js';
import { RequestedDetails, phrasesPattern } from '../../src/knowledge/detail-kinds.js';
import type { Article } from '../../src/knowledge/types.js';
import { SHIPPED_KB, knowledgeOf } from '../helpers/bot-harness.js';

const details = RequestedDetails.compile(
  detailsFileSchema.parse({
    unknown_markers: ['nicht bekannt', 'nicht gefunden'],
    office: { articles: ['beratungsstelle'] },
    details: {
      telefonnummer: {
        asked_by: ['telefonnummer*', 'telefonisch', '*hotline … nummer*'],
        supplied_by: { pattern: '0\\d{3,4} [\\d -]{4,}' },
        office_contact: 'phone',
        missing: 'Eine Telefonnummer steht nicht in meinen Informationen.',
      },
      frist: { asked_by: ['*frist', '*fristen'], supplied_by: { words: ['*frist', '*fristen'] }, missing: 'Eine Frist fehlt.' },
      name: { asked_by: ['wie heißt … leiter*|chef*'], supplied_by: { pattern: 'Frau \\p{Lu}' }, missing: 'Namen fehlen.' },
    },
  }),
);

function article(id: string, body: string): Article {
  const parsed = parseArticle(
    `thema/${id}.md`,
    `---\nid: ${id}\ntitle: "${id}"\nquestions: [Frage eins?, Frage zwei?]\nkeywords: [x]\nsource: { title: Quelle, url: "https://example.org" }\nas_of: 2025-01-01\n---\n${body}\n`,
  );
  if (!('article' in parsed)) throw new Error(parsed.problems.map((p) => p.reason).join('\n'));
  return parsed.article;
}

describe('the details file', () => {
  it('rejects a topic_only that is not true or false', () => {
    const file = {
      details: { deckel: { asked_by: ['obergrenze*'], supplied_by: { words: ['höchstens'] }, topic_only: 'ja', missing: 'Fehlt.' } },
    };
    const result = detailsFileSchema.safeParse(file);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('expected true or false');
  });
});

describe('the kinds of detail a question asks for', () => {
  it.each<[string, string[]]>([
    ['Welche Telefonnummer hat das Amt?', ['telefonnummer']],
    ['wie erreiche ich die stelle telefonisch', ['telefonnummer']],
    ['Unter welcher Nummer ist die Notfall-Hotline erreichbar? Die Hotline-Nummer bitte.', ['telefonnummer']],
    ['Gibt es eine Antragsfrist?', ['frist']],
    ['Wie heisst die Chefin der Behörde?', ['name']],
    ['Gibt es eine Hotline?', []],
    ['Wie heißt das Gesetz?', []],
    ['Ist die Fassung befristet?', []],
  ])('%s → %j', (question, kinds) => {
    expect(details.asked(question).map((k) => k.name)).toEqual(kinds);
  });

  it('cuts the asking words out of the question, leaving what it asks about', () => {
    const question = 'Welche Telefonnummer hat das Regierungspräsidium?';
    expect(details.subjectOf(question, details.asked(question))).toBe('Welche hat das Regierungspräsidium?');
  });

  it('keeps what a phrase leaves open: the words a "…" skips and the start of a compound', () => {
    const subject = (question: string) => details.subjectOf(question, details.asked(question));
    expect(subject('Wie heißt der neue Leiter?')).toBe('der neue?');
    expect(subject('Gibt es eine Ladungsfrist?')).toBe('Gibt es eine Ladungs?');
    expect(subject('Gibt es eine Frist?')).toBe('Gibt es eine?');
  });
});

describe('whether an article supplies a detail', () => {
  it('finds it in a section, but not in a statement that it is not known, nor in a "Nicht bekannt" section, nor in a heading', () => {
    const known = article('a', 'Intro.\n\n## Wie erreiche ich das Amt?\nDas Amt erreichen Sie unter 0611 353-1529.');
    const unknown = article(
      'b',
      'Die Telefonnummer der Hotline ist nicht bekannt, zuletzt galt 0611 000-0000.\n\n## Gibt es Fristen?\nDazu steht nichts fest.\n\n## Nicht bekannt\n- Fristen und Telefonnummern: 0611 123-4567',
    );
    const phone = details.kinds.find((k) => k.name === 'telefonnummer')!;
    const deadline = details.kinds.find((k) => k.name === 'frist')!;
    expect(details.supply(known, phone)).toEqual({ status: 'article', sections: [1] });
    expect(details.supply(unknown, phone)).toEqual({ status: 'missing' });
    expect(details.supply(unknown, deadline)).toEqual({ status: 'missing' });
  });

  it('takes the office’s contact data for the articles about the office', () => {
    const phone = details.kinds.find((k) => k.name === 'telefonnummer')!;
    expect(details.supply(article('beratungsstelle', 'Die Beratungsstelle berät Kommunen.'), phone)).toEqual({
      status: 'office',
      field: 'phone',
    });
  });
});

describe('phrases', () => {
  it.each<[string, string, boolean]>([
    ['*frist', 'gibt es eine antragsfrist?', true],
    ['telefonnummer*', 'die telefonnummern der ämter', true],
    ['telefonnummer', 'die telefonnummern', false],
    ['wie heißt … leiter*', 'wie heisst eigentlich die leiterin', true],
    ['wie heißt … leiter*', 'wie heißt das gesetz über die pflichten der leiter', false],
    ['in einer summe', 'in einer  summe', true],
  ])('%s in "%s": %s', (phrase, text, matches) => {
    expect(phrasesPattern([phrase])!.test(text)).toBe(matches);
  });
});

describe('the shipped details.yml', () => {
  it('loads without problems, and a broken one is reported with its file', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    expect(knowledge.problems.filter((p) => p.file === '_meta/details.yml')).toEqual([]);
    expect(knowledge.details?.kinds.length).toBeGreaterThan(5);
    const broken = parseKnowledgeFiles({
      articles: new Map(),
      meta: new Map([['_meta/details.yml', 'details:\n  x:\n    asked_by: []\n']]),
    });
    expect(broken.problems.filter((p) => p.file === '_meta/details.yml').map((p) => p.severity)).toContain('error');
  });
});
