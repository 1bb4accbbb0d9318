// `npx tsx scripts/derive-thesaurus.ts [OPENTHESAURUS.txt] [KNOWLEDGE_DIR]`: writes
// knowledge/_meta/openthesaurus-subset.txt, the small part of OpenThesaurus (LGPL-2.1, www.openthesaurus.de)
// that the analyser uses to read everyday words the knowledge base does not contain ("schicken", "Dörfer").
// Input: the text edition of OpenThesaurus, one synonym set a line, `;`-separated (Debian package
// `openthesaurus-de-text`: /usr/share/openthesaurus-de/openthesaurus.txt). Run it again after larger changes
// of the articles' vocabulary; the bot only reads the shipped subset, never the package.
//
// Kept: sets that connect a word NOT in the knowledge base's vocabulary with a word that IS (in an article).
// Only verbs, adjectives and adverbs (entries OpenThesaurus writes in lower case): nouns carry a question's
// topic, and their general synonyms lead astray (measured: "Thema" → "Inhalt", "Chef" → "alt").
// Dropped as noise: phrases (more than one word), very large sets, words that are in many sets (ambiguous
// general words), stop words and number words, short words, and targets so common in the articles that
// they tell nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { wordClassByEnding } from '../src/language/german-analyzer.js';
import { REAL_WORDS_MARKER } from '../src/language/thesaurus.js';
import { TypoLookup, typoBudget } from '../src/language/typos.js';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';

const SOURCE = process.argv[2] ?? '/usr/share/openthesaurus-de/openthesaurus.txt';
const KNOWLEDGE = process.argv[3] ?? 'knowledge';
const OUTPUT = join(KNOWLEDGE, '_meta', 'openthesaurus-subset.txt');
const WORDS_OUTPUT = join(KNOWLEDGE, '_meta', 'openthesaurus-words.txt');

/** A set with more entries than this is a loose field of meaning, not synonyms. */
const MAX_SET_SIZE = 15;
/** A word in more sets than this has several meanings; mapping it would often be wrong. */
const MAX_SETS_PER_WORD = 5;
/** Words shorter than this are mostly particles or abbreviations with other meanings. */
const MIN_WORD_LENGTH = 4;
/** A target in more than this share of the articles names no topic. */
const MAX_TARGET_ARTICLE_SHARE = 0.5;
/** Usage labels whose words a clerk would not write in a question about funding. */
const NOISY_LABELS = /vulg|derb|abwertend|veraltet|scherzh|fachspr|schweiz|österr|regional|landschaftlich|Jargon|Slang|Jugendsprache/i;

const kb = await loadKnowledgeBase(KNOWLEDGE);
const index = KnowledgeIndex.build(kb);
const { analyzer } = index;
const vocabulary = new Set(analyzer.vocabularyTerms());
/** Number words and the like, which the analyser keeps as search words ("sieben" is no verb here). */
const keptStopwords = new Set(kb.meta.stopwords.keep.map((word) => analyzer.baseTerm(word)));
const maxTargetFrequency = Math.max(1, Math.floor(index.articles.length * MAX_TARGET_ARTICLE_SHARE));

/** One entry of a set: its single word (labels removed) and its index term. */
interface Entry {
  word: string;
  term: string;
}

const sets: Entry[][] = [];
const setsPerTerm = new Map<string, number>();
/** Index terms of the verbs, adjectives and adverbs (lower-case entries) the knowledge base does not know. */
const ordinary = new Set<string>();
/** Index terms of words of any class the knowledge base does not know, near one it knows: real words, not typos. */
const real = new Set<string>();
const typos = new TypoLookup(vocabulary);
for (const line of (await readFile(SOURCE, 'utf8')).split('\n')) {
  if (line.startsWith('#') || line.trim() === '') continue;
  const raw = line.split(';');
  for (const item of raw) {
    const word = item.replace(/\([^)]*\)/g, '').trim();
    const anyTerm = /^\p{L}+$/u.test(word) ? analyzer.baseTerm(word) : null;
    if (anyTerm !== null && !vocabulary.has(anyTerm) && typos.nearest(anyTerm, typoBudget(anyTerm.length)).length > 0) real.add(anyTerm);
    if (!/^\p{Ll}\p{L}+$/u.test(word) || word.length < MIN_WORD_LENGTH) continue;
    // A word whose ending already marks it as a verb or adjective ("spinnen", "finanziell") needs no entry.
    if (wordClassByEnding(word) === 'other') continue;
    const term = analyzer.baseTerm(word);
    if (term !== null && !vocabulary.has(term)) ordinary.add(term);
  }
  if (raw.length > MAX_SET_SIZE) continue;
  const entries = new Map<string, Entry>();
  for (const item of raw) {
    if (NOISY_LABELS.test(item)) continue;
    const word = item.replace(/\([^)]*\)/g, '').trim();
    if (!/^\p{Ll}\p{L}+$/u.test(word) || word.length < MIN_WORD_LENGTH) continue;
    const term = analyzer.baseTerm(word);
    if (term === null || entries.has(term) || keptStopwords.has(term)) continue;
    entries.set(term, { word, term });
  }
  if (entries.size < 2) continue;
  sets.push([...entries.values()]);
  for (const term of entries.keys()) setsPerTerm.set(term, (setsPerTerm.get(term) ?? 0) + 1);
}

