import { describe, expect, it } from 'vitest';
import { sourceLine } from '../../src/bot/replies.js';
import { checkKnowledgeBase } from '../../src/knowledge/check-knowledge.js';
import { loadKnowledgeBase, parseArticle, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { BROKEN_KB, SHIPPED_KB } from '../helpers/bot-harness.js';

const NOW = new Date('2026-11-25T00:00:00Z');

describe('knowledge base loading', () => {
  it('skips broken files, names each with its reason, and keeps the rest', async () => {
    const kb = await loadKnowledgeBase(BROKEN_KB);
    expect(kb.articles.map((a) => a.id).sort()).toEqual(['gut', 'veraltet']);
    const reasons = Object.fromEntries(kb.problems.map((p) => [p.file, p.reason]));
    expect(reasons['yaml-kaputt.md']).toMatch(/invalid front matter/);
    expect(reasons['ohne-quelle.md']).toMatch(/missing required field "source"/);
    expect(reasons['unterordner/gut.md']).toMatch(/duplicate id "gut"/);
  });

  it('reports related ids and links that point nowhere, and stale articles', async () => {
    const problems = checkKnowledgeBase(await loadKnowledgeBase(BROKEN_KB), { maxAgeDays: 730, now: NOW });
    const of = (file: string) => problems.filter((p) => p.file === file).map((p) => p.reason);
    expect(of('gut.md')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/related id "gibt-es-nicht"/),
        expect.stringMatching(/broken internal link to "fehlt.md"/),
      ]),
    );
    expect(of('veraltet.md')).toEqual([expect.stringMatching(/stale: as_of 2011-12-02/)]);
  });

  it('does not call an old rule stale when an editor reviewed it recently', () => {
    const parsed = parseArticle(
      'alt.md',
      '---\nid: alt\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: 2011-12-02\nreviewed: 2026-11-01\n---\nText.\n',
    );
    expect('article' in parsed).toBe(true);
    if (!('article' in parsed)) return;
    const problems = checkKnowledgeBase(
      {
        articles: [parsed.article],
        meta: { synonymGroups: [], stopwords: { keep: [], add: [] }, outsideScope: [], outsideTopics: [] },
        problems: [],
      },
      { maxAgeDays: 730, now: NOW },
    );
    expect(problems).toEqual([]);
  });

  it.each([
    ['a file without front matter', 'Nur Text.\n', /missing front matter/],
    ['an id that is not kebab-case', '---\nid: Mein Artikel\n---\nText\n', /kebab-case/],
    [
      'a date that is no date',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: gestern\n---\nText\n',
      /as_of.*YYYY-MM-DD/,
    ],
    [
      'a source with neither URL nor year',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q}\nas_of: 2026-01-01\n---\nText\n',
      /source.url.*or, for a source without a web address, its year/,
    ],
    [
      'an undated source without the day it was checked',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: undatiert\n---\nText\n',
      /reviewed.*undated source/,
    ],
    [
      'a month that is no month',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: 2020-13\n---\nText\n',
      /as_of.*YYYY-MM-DD, YYYY-MM or YYYY, or "undatiert"/,
    ],
    [
      'an overview flag that is no yes or no',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: 2026-01-01\noverview: ja\n---\nText\n',
      /overview.*expected true or false/,
    ],
    [
      'a body that starts with a heading',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: 2026-01-01\n---\n## Nur Abschnitt\nText\n',
      /short answer paragraph/,
    ],
  ])('rejects %s', (_name, content, reason) => {
    const parsed = parseArticle('x.md', content);
    expect('problems' in parsed && parsed.problems.map((p) => p.reason).join('\n')).toMatch(reason);
  });

  it.each<[string, string, { asOf: string; asOfPrecision: string }]>([
    ['a day', 'as_of: 2021-12-07', { asOf: '2021-12-07', asOfPrecision: 'day' }],
    ['a month', 'as_of: 2020-05', { asOf: '2020-05-01', asOfPrecision: 'month' }],
    ['a year', 'as_of: 2025', { asOf: '2025-01-01', asOfPrecision: 'year' }],
    [
      'an undated source (its date is the day it was checked)',
      'as_of: undatiert\nreviewed: 2026-11-25',
      { asOf: '2026-11-25', asOfPrecision: 'undated' },
    ],
  ])('reads as_of given as %s', (_name, asOf, expected) => {
    const parsed = parseArticle(
      'x.md',
      `---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\n${asOf}\n---\nText.\n`,
    );
    if (!('article' in parsed)) throw new Error(parsed.problems.map((p) => p.reason).join('\n'));
    expect(parsed.article).toMatchObject(expected);
  });

  it('cites a source without web address by title and year, and shows dates only as exactly as they are known', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const line = (id: string) => sourceLine(kb.articles.find((a) => a.id === id)!);
    // The 2025 figures come from a press release without known address: no link to the ministry's programme page.
    expect(line('statistik')).toMatch(
      /^Quelle: Pressemitteilung des Hessischen Innenministeriums „Land fördert IT-Zusammenarbeit mit 75\.000 Euro“ \(2025\) · Stand: 2025 /,
    );
    expect(line('statistik')).not.toContain('http');
    expect(line('beispiel-it-neuhof-flieden-kalbach')).not.toContain('http');
    expect(line('foerderhoehe')).toContain('· Quelle undatiert, geprüft November 2026 (RV 2021;');
    expect(line('entschuldungshilfe-fusion')).toContain('· Stand: Mai 2020');
    expect(line('gemeindeverwaltungsverband')).toContain('· Stand: 04.11.2017');
  });

  it('warns when a note calls the source undated but as_of gives a day', () => {
    const parsed = parseArticle(
      'alt.md',
      '---\nid: alt\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: 2026-11-01\nas_of_note: "Quelle undatiert; Stand der Recherche November 2026"\n---\nText.\n',
    );
    if (!('article' in parsed)) throw new Error('expected an article');
    const problems = checkKnowledgeBase(
      {
        articles: [parsed.article],
        meta: { synonymGroups: [], stopwords: { keep: [], add: [] }, outsideScope: [], outsideTopics: [] },
        problems: [],
      },
      { maxAgeDays: 730, now: NOW },
    );
    expect(problems.map((p) => p.reason)).toEqual([expect.stringMatching(/write "as_of: undatiert"/)]);
  });

  it('warns about a synonym of several words that keeps only one word besides its stop words', () => {
    const meta = {
      synonymGroups: [{ words: ['Geltungsdauer', 'nächstes Jahr', 'kommendes Jahr'], exact: false }],
      stopwords: { keep: ['jahr'], add: ['nächstes'] },
      outsideScope: [],
      outsideTopics: [],
    };
    const problems = checkKnowledgeBase({ articles: [], meta, problems: [] }, { maxAgeDays: 730, now: NOW });
    expect(problems.map((p) => [p.file, p.severity])).toEqual([['_meta/synonyms.yml', 'warning']]);
    expect(problems[0]!.reason).toContain('"nächstes Jahr" keeps only one word');
  });

  it('reads idioms with their meaning (none when left empty), and names a list given instead of pairs', () => {
    const load = (analyzer: string) => parseKnowledgeFiles({ articles: new Map(), meta: new Map([['_meta/analyzer.yml', analyzer]]) });
    expect(load('idioms:\n  auf Kante genäht: ""\n  unter die Arme: helfen\n  aus dem Ruder:\n').meta.idioms).toEqual({
      'auf Kante genäht': '',
      'unter die Arme': 'helfen',
      'aus dem Ruder': '',
    });
    const broken = load('idioms: [auf Kante genäht]\n');
    expect(broken.problems.find((p) => p.file === '_meta/analyzer.yml')?.reason).toMatch(/idioms/);
    expect(broken.meta.idioms).toEqual({});
  });

  it('splits an article into intro and sections', () => {
    const parsed = parseArticle(
      'x.md',
      '---\nid: x\ntitle: T\nquestions: [a, b]\nkeywords: [k]\nsource: {title: Q, url: "https://e.org"}\nas_of: 2026-01-01\n---\nKurze Antwort.\n\n## Erster Teil\nEins.\n\n```\n## kein Abschnitt\n```\n\n## Zweiter Teil\nZwei.\n',
    );
    if (!('article' in parsed)) throw new Error('expected an article');
    expect(parsed.article.sections.map((s) => s.heading)).toEqual([null, 'Erster Teil', 'Zweiter Teil']);
  });

  it('ships a knowledge base that passes every check', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    expect(checkKnowledgeBase(kb, { maxAgeDays: 730, now: NOW })).toEqual([]);
    expect(kb.articles.length).toBeGreaterThanOrEqual(30);
    expect(kb.meta.synonymGroups.length).toBeGreaterThan(10);
  });
});
