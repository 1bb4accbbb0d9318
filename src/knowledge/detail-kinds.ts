import { foldGerman } from '../language/german-normalizer.js';
import type { DetailsFile } from './details-schema.js';
import type { Article } from './types.js';

/** A way of reaching the advising office that its configured contact data can supply. */
export type OfficeContactField = 'phone' | 'email' | 'url';

/** Whether and where an article supplies a requested detail. */
export type DetailSupply =
  /** The article has it, in the sections `sections` (indexes in order, 0: the intro; never empty). */
  | { status: 'article'; sections: number[] }
  /** The article is about the advising office, whose configured contact data has it. */
  | { status: 'office'; field: OfficeContactField }
  | { status: 'missing' };

/** One kind of detail, compiled. */
export interface DetailKind {
  name: string;
  /** What the bot says when the article lacks it. */
  missing: string;
  officeContact?: OfficeContactField;
  /** Only the asked thing's own article supplies it: a related article's one is another thing's (a cap, `topic_only`). */
  topicOnly?: boolean;
  asks: RegExp;
  suppliedWords?: RegExp;
  suppliedPattern?: RegExp;
}

/**
 * The compiled `_meta/details.yml`: the kinds of information a question can ask for (a phone number, a deadline …),
 * each with the words that ask for it and what an article must contain to supply it. Answering with an article that
 * lacks the detail would look confident but leave the question open.
 */
export class RequestedDetails {
  private constructor(
    readonly kinds: readonly DetailKind[],
    private readonly unknown: RegExp | undefined,
    private readonly officeArticles: ReadonlySet<string>,
  ) {}

  static compile(file: DetailsFile): RequestedDetails {
    const kinds = Object.entries(file.details).map(([name, detail]) => ({
      name,
      missing: detail.missing,
      officeContact: detail.office_contact,
      topicOnly: detail.topic_only,
      asks: phrasesPattern(detail.asked_by)!,
      suppliedWords: phrasesPattern(detail.supplied_by.words),
      suppliedPattern: detail.supplied_by.pattern === undefined ? undefined : new RegExp(detail.supplied_by.pattern, 'u'),
    }));
    return new RequestedDetails(kinds, phrasesPattern(file.unknown_markers), new Set(file.office.articles));
  }

  /** The kinds of detail a question asks for, in the order of the file. */
  asked(question: string): DetailKind[] {
    const lower = question.toLowerCase();
    return this.kinds.filter((kind) => kind.asks.test(lower));
  }

  /**
   * The question without the words that ask for a detail: what it asks about
   * ("Welche Telefonnummer hat das RP?" → "Welche hat das RP?").
   */
  subjectOf(question: string, kinds: readonly DetailKind[]): string {
    let text = question;
    // Lower case keeps the length of German text, so the matches found there cut the text as written.
    for (const kind of kinds) {
      let result = '';
      let last = 0;
      for (const match of text.toLowerCase().matchAll(new RegExp(kind.asks.source, 'gdu'))) {
        // What a phrase leaves open stays: the words a "…" skips and the start of a compound ("Friedhofs|gebühren").
        const kept = (match.indices ?? []).slice(1).flatMap((span) => (span ? [text.slice(span[0], span[1])] : []));
        result += `${text.slice(last, match.index)} ${kept.join(' ')} `;
        last = match.index + match[0].length;
      }
      text = result + text.slice(last);
    }
    return text
      .replace(/\s+/g, ' ')
      .replace(/\s+([?.!,])/g, '$1')
      .trim();
  }

  /** Whether `article` supplies `kind`: in which section, or through the office's contact data, or not at all. */
  supply(article: Article, kind: DetailKind): DetailSupply {
    // A section headed "Nicht bekannt" lists what is not known; its items supply nothing.
    const sections = article.sections.flatMap((s, i) =>
      (s.heading === null || !this.marksUnknown(s.heading)) && this.sectionSupplies(s.text, kind) ? [i] : [],
    );
    if (sections.length > 0) return { status: 'article', sections };
    if (kind.officeContact && this.officeArticles.has(article.id)) return { status: 'office', field: kind.officeContact };
    return { status: 'missing' };
  }

  /** Whether a statement says something is not known ("… wurde nicht gefunden"): it supplies nothing. */
  marksUnknown(text: string): boolean {
    return this.unknown?.test(text.toLowerCase()) ?? false;
  }

  private sectionSupplies(text: string, kind: DetailKind): boolean {
    for (const sentence of statements(text)) {
      const found = (kind.suppliedPattern?.test(sentence) ?? false) || (kind.suppliedWords?.test(sentence.toLowerCase()) ?? false);
      if (found && !this.marksUnknown(sentence)) return true;
    }
    return false;
  }
}

/** The sentences and list items of a section's text (headings are questions, not statements); "bis zum 31. März" is one. */
function statements(text: string): string[] {
  return text.split(/\n+|(?<=[.!?])(?<!\d\.)\s+(?=\p{Lu})/u).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const LETTER = '[\\p{L}\\p{N}]';
const GAP = '[\\s,;:/–-]+';
/** `…` in a phrase: up to four words in between (captured: they stay in the question's subject). */
const ANY_WORDS = `((?:${GAP}[^\\s]+){0,4}?)`;

/**
 * One pattern for a list of phrases, to test on lower-case text. In a phrase, words stand apart; `*` at the end of a word
 * allows any ending (`telefonnummer*`), at its start any beginning (`*frist`: also "Antragsfrist");
 * `a|b` allows either word; `…` allows up to four words in between ("hotline … nummer").
 */
export function phrasesPattern(phrases: readonly string[]): RegExp | undefined {
  // Longer phrases first, so that "e-mail-adresse" is cut as a whole, not as "e-mail" and a rest.
  const alternatives = phrases
    .map(phraseSource)
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  return alternatives.length > 0 ? new RegExp(`(?<!${LETTER})(?:${alternatives.join('|')})(?!${LETTER})`, 'u') : undefined;
}

function phraseSource(phrase: string): string {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  return words
    .map((word, i) => (word === '…' || word === '...' ? ANY_WORDS : `${i > 0 ? GAP : ''}(?:${word.split('|').map(wordSource).join('|')})`))
    .join('');
}

function wordSource(word: string): string {
  const start = word.startsWith('*') ? '(\\p{L}*)' : '';
  const end = word.endsWith('*') ? '\\p{L}*' : '';
  const core = foldGerman(word.replace(/^\*|\*$/g, ''))
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ss|[aou]/g, (letter) => SPELLINGS[letter] ?? letter);
  return `${start}${core}${end}`;
}

/** Each folded letter matches every way of writing it ("heisst" and "heißt", "Aenderung" and "Änderung"). */
const SPELLINGS: Record<string, string> = { ss: '(?:ss|ß)', a: '(?:ae|ä|a)', o: '(?:oe|ö|o)', u: '(?:ue|ü|u)' };
