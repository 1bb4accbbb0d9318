import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { intentsFileSchema } from '../../../src/knowledge/intent-schema.js';
import { IntentVocabulary } from '../../../src/understanding/intents/intent-vocabulary.js';
import { RequestReading } from '../../../src/understanding/intents/request-reading.js';

// The shipped word lists (`words.self`, `words.asking`, `words.persons` …): the reading is only as good as they are.
const FILE = intentsFileSchema.parse(
  parse(readFileSync(fileURLToPath(new URL('../../../knowledge/_meta/intents.yml', import.meta.url)), 'utf8')),
);
const vocabulary = new IntentVocabulary(FILE);
const reading = new RequestReading(FILE.words, vocabulary);
const termsOf = (sentence: string) => vocabulary.words.termUses(sentence).map((use) => vocabulary.messageTerm(use));

describe('RequestReading.isOwnRequest', () => {
  it.each([
    'Kann mich jemand anrufen?',
    'Wen kann ich anrufen?',
    // A bare noun with a question mark asks for it; a person of the office names the bot's side.
    'Ansprechpartner?',
    'Ist gerade eine Beraterin erreichbar?',
    'Wie erreiche ich einen Menschen?',
    'Ich möchte mit einer Beraterin sprechen.',
    // The clause after a frame, read as the question it is.
    'Im Ausschuss blieb offen, ob mich jemand zurückrufen kann',
  ])('"%s" is a request of the asker\'s own', (sentence) => {
    expect(reading.isOwnRequest(sentence)).toBe(true);
  });

  it.each([
    'Wie erreiche ich die Beratungsstelle?',
    'Was macht eine Beraterin?',
    'Berät das Kompetenzzentrum auch Landkreise?',
    'Kommen die Fachleute zu uns ins Rathaus?',
    'Schreiben Sie auch E-Mails oder nur im Chat?',
    'Uns würde interessieren, ob das Beratungszentrum auch Satzungen durchsieht',
  ])('"%s" asks about the office or others', (sentence) => {
    expect(reading.isOwnRequest(sentence)).toBe(false);
  });
});

describe('RequestReading, the other readings of a sentence', () => {
  it('tells a question about what the office does from one to the bot or about a person', () => {
    expect(reading.asksWhatTheOfficeDoes('Womit kann uns das Kompetenzzentrum helfen?')).toBe(true);
    expect(reading.asksWhatTheOfficeDoes('Wobei unterstützt die Beratungsstelle?')).toBe(true);
    expect(reading.asksWhatTheOfficeDoes('Wobei können Sie mir helfen?')).toBe(false);
    expect(reading.asksWhatTheOfficeDoes('Was kann der Bot?')).toBe(false);
    expect(reading.asksWhatTheOfficeDoes('Wann kann mich die Beraterin anrufen?')).toBe(false);
  });

  it("reads a wishing subjunctive as asking for it, not the asker's past", () => {
    expect(reading.asksForIt('Wäre ein Termin bei uns möglich?')).toBe(true);
    expect(reading.asksForIt('Gäbe es einen Termin?')).toBe(true);
    expect(reading.asksForIt('Hätte ich einen Termin gebraucht?')).toBe(false);
    expect(reading.asksForIt('Ist ein Termin möglich?')).toBe(false);
  });

  it('reads a stated wish, not a question, a wish to know or a past tense', () => {
    expect(reading.isStatedWish('Ich hätte gern eine Beratung.')).toBe(true);
    expect(reading.isStatedWish('Wir möchten einen Termin.')).toBe(true);
    expect(reading.isStatedWish('Ich möchte wissen, ob die Beratung etwas kostet.')).toBe(false);
    expect(reading.isStatedWish('Wir hatten ein Beratungsgespräch.')).toBe(false);
    expect(reading.isStatedWish('Möchten Sie einen Termin?')).toBe(false);
  });

  it('finds the office\'s own contact data asked for ("Ihre Telefonnummer")', () => {
    expect(reading.asksForOfficeData('Können Sie mir Ihre Telefonnummer geben?')).toBe(true);
    expect(reading.asksForOfficeData('Wie ist Ihre E-Mail-Adresse?')).toBe(true);
    expect(reading.asksForOfficeData('Haben Sie eine E-Mail-Adresse?')).toBe(false);
    expect(reading.asksForOfficeData('Rufen Sie mich an')).toBe(false);
  });

  it('finds the office named next to a noun of its contact data, not a verb of talking', () => {
    expect(reading.namesOfficeContact('Haben Sie eine E-Mail-Adresse vom Beratungszentrum?')).toBe(true);
    expect(reading.namesOfficeContact('hat das beratungszentrum ne email adresse')).toBe(true);
    expect(reading.namesOfficeContact('Haben Sie eine E-Mail-Adresse?')).toBe(false);
    expect(reading.namesOfficeContact('Am liebsten würde ich kurz mit Ihrem Team telefonieren.')).toBe(false);
  });

  it.each([
    ['Wann bereiten wir den Antrag am geschicktesten vor?', true],
    ['Womit fangen wir an?', true],
    ['Wo fangen wir beim Antrag an?', true],
    ['Wer bereitet den Antrag am besten vor?', false],
    ['Wann bereiten wir den Antrag vor?', false],
    ['Wo beginnt der Dienstweg?', false],
  ])('"%s" asks how to proceed: %s', (text, expected) => {
    expect(reading.asksHowToProceed(text, termsOf(text))).toBe(expected);
  });

  it('reads "wer" with a verb of advising as "jemand", not with another verb', () => {
    const terms = (sentence: string) => reading.whoAdvises(sentence, termsOf(sentence)).map((term) => term.term);
    expect(terms('Wer könnte uns beraten?')).toContain('jemand');
    expect(terms('Wer von Ihnen könnte uns begleiten?')).toContain('jemand');
    expect(terms('Wer prüft den Antrag?')).not.toContain('jemand');
  });

  it.each([
    ['Wer kann uns bei der Fusion beraten?', true],
    ['Und wer unterstützt uns dabei?', true],
    ['Wer könnte uns bei der Fusion beraten?', false],
    ['Wer von Ihnen kann uns helfen?', false],
    ['Wer kann mir persönlich helfen?', false],
    ['Wer kann mich zurückrufen?', false],
    ['Wer prüft den Antrag?', false],
  ])('"%s" asks who advises (the office): %s', (sentence, expected) => {
    expect(reading.asksWhoAdvises(sentence)).toBe(expected);
  });

  it.each([
    ['Unterstützt uns die Beratungsstelle bei der Satzung?', true],
    ['Begleitet das Kompetenzzentrum auch Landkreise?', true],
    ['Beraten Sie nur zur Förderung oder auch zur Satzung?', true],
    ['Wer kann uns beraten?', true],
    ['Hilft uns eine Beraterin vom Beratungszentrum?', false],
    ['Kann uns die Beratungsstelle zurückrufen?', false],
    ['Können Sie uns beraten?', false],
    ['Wir brauchen Hilfe vom Beratungszentrum.', false],
  ])('"%s" asks about the office: %s', (sentence, expected) => {
    expect(reading.asksAboutTheOffice(sentence)).toBe(expected);
  });

  it('names a person of the office or the asker to be reached', () => {
    expect(reading.namesPerson(termsOf('Rufen Sie mich an'))).toBe(true);
    expect(reading.namesPerson(termsOf('mit einer Sachbearbeiterin'))).toBe(true);
    expect(reading.namesPerson(termsOf('Haben Sie eine E-Mail-Adresse?'))).toBe(false);
  });
});
