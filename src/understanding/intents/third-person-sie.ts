/**
 * Which "sie" of a message is the polite "Sie" the bot's requests address, and which is "she", "it" or "they"
 * (pure). The intent recogniser reads a message only after `withoutThirdPersonSie`, so "…, wenn sie einmalig
 * zustande kommt" is no request to the office.
 */
import { foldGerman, tokenizeWords } from '../../language/german-normalizer.js';

/**
 * Words after which "sie" opens a subordinate clause, whose finite verb is its last word ("…, wenn sie einmalig
 * zustande kommt"): conjunctions and relative pronouns.
 */
const SUBORDINATORS = new Set(
  'wenn ob dass daß weil da falls sobald solange bis damit obwohl nachdem bevor ehe sofern soweit als wie was wo die der das den dem deren dessen welche welcher welches'.split(
    ' ',
  ),
);
/** Where a clause ends: punctuation, a dash, or "und", "oder", "aber" between two clauses. */
const CLAUSE_BOUNDARY = /[,;:()\n.!?–—]|\s-\s|(?<!\p{L})(?:und|oder|aber|sondern)(?!\p{L})/giu;
/** Finite verbs of the third person singular that do not end in "t" ("muss", "kann", "wird", "wäre"), umlauts folded. */
const SINGULAR_FINITE = new Set(
  'kann muss soll darf will mag wird war weiss mochte mochte konnte sollte musste durfte wurde wollte hatte hatte ware kam gab ging lag stand bekam fiel'.split(
    ' ',
  ),
);

/**
 * The text with every "sie" that is "she", "it" or "they" by its verb replaced by "es": the polite "Sie" takes a
 * verb in the plural ("Können Sie …", "…, ob Sie mich anrufen können"), "sie" with a verb in the singular names
 * something else ("…, wenn sie einmalig zustande kommt", "Muss sie jedes Jahr erreicht werden?"). Its verb is the
 * clause's last word in a subordinate clause, else the word before "sie" or, with "sie" first, the one after. A
 * capital "Sie" inside a sentence is always the polite form ("Erreicht man Sie auch abends?").
 */
export function withoutThirdPersonSie(text: string): string {
  if (!/(?<!\p{L})sie(?!\p{L})/iu.test(text)) return text;
  const bounds = [0, ...[...text.matchAll(CLAUSE_BOUNDARY)].flatMap((m) => [m.index, m.index + m[0].length]), text.length];
  return text.replace(/(?<!\p{L})sie(?!\p{L})/giu, (match, at: number) => {
    const start = Math.max(...bounds.filter((b) => b <= at));
    const end = Math.min(...bounds.filter((b) => b > at));
    const before = tokenizeWords(text.slice(start, at)).map((w) => foldGerman(w.toLowerCase()));
    const after = tokenizeWords(text.slice(at + match.length, end)).map((w) => foldGerman(w.toLowerCase()));
    // A capital "Sie" inside a sentence is the polite form however its verb reads.
    if (match === 'Sie' && /\p{L}/u.test(text.slice(sentenceStart(text, at), at))) return match;
    const subordinate = before.length > 0 && SUBORDINATORS.has(before.at(-1)!);
    const verb = subordinate ? after.at(-1) : (before.at(-1) ?? after[0]);
    return verb !== undefined && isSingularFinite(verb) ? 'es' : match;
  });
}

/** Where the sentence around a position starts (after the last `.`, `!`, `?` or line break before it). */
function sentenceStart(text: string, at: number): number {
  const ends = [...text.slice(0, at).matchAll(/[.!?\n]/gu)];
  return ends.length > 0 ? ends.at(-1)!.index + 1 : 0;
}

/** True for a finite verb form of the third person singular: "kommt", "reicht", "ist", "muss", "wäre". */
function isSingularFinite(word: string): boolean {
  return SINGULAR_FINITE.has(word) || (word.length >= 3 && /[^aeiou]t$/.test(word)) || word === 'ist' || word === 'hat';
}
