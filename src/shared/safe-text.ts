/**
 * The one place for the safety of user text (pure functions). User text is cleaned once where it enters
 * (the bot's text input, the handoff form fields) and escaped wherever it is shown again in Markdown or
 * HTML (replies, advisor cards and relays, the editorial report, the terminal list of cases). Teams, Web Chat,
 * Adaptive Cards and report viewers would otherwise render it as links, emphasis, headings or markup.
 *
 * @example
 * ```ts
 * escapeMarkdown('[Klick](http://x) *fett*'); // '\\[Klick\\]\\(http://x\\) \\*fett\\*'
 * cleanInput('Petra\u202E Muster\u200B', 100); // 'Petra Muster'
 * isEmailAddress('javascript:alert@evil.de'); // false
 * ```
 */

/**
 * Characters that are invisible or change how the text around them is shown: control characters (C0, DEL,
 * C1; tab and line feed are kept), format characters (bidi overrides and isolates, zero-width space and
 * joiners, soft hyphen, byte-order mark, tag characters) and the Hangul fillers that render as blanks.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u115f\u1160\u3164\uffa0]/gu;
/** Line breaks other than `\n` (so a "line" cannot be broken in a way later steps do not see). */
const OTHER_LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
/** What Markdown (CommonMark, Teams, Adaptive Cards) reads as markup. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-!|<>~]/g;

/** Removes control, bidi and zero-width characters; keeps tabs and line breaks (as `\n`). */
export function stripControlCharacters(text: string): string {
  return text.replace(OTHER_LINE_BREAKS, '\n').replace(INVISIBLE, '');
}

/** The text on one line: invisible characters removed, every run of white space one blank, trimmed. */
export function singleLine(text: string): string {
  return stripControlCharacters(text).replace(/\s+/g, ' ').trim();
}

/** User text for a Markdown message or card: invisible characters removed and Markdown escaped (line breaks kept). */
export function escapeMarkdown(text: string): string {
  return stripControlCharacters(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** User text inside one line of Markdown (a list item, a table cell, a title): on one line, then escaped. */
export function escapeMarkdownInline(text: string): string {
  return singleLine(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/**
 * A short free-text field as it is stored (a case's municipality, name, concern): on one line, without
 * angle brackets, at most `maxLength` characters (never cutting a character in half).
 */
export function cleanInput(text: string, maxLength: number): string {
  const line = singleLine(text.replace(/[<>]/g, ' '));
  const characters = Array.from(line);
  return characters.length <= maxLength ? line : characters.slice(0, maxLength).join('').trimEnd();
}

/** Longest address (RFC 5321: 254 in a path), local part (64) and domain label (63). */
const EMAIL_LIMITS = { address: 254, local: 64, label: 63 };
/** Local part: dot-separated atoms of letters, digits and the usual symbols; never a colon, quote or bracket. */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_{|}~-]+)*$/u;
/** A domain label: letters and digits, hyphens only inside. */
const DOMAIN_LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
/** Top-level domain: letters (or an IDN in its `xn--` form). */
const TOP_LEVEL = /^(\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

/**
 * Whether `text` is a real e-mail address: `local@domain.tld`, a local part of atoms separated by single dots
 * (no quoted forms, so nothing scheme-like such as `javascript:…@…`), a domain of at least two labels with a
 * top-level domain of letters, and within the length limits of the standard.
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > EMAIL_LIMITS.address || text !== stripControlCharacters(text)) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  return (
    local.length <= EMAIL_LIMITS.local &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= EMAIL_LIMITS.label && DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels.at(-1)!)
  );
}