const isTarget = (term: string) => {
  const frequency = index.documentFrequencyOf(term);
  return frequency > 0 && frequency <= maxTargetFrequency;
};
const isSource = (term: string) => !vocabulary.has(term) && (setsPerTerm.get(term) ?? 0) <= MAX_SETS_PER_WORD;

const kept: string[] = [];
for (const set of sets) {
  const sources = set.filter((e) => isSource(e.term));
  const targets = set.filter((e) => isTarget(e.term));
  if (sources.length === 0 || targets.length === 0) continue;
  kept.push([...targets, ...sources].map((e) => e.word).join(';'));
}
kept.sort((a, b) => a.localeCompare(b, 'de'));

const header = `# Auszug aus OpenThesaurus (https://www.openthesaurus.de), Copyright (C) Daniel Naber und Mitwirkende,
# lizenziert unter der GNU Lesser General Public License 2.1 (LGPL-2.1, siehe OPENTHESAURUS-LIZENZ.md).
# Erzeugt mit: npx tsx scripts/derive-thesaurus.ts /usr/share/openthesaurus-de/openthesaurus.txt knowledge
# (Debian-Paket openthesaurus-de-text). Nicht von Hand bearbeiten: eigene Synonyme gehören in synonyms.yml.
#
# Jede Zeile ist eine Synonymgruppe: zuerst Wörter, die in den Artikeln vorkommen, dann Alltagswörter,
# die dort nicht vorkommen. Fragt jemand mit einem solchen Alltagswort, sucht der Bot auch nach den
# bekannten Wörtern der Gruppe, zählt sie aber weniger als ein Wort, das wörtlich in der Frage steht.
`;
await writeFile(OUTPUT, `${header}${kept.join('\n')}\n`);
process.stdout.write(`${kept.length} sets written to ${OUTPUT}\n`);

const wordsHeader = `# Auszug aus OpenThesaurus (https://www.openthesaurus.de), Copyright (C) Daniel Naber und Mitwirkende,
# lizenziert unter der GNU Lesser General Public License 2.1 (LGPL-2.1, siehe OPENTHESAURUS-LIZENZ.md).
# Erzeugt mit: npx tsx scripts/derive-thesaurus.ts (wie openthesaurus-subset.txt). Nicht von Hand bearbeiten.
#
# Gewöhnliche Wörter (Verben, Adjektive, Adverbien: in OpenThesaurus klein geschrieben), die in den Artikeln
# nicht vorkommen und deren Endung sie nicht schon als Verb oder Adjektiv zeigt (wie -en, -lich, -isch), als
# Suchbegriffe (Wortstamm), je Zeile die Stämme eines Anfangsbuchstabens. Ein solches Wort
# in einer Frage ("hinterher", "spinnt") sagt wenig über das Thema; ein unbekanntes Wort, das hier fehlt, kann
# ein Name sein ("Hessenkasse", "LEADER") und zeigt dann, dass die Frage ein anderes Thema hat.
#
# Nach der Zeile ${REAL_WORDS_MARKER}: Wörter jeder Wortart, die in den Artikeln nicht vorkommen, aber nur ein
# oder zwei Tastendrücke von einem Wort der Artikel entfernt sind ("Leitung" – "Leistung"). Sie sind echte
# Wörter, keine Tippfehler: der Bot liest sie nicht als das Wort der Artikel ("antragstelung" dagegen schon).
`;
const lines = (terms: Iterable<string>) => {
  const byInitial = new Map<string, string[]>();
  for (const term of [...terms].sort()) {
    const initial = term[0]!;
    byInitial.set(initial, [...(byInitial.get(initial) ?? []), term]);
  }
  return [...byInitial.values()].map((group) => group.join(' ')).join('\n');
};
await writeFile(WORDS_OUTPUT, `${wordsHeader}${lines(ordinary)}\n${REAL_WORDS_MARKER}\n${lines(real)}\n`);
process.stdout.write(`${ordinary.size} ordinary words and ${real.size} real words near the vocabulary written to ${WORDS_OUTPUT}\n`);
